import type { RefObject } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import partsJson from '../../generated/rules.parts.json';
import { DESTINATIONS, type Destination, destinationFromPost, helpChannels, SITUATIONS, type Situation } from '../../shared/channels';
import { platformSteps } from '../../shared/platform-steps';
import { buildFeedback, buildReportFrom, feedbackLinks, shortReportText } from '../../shared/report';
import { COUNTRIES, type Country } from '../../shared/settings-core';
import { ChannelList } from '../components/ChannelList';
import { copyText, downloadText } from '../components/files';
import { HighlightedText } from '../components/HighlightedText';
import { ModalDialog } from '../components/ModalDialog';
import { levelKey } from './badge-i18n';
import { t, type Lang, type WarningKey } from './i18n';
import { type ComboParts, evidenceOf, firstSentence, groupReasons, type Reasons } from './reasons';
import { userOnly } from './trusted';
import type { WarningInput } from './types';

const comboParts = partsJson as ComboParts;

export type View = 'main' | 'report' | 'feedback';

interface Props {
  input: WarningInput;
  onClose: () => void;
  /** Absent for the standalone on-demand dialog, which has no badge to hide. */
  onHide?: () => Promise<void>;
  /** Remembers the country picked in the report view (settings); absent where nothing can be stored. */
  onCountry?: (country: Country) => Promise<void>;
  initialView?: View;
  /** Injected clock for tests and screenshots. */
  now?: () => Date;
}

let idCounter = 0;

const VERDICT: Record<WarningInput['verdict']['risk'], WarningKey> = {
  high: 'warning_verdict_high',
  medium: 'warning_verdict_medium',
  low: 'warning_verdict_low',
  none: 'warning_verdict_low',
};

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

export function VerdictDialog({
  input,
  onClose,
  onHide,
  onCountry,
  initialView = 'main',
  now = () => new Date(),
}: Props) {
  const [view, setView] = useState<View>(initialView);
  const ids = useMemo(() => {
    idCounter += 1;
    return { title: `la-title-${idCounter}`, report: `la-report-${idCounter}`, feedback: `la-feedback-${idCounter}` };
  }, []);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  const lang = input.lang;
  const reasons = useMemo(() => groupReasons(input.verdict.flags, comboParts), [input.verdict]);

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
    <ModalDialog
      labelledBy={labelledBy}
      lang={lang}
      onClose={onClose}
      class={`la-dialog la-risk-${input.verdict.risk}`}
    >
      <div class="la-dialog-bar">
        <span class="la-brand">{t('warning_brand', lang)}</span>
        <button type="button" class="la-btn la-btn-close" onClick={onClose} aria-label={t('warning_close', lang)}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {view === 'main' ? (
        <MainView
          input={input}
          reasons={reasons}
          titleId={ids.title}
          headingRef={headingRef}
          onReport={() => setView('report')}
          onFeedback={() => setView('feedback')}
          onHide={onHide}
        />
      ) : view === 'report' ? (
        <ReportView
          input={input}
          reasons={reasons}
          titleId={ids.report}
          headingRef={headingRef}
          now={now}
          onCountry={onCountry}
          onBack={() => setView('main')}
        />
      ) : (
        <FeedbackView
          input={input}
          reasons={reasons}
          titleId={ids.feedback}
          headingRef={headingRef}
          onBack={() => setView('main')}
        />
      )}
    </ModalDialog>
  );
}

interface ViewProps {
  input: WarningInput;
  reasons: Reasons;
  titleId: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
}

