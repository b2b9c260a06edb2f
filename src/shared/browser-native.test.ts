import { afterEach, describe, expect, it } from 'vitest';
import { onMessage, onStorageChanged, runtimeId, storageGet } from './browser-native';

type Raw = (message: unknown, sender: unknown, sendResponse: (response: unknown) => void) => boolean;

function fakeApi(id: string) {
  const listeners = new Set<Raw>();
  const storageListeners = new Set<unknown>();
  return {
    listeners,
    storageListeners,
    runtime: {
      id,
      sendMessage: async () => undefined,
      getManifest: () => ({ version: '1.2.3' }),
      onMessage: { addListener: (l: Raw) => listeners.add(l), removeListener: (l: Raw) => listeners.delete(l) },
    },
    i18n: { getUILanguage: () => 'id' },
    storage: {
      sync: { get: async (key: string) => ({ [key]: `sync:${key}` }) },
      local: { get: async () => ({}) },
      onChanged: {
        addListener: (l: unknown) => storageListeners.add(l),
        removeListener: (l: unknown) => storageListeners.delete(l),
      },
    },
  };
}

const scope = globalThis as { browser?: unknown; chrome?: unknown };
afterEach(() => {
  delete scope.browser;
  delete scope.chrome;
});

/** Delivers a message the way the browser does and collects what the listener answers. */
async function deliver(listener: Raw, message: unknown): Promise<{ kept: boolean; response: unknown }> {
  let respond: (value: unknown) => void = () => undefined;
  const answered = new Promise((resolve) => {
    respond = resolve;
  });
  const kept = listener(message, {}, respond);
  return { kept, response: kept ? await answered : undefined };
}

describe('browser-native', () => {
  it('uses Firefox’s browser when it has a runtime id, else chrome', async () => {
    scope.chrome = fakeApi('from-chrome');
    expect(runtimeId()).toBe('from-chrome');
    scope.browser = fakeApi('from-firefox');
    expect(runtimeId()).toBe('from-firefox');
    expect(await storageGet('sync', 'settings')).toBe('sync:settings');
  });

  it('ignores a clobbered window.browser from the prototype chain (<form id="browser"><input name="runtime">)', () => {
    // Page elements with an id reach a content script's world through the window's named-properties object on
    // its prototype chain; a form with an input named "runtime" makes browser.runtime.id a string.
    scope.chrome = fakeApi('from-chrome');
    const proto = Object.getPrototypeOf(globalThis) as object;
    const input = { id: 'runtime', name: 'runtime', tagName: 'INPUT' };
    Object.defineProperty(proto, 'browser', { value: { id: 'browser', tagName: 'FORM', runtime: input }, configurable: true });
    try {
      expect((globalThis as { browser?: { runtime?: { id?: unknown } } }).browser?.runtime?.id).toBe('runtime');
      expect(runtimeId()).toBe('from-chrome');
      // Without a real chrome either, there is no API at all rather than the page's element.
      delete scope.chrome;
      expect(() => runtimeId()).toThrow(/no WebExtension API/);
    } finally {
      delete (proto as { browser?: unknown }).browser;
    }
  });

  it('ignores a page element that shows up as window.browser', () => {
    scope.chrome = fakeApi('from-chrome');
    scope.browser = { id: 'browser', tagName: 'DIV' };
    expect(runtimeId()).toBe('from-chrome');
  });

  it('answers through sendResponse (Chrome ignores returned promises) and leaves other messages alone', async () => {
    const api = fakeApi('x');
    scope.chrome = api;
    const off = onMessage((message) => {
      if (message === 'ask') return Promise.resolve({ ok: true });
      if (message === 'fail') return Promise.reject(new Error('boom'));
      return undefined;
    });
    const [raw] = [...api.listeners];
    expect(await deliver(raw, 'ask')).toEqual({ kept: true, response: { ok: true } });
    expect(await deliver(raw, 'fail')).toEqual({ kept: true, response: undefined });
    expect(await deliver(raw, 'other')).toEqual({ kept: false, response: undefined });
    off();
    expect(api.listeners.size).toBe(0);
  });

  it('unsubscribes storage listeners', () => {
    const api = fakeApi('x');
    scope.chrome = api;
    const off = onStorageChanged(() => undefined);
    expect(api.storageListeners.size).toBe(1);
    off();
    expect(api.storageListeners.size).toBe(0);
  });

  it('says so when no extension API exists', () => {
    expect(() => runtimeId()).toThrow(/no WebExtension API/);
  });
});
