import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS, migrateSettings } from './settings';

import { readSettingsValue } from './settings-lite';

// Values near every boundary the schema checks, mixed with junk of every JSON type.
const text = (max: number) =>
  fc.oneof(fc.string({ maxLength: 8 }), fc.constant(''), fc.string({ minLength: max - 1, maxLength: max + 1 }));
const junk = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.boolean(),
  fc.string({ maxLength: 5 }),
  fc.constant([]),
  fc.constant({}),
);
const entry = fc.oneof(
  fc.record(
    {
      kind: fc.oneof(fc.constantFrom('page', 'author', 'post'), junk),
      value: fc.oneof(text(LIMITS.allowValue), junk),
      site: fc.oneof(text(LIMITS.siteId), fc.constant(undefined), junk),
      added: fc.oneof(text(40), junk),
      extra: fc.string({ maxLength: 3 }),
    },
    { requiredKeys: ['kind', 'value', 'added'] },
  ),
  junk,
);
const field = {
  version: fc.oneof(fc.constantFrom(0, 1, 2, -1, 1.5), junk),
  language: fc.oneof(fc.constantFrom('auto', 'id', 'en', 'fr'), junk),
  country: fc.oneof(fc.constantFrom('ID', 'PH', 'VN', 'TH', 'MY', 'OTHER', 'US'), junk),
  sensitivity: fc.oneof(fc.constantFrom('strict', 'normal', 'relaxed', 'max'), junk),
  disabledSites: fc.oneof(
    fc.array(fc.oneof(fc.constantFrom('facebook', 'x-twitter'), text(LIMITS.siteId), junk), { maxLength: 70 }),
    junk,
  ),
  allowlist: fc.oneof(fc.array(entry, { maxLength: 12 }), fc.array(entry, { minLength: 199, maxLength: 202 }), junk),
  lowRiskHints: fc.oneof(fc.boolean(), junk),
  ruleUpdates: fc.oneof(
    fc.record(
      { enabled: fc.oneof(fc.boolean(), junk), url: fc.oneof(text(LIMITS.url), junk), more: junk },
      { requiredKeys: [] },
    ),
    junk,
  ),
  // Version-0 names, which the migration maps.
  lang: fc.oneof(fc.constantFrom('id', 'en'), junk),
  strict: fc.oneof(fc.boolean(), junk),
  sites: fc.oneof(fc.dictionary(fc.constantFrom('facebook', 'tiktok', ''), fc.oneof(fc.boolean(), junk)), junk),
  whitelist: fc.oneof(
    fc.array(fc.oneof(fc.constantFrom('@someone', 'https://x.com/a', '  '), junk), { maxLength: 4 }),
    junk,
  ),
  hints: fc.oneof(fc.boolean(), junk),
};
const stored = fc.oneof(fc.record(field, { requiredKeys: [] }), junk, fc.constant(undefined));

describe('readSettingsValue (zod-free reader for the content script)', () => {
  it('gives exactly what migrateSettings gives, for any stored value', () => {
    fc.assert(
      fc.property(stored, fc.constantFrom('id', 'en-US', 'fil-PH'), (value, locale) => {
        expect(readSettingsValue(value, locale)).toEqual(migrateSettings(value, locale).settings);
      }),
      { numRuns: 800 },
    );
  });

  it('keeps valid settings as they are and drops unknown allowlist keys', () => {
    const value = {
      version: 1,
      language: 'en',
      country: 'PH',
      sensitivity: 'strict',
      disabledSites: ['tiktok'],
      allowlist: [{ kind: 'author', value: 'Budi', site: 'facebook', added: '2026-01-01T00:00:00.000Z', junk: 1 }],
      lowRiskHints: true,
      ruleUpdates: { enabled: false, url: 'https://example.org/r.json' },
    };
    const read = readSettingsValue(value);
    expect(read.allowlist[0]).not.toHaveProperty('junk');
    expect(read).toEqual({
      ...value,
      allowlist: [{ kind: 'author', value: 'Budi', site: 'facebook', added: '2026-01-01T00:00:00.000Z' }],
    });
  });

  it('survives a value whose getters throw', () => {
    const hostile = {
      version: 1,
      get allowlist(): unknown {
        throw new Error('boom');
      },
      disabledSites: new Proxy([], {
        get() {
          throw new Error('boom');
        },
      }),
    };
    expect(() => readSettingsValue(hostile)).not.toThrow();
  });
});
