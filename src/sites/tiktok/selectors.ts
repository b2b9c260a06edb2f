// TikTok selectors. Class names look like `tiktok-<hash>-DivCommentItemContainer` (2022) or
// `css-<hash>-DivCommentItemContainer` (later builds): the hash changes per build, the component suffix
// is readable. data-e2e hooks come first; `[class*="<Component>"]` suffix matches are the fallback.

/**
 * Caption of the open video (video page, and the browse modal over the feed): `[data-e2e="browse-video-desc"]`
 * (2022-08 both snapshots; still used by later builds, sometimes on an h1).
 */
export const VIDEO_DESC = ['[data-e2e="browse-video-desc"]', '[data-e2e="video-desc"]'];

/** For You / following feed item (2022-08 feed variant: 27 of them). */
export const FEED_ITEM = ['[data-e2e="recommend-list-item-container"]'];
/** Caption inside a feed item: `div[data-e2e="video-desc"]` (2022-08). */
export const FEED_DESC = ['[data-e2e="video-desc"]'];

/** Search result captions (documented, later builds). */
export const SEARCH_DESC = ['[data-e2e="search-card-video-caption"]', '[data-e2e="search-card-desc"]'];

/** Comment text: `p[data-e2e="comment-level-1"]` (2022-08, 20 on the video page); replies are level-2. */
export const COMMENT_TEXT = ['[data-e2e="comment-level-1"]', '[data-e2e="comment-level-2"]', '[class*="PCommentText"]'];
/**
 * A comment's own box: the nearest ancestor whose id is the numeric comment id (`div[id=<commentId>]`,
 * 2022-08), else the `…-DivCommentItemContainer` item (class suffix; the hash prefix changes per build).
 */
export const COMMENT_ID = /^\d{6,}$/;
export const COMMENT_ITEM_CLASS = /DivCommentItemContainer/;

/** Video id link inside a feed item. */
export const VIDEO_LINK = 'a[href*="/video/"]';

/** "more" labels on clamped captions. */
export const MORE_LABELS = ['more', 'lainnya', 'selengkapnya', 'see more'];
