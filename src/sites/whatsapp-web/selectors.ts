// WhatsApp Web. Class names are hashed and were rebuilt twice between the two snapshots (_1BOF7 in
// 2023, _amk…/x… in 2025); the selectors below use only what both builds share: #main, role=row,
// data-id, the semantic message-in/message-out classes and WhatsApp's copy hooks (copyable-text,
// selectable-text, data-pre-plain-text), which the "copy message" feature itself depends on.

/**
 * One message. Seen in site-snapshots/whatsapp-web (2023-10 and 2025-03): `#main div[role="row"] > div[data-id]`
 * wrapping `div.message-in` / `div.message-out`. Rows without those classes are system notices
 * (encryption, disappearing messages, date chips).
 */
export const MESSAGE = [
  '#main div[role="row"] > div[data-id]:has(.message-in, .message-out)',
  '#main div[data-id]:has(> .message-in, > .message-out)',
];
/** Fallback used when :has() is unsupported (old engines): filter data-id rows in code. */
export const MESSAGE_ROW = ['#main div[role="row"] > div[data-id]', '#main div[data-id]'];
export const DIRECTION = ['.message-in', '.message-out'];

/**
 * Message text. 2023-10 and 2025-03: `div.copyable-text[data-pre-plain-text] span.selectable-text.copyable-text`;
 * links inside are `a.selectable-text` (nested, so only the outermost span counts). Channel posts
 * (no snapshot) are expected without the data-pre-plain-text wrapper, hence the bare fallback.
 */
export const BODY = [
  'div.copyable-text[data-pre-plain-text] span.selectable-text.copyable-text',
  'span.selectable-text.copyable-text',
];

/** Quoted message inside a reply (2023-10: `div[role="button"][aria-label="Pesan yang dikutip"]`, `.quoted-mention`). */
export const QUOTE = ['[role="button"]', '.quoted-mention'];

/** "[11.37, 9/10/2023] Sender: " — the sender label WhatsApp puts on the clipboard. */
export const PRE_PLAIN = ['[data-pre-plain-text]'];

/** "Read more" control on long messages; WhatsApp keeps the rest out of the DOM until clicked. */
export const READ_MORE = ['.read-more-button'];
