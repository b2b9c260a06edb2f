// Report package and feedback drafts. Pure: no DOM, no browser API, so the popup, the warning dialog
// and tests share it. Everything here is prepared for the user to review; nothing is ever sent.
import type { Verdict } from '../engine/types';
import type { ExtractedPost } from '../sites/types';
import { levelKey } from '../ui/warning/badge-i18n';
import { t } from '../ui/warning/i18n';
import { RELEASE_FEEDBACK_EMAIL, RELEASE_ISSUE_URL } from './release';

export interface ReportInput {
  verdict: Verdict;
  post: ExtractedPost;
  site: string;
  pageUrl: string;
  lang: 'id' | 'en';
  rulesVersion: string;
  extensionVersion: string;
}

export interface ReportData {
  kind: 'lokeraman-report';
  schema: 1;
  lang: 'id' | 'en';
  site: string;
  postUrl: string;
  pageUrl: string;
  postId: string;
  author: string | null;
  postText: string;
  postTextPartial: boolean;
  risk: Verdict['risk'];
  score: number;
  flags: { id: string; title: string; evidence: string[] }[];
  links: string[];
  createdAt: string;
  createdAtLocal: string;
  timeZone: string;
  extensionVersion: string;
  rulesVersion: string;
}

export interface Report {
  /** Plain text for copy/paste into WhatsApp or a web form (≤ TEXT_LIMIT characters). */
  text: string;
  /** The same report with the whole post text, for "Save report" (a file has no length limit). */
  fullText: string;
  /** Full data for the .json download (post text not shortened). */
  data: ReportData;
  json: string;
  /** File name without extension, e.g. lokeraman-report-facebook-20260301-0930. */
  fileBase: string;
}

/** WhatsApp accepts long messages, but forms (aduankonten, IASC) and readers cope better with short ones. */
export const TEXT_LIMIT = 1500;

const REPORT_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/**
 * Links a report may carry. A site's link shim (l.facebook.com/l.php?u=javascript:…) unwraps to whatever the
 * page wrote, so the scheme is checked on the final URL here, whatever the adapter passed on.
 */
export function reportableLinks(links: readonly unknown[] | undefined): string[] {
  const out: string[] = [];
  for (const link of links ?? []) {
    if (typeof link !== 'string') continue;
    try {
      if (REPORT_SCHEMES.has(new URL(link).protocol)) out.push(link);
    } catch {
      // Not an absolute URL: nothing a report reader could follow.
    }
  }
  return out;
}

export function buildReportFrom(input: ReportInput, now: Date, timeZone?: string): Report {
  const { lang, verdict, post } = input;
  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
  const local = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: zone,
  }).format(now);
  const flags = verdict.flags.map((flag) => ({
    id: flag.id,
    title: flag.title,
    evidence: unique(flag.evidence.map((e) => e.text.trim()).filter(Boolean)),
  }));
  const data: ReportData = {
    kind: 'lokeraman-report',
    schema: 1,
    lang,
    site: input.site,
    postUrl: post.url ?? input.pageUrl,
    pageUrl: input.pageUrl,
    postId: post.id,
    author: post.author ?? null,
    postText: post.text,
    postTextPartial: Boolean(post.partial),
    risk: verdict.risk,
    score: verdict.score,
    flags,
    links: reportableLinks(post.links),
    createdAt: now.toISOString(),
    createdAtLocal: local,
    timeZone: zone,
    extensionVersion: input.extensionVersion,
    rulesVersion: input.rulesVersion,
  };

  const head = [
    t('warning_rep_title', lang),
    `${t('warning_rep_site', lang)}: ${input.site}`,
    `${t('warning_rep_url', lang)}: ${data.postUrl}`,
    `${t('warning_rep_risk', lang)}: ${t(levelKey(verdict.risk), lang)}`,
    `${t('warning_rep_time', lang)}: ${local} (${data.createdAt})`,
    `${t('warning_rep_flags', lang)}:`,
    ...flagLines(verdict, lang),
  ].join('\n');
  const tail = [
    `${t('warning_rep_versions', lang)}: ${input.extensionVersion} / ${input.rulesVersion}`,
    t('warning_rep_footer', lang),
  ].join('\n');
  const label = `${t('warning_rep_text', lang)}:\n`;
  const marker = ` ${t('warning_rep_truncated', lang)}`;
  // The post text gets whatever room the fixed parts leave, so the whole message stays under the cap.
  const room = TEXT_LIMIT - head.length - tail.length - label.length - 4;
  const excerpt = cap(post.text, Math.max(200, room), marker);
  let text = `${head}\n\n${label}${excerpt}\n\n${tail}`;
  if (text.length > TEXT_LIMIT) text = cap(text, TEXT_LIMIT, marker);
  const fullText = `${head}\n\n${label}${post.text}\n\n${tail}\n`;

  return { text, fullText, data, json: `${JSON.stringify(data, null, 2)}\n`, fileBase: fileBase(input.site, now) };
}

