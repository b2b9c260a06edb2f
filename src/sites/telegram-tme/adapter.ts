// t.me public channel previews (t.me/s/<channel>) and single-post embeds (t.me/<channel>/<n>?embed=1).
// These pages are server-rendered HTML with hand-written class names; the whole post text is in the
// DOM (t.me never truncates), so `partial` is always false.
import { absoluteLinks, collapseText, queryAllFallback, queryFirstFallback, slotBefore } from '../shared';
import type { BadgeSlot, ExtractedPost, SiteAdapter } from '../types';
import { AUTHOR, PERMALINK, POST, REPLY_QUOTE, TEXT } from './selectors';

// Channel usernames: 4–32 chars, letters/digits/underscore (Telegram's rule), which also keeps
// reserved paths like /s, /joinchat and /+invite out.
const CHANNEL = /^[A-Za-z][A-Za-z0-9_]{3,31}$/;

function isPostPage(url: URL): boolean {
  const parts = url.pathname.split('/').filter(Boolean);
  // /s/<channel> and /s/<channel>/<n>: the web preview, which lists posts as HTML.
  if (parts[0] === 's')
    return parts.length >= 2 && CHANNEL.test(parts[1]) && (parts.length === 2 || /^\d+$/.test(parts[2]));
  // /<channel>/<n>?embed=1: the embeddable single-post page (what the "Embed" button and the post
  // page's own iframe load). Without ?embed the page is a teaser for the app, not the post.
  return parts.length === 2 && CHANNEL.test(parts[0]) && /^\d+$/.test(parts[1]) && url.searchParams.has('embed');
}

function bodyOf(post: Element): Element | null {
  const reply = REPLY_QUOTE.join(',');
  const candidates = queryAllFallback(post, TEXT).filter((el) => {
    try {
      return !el.closest(reply);
    } catch {
      return true;
    }
  });
  return candidates[0] ?? null;
}

function extract(post: Element): ExtractedPost | null {
  try {
    const id = post.getAttribute('data-post')?.trim();
    if (!id) return null;
    const body = bodyOf(post);
    const text = collapseText(body);
    // Photo-only or sticker posts have no text to check.
    if (!text) return null;
    const result: ExtractedPost = { id, text, links: absoluteLinks(body), partial: false };
    const author = collapseText(queryFirstFallback(post, AUTHOR));
    if (author) result.author = author;
    const permalink = queryFirstFallback(post, PERMALINK)?.getAttribute('href');
    if (permalink) result.url = absoluteLinks(queryFirstFallback(post, PERMALINK))[0] ?? permalink;
    return result;
  } catch {
    return null;
  }
}

/** Inside the message bubble (the visible card), above the message text. */
function badgeSlot(post: Element): BadgeSlot | null {
  try {
    const bubble = post.querySelector('.tgme_widget_message_bubble') ?? post;
    return slotBefore(bubble, TEXT);
  } catch {
    return null;
  }
}

const adapter: SiteAdapter = {
  id: 'telegram-tme',
  name: 'Telegram (t.me public channel preview)',
  matches: ['https://t.me/*'],
  isPostPage,
  sampleUrls: [
    'https://t.me/s/topwar_official',
    'https://t.me/s/durov?before=300',
    'https://t.me/s/telegram/291',
    'https://t.me/oper_goblin/22360?embed=1',
  ],
  notUrls: [
    'https://t.me/durov',
    'https://t.me/topwar_official/70991',
    'https://t.me/joinchat/AAAAAEkk2WdoDrB4-Q8-gg',
    'https://t.me/+AbCdEfGhIjKlMnOp',
    'https://t.me/s/',
    'https://telegram.org/',
    'https://web.telegram.org/k/',
  ],
  fixtureSource: 'real',
  badgeSlot,
  findPosts(root) {
    try {
      return queryAllFallback(root, POST);
    } catch {
      return [];
    }
  },
  extract,
};

export default adapter;

// Test URLs:
// https://t.me/s/topwar_official            (channel preview, the real fixture's page)
// https://t.me/s/durov                      (channel preview)
// https://t.me/s/telegram/291               (preview scrolled to one post)
// https://t.me/oper_goblin/22360?embed=1    (single-post embed)
// Not claimed: https://t.me/durov (profile/teaser page), https://t.me/topwar_official/70991 (app teaser)
