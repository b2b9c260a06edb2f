// Facebook: www (feed, groups, pages, single posts), web., the legacy m. touch site and mbasic, and
// Marketplace item pages. www feeds are virtualised: only on-screen posts are in the DOM, so the
// scanner's MutationObserver, not this file, is what sees a long feed.
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
  MARKETPLACE_CARD,
  MARKETPLACE_CARD_FIELD,
  MARKETPLACE_MAIN,
  MARKETPLACE_SECTION_HEADING,
  MARKETPLACE_TEXT,
  MARKETPLACE_TITLE,
  MOBILE_COMMENT,
  MOBILE_COMMENT_BODY,
  MOBILE_EXPOSED_HIDE,
  MOBILE_EXPOSED_SHOW,
  MOBILE_MESSAGE,
  MOBILE_MORE,
  MOBILE_POST,
  MORE_LABELS,
  WWW_AUTHOR,
  WWW_COMMENT,
  WWW_COMMENT_LINK,
  WWW_COMMENT_TEXT,
  WWW_MESSAGE,
  WWW_POST,
} from './selectors';

const SITE = 'facebook';
const ANY_POST = [...WWW_POST, ...MOBILE_POST].join(', ');
const ANY_WWW_MESSAGE = WWW_MESSAGE.join(', ');
const MARKETPLACE_ITEM_PATH = /^\/marketplace\/item\/(\d+)/;
const MARKETPLACE_PATH = /^\/marketplace(?:\/|$)/;
const ITEM_IN_HREF = /\/marketplace\/item\/(\d+)/;
const ANY_WWW_COMMENT = WWW_COMMENT.join(', ');
const ANY_MOBILE_COMMENT = MOBILE_COMMENT.join(', ');
const ANY_MARKETPLACE_CARD = MARKETPLACE_CARD.join(', ');

// Pages that never show posts to a job seeker; skipping them saves work on Messenger and settings.
const NON_POST_PATHS =
  /^\/(?:messages|settings|privacy|help|login|checkpoint|ads\/manager|business|bookmarks|notifications)(?:\/|$)/;

// Click-tracking parameters Facebook adds to its own links (hashtags, profiles, permalinks). They
// are per-session noise, kilobytes long on m.facebook.com, and say nothing about the destination.
const TRACKING_PARAMS = /^(?:_ft_|refid|__tn__|__cft__\[\d+\]|__xts__\[\d+\]|__eep__|eav|paipv|ref)$/;

function cleanFacebookUrl(href: string): string {
  try {
    const url = new URL(href);
    if (!/(?:^|\.)facebook\.com$/.test(url.hostname)) return href;
    for (const key of [...url.searchParams.keys()]) if (TRACKING_PARAMS.test(key)) url.searchParams.delete(key);
    return url.href;
  } catch {
    return href;
  }
}

function pageUrl(el: Element): URL | null {
  try {
    const href = el.ownerDocument?.location?.href;
    return href && href !== 'about:blank' ? new URL(href) : null;
  } catch {
    return null;
  }
}

function isNested(el: Element, all: Set<Element>): boolean {
  for (let parent = el.parentElement; parent; parent = parent.parentElement) if (all.has(parent)) return true;
  return false;
}

/** Outermost elements only: a shared post's inner message or a story-div inside an article is one post. */
function outermost(elements: Element[]): Element[] {
  const set = new Set(elements);
  return elements.filter((el) => !isNested(el, set));
}

function marketplaceListing(root: ParentNode): Element | null {
  const main = queryFirstFallback(root, MARKETPLACE_MAIN);
  const title = main?.querySelector(MARKETPLACE_TITLE);
  if (!title) return null;
  // The smallest ancestor holding both the title and the "Details" heading is the listing panel;
  // the related-items grid below it has no h2 of its own.
  for (let el = title.parentElement; el && el !== main?.parentElement; el = el.parentElement) {
    if (el.querySelector(MARKETPLACE_SECTION_HEADING)) return el;
  }
  return null;
}