/** WhatsApp opens with this (wa.me?text=): the post's address and the reasons on screen, short enough to read before sending. */
export const SHORT_TEXT_LIMIT = 400;

export function shortReportText(input: Pick<ReportInput, 'lang' | 'post' | 'pageUrl'>, reasonTitles: string[]): string {
  const where = input.post.url ?? input.pageUrl;
  const reasons = reasonTitles.slice(0, 3).join('; ') || '-';
  const text = t('warning_wa_text', input.lang, where, reasons);
  return text.length > SHORT_TEXT_LIMIT ? `${text.slice(0, SHORT_TEXT_LIMIT - 1)}…` : text;
}

/** Strongest flags first; a long list would leave no room for the post itself in a WhatsApp-sized message. */
export const TEXT_MAX_FLAGS = 6;

function flagLines(verdict: Verdict, lang: 'id' | 'en'): string[] {
  const sorted = verdict.flags.slice().sort((a, b) => b.weight - a.weight);
  const lines = sorted.slice(0, TEXT_MAX_FLAGS).map((flag) => {
    const words = unique(flag.evidence.map((e) => e.text.trim()).filter(Boolean)).slice(0, 3);
    const line = `- ${flag.title}${words.length ? `: "${words.join('", "')}"` : ''}`;
    return line.length > 140 ? `${line.slice(0, 138)}…` : line;
  });
  if (sorted.length > TEXT_MAX_FLAGS) lines.push(t('warning_rep_more', lang, sorted.length - TEXT_MAX_FLAGS));
  return lines;
}

function cap(text: string, limit: number, marker: string): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit - marker.length - 1);
  // Do not leave half a surrogate pair (emoji are common in job posts).
  const safe = /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
  return `${safe.trimEnd()}…${marker}`;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function fileBase(site: string, now: Date): string {
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `lokeraman-report-${site.replace(/[^a-z0-9-]/gi, '') || 'page'}-${stamp}`;
}

// Feedback ---------------------------------------------------------------------------------------

/** Both from release.config.json (`feedback`), so a release names addresses a maintainer owns. */
export const ISSUE_URL = RELEASE_ISSUE_URL;
export const FEEDBACK_EMAIL = RELEASE_FEEDBACK_EMAIL;
/** GitHub rejects very long URLs (~8 KB); the body is URL-encoded, so keep the raw text well below. */
export const FEEDBACK_BODY_LIMIT = 2500;
/** Post text inside feedback is capped harder so the verdict and rule ids always fit. */
const FEEDBACK_TEXT_LIMIT = 1500;

export interface FeedbackInput {
  kind: 'false-alarm' | 'missed';
  text: string;
  verdict?: Verdict | null;
  lang?: 'id' | 'en';
  site?: string;
  /** Titles of the reasons the user was shown; defaults to the three strongest flags. */
  reasons?: string[];
}

export interface Feedback {
  title: string;
  body: string;
  issueUrl: string;
  mailto: string;
}

export function buildFeedback(input: FeedbackInput): Feedback {
  const lang = input.lang ?? 'en';
  const where = input.site ?? 'web';
  const title =
    input.kind === 'false-alarm' ? t('warning_fb_false_title', lang, where) : t('warning_fb_missed_title', lang, where);
  const verdict = input.verdict;
  // Plain words only: the user reads and edits this before sending, so no rule ids, scores or codes.
  const reasons =
    input.reasons ??
    verdict?.flags
      .filter((f) => f.weight > 0)
      .sort((a, b) => b.weight - a.weight)
      .slice(0, 3)
      .map((f) => f.title) ??
    [];
  const lines = [
    t(input.kind === 'false-alarm' ? 'warning_fb_false_intro' : 'warning_fb_missed_intro', lang),
    '',
    '',
    `${t('warning_fb_verdict', lang)}: ${verdict ? t(levelKey(verdict.risk), lang) : '-'}`,
    ...(reasons.length ? [`${t('warning_fb_rules', lang)}: ${reasons.join('; ')}`] : []),
    `${t('warning_fb_site', lang)}: ${where}`,
    '',
    `${t('warning_fb_text', lang)}:`,
    cap(input.text, FEEDBACK_TEXT_LIMIT, ` ${t('warning_rep_truncated', lang)}`),
  ];
  const body = cap(lines.join('\n'), FEEDBACK_BODY_LIMIT, ` ${t('warning_rep_truncated', lang)}`);
  return { title, body, ...feedbackLinks(title, body) };
}

/** Links for an edited body (the user reviews the text in a textarea first). */
export function feedbackLinks(title: string, body: string): { issueUrl: string; mailto: string } {
  const capped = body.length > FEEDBACK_BODY_LIMIT ? `${body.slice(0, FEEDBACK_BODY_LIMIT - 1)}…` : body;
  const issueUrl = `${ISSUE_URL}?${new URLSearchParams({ title, body: capped, labels: 'feedback' }).toString()}`;
  const mailto = `mailto:${FEEDBACK_EMAIL}?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(capped)}`;
  return { issueUrl, mailto };
}
