// Instagram: post pages and post modals (caption + every comment as its own post, since job lures
// are often dropped as comments under popular posts), the home feed, and the Reels viewer.
import {
  absoluteLinks,
  collapseText,
  hashId,
  isTruncated,
  queryAllFallback,
  queryFirstFallback,
  slotAt,
  slotBefore,
} from '../shared';
import type { BadgeSlot, ExtractedPost, SiteAdapter } from '../types';
import {
  CAPTION_TEXT,
  COMMENT_LINK,
  COMMENT_TEXT,
  FEED_ARTICLE,
  FEED_CAPTION,
  HANDLE,
  MORE_LABELS,
  POST_LINK,
  REEL_CAPTION_BOX,
  REEL_CAPTION_TEXT,
  ROW,
} from './selectors';

const SITE = 'instagram';
const SHORTCODE = /\/(?:p|reels?|tv)\/([A-Za-z0-9_-]+)/;
const NON_POST_PATHS = /^\/(?:direct|accounts|challenge|emails|session|legal)(?:\/|$)/;

/** The row's own text element: caption h1, else the comment span (never the handle in h2/h3). */
function rowText(row: Element): { el: Element; caption: boolean } | null {
  const own = (el: Element) => el.closest('li') === row;
  const caption = queryAllFallback(row, CAPTION_TEXT).find(own);
  if (caption) return { el: caption, caption: true };
  const comment = queryAllFallback(row, COMMENT_TEXT).find((el) => own(el) && !el.closest(HANDLE) && !el.closest('a'));
  return comment ? { el: comment, caption: false } : null;
}

function reelText(box: Element): Element | null {
  return queryFirstFallback(box, REEL_CAPTION_TEXT);
}

function findPosts(root: ParentNode): Element[] {
  try {
    const rows = queryAllFallback(root, ROW).filter((row) => rowText(row) !== null);
    const articles = queryAllFallback(root, FEED_ARTICLE).filter(
      (article) =>
        !rows.some((row) => article.contains(row)) &&
        !queryAllFallback(article, ROW).some((row) => rowText(row) !== null) &&
        queryFirstFallback(article, FEED_CAPTION) !== null,
    );
    const reels = queryAllFallback(root, REEL_CAPTION_BOX).filter(
      (box) => reelText(box) !== null && !box.closest('article, li'),
    );
    return [...new Set([...rows, ...articles, ...reels])];
  } catch {
    return [];
  }
}

function pageShortcode(el: Element): string | null {
  try {
    return SHORTCODE.exec(el.ownerDocument?.location?.pathname ?? '')?.[1] ?? null;
  } catch {
    return null;
  }
}

function postShortcode(el: Element): string | null {
  const scope = el.closest('article, div[role="dialog"]') ?? el;
  for (const link of Array.from(scope.querySelectorAll(POST_LINK))) {
    const href = link.getAttribute('href') ?? '';
    if (/\/c\/\d+/.test(href) || /\/liked_by\//.test(href)) continue;
    const code = SHORTCODE.exec(href)?.[1];
    if (code) return code;
  }
  return pageShortcode(el);
}

function extractRow(row: Element): ExtractedPost | null {
  const found = rowText(row);
  if (!found) return null;
  const text = collapseText(found.el);
  if (!text) return null;
  const commentId = found.caption
    ? null
    : /\/c\/(\d+)/.exec(row.querySelector(COMMENT_LINK)?.getAttribute('href') ?? '')?.[1];
  const code = found.caption ? postShortcode(row) : null;
  const handle = collapseText(row.querySelector(HANDLE)) || undefined;
  return {
    id: commentId ? `${SITE}:c:${commentId}` : code ? `${SITE}:${code}` : hashId(SITE, text),
    text,
    links: absoluteLinks(found.el),
    author: handle,
    url: code ? `https://www.instagram.com/p/${code}/` : undefined,
    partial: isTruncated(row, MORE_LABELS),
  };
}

function extractArticle(article: Element): ExtractedPost | null {
  const caption = queryAllFallback(article, FEED_CAPTION).find((el) => !el.closest(HANDLE) && !el.closest('a'));
  const text = collapseText(caption);
  if (!caption || !text) return null;
  const code = postShortcode(article);
  return {
    id: code ? `${SITE}:${code}` : hashId(SITE, text),
    text,
    links: absoluteLinks(caption),
    url: code ? `https://www.instagram.com/p/${code}/` : undefined,
    partial: isTruncated(article, MORE_LABELS),
  };
}

const MORE = new Set(MORE_LABELS);

function extractReel(box: Element): ExtractedPost | null {
  const captionEl = reelText(box);
  const text = collapseText(captionEl);
  if (!captionEl || !text) return null;
  // The reel caption's "… more" is an aria-hidden span, not a button.
  const clamp = Array.from(captionEl.querySelectorAll('[aria-hidden="true"]')).some((el) =>
    MORE.has(
      (el.textContent ?? '')
        .replace(/[\u2026.]/g, '')
        .trim()
        .toLowerCase(),
    ),
  );
  return {
    id: hashId(SITE, text),
    text,
    links: absoluteLinks(captionEl),
    partial: clamp || isTruncated(box, MORE_LABELS),
  };
}

function extract(post: Element): ExtractedPost | null {
  try {
    if (post.tagName === 'LI') return extractRow(post);
    if (post.tagName === 'ARTICLE') return extractArticle(post);
    return extractReel(post);
  } catch {
    return null;
  }
}

/** Above the caption or comment text inside its row; above the caption in a feed article or reel. */
function badgeSlot(post: Element): BadgeSlot | null {
  try {
    if (post.tagName === 'LI') return slotAt(post, rowText(post)?.el);
    if (post.tagName === 'ARTICLE') return slotBefore(post, FEED_CAPTION);
    return slotAt(post, reelText(post));
  } catch {
    return null;
  }
}

const adapter: SiteAdapter = {
  id: SITE,
  name: 'Instagram',
  matches: ['https://www.instagram.com/*', 'https://instagram.com/*'],
  isPostPage: (url) => !NON_POST_PATHS.test(url.pathname),
  sampleUrls: [
    'https://www.instagram.com/',
    'https://www.instagram.com/p/DFy470Lo5SAetcuPIQWGyesaEuX0yUmyTxjKC80/',
    'https://www.instagram.com/reels/DTestReel01/',
    'https://www.instagram.com/reel/DTestReel01/',
  ],
  notUrls: [
    'https://www.instagram.com/direct/inbox/',
    'https://www.instagram.com/accounts/edit/',
    'https://l.instagram.com/?u=https%3A%2F%2Fwa.me%2F1',
    'https://help.instagram.com/',
    'https://www.instagram.com.example.net/p/x/',
  ],
  fixtureSource: 'real',
  badgeSlot,
  findPosts,
  extract,
};

export default adapter;

// Test URLs:
// https://www.instagram.com/                    (home feed: one article per post)
// https://www.instagram.com/p/<shortcode>/      (post page or modal: caption + comments)
// https://www.instagram.com/reels/<id>/         (Reels viewer)
// https://www.instagram.com/reel/<id>/          (single reel)
