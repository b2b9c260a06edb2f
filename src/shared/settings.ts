// User settings: one zod schema with defaults, stored in storage.sync. Read by the content script,
// background, popup and options. A value that fails the schema falls back to its default field by
// field (valid fields are kept), so a corrupted sync value never crashes any part of the extension.
import * as z from 'zod/mini';
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

export {
  COUNTRIES,
  type Country,
  countryFromLocale,
  DEFAULT_RULES_URL,
  defaultSettings,
  LIMITS,
  migrations,
  SETTINGS_VERSION,
  thresholdsFor,
  uiLanguage,
  uiLanguageFor,
} from './settings-core';

z.config({ jitless: true });

export const AllowEntry = z.object({
  kind: z.enum(['page', 'author', 'post']),
  /** Page URL prefix, author name, or post id. */
  value: z.string().check(z.minLength(1), z.maxLength(LIMITS.allowValue)),
  site: z.optional(z.string().check(z.maxLength(LIMITS.siteId))),
  added: z.string().check(z.maxLength(40)),
});
export type AllowEntry = z.infer<typeof AllowEntry>;

const SiteId = z.string().check(z.minLength(1), z.maxLength(LIMITS.siteId));

export const SettingsSchema = z.object({
  version: z.number(),
  language: z.enum(['auto', 'id', 'en']),
  country: z.enum(COUNTRIES),
  sensitivity: z.enum(['strict', 'normal', 'relaxed']),
  /** Adapter ids the user switched off. */
  disabledSites: z.array(SiteId).check(z.maxLength(LIMITS.disabledSites)),
  allowlist: z.array(AllowEntry).check(z.maxLength(LIMITS.allowEntries)),
  lowRiskHints: z.boolean(),
  ruleUpdates: z.object({
    enabled: z.boolean(),
    // Imported files and values synced from another device get the same URL check as the options form.
    url: z.string().check(z.maxLength(LIMITS.url), z.refine(isAllowedRulesUrl)),
  }),
});
export type Settings = z.infer<typeof SettingsSchema>;
const shape = SettingsSchema.shape;
export type SettingsField = Exclude<keyof Settings, 'version'>;

// ---------------------------------------------------------------------------------------------
// Migrations and repair

export interface MigrationResult {
  settings: Settings;
  /** Version the stored object claimed (0 when it had none), or null when nothing was stored. */
  fromVersion: number | null;
  /** Fields that were present but invalid and were reset (or, for lists, cleaned) — worth telling the user. */
  repaired: SettingsField[];
  /** True when the stored object differs from `settings` and should be written back. */
  changed: boolean;
}

/**
 * Turns whatever is stored (undefined, an old version, garbage) into valid current settings.
 * Missing fields take their defaults quietly; present-but-invalid ones are repaired and reported.
 */
export function migrateSettings(stored: unknown, browserLocale = 'id'): MigrationResult {
  const defaults = defaultSettings(browserLocale);
  if (stored === undefined || stored === null) {
    return { settings: defaults, fromVersion: null, repaired: [], changed: true };
  }
  if (!isRecord(stored)) {
    return { settings: defaults, fromVersion: 0, repaired: fieldsOf(defaults), changed: true };
  }
  const claimed = stored.version;
  const fromVersion = typeof claimed === 'number' && Number.isInteger(claimed) && claimed >= 0 ? claimed : 0;
  let raw: Raw = stored;
  // A newer version (synced from a newer install) is not downgraded: we keep what we understand.
  for (let version = fromVersion; version < SETTINGS_VERSION; version++) {
    try {
      const step = migrations[version];
      if (!step) break;
      raw = step(raw);
    } catch {
      break; // a broken step must not lose the user's settings: repair below keeps valid fields
    }
  }
  const { settings, repaired } = repairSettings(raw, defaults);
  const changed = fromVersion !== SETTINGS_VERSION || repaired.length > 0 || hasExtraKeys(stored, settings);
  return { settings, fromVersion, repaired, changed };
}

function fieldsOf(settings: Settings): SettingsField[] {
  return (Object.keys(settings) as (keyof Settings)[]).filter((key): key is SettingsField => key !== 'version');
}

function hasExtraKeys(stored: Raw, settings: Settings): boolean {
  return Object.keys(stored).some((key) => !(key in settings));
}

/** Field-by-field validation: valid fields kept, invalid ones reset, lists keep their valid items. */
export function repairSettings(raw: Raw, defaults: Settings): { settings: Settings; repaired: SettingsField[] } {
  const out: Raw = { version: SETTINGS_VERSION };
  const repaired: SettingsField[] = [];
  for (const field of fieldsOf(defaults)) {
    const value = raw[field];
    if (value === undefined) {
      out[field] = defaults[field];
      continue;
    }
    const parsed = z.safeParse(shape[field], value);
    if (parsed.success) {
      out[field] = parsed.data;
      continue;
    }
    const salvaged = salvage(field, value, defaults);
    out[field] = salvaged;
    repaired.push(field);
  }
  return { settings: out as Settings, repaired };
}

