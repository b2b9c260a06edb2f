// X / Twitter selectors. The markup is React Native for Web: class names are atomic (css-175oi2r,
// r-xxxx) and change between builds, so only data-testid / role / lang are used. Every snapshot from
// 2024-12 to 2026-01 (home timeline, profile timeline, single-post subtrees) shares these hooks.

/** Post container: `article[data-testid="tweet"]` (2024-12 … 2026-01); role=article as a fallback if the testid goes. */
export const POST = ['article[data-testid="tweet"]', 'div[data-testid="cellInnerDiv"] article[role="article"]'];

/** Post text: `div[data-testid="tweetText"][lang][dir="auto"]` (all snapshots). */
export const TEXT = ['div[data-testid="tweetText"]', '[data-testid="tweetText"]'];

/** Quoted post inside a post: a nested `div[role="link"]` block holding its own tweetText (2025-10 quote subtrees). */
export const QUOTE = 'div[role="link"]';

/** Clamp control on long posts: an `a` (2024-12), `div[role=link]` (2025-02) or `button` (2026-01). */
export const SHOW_MORE = '[data-testid="tweet-text-show-more-link"]';

/** Status link carrying the post's own id; the one wrapping `time[datetime]` is the post's permalink. */
export const STATUS_LINK = 'a[href*="/status/"]';
export const TIME = 'time';

/** Author block (display name + @handle). */
export const AUTHOR = '[data-testid="User-Name"]';
