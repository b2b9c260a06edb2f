// Jobstreet Indonesia (SEEK platform): search-result cards and the job detail view (its own page and
// the split-view pane on search pages). Cards carry no description, so their text is the visible
// fields an applicant reads: title, employer, location, salary, selling points and teaser.
import {
  absoluteLinks,
  collapseText,
  hashId,
  queryAllFallback,
  queryFirstFallback,
  slotAboveHeading,
  slotBefore,
  textLines,
} from '../shared';
import type { BadgeSlot, ExtractedPost, SiteAdapter } from '../types';
import {
  CARD,
  CARD_BULLETS,
  CARD_COMPANY,
  CARD_LOCATION,
  CARD_SALARY,
  CARD_TEASER,
  CARD_TITLE,
  DETAIL_BODY,
  DETAIL_COMPANY,
  DETAIL_LOCATION,
  DETAIL_SALARY,
  DETAIL_SCOPE,
  DETAIL_TITLE,
} from './selectors';

const SITE = 'jobstreet';

// Job pages and search results; career advice, company reviews and profile pages hold no job ads.
// SEEK search paths: /id/jobs, /id/<keywords>-jobs, /id/jobs-in-<classification>, /id/<kw>-jobs/in-<where>;
// details: /id/job/<id>. The legacy www.jobstreet.co.id used /id/job-search/… and /id/job/<slug>-<id>.
const JOB_PATH = /^\/(?:(?:id|en)\/)?(?:job\/|jobs(?:[/-]|$)|job-search(?:\/|$)|[^/]+-jobs(?:\/|$))/;

function isPostPage(url: URL): boolean {
  return JOB_PATH.test(url.pathname);
}

function allText(root: Element, selectors: readonly string[]): string[] {
  return queryAllFallback(root, selectors)
    .map((el) => collapseText(el))
    .filter(Boolean);
}

function extractCard(card: Element): ExtractedPost | null {
  const jobId = card.getAttribute('data-job-id')?.trim();
  const title = collapseText(queryFirstFallback(card, CARD_TITLE)) || card.getAttribute('aria-label')?.trim() || '';
  if (!jobId || !title) return null;
  // Locations come as sibling spans ("Jakarta Utara" + ", Jakarta Raya"): glue, then fix the comma.
  const location = allText(card, CARD_LOCATION).join(' ').replace(/\s+,/g, ',');
  const text = textLines(
    title,
    collapseText(queryFirstFallback(card, CARD_COMPANY)),
    location,
    collapseText(queryFirstFallback(card, CARD_SALARY)),
    ...allText(card, CARD_BULLETS),
    ...allText(card, CARD_TEASER),
  );
  // A card is a summary, not a truncated text: no "see more" control, so not partial (the detail view is scanned on its own).
  const result: ExtractedPost = { id: jobId, text, links: [], partial: false };
  const href = queryFirstFallback(card, CARD_TITLE)?.getAttribute('href');
  result.url = jobUrl(card, jobId) ?? href ?? undefined;
  const author = collapseText(queryFirstFallback(card, CARD_COMPANY));
  if (author) result.author = author;
  return result;
}

function jobUrl(el: Element, jobId: string): string | undefined {
  try {
    const loc = el.ownerDocument?.location;
    const origin = loc && loc.origin !== 'null' ? loc.origin : 'https://id.jobstreet.com';
    return `${origin}/id/job/${jobId}`;
  } catch {
    return undefined;
  }
}

function detailScope(body: Element): ParentNode {
  for (const selector of DETAIL_SCOPE) {
    try {
      const scope = body.closest(selector);
      if (scope) return scope;
    } catch {
      // try the next one
    }
  }
  return body.ownerDocument ?? body;
}