function findPosts(root: ParentNode): Element[] {
  try {
    const posts = [...queryAllFallback(root, WWW_POST), ...queryAllFallback(root, MOBILE_POST)];
    // Messages outside any feed container: single-post pages, page tiles, photo viewer captions.
    for (const message of queryAllFallback(root, WWW_MESSAGE)) {
      if (!message.closest(ANY_POST) && !message.parentElement?.closest(ANY_WWW_MESSAGE)) posts.push(message);
    }
    const url = pageUrl((root as Node).nodeType === 9 ? (root as Document).documentElement : (root as Element));
    if (url && MARKETPLACE_ITEM_PATH.test(url.pathname)) {
      const listing = marketplaceListing(root);
      if (listing) posts.push(listing);
    }
    // Comments sit inside their post's container but are posts of their own (recruiters answer in the
    // comments of clean posts); so are Marketplace result cards, on Marketplace pages only.
    const own = [...queryAllFallback(root, WWW_COMMENT), ...queryAllFallback(root, MOBILE_COMMENT)];
    if (url && MARKETPLACE_PATH.test(url.pathname)) own.push(...outermost(queryAllFallback(root, MARKETPLACE_CARD)));
    return [...outermost(posts), ...own];
  } catch {
    return [];
  }
}

const POST_ID_PATTERNS: readonly RegExp[] = [
  /\/posts\/(pfbid\w+|\d+)/,
  /\/permalink\/(\d+)/,
  /[?&]story_fbid=(pfbid\w+|\d+)/,
  /\/(?:videos|reel)\/(\d+)/,
];

/** Post id from the post's own permalink (header timestamp link), ignoring comment permalinks. */
function permalinkId(post: Element): { id: string; url: string } | null {
  for (const anchor of Array.from(post.querySelectorAll('a[href]'))) {
    const href = anchor.getAttribute('href') ?? '';
    if (/[?&]comment_id=/.test(href)) continue;
    for (const pattern of POST_ID_PATTERNS) {
      const match = pattern.exec(href);
      if (match) {
        let url = href;
        try {
          const base = pageUrl(post)?.href ?? 'https://www.facebook.com/';
          const parsed = new URL(href, base);
          url = cleanFacebookUrl(parsed.href);
        } catch {
          // keep the raw href
        }
        return { id: match[1], url };
      }
    }
  }
  return null;
}

function dataFtId(post: Element): string | null {
  const raw = post.getAttribute('data-ft');
  if (!raw) return null;
  try {
    const ft = JSON.parse(raw) as Record<string, unknown>;
    const id = ft.top_level_post_id ?? ft.mf_story_key;
    return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
  } catch {
    return /"top_level_post_id":"?(\d+)/.exec(raw)?.[1] ?? null;
  }
}

function extractWww(post: Element): ExtractedPost | null {
  const messages = outermost(queryAllFallback(post, WWW_MESSAGE));
  const text = messages
    .map((m) => collapseText(m))
    .filter(Boolean)
    .join('\n');
  if (!text) return null;
  const links = [...new Set(messages.flatMap((m) => absoluteLinks(m).map(cleanFacebookUrl)))];
  const permalink = permalinkId(post);
  const author = collapseText(queryFirstFallback(post, WWW_AUTHOR)) || undefined;
  return {
    id: permalink ? `${SITE}:${permalink.id}` : hashId(SITE, text),
    text,
    links,
    author,
    url: permalink?.url,
    partial: messages.some((m) => isTruncated(m, MORE_LABELS)),
  };
}

function extractMobile(post: Element): ExtractedPost | null {
  const blocks = outermost(queryAllFallback(post, MOBILE_MESSAGE));
  // "… More" is a teaser; the rest of the text is already in `.text_exposed_show`, hidden only by CSS.
  const text = blocks
    .map((b) => collapseText(b, { skip: [MOBILE_EXPOSED_HIDE] }))
    .filter(Boolean)
    .join('\n');
  if (!text) return null;
  const partial = blocks.some(
    (b) => b.querySelector(MOBILE_MORE) !== null && b.querySelector(MOBILE_EXPOSED_SHOW) === null,
  );
  const id = dataFtId(post) ?? permalinkId(post)?.id;
  // Each text block is wrapped in an empty "Open story" overlay link to the post itself: not content.
  const self = id ? new RegExp(`/permalink/${id}/|[?&]story_fbid=${id}(?:&|$)|/posts/${id}(?:/|$)`) : null;
  const links = [
    ...new Set(blocks.flatMap((b) => absoluteLinks(b, undefined, { skip: [MOBILE_MORE] }).map(cleanFacebookUrl))),
  ].filter((href) => !self?.test(href));
  return { id: id ? `${SITE}:${id}` : hashId(SITE, text), text, links, partial };
}

