// WhatsApp Web (web.whatsapp.com): messages of the open chat or channel in #main. Chats: real markup
// (2023-10 and 2025-03 saved chats). Channels: documented only; searched again 2026-12 and no saved
// Channels page was found (only scripts that read the `…@newsletter_<id>` data-id this adapter expects).
// Privacy: ids use only WhatsApp's random message id, never the chat JID, which holds phone numbers.
import { absoluteLinks, collapseText, isTruncated, queryAllFallback, slotAt } from '../shared';
import type { BadgeSlot, ExtractedPost, SiteAdapter } from '../types';
import { BODY, DIRECTION, MESSAGE, MESSAGE_ROW, PRE_PLAIN, QUOTE, READ_MORE } from './selectors';

const READ_MORE_LABELS = ['read more', 'baca selengkapnya', 'selengkapnya', 'lihat selengkapnya'];

function hasDirection(el: Element): boolean {
  return DIRECTION.some((selector) => el.querySelector(selector) !== null);
}

function findPosts(root: ParentNode): Element[] {
  try {
    const viaHas = queryAllFallback(root, MESSAGE);
    if (viaHas.length > 0) return viaHas;
  } catch {
    // :has() unsupported: fall through to filtering rows by hand
  }
  try {
    return queryAllFallback(root, MESSAGE_ROW).filter(hasDirection);
  } catch {
    return [];
  }
}

// data-id: "<fromMe>_<chat JID>_<message id>[_<participant JID>]" — keep the random message id only.
function messageId(el: Element): string | null {
  const raw = el.getAttribute('data-id') ?? '';
  const parts = raw.split('_');
  if (parts.length < 3 || !parts[2]) return null;
  return `${parts[0] === 'true' ? 'out' : 'in'}:${parts[2]}`;
}

function bodies(message: Element): Element[] {
  for (const selector of BODY) {
    let found: Element[] = [];
    try {
      found = Array.from(message.querySelectorAll(selector)).filter(
        (el) =>
          // Nested link spans repeat the text; quoted replies belong to another message.
          !el.parentElement?.closest('span.selectable-text') &&
          !QUOTE.some((q) => el.closest(q) && message.contains(el.closest(q))),
      );
    } catch {
      continue;
    }
    if (found.length > 0) return found;
  }
  return [];
}

function sender(message: Element): string | undefined {
  const pre = message.querySelector(PRE_PLAIN[0])?.getAttribute('data-pre-plain-text') ?? '';
  const match = /^\[[^\]]*\]\s*(.*?):\s*$/.exec(pre);
  return match?.[1] || undefined;
}

function extract(message: Element): ExtractedPost | null {
  try {
    const id = messageId(message);
    if (!id || !hasDirection(message)) return null;
    const parts = bodies(message);
    const text = parts
      .map((el) => collapseText(el))
      .filter(Boolean)
      .join('\n');
    if (!text) return null;
    const links = [...new Set(parts.flatMap((el) => absoluteLinks(el)))];
    const partial =
      READ_MORE.some((selector) => message.querySelector(selector) !== null) ||
      parts.some((el) => isTruncated(el.parentElement, READ_MORE_LABELS));
    const result: ExtractedPost = { id, text, links, partial };
    const author = sender(message);
    if (author) result.author = author;
    return result;
  } catch {
    return null;
  }
}

/** Inside the message bubble, above the message text. */
function badgeSlot(message: Element): BadgeSlot | null {
  try {
    const body = bodies(message)[0];
    const bubble = message.querySelector(DIRECTION.join(', ')) ?? message;
    return slotAt(bubble.contains(body ?? null) ? bubble : message, body?.closest(PRE_PLAIN[0]) ?? body);
  } catch {
    return null;
  }
}

const adapter: SiteAdapter = {
  id: 'whatsapp-web',
  name: 'WhatsApp Web',
  matches: ['https://web.whatsapp.com/*'],
  sampleUrls: ['https://web.whatsapp.com/', 'https://web.whatsapp.com/?lang=id'],
  notUrls: [
    'https://www.whatsapp.com/',
    'https://faq.whatsapp.com/',
    'https://wa.me/6280000000000',
    'https://api.whatsapp.com/send?phone=6280000000000',
  ],
  fixtureSource: 'real',
  badgeSlot,
  findPosts,
  extract,
};

export default adapter;

// Test URLs:
// https://web.whatsapp.com/         (chats and channels; the chat opens in #main, the URL does not change)
// Not claimed: https://wa.me/<number> and https://api.whatsapp.com/send (click-to-chat redirects, no messages)
