// Content script entry (manifest content_scripts, all frames of the supported sites). Wires the real
// extension APIs into the controller; all logic lives in controller.ts / scanner.ts.

import { acceptedLanguages, manifestVersion, onMessage, runtimeId, sendMessage } from '../shared/browser-native';
import { CONTENT_KEY, TEST_BUILD } from '../shared/build-flags';
import { loadSettingsLite, onSettingsChangedLite } from '../shared/settings-lite';
import { adapters } from '../sites/index';
import { mountWarning, openVerdictDialog } from '../ui/warning/lazy';
import { type ContentController, createContentController } from './controller';
import { getEngine, onRulesChanged } from './rules';

// Dev builds explain swallowed errors; production stays silent so the page never sees our failures.
const log: (...args: unknown[]) => void = import.meta.env.DEV ? (...args) => console.debug(...args) : () => {};

function alive(): boolean {
  try {
    const id = runtimeId();
    return typeof id === 'string' && id !== '';
  } catch {
    return false;
  }
}

type Holder = { [CONTENT_KEY]?: ContentController };

function boot(): void {
  // An earlier copy in this world (same extension instance) is found under a symbol the page cannot clobber.
  const holder = globalThis as unknown as Holder;
  const previous = holder[CONTENT_KEY];
  if (previous && !previous.stopped && alive()) return;
  previous?.stop();

  let isTopFrame = true;
  try {
    isTopFrame = window.top === window;
  } catch {
    isTopFrame = false;
  }

  const controller = createContentController({
    adapters,
    href: () => location.href,
    loadSettings: loadSettingsLite,
    onSettingsChanged: onSettingsChangedLite,
    getRules: getEngine,
    onRulesChanged,
    mountWarning,
    openVerdictDialog,
    send: sendMessage,
    onMessage,
    alive,
    browserUiLanguage: acceptedLanguages,
    extensionVersion: manifestVersion(),
    win: window,
    isTopFrame,
    log,
    markPage: TEST_BUILD,
  });
  holder[CONTENT_KEY] = controller;
  void controller.start();
}

try {
  boot();
} catch (error) {
  log('[lokeraman] content script failed to start', error);
}
