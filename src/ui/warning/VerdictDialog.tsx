import type { RefObject } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { destinationFromPost, pickChannels, SITUATIONS, type Situation } from '../../shared/channels';
import { platformSteps } from '../../shared/platform-steps';
import { buildFeedback, buildReportFrom, feedbackLinks } from '../../shared/report';
import { ChannelList } from '../components/ChannelList';
import { copyText, downloadText } from '../components/files';
import { HighlightedText } from '../components/HighlightedText';
import { ModalDialog } from '../components/ModalDialog';
import { levelKey } from './badge-i18n';
import { t, type Lang, type WarningKey } from './i18n';
import { userOnly } from './trusted';
import type { WarningInput } from './types';

export type View = 'main' | 'report' | 'feedback';

interface Props {
  input: WarningInput;
  onClose: () => void;
  /** Absent for the standalone on-demand dialog, which has no badge to hide. */
  onHide?: () => Promise<void>;
  initialView?: View;
  /** Injected clock for tests and screenshots. */
  now?: () => Date;
}

let idCounter = 0;

const ADVICE: Array<[WarningKey, WarningKey]> = [
  ['warning_advice_licensed', 'warning_advice_licensed_source'],
  ['warning_advice_visa', 'warning_advice_visa_source'],
  ['warning_advice_countries', 'warning_advice_countries_source'],
  ['warning_advice_passport', 'warning_advice_passport_source'],
  ['warning_advice_fees', 'warning_advice_fees_source'],
];

const SITUATION_KEYS: Record<Situation, WarningKey> = {
  'before-departure': 'warning_situation_before_departure',
  'already-abroad': 'warning_situation_already_abroad',
  'paid-money': 'warning_situation_paid_money',
  'woman-or-child': 'warning_situation_woman_or_child',
};

export { levelKey };

export function VerdictDialog({ input, onClose, onHide, initialView = 'main', now = () => new Date() }: Props) {
  const [view, setView] = useState<View>(initialView);
  const ids = useMemo(() => {
    idCounter += 1;
    return { title: `la-title-${idCounter}`, report: `la-report-${idCounter}`, feedback: `la-feedback-${idCounter}` };
  }, []);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  const lang = input.lang;

  // On a view change, put focus on the new view's heading so screen readers announce it.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [view]);

  const labelledBy = view === 'main' ? ids.title : view === 'report' ? ids.report : ids.feedback;
  return (
    <ModalDialog labelledBy={labelledBy} lang={lang} onClose={onClose} class={`la-dialog la-risk-${input.verdict.risk}`}>
      <div class="la-dialog-bar">
        <span class="la-brand">{t('warning_brand', lang)}</span>
        <button type="button" class="la-btn la-btn-close" onClick={onClose} aria-label={t('warning_close', lang)}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {view === 'main' ? (
        <MainView input={input} titleId={ids.title} headingRef={headingRef} onReport={() => setView('report')} onFeedback={() => setView('feedback')} onHide={onHide} />
      ) : view === 'report' ? (
        <ReportView input={input} titleId={ids.report} headingRef={headingRef} now={now} onBack={() => setView('main')} />
      ) : (
        <FeedbackView input={input} titleId={ids.feedback} headingRef={headingRef} onBack={() => setView('main')} />
      )}
    </ModalDialog>
  );
}

interface ViewProps {
  input: WarningInput;
  titleId: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
}

