// The few WebExtension calls the content scripts (and the rules source they share with the background) make,
// straight from the browser instead of through webextension-polyfill, which costs ~4 KB gzipped on every page
// of every supported site. Firefox's `browser` and Chrome's MV3 `chrome` both return promises for these calls;
// only runtime.onMessage differs (Chrome ignores a promise a listener returns), so listeners answer through
// sendResponse here, which both browsers support. Background, popup and options keep the polyfill.

export type StorageChanges = Record<string, { newValue?: unknown; oldValue?: unknown }>;
type StorageListener = (changes: StorageChanges, area: string) => void;
/** Returns a promise to answer the sender, or undefined to leave the message to other listeners. */
export type MessageListener = (message: unknown) => Promise<unknown> | undefined;
type RawMessageListener = (message: unknown, sender: unknown, sendResponse: (response: unknown) => void) => boolean;

interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
}

interface NativeApi {
  runtime: {
    id?: string;
    sendMessage(message: unknown): Promise<unknown>;
    getManifest(): { version: string };
    onMessage: { addListener(listener: RawMessageListener): void; removeListener(listener: RawMessageListener): void };
  };
  i18n: { getUILanguage(): string };
  storage: {
    sync: StorageArea;
    local: StorageArea;
    onChanged: { addListener(listener: StorageListener): void; removeListener(listener: StorageListener): void };
  };
}

/**
 * The API object as an own property of this script's global, never one found further up its prototype chain.
 * A page element with an id or name (`<form id="browser"><input name="runtime">`) shows up as `window.browser`
 * in a content script's world too, through the window's named-properties object, which sits on the prototype
 * chain: its nested names can fake any string (`runtime.id`), so no shape check on the value can tell it from the
 * real API. The real `browser` (Firefox) and `chrome` objects are defined on the global itself, where page markup
 * cannot put anything. Looked up on every call so tests can install a fake.
 */
function ownGlobal(name: 'browser' | 'chrome'): NativeApi | undefined {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, name);
  if (!descriptor) return undefined;
  const value = 'value' in descriptor ? descriptor.value : descriptor.get?.call(globalThis);
  if (typeof value !== 'object' || value === null) return undefined;
  // Belt and braces: a DOM node is never the extension API, whatever put it there.
  if (typeof Node === 'function' && value instanceof Node) return undefined;
  return value as NativeApi;
}

/** Firefox's promise-based `browser`, else Chrome's `chrome` (see ownGlobal for why only own properties). */
function api(): NativeApi {
  const firefox = ownGlobal('browser');
  if (firefox && typeof firefox.runtime?.id === 'string') return firefox;
  const chrome = ownGlobal('chrome');
  if (!chrome) throw new Error('no WebExtension API in this context');
  return chrome;
}

/** The extension's id, or undefined once the extension was reloaded or removed under a running content script. */
export function runtimeId(): string | undefined {
  return api().runtime?.id;
}

export function sendMessage(message: unknown): Promise<unknown> {
  return api().runtime.sendMessage(message);
}

export function manifestVersion(): string {
  return api().runtime.getManifest().version;
}

export function browserUiLanguage(): string {
  return api().i18n.getUILanguage();
}

/** The languages the user asked websites for, best first; the browser's UI language when that list is empty. */
export function acceptedLanguages(): readonly string[] {
  const listed = typeof navigator !== 'undefined' ? navigator.languages : undefined;
  return listed?.length ? listed : [browserUiLanguage()];
}

export async function storageGet(area: 'sync' | 'local', key: string): Promise<unknown> {
  return (await api().storage[area].get(key))[key];
}

/** Calls `listener` for every storage change; returns the unsubscribe. */
export function onStorageChanged(listener: StorageListener): () => void {
  const events = api().storage.onChanged;
  events.addListener(listener);
  return () => events.removeListener(listener);
}

/** Registers a message listener with promise replies; returns the unsubscribe. */
export function onMessage(listener: MessageListener): () => void {
  const raw: RawMessageListener = (message, _sender, sendResponse) => {
    const reply = listener(message);
    if (reply === undefined) return false;
    reply.then(sendResponse, () => sendResponse(undefined));
    return true; // keeps the channel open until sendResponse
  };
  const events = api().runtime.onMessage;
  events.addListener(raw);
  return () => events.removeListener(raw);
}