function extractMarketplace(listing: Element, itemId: string): ExtractedPost | null {
  const title = collapseText(listing.querySelector(MARKETPLACE_TITLE));
  const heading = listing.querySelector(MARKETPLACE_SECTION_HEADING);
  const parts: string[] = [];
  const links: string[] = [];
  if (heading) {
    const headings = Array.from(listing.querySelectorAll(MARKETPLACE_SECTION_HEADING));
    const next = headings[headings.indexOf(heading) + 1] ?? null;
    const spans = Array.from(listing.querySelectorAll(MARKETPLACE_TEXT)).filter(
      (span) =>
        heading.compareDocumentPosition(span) & 4 /* DOCUMENT_POSITION_FOLLOWING */ &&
        (!next || span.compareDocumentPosition(next) & 4) /* DOCUMENT_POSITION_FOLLOWING */ &&
        !heading.contains(span) &&
        !span.closest('ul, a, button, [role="button"]') &&
        !span.parentElement?.closest(MARKETPLACE_TEXT),
    );
    for (const span of spans) {
      const value = collapseText(span);
      if (value) parts.push(value);
      links.push(...absoluteLinks(span));
    }
  }
  const text = [title, ...parts].filter(Boolean).join('\n');
  if (!text) return null;
  const base = pageUrl(listing);
  return {
    id: `${SITE}:marketplace:${itemId}`,
    text,
    links: [...new Set(links)],
    url: base ? `${base.origin}/marketplace/item/${itemId}/` : undefined,
    partial: isTruncated(listing, MORE_LABELS),
  };
}

/** A comment's own text blocks: outside links (the author's name) and outside reply threads nested in it. */
function commentBlocks(comment: Element): Element[] {
  const blocks = Array.from(comment.querySelectorAll(WWW_COMMENT_TEXT)).filter(
    (el) => el.closest(ANY_WWW_COMMENT) === comment && !el.closest('a, [role="button"]'),
  );
  return outermost(blocks);
}

/** `comment_id` is base64 of "comment:<post>_<comment>" on www; the decoded form is stable, the raw one too. */
function commentIdOf(comment: Element): string | null {
  for (const link of Array.from(comment.querySelectorAll(WWW_COMMENT_LINK))) {
    if (link.closest(ANY_WWW_COMMENT) !== comment) continue;
    try {
      const raw = new URL(link.getAttribute('href') ?? '', 'https://www.facebook.com/').searchParams.get('comment_id');
      if (!raw) continue;
      let decoded = raw;
      try {
        decoded = atob(raw);
      } catch {
        // already plain (numeric ids on some builds)
      }
      const match = /(\d+_\d+)$/.exec(decoded) ?? /(\d+)$/.exec(decoded);
      return match ? match[1] : raw;
    } catch {
      // next link
    }
  }
  return null;
}

function extractWwwComment(comment: Element): ExtractedPost | null {
  const blocks = commentBlocks(comment);
  const text = blocks
    .map((b) => collapseText(b))
    .filter(Boolean)
    .join('\n');
  if (!text) return null;
  const id = commentIdOf(comment);
  const authorLink = Array.from(comment.querySelectorAll('a[href] span[dir="auto"]')).find(
    (el) => el.closest(ANY_WWW_COMMENT) === comment,
  );
  return {
    id: id ? `${SITE}:comment:${id}` : hashId(`${SITE}:comment`, text),
    text,
    links: [...new Set(blocks.flatMap((b) => absoluteLinks(b).map(cleanFacebookUrl)))],
    author: collapseText(authorLink) || undefined,
    partial: blocks.some((b) => isTruncated(b, MORE_LABELS)),
  };
}

function extractMobileComment(comment: Element): ExtractedPost | null {
  const body = comment.querySelector(MOBILE_COMMENT_BODY);
  const text = collapseText(body);
  if (!body || !text) return null;
  const id = body.getAttribute('data-commentid') ?? comment.getAttribute('data-uniqueid') ?? comment.id;
  return {
    id: id ? `${SITE}:comment:${id}` : hashId(`${SITE}:comment`, text),
    text,
    links: absoluteLinks(body).map(cleanFacebookUrl),
    partial: isTruncated(body, MORE_LABELS),
  };
}

/**
 * A result card shows price rows, then title, then location. The engine reads title, price and location,
 * one per line; the struck-out old price is left out. The full description lives on the item page,
 * which the badge's post link opens: nothing is fetched.
 */
