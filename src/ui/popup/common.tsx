// Pieces shared by the popup and the options page: settings state that follows storage changes,
// the UI language, and the one-time settings notice.
import { useEffect, useState } from 'preact/hooks';
import browser from '../../shared/browser';
import { t, type UiLang } from '../../shared/i18n';
import { type Settings, type SettingsField, uiLanguage } from '../../shared/settings';
import { loadSettings, onSettingsChanged, type SettingsNotice, takeSettingsNotice } from '../../shared/settings-store';

export function browserUiLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return 'en';
  }
}

/** Current settings (null while loading), kept live: edits elsewhere or on other devices show at once. */
export function useSettings(): [Settings | null, (next: Settings) => void] {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    void loadSettings().then(setSettings);
    return onSettingsChanged(setSettings);
  }, []);
  return [settings, setSettings];
}

/** Pages show no post, so "auto" is the browser's accepted languages, then English. */
export function langOf(settings: Settings | null): UiLang {
  const accepted = typeof navigator !== 'undefined' && navigator.languages?.length ? navigator.languages : [browserUiLanguage()];
  return uiLanguage(settings ?? { language: 'auto' }, accepted);
}

/** Keeps <html lang> right for screen readers and hyphenation when the language changes. */
export function useDocumentLang(lang: UiLang, titleKey: string): void {
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t(titleKey, lang);
  }, [lang, titleKey]);
}

export function useSettingsNotice(): SettingsNotice | null {
  const [notice, setNotice] = useState<SettingsNotice | null>(null);
  useEffect(() => {
    void takeSettingsNotice().then(setNotice);
  }, []);
  return notice;
}

const FIELD_KEYS: Record<SettingsField, string> = {
  language: 'options_language_legend',
  country: 'options_country_legend',
  sensitivity: 'options_sensitivity_legend',
  disabledSites: 'options_sites_legend',
  allowlist: 'options_allow_legend',
  lowRiskHints: 'options_hints_label',
  ruleUpdates: 'options_updates_heading',
};

/** A settings field as the options page names it, never its code name ("sensitivity"). */
export function fieldLabel(field: string, lang: UiLang): string {
  const key = FIELD_KEYS[field as SettingsField];
  return key ? t(key, lang) : field;
}

export function NoticeBanner({ notice, lang }: { notice: SettingsNotice | null; lang: UiLang }) {
  if (!notice) return null;
  const fields = notice.repaired.map((field) => t(FIELD_KEYS[field] ?? field, lang)).join(', ');
  return (
    <div class="notice" role="status" data-lokeraman-notice>
      {notice.repaired.length > 0 && <p>{t('popup_notice_repaired', lang, fields)}</p>}
      {notice.dropped > 0 && <p>{t('popup_notice_trimmed', lang, notice.dropped)}</p>}
    </div>
  );
}
