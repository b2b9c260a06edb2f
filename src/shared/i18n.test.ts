import { describe, expect, it, vi } from 'vitest';

vi.mock('./browser', () => ({
  default: { i18n: { getMessage: (key: string) => (key === 'only_in_browser' ? 'from browser' : '') } },
}));

const { messages, t } = await import('./i18n');

describe('t()', () => {
  it('reads the merged src/locales tables in the requested language', () => {
    expect(t('extName', 'en')).toBe('LokerAman: safe job ads');
    expect(t('extName', 'id')).toBe('LokerAman: loker aman');
    expect(Object.keys(messages).length).toBeGreaterThan(3);
  });

  it('every key has both languages (so fallback is the exception, not the rule)', () => {
    for (const [key, entry] of Object.entries(messages)) {
      expect(entry.en, key).toBeTruthy();
      expect(entry.id, key).toBeTruthy();
    }
  });

  it('falls back to English, then the browser table, then the key', () => {
    messages.__test_only_en = { en: 'English only' };
    expect(t('__test_only_en', 'id')).toBe('English only');
    expect(t('only_in_browser', 'id')).toBe('from browser');
    expect(t('no_such_key', 'en')).toBe('no_such_key');
    delete messages.__test_only_en;
  });

  it('substitutes $1..$9 and leaves unknown placeholders', () => {
    messages.__test_subs = { en: '$1 of $2 ($3)', id: '$1 dari $2 ($3)' };
    expect(t('__test_subs', 'id', 3, 'lima')).toBe('3 dari lima ($3)');
    delete messages.__test_subs;
  });
});
