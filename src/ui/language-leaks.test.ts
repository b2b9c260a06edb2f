// No language leaks in any locale string: English words in an `id` text or Indonesian words in an
// `en` text fail, and no string may name a rule id. The e2e surfaces test runs the same check on
// what each surface renders (test/e2e/surfaces.test.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { languageLeaks, SHARED_NAMES } from './language-leaks';

const LOCALES = resolve(import.meta.dirname, '../locales');
const tables = readdirSync(LOCALES)
  .filter((f) => f.endsWith('.json'))
  .map((file) => [file, JSON.parse(readFileSync(join(LOCALES, file), 'utf8'))] as const);
const ALLOWED = [...SHARED_NAMES, 'English'];

describe('language leaks in locale strings', () => {
  it('catches the leaks issue 20 found, and leaves names and quotes alone', () => {
    expect(languageLeaks('Galat terakhir: Failed to fetch', 'id')).toEqual(['failed', 'fetch']);
    expect(languageLeaks('Jam layanan: 24h', 'id')).toEqual(['24h']);
    expect(languageLeaks('Hasil: high (score 80, lang en)', 'id')).toEqual(['high', 'score', 'lang']);
    expect(languageLeaks('Aturan: bait-role-chat', 'id', { ruleIds: ['bait-role-chat'] })).toEqual(['rule id bait-role-chat']);
    expect(languageLeaks('Report it and close the dialog', 'en')).toEqual([]);
    expect(languageLeaks('Laporkan dan tutup', 'en')).toEqual(['laporkan', 'dan', 'tutup']);
    expect(languageLeaks('Kirim lewat WhatsApp atau buka "customer service"', 'id', { allowed: SHARED_NAMES })).toEqual([]);
  });

  for (const [file, table] of tables) {
    it(`${file}: id texts have no English words and en texts no Indonesian ones`, () => {
      const leaks: string[] = [];
      for (const [key, entry] of Object.entries(table as Record<string, { en: string; id: string }>)) {
        for (const lang of ['id', 'en'] as const) {
          const found = languageLeaks(entry[lang], lang, { allowed: ALLOWED });
          if (found.length) leaks.push(`${key}.${lang}: ${found.join(', ')} in "${entry[lang]}"`);
        }
      }
      expect(leaks).toEqual([]);
    });
  }
});
