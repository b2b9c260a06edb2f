// Facebook selectors, newest markup first. Class names on www are generated atomic CSS (x1yztbdb…)
// and change every build, so www hooks are aria-* / data-ad-* / data-pagelet only. The legacy
// m.facebook.com touch site (2021) is server-rendered and uses data-ft / data-sigil hooks.

/**
 * www feed / group / page-timeline post containers.
 * - `div[aria-posinset]`: 2025-07 home feed (no role="article" any more) and 2022-03 / 2024-03 feeds
 *   (where it also has role="article"). Comments carry role="article" but never aria-posinset.
 */
export const WWW_POST = ['div[aria-posinset]'];

/**
 * Legacy mobile / basic site post containers (m.facebook.com 2021 group feed and permalink;
 * mbasic used the same data-ft story markup on `div[role="article"]` until it closed in 2024).
 */
export const MOBILE_POST = ['article[data-ft]', 'div[data-sigil~="story-div"]', 'div[role="article"][data-ft]'];

/**
 * www post message (the author's text), newest first.
 * - story_message: 2025-07 home feed, wraps the data-ad-preview div.
 * - data-ad-preview="message": 2022-03 and 2024-03 feeds and page tiles.
 * - data-ad-comet-preview="message": same element, kept in case one of the two attributes goes.
 */
export const WWW_MESSAGE = [
  'div[data-ad-rendering-role="story_message"]',
  'div[data-ad-preview="message"]',
  'div[data-ad-comet-preview="message"]',
];

/** m.facebook.com 2021 story text block: `div._5rgt._5nk5` with data-ft {"tn":"*s"}; the class is the fallback. */
export const MOBILE_MESSAGE = ['div[data-ft*=\'"tn":"*s"\']', 'div._5rgt'];

/** m.facebook.com 2021: "… More" teaser shown while the rest sits in `.text_exposed_show` (hidden by CSS). */
export const MOBILE_MORE = '[data-sigil~="more"]';
export const MOBILE_EXPOSED_HIDE = '.text_exposed_hide';
export const MOBILE_EXPOSED_SHOW = '.text_exposed_show';

/** Author of a www post (2025-07 data-ad-rendering-role="profile_name"). */
export const WWW_AUTHOR = ['[data-ad-rendering-role="profile_name"]'];

/**
 * Marketplace item page (2025-03): the listing sits in `div[role="main"]`; its title is the only h1
 * and the free-text description follows the first h2 ("Details"), in `span[dir="auto"]`.
 */
export const MARKETPLACE_MAIN = ['div[role="main"]'];
export const MARKETPLACE_TITLE = 'h1';
export const MARKETPLACE_SECTION_HEADING = 'h2';
export const MARKETPLACE_TEXT = 'span[dir="auto"]';

/** "See more" labels in the UI languages our users have (Indonesian first) plus English. */
export const MORE_LABELS = ['lihat selengkapnya', 'see more', 'selengkapnya', 'ver más', 'عرض المزيد'];

/**
 * www comments (2022-03 feed: `div[role="article"][aria-label^="Comentario de "]`, a localised "Comment by …";
 * 2025-07 feed: an unlabelled role="article" on the empty comment placeholders, which this skips). Posts
 * carry role="article" too up to 2024, but always with aria-posinset; comments never have it.
 */
export const WWW_COMMENT = ['div[role="article"][aria-label]:not([aria-posinset])'];
/** Comment text: `div[dir="auto"]` blocks outside the author link (2022-03: span[dir][lang] > div > div[dir]). */
export const WWW_COMMENT_TEXT = 'div[dir="auto"]';
/** The comment's own permalink carries ?comment_id=<base64 "comment:<post>_<comment>"> (2022-03). */
export const WWW_COMMENT_LINK = 'a[href*="comment_id="]';

/** m.facebook.com 2021 permalink comments: `div[data-sigil="comment"]` > `div[data-sigil="comment-body"]`. */
export const MOBILE_COMMENT = ['div[data-sigil="comment"]'];
export const MOBILE_COMMENT_BODY = '[data-sigil="comment-body"]';

/**
 * Marketplace result cards (2025-03 search results, "Today's picks" under an item): a link to the item
 * holding price rows, then the title and the location in aria-hidden `span[dir="auto"]` (the card's
 * accessible name comes from the photo's alt).
 */
export const MARKETPLACE_CARD = ['a[href*="/marketplace/item/"][role="link"]', 'a[href*="/marketplace/item/"]'];
export const MARKETPLACE_CARD_FIELD = 'span[dir="auto"]';
