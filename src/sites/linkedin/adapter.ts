// LinkedIn: feed posts (home feed, recent activity), the job view page, and job search lists.
// Feed text is complete in the DOM even when clamped: the "…more" button only "visually reveals
// content which is already detected by screen readers" (its own aria-label), so posts are never partial.
import {
  absoluteLinks,
  collapseText,
  hashId,
  queryAllFallback,
  queryFirstFallback,
  slotAboveHeading,
  slotBefore,
} from '../shared';
import type { BadgeSlot, ExtractedPost, SiteAdapter } from '../types';
import {
  FEED_AUTHOR,
  FEED_POST,
  FEED_TEXT,
  JOB_CARD,
  JOB_CARD_COMPANY,
  JOB_CARD_LINK,
  JOB_CARD_LOCATION,
  JOB_CARD_TITLE,
  JOB_COMPANY,
  JOB_CONTAINER,
  JOB_DESCRIPTION,
  JOB_TITLE,
  SR_ONLY,
} from './selectors';

const SITE = 'linkedin';
// Hashtags render as visually-hidden "hashtag" + aria-hidden "#": keep what the eye sees.
const TEXT_OPTIONS = { skip: SR_ONLY, keepAriaHidden: true };
const JOB_VIEW_PATH = /\/jobs\/view\/(?:[^/]*-)?(\d+)/;
const NON_POST_PATHS = /^\/(?:messaging|mynetwork|settings|psettings|login|checkpoint|uas|signup)(?:\/|$)/;

function pageUrl(el: Element | null): URL | null {
  try {
    const href = el?.ownerDocument?.location?.href;
    return href && href !== 'about:blank' ? new URL(href) : null;
  } catch {
    return null;
  }
}

function pageJobId(url: URL | null): string | null {
  if (!url) return null;
  return JOB_VIEW_PATH.exec(url.pathname)?.[1] ?? url.searchParams.get('currentJobId');
}

function outermost(elements: Element[]): Element[] {
  return elements.filter((el) => !elements.some((other) => other !== el && other.contains(el)));
}

function rootElement(root: ParentNode): Element | null {
  const node = root as Node;
  if (node.nodeType === 9) return (root as Document).documentElement;
  if (node.nodeType === 1) return root as Element;
  return (root as ShadowRoot).host ?? null;
}

function findPosts(root: ParentNode): Element[] {
  try {
    const posts: Element[] = [];
    // Per fallback so an Ember post inside a feed-full-update wrapper is counted once.
    for (const selector of FEED_POST) {
      for (const el of queryAllFallback(root, [selector])) {
        if (!posts.some((p) => p.contains(el) || el.contains(p))) posts.push(el);
      }
    }
    posts.push(...queryAllFallback(root, JOB_CARD));
    if (pageJobId(pageUrl(rootElement(root)))) {
      const container = queryFirstFallback(root, JOB_CONTAINER);
      if (container && !container.closest(JOB_CARD.join(', '))) posts.push(container);
    }
    return outermost(posts);
  } catch {
    return [];
  }
}

function urnId(el: Element): string | null {
  const urn = el.getAttribute('data-urn') ?? el.getAttribute('data-id') ?? el.getAttribute('data-entity-urn');
  return urn ? (/urn:li:\w+:(\d+)/.exec(urn)?.[1] ?? null) : null;
}

function extractFeed(post: Element): ExtractedPost | null {
  const blocks = outermost(queryAllFallback(post, FEED_TEXT));
  const text = blocks
    .map((b) => collapseText(b, TEXT_OPTIONS))
    .filter(Boolean)
    .join('\n');
  if (!text) return null;
  const id = urnId(post) ?? urnId(post.querySelector('[data-urn^="urn:li:activity:"]') ?? post);
  return {
    id: id ? `${SITE}:activity:${id}` : hashId(SITE, text),
    text,
    links: [...new Set(blocks.flatMap((b) => absoluteLinks(b)))],
    author: collapseText(queryFirstFallback(post, FEED_AUTHOR), { skip: SR_ONLY }) || undefined,
    url: id ? `https://www.linkedin.com/feed/update/urn:li:activity:${id}/` : undefined,
    partial: false,
  };
}

