// Glints Indonesia: job cards on list/search pages and the description on job detail pages.
import {
  absoluteLinks,
  collapseText,
  hashId,
  isTruncated,
  matchesAny,
  queryAllFallback,
  queryFirstFallback,
  slotAboveHeading,
  slotBefore,
  textLines,
} from '../shared';
import type { BadgeSlot, ExtractedPost, SiteAdapter } from '../types';
import {
  CARD,
  CARD_COMPANY,
  CARD_LINK,
  CARD_LOCATION,
  CARD_SALARY,
  CARD_TAGS,
  CARD_TITLE,
  DETAIL_BODY,
  DETAIL_COMPANY,
  DETAIL_SALARY,
  DETAIL_TITLE,
} from './selectors';

const SITE = 'glints';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

// Job lists (/id/opportunities/jobs/explore, /id/lowongan-kerja…, /id/job-location/…, recommended) and
// job detail pages; company, blog and profile pages are skipped.
function isPostPage(url: URL): boolean {
  return /^\/(?:id\/)?(?:opportunities\/jobs(?:\/|$)|lowongan-kerja|loker|job-location\/|job-category\/)/.test(
    url.pathname,
  );
}

function extractCard(card: Element): ExtractedPost | null {
  const jobId = card.getAttribute('data-gtm-job-id')?.trim();
  const title = collapseText(queryFirstFallback(card, CARD_TITLE));
  if (!jobId || !title) return null;
  const company = collapseText(queryFirstFallback(card, CARD_COMPANY));
  const tags = queryAllFallback(card, CARD_TAGS)
    .map((el) => collapseText(el))
    .filter((tag) => tag && !/^\+\s*\d+$/.test(tag));
  const location = collapseText(queryFirstFallback(card, CARD_LOCATION))
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\s+,/g, ',');
  const text = textLines(
    title,
    collapseText(queryFirstFallback(card, CARD_SALARY)),
    company,
    location,
    tags.join(' · '),
  );
  const result: ExtractedPost = { id: jobId, text, links: [], partial: false };
  const link = absoluteLinks(queryFirstFallback(card, CARD_LINK))[0];
  if (link) result.url = link;
  if (company) result.author = company;
  return result;
}

function extractDetail(body: Element): ExtractedPost | null {
  const description = collapseText(body);
  if (!description) return null;
  const doc = body.ownerDocument;
  const title = collapseText(queryFirstFallback(doc, DETAIL_TITLE));
  const company = collapseText(queryFirstFallback(doc, DETAIL_COMPANY));
  const text = textLines(title, company, collapseText(queryFirstFallback(doc, DETAIL_SALARY)), description);
  let jobId: string | undefined;
  try {
    jobId = UUID.exec(doc?.location?.pathname ?? '')?.[0];
  } catch {
    jobId = undefined;
  }
  const result: ExtractedPost = {
    // "-detail" keeps the page's own description apart from a card for the same job in "similar jobs".
    id: jobId ? `${jobId}-detail` : hashId(SITE, text),
    text,
    links: absoluteLinks(body),
    partial: isTruncated(body.parentElement ?? body),
  };
  if (jobId) result.url = doc?.location?.href;
  if (company) result.author = company;
  return result;
}

/** Cards: above the job title, inside the card cell. Detail page: above the page's job title. */
function badgeSlot(post: Element): BadgeSlot | null {
  try {
    if (matchesAny(post, DETAIL_BODY))
      return slotAboveHeading(queryFirstFallback(post.ownerDocument, DETAIL_TITLE), post);
    return slotBefore(post, CARD_TITLE);
  } catch {
    return null;
  }
}

const adapter: SiteAdapter = {
  id: SITE,
  name: 'Glints',
  // www.glints.com redirects to the bare host, so only the bare host is claimed.
  matches: ['https://glints.com/*'],
  isPostPage,
  sampleUrls: [
    'https://glints.com/id/opportunities/jobs/explore?country=ID&locationName=All+Cities%2FProvinces',
    'https://glints.com/id/opportunities/jobs/desk-collection/509c8af5-1843-4c0b-9968-04f0f63734f3',
    'https://glints.com/id/lowongan-kerja-admin',
    'https://glints.com/id/job-location/indonesia/dki-jakarta',
  ],
  notUrls: [
    'https://glints.com/id',
    'https://glints.com/id/companies/kredivo-group/a59ae00e-5a06-412f-8e0f-fa55485022a8',
    'https://glints.com/id/blog/tips-wawancara',
    'https://employers.glints.com/id-id',
  ],
  fixtureSource: 'real',
  badgeSlot,
  findPosts(root) {
    try {
      // Several card layouts nest; keep the innermost element carrying the job id.
      const cards = queryAllFallback(root, CARD);
      return [...cards, ...queryAllFallback(root, DETAIL_BODY)];
    } catch {
      return [];
    }
  },
  extract(post) {
    try {
      return matchesAny(post, DETAIL_BODY) ? extractDetail(post) : extractCard(post);
    } catch {
      return null;
    }
  },
};

export default adapter;

// Test URLs:
// https://glints.com/id/opportunities/jobs/explore?country=ID                                   (job list; real fixture)
// https://glints.com/id/opportunities/jobs/desk-collection/509c8af5-1843-4c0b-9968-04f0f63734f3  (job detail; documented fixture)
// https://glints.com/id/lowongan-kerja-admin                                                      (SEO job list)
