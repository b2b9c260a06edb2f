// Message lookup shared by every string table. Kept apart from i18n.ts, which bundles all of
// src/locales for extension pages: the content script passes only the tables it shows, so popup
// and options strings never reach the pages it runs on.

export type UiLang = 'id' | 'en';
export type Entry = { en?: string; id?: string; description?: string };

/** The message in `lang`, else English, else `fallback(key)`, else the key; `$1`…`$9` substituted. */
export function translate(
  table: Record<string, Entry>,
  key: string,
  lang: UiLang,
  substitutions: Array<string | number>,
  fallback?: (key: string, subs: string[]) => string,
): string {
  const subs = substitutions.map(String);
  const entry = Object.hasOwn(table, key) ? table[key] : undefined;
  const text = entry?.[lang] || entry?.en || fallback?.(key, subs) || key;
  return text.replace(/\$([1-9])/g, (whole, n: string) => subs[Number(n) - 1] ?? whole);
}
