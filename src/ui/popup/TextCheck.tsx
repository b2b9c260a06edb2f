// "Check a job offer": any pasted text gets the same engine, thresholds and reasons as posts on
// supported sites, so people can check offers that reach them by chat or SMS.
import { useRef, useState } from 'preact/hooks';
import type { Verdict } from '../../engine/types';
import { getEngine } from '../../shared/active-rules';
import browser from '../../shared/browser';
import { t, type UiLang } from '../../shared/i18n';
import { buildFeedback, type Feedback } from '../../shared/report';
import { type Settings, thresholdsFor } from '../../shared/settings';
import { HighlightedText } from '../components/HighlightedText';
import { openVerdictDialog, type WarningInput } from '../warning/index';

export const MAX_PASTE = 20_000;

/** Same marking as the in-page dialog (shared component): text nodes and <mark>, never HTML. */
export function Highlighted({ text, verdict }: { text: string; verdict: Verdict }) {
  return (
    <p class="checked-text" data-lokeraman-highlighted>
      <HighlightedText text={text} evidence={verdict.flags.flatMap((flag) => flag.evidence)} />
    </p>
  );
}

/** The strongest reasons first; the rest stay one click away so the verdict fits the popup. */
const TOP_REASONS = 5;

function Reason({ flag }: { flag: Verdict['flags'][number] }) {
  return (
    <li>
      <strong>{flag.title}</strong>
      <span>{flag.message}</span>
    </li>
  );
}

function riskKey(risk: Verdict['risk']): string {
  return `popup_risk_${risk}`;
}

export function VerdictView({ text, verdict, lang }: { text: string; verdict: Verdict; lang: UiLang }) {
  const flags = [...verdict.flags].sort((a, b) => b.weight - a.weight);
  return (
    <div class={`verdict risk-${verdict.risk}`} data-lokeraman-verdict={verdict.risk}>
      <p class="verdict-level">
        <strong>{t(riskKey(verdict.risk), lang)}</strong>
      </p>
      {!verdict.isJobOffer && verdict.risk === 'none' && <p class="muted">{t('popup_not_job_offer', lang)}</p>}
      {verdict.truncated && <p class="muted">{t('popup_truncated', lang)}</p>}
      {flags.length > 0 && (
        <>
          <h3>{t('popup_reasons_heading', lang)}</h3>
          <ul class="reasons">
            {flags.slice(0, TOP_REASONS).map((flag) => (
              <Reason key={flag.id} flag={flag} />
            ))}
          </ul>
          {flags.length > TOP_REASONS && (
            <details>
              <summary>{t('popup_more_reasons', lang, flags.length - TOP_REASONS)}</summary>
              <ul class="reasons">
                {flags.slice(TOP_REASONS).map((flag) => (
                  <Reason key={flag.id} flag={flag} />
                ))}
              </ul>
            </details>
          )}
        </>
      )}
      <details>
        <summary>{t('popup_show_marked', lang)}</summary>
        <Highlighted text={text.slice(0, MAX_PASTE)} verdict={verdict} />
      </details>
    </div>
  );
}

export function TextCheck({ settings, lang }: { settings: Settings; lang: UiLang }) {
  const [text, setText] = useState('');
  const [result, setResult] = useState<{ text: string; verdict: Verdict; rulesVersion: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  async function check(event: Event) {
    event.preventDefault();
    setCopied(null);
    setFeedback(null);
    const input = text.trim().slice(0, MAX_PASTE);
    if (!input) {
      setError(t('popup_check_empty', lang));
      setResult(null);
      return;
    }
    try {
      const { engine, bundle } = await getEngine();
      const verdict = engine.analyze(input, {
        uiLang: lang,
        thresholds: thresholdsFor(settings.sensitivity, bundle.thresholds),
      });
      setError(null);
      setResult({ text: input, verdict, rulesVersion: bundle.version });
      queueMicrotask(() => resultRef.current?.focus());
    } catch (failure) {
      console.error('LokerAman: check failed', failure);
      setError(t('popup_check_failed', lang));
    }
  }

  /** The in-page report view (situations, official channels, copy/download) over the popup. */
  function openReport() {
    if (!result) return;
    const input: WarningInput = {
      verdict: result.verdict,
      post: { id: 'popup-check', text: result.text, links: [] },
      site: 'popup',
      pageUrl: '',
      lang,
      country: settings.country,
      rulesVersion: result.rulesVersion,
      extensionVersion: browser.runtime.getManifest().version,
    };
    openVerdictDialog(input, { initialView: 'report' });
  }

  async function copyFeedback() {
    if (!feedback) return;
    try {
      await navigator.clipboard.writeText(feedback.body);
      setCopied(t('popup_missed_copied', lang));
    } catch {
      setCopied(t('popup_copy_failed', lang));
    }
  }

  return (
    <section aria-labelledby="check-heading">
      <h2 id="check-heading">{t('popup_check_heading', lang)}</h2>
      <form onSubmit={check}>
        <label for="check-text">{t('popup_check_label', lang)}</label>
        <textarea
          id="check-text"
          rows={5}
          maxLength={MAX_PASTE}
          value={text}
          onInput={(event) => setText((event.currentTarget as HTMLTextAreaElement).value)}
        />
        <button type="submit" class="primary">
          {t('popup_check_button', lang)}
        </button>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div ref={resultRef} tabIndex={-1} aria-live="polite" class="result">
        {result && (
          <>
            <VerdictView text={result.text} verdict={result.verdict} lang={lang} />
            <div class="actions">
              {(result.verdict.risk === 'medium' || result.verdict.risk === 'high') && (
                <button type="button" onClick={openReport}>
                  {t('popup_report_button', lang)}
                </button>
              )}
              <button
                type="button"
                aria-expanded={feedback !== null}
                onClick={() =>
                  setFeedback(
                    feedback
                      ? null
                      : buildFeedback({
                          kind: 'missed',
                          text: result.text,
                          verdict: result.verdict,
                          lang,
                          site: 'popup',
                        }),
                  )
                }
              >
                {t('popup_missed_button', lang)}
              </button>
            </div>
            {feedback && (
              <div class="feedback" data-lokeraman-feedback>
                <p>{t('popup_missed_intro', lang)}</p>
                <div class="actions">
                  <a href={feedback.issueUrl} target="_blank" rel="noopener noreferrer">
                    {t('popup_missed_issue', lang)}
                  </a>
                  <a href={feedback.mailto}>{t('popup_missed_email', lang)}</a>
                  <button type="button" onClick={copyFeedback}>
                    {t('popup_missed_copy', lang)}
                  </button>
                </div>
              </div>
            )}
            {copied && <p role="status">{copied}</p>}
          </>
        )}
      </div>
    </section>
  );
}
