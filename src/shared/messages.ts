// Every message between extension parts, as discriminated unions named by direction.
// Content script ↔ background ↔ extension pages (popup, options).
import type { Verdict } from '../engine/types';

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
  | { type: 'verdicts/summary'; flagged: number; posts: PostSummary[] }
  | { type: 'content/error'; site: string; message: string };

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
  | { type: 'tab/findings'; tabId: number };

export type AnyMessage = ContentToBackground | ToContent | PageToBackground;

export function isMessage<T extends AnyMessage['type']>(
  value: unknown,
  type: T,
): value is Extract<AnyMessage, { type: T }> {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === type;
}
