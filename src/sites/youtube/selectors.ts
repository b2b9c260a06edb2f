// YouTube selectors. Seen in the real 2022-03 watch page (site-snapshots/youtube, Polymer markup, French
// UI); the 2024+ comment element `ytd-comment-view-model` is documented only (YouTube's public markup),
// kept first so a newer page is read with it and the 2022 one falls through to `ytd-comment-renderer`.

/** One comment or reply, newest markup first. */
export const COMMENT = ['ytd-comment-view-model', 'ytd-comment-renderer'];
/** The comment's text (2022: `ytd-expander#expander` > `#content` > `yt-formatted-string#content-text`). */
export const COMMENT_TEXT = ['#content-text'];
/** The box the text sits in; the badge goes right above it, below the author line. */
export const COMMENT_TEXT_BOX = ['#expander', '#content-text'];
/** The comment's own permalink: `/watch?v=<video>&lc=<comment id>` on the timestamp. */
export const COMMENT_LINK = 'a[href*="lc="]';
export const COMMENT_AUTHOR = ['#author-text'];

/**
 * Video description, newest layout first.
 * - 2022 `ytd-watch-metadata` (primary column): `#description` > `ytd-text-inline-expander`, whose
 *   snippet holds the first lines (after the view count and date) until "Plus"/"more" is pressed.
 * - 2021-22 `ytd-video-secondary-info-renderer #description` (full text; hidden on pages that use the
 *   newer layout, as in the snapshot).
 */
export const DESCRIPTION = ['ytd-watch-metadata #description', 'ytd-video-secondary-info-renderer #description'];
/** Inside the inline expander: the snippet, and the "…" / expand controls that mean the text is cut. */
export const DESCRIPTION_TEXT = ['#description-inline-expander', 'yt-formatted-string'];
export const DESCRIPTION_TRUNCATION = '#ellipsis, #expand';
