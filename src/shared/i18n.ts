/// <reference types="vite/client" />
// UI strings in an explicit language. browser.i18n only speaks the browser's UI language, but the
// user may pick another one in options, so pages and the in-page UI read the same src/locales tables
// (bundled at build time) through t(). browser.i18n stays the last fallback for keys not in the tables.
import browser from './browser';
import { type Entry, translate, type UiLang } from './i18n-core';

export type { UiLang } from './i18n-core';

const files = import.meta.glob<Record<string, Entry>>('../locales/*.json', { eager: true, import: 'default' });

export const messages: Record<string, Entry> = Object.assign({}, ...Object.values(files));

function browserMessage(key: string, substitutions: string[]): string {
  try {
    return browser.i18n.getMessage(key, substitutions) || '';
  } catch {
    return ''; // not in an extension (unit tests, the CLI)
  }
}

/**
 * `t('popup_found', 'id', '3')`: the message in `lang`, else English, else the browser's table,
 * else the key itself (visible but never blank). `$1`…`$9` are replaced by the substitutions.
 */
export function t(key: string, lang: UiLang, ...substitutions: Array<string | number>): string {
  return translate(messages, key, lang, substitutions, browserMessage);
}

export function hasMessage(key: string): boolean {
  return key in messages;
}
