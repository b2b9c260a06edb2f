// Options section for signed rule updates: what is in use, where it came from, the last check and its
// error, a "check now" button, and the update URL (NGO mirrors) with an off switch.
import { useEffect, useState } from 'preact/hooks';
import type { RulesStatus } from '../../background/updates';
import browser from '../../shared/browser';
import { t, type UiLang } from '../../shared/i18n';
import type { PageToBackground } from '../../shared/messages';
import type { Settings } from '../../shared/settings';
import { isAllowedRulesUrl } from '../../shared/settings-core';
import { loadSettings, saveSettings } from '../../shared/settings-store';

const send = (message: PageToBackground) => browser.runtime.sendMessage(message) as Promise<RulesStatus>;

function resultText(status: RulesStatus, lang: UiLang): string {
  switch (status.lastResult) {
    case undefined:
      return '';
    case 'installed':
      return t('updates_result_installed', lang);
    case 'up-to-date':
      return t('updates_result_up_to_date', lang);
    case 'disabled':
      return t('updates_result_disabled', lang);
    case 'discarded-stored':
      return t('updates_result_discarded', lang);
    default:
      return t('updates_result_rejected', lang, reasonText(status.lastResult, lang));
  }
}

const REASONS = new Set([
  'fetch-failed',
  'too-large',
  'bad-signature',
  'malformed-signature',
  'missing-signature',
  'unknown-key',
  'malformed-json',
  'schema-invalid',
  'compile-failed',
  'examples-failed',
  'incompatible-engine',
]);

/** The background records codes and raw errors ("Failed to fetch") in English; the user reads a sentence in their language. */
function reasonText(code: string, lang: UiLang): string {
  return t(`updates_reason_${(REASONS.has(code) ? code : 'other').replace(/-/g, '_')}`, lang);
}

export function RuleUpdates({ lang }: { lang: UiLang }) {
  const [status, setStatus] = useState<RulesStatus | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [url, setUrl] = useState('');
  const [checking, setChecking] = useState(false);
  const [urlError, setUrlError] = useState(false);

  useEffect(() => {
    void send({ type: 'rules/status' }).then(setStatus);
    void loadSettings().then((loaded) => {
      setSettings(loaded);
      setUrl(loaded.ruleUpdates.url);
    });
  }, []);

  const checkNow = async () => {
    setChecking(true);
    try {
      setStatus(await send({ type: 'rules/check-now' }));
    } finally {
      setChecking(false);
    }
  };

  const update = async (patch: Partial<Settings['ruleUpdates']>) => {
    if (!settings) return;
    setSettings(await saveSettings({ ruleUpdates: { ...settings.ruleUpdates, ...patch } }));
  };

  const saveUrl = async (event: Event) => {
    event.preventDefault();
    const valid = isAllowedRulesUrl(url.trim());
    setUrlError(!valid);
    if (valid) await update({ url: url.trim() });
  };

  return (
    <section aria-labelledby="rule-updates-heading" data-section="rule-updates">
      <h2 id="rule-updates-heading">{t('updates_heading', lang)}</h2>
      <p>{t('updates_intro', lang)}</p>
      <dl>
        <dt>{t('updates_version', lang)}</dt>
        <dd data-testid="rules-version">
          {status
            ? `${status.versionInUse} (${status.origin === 'update' ? t('updates_origin_update', lang, status.source ?? '') : t('updates_origin_bundled', lang)})`
            : '…'}
        </dd>
        <dt>{t('updates_last_check', lang)}</dt>
        <dd data-testid="rules-last-check">
          {status?.lastCheck
            ? new Date(status.lastCheck).toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB')
            : t('updates_never', lang)}
        </dd>
        {status?.lastResult ? (
          <>
            <dt>{t('updates_last_result', lang)}</dt>
            {/* The raw error stays in an attribute for maintainers; the text is the translated reason. */}
            <dd data-testid="rules-last-result" data-result={status.lastResult} data-detail={status.lastError}>
              {resultText(status, lang)}
            </dd>
          </>
        ) : null}
      </dl>
      <button type="button" onClick={checkNow} disabled={checking} data-testid="rules-check-now">
        {checking ? t('updates_checking', lang) : t('updates_check_now', lang)}
      </button>
      {settings ? (
        <>
          <label>
            <input
              type="checkbox"
              checked={settings.ruleUpdates.enabled}
              onChange={(event) => void update({ enabled: event.currentTarget.checked })}
            />{' '}
            {t('updates_enabled', lang)}
          </label>
          <form onSubmit={saveUrl}>
            <label for="rules-url">{t('updates_url', lang)}</label>
            <input
              id="rules-url"
              type="url"
              value={url}
              onInput={(event) => setUrl(event.currentTarget.value)}
              aria-invalid={urlError}
              aria-describedby={urlError ? 'rules-url-error' : undefined}
            />
            <button type="submit">{t('updates_save_url', lang)}</button>
            {urlError ? (
              <p id="rules-url-error" role="alert">
                {t('updates_url_invalid', lang)}
              </p>
            ) : null}
          </form>
        </>
      ) : null}
    </section>
  );
}
