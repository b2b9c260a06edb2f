// "Check a job offer": any pasted text gets the same engine, thresholds and reasons as posts on
// supported sites, so people can check offers that reach them by chat or SMS.
import { useRef, useState } from 'preact/hooks';
import type { Evidence, Flag, Verdict } from '../../engine/types';
import partsJson from '../../generated/rules.parts.json';
import { getEngine } from '../../shared/active-rules';
import browser from '../../shared/browser';
import { t, type UiLang } from '../../shared/i18n';
import { buildFeedback, type Feedback, feedbackLinks } from '../../shared/report';
import { type Settings, thresholdsFor } from '../../shared/settings';
import { HighlightedText } from '../components/HighlightedText';
import { levelKey } from '../warning/badge-i18n';
import { openVerdictDialog, type WarningInput } from '../warning/index';
import { type ComboParts, evidenceOf, groupReasons } from '../warning/reasons';

export const MAX_PASTE = 20_000;

/** The strongest reasons first; the rest stay one click away so the verdict fits the popup. */
const TOP_REASONS = 3;
const comboParts = partsJson as ComboParts;

/** Same marking as the in-page dialog (shared component): text nodes and <mark>, never HTML. */
export function Highlighted({ text, evidence }: { text: string; evidence: Evidence[] }) {
  return (
    <p class="checked-text" data-lokeraman-highlighted>
      <HighlightedText text={text} evidence={evidence} />
    </p>
  );
}

function Reason({ flag }: { flag: Flag }) {
  return (
    <li>
      <strong>{flag.title}</strong>
      <span>{flag.message}</span>
    </li>
  );
}

/**
 * A checked text: the level, then warning signs and reassuring signs in separate lists. Below a warning
 * (none, low) the signs found are labelled as not enough for a warning, so "no warning signs" is never
 * followed by a list titled "why"; a text that does not read like an offer says so first.
 */
export function VerdictView({ text, verdict, lang }: { text: string; verdict: Verdict; lang: UiLang }) {
  const reasons = groupReasons(verdict.flags, comboParts);
  const warned = verdict.risk === 'medium' || verdict.risk === 'high';
  const signs = reasons.all.map((reason) => reason.flag);
  return (
    <div class={`verdict risk-${verdict.risk}`} data-lokeraman-verdict={verdict.risk}>
      <p class="verdict-level">
        <strong>{t(levelKey(verdict.risk), lang)}</strong>
      </p>
      {!verdict.isJobOffer && (
        <p class="not-offer" data-lokeraman-not-offer>
          {t(signs.length ? 'popup_reads_like_news' : 'popup_not_job_offer', lang)}
        </p>
      )}
      {verdict.truncated && <p class="muted">{t('popup_truncated', lang)}</p>}
      {signs.length > 0 && (
        <>
          <h3>{t(warned ? 'popup_reasons_heading' : 'popup_weak_heading', lang)}</h3>
          <ul class="reasons" data-list="warning">
            {signs.slice(0, TOP_REASONS).map((flag) => (
              <Reason key={flag.id} flag={flag} />
            ))}
          </ul>
          {signs.length > TOP_REASONS && (
            <details>
              <summary>{t('popup_more_reasons', lang, signs.length - TOP_REASONS)}</summary>
              <ul class="reasons">
                {signs.slice(TOP_REASONS).map((flag) => (
                  <Reason key={flag.id} flag={flag} />
                ))}
              </ul>
            </details>
          )}
        </>
      )}
      {reasons.reassuring.length > 0 && (
        <>
          <h3>{t('popup_reassuring_heading', lang)}</h3>
          <ul class="reasons reassuring" data-list="reassuring">
            {reasons.reassuring.map((flag) => (
              <Reason key={flag.id} flag={flag} />
            ))}
          </ul>
        </>
      )}
      {signs.length > 0 && (
        <details>
          <summary>{t('popup_show_marked', lang)}</summary>
          <Highlighted text={text.slice(0, MAX_PASTE)} evidence={evidenceOf(reasons.all.slice(0, TOP_REASONS))} />
        </details>
      )}
    </div>
  );
}

export function TextCheck({ settings, lang }: { settings: Settings; lang: UiLang }) {
  const [text, setText] = useState('');
  const [result, setResult] = useState<{ text: string; verdict: Verdict; rulesVersion: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [feedbackBody, setFeedbackBody] = useState('');
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
      site: t('popup_pasted_site', lang),
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
      await navigator.clipboard.writeText(feedbackBody);
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
                <button type="button" class="primary" onClick={openReport}>
                  {t('popup_report_button', lang)}
                </button>
              )}
              {(result.verdict.risk === 'none' || result.verdict.risk === 'low') && (
                <button
                  type="button"
                  aria-expanded={feedback !== null}
                  data-action="missed"
                  onClick={() => {
                    if (feedback) return setFeedback(null);
                    const draft = buildFeedback({ kind: 'missed', text: result.text, verdict: result.verdict, lang, site: t('popup_pasted_site', lang) });
                    setFeedback(draft);
                    setFeedbackBody(draft.body);
                  }}
                >
                  {t('popup_missed_button', lang)}
                </button>
              )}
            </div>
            {feedback && (
              <div class="feedback" data-lokeraman-feedback>
                <p>{t('popup_missed_intro', lang)}</p>
                <label for="missed-text">{t('popup_missed_label', lang)}</label>
                <textarea
                  id="missed-text"
                  rows={6}
                  value={feedbackBody}
                  onInput={(event) => setFeedbackBody((event.currentTarget as HTMLTextAreaElement).value)}
                />
                <div class="actions">
                  <a class="button primary" href={feedbackLinks(feedback.title, feedbackBody).mailto} data-action="email">
                    {t('popup_missed_email', lang)}
                  </a>
                  <button type="button" onClick={copyFeedback}>
                    {t('popup_missed_copy', lang)}
                  </button>
                </div>
                <details>
                  <summary>{t('warning_feedback_maintainers', lang)}</summary>
                  <a href={feedbackLinks(feedback.title, feedbackBody).issueUrl} target="_blank" rel="noopener noreferrer" data-action="github">
                    {t('warning_feedback_tracker', lang)}
                  </a>
                </details>
              </div>
            )}
            {copied && <p role="status">{copied}</p>}
          </>
        )}
      </div>
    </section>
  );
}
