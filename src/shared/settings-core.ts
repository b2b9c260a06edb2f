// The zod-free half of the settings: constants, defaults, derived values and the version migrations.
// The content script runs on every supported page and imports only this (plus the hand-checked
// reader in settings-lite.ts), so zod stays out of the bundle every page loads. settings.ts
// re-exports all of it, so other parts keep importing from there.
import type { RiskThresholds } from '../engine/types';
import { RELEASE_RULES_URL } from './release-url';
import type { Settings } from './settings';

export const SETTINGS_VERSION = 1;

export const COUNTRIES = ['ID', 'PH', 'VN', 'TH', 'MY', 'OTHER'] as const;
export type Country = (typeof COUNTRIES)[number];

/**
 * Caps that keep the whole settings object inside one storage.sync item (QUOTA_BYTES_PER_ITEM is
 * 8192 bytes in Chrome and Firefox, key included) and keep a hostile synced value from ballooning
 * memory in every tab that reads it.
 */
export const LIMITS = {
  allowEntries: 200,
  allowValue: 300,
  siteId: 64,
  disabledSites: 64,
  url: 2048,
  /** Bytes of JSON we allow for the settings item; a margin below the 8192-byte quota. */
  syncItemBytes: 7800,
} as const;

/** From release.config.json; '' in a build made without a rules URL, which then starts with updates off. */
export const DEFAULT_RULES_URL = RELEASE_RULES_URL;

/**
 * Where rule updates may come from, and where a redirect may take the download: https, or plain http on this
 * machine only (a maintainer testing a local build). Checked by the options form, on every settings import and
 * sync (settings.ts), and by the background before and after each fetch (updates.ts).
 */
export function isAllowedRulesUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  // A build without a configured rules URL ships '' (updates off): a valid setting, not a URL to fetch.
  if (value === '') return true;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'https:') return url.hostname !== '';
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

export function defaultSettings(browserLocale = 'id', timeZone = localTimeZone()): Settings {
  return {
    version: SETTINGS_VERSION,
    language: 'auto',
    country: countryFromLocale(browserLocale, timeZone),
    sensitivity: 'normal',
    disabledSites: [],
    allowlist: [],
    lowRiskHints: false,
    ruleUpdates: { enabled: DEFAULT_RULES_URL !== '', url: DEFAULT_RULES_URL },
  };
}

/** Time zones that name one of our countries; many job seekers run an English (en-US) browser at home. */
const COUNTRY_BY_TIME_ZONE: Record<string, Country> = {
  'Asia/Jakarta': 'ID',
  'Asia/Pontianak': 'ID',
  'Asia/Makassar': 'ID',
  'Asia/Jayapura': 'ID',
  'Asia/Manila': 'PH',
  'Asia/Ho_Chi_Minh': 'VN',
  'Asia/Saigon': 'VN',
  'Asia/Bangkok': 'TH',
  'Asia/Kuala_Lumpur': 'MY',
  'Asia/Kuching': 'MY',
};

function localTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone ?? '';
  } catch {
    return '';
  }
}

/**
 * The user's country for reporting channels: the locale's region, else its language, else the time zone. The
 * time zone comes last because someone already working abroad keeps their language but not their clock.
 */
export function countryFromLocale(locale: string, timeZone = ''): Country {
  const [lang, region] = locale.replace('_', '-').split('-');
  const byRegion = (region ?? '').toUpperCase();
  if ((COUNTRIES as readonly string[]).includes(byRegion) && byRegion !== 'OTHER') return byRegion as Country;
  const byLanguage: Record<string, Country> = { id: 'ID', in: 'ID', tl: 'PH', fil: 'PH', vi: 'VN', th: 'TH', ms: 'MY' };
  return byLanguage[(lang ?? '').toLowerCase()] ?? COUNTRY_BY_TIME_ZONE[timeZone] ?? 'OTHER';
}

/** Sensitivity changes thresholds, never the rules: strict warns earlier, relaxed later. */
export function thresholdsFor(sensitivity: Settings['sensitivity'], base: RiskThresholds): RiskThresholds {
  const factor = sensitivity === 'strict' ? 0.8 : sensitivity === 'relaxed' ? 1.25 : 1;
  return { low: base.low * factor, medium: base.medium * factor, high: base.high * factor };
}

/**
 * UI language chosen by the settings and the browser alone: the explicit setting, else the first of the
 * browser's accepted languages that we speak (Indonesian or English). Null when none of them is ours:
 * then the post decides (see uiLanguage).
 */
export function uiLanguageFor(settings: Pick<Settings, 'language'>, accepted: string | readonly string[]): 'id' | 'en' | null {
  if (settings.language !== 'auto') return settings.language;
  const list = typeof accepted === 'string' ? accepted.split(',') : accepted;
  for (const tag of list) {
    const primary = tag.trim().toLowerCase().split(/[-_;]/)[0];
    if (primary === 'id' || primary === 'in') return 'id';
    if (primary === 'en') return 'en';
  }
  return null;
}

/** UI language: the setting, else the browser's accepted languages, else the post's language, else English. */
export function uiLanguage(
  settings: Pick<Settings, 'language'>,
  accepted: string | readonly string[],
  postLang?: string,
): 'id' | 'en' {
  return uiLanguageFor(settings, accepted) ?? (postLang === 'id' ? 'id' : 'en');
}

// ---------------------------------------------------------------------------------------------
// Migrations

export type Raw = Record<string, unknown>;

export function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Version 0 is every stored object without a `version` number: the shape written by the
 * pre-release builds, which used short legacy names (`lang`, `strict`, `sites`, `whitelist`,
 * `hints`). Mapping them keeps a tester's choices instead of silently resetting them.
 */
function migrateV0toV1(old: Raw): Raw {
  const next: Raw = { ...old };
  if (next.language === undefined && typeof old.lang === 'string') next.language = old.lang;
  if (next.sensitivity === undefined && typeof old.strict === 'boolean') {
    next.sensitivity = old.strict ? 'strict' : 'normal';
  }
  if (next.disabledSites === undefined && isRecord(old.sites)) {
    // v0 stored { facebook: true, tiktok: false }: false meant "switched off".
    next.disabledSites = Object.entries(old.sites)
      .filter(([, on]) => on === false)
      .map(([id]) => id);
  }
  if (next.allowlist === undefined && Array.isArray(old.whitelist)) {
    next.allowlist = old.whitelist
      .filter((value): value is string => typeof value === 'string' && value.trim() !== '')
      .map((value) => {
        const trimmed = value.trim();
        // v0 wrote authors as "@name" and pages as their URL.
        return trimmed.startsWith('@')
          ? { kind: 'author', value: trimmed.slice(1), added: '1970-01-01T00:00:00.000Z' }
          : { kind: 'page', value: trimmed, added: '1970-01-01T00:00:00.000Z' };
      });
  }
  if (next.lowRiskHints === undefined && typeof old.hints === 'boolean') next.lowRiskHints = old.hints;
  for (const legacy of ['lang', 'strict', 'sites', 'whitelist', 'hints']) delete next[legacy];
  next.version = 1;
  return next;
}

/** `migrations[n]` turns a version-n object into version n+1. Append only; never edit a shipped step. */
export const migrations: ReadonlyArray<(old: Raw) => Raw> = [migrateV0toV1];
