// Telegram Web has two official clients with unrelated markup: K (web.telegram.org/k/) and A
// (web.telegram.org/a/). Both use hand-written, unhashed class names.

/**
 * Web K message bubble. Seen in site-snapshots/telegram-web (2025-01 bot chat, 2026-03 group chat):
 * `div.bubble[data-mid][data-peer-id][data-timestamp]`; service bubbles ("group created") carry `.service`.
 */
export const K_BUBBLE = ['div.bubble[data-mid][data-peer-id]'];
export const K_SERVICE = ['.service'];
/** Web K text (2025-01, 2026-03): `.message > span.translatable-message`; `.message` also holds `span.time`. */
export const K_TEXT = ['.message span.translatable-message', '.message'];
/** Web K chrome inside `.message` that is not post text (used when only `.message` matches). */
export const K_SKIP = ['.time', '.reactions', '.bubble-name-rank', '.reply', '.webpage'];
/** Web K sender in groups (2026-03): `.colored-name.name .peer-title`. */
export const K_AUTHOR = ['.colored-name .peer-title', '.name .peer-title'];

/**
 * Web A message. No snapshot: from the client's public source (components/middle/message/Message.tsx):
 * `div.Message.message-list-item[id="message-<n>"][data-message-id="<n>"]`.
 */
export const A_MESSAGE = ['.Message[data-message-id]', '.message-list-item[data-message-id]'];
/** Web A text: `.text-content`, which also contains the `.MessageMeta` time/views block. */
export const A_TEXT = ['.content-inner .text-content', '.text-content'];
export const A_SKIP = ['.MessageMeta', '.Reactions', '.message-time', '.message-views'];
export const A_AUTHOR = ['.message-title-name', '.sender-title'];
