// The warning UI renders in the language the content script passes (settings may differ from the
// browser UI language), so strings are read from our locale table directly instead of browser.i18n.
import table from '../../locales/warning.json';

export type WarningKey = keyof typeof table;
export type Lang = 'id' | 'en';

export function t(key: WarningKey, lang: Lang, ...subs: Array<string | number>): string {
  const entry = table[key] as { en: string; id: string } | undefined;
  const message = entry ? entry[lang] : key;
  return message.replace(/\$(\d)/g, (_, n: string) => String(subs[Number(n) - 1] ?? ''));
}
