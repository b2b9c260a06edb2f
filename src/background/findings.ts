// Per-tab findings behind the toolbar badge: pure functions, so the counting rules are unit-tested
// and the service worker only stores and displays their results.
import type { FindingsResponse, PostSummary, TabFindings } from '../shared/messages';

export interface FrameFindings extends FindingsResponse {
  url: string | null;
}

/** Findings of one tab, by frame id (the content script runs in every frame). */
export type TabState = Record<string, FrameFindings>;

export const TOP_FRAME = 0;

export function applySummary(state: TabState | undefined, frameId: number, frame: FrameFindings): TabState {
  return { ...(state ?? {}), [String(frameId)]: frame };
}

/** Badge number: flagged posts over all frames of the tab. */
export function flaggedCount(state: TabState | undefined): number {
  return Object.values(state ?? {}).reduce((sum, frame) => sum + frame.flagged, 0);
}

/** Short enough for the badge (Chrome shows about four characters). */
export function badgeText(count: number): string {
  if (!Number.isFinite(count) || count <= 0) return '';
  return count > 99 ? '99+' : String(Math.floor(count));
}

const RISK_ORDER: Record<PostSummary['risk'], number> = { high: 3, medium: 2, low: 1, none: 0 };

export function tabFindings(tabId: number, state: TabState | undefined): TabFindings {
  const frames = state ?? {};
  const top = frames[String(TOP_FRAME)];
  const seen = new Set<string>();
  const posts = Object.values(frames)
    .flatMap((frame) => frame.posts)
    .filter((post) => post.risk === 'medium' || post.risk === 'high')
    .filter((post) => {
      const key = `${post.site}\u0000${post.postId}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => RISK_ORDER[b.risk] - RISK_ORDER[a.risk] || b.score - a.score);
  const site = top?.site ?? Object.values(frames).find((frame) => frame.site)?.site ?? null;
  return { tabId, flagged: flaggedCount(frames), posts, site, url: top?.url ?? null };
}