function extractJobCard(card: Element): ExtractedPost | null {
  const parts = [JOB_CARD_TITLE, JOB_CARD_COMPANY, JOB_CARD_LOCATION]
    .map((selectors) => collapseText(queryFirstFallback(card, selectors), { skip: SR_ONLY }))
    .filter(Boolean);
  const text = parts.join('\n');
  if (!text) return null;
  const id = urnId(card) ?? card.getAttribute('data-occludable-job-id') ?? card.getAttribute('data-job-id') ?? null;
  const href = queryFirstFallback(card, JOB_CARD_LINK)?.getAttribute('href') ?? undefined;
  let url: string | undefined;
  try {
    url = href ? new URL(href, pageUrl(card)?.href ?? 'https://www.linkedin.com/').href : undefined;
  } catch {
    url = undefined;
  }
  return {
    id: id ? `${SITE}:job:${id}` : hashId(SITE, text),
    text,
    // A card's only link is its own job page; it says nothing the id does not.
    links: [],
    author: collapseText(queryFirstFallback(card, JOB_CARD_COMPANY)) || undefined,
    url,
    partial: false,
  };
}

function extractJobView(container: Element): ExtractedPost | null {
  const doc = container.ownerDocument;
  const description = queryFirstFallback(container, JOB_DESCRIPTION) ?? container;
  const body = collapseText(description, TEXT_OPTIONS);
  const title = doc ? collapseText(queryFirstFallback(doc, JOB_TITLE)) : '';
  const company = doc ? collapseText(queryFirstFallback(doc, JOB_COMPANY)) : '';
  const text = [title, company, body].filter(Boolean).join('\n');
  if (!body) return null;
  const jobId = pageJobId(pageUrl(container));
  return {
    id: jobId ? `${SITE}:job:${jobId}` : hashId(SITE, text),
    text,
    links: absoluteLinks(description),
    author: company || undefined,
    url: jobId ? `https://www.linkedin.com/jobs/view/${jobId}/` : undefined,
    // The guest page clamps with CSS (show-more-less-html--more); the markup holds the whole description.
    partial: false,
  };
}

function extract(post: Element): ExtractedPost | null {
  try {
    if (post.matches(JOB_CARD.join(', '))) return extractJobCard(post);
    if (post.matches(FEED_POST.join(', '))) return extractFeed(post);
    if (post.matches(JOB_CONTAINER.join(', '))) return extractJobView(post);
    return null;
  } catch {
    return null;
  }
}

/** Feed: above the commentary. Job card: above its title. Job view: above the page's job title. */
function badgeSlot(post: Element): BadgeSlot | null {
  try {
    if (post.matches(JOB_CARD.join(', '))) return slotBefore(post, JOB_CARD_TITLE);
    if (post.matches(FEED_POST.join(', '))) return slotBefore(post, FEED_TEXT);
    const description = queryFirstFallback(post, JOB_DESCRIPTION) ?? post;
    return slotAboveHeading(queryFirstFallback(post.ownerDocument, JOB_TITLE), description);
  } catch {
    return null;
  }
}

const adapter: SiteAdapter = {
  id: SITE,
  name: 'LinkedIn',
  matches: ['https://www.linkedin.com/*', 'https://*.linkedin.com/jobs/*', 'https://linkedin.com/*'],
  isPostPage: (url) => !NON_POST_PATHS.test(url.pathname) && !/^(?:developer|business|learning)\./.test(url.hostname),
  sampleUrls: [
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/in/simonwardley/recent-activity/all/',
    'https://au.linkedin.com/jobs/view/senior-software-engineer-developer-experience-at-heidi-4411867124',
    'https://www.linkedin.com/jobs/view/4411867124/',
    'https://www.linkedin.com/jobs/python-jobs-worldwide',
    'https://id.linkedin.com/jobs/search?keywords=admin',
  ],
  notUrls: [
    'https://www.linkedin.com/messaging/thread/2-abc/',
    'https://www.linkedin.com/mynetwork/',
    'https://developer.linkedin.com/',
    'https://id.linkedin.com/in/someone',
    'https://www.linkedin.com.example.org/feed/',
  ],
  fixtureSource: 'real',
  badgeSlot,
  findPosts,
  extract,
};

export default adapter;

// Test URLs:
// https://www.linkedin.com/feed/                                   (home feed, logged in)
// https://www.linkedin.com/in/<profile>/recent-activity/all/       (activity feed)
// https://www.linkedin.com/jobs/view/<id>/ and https://<cc>.linkedin.com/jobs/view/<slug>-<id> (job view)
// https://www.linkedin.com/jobs/search/?currentJobId=<id>          (app search split view, documented)
// https://www.linkedin.com/jobs/python-jobs-worldwide              (guest job search list)
