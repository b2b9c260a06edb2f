// Warning UI for the content script: the badge now, the dialog chunk on first use (dynamic import;
// crxjs lists the chunk in web_accessible_resources so the content script may load it).
import { TEST_BUILD } from '../../shared/build-flags';
import { type DialogModule, type MountOptions, mountBadge, openStandalone, type WarningView } from './badge';
import type { WarningInput } from './types';

let ready: DialogModule | null = null;
let loading: Promise<DialogModule> | null = null;

function dialogSource(): DialogModule | Promise<DialogModule> {
  if (ready) return ready;
  loading ??= import('./dialog-entry').then(
    (module) => {
      ready = module;
      return module;
    },
    (error: unknown) => {
      loading = null; // let the next click try again
      throw error;
    },
  );
  return loading;
}

/** Closed on web pages; the browser-test build opens it so the UI tests can look inside (build-flags.ts). */
const shadowMode: ShadowRootMode = TEST_BUILD ? 'open' : 'closed';

export function mountWarning(host: HTMLElement, input: WarningInput, options?: MountOptions): WarningView {
  return mountBadge(host, input, dialogSource, { shadowMode, ...options });
}

export function openVerdictDialog(input: WarningInput, options?: MountOptions): { close(): void } {
  return openStandalone(input, dialogSource, { shadowMode, ...options });
}
