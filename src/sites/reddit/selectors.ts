// Reddit selectors for three generations of markup, newest first:
// - shreddit (2023+, web components): `shreddit-post` / `shreddit-comment` custom elements. Their
//   shadow roots hold only chrome; title and body are light-DOM children projected through named
//   slots, so they are queryable from the document. No snapshot was found: built from the public markup.
// - new Reddit (2018–2023 React): data-testid / data-click-id hooks (snapshots 2019 and 2021-11).
// - old.reddit.com: `.thing[data-fullname]` server markup (no snapshot; long-stable public markup).

/** shreddit post element: attributes id="t3_…", post-title, permalink, author. */
export const SHREDDIT_POST = ['shreddit-post'];
/** shreddit post body slot; `slot="text-body"` on the post page and feed. */
export const SHREDDIT_POST_BODY = ['[slot="text-body"]', '[id$="-post-rtjson-content"]'];
/** shreddit post title slot (a link in feeds, an h1 on the post page). */
export const SHREDDIT_POST_TITLE = ['[slot="title"]', 'h1[id^="post-title-"]'];
/** shreddit comment element: attribute thingid="t1_…"; its text is in `div[slot="comment"]`. */
export const SHREDDIT_COMMENT = ['shreddit-comment'];
export const SHREDDIT_COMMENT_BODY = ['[slot="comment"]'];

/** new Reddit post: `div[data-testid="post-container"][id^="t3_"]` (2021-11 feed, 2019 post page). */
export const NEW_POST = ['div[data-testid="post-container"]'];
/** new Reddit post title: the `h3` (feed) / `h1` (post page) inside the container. */
export const NEW_POST_TITLE = ['h1', 'h3'];
/** new Reddit post body: `[data-click-id="text"]` (2021-11 feed) / `[data-test-id="post-content"] .RichTextJSON-root` (post page). */
export const NEW_POST_BODY = [
  '[data-click-id="text"]',
  '[data-test-id="post-content"] [data-click-id="text"]',
  '.RichTextJSON-root',
];
/** new Reddit comment body: `div[data-testid="comment"]` (2019 post page, 12 comments). */
export const NEW_COMMENT = ['div[data-testid="comment"]'];

/** old.reddit: posts and comments are `.thing` with data-fullname t3_/t1_. */
export const OLD_POST = ['div.thing[data-fullname^="t3_"]'];
export const OLD_COMMENT = ['div.thing[data-fullname^="t1_"]'];
export const OLD_TITLE = ['a.title'];
/** old.reddit body: the thing's own `.usertext-body .md` (nested comments have their own). */
export const OLD_BODY = ['.usertext-body .md'];

export const MORE_LABELS = ['read more', 'see more', 'more', 'selengkapnya'];
