// User settings: one zod schema with defaults, stored in storage.sync. Read by the content script,
// background, popup and options. A value that fails the schema falls back to its default (never a crash).
import * as z from 'zod/mini';
import type { RiskThresholds } from '../engine/types';

z.config({ jitless: true });

export const SETTINGS_VERSION = 1;

export const COUNTRIES = ['ID', 'PH', 'VN', 'TH', 'MY', 'OTHER'] as const;
export type Country = (typeof COUNTRIES)[number];

export const AllowEntry = z.object({
  kind: z.enum(['page', 'author', 'post']),
  /** Page URL prefix, author name, or post id. */
  value: z.string(),
  site: z.optional(z.string()),
  added: z.string(),
});
export type AllowEntry = z.infer<typeof AllowEntry>;

export const SettingsSchema = z.object({
  version: z.number(),
  language: z.enum(['auto', 'id', 'en']),
  country: z.enum(COUNTRIES),
  sensitivity: z.enum(['strict', 'normal', 'relaxed']),
  /** Adapter ids the user switched off. */
  disabledSites: z.array(z.string()),
  allowlist: z.array(AllowEntry),
  lowRiskHints: z.boolean(),
  ruleUpdates: z.object({ enabled: z.boolean(), url: z.string() }),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_RULES_URL = 'https://lokeraman.github.io/rules/rules.bundle.json';

export function defaultSettings(browserLocale = 'id'): Settings {
  return {
    version: SETTINGS_VERSION,
    language: 'auto',
    country: countryFromLocale(browserLocale),
    sensitivity: 'normal',
    disabledSites: [],
    allowlist: [],
    lowRiskHints: false,
    ruleUpdates: { enabled: true, url: DEFAULT_RULES_URL },
  };
}

export function countryFromLocale(locale: string): Country {
  const [lang, region] = locale.replace('_', '-').split('-');
  const byRegion = (region ?? '').toUpperCase();
  if ((COUNTRIES as readonly string[]).includes(byRegion) && byRegion !== 'OTHER') return byRegion as Country;
  const byLanguage: Record<string, Country> = { id: 'ID', in: 'ID', tl: 'PH', fil: 'PH', vi: 'VN', th: 'TH', ms: 'MY' };
  return byLanguage[(lang ?? '').toLowerCase()] ?? 'OTHER';
}

/** Sensitivity changes thresholds, never the rules: strict warns earlier, relaxed later. */
export function thresholdsFor(sensitivity: Settings['sensitivity'], base: RiskThresholds): RiskThresholds {
  const factor = sensitivity === 'strict' ? 0.8 : sensitivity === 'relaxed' ? 1.25 : 1;
  return { low: base.low * factor, medium: base.medium * factor, high: base.high * factor };
}

/** UI language: explicit setting, else the browser's UI language when it is Indonesian, else English. */
export function uiLanguage(settings: Pick<Settings, 'language'>, browserUiLanguage: string): 'id' | 'en' {
  if (settings.language !== 'auto') return settings.language;
  return browserUiLanguage.toLowerCase().startsWith('id') || browserUiLanguage.toLowerCase().startsWith('in')
    ? 'id'
    : 'en';
}
