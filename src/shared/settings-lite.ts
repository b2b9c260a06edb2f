// Settings for the content script without zod: the same field-by-field repair as migrateSettings in
// settings.ts, checked by hand. The content script runs on every supported page, so the validator it
// ships is a few hundred bytes instead of the zod runtime; settings-lite.test.ts holds the two
// implementations to identical results on arbitrary input. Read-only: only the background writes
// repaired settings back (ensureSettingsMigrated).
import { browserUiLanguage, onStorageChanged, storageGet } from './browser-native';
import type { AllowEntry, Settings, SettingsField } from './settings';
import {
  COUNTRIES,
  defaultSettings,
  isAllowedRulesUrl,
  isRecord,
  LIMITS,
  migrations,
  type Raw,
  SETTINGS_VERSION,
} from './settings-core';

export const SETTINGS_KEY = 'settings';

const LANGUAGES: readonly string[] = ['auto', 'id', 'en'];
const SENSITIVITIES: readonly string[] = ['strict', 'normal', 'relaxed'];
const KINDS: readonly string[] = ['page', 'author', 'post'];

const isString = (value: unknown, min: number, max: number): value is string =>
  typeof value === 'string' && value.length >= min && value.length <= max;

const isSiteId = (value: unknown): value is string => isString(value, 1, LIMITS.siteId);

function allowEntry(value: unknown): AllowEntry | null {
  if (!isRecord(value)) return null;
  const { kind, value: text, site, added } = value;
  if (typeof kind !== 'string' || !KINDS.includes(kind)) return null;
  if (!isString(text, 1, LIMITS.allowValue) || !isString(added, 0, 40)) return null;
  if (site !== undefined && !isString(site, 0, LIMITS.siteId)) return null;
  // Unknown keys are dropped, as the zod object does.
  const entry: AllowEntry = { kind: kind as AllowEntry['kind'], value: text, added };
  if ('site' in value) entry.site = site as string | undefined;
  return entry;
}

/** The valid value of `field`, or undefined when `value` is not valid as a whole. */
function parseField(field: SettingsField, value: unknown): unknown {
  switch (field) {
    case 'language':
      return typeof value === 'string' && LANGUAGES.includes(value) ? value : undefined;
    case 'country':
      return typeof value === 'string' && (COUNTRIES as readonly string[]).includes(value) ? value : undefined;
    case 'sensitivity':
      return typeof value === 'string' && SENSITIVITIES.includes(value) ? value : undefined;
    case 'lowRiskHints':
      return typeof value === 'boolean' ? value : undefined;
    case 'disabledSites':
      return Array.isArray(value) && value.length <= LIMITS.disabledSites && value.every(isSiteId)
        ? [...value]
        : undefined;
    case 'allowlist': {
      if (!Array.isArray(value) || value.length > LIMITS.allowEntries) return undefined;
      const entries = value.map(allowEntry);
      return entries.every((entry) => entry !== null) ? entries : undefined;
    }
    case 'ruleUpdates':
      return isRecord(value) &&
        typeof value.enabled === 'boolean' &&
        isString(value.url, 0, LIMITS.url) &&
        isAllowedRulesUrl(value.url)
        ? { enabled: value.enabled, url: value.url }
        : undefined;
  }
}

function salvage(field: SettingsField, value: unknown, defaults: Settings): unknown {
  if (field === 'allowlist' && Array.isArray(value)) {
    const valid = value.map(allowEntry).filter((entry): entry is AllowEntry => entry !== null);
    return valid.slice(-LIMITS.allowEntries);
  }
  if (field === 'disabledSites' && Array.isArray(value)) {
    return [...new Set(value.filter(isSiteId))].slice(0, LIMITS.disabledSites);
  }
  if (field === 'ruleUpdates' && isRecord(value)) {
    const base = defaults.ruleUpdates;
    return {
      enabled: typeof value.enabled === 'boolean' ? value.enabled : base.enabled,
      url: isString(value.url, 0, LIMITS.url) && isAllowedRulesUrl(value.url) ? value.url : base.url,
    };
  }
  return defaults[field];
}

/** migrateSettings(stored, locale).settings, without zod. Never throws. */
export function readSettingsValue(stored: unknown, browserLocale = 'id'): Settings {
  const defaults = defaultSettings(browserLocale);
  if (!isRecord(stored)) return defaults;
  const claimed = stored.version;
  let raw: Raw = stored;
  for (
    let version = typeof claimed === 'number' && Number.isInteger(claimed) && claimed >= 0 ? claimed : 0;
    version < SETTINGS_VERSION;
    version++
  ) {
    try {
      const step = migrations[version];
      if (!step) break;
      raw = step(raw);
    } catch {
      break;
    }
  }
  const out: Raw = { version: SETTINGS_VERSION };
  for (const field of Object.keys(defaults) as Array<keyof Settings>) {
    if (field === 'version') continue;
    try {
      const value = raw[field];
      const parsed = value === undefined ? defaults[field] : parseField(field, value);
      out[field] = parsed !== undefined ? parsed : salvage(field, value, defaults);
    } catch {
      // Storage hands us plain JSON, but a field that cannot even be read is simply invalid.
      out[field] = defaults[field];
    }
  }
  return out as Settings;
}

function browserLocale(): string {
  try {
    return browserUiLanguage();
  } catch {
    return 'en';
  }
}

export async function loadSettingsLite(): Promise<Settings> {
  let stored: unknown;
  try {
    stored = await storageGet('sync', SETTINGS_KEY);
  } catch {
    stored = undefined;
  }
  try {
    return readSettingsValue(stored, browserLocale());
  } catch {
    return defaultSettings(browserLocale());
  }
}

export function onSettingsChangedLite(callback: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'sync' || !(SETTINGS_KEY in changes)) return;
    let next: Settings;
    try {
      next = readSettingsValue(changes[SETTINGS_KEY].newValue, browserLocale());
    } catch {
      next = defaultSettings(browserLocale());
    }
    callback(next);
  };
  return onStorageChanged(listener);
}
