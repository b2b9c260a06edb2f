// X (formerly Twitter): x.com, twitter.com, mobile.x.com / mobile.twitter.com. Timelines are
// virtualised (only rows near the viewport exist), so findPosts sees a handful at a time.
import { absoluteLinks, collapseText, hashId, queryAllFallback, queryFirstFallback, slotAt } from '../shared';
import type { BadgeSlot, ExtractedPost, SiteAdapter } from '../types';
import { AUTHOR, POST, QUOTE, SHOW_MORE, STATUS_LINK, TEXT, TIME } from './selectors';

const SITE = 'x-twitter';
const STATUS_ID = /\/status\/(\d+)/;

// Settings, messages and the compose box never hold other people's posts.
const NON_POST_PATHS = /^\/(?:messages|settings|i\/flow|compose|login|logout|i\/keyboard_shortcuts)(?:\/|$)/;

function findPosts(root: ParentNode): Element[] {
  try {
    const posts = queryAllFallback(root, POST);
    // A quoted post is part of its quoting post, never a post of its own.
    return posts.filter((post) => !posts.some((other) => other !== post && other.contains(post)));
  } catch {
    return [];
  }
}

function inQuote(el: Element, post: Element): boolean {
  const quote = el.closest(QUOTE);
  return quote !== null && post.contains(quote) && quote !== post;
}

function statusId(post: Element): { id: string; href: string } | null {
  const links = Array.from(post.querySelectorAll(STATUS_LINK)).filter((a) => !inQuote(a, post));
  const own = links.find((a) => a.querySelector(TIME)) ?? links[0];
  const href = own?.getAttribute('href') ?? '';
  const id = STATUS_ID.exec(href)?.[1];
  if (!id) return null;
  let url = href;
  try {
    const base = post.ownerDocument?.location?.href;
    const parsed = new URL(href, base && base !== 'about:blank' ? base : 'https://x.com/');
    parsed.pathname = parsed.pathname.replace(/(\/status\/\d+).*$/, '$1');
    url = parsed.href;
  } catch {
    // keep the raw href
  }
  return { id, href: url };
}

function extract(post: Element): ExtractedPost | null {
  try {
    const texts = queryAllFallback(post, TEXT);
    // Own text first, then the quoted post's: a lure quoted without comment is still on screen.
    const own = texts.filter((t) => !inQuote(t, post));
    const quoted = texts.filter((t) => inQuote(t, post));
    const blocks = [...own, ...quoted];
    // X renders the text `white-space: pre-wrap` with literal newlines in the spans.
    const text = blocks
      .map((b) => collapseText(b, { preserveNewlines: true }))
      .filter(Boolean)
      .join('\n');
    if (!text) return null;
    const links = [...new Set(blocks.flatMap((b) => absoluteLinks(b)))];
    const status = statusId(post);
    const authorEl = queryFirstFallback(post, [AUTHOR]);
    const author = authorEl && !inQuote(authorEl, post) ? collapseText(authorEl) || undefined : undefined;
    // The quoted text is part of `text`, so a clamped quote also makes the post partial.
    const showMore = post.querySelector(SHOW_MORE) !== null;
    return {
      id: status ? `${SITE}:${status.id}` : hashId(SITE, text),
      text,
      links,
      author,
      url: status?.href,
      partial: showMore,
    };
  } catch {
    return null;
  }
}

/** Above the post's own text (below the author row), inside the post article. */
function badgeSlot(post: Element): BadgeSlot | null {
  try {
    return slotAt(
      post,
      queryAllFallback(post, TEXT).find((t) => !inQuote(t, post)),
    );
  } catch {
    return null;
  }
}

const adapter: SiteAdapter = {
  id: SITE,
  name: 'X (Twitter)',
  matches: ['https://x.com/*', 'https://mobile.x.com/*', 'https://twitter.com/*', 'https://mobile.twitter.com/*'],
  isPostPage: (url) => !NON_POST_PATHS.test(url.pathname),
  sampleUrls: [
    'https://x.com/home',
    'https://x.com/okx',
    'https://x.com/TestQuoter/status/1983130065320780162',
    'https://twitter.com/home',
    'https://mobile.x.com/search?q=loker%20kamboja',
  ],
  notUrls: [
    'https://x.com/messages/123-456',
    'https://x.com/settings/account',
    'https://developer.x.com/en/docs',
    'https://t.co/AbCdEf1234',
    'https://x.com.example.org/home',
  ],
  fixtureSource: 'real',
  badgeSlot,
  findPosts,
  extract,
};

export default adapter;

// Test URLs:
// https://x.com/home                      (home timeline, logged in)
// https://x.com/okx                       (profile timeline)
// https://x.com/<user>/status/<id>        (single post with replies: each reply is its own article)
// https://x.com/search?q=loker%20kamboja  (search results)
// https://twitter.com/home, https://mobile.x.com/home (legacy / mobile hosts)
