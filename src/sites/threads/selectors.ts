// Threads (threads.net, threads.com since 2025) selectors. No saved page was found, so these come
// from Threads' public DOM as documented by automation projects (2025-2026): Meta atomic x… classes
// (unusable), with `data-pressable-container` on every post and text in `span[dir="auto"]`.

/** Post container: `div[data-pressable-container="true"]` (feed, profile, post page, replies). */
export const POST = ['div[data-pressable-container="true"]', '[data-pressable-container][data-interactive-id]'];

/** Body text runs: `span[dir="auto"]` whose parent is a plain block; handles/timestamps sit inside links. */
export const TEXT_RUN = ['span[dir="auto"]'];

/** Things that are never body text even when they use span[dir=auto]. */
export const NOT_BODY = 'a, time, h1, h2, h3, [role="button"], button, [aria-hidden="true"]';

/** Permalink with the post code: `a[href*="/post/"]` wrapping `time[datetime]`. */
export const PERMALINK = 'a[href*="/post/"]';
export const TIME = 'time';

/** Author handle link `/@<handle>`. */
export const AUTHOR_LINK = 'a[href^="/@"]';

export const MORE_LABELS = ['more', 'lainnya', 'selengkapnya', 'see more'];
