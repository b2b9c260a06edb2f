// Chrome extension match patterns (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns)
// turned into RegExps, so tests and the scanner can check URL ownership exactly as the browser will
// when it injects the content script.
import type { SiteAdapter } from './types';

const ALL_URLS_SCHEMES = '(?:https?|wss?|ftp|file)';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * RegExp equivalent of one match pattern, tested against `URL.href` (fragment ignored).
 * - scheme `*` means http or https only; `<all_urls>` any supported scheme;
 * - host `*` any host, `*.example.com` example.com and every subdomain, else exact (case-insensitive);
 * - no port in the pattern means any port (Chrome and Firefox both ignore it); `:*` also any port;
 * - path: `*` matches any run of characters, everything else is literal; the path covers the query.
 * Throws on a malformed pattern, like the browser refusing the manifest.
 */
export function matchPatternToRegExp(pattern: string): RegExp {
  if (pattern === '<all_urls>') return new RegExp(`^${ALL_URLS_SCHEMES}:\\/\\/.*$`, 'i');
  const match = /^(\*|https?|wss?|ftp|file|urn|data):\/\/([^/]*)(\/.*)$/.exec(pattern);
  if (!match) throw new Error(`Invalid match pattern: ${pattern}`);
  const [, scheme, hostPart, path] = match;
  const schemeRe = scheme === '*' ? 'https?' : escapeRegExp(scheme);

  let hostRe = '';
  if (scheme === 'file') {
    if (hostPart !== '') throw new Error(`Invalid match pattern (file host): ${pattern}`);
  } else {
    const hostMatch = /^(\*|(?:\*\.)?[^*:/]+)(?::(\*|\d+))?$/.exec(hostPart);
    if (!hostMatch) throw new Error(`Invalid match pattern host: ${pattern}`);
    const [, host, port] = hostMatch;
    if (host === '*') hostRe = '[^/:?#]+';
    else if (host.startsWith('*.')) hostRe = `(?:[^/:?#]+\\.)?${escapeRegExp(host.slice(2).toLowerCase())}`;
    else hostRe = escapeRegExp(host.toLowerCase());
    hostRe += port === undefined || port === '*' ? '(?::\\d+)?' : `:${port}`;
  }

  const pathRe = path.split('*').map(escapeRegExp).join('.*');
  return new RegExp(`^${schemeRe}:\\/\\/${hostRe}${pathRe}$`, 'i');
}

function withoutFragment(url: URL): string {
  const copy = new URL(url.href);
  copy.hash = '';
  return copy.href;
}

/** True when one of `patterns` matches `url` (a string or URL; unparseable strings never match). */
export function patternsMatch(patterns: readonly string[], url: string | URL): boolean {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return false;
  }
  const href = withoutFragment(parsed);
  return patterns.some((pattern) => {
    try {
      return matchPatternToRegExp(pattern).test(href);
    } catch {
      return false;
    }
  });
}

/** Whether `adapter` claims `url`: one of its match patterns matches and its isPostPage (if any) agrees. */
export function urlMatches(adapter: Pick<SiteAdapter, 'matches' | 'isPostPage'>, url: string | URL): boolean {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return false;
  }
  if (!patternsMatch(adapter.matches, parsed)) return false;
  if (!adapter.isPostPage) return true;
  try {
    return adapter.isPostPage(parsed);
  } catch {
    return false;
  }
}
