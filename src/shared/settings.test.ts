import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  countryFromLocale,
  DEFAULT_RULES_URL,
  defaultSettings,
  EXPORT_FORMAT,
  exportSettings,
  fitToSyncQuota,
  LIMITS,
  migrateSettings,
  migrations,
  parseImportedSettings,
  SETTINGS_VERSION,
  type Settings,
  SettingsSchema,
  syncItemBytes,
  thresholdsFor,
  uiLanguage,
} from './settings';

const base = { low: 2, medium: 4, high: 7 };

describe('migrations', () => {
  it('has exactly one step per version below the current one', () => {
    expect(migrations.length).toBe(SETTINGS_VERSION);
  });

  it('maps the unversioned v0 shape to v1, keeping the user’s choices', () => {
    const v0 = {
      lang: 'en',
      strict: true,
      sites: { facebook: true, tiktok: false, 'x-twitter': false },
      whitelist: ['https://www.facebook.com/groups/loker-resmi', '@PT Maju Jaya', '', 42],
      hints: true,
      country: 'PH',
    };
    const result = migrateSettings(v0, 'id-ID');
    expect(result.fromVersion).toBe(0);
    expect(result.changed).toBe(true);
    expect(result.repaired).toEqual([]);
    const s = result.settings;
    expect(s.version).toBe(1);
    expect(s.language).toBe('en');
    expect(s.sensitivity).toBe('strict');
    expect(s.disabledSites).toEqual(['tiktok', 'x-twitter']);
    expect(s.allowlist.map((e) => [e.kind, e.value])).toEqual([
      ['page', 'https://www.facebook.com/groups/loker-resmi'],
      ['author', 'PT Maju Jaya'],
    ]);
    expect(s.lowRiskHints).toBe(true);
    expect(s.country).toBe('PH');
    expect(z.safeParse(SettingsSchema, s).success).toBe(true);
    expect(Object.keys(s)).not.toContain('lang');
  });

  it('v0 with strict:false means normal sensitivity and missing fields take defaults', () => {
    const s = migrateSettings({ strict: false }, 'en-US').settings;
    expect(s.sensitivity).toBe('normal');
    expect(s.country).toBe('OTHER');
    expect(s.ruleUpdates).toEqual({ enabled: true, url: DEFAULT_RULES_URL });
  });

  it('leaves a current, valid object unchanged and reports nothing', () => {
    const current = defaultSettings('id-ID');
    const result = migrateSettings(structuredClone(current));
    expect(result).toEqual({ settings: current, fromVersion: 1, repaired: [], changed: false });
  });

  it('nothing stored gives locale defaults to be written, without a repair notice', () => {
    const result = migrateSettings(undefined, 'id-ID');
    expect(result.settings).toEqual(defaultSettings('id-ID'));
    expect(result.changed).toBe(true);
    expect(result.repaired).toEqual([]);
  });

  it('does not downgrade a newer version but keeps the fields it understands', () => {
    const newer = { ...defaultSettings(), version: 7, sensitivity: 'relaxed', futureField: { a: 1 } };
    const result = migrateSettings(newer);
    expect(result.fromVersion).toBe(7);
    expect(result.settings.sensitivity).toBe('relaxed');
    expect(result.settings.version).toBe(SETTINGS_VERSION);
  });
});

