// Instagram selectors. Instagram mixes atomic x… classes (unstable) with short _a9zr/_ap3a classes
// (stable for years, still not guaranteed); structure hooks (article, ul > li, h1/h2/h3, dir, role,
// link shapes) come first and the short classes only as fallbacks.

/**
 * Caption and comment rows of a post page / post modal (2025-06 post page): every row is an `li`
 * in a `ul` (caption: `ul._a9z6`, comments: `ul._a9ym`, replies: `ul._a9yo`) inside the post's
 * `article` or the modal `div[role="dialog"]`.
 */
export const ROW = ['article ul li', 'div[role="dialog"] ul li', 'main ul li._a9zj'];

/**
 * Caption text: `h1[dir="auto"]` (2025-06, also class _ap3a._aaco). Comment text: a
 * `span[dir="auto"]` (same _ap3a._aaco classes) next to the `h3` commenter handle.
 */
export const CAPTION_TEXT = ['h1[dir="auto"]', 'h1._ap3a'];
export const COMMENT_TEXT = ['span[dir="auto"]', 'span._ap3a'];
/** Handles of caption author (h2) and commenter (h3); text inside them is never body text. */
export const HANDLE = 'h2, h3';

/**
 * Home-feed post (documented, no snapshot): one `article` per post whose caption is a
 * `span[dir="auto"]` (the same _ap3a._aaco classes) after the author link, with a "… more" button.
 */
export const FEED_ARTICLE = ['article'];
export const FEED_CAPTION = ['span._ap3a._aaco[dir="auto"]', 'h1[dir="auto"]', 'div._a9zs span[dir="auto"]'];

/**
 * Reels viewer (2026-02): each reel's overlay is a `div[role="presentation"]` whose nested
 * `div[role="presentation"]` holds the caption `div[dir="auto"]`, clamped with an aria-hidden "… more".
 */
export const REEL_CAPTION_BOX = ['div[role="presentation"] div[role="presentation"]'];
export const REEL_CAPTION_TEXT = ['div[dir="auto"]'];

/** Comment permalink `/p/<code>/c/<commentId>/` (2025-06). */
export const COMMENT_LINK = 'a[href*="/c/"]';
/** Post permalink shapes: /p/<code>/, /<user>/p/<code>/, /reel/<code>/. */
export const POST_LINK = 'a[href*="/p/"], a[href*="/reel/"]';

/** "more" labels: English, Indonesian, Russian (the reels snapshot UI). */
export const MORE_LABELS = ['more', 'lainnya', 'selengkapnya', 'ещё', 'see more'];
