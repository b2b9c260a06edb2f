// YouTube: comments and video descriptions on watch pages (www and m.) and on Shorts, where job lures are
// posted as comments under popular videos. Comments use the same renderer in the watch page's comment
// section and in the Shorts comment panel; descriptions are read from the watch page layouts below.
// Fixture: real (2022-03 watch page with 20 comment threads, trimmed). Shorts: no saved page exists, so
// Shorts comments rely on the shared renderer and a Shorts description is not read yet.
import { absoluteLinks, collapseText, hashId, queryAllFallback, queryFirstFallback, slotAt } from '../shared';
import type { BadgeSlot, ExtractedPost, SiteAdapter } from '../types';
import {
  COMMENT,
  COMMENT_AUTHOR,
  COMMENT_LINK,
  COMMENT_TEXT,
  COMMENT_TEXT_BOX,
  DESCRIPTION,
  DESCRIPTION_TEXT,
  DESCRIPTION_TRUNCATION,
} from './selectors';

const SITE = 'youtube';
const ANY_COMMENT = COMMENT.join(', ');
const ANY_DESCRIPTION = DESCRIPTION.join(', ');
const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;

// Watch pages, Shorts and channel community posts hold other people's text; settings, studio links and
// the upload flow do not.
function isPostPage(url: URL): boolean {
  return /^\/(?:watch|shorts\/|live\/|@[^/]+\/(?:community|posts)|post\/)/.test(url.pathname);
}

function pageUrl(el: Element): URL | null {
  try {
    const href = el.ownerDocument?.location?.href;
    return href && href !== 'about:blank' ? new URL(href) : null;
  } catch {
    return null;
  }
}

function videoIdOf(el: Element): string | null {
  const url = pageUrl(el);
  if (!url) return null;
  const fromQuery = url.searchParams.get('v');
  if (fromQuery && VIDEO_ID.test(fromQuery)) return fromQuery;
  const fromPath = /^\/(?:shorts|live)\/([A-Za-z0-9_-]{11})/.exec(url.pathname)?.[1];
  return fromPath ?? null;
}

/** Hidden by the page itself (`hidden` attribute up the tree): the old layout's copy of the description. */
function hiddenByPage(el: Element): boolean {
  return el.closest('[hidden]') !== null;
}

function findPosts(root: ParentNode): Element[] {
  try {
    const descriptions = queryAllFallback(root, DESCRIPTION).filter((el) => !hiddenByPage(el));
    // A reply sits inside its thread, not inside the parent comment's element: no nesting to undo.
    return [...descriptions.slice(0, 1), ...queryAllFallback(root, COMMENT)];
  } catch {
    return [];
  }
}

function commentId(comment: Element): string | null {
  for (const link of Array.from(comment.querySelectorAll(COMMENT_LINK))) {
    if (link.closest(ANY_COMMENT) !== comment) continue;
    try {
      const lc = new URL(link.getAttribute('href') ?? '', 'https://www.youtube.com/').searchParams.get('lc');
      if (lc) return lc;
    } catch {
      // next link
    }
  }
  return null;
}

function ownText(comment: Element): Element | null {
  return queryAllFallback(comment, COMMENT_TEXT).find((el) => el.closest(ANY_COMMENT) === comment) ?? null;
}

function extractComment(comment: Element): ExtractedPost | null {
  const body = ownText(comment);
  const text = collapseText(body);
  if (!body || !text) return null;
  const id = commentId(comment);
  const video = videoIdOf(comment);
  return {
    id: id ? `${SITE}:comment:${id}` : hashId(`${SITE}:comment`, text),
    text,
    links: absoluteLinks(body),
    author: collapseText(queryFirstFallback(comment, COMMENT_AUTHOR), { keepButtons: true }) || undefined,
    url: id && video ? `https://www.youtube.com/watch?v=${video}&lc=${id}` : undefined,
    // ytd-expander clamps long comments with CSS; the whole text is in the markup.
    partial: false,
  };
}

function extractDescription(description: Element): ExtractedPost | null {
  const body = queryFirstFallback(description, DESCRIPTION_TEXT) ?? description;
  const text = collapseText(body);
  if (!text) return null;
  const video = videoIdOf(description);
  const cut = Array.from(description.querySelectorAll(DESCRIPTION_TRUNCATION)).some((el) => !hiddenByPage(el));
  return {
    id: video ? `${SITE}:${video}:description` : hashId(`${SITE}:description`, text),
    text,
    links: absoluteLinks(body),
    url: video ? `https://www.youtube.com/watch?v=${video}` : undefined,
    // The inline expander shows the first lines until "more" is pressed; re-read when it is.
    partial: cut,
  };
}

function extract(post: Element): ExtractedPost | null {
  try {
    if (post.matches(ANY_COMMENT)) return extractComment(post);
    if (post.matches(ANY_DESCRIPTION)) return extractDescription(post);
    return null;
  } catch {
    return null;
  }
}

/** Comment: right above its text box, under the author line. Description: above its text. */
function badgeSlot(post: Element): BadgeSlot | null {
  try {
    if (post.matches(ANY_COMMENT)) {
      const box = queryAllFallback(post, COMMENT_TEXT_BOX).find((el) => el.closest(ANY_COMMENT) === post);
      return slotAt(post, box);
    }
    return slotAt(post, queryFirstFallback(post, DESCRIPTION_TEXT));
  } catch {
    return null;
  }
}

const adapter: SiteAdapter = {
  id: SITE,
  name: 'YouTube',
  matches: ['https://www.youtube.com/*', 'https://m.youtube.com/*'],
  isPostPage,
  sampleUrls: [
    'https://www.youtube.com/watch?v=wOWhfNB_r-0',
    'https://m.youtube.com/watch?v=wOWhfNB_r-0',
    'https://www.youtube.com/shorts/abcdefghijk',
  ],
  notUrls: [
    'https://www.youtube.com/',
    'https://www.youtube.com/account',
    'https://studio.youtube.com/channel/UC0000000000000000000000',
    'https://music.youtube.com/watch?v=wOWhfNB_r-0',
    'https://www.youtube.com.example.net/watch?v=wOWhfNB_r-0',
  ],
  fixtureSource: 'real',
  badgeSlot,
  findPosts,
  extract,
};

export default adapter;

// Test URLs:
// https://www.youtube.com/watch?v=<id>   (watch page: description and comments; real fixture)
// https://m.youtube.com/watch?v=<id>     (mobile web watch page)
// https://www.youtube.com/shorts/<id>    (Shorts: comments panel)
