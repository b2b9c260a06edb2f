// "Check a job offer": any pasted text gets the same engine, thresholds and reasons as posts on
// supported sites, so people can check offers that reach them by chat or SMS.
import { useRef, useState } from 'preact/hooks';
import type { Verdict } from '../../engine/types';
import { getEngine } from '../../shared/active-rules';
import { t, type UiLang } from '../../shared/i18n';
import { type Settings, thresholdsFor } from '../../shared/settings';
import { segments } from './highlight';

export const MAX_PASTE = 20_000;

export function Highlighted({ text, verdict }: { text: string; verdict: Verdict }) {
  const spans = verdict.flags.flatMap((flag) => flag.evidence);
  return (
    <p class="checked-text" data-lokeraman-highlighted>
      {segments(text, spans).map((segment, index) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional and re-derived each render
        segment.mark ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>,
      )}
    </p>
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
            {flags.map((flag) => (
              <li key={flag.id}>
                <strong>{flag.title}</strong>
                <span>{flag.message}</span>
              </li>
            ))}
          </ul>
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
  const [result, setResult] = useState<{ text: string; verdict: Verdict } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  async function check(event: Event) {
    event.preventDefault();
    setCopied(null);
    const input = text.trim().slice(0, MAX_PASTE);
    if (!input) {
      setError(t('popup_check_empty', lang));
      setResult(null);
      return;
    }
    try {
      const { engine, bundle } = await getEngine();
      const verdict = engine.analyze(input, { uiLang: lang, thresholds: thresholdsFor(settings.sensitivity, bundle.thresholds) });
      setError(null);
      setResult({ text: input, verdict });
      queueMicrotask(() => resultRef.current?.focus());
    } catch (failure) {
      console.error('LokerAman: check failed', failure);
      setError(t('popup_check_failed', lang));
    }
  }

  async function copy(kind: 'report' | 'missed') {
    if (!result) return;
    const body = reportText(kind, result.text, result.verdict, lang);
    try {
      await navigator.clipboard.writeText(body);
      setCopied(t(kind === 'report' ? 'popup_report_copied' : 'popup_missed_copied', lang));
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
                <button type="button" onClick={() => copy('report')}>
                  {t('popup_report_button', lang)}
                </button>
              )}
              <button type="button" onClick={() => copy('missed')}>
                {t('popup_missed_button', lang)}
              </button>
            </div>
            {copied && <p role="status">{copied}</p>}
          </>
        )}
      </div>
    </section>
  );
}

/** Plain-text report for pasting into a hotline chat or form; built locally, nothing is sent. */
export function reportText(kind: 'report' | 'missed', text: string, verdict: Verdict, lang: UiLang): string {
  const lines = [
    t(kind === 'report' ? 'popup_report_title' : 'popup_missed_title', lang),
    `${t('popup_report_level', lang)}: ${t(riskKey(verdict.risk), lang)} (${verdict.score.toFixed(1)})`,
    ...verdict.flags.map((flag) => `- ${flag.title}`),
    '',
    t('popup_report_text', lang),
    text,
  ];
  return lines.join('\n');
}