function MainView({
  input,
  reasons,
  titleId,
  headingRef,
  onReport,
  onFeedback,
  onHide,
}: ViewProps & {
  onReport: () => void;
  onFeedback: () => void;
  onHide?: () => Promise<void>;
}) {
  const { verdict, post, lang } = input;
  const [hideError, setHideError] = useState(false);
  // Only the words behind the reasons on screen are marked; marking every match marks the whole post.
  const evidence = useMemo(() => evidenceOf(reasons.top), [reasons]);
  const postId = `${titleId}-post`;
  return (
    <>
      <div class="la-view" data-view="main">
        <h2 id={titleId} ref={headingRef} tabIndex={-1} class="la-title">
          <span class="la-icon" aria-hidden="true">
            !
          </span>{' '}
          {t(levelKey(verdict.risk), lang)}
        </h2>
        <p class="la-verdict">{t(VERDICT[verdict.risk], lang)}</p>

        {reasons.top.length ? (
          <>
            <h3 class="la-top-heading">{t('warning_top_heading', lang)}</h3>
            <ol class="la-reasons">
              {reasons.top.map(({ flag }) => (
                <li key={flag.id} data-flag-id={flag.id}>
                  <strong class="la-flag-title">{flag.title}</strong>{' '}
                  <span class="la-flag-message">{firstSentence(flag.message)}</span>
                </li>
              ))}
            </ol>
          </>
        ) : (
          <p>{t('warning_flags_none', lang)}</p>
        )}

        <h3 id={postId}>{t('warning_post_heading', lang)}</h3>
        {post.partial ? <p class="la-note">{t('warning_post_partial', lang)}</p> : null}
        {verdict.truncated ? <p class="la-note">{t('warning_post_truncated', lang)}</p> : null}
        {/* Scrollable, so it must be reachable by keyboard (axe scrollable-region-focusable). */}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex lint/a11y/useSemanticElements: a focusable scroll region is required here */}
        <div class="la-post" tabIndex={0} role="region" aria-labelledby={postId} lang={verdict.lang === 'id' || verdict.lang === 'en' ? verdict.lang : undefined}>
          <HighlightedText text={post.text} evidence={evidence} />
        </div>

        {reasons.count > 0 ? (
          <details class="la-more" data-section="all-reasons">
            <summary>
              {reasons.count === 1 ? t('warning_all_reasons_one', lang) : t('warning_all_reasons', lang, reasons.count)}
            </summary>
            <ul class="la-flags">
              {reasons.all.map(({ flag, parts }) => (
                <li key={flag.id} data-flag-id={flag.id}>
                  <strong class="la-flag-title">{flag.title}</strong>
                  <span class="la-flag-message">{flag.message}</span>
                  {parts.length ? (
                    <span class="la-flag-parts">
                      {t('warning_built_from', lang, parts.map((part) => part.title).join('; '))}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
            {reasons.reassuring.length ? (
              <>
                <h4>{t('warning_reassuring_heading', lang)}</h4>
                <ul class="la-flags">
                  {reasons.reassuring.map((flag) => (
                    <li key={flag.id} data-flag-id={flag.id}>
                      <strong class="la-flag-title">{flag.title}</strong>
                      <span class="la-flag-message">{flag.message}</span>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </details>
        ) : null}

        <details class="la-more" data-section="advice">
          <summary>{t('warning_advice_heading', lang)}</summary>
          <ul class="la-advice">
            {ADVICE.map(([text, source]) => (
              <li key={text}>
                {t(text, lang)} <span class="la-source">{t('warning_source_label', lang, t(source, lang))}</span>
              </li>
            ))}
          </ul>
        </details>

        <div class="la-actions">
          <button type="button" class="la-btn la-btn-secondary" onClick={onFeedback} data-action="not-scam">
            {t('warning_action_not_scam', lang)}
          </button>
          {onHide ? (
            <button
              type="button"
              class="la-btn la-btn-secondary"
              data-action="hide"
              onClick={userOnly(() => {
                setHideError(false);
                onHide().catch(() => setHideError(true));
              })}
            >
              {t('warning_action_hide', lang)}
            </button>
          ) : null}
        </div>
        {hideError ? (
          <p role="alert" class="la-error">
            {t('warning_hide_failed', lang)}
          </p>
        ) : null}
      </div>
      {/* Sticky: the way to help stays on screen however far the user scrolls. */}
      <div class="la-sticky">
        <button type="button" class="la-btn la-btn-primary la-btn-help" onClick={onReport} data-action="help">
          {t('warning_action_help', lang)}
        </button>
      </div>
    </>
  );
}

const CITIZEN_KEYS: Record<Country, WarningKey> = {
  ID: 'warning_citizen_ID',
  PH: 'warning_citizen_PH',
  VN: 'warning_citizen_VN',
  TH: 'warning_citizen_TH',
  MY: 'warning_citizen_MY',
  OTHER: 'warning_citizen_OTHER',
};

function CountryPicker({
  lang,
  value,
  id,
  onPick,
}: {
  lang: Lang;
  value: Country;
  id: string;
  onPick: (country: Country) => void;
}) {
  return (
    <div class="la-country" data-section="country-picker">
      <label class="la-field" for={id}>
        <span>{t('warning_citizen_legend', lang)}</span>
      </label>
      <p class="la-note" id={`${id}-hint`}>
        {t('warning_citizen_hint', lang)}
      </p>
      <select
        id={id}
        class="la-select"
        aria-describedby={`${id}-hint`}
        value={value === 'OTHER' ? '' : value}
        onChange={userOnly((event) => {
          const picked = (event.target as HTMLSelectElement).value as Country;
          if ((COUNTRIES as readonly string[]).includes(picked)) onPick(picked);
        })}
      >
        {value === 'OTHER' ? <option value="">{t('warning_citizen_OTHER', lang)}</option> : null}
        {COUNTRIES.filter((c) => c !== 'OTHER').map((country) => (
          <option key={country} value={country}>
            {t(CITIZEN_KEYS[country], lang)}
          </option>
        ))}
      </select>
    </div>
  );
}

function ReportView({
  input,
  reasons,
  titleId,
  headingRef,
  now,
  onBack,
  onCountry,
}: ViewProps & {
  now: () => Date;
  onBack: () => void;
  onCountry?: (country: Country) => Promise<void>;
}) {
  const { lang } = input;
  const [situation, setSituation] = useState<Situation>('before-departure');
  const [status, setStatus] = useState<'' | 'copied' | 'failed' | 'saved'>('');
  const [picked, setPicked] = useState<Country | null>(null);
  const [picking, setPicking] = useState(false);
  const [saveFailed, setSaveFailed] = useState(false);
  const previewRef = useRef<HTMLTextAreaElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const country = picked ?? input.country;
  const report = useMemo(() => buildReportFrom(input, now()), [input]);
  const destination = useMemo(() => destinationFromPost(input.verdict, input.post.text), [input]);
  const [location, setLocation] = useState<Destination | null>(null);
  const abroad = situation === 'already-abroad';
  const channels = helpChannels({ country, situation, destination, location: abroad ? location : null });
  const short = useMemo(
    () =>
      shortReportText(
        input,
        reasons.top.map((r) => r.flag.title),
      ),
    [input, reasons],
  );
  const steps = platformSteps(input.site, lang, input.pageUrl);
  const name = `la-situation-${titleId}`;
  const showPicker = country === 'OTHER' || picking;

  const pick = (next: Country) => {
    setPicked(next);
    setPicking(false);
    setSaveFailed(false);
    onCountry?.(next).catch(() => setSaveFailed(true));
  };

  return (
    <div class="la-view" data-view="report" ref={rootRef}>
      <button type="button" class="la-btn la-btn-secondary la-back" onClick={onBack}>
        ← {t('warning_back', lang)}
      </button>
      <h2 id={titleId} ref={headingRef} tabIndex={-1} class="la-title">
        {t('warning_report_heading', lang)}
      </h2>

      {showPicker ? (
        <CountryPicker lang={lang} value={country} id={`${titleId}-country`} onPick={pick} />
      ) : (
        <p class="la-country-line">
          {t('warning_citizen_current', lang, t(CITIZEN_KEYS[country], lang))}{' '}
          <button
            type="button"
            class="la-btn la-btn-secondary"
            data-action="change-country"
            onClick={() => setPicking(true)}
          >
            {t('warning_citizen_change', lang)}
          </button>
        </p>
      )}
      {saveFailed ? <p class="la-error">{t('warning_citizen_save_failed', lang)}</p> : null}

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

      {abroad && country !== 'OTHER' ? (
        <div class="la-country" data-section="location-picker">
          <label class="la-field" for={`${titleId}-location`}>
            <span>{t('warning_location_legend', lang)}</span>
          </label>
          {/* The mission where the person is now answers first (KDEI Taipei, KJRI Hong Kong, KBRI Riyadh…). */}
          <select
            id={`${titleId}-location`}
            class="la-select"
            value={location ?? ''}
            onChange={userOnly((event) => {
              const value = (event.target as HTMLSelectElement).value;
              setLocation((DESTINATIONS as readonly string[]).includes(value) ? (value as Destination) : null);
            })}
          >
            <option value="">{t('warning_location_unknown', lang)}</option>
            {DESTINATIONS.map((code) => (
              <option key={code} value={code}>
                {t(`warning_country_${code}`, lang)}
              </option>
            ))}
          </select>
        </div>
      ) : null}

      <h3>{t('warning_channels_heading', lang)}</h3>
      {destination ? (
        <p class="la-note" data-destination={destination}>
          {t('warning_destination_named', lang, t(`warning_country_${destination}`, lang))}
        </p>
      ) : null}
      {channels.length ? (
        <ChannelList channels={channels} lang={lang} message={short} subject={t('warning_rep_title', lang)} />
      ) : (
        <p class="la-note" data-empty="channels">
          {t(
            country === 'OTHER'
              ? picked === 'OTHER'
                ? 'warning_channels_none_country'
                : 'warning_channels_pick_country'
              : 'warning_channels_none_situation',
            lang,
          )}
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
          data-action="save"
          onClick={userOnly(() => {
            if (!rootRef.current) return;
            downloadText(rootRef.current, `${report.fileBase}.txt`, report.fullText, 'text/plain');
            setStatus('saved');
          })}
        >
          {t('warning_save_report', lang)}
        </button>
      </div>
      <p class="la-status" role="status" aria-live="polite">
        {status === 'copied'
          ? t('warning_copied', lang)
          : status === 'failed'
            ? t('warning_copy_failed', lang)
            : status === 'saved'
              ? t('warning_saved_report', lang)
              : ''}
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

function FeedbackView({ input, reasons, titleId, headingRef, onBack }: ViewProps & { onBack: () => void }) {
  const { lang } = input;
  const draft = useMemo(
    () =>
      buildFeedback({
        kind: 'false-alarm',
        text: input.post.text,
        verdict: input.verdict,
        lang,
        site: input.site,
        reasons: reasons.top.map((r) => r.flag.title),
      }),
    [input, reasons],
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
      <textarea
        id={fieldId}
        rows={10}
        value={body}
        onInput={(event) => setBody((event.target as HTMLTextAreaElement).value)}
      />
      <div class="la-actions">
        <a class="la-btn la-btn-primary" href={links.mailto} data-action="email" onClick={userOnly(() => {})}>
          {t('warning_feedback_email', lang)}
        </a>
      </div>
      <details class="la-more" data-section="maintainers">
        <summary>{t('warning_feedback_maintainers', lang)}</summary>
        <p>
          <a
            class="la-btn la-btn-secondary"
            href={links.issueUrl}
            target="_blank"
            rel="noopener noreferrer"
            data-action="github"
            onClick={userOnly(() => {})}
          >
            {t('warning_feedback_tracker', lang)}
          </a>
        </p>
      </details>
    </div>
  );
}

export type { Lang };
