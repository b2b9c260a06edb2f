// storage.sync access for settings. Minimal first version; the options/background work hardens it
// (migrations, corruption repair, notices) behind these same function names.
import browser from './browser';
import { type AllowEntry, defaultSettings, type Settings, SettingsSchema } from './settings';
import * as z from 'zod/mini';

const KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  const stored = (await browser.storage.sync.get(KEY))[KEY];
  const parsed = z.safeParse(SettingsSchema, stored);
  return parsed.success ? parsed.data : defaultSettings(browser.i18n.getUILanguage());
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await loadSettings()), ...patch };
  await browser.storage.sync.set({ [KEY]: next });
  return next;
}

export async function addAllowEntry(entry: AllowEntry): Promise<Settings> {
  const settings = await loadSettings();
  return saveSettings({ allowlist: [...settings.allowlist, entry] });
}

export function onSettingsChanged(callback: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'sync' && KEY in changes) void loadSettings().then(callback);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
