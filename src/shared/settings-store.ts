// storage.sync access for settings. Reading never throws and never writes: any context (content
// script in every tab, popup, options) may read at once, so only the background migrates and writes
// back a repaired value (ensureSettingsMigrated), and the UI writes through saveSettings.
import browser from './browser';
import {
  type AllowEntry,
  defaultSettings,
  fitToSyncQuota,
  migrateSettings,
  type MigrationResult,
  repairSettings,
  type Settings,
  type SettingsField,
} from './settings';

export const SETTINGS_KEY = 'settings';
/** Lives in storage.local: the notice is about this device's copy, and is shown once. */
export const NOTICE_KEY = 'settingsNotice';

export interface SettingsNotice {
  /** Fields that held invalid values and were reset to defaults (or cleaned). */
  repaired: SettingsField[];
  /** Allowlist entries dropped because settings outgrew the sync storage item. */
  dropped: number;
  at: string;
}

function browserLocale(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return 'en';
  }
}

async function readStored(): Promise<unknown> {
  try {
    return (await browser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
  } catch {
    return undefined;
  }
}

export async function loadSettings(): Promise<Settings> {
  return migrateSettings(await readStored(), browserLocale()).settings;
}

async function writeSettings(settings: Settings): Promise<Settings> {
  const { settings: fitted, dropped } = fitToSyncQuota(settings);
  await browser.storage.sync.set({ [SETTINGS_KEY]: fitted });
  if (dropped > 0) await addNotice({ repaired: [], dropped });
  return fitted;
}

/**
 * Merges `patch` into the current settings. The result is re-validated field by field, so a bad
 * patch field keeps the current value instead of poisoning storage.
 */
export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const current = await loadSettings();
  const { settings } = repairSettings({ ...current, ...patch }, current);
  return writeSettings(settings);
}

/** Replaces every field (settings import). The caller has validated `settings` strictly. */
export async function replaceSettings(settings: Settings): Promise<Settings> {
  return writeSettings(settings);
}

export async function resetSettings(): Promise<Settings> {
  return writeSettings(defaultSettings(browserLocale()));
}

export async function addAllowEntry(entry: AllowEntry): Promise<Settings> {
  const settings = await loadSettings();
  const same = (other: AllowEntry) =>
    other.kind === entry.kind && other.value === entry.value && (other.site ?? '') === (entry.site ?? '');
  if (settings.allowlist.some(same)) return settings;
  return saveSettings({ allowlist: [...settings.allowlist, entry] });
}

export async function removeAllowEntry(entry: AllowEntry): Promise<Settings> {
  const settings = await loadSettings();
  return saveSettings({
    allowlist: settings.allowlist.filter(
      (other) => !(other.kind === entry.kind && other.value === entry.value && other.site === entry.site),
    ),
  });
}

export async function setSiteEnabled(siteId: string, enabled: boolean): Promise<Settings> {
  const settings = await loadSettings();
  const others = settings.disabledSites.filter((id) => id !== siteId);
  return saveSettings({ disabledSites: enabled ? others : [...others, siteId] });
}

/** Calls back with repaired settings on every change, including ones from other devices via sync. */
export function onSettingsChanged(callback: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'sync' && SETTINGS_KEY in changes) {
      callback(migrateSettings(changes[SETTINGS_KEY].newValue, browserLocale()).settings);
    }
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * Background only (install, update, start-up, and whenever sync brings a value): migrate and
 * repair what is stored, write it back when it changed, and leave a notice when fields were reset.
 *
 * On a fresh install nothing is written: every reader derives the same defaults from an empty
 * store, and the options page may already be open and saving the user's first choice, which a
 * late write of defaults would overwrite (storage has no compare-and-set). When something is stored
 * but needs repair, it is read again right before the single write, so only fields that are still
 * absent or invalid in the freshest value take defaults.
 */
export function ensureSettingsMigrated(): Promise<MigrationResult> {
  // One migration at a time in this context: onInstalled and a sync change must not interleave.
  const next = migrationQueue.then(migrateStored, migrateStored);
  migrationQueue = next;
  return next;
}

let migrationQueue: Promise<unknown> = Promise.resolve();

async function migrateStored(): Promise<MigrationResult> {
  const first = migrateSettings(await readStored(), browserLocale());
  if (first.fromVersion === null || !first.changed) return { ...first, changed: false };
  const stored = await readStored();
  const result = migrateSettings(stored, browserLocale());
  if (stored === undefined || stored === null || !result.changed) return { ...result, changed: false };
  try {
    await writeSettings(result.settings);
  } catch (error) {
    console.warn('LokerAman: could not write repaired settings', error);
  }
  if (result.repaired.length > 0) await addNotice({ repaired: result.repaired, dropped: 0 });
  return result;
}

async function addNotice(notice: Omit<SettingsNotice, 'at'>): Promise<void> {
  const previous = await getSettingsNotice();
  const merged: SettingsNotice = {
    repaired: [...new Set([...(previous?.repaired ?? []), ...notice.repaired])],
    dropped: (previous?.dropped ?? 0) + notice.dropped,
    at: new Date().toISOString(),
  };
  try {
    await browser.storage.local.set({ [NOTICE_KEY]: merged });
  } catch {
    // A notice is a courtesy; failing to store it must not fail the save.
  }
}

export async function getSettingsNotice(): Promise<SettingsNotice | null> {
  try {
    const value = (await browser.storage.local.get(NOTICE_KEY))[NOTICE_KEY] as Partial<SettingsNotice> | undefined;
    if (!value || typeof value !== 'object') return null;
    const repaired = Array.isArray(value.repaired) ? value.repaired.filter((f) => typeof f === 'string') : [];
    const dropped = typeof value.dropped === 'number' ? value.dropped : 0;
    if (repaired.length === 0 && dropped === 0) return null;
    return { repaired: repaired as SettingsField[], dropped, at: String(value.at ?? '') };
  } catch {
    return null;
  }
}

/** Reads the notice and removes it, so it is shown once by whichever page opens first. */
export async function takeSettingsNotice(): Promise<SettingsNotice | null> {
  const notice = await getSettingsNotice();
  if (notice) await browser.storage.local.remove(NOTICE_KEY);
  return notice;
}