function extractMarketplaceCard(card: Element): ExtractedPost | null {
  const itemId = ITEM_IN_HREF.exec(card.getAttribute('href') ?? '')?.[1];
  if (!itemId) return null;
  const fields = outermost(Array.from(card.querySelectorAll(MARKETPLACE_CARD_FIELD)));
  const rows: string[][] = [];
  let lastRow: Element | null = null;
  for (const field of fields) {
    const value = collapseText(field, { keepAriaHidden: true });
    if (!value) continue;
    // Fields in one row (current and old price) share the row's wrapper.
    const row = field.closest('span:not([dir]), div')?.parentElement ?? null;
    if (row && row === lastRow) rows[rows.length - 1].push(value);
    else rows.push([value]);
    lastRow = row;
  }
  const isPrice = (row: string[]) => /^\D{0,4}\d/.test(row[0]) && row[0].length <= 24;
  const price = rows.find(isPrice)?.[0];
  const rest = rows.filter((row) => !isPrice(row)).map((row) => row.join(' '));
  const [title, ...others] = rest;
  const text = [title, price, ...others].filter(Boolean).join('\n');
  if (!text) return null;
  const base = pageUrl(card);
  return {
    id: `${SITE}:marketplace:${itemId}:card`,
    text,
    links: [],
    url: `${base?.origin ?? 'https://www.facebook.com'}/marketplace/item/${itemId}/`,
    partial: true,
  };
}

function extract(post: Element): ExtractedPost | null {
  try {
    if (post.matches(ANY_WWW_COMMENT)) return extractWwwComment(post);
    if (post.matches(ANY_MOBILE_COMMENT)) return extractMobileComment(post);
    if (post.matches(ANY_MARKETPLACE_CARD)) return extractMarketplaceCard(post);
    if (post.matches(MOBILE_POST.join(', '))) return extractMobile(post);
    if (!post.matches(ANY_POST) && !post.matches(ANY_WWW_MESSAGE)) {
      const itemId = MARKETPLACE_ITEM_PATH.exec(pageUrl(post)?.pathname ?? '')?.[1];
      if (itemId) return extractMarketplace(post, itemId);
    }
    return extractWww(post);
  } catch {
    return null;
  }
}

/**
 * Above the message text (www, m.) or the comment text, above a Marketplace title, above a result card;
 * a bare message gets it first inside.
 */
function badgeSlot(post: Element): BadgeSlot | null {
  try {
    if (post.matches(ANY_WWW_COMMENT)) return slotAt(post, commentBlocks(post)[0]);
    if (post.matches(ANY_MOBILE_COMMENT)) return slotAt(post, post.querySelector(MOBILE_COMMENT_BODY));
    // The card is a link: the badge goes above it, inside the grid cell that holds it.
    if (post.matches(ANY_MARKETPLACE_CARD)) return post.parentElement ? slotAt(post.parentElement, post) : null;
    if (post.matches(MOBILE_POST.join(', '))) return slotBefore(post, MOBILE_MESSAGE);
    if (post.matches(ANY_POST)) return slotBefore(post, WWW_MESSAGE);
    if (post.matches(ANY_WWW_MESSAGE)) return { card: post, before: null };
    return slotBefore(post, [MARKETPLACE_TITLE]);
  } catch {
    return null;
  }
}

const adapter: SiteAdapter = {
  id: SITE,
  name: 'Facebook',
  matches: [
    'https://www.facebook.com/*',
    'https://web.facebook.com/*',
    'https://m.facebook.com/*',
    'https://mbasic.facebook.com/*',
    'https://facebook.com/*',
  ],
  isPostPage: (url) => !NON_POST_PATHS.test(url.pathname),
  sampleUrls: [
    'https://www.facebook.com/',
    'https://www.facebook.com/groups/lokerjakarta/',
    'https://www.facebook.com/groups/123456789/posts/987654321/',
    'https://web.facebook.com/permalink.php?story_fbid=pfbid02abc&id=100000000000000',
    'https://m.facebook.com/groups/117507531664134/',
    'https://mbasic.facebook.com/groups/123456789',
    'https://www.facebook.com/marketplace/item/1234567890123456/',
  ],
  notUrls: [
    'https://l.facebook.com/l.php?u=https%3A%2F%2Fwa.me%2F628000',
    'https://developers.facebook.com/docs/graph-api/',
    'https://business.facebook.com/latest/inbox',
    'https://www.facebook.com/messages/t/100000000000000',
    'https://www.facebook.com.example.net/groups/loker/',
  ],
  fixtureSource: 'real',
  badgeSlot,
  findPosts,
  extract,
};

export default adapter;

// Test URLs:
// https://www.facebook.com/                       (home feed)
// https://www.facebook.com/groups/<group>/        (group feed, e.g. "Loker Jakarta" style groups)
// https://www.facebook.com/groups/<group>/posts/<id>/ and https://www.facebook.com/permalink.php?story_fbid=…
// https://www.facebook.com/marketplace/item/<id>/ (Marketplace listing)
// https://m.facebook.com/groups/117507531664134/  (legacy touch site, public group)
// https://mbasic.facebook.com/groups/<group>      (closed by Facebook in 2024; kept as a fallback)