function salvage(field: SettingsField, value: unknown, defaults: Settings): unknown {
  if (field === 'allowlist' && Array.isArray(value)) {
    const valid = value.filter((entry) => z.safeParse(AllowEntry, entry).success) as AllowEntry[];
    // Keep the newest entries when over the cap: recent choices matter most to the user.
    return valid.slice(-LIMITS.allowEntries).map((entry) => z.parse(AllowEntry, entry));
  }
  if (field === 'disabledSites' && Array.isArray(value)) {
    const valid = value.filter((id): id is string => z.safeParse(SiteId, id).success);
    return [...new Set(valid)].slice(0, LIMITS.disabledSites);
  }
  if (field === 'ruleUpdates' && isRecord(value)) {
    const base = defaults.ruleUpdates;
    return {
      enabled: typeof value.enabled === 'boolean' ? value.enabled : base.enabled,
      url: z.safeParse(shape.ruleUpdates.shape.url, value.url).success ? (value.url as string) : base.url,
    };
  }
  return defaults[field];
}

/** Size of the settings item as storage.sync counts it (key + JSON of the value, UTF-8). */
export function syncItemBytes(settings: Settings, key = 'settings'): number {
  return new TextEncoder().encode(key + JSON.stringify(settings)).length;
}

/**
 * Drops the oldest allowlist entries (post ids first: they are the cheapest to lose, one post each)
 * until the settings fit one sync item. Returns how many entries were dropped.
 */
export function fitToSyncQuota(settings: Settings): { settings: Settings; dropped: number } {
  if (syncItemBytes(settings) <= LIMITS.syncItemBytes) return { settings, dropped: 0 };
  const allowlist = [...settings.allowlist];
  let dropped = 0;
  const fits = () => syncItemBytes({ ...settings, allowlist }) <= LIMITS.syncItemBytes;
  while (!fits() && allowlist.length > 0) {
    const postIndex = allowlist.findIndex((entry) => entry.kind === 'post');
    allowlist.splice(Math.max(postIndex, 0), 1);
    dropped++;
  }
  return { settings: { ...settings, allowlist }, dropped };
}

// ---------------------------------------------------------------------------------------------
// Export / import

export const EXPORT_FORMAT = 'lokeraman-settings';
/** Exports are a few KB; anything much bigger is not ours. */
export const MAX_IMPORT_BYTES = 64 * 1024;

export function exportSettings(settings: Settings, now: Date): string {
  return `${JSON.stringify({ format: EXPORT_FORMAT, exported: now.toISOString(), settings }, null, 2)}\n`;
}

export type ImportError =
  | { code: 'too-large' }
  | { code: 'not-json' }
  | { code: 'wrong-format' }
  | { code: 'newer-version'; version: number }
  | { code: 'invalid'; fields: string[] };

export type ImportResult = { ok: true; settings: Settings } | { ok: false; error: ImportError };

/**
 * Strict counterpart of migrateSettings for user-chosen files: the file must be one of our exports
 * (or a bare settings object) and every field must be valid, otherwise nothing is applied.
 */
export function parseImportedSettings(text: string): ImportResult {
  if (new TextEncoder().encode(text).length > MAX_IMPORT_BYTES) return { ok: false, error: { code: 'too-large' } };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: { code: 'not-json' } };
  }
  if (!isRecord(data)) return { ok: false, error: { code: 'wrong-format' } };
  let candidate: unknown;
  if ('format' in data) {
    if (data.format !== EXPORT_FORMAT || !isRecord(data.settings))
      return { ok: false, error: { code: 'wrong-format' } };
    candidate = data.settings;
  } else if (typeof data.version === 'number') {
    candidate = data;
  } else {
    return { ok: false, error: { code: 'wrong-format' } };
  }
  let raw = candidate as Raw;
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { ok: false, error: { code: 'invalid', fields: ['version'] } };
  }
  if (version > SETTINGS_VERSION) return { ok: false, error: { code: 'newer-version', version } };
  try {
    for (let step = version; step < SETTINGS_VERSION; step++) raw = migrations[step](raw);
  } catch {
    return { ok: false, error: { code: 'invalid', fields: ['version'] } };
  }
  const parsed = z.safeParse(SettingsSchema, raw);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? '?')))];
    return { ok: false, error: { code: 'invalid', fields } };
  }
  return { ok: true, settings: { ...parsed.data, version: SETTINGS_VERSION } };
}
