// The warning UI renders in the language the content script passes (settings may differ from the
// browser UI language), so strings are read from our locale tables directly instead of browser.i18n.
// This module carries the dialog's table and is only loaded with the dialog (or in pages).
import dialog from '../../locales/warning.json';
import { type BadgeKey, type Lang, substitute, tBadge } from './badge-i18n';

export type { Lang } from './badge-i18n';
export type WarningKey = keyof typeof dialog | BadgeKey;

export function t(key: WarningKey, lang: Lang, ...subs: Array<string | number>): string {
  const entry = (dialog as Record<string, { en: string; id: string } | undefined>)[key];
  if (!entry) return tBadge(key as BadgeKey, lang, ...subs);
  return substitute(entry[lang], subs);
}
