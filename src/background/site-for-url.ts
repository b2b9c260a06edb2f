// Which adapter owns a URL, by the same match patterns the browser uses to inject the content script.
import { siteAdapters } from '../sites/index';
import { urlMatches } from '../sites/match-pattern';
import type { SiteAdapter } from '../sites/types';

export function siteForUrl(
  url: string | null | undefined,
  adapters: readonly SiteAdapter[] = siteAdapters,
): SiteAdapter | undefined {
  if (!url) return undefined;
  return adapters.find((adapter) => urlMatches(adapter, url));
}
