// Reddit: current shreddit web components, the 2018–2023 "new Reddit" React markup, and old.reddit.
// Posts and comments are separate posts (lures are often comments in r/indonesia-style threads).
// shreddit uses open shadow roots for chrome only; the title/body are slotted light-DOM children, and
// findPosts also works when handed a shadow root (it then finds nothing it should not).
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
import {
  MORE_LABELS,
  NEW_COMMENT,
  NEW_POST,
  NEW_POST_BODY,
  NEW_POST_TITLE,
  OLD_BODY,
  OLD_COMMENT,
  OLD_POST,
  OLD_TITLE,
  SHREDDIT_COMMENT,
  SHREDDIT_COMMENT_BODY,
  SHREDDIT_POST,
  SHREDDIT_POST_BODY,
  SHREDDIT_POST_TITLE,
} from './selectors';

const SITE = 'reddit';
const THING_ID = /^t[13]_[a-z0-9]+$/i;
const NON_POST_PATHS = /^\/(?:settings|message|chat|prefs|login|register|password|premium|coins|mod\/)(?:\/|$)/;
const ALL_POSTS = [...SHREDDIT_POST, ...SHREDDIT_COMMENT, ...NEW_POST, ...OLD_POST, ...OLD_COMMENT].join(', ');

function join(...parts: string[]): string {
  return parts.filter(Boolean).join('\n');
}

/** A body element that belongs to `thing` itself, not to a nested comment/thing inside it. */
function own(thing: Element, selectors: readonly string[], boundary: string): Element | null {
  return queryAllFallback(thing, selectors).find((el) => el.parentElement?.closest(boundary) === thing) ?? null;
}

function newCommentBox(body: Element): Element {
  for (let el = body.parentElement; el; el = el.parentElement) {
    if (/(?:^|\s)t1_[a-z0-9]+(?:\s|$)/i.test(el.getAttribute('class') ?? '') || /^t1_/.test(el.id)) return el;
  }
  return body;
}

function findPosts(root: ParentNode): Element[] {
  try {
    const posts: Element[] = [
      ...queryAllFallback(root, SHREDDIT_POST),
      ...queryAllFallback(root, SHREDDIT_COMMENT),
      ...queryAllFallback(root, NEW_POST),
      ...queryAllFallback(root, OLD_POST),
      ...queryAllFallback(root, OLD_COMMENT),
    ];
    for (const body of queryAllFallback(root, NEW_COMMENT)) {
      const box = newCommentBox(body);
      if (!posts.includes(box)) posts.push(box);
    }
    return posts;
  } catch {
    return [];
  }
}

function thingId(raw: string | null | undefined): string | null {
  return raw && THING_ID.test(raw) ? raw : null;
}

function permalink(path: string | null, el: Element): string | undefined {
  if (!path) return undefined;
  try {
    const base = el.ownerDocument?.location?.href;
    return new URL(path, base && base !== 'about:blank' ? base : 'https://www.reddit.com/').href;
  } catch {
    return undefined;
  }
}

function post(
  id: string | null,
  text: string,
  bodies: (Element | null)[],
  extra: Partial<ExtractedPost>,
): ExtractedPost | null {
  if (!text) return null;
  const present = bodies.filter((b): b is Element => b !== null);
  return {
    id: id ? `${SITE}:${id}` : hashId(SITE, text),
    text,
    // Feed previews wrap the body in a link to the post itself: that is navigation, not content.
    links: [...new Set(present.flatMap((b) => absoluteLinks(b)))].filter((href) => href !== extra.url),
    partial: present.some((b) => isTruncated(b, MORE_LABELS)),
    ...extra,
  };
}

function extractShredditPost(el: Element): ExtractedPost | null {
  const titleEl = own(el, SHREDDIT_POST_TITLE, 'shreddit-post');
  const title = collapseText(titleEl) || (el.getAttribute('post-title') ?? '').trim();
  const body = own(el, SHREDDIT_POST_BODY, 'shreddit-post');
  return post(thingId(el.id), join(title, collapseText(body)), [body], {
    author: el.getAttribute('author') ?? undefined,
    url: permalink(el.getAttribute('permalink'), el),
  });
}

function extractShredditComment(el: Element): ExtractedPost | null {
  const body = own(el, SHREDDIT_COMMENT_BODY, 'shreddit-comment');
  return post(thingId(el.getAttribute('thingid')), collapseText(body), [body], {
    author: el.getAttribute('author') ?? undefined,
    url: permalink(el.getAttribute('permalink'), el),
  });
}

