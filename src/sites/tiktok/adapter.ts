// TikTok web: video pages, the browse modal over the feed, For You feed items, and comments. Each
// comment is its own post: recruiters drop "loker luar negeri, DM" lures in comment sections.
// Only 2022 markup was available; selectors lean on data-e2e, which later builds kept.
import { absoluteLinks, collapseText, hashId, isTruncated, queryAllFallback, slotAt, slotBefore } from '../shared';
import type { BadgeSlot, ExtractedPost, SiteAdapter } from '../types';
import {
  COMMENT_ID,
  COMMENT_ITEM_CLASS,
  COMMENT_TEXT,
  FEED_DESC,
  FEED_ITEM,
  MORE_LABELS,
  SEARCH_DESC,
  VIDEO_DESC,
  VIDEO_LINK,
} from './selectors';

const SITE = 'tiktok';
const VIDEO_ID = /\/video\/(\d+)/;
const COMMENT_SELECTOR = COMMENT_TEXT.join(', ');
const NON_POST_PATHS = /^\/(?:messages|setting|login|signup|upload|tiktokstudio|coin|legal|creator-center)(?:\/|$)/;

/** The comment's own box: nearest ancestor with a numeric id (the comment id), else the item container. */
function commentBox(text: Element): Element {
  for (let el = text.parentElement; el; el = el.parentElement) {
    if (COMMENT_ID.test(el.id)) return el;
    if (COMMENT_ITEM_CLASS.test(el.getAttribute('class') ?? '')) return el;
  }
  return text;
}

function findPosts(root: ParentNode): Element[] {
  try {
    const posts: Element[] = [];
    for (const item of queryAllFallback(root, FEED_ITEM))
      if (queryAllFallback(item, FEED_DESC).length) posts.push(item);
    for (const desc of [...queryAllFallback(root, VIDEO_DESC), ...queryAllFallback(root, SEARCH_DESC)]) {
      if (!desc.closest(FEED_ITEM.join(', ')) && !posts.includes(desc)) posts.push(desc);
    }
    for (const text of queryAllFallback(root, COMMENT_TEXT)) {
      const box = commentBox(text);
      if (!posts.includes(box)) posts.push(box);
    }
    return posts;
  } catch {
    return [];
  }
}

function pageVideoId(el: Element): string | null {
  try {
    return VIDEO_ID.exec(el.ownerDocument?.location?.pathname ?? '')?.[1] ?? null;
  } catch {
    return null;
  }
}

function captionPost(container: Element, desc: Element, videoId: string | null): ExtractedPost | null {
  const text = collapseText(desc);
  if (!text) return null;
  return {
    id: videoId ? `${SITE}:${videoId}` : hashId(SITE, text),
    text,
    links: absoluteLinks(desc),
    url: videoId ? `https://www.tiktok.com/video/${videoId}` : undefined,
    partial: isTruncated(container, MORE_LABELS),
  };
}

function extract(post: Element): ExtractedPost | null {
  try {
    if (post.matches(FEED_ITEM.join(', '))) {
      const desc = queryAllFallback(post, FEED_DESC)[0];
      const videoId = VIDEO_ID.exec(post.querySelector(VIDEO_LINK)?.getAttribute('href') ?? '')?.[1] ?? null;
      return desc ? captionPost(post, desc, videoId) : null;
    }
    if (post.matches([...VIDEO_DESC, ...SEARCH_DESC].join(', '))) return captionPost(post, post, pageVideoId(post));
    const textEl = post.matches(COMMENT_SELECTOR) ? post : queryAllFallback(post, COMMENT_TEXT)[0];
    const text = collapseText(textEl);
    if (!textEl || !text) return null;
    const commentId = COMMENT_ID.test(post.id) ? post.id : null;
    return {
      id: commentId ? `${SITE}:c:${commentId}` : hashId(SITE, text),
      text,
      links: absoluteLinks(textEl),
      partial: false,
    };
  } catch {
    return null;
  }
}

/** Above the caption (feed item, video page) or the comment text inside its comment box. */
function badgeSlot(post: Element): BadgeSlot | null {
  try {
    if (post.matches(FEED_ITEM.join(', '))) return slotBefore(post, FEED_DESC);
    if (post.matches([...VIDEO_DESC, ...SEARCH_DESC].join(', '))) return slotAt(post, null);
    return slotAt(post, post.matches(COMMENT_SELECTOR) ? null : queryAllFallback(post, COMMENT_TEXT)[0]);
  } catch {
    return null;
  }
}

const adapter: SiteAdapter = {
  id: SITE,
  name: 'TikTok',
  matches: ['https://www.tiktok.com/*', 'https://tiktok.com/*', 'https://m.tiktok.com/*'],
  isPostPage: (url) => !NON_POST_PATHS.test(url.pathname),
  sampleUrls: [
    'https://www.tiktok.com/@someone/video/7135383664971582725',
    'https://www.tiktok.com/@creator/video/7118347470546980101',
    'https://www.tiktok.com/foryou',
    'https://www.tiktok.com/search?q=loker%20luar%20negeri',
  ],
  notUrls: [
    'https://www.tiktok.com/messages?lang=id-ID',
    'https://www.tiktok.com/setting',
    'https://seller-id.tiktok.com/',
    'https://www.tiktok.com.example.net/foryou',
  ],
  fixtureSource: 'real',
  badgeSlot,
  findPosts,
  extract,
};

export default adapter;

// Test URLs:
// https://www.tiktok.com/@<user>/video/<id>   (video page: caption + comments)
// https://www.tiktok.com/foryou                (For You feed; opening a video shows the browse modal)
// https://www.tiktok.com/search?q=<query>      (search results, documented selectors only)