function MainView({ input, titleId, headingRef, onReport, onFeedback, onHide }: ViewProps & {
  onReport: () => void;
  onFeedback: () => void;
  onHide?: () => Promise<void>;
}) {
  const { verdict, post, lang } = input;
  const [hideError, setHideError] = useState(false);
  const evidence = useMemo(() => verdict.flags.flatMap((flag) => flag.evidence), [verdict]);
  const intro: WarningKey = verdict.risk === 'high' ? 'warning_intro_high' : verdict.risk === 'medium' ? 'warning_intro_medium' : 'warning_intro_low';
  return (
    <div class="la-view" data-view="main">
      <h2 id={titleId} ref={headingRef} tabIndex={-1} class="la-title">
        <span class="la-icon" aria-hidden="true">!</span> {t(levelKey(verdict.risk), lang)}
      </h2>
      <p class="la-intro">{t(intro, lang)}</p>

      <h3>{t('warning_flags_heading', lang)}</h3>
      {verdict.flags.length ? (
        <ul class="la-flags">
          {verdict.flags.map((flag) => (
            <li key={flag.id} data-flag-id={flag.id}>
              <strong class="la-flag-title">{flag.title}</strong>
              <span class="la-flag-message">{flag.message}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('warning_flags_none', lang)}</p>
      )}

      <h3 id={`${titleId}-post`}>{t('warning_post_heading', lang)}</h3>
      {post.partial ? <p class="la-note">{t('warning_post_partial', lang)}</p> : null}
      {verdict.truncated ? <p class="la-note">{t('warning_post_truncated', lang)}</p> : null}
      {/* Scrollable, so it must be reachable by keyboard (axe scrollable-region-focusable). */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex lint/a11y/useSemanticElements: a focusable scroll region is required here */}
      <div class="la-post" tabIndex={0} role="region" aria-labelledby={`${titleId}-post`} lang={verdict.lang === 'id' || verdict.lang === 'en' ? verdict.lang : undefined}>
        <HighlightedText text={post.text} evidence={evidence} />
      </div>

      <h3>{t('warning_advice_heading', lang)}</h3>
      <ul class="la-advice">
        {ADVICE.map(([text, source]) => (
          <li key={text}>
            {t(text, lang)} <span class="la-source">{t('warning_source_label', lang, t(source, lang))}</span>
          </li>
        ))}
      </ul>

      <div class="la-actions">
        <button type="button" class="la-btn la-btn-primary" onClick={onReport}>
          {t('warning_action_report', lang)}
        </button>
        <button type="button" class="la-btn la-btn-secondary" onClick={onFeedback}>
          {t('warning_action_not_scam', lang)}
        </button>
        {onHide ? (
          <button
            type="button"
            class="la-btn la-btn-secondary"
            onClick={userOnly(() => {
              setHideError(false);
              onHide().catch(() => setHideError(true));
            })}
          >
            {t('warning_action_hide', lang)}
          </button>
        ) : null}
      </div>
      {hideError ? <p role="alert" class="la-error">{t('warning_hide_failed', lang)}</p> : null}
    </div>
  );
}

function ReportView({ input, titleId, headingRef, now, onBack }: ViewProps & { now: () => Date; onBack: () => void }) {
  const { lang } = input;
  const [situation, setSituation] = useState<Situation>('before-departure');
  const [status, setStatus] = useState<'' | 'copied' | 'failed'>('');
  const previewRef = useRef<HTMLTextAreaElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const report = useMemo(() => buildReportFrom(input, now()), [input]);
  const destination = useMemo(() => destinationFromPost(input.verdict, input.post.text), [input]);
  const channels = pickChannels({ country: input.country, situation, destination });
  const steps = platformSteps(input.site, lang, input.pageUrl);
  const name = `la-situation-${titleId}`;

  return (
    <div class="la-view" data-view="report" ref={rootRef}>
      <button type="button" class="la-btn la-btn-secondary la-back" onClick={onBack}>
        ← {t('warning_back', lang)}
      </button>
      <h2 id={titleId} ref={headingRef} tabIndex={-1} class="la-title">
        {t('warning_report_heading', lang)}
      </h2>

      <fieldset class="la-situations">
        <legend>{t('warning_situation_legend', lang)}</legend>
        {SITUATIONS.map((value) => (
          <label key={value} class="la-radio">
            <input
              type="radio"
              name={name}
              value={value}
              checked={situation === value}
              onChange={() => setSituation(value)}
            />
            <span>{t(SITUATION_KEYS[value], lang)}</span>
          </label>
        ))}
      </fieldset>

      <h3>{t('warning_channels_heading', lang)}</h3>
      {destination && situation === 'already-abroad' ? (
        <p class="la-note" data-destination={destination}>
          {t('warning_destination_named', lang, t(`warning_country_${destination}`, lang))}
        </p>
      ) : null}
      {channels.length ? (
        <ChannelList channels={channels} lang={lang} />
      ) : (
        <p class="la-note">
          {t(input.country === 'OTHER' ? 'warning_channels_none_country' : 'warning_channels_none_situation', lang)}
        </p>
      )}
      <p class="la-note la-safety">{t('warning_channels_safety', lang)}</p>

      <h3>{t('warning_package_heading', lang)}</h3>
      <p>{t('warning_package_intro', lang)}</p>
      <div class="la-actions">
        <button
          type="button"
          class="la-btn la-btn-primary"
          data-action="copy"
          onClick={userOnly(async () => setStatus((await copyText(report.text, previewRef.current)) ? 'copied' : 'failed'))}
        >
          {t('warning_copy', lang)}
        </button>
        <button
          type="button"
          class="la-btn la-btn-secondary"
          data-action="download-txt"
          onClick={userOnly(() => rootRef.current && downloadText(rootRef.current, `${report.fileBase}.txt`, report.text, 'text/plain'))}
        >
          {t('warning_download_txt', lang)}
        </button>
        <button
          type="button"
          class="la-btn la-btn-secondary"
          data-action="download-json"
          onClick={userOnly(
            () => rootRef.current && downloadText(rootRef.current, `${report.fileBase}.json`, report.json, 'application/json'),
          )}
        >
          {t('warning_download_json', lang)}
        </button>
      </div>
      <p class="la-status" role="status" aria-live="polite">
        {status === 'copied' ? t('warning_copied', lang) : status === 'failed' ? t('warning_copy_failed', lang) : ''}
      </p>
      <label class="la-field">
        <span>{t('warning_report_preview', lang)}</span>
        <textarea ref={previewRef} readOnly rows={8} value={report.text} />
      </label>

      <h3>{t('warning_platform_heading', lang, steps.name)}</h3>
      <ol class="la-steps" data-platform={steps.platform}>
        {steps.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
    </div>
  );
}

function FeedbackView({ input, titleId, headingRef, onBack }: ViewProps & { onBack: () => void }) {
  const { lang } = input;
  const draft = useMemo(
    () => buildFeedback({ kind: 'false-alarm', text: input.post.text, verdict: input.verdict, lang, site: input.site }),
    [input],
  );
  const [body, setBody] = useState(draft.body);
  const links = feedbackLinks(draft.title, body);
  const fieldId = `${titleId}-body`;
  return (
    <div class="la-view" data-view="feedback">
      <button type="button" class="la-btn la-btn-secondary la-back" onClick={onBack}>
        ← {t('warning_back', lang)}
      </button>
      <h2 id={titleId} ref={headingRef} tabIndex={-1} class="la-title">
        {t('warning_feedback_heading', lang)}
      </h2>
      <p>{t('warning_feedback_intro', lang)}</p>
      <label class="la-field" for={fieldId}>
        <span>{t('warning_feedback_label', lang)}</span>
      </label>
      <textarea id={fieldId} rows={10} value={body} onInput={(event) => setBody((event.target as HTMLTextAreaElement).value)} />
      <div class="la-actions">
        <a class="la-btn la-btn-primary" href={links.issueUrl} target="_blank" rel="noopener noreferrer" data-action="github" onClick={userOnly(() => {})}>
          {t('warning_feedback_github', lang)}
        </a>
        <a class="la-btn la-btn-secondary" href={links.mailto} data-action="email" onClick={userOnly(() => {})}>
          {t('warning_feedback_email', lang)}
        </a>
      </div>
    </div>
  );
}

export type { Lang };
