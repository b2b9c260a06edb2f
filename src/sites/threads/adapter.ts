// Threads by Meta. DOCUMENTED ONLY: no real Threads snapshot exists in site-snapshots, so the
// fixture is built from the public structure (data-pressable-container posts, span[dir=auto] text,
// /@user/post/<code> permalinks). Re-check against a live page before relying on details.
// Searched again 2026-12 (public repositories, scraper fixtures, stored pages): no saved Threads page found; only
// other people's selector lists, which match the hooks used here but are not markup.
import { absoluteLinks, collapseText, hashId, isTruncated, queryAllFallback, slotAt } from '../shared';
import type { BadgeSlot, ExtractedPost, SiteAdapter } from '../types';
import { AUTHOR_LINK, MORE_LABELS, NOT_BODY, PERMALINK, POST, TEXT_RUN, TIME } from './selectors';

const SITE = 'threads';
const POST_CODE = /\/post\/([A-Za-z0-9_-]+)/;
const POST_SELECTOR = POST.join(', ');
const NON_POST_PATHS = /^\/(?:settings|login|accounts)(?:\/|$)/;

function ownedBy(el: Element, post: Element): boolean {
  return el.parentElement?.closest(POST_SELECTOR) === post || el.closest(POST_SELECTOR) === post;
}

/** The post's own body runs: outside links/buttons/time and outside any nested (quoted) post. */
function bodyRuns(post: Element): Element[] {
  const runs = queryAllFallback(post, TEXT_RUN).filter((run) => {
    if (!ownedBy(run, post)) return false;
    const blocked = run.closest(NOT_BODY);
    return !(blocked && post.contains(blocked));
  });
  // Nested dir=auto spans are parts of one run.
  return runs.filter((run) => !runs.some((other) => other !== run && other.contains(run)));
}

function findPosts(root: ParentNode): Element[] {
  try {
    const posts = queryAllFallback(root, POST);
    // A quoted post is part of the quoting post's card.
    return posts.filter((post) => !posts.some((other) => other !== post && other.contains(post)));
  } catch {
    return [];
  }
}

function extract(post: Element): ExtractedPost | null {
  try {
    const runs = bodyRuns(post);
    const quoted = queryAllFallback(post, POST).filter((q) => q !== post);
    const quotedRuns = quoted.flatMap((q) => bodyRuns(q));
    const text = [...runs, ...quotedRuns]
      .map((run) => collapseText(run))
      .filter(Boolean)
      .join('\n');
    if (!text) return null;
    const permalinks = Array.from(post.querySelectorAll(PERMALINK)).filter((a) => ownedBy(a, post));
    const own = permalinks.find((a) => a.querySelector(TIME)) ?? permalinks[0];
    const href = own?.getAttribute('href') ?? '';
    const code = POST_CODE.exec(href)?.[1];
    let url: string | undefined;
    try {
      const base = post.ownerDocument?.location?.href;
      url = code ? new URL(href, base && base !== 'about:blank' ? base : 'https://www.threads.com/').href : undefined;
    } catch {
      url = undefined;
    }
    const authorLink = Array.from(post.querySelectorAll(AUTHOR_LINK)).find((a) => ownedBy(a, post));
    return {
      id: code ? `${SITE}:${code}` : hashId(SITE, text),
      text,
      links: [...new Set([...runs, ...quotedRuns].flatMap((run) => absoluteLinks(run)))],
      author: authorLink
        ? (authorLink.getAttribute('href') ?? '').replace(/^\/@/, '').split('/')[0] || undefined
        : undefined,
      url,
      partial: isTruncated(post, MORE_LABELS),
    };
  } catch {
    return null;
  }
}

/** Above the post's first body run, inside the post card. */
function badgeSlot(post: Element): BadgeSlot | null {
  try {
    return slotAt(post, bodyRuns(post)[0]);
  } catch {
    return null;
  }
}

const adapter: SiteAdapter = {
  id: SITE,
  name: 'Threads',
  matches: ['https://www.threads.net/*', 'https://threads.net/*', 'https://www.threads.com/*', 'https://threads.com/*'],
  isPostPage: (url) => !NON_POST_PATHS.test(url.pathname),
  sampleUrls: [
    'https://www.threads.com/',
    'https://www.threads.net/@placeholder.user/post/C9xAbCdEfGh',
    'https://www.threads.com/search?q=loker&serp_type=default',
  ],
  notUrls: [
    'https://www.threads.com/settings/privacy',
    'https://l.threads.com/?u=https%3A%2F%2Fwa.me%2F1',
    'https://www.threads.com.example.org/',
  ],
  fixtureSource: 'documented',
  badgeSlot,
  findPosts,
  extract,
};

export default adapter;

// Test URLs:
// https://www.threads.com/                         (For you feed)
// https://www.threads.com/@<user>                  (profile)
// https://www.threads.com/@<user>/post/<code>      (post with replies; each reply is its own container)
// https://www.threads.net/…                        (old domain, redirects to threads.com)