// The open job's id: /job/<id> on its own page, ?jobId=<id> in the split view, else the title link.
function detailJobId(scope: ParentNode, body: Element): string | undefined {
  try {
    const loc = body.ownerDocument?.location;
    if (loc) {
      const url = new URL(loc.href);
      const fromPath = /\/job\/(?:[^/]*-)?(\d+)(?:[/?]|$)/.exec(url.pathname + (url.pathname.endsWith('/') ? '' : '/'));
      if (fromPath) return fromPath[1];
      const fromQuery = url.searchParams.get('jobId');
      if (fromQuery && /^\d+$/.test(fromQuery)) return fromQuery;
    }
    for (const link of Array.from(scope.querySelectorAll('a[href*="/job/"]'))) {
      const match = /\/job\/(\d+)/.exec(link.getAttribute('href') ?? '');
      if (match) return match[1];
    }
  } catch {
    // fall through to the text hash
  }
  return undefined;
}

function extractDetail(body: Element): ExtractedPost | null {
  const description = collapseText(body);
  if (!description) return null;
  const scope = detailScope(body);
  const title = collapseText(queryFirstFallback(scope, DETAIL_TITLE));
  const company = collapseText(queryFirstFallback(scope, DETAIL_COMPANY));
  const text = textLines(
    title,
    company,
    collapseText(queryFirstFallback(scope, DETAIL_LOCATION)),
    collapseText(queryFirstFallback(scope, DETAIL_SALARY)),
    description,
  );
  const jobId = detailJobId(scope, body);
  // "-detail" keeps the open job distinct from its own card in the split view, which is also scanned.
  const id = jobId ? `${jobId}-detail` : hashId(SITE, text);
  const result: ExtractedPost = { id, text, links: absoluteLinks(body), partial: false };
  if (jobId) result.url = jobUrl(body, jobId);
  if (company) result.author = company;
  return result;
}

function isDetailBody(el: Element): boolean {
  return DETAIL_BODY.some((selector) => {
    try {
      return el.matches(selector);
    } catch {
      return false;
    }
  });
}

/** Cards: above the job title. Detail view: above the detail title, whose text the post starts with. */
function badgeSlot(post: Element): BadgeSlot | null {
  try {
    if (isDetailBody(post)) return slotAboveHeading(queryFirstFallback(detailScope(post), DETAIL_TITLE), post);
    return slotBefore(post, CARD_TITLE);
  } catch {
    return null;
  }
}

const adapter: SiteAdapter = {
  id: SITE,
  name: 'Jobstreet',
  matches: ['https://id.jobstreet.com/*', 'https://www.jobstreet.co.id/*'],
  isPostPage,
  sampleUrls: [
    'https://id.jobstreet.com/id/jobs',
    'https://id.jobstreet.com/id/admin-jobs/in-Jakarta-Raya',
    'https://id.jobstreet.com/id/jobs-in-retail-consumer-products',
    'https://id.jobstreet.com/id/job/82902949',
    'https://id.jobstreet.com/id/jobs?jobId=83416560&type=standard',
    'https://www.jobstreet.co.id/id/job-search/admin-jobs/',
  ],
  notUrls: [
    'https://id.jobstreet.com/',
    'https://id.jobstreet.com/id/career-advice',
    'https://id.jobstreet.com/id/companies',
    'https://id.jobstreet.com/id/profile',
    'https://my.jobstreet.com/jobs',
    'https://www.jobstreet.com.my/id/jobs',
  ],
  fixtureSource: 'real',
  badgeSlot,
  findPosts(root) {
    try {
      return [...queryAllFallback(root, CARD), ...queryAllFallback(root, DETAIL_BODY)];
    } catch {
      return [];
    }
  },
  extract(post) {
    try {
      return isDetailBody(post) ? extractDetail(post) : extractCard(post);
    } catch {
      return null;
    }
  },
};

export default adapter;

// Test URLs:
// https://id.jobstreet.com/id/jobs                                   (search results, the real fixture)
// https://id.jobstreet.com/id/admin-jobs/in-Jakarta-Raya             (keyword + location search)
// https://id.jobstreet.com/id/job/82902949                           (job detail; documented fixture)
// https://id.jobstreet.com/id/jobs?jobId=83416560&type=standard      (split view with one job open)
// https://www.jobstreet.co.id/id/job-search/admin-jobs/              (legacy domain, redirects)
