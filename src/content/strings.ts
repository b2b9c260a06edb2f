// The content script's own strings (toasts of the on-demand check), without the popup/options tables.
import table from '../locales/content.json';
import { translate, type UiLang } from '../shared/i18n-core';

export function t(key: keyof typeof table, lang: UiLang, ...substitutions: Array<string | number>): string {
  return translate(table, key, lang, substitutions);
}
