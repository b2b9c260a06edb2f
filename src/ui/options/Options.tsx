// Options page: every setting applies at once (content scripts follow onSettingsChanged), so there
// is no Save button; a live status line confirms each change for screen-reader users.
import { useRef, useState } from 'preact/hooks';
import browser from '../../shared/browser';
import { hasMessage, t, type UiLang } from '../../shared/i18n';
import {
  type AllowEntry,
  COUNTRIES,
  exportSettings,
  type ImportError,
  LIMITS,
  parseImportedSettings,
  type Settings,
} from '../../shared/settings';
import {
  addAllowEntry,
  removeAllowEntry,
  replaceSettings,
  resetSettings,
  saveSettings,
  setSiteEnabled,
} from '../../shared/settings-store';
import { siteAdapters } from '../../sites/index';
import { fieldLabel, langOf, NoticeBanner, useDocumentLang, useSettings, useSettingsNotice } from '../popup/common';
// ---- Rule updates section: component owned by the lead (signed rule updates). ----
import { RuleUpdates } from './RuleUpdates';

/** Brand names stay as they are; a descriptive adapter name ("public channel preview") has a translation. */
function siteName(adapter: { id: string; name: string }, lang: UiLang): string {
  const key = `options_site_${adapter.id.replace(/-/g, '_')}`;
  return hasMessage(key) ? t(key, lang) : adapter.name;
}

function importErrorText(error: ImportError, lang: UiLang): string {
  switch (error.code) {
    case 'too-large':
      return t('options_import_too_large', lang);
    case 'not-json':
      return t('options_import_not_json', lang);
    case 'wrong-format':
      return t('options_import_wrong_format', lang);
    case 'newer-version':
      return t('options_import_newer', lang);
    case 'invalid':
      return t('options_import_invalid', lang, error.fields.map((field) => fieldLabel(field, lang)).join(', '));
  }
}