describe('field-by-field repair', () => {
  it('repairs only the invalid field (the e2e corruption case)', () => {
    const stored = { ...defaultSettings('id-ID'), language: 'en', sensitivity: 42 };
    const result = migrateSettings(stored);
    expect(result.settings.sensitivity).toBe('normal');
    expect(result.settings.language).toBe('en');
    expect(result.repaired).toEqual(['sensitivity']);
    expect(result.changed).toBe(true);
  });

  it('repairs an unversioned partial object with a bad value', () => {
    const result = migrateSettings({ sensitivity: 42 }, 'id-ID');
    expect(result.settings).toEqual(defaultSettings('id-ID'));
    expect(result.repaired).toEqual(['sensitivity']);
  });

  it.each([
    ['language', 'fr'],
    ['country', 'XX'],
    ['sensitivity', null],
    ['disabledSites', 'facebook'],
    ['allowlist', { kind: 'page' }],
    ['lowRiskHints', 'yes'],
    ['ruleUpdates', 5],
  ] as const)('field %s with bad value %j falls back to its default, others kept', (field, bad) => {
    const good: Settings = {
      ...defaultSettings('id-ID'),
      language: 'en',
      country: 'VN',
      sensitivity: 'strict',
      disabledSites: ['tiktok'],
      allowlist: [{ kind: 'author', value: 'Dinas Tenaga Kerja', added: '2026-01-01T00:00:00.000Z' }],
      lowRiskHints: true,
      ruleUpdates: { enabled: false, url: 'https://example.org/r.json' },
    };
    const result = migrateSettings({ ...good, [field]: bad });
    expect(result.repaired).toEqual([field]);
    expect(result.settings[field]).toEqual(defaultSettings('id-ID')[field]);
    for (const other of Object.keys(good) as (keyof Settings)[]) {
      if (other !== field) expect(result.settings[other]).toEqual(good[other]);
    }
  });

  it('keeps valid list items and drops invalid ones', () => {
    const stored = {
      ...defaultSettings(),
      disabledSites: ['tiktok', 5, '', 'tiktok', 'facebook'],
      allowlist: [
        { kind: 'page', value: 'https://glints.com/id/companies/x', added: 'a' },
        { kind: 'nope', value: 'x', added: 'a' },
        { kind: 'author', value: '', added: 'a' },
        { kind: 'post', value: 'p1', added: 'b', extra: true },
      ],
      ruleUpdates: { enabled: false, url: 12 },
    };
    const result = migrateSettings(stored);
    expect(result.settings.disabledSites).toEqual(['tiktok', 'facebook']);
    expect(result.settings.allowlist.map((e) => e.value)).toEqual(['https://glints.com/id/companies/x', 'p1']);
    expect(result.settings.ruleUpdates).toEqual({ enabled: false, url: DEFAULT_RULES_URL });
    expect(result.repaired.sort()).toEqual(['allowlist', 'disabledSites', 'ruleUpdates']);
  });

  it('handles oversized values: long strings reset, long lists keep the newest items', () => {
    const entries = Array.from({ length: LIMITS.allowEntries + 50 }, (_, i) => ({
      kind: 'post' as const,
      value: `post-${i}`,
      added: 'x',
    }));
    const result = migrateSettings({
      ...defaultSettings(),
      allowlist: entries,
      ruleUpdates: { enabled: true, url: `https://e.org/${'a'.repeat(100_000)}` },
    });
    expect(result.settings.allowlist).toHaveLength(LIMITS.allowEntries);
    expect(result.settings.allowlist.at(-1)?.value).toBe(`post-${LIMITS.allowEntries + 49}`);
    expect(result.settings.ruleUpdates.url).toBe(DEFAULT_RULES_URL);
  });

  it.each([[42], ['settings'], [[1, 2]], [true]])('a non-object %j becomes defaults, never a throw', (value) => {
    const result = migrateSettings(value, 'id-ID');
    expect(result.settings).toEqual(defaultSettings('id-ID'));
    expect(result.repaired.length).toBeGreaterThan(0);
  });
});

describe('sync quota', () => {
  it('drops post entries first, then the oldest, until the item fits', () => {
    const long = 'x'.repeat(250);
    const allowlist = Array.from({ length: 40 }, (_, i) => ({
      kind: (i % 2 ? 'post' : 'page') as 'post' | 'page',
      value: `${i}-${long}`,
      added: '2026-01-01T00:00:00.000Z',
    }));
    const big = { ...defaultSettings(), allowlist };
    expect(syncItemBytes(big)).toBeGreaterThan(LIMITS.syncItemBytes);
    const { settings, dropped } = fitToSyncQuota(big);
    expect(dropped).toBeGreaterThan(0);
    expect(syncItemBytes(settings)).toBeLessThanOrEqual(LIMITS.syncItemBytes);
    expect(settings.allowlist.length + dropped).toBe(40);
    // All 20 post entries go before any page entry.
    expect(settings.allowlist.every((e) => e.kind === 'page')).toBe(dropped >= 20);
    expect(settings.allowlist.filter((e) => e.kind === 'page').length).toBe(Math.min(20, 40 - dropped));
  });

  it('leaves small settings alone', () => {
    const s = defaultSettings();
    expect(fitToSyncQuota(s)).toEqual({ settings: s, dropped: 0 });
  });
});

