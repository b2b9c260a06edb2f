// Every message between extension parts, as discriminated unions named by direction.
// Content script ↔ background ↔ extension pages (popup, options).
// Messages from content scripts come from web pages' processes, so the background validates their
// shape (parseContentToBackground) instead of trusting the type alone.
import * as z from 'zod/mini';
import type { Verdict } from '../engine/types';

z.config({ jitless: true });

export interface PostSummary {
  postId: string;
  site: string;
  risk: Verdict['risk'];
  score: number;
  /** Top reasons (flag titles in the UI language). */
  reasons: string[];
  excerpt: string;
}

/** Content script → background. */
export type ContentToBackground =
  | {
      type: 'verdicts/summary';
      /** Posts on the page at medium or high risk (the badge number). */
      flagged: number;
      posts: PostSummary[];
      /** Adapter id running in this frame, when the content script knows it. */
      site?: string | null;
    }
  | { type: 'content/error'; site: string; message: string };

/** What a content script answers to `content/get-findings` (the summary without its type). */
export type FindingsResponse = Omit<Extract<ContentToBackground, { type: 'verdicts/summary' }>, 'type'>;

/** Background → content script (or popup → content script through tabs.sendMessage). */
export type ToContent =
  | { type: 'content/get-findings' }
  | { type: 'content/scroll-to-post'; postId: string }
  | { type: 'content/check-selection'; text: string }
  | { type: 'content/check-page' };

/** Extension pages (popup, options) → background. */
export type PageToBackground =
  | { type: 'rules/check-now' }
  | { type: 'rules/status' }
  | { type: 'tab/findings'; tabId: number }
  /** Popup "Check this page": inject the on-demand checker if needed, then ask it to check. */
  | { type: 'tab/check-page'; tabId: number };

/** Answer to `tab/findings`: everything the popup shows for the tab. */
export interface TabFindings {
  tabId: number;
  flagged: number;
  /** Flagged posts of all frames, highest score first. */
  posts: PostSummary[];
  /** Adapter id of the top frame (from the content script or its URL), null when unsupported/unknown. */
  site: string | null;
  /** URL of the top frame as reported with the content script's messages. */
  url: string | null;
}

/** Answer to `tab/check-page`, and result of the context-menu check. */
export type OnDemandResult =
  | { ok: true; via: 'content' | 'injected' }
  | { ok: false; error: 'no-access' | 'no-receiver' | 'empty' };

export type AnyMessage = ContentToBackground | ToContent | PageToBackground;

export function isMessage<T extends AnyMessage['type']>(
  value: unknown,
  type: T,
): value is Extract<AnyMessage, { type: T }> {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === type;
}

/** Caps on what a (possibly compromised) page can make the background hold per frame. */
export const MESSAGE_LIMITS = { posts: 100, reasons: 5, text: 300, id: 200 } as const;

const Clipped = (max: number) =>
  z.pipe(
    z.string(),
    z.transform((value: string) => value.slice(0, max)),
  );

const PostSummarySchema = z.object({
  postId: Clipped(MESSAGE_LIMITS.id),
  site: Clipped(MESSAGE_LIMITS.id),
  risk: z.enum(['none', 'low', 'medium', 'high']),
  score: z.number().check(z.refine(Number.isFinite)),
  reasons: z.pipe(
    z.array(Clipped(MESSAGE_LIMITS.text)),
    z.transform((reasons: string[]) => reasons.slice(0, MESSAGE_LIMITS.reasons)),
  ),
  excerpt: Clipped(MESSAGE_LIMITS.text),
});

const SummarySchema = z.object({
  flagged: z.number().check(z.int(), z.gte(0), z.lte(100_000)),
  posts: z.pipe(
    z.array(PostSummarySchema),
    z.transform((posts: PostSummary[]) => posts.slice(0, MESSAGE_LIMITS.posts)),
  ),
  site: z.optional(z.nullable(Clipped(MESSAGE_LIMITS.id))),
});

const ContentSchema = z.union([
  z.extend(SummarySchema, { type: z.literal('verdicts/summary') }),
  z.object({ type: z.literal('content/error'), site: Clipped(MESSAGE_LIMITS.id), message: Clipped(1000) }),
]);

/** Validated (and clipped) content-script message, or null for anything else. */
export function parseContentToBackground(value: unknown): ContentToBackground | null {
  const parsed = z.safeParse(ContentSchema, value);
  return parsed.success ? (parsed.data as ContentToBackground) : null;
}

/** Validated `content/get-findings` answer, or null. */
export function parseFindingsResponse(value: unknown): FindingsResponse | null {
  const parsed = z.safeParse(SummarySchema, value);
  return parsed.success ? (parsed.data as FindingsResponse) : null;
}

const TabId = z.number().check(z.int(), z.gte(0));
const PageSchema = z.union([
  z.object({ type: z.literal('rules/check-now') }),
  z.object({ type: z.literal('rules/status') }),
  z.object({ type: z.literal('tab/findings'), tabId: TabId }),
  z.object({ type: z.literal('tab/check-page'), tabId: TabId }),
]);

export function parsePageToBackground(value: unknown): PageToBackground | null {
  const parsed = z.safeParse(PageSchema, value);
  return parsed.success ? (parsed.data as PageToBackground) : null;
}

const ToContentSchema = z.union([
  z.object({ type: z.literal('content/get-findings') }),
  z.object({ type: z.literal('content/scroll-to-post'), postId: z.string() }),
  z.object({ type: z.literal('content/check-selection'), text: z.string() }),
  z.object({ type: z.literal('content/check-page') }),
]);

export function parseToContent(value: unknown): ToContent | null {
  const parsed = z.safeParse(ToContentSchema, value);
  return parsed.success ? (parsed.data as ToContent) : null;
}
