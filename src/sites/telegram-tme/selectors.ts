// Selectors for the public channel preview on t.me (t.me/s/<channel>) and the single-post embed
// page (t.me/<channel>/<n>?embed=1). Telegram writes these classes by hand (not hashed); they have
// stayed the same since the widget launched, so one entry per array is the honest state today.

/**
 * One message. Seen in site-snapshots/telegram-tme (2023-02): `div.tgme_widget_message[data-post="<channel>/<id>"]`
 * inside `div.tgme_widget_message_wrap`. data-post is the stable id, so it is required.
 */
export const POST = ['div.tgme_widget_message[data-post]', '.js-widget_message[data-post]'];

/**
 * Post body. Seen 2023-02: `div.tgme_widget_message_text.js-message_text[dir="auto"]`, with `<br>` breaks.
 * Some saved posts nest a second `.tgme_widget_message_text` inside the first (album captions), so the
 * adapter takes the outermost one that is not inside a reply quote.
 */
export const TEXT = ['.tgme_widget_message_text', '.js-message_text'];

/** Quoted message of a reply: `.tgme_widget_message_reply` holds its own text, not this post's. */
export const REPLY_QUOTE = ['.tgme_widget_message_reply'];

/** Sender line: channel name, or the signing author in signed channels (2023-02 fragments). */
export const AUTHOR = ['.tgme_widget_message_from_author', '.tgme_widget_message_owner_name'];

/** Permalink: `a.tgme_widget_message_date[href="https://t.me/<channel>/<id>"]` (2023-02). */
export const PERMALINK = ['a.tgme_widget_message_date[href]'];