function extractNewPost(el: Element): ExtractedPost | null {
  const title = collapseText(queryFirstFallback(el, NEW_POST_TITLE));
  const body = queryFirstFallback(el, NEW_POST_BODY);
  const href = el.querySelector('a[data-click-id="body"], a[href*="/comments/"]')?.getAttribute('href') ?? null;
  return post(thingId(el.id), join(title, collapseText(body)), [body], { url: permalink(href, el) });
}

function extractNewComment(el: Element): ExtractedPost | null {
  const body = el.matches(NEW_COMMENT.join(', ')) ? el : queryFirstFallback(el, NEW_COMMENT);
  const id = /(?:^|\s)(t1_[a-z0-9]+)(?:\s|$)/i.exec(el.getAttribute('class') ?? '')?.[1] ?? thingId(el.id);
  return post(id ?? null, collapseText(body), [body], {});
}

function extractOld(el: Element): ExtractedPost | null {
  const body = own(el, OLD_BODY, 'div.thing');
  const title = el.matches(OLD_POST.join(', ')) ? collapseText(own(el, OLD_TITLE, 'div.thing')) : '';
  return post(thingId(el.getAttribute('data-fullname')), join(title, collapseText(body)), [body], {
    author: el.getAttribute('data-author') ?? undefined,
    url: permalink(el.getAttribute('data-permalink'), el),
  });
}

function extract(el: Element): ExtractedPost | null {
  try {
    const tag = el.tagName.toLowerCase();
    if (tag === 'shreddit-post') return extractShredditPost(el);
    if (tag === 'shreddit-comment') return extractShredditComment(el);
    if (el.matches(NEW_POST.join(', '))) return extractNewPost(el);
    if (el.matches([...OLD_POST, ...OLD_COMMENT].join(', '))) return extractOld(el);
    if (!el.matches(ALL_POSTS)) return extractNewComment(el);
    return null;
  } catch {
    return null;
  }
}

/** Above the post title (the text starts with it) or, for comments, above the comment body. */
function badgeSlot(el: Element): BadgeSlot | null {
  try {
    const tag = el.tagName.toLowerCase();
    if (tag === 'shreddit-post')
      return slotAt(el, own(el, SHREDDIT_POST_TITLE, 'shreddit-post') ?? own(el, SHREDDIT_POST_BODY, 'shreddit-post'));
    if (tag === 'shreddit-comment') return slotAt(el, own(el, SHREDDIT_COMMENT_BODY, 'shreddit-comment'));
    if (el.matches(NEW_POST.join(', ')))
      return slotAt(el, queryFirstFallback(el, NEW_POST_TITLE) ?? queryFirstFallback(el, NEW_POST_BODY));
    if (el.matches(OLD_POST.join(', '))) return slotAt(el, own(el, OLD_TITLE, 'div.thing'));
    if (el.matches(OLD_COMMENT.join(', '))) return slotAt(el, own(el, OLD_BODY, 'div.thing'));
    return slotAt(el, el.matches(NEW_COMMENT.join(', ')) ? el : queryFirstFallback(el, NEW_COMMENT));
  } catch {
    return null;
  }
}

const adapter: SiteAdapter = {
  id: SITE,
  name: 'Reddit',
  matches: [
    'https://www.reddit.com/*',
    'https://reddit.com/*',
    'https://old.reddit.com/*',
    'https://new.reddit.com/*',
    'https://sh.reddit.com/*',
    'https://np.reddit.com/*',
  ],
  isPostPage: (url) => !NON_POST_PATHS.test(url.pathname),
  sampleUrls: [
    'https://www.reddit.com/',
    'https://www.reddit.com/r/AskReddit/comments/axtih6/what_is_the_most_worth_it_item_you_have_ever/',
    'https://www.reddit.com/r/indonesia/comments/1abcde0/loker_luar_negeri/',
    'https://old.reddit.com/r/indonesia/comments/1abcde0/loker_luar_negeri/',
  ],
  notUrls: [
    'https://out.reddit.com/t3_abc?url=https%3A%2F%2Fexample.org&token=x',
    'https://www.reddit.com/settings/account',
    'https://www.reddit.com/message/inbox/',
    'https://www.redditinc.com/policies',
    'https://www.reddit.com.example.org/r/indonesia/',
  ],
  fixtureSource: 'real',
  badgeSlot,
  findPosts,
  extract,
};

export default adapter;

// Test URLs:
// https://www.reddit.com/                                   (home feed; shreddit today, new Reddit until 2023)
// https://www.reddit.com/r/indonesia/                       (subreddit feed)
// https://www.reddit.com/r/<sub>/comments/<id>/<slug>/      (post + comments)
// https://old.reddit.com/r/<sub>/comments/<id>/<slug>/      (old Reddit post + comments)
