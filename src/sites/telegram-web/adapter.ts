// Telegram Web, both clients: K (/k/, tested on real saved markup) and A (/a/, no saved page: fixture
// built from the client's documented source structure). Messages are shown in full in both; a
// "Show more" control, if the client adds one, marks the post partial.
// Searched again 2026-12 (public repositories, scraper fixtures, stored pages): no saved Telegram Web A page found; only
// other people's selector lists, which match the hooks used here but are not markup.
import {
  absoluteLinks,
  collapseText,
  isTruncated,
  matchesAny,
  queryAllFallback,
  queryFirstFallback,
  slotBefore,
} from '../shared';
import type { BadgeSlot, ExtractedPost, SiteAdapter } from '../types';
import { A_AUTHOR, A_MESSAGE, A_SKIP, A_TEXT, K_AUTHOR, K_BUBBLE, K_SERVICE, K_SKIP, K_TEXT } from './selectors';

function isPostPage(url: URL): boolean {
  // /k/ and /a/ are the two clients; /z/ is the old name of A and still redirects into it.
  return /^\/[kaz](?:\/|$)/.test(url.pathname);
}

// Web A puts the open chat in the hash (#-100123…, #@name); its message ids are per chat.
function chatFromLocation(el: Element): string {
  try {
    const hash = el.ownerDocument?.location?.hash ?? '';
    return hash.replace(/^#/, '') || 'chat';
  } catch {
    return 'chat';
  }
}

function build(id: string, body: Element | null, skip: readonly string[], author: string): ExtractedPost | null {
  const text = collapseText(body, { skip });
  if (!body || !text) return null;
  const result: ExtractedPost = {
    id,
    text,
    links: absoluteLinks(body),
    partial: isTruncated(body.parentElement ?? body, ['show more', 'read more', 'tampilkan lebih banyak']),
  };
  if (author) result.author = author;
  return result;
}

function extractK(bubble: Element): ExtractedPost | null {
  if (matchesAny(bubble, K_SERVICE)) return null;
  const mid = bubble.getAttribute('data-mid');
  const peer = bubble.getAttribute('data-peer-id');
  if (!mid || !peer) return null;
  const body = queryFirstFallback(bubble, K_TEXT);
  return build(`k:${peer}:${mid}`, body, K_SKIP, collapseText(queryFirstFallback(bubble, K_AUTHOR)));
}

function extractA(message: Element): ExtractedPost | null {
  const mid = message.getAttribute('data-message-id');
  if (!mid) return null;
  const body = queryFirstFallback(message, A_TEXT);
  return build(
    `a:${chatFromLocation(message)}:${mid}`,
    body,
    A_SKIP,
    collapseText(queryFirstFallback(message, A_AUTHOR)),
  );
}

/** Inside the bubble, above the message block (Web K) or the text content (Web A). */
function badgeSlot(post: Element): BadgeSlot | null {
  try {
    if (matchesAny(post, K_BUBBLE)) return slotBefore(post, ['.message']);
    return slotBefore(post, A_TEXT);
  } catch {
    return null;
  }
}

const adapter: SiteAdapter = {
  id: 'telegram-web',
  name: 'Telegram Web',
  matches: ['https://web.telegram.org/*'],
  isPostPage,
  sampleUrls: [
    'https://web.telegram.org/k/',
    'https://web.telegram.org/k/#-1000000001',
    'https://web.telegram.org/a/',
    'https://web.telegram.org/a/#-1001234567890',
  ],
  notUrls: [
    'https://web.telegram.org/',
    'https://telegram.org/',
    'https://t.me/s/durov',
    'https://webk.telegram.org.example.com/k/',
  ],
  fixtureSource: 'real',
  badgeSlot,
  findPosts(root) {
    try {
      return [...queryAllFallback(root, K_BUBBLE), ...queryAllFallback(root, A_MESSAGE)];
    } catch {
      return [];
    }
  },
  extract(post) {
    try {
      return matchesAny(post, K_BUBBLE) ? extractK(post) : extractA(post);
    } catch {
      return null;
    }
  },
};

export default adapter;

// Test URLs:
// https://web.telegram.org/k/#-1000000001        (Web K, a group chat; real fixture)
// https://web.telegram.org/k/#@durov             (Web K, a channel)
// https://web.telegram.org/a/#-1001234567890     (Web A, a channel; documented fixture)