export function Options() {
  const [settings] = useSettings();
  const lang = langOf(settings);
  useDocumentLang(lang, 'options_title');
  const notice = useSettingsNotice();
  const [status, setStatus] = useState('');
  const [importError, setImportError] = useState('');
  const [confirmReset, setConfirmReset] = useState(false);
  const [allowKind, setAllowKind] = useState<'page' | 'author'>('page');
  // A display name means nothing across sites (anyone can call themselves "Disnaker" elsewhere): an author
  // entry belongs to one site.
  const [allowSite, setAllowSite] = useState<string>(siteAdapters[0]?.id ?? '');
  const [allowValue, setAllowValue] = useState('');
  const [allowError, setAllowError] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);

  if (!settings) return <h1>LokerAman</h1>;

  async function apply(change: Promise<unknown>) {
    try {
      await change;
      setStatus(t('options_saved', lang));
    } catch (error) {
      console.error('LokerAman: settings not saved', error);
      setStatus(t('options_save_failed', lang));
    }
  }
  const save = (patch: Partial<Settings>) => apply(saveSettings(patch));

  function addAllow(event: Event) {
    event.preventDefault();
    const value = allowValue.trim();
    if (!value) return setAllowError(t('options_allow_empty', lang));
    if (value.length > LIMITS.allowValue) return setAllowError(t('options_allow_too_long', lang, LIMITS.allowValue));
    if (allowKind === 'page') {
      let url: URL | null = null;
      try {
        url = new URL(value);
      } catch {
        url = null;
      }
      if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
        return setAllowError(t('options_allow_bad_url', lang));
      }
    }
    if (settings && settings.allowlist.length >= LIMITS.allowEntries) {
      return setAllowError(t('options_allow_full', lang, LIMITS.allowEntries));
    }
    setAllowError('');
    setAllowValue('');
    const added = new Date().toISOString();
    void apply(
      addAllowEntry(
        allowKind === 'author' ? { kind: 'author', value, site: allowSite, added } : { kind: allowKind, value, added },
      ),
    );
  }

  function download() {
    if (!settings) return;
    const blob = new Blob([exportSettings(settings, new Date())], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = 'lokeraman-settings.json';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setStatus(t('options_exported', lang));
  }

  async function importFile(file: File | undefined) {
    if (!file) return;
    setImportError('');
    if (file.size > 64 * 1024) {
      setImportError(t('options_import_too_large', lang));
      return;
    }
    const result = parseImportedSettings(await file.text());
    if (!result.ok) {
      setImportError(importErrorText(result.error, lang));
      return;
    }
    await apply(replaceSettings(result.settings));
    setStatus(t('options_imported', lang));
    if (fileInput.current) fileInput.current.value = '';
  }

  const allowLabel = (entry: AllowEntry) => t(`options_allow_kind_${entry.kind}`, lang);

  return (
    <main class="options">
      <header>
        <h1>LokerAman</h1>
        <p class="muted">{t('options_subtitle', lang)}</p>
      </header>
      <NoticeBanner notice={notice} lang={lang} />
      <p class="status" role="status" aria-live="polite" data-lokeraman-status>
        {status}
      </p>

      <fieldset>
        <legend>{t('options_language_legend', lang)}</legend>
        {(['auto', 'id', 'en'] as const).map((value) => (
          <label key={value}>
            <input
              type="radio"
              name="language"
              value={value}
              checked={settings.language === value}
              onChange={() => save({ language: value })}
            />
            <span>{t(`options_language_${value}`, lang)}</span>
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('options_country_legend', lang)}</legend>
        <label class="stacked" for="country">
          {t('options_country_label', lang)}
        </label>
        <select
          id="country"
          value={settings.country}
          onChange={(event) =>
            save({ country: (event.currentTarget as HTMLSelectElement).value as Settings['country'] })
          }
        >
          {COUNTRIES.map((country) => (
            <option key={country} value={country}>
              {t(`options_country_${country}`, lang)}
            </option>
          ))}
        </select>
      </fieldset>

      <fieldset>
        <legend>{t('options_sensitivity_legend', lang)}</legend>
        {(['strict', 'normal', 'relaxed'] as const).map((value) => (
          <label key={value}>
            <input
              type="radio"
              name="sensitivity"
              value={value}
              checked={settings.sensitivity === value}
              onChange={() => save({ sensitivity: value })}
            />
            <span>
              {t(`options_sensitivity_${value}`, lang)}
              <span class="hint">{t(`options_sensitivity_${value}_hint`, lang)}</span>
            </span>
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('options_sites_legend', lang)}</legend>
        <p class="hint">{t('options_sites_hint', lang)}</p>
        <div class="sites">
          {siteAdapters.map((adapter) => (
            <label key={adapter.id}>
              <input
                type="checkbox"
                name="site"
                value={adapter.id}
                checked={!settings.disabledSites.includes(adapter.id)}
                onChange={(event) =>
                  apply(setSiteEnabled(adapter.id, (event.currentTarget as HTMLInputElement).checked))
                }
              />
              <span>{siteName(adapter, lang)}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('options_hints_legend', lang)}</legend>
        <label>
          <input
            type="checkbox"
            checked={settings.lowRiskHints}
            onChange={(event) => save({ lowRiskHints: (event.currentTarget as HTMLInputElement).checked })}
          />
          <span>
            {t('options_hints_label', lang)}
            <span class="hint">{t('options_hints_hint', lang)}</span>
          </span>
        </label>
      </fieldset>

      <fieldset>
        <legend>{t('options_allow_legend', lang)}</legend>
        <p class="hint">{t('options_allow_hint', lang)}</p>
        {settings.allowlist.length === 0 ? (
          <p class="muted">{t('options_allow_empty_list', lang)}</p>
        ) : (
          <ul class="allowlist" data-lokeraman-allowlist>
            {settings.allowlist.map((entry) => (
              <li key={`${entry.kind}:${entry.site ?? ''}:${entry.value}`}>
                <span>
                  <strong>{allowLabel(entry)}:</strong> {entry.value}
                  {entry.site ? ` (${entry.site})` : ''}
                </span>
                <button
                  type="button"
                  aria-label={t('options_allow_remove_label', lang, entry.value)}
                  onClick={() => apply(removeAllowEntry(entry))}
                >
                  {t('options_allow_remove', lang)}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form class="add-allow" onSubmit={addAllow}>
          <div>
            <label for="allow-kind">{t('options_allow_kind', lang)}</label>
            <select
              id="allow-kind"
              value={allowKind}
              onChange={(event) => setAllowKind((event.currentTarget as HTMLSelectElement).value as 'page' | 'author')}
            >
              <option value="page">{t('options_allow_kind_page', lang)}</option>
              <option value="author">{t('options_allow_kind_author', lang)}</option>
            </select>
          </div>
          {allowKind === 'author' ? (
            <div>
              <label for="allow-site">{t('options_allow_site', lang)}</label>
              <select
                id="allow-site"
                value={allowSite}
                onChange={(event) => setAllowSite((event.currentTarget as HTMLSelectElement).value)}
              >
                {siteAdapters.map((adapter) => (
                  <option key={adapter.id} value={adapter.id}>
                    {adapter.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div>
            <label for="allow-value">
              {t(allowKind === 'page' ? 'options_allow_value_page' : 'options_allow_value_author', lang)}
            </label>
            <input
              id="allow-value"
              type="text"
              inputMode={allowKind === 'page' ? 'url' : 'text'}
              value={allowValue}
              aria-invalid={allowError ? true : undefined}
              aria-describedby={allowError ? 'allow-error' : undefined}
              onInput={(event) => setAllowValue((event.currentTarget as HTMLInputElement).value)}
            />
          </div>
          <button type="submit">{t('options_allow_add', lang)}</button>
        </form>
        {allowError && (
          <p id="allow-error" class="error" role="alert">
            {allowError}
          </p>
        )}
      </fieldset>

      {/* ---- Rule updates (lead's component, src/ui/options/RuleUpdates.tsx) ---- */}
      <section class="updates" aria-label={t('options_updates_heading', lang)}>
        <RuleUpdates lang={lang} />
      </section>

      <fieldset>
        <legend>{t('options_backup_legend', lang)}</legend>
        <p class="hint">{t('options_backup_hint', lang)}</p>
        <div class="actions">
          <button type="button" onClick={download}>
            {t('options_export', lang)}
          </button>
        </div>
        <label class="stacked" for="import-file">
          {t('options_import_label', lang)}
        </label>
        <input
          id="import-file"
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          aria-describedby={importError ? 'import-error' : undefined}
          onChange={(event) => void importFile((event.currentTarget as HTMLInputElement).files?.[0])}
        />
        {importError && (
          <p id="import-error" class="error" role="alert" data-lokeraman-import-error>
            {importError}
          </p>
        )}
      </fieldset>

      <fieldset>
        <legend>{t('options_reset_legend', lang)}</legend>
        {confirmReset ? (
          <div>
            <p id="reset-confirm" role="status">
              {t('options_reset_confirm', lang)}
            </p>
            <div class="actions">
              <button
                type="button"
                class="danger"
                onClick={() => {
                  setConfirmReset(false);
                  void apply(resetSettings());
                }}
              >
                {t('options_reset_yes', lang)}
              </button>
              <button type="button" onClick={() => setConfirmReset(false)}>
                {t('options_reset_cancel', lang)}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" class="danger" onClick={() => setConfirmReset(true)}>
            {t('options_reset', lang)}
          </button>
        )}
      </fieldset>
      <p class="muted">
        {t('options_version', lang, browser.runtime.getManifest().version)} ·{' '}
        <a href="/privacy.html" target="_blank" rel="noopener" data-testid="privacy-link">
          {t('options_privacy', lang)}
        </a>
      </p>
    </main>
  );
}