describe('export / import', () => {
  const now = new Date('2026-03-01T10:00:00Z');
  const custom: Settings = { ...defaultSettings('id-ID'), sensitivity: 'relaxed', disabledSites: ['tiktok'] };

  it('round-trips', () => {
    const text = exportSettings(custom, now);
    expect(JSON.parse(text).format).toBe(EXPORT_FORMAT);
    expect(parseImportedSettings(text)).toEqual({ ok: true, settings: custom });
  });

  it('accepts a bare settings object and migrates an old version', () => {
    expect(parseImportedSettings(JSON.stringify(custom))).toEqual({ ok: true, settings: custom });
  });

  it.each([
    ['not json', 'not-json'],
    ['[1,2]', 'wrong-format'],
    ['{"format":"other","settings":{}}', 'wrong-format'],
    ['{"hello":1}', 'wrong-format'],
  ])('rejects %s with %s', (text, code) => {
    const result = parseImportedSettings(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
  });

  it('rejects an invalid field and names it, instead of repairing', () => {
    const text = JSON.stringify({ format: EXPORT_FORMAT, settings: { ...custom, sensitivity: 'max' } });
    expect(parseImportedSettings(text)).toEqual({ ok: false, error: { code: 'invalid', fields: ['sensitivity'] } });
  });

  it('rejects newer versions and huge files', () => {
    const newer = JSON.stringify({ format: EXPORT_FORMAT, settings: { ...custom, version: 99 } });
    expect(parseImportedSettings(newer)).toEqual({ ok: false, error: { code: 'newer-version', version: 99 } });
    const huge = JSON.stringify({ format: EXPORT_FORMAT, settings: custom, pad: 'x'.repeat(70_000) });
    expect(parseImportedSettings(huge)).toEqual({ ok: false, error: { code: 'too-large' } });
  });
});

describe('thresholds and language', () => {
  it('strict lowers, relaxed raises, normal keeps the base thresholds; order preserved', () => {
    expect(thresholdsFor('normal', base)).toEqual(base);
    const strict = thresholdsFor('strict', base);
    const relaxed = thresholdsFor('relaxed', base);
    for (const key of ['low', 'medium', 'high'] as const) {
      expect(strict[key]).toBeLessThan(base[key]);
      expect(relaxed[key]).toBeGreaterThan(base[key]);
    }
    expect(strict.low < strict.medium && strict.medium < strict.high).toBe(true);
    expect(relaxed.low < relaxed.medium && relaxed.medium < relaxed.high).toBe(true);
    // A score between strict.medium and base.medium is medium only under strict.
    expect(strict.medium).toBeCloseTo(3.2);
    expect(relaxed.medium).toBeCloseTo(5);
  });

  it('"auto" takes the first accepted language we speak, then the post\'s language, then English', () => {
    expect(uiLanguage({ language: 'auto' }, ['en-US', 'id'], 'id')).toBe('en');
    expect(uiLanguage({ language: 'auto' }, ['zh-TW', 'id-ID', 'en'])).toBe('id');
    expect(uiLanguage({ language: 'auto' }, ['zh-TW', 'ar'], 'id')).toBe('id');
    expect(uiLanguage({ language: 'auto' }, ['zh-TW'], 'vi')).toBe('en');
    expect(uiLanguage({ language: 'id' }, ['en-US'], 'en')).toBe('id');
    expect(uiLanguage({ language: 'auto' }, 'in-ID')).toBe('id');
  });

  it('uiLanguage honours explicit settings and maps auto from the browser', () => {
    expect(uiLanguage({ language: 'en' }, 'id')).toBe('en');
    expect(uiLanguage({ language: 'auto' }, 'id-ID')).toBe('id');
    expect(uiLanguage({ language: 'auto' }, 'fr')).toBe('en');
  });
});

describe('default country', () => {
  it.each([
    ['id-ID', 'UTC', 'ID'],
    ['en-PH', 'UTC', 'PH'],
    ['id', 'Asia/Manila', 'ID'], // an Indonesian abroad keeps Indonesian channels
    ['vi', 'UTC', 'VN'],
    ['en-US', 'Asia/Jakarta', 'ID'], // English browser at home: the clock tells
    ['en-US', 'Asia/Makassar', 'ID'],
    ['en-GB', 'Asia/Kuala_Lumpur', 'MY'],
    ['en-US', 'America/New_York', 'OTHER'],
    ['en-US', '', 'OTHER'],
  ] as const)('%s in %s → %s', (locale, timeZone, country) => {
    expect(countryFromLocale(locale, timeZone)).toBe(country);
    expect(defaultSettings(locale, timeZone).country).toBe(country);
  });
});

describe('rules URL on import and sync (issue 15)', () => {
  it.each([
    ['http to a remote host', 'http://mirror.example.org/rules.json'],
    ['javascript:', 'javascript:alert(1)'],
    ['a data: URL', 'data:application/json,{}'],
    ['a file: URL', 'file:///etc/passwd'],
    ['credentials in the URL', 'https://user:pw@example.org/r.json'],
    ['not a URL', 'rules.json'],
  ])('replaces %s with the default rules URL', (_label, url) => {
    const result = migrateSettings({ ...defaultSettings('id'), ruleUpdates: { enabled: true, url } });
    expect(result.settings.ruleUpdates).toEqual({ enabled: true, url: DEFAULT_RULES_URL });
    expect(result.changed).toBe(true);
  });

  it.each(['https://mirror.example.org/rules.json', 'http://127.0.0.1:8080/rules.json', 'http://localhost/r.json'])(
    'keeps %s',
    (url) => {
      expect(
        migrateSettings({ ...defaultSettings('id'), ruleUpdates: { enabled: false, url } }).settings.ruleUpdates.url,
      ).toBe(url);
    },
  );
});
