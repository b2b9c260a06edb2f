// Kaskus selectors. No saved Kaskus page was found; these follow Kaskus' public desktop thread
// markup as used by long-running community userscripts (Simplified-Kaskus, 2020-2022): every post
// (thread starter, replies, nested replies) is a div whose id is "post" + the 24-hex post id, with
// the body in `.pagetext` (older builds: `.entry`). Atomic utility classes like `C(c-primary)` and
// `Fz(14px)` are styling, not hooks.

/** Post container: `div[id^="post"]`, filtered in code to ids `post<24 hex>`. Nested replies: `.nestedbit`. */
export const POST = ['div[id^="post"]'];
export const POST_ID = /^post([0-9a-f]{24})$/i;
export const NESTED = '.nestedbit';

/** Post body, newest first: `.pagetext` (2020-2022 desktop), `.entry` (2013-2016), `.htmlContent` (mobile/new). */
export const BODY = ['.pagetext', '.entry', '.htmlContent', '[class*="htmlContent"]'];

/** Quoted posts inside a body: someone else's text, scanned where it was posted. */
export const QUOTE = ['.quote', 'blockquote', '.post-quote'];

/** Thread title inside the thread-starter post. */
export const TITLE = ['h1'];

/** Hidden "moderated" placeholders are not posts. */
export const MODERATED_PREFIX = 'moderated-';

export const MORE_LABELS = ['lihat selengkapnya', 'selengkapnya', 'baca selengkapnya'];
