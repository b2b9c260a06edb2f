// Kaskus (www.kaskus.co.id, m.kaskus.co.id): thread pages, single-post pages and last-post pages.
// DOCUMENTED ONLY: no real Kaskus snapshot exists in site-snapshots; the fixture is built from the
// public desktop markup (div#post<24-hex> per post, body in .pagetext). Re-check on a live page.
// Searched again 2026-12 (public repositories, scraper fixtures, stored pages): no saved Kaskus page found; only
// other people's selector lists, which match the hooks used here but are not markup.
import {
  absoluteLinks,
  collapseText,
  hashId,
  isTruncated,
  queryAllFallback,
  queryFirstFallback,
  slotAt,
} from '../shared';
import type { BadgeSlot, ExtractedPost, SiteAdapter } from '../types';
import { BODY, MORE_LABELS, NESTED, POST, POST_ID, QUOTE, TITLE } from './selectors';

const SITE = 'kaskus';
const POST_PAGE = /^\/(?:thread|post|lastpost|show_post)\//;

function findPosts(root: ParentNode): Element[] {
  try {
    return queryAllFallback(root, POST).filter((el) => POST_ID.test(el.id));
  } catch {
    return [];
  }
}

/** The post's own body: not one belonging to a nested reply rendered inside it. */
function ownBody(post: Element): Element | null {
  return queryAllFallback(post, BODY).find((body) => body.closest(POST.join(', ')) === post) ?? null;
}

function extract(post: Element): ExtractedPost | null {
  try {
    const id = POST_ID.exec(post.id)?.[1];
    const body = ownBody(post);
    if (!id || !body) return null;
    // Quotes repeat someone else's post; nested replies are posts of their own.
    const skip = [...QUOTE, NESTED];
    const bodyText = collapseText(body, { skip });
    const titleEl = queryFirstFallback(post, TITLE);
    const title = titleEl && titleEl.closest(POST.join(', ')) === post ? collapseText(titleEl) : '';
    const text = [title, bodyText].filter(Boolean).join('\n');
    if (!text) return null;
    return {
      id: id ? `${SITE}:${id}` : hashId(SITE, text),
      text,
      links: absoluteLinks(body, undefined, { skip }),
      url: `https://www.kaskus.co.id/post/${id}/`,
      partial: isTruncated(body, MORE_LABELS),
    };
  } catch {
    return null;
  }
}

/** Above the post's own title when it has one, else above its body. */
function badgeSlot(post: Element): BadgeSlot | null {
  try {
    const titleEl = queryFirstFallback(post, TITLE);
    if (titleEl && titleEl.closest(POST.join(', ')) === post) return slotAt(post, titleEl);
    return slotAt(post, ownBody(post));
  } catch {
    return null;
  }
}

const adapter: SiteAdapter = {
  id: SITE,
  name: 'Kaskus',
  matches: ['https://www.kaskus.co.id/*', 'https://m.kaskus.co.id/*', 'https://kaskus.co.id/*'],
  isPostPage: (url) => POST_PAGE.test(url.pathname),
  sampleUrls: [
    'https://www.kaskus.co.id/thread/6650a1b2c3d4e5f601234567/lowongan-kerja-admin-gudang-bekasi/',
    'https://m.kaskus.co.id/thread/6650a1b2c3d4e5f601234567/lowongan-kerja-admin-gudang-bekasi/',
    'https://www.kaskus.co.id/post/6650a1b2c3d4e5f601234568/',
  ],
  notUrls: [
    'https://www.kaskus.co.id/',
    'https://www.kaskus.co.id/forum/1/the-lounge',
    'https://www.kaskus.co.id.example.org/thread/6650a1b2c3d4e5f601234567/',
  ],
  fixtureSource: 'documented',
  badgeSlot,
  findPosts,
  extract,
};

export default adapter;

// Test URLs:
// https://www.kaskus.co.id/thread/<24-hex id>/<slug>/     (thread: starter post + replies)
// https://www.kaskus.co.id/post/<24-hex id>/               (single post)
// https://www.kaskus.co.id/lastpost/<24-hex id>            (jump to last post)
// https://m.kaskus.co.id/thread/<24-hex id>/<slug>/        (mobile)
