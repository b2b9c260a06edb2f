// Strings the badge shows, in their own small table (src/locales/warning-badge.json): the badge is
// drawn on every flagged post as soon as the verdict exists, so its strings ship with the content
// script, while the dialog's (src/locales/warning.json) load with the dialog.
import badge from '../../locales/warning-badge.json';
import type { Verdict } from '../../engine/types';

export type Lang = 'id' | 'en';
export type BadgeKey = keyof typeof badge;

export function substitute(message: string, subs: Array<string | number>): string {
  return message.replace(/\$(\d)/g, (_, n: string) => String(subs[Number(n) - 1] ?? ''));
}

export function tBadge(key: BadgeKey, lang: Lang, ...subs: Array<string | number>): string {
  const entry = badge[key] as { en: string; id: string } | undefined;
  return substitute(entry ? entry[lang] : key, subs);
}

/** The one name of each risk level, used by the badge, the dialog, the popup and the report text. */
export function levelKey(
  risk: Verdict['risk'],
): 'warning_level_high' | 'warning_level_medium' | 'warning_level_low' | 'warning_level_none' {
  return risk === 'high'
    ? 'warning_level_high'
    : risk === 'medium'
      ? 'warning_level_medium'
      : risk === 'low'
        ? 'warning_level_low'
        : 'warning_level_none';
}
