// Kalibrr: job cards on job-board/search pages and the description on job pages. Documented only:
// no snapshot of any Kalibrr page was found, so the fixtures follow Kalibrr's public URL scheme and
// schema.org microdata, and the card finder is structural (see findCards) rather than class-based.
// Searched again 2026-12 (public repositories, scraper fixtures, stored pages): no saved Kalibrr page found; only
// other people's selector lists, which match the hooks used here but are not markup.
import {
  absoluteLinks,
  collapseText,
  hashId,
  isTruncated,
  matchesAny,
  normalizeText,
  queryAllFallback,
  queryFirstFallback,
  slotAboveHeading,
  slotAt,
} from '../shared';
import type { BadgeSlot, ExtractedPost, SiteAdapter } from '../types';
import {
  DETAIL_BODY,
  DETAIL_COMPANY,
  DETAIL_HEADINGS,
  DETAIL_SALARY,
  DETAIL_TITLE,
  JOB_LINK,
  JOB_PATH,
} from './selectors';

const SITE = 'kalibrr';
const MAX_CARD_CHARS = 1500;
// Listing-age lines ("Diposting 3 hari yang lalu", "Posted 2 days ago") are timestamps, not the ad.
const POSTED_AGO = /^(?:diposting|posted)\b|yang lalu$|\bago$/i;

// Job boards (/job-board/…, /id-ID/job-board/…, /home/…) and job pages (/c/<co>/jobs/<id>/…).
function isPostPage(url: URL): boolean {
  return /^\/(?:[a-z]{2}-[A-Z]{2}\/)?(?:job-board(?:\/|$)|home(?:\/|$)|c\/[^/]+\/jobs(?:\/|$))/.test(url.pathname);
}

function jobIdOf(href: string | null | undefined): string | undefined {
  return href ? JOB_PATH.exec(href)?.[1] : undefined;
}

function pageJobId(node: ParentNode): string | undefined {
  try {
    const doc = (node as Node).nodeType === 9 ? (node as Document) : (node as Node).ownerDocument;
    return jobIdOf(doc?.location?.pathname);
  } catch {
    return undefined;
  }
}

// Card fields are sibling spans with no whitespace between them (flex gaps draw the spacing), so
// each text node becomes its own line instead of being glued to the next field.
function fieldText(el: Element): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      parts.push(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== 1) return;
    const child = node as Element;
    if (/^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|SVG|BUTTON)$/i.test(child.tagName)) return;
    if (child.hasAttribute('hidden') || child.getAttribute('aria-hidden') === 'true') return;
    for (const grandChild of Array.from(child.childNodes)) walk(grandChild);
  };
  walk(el);
  return normalizeText(parts.map((part) => part.replace(/\s+/g, ' ').trim()).join('\n'));
}

function jobIdsIn(el: Element): Set<string> {
  const ids = new Set<string>();
  for (const link of queryAllFallback(el, JOB_LINK)) {
    const id = jobIdOf(link.getAttribute('href'));
    if (id) ids.add(id);
  }
  return ids;
}

/**
 * Description containers on a job page: microdata when present, else the parent of the
 * "Job Description" heading (which also holds the "Qualifications" section).
 */
function findDetails(root: ParentNode): Element[] {
  const byMicrodata = queryAllFallback(root, DETAIL_BODY);
  if (byMicrodata.length > 0) return byMicrodata;
  const out: Element[] = [];
  for (const heading of queryAllFallback(root, ['h2', 'h3'])) {
    if (!DETAIL_HEADINGS.test(collapseText(heading))) continue;
    const section = heading.parentElement;
    if (section && !out.some((el) => el === section || el.contains(section))) out.push(section);
  }
  return out;
}

function isDetail(el: Element): boolean {
  if (matchesAny(el, DETAIL_BODY)) return true;
  return Array.from(el.children).some(
    (child) => (child.tagName === 'H2' || child.tagName === 'H3') && DETAIL_HEADINGS.test(collapseText(child)),
  );
}

/**
 * Cards: from each job link, climb to the largest ancestor that still links to that one job only
 * and stays card-sized. Works whatever wrapper markup the job board uses.
 */
function findCards(root: ParentNode, details: readonly Element[]): Element[] {
  const cards: Element[] = [];
  const pageJob = pageJobId(root);
  for (const link of queryAllFallback(root, JOB_LINK)) {
    const id = jobIdOf(link.getAttribute('href'));
    // The open job's own links (apply, share) belong to its detail view, not to a card.
    if (!id || id === pageJob) continue;
    let card: Element = link;
    let parent = card.parentElement;
    while (parent && parent !== root && parent.tagName !== 'BODY' && parent.tagName !== 'MAIN') {
      const ids = jobIdsIn(parent);
      if (ids.size !== 1 || (parent.textContent ?? '').length > MAX_CARD_CHARS) break;
      // A section heading ("Lowongan serupa") outside the card means we reached the list wrapper.
      const current = card;
      if (Array.from(parent.querySelectorAll('h1, h2, h3')).some((h) => !current.contains(h))) break;
      card = parent;
      parent = card.parentElement;
    }
    if (card === link && !(link.textContent ?? '').trim()) continue;
    if (details.some((detail) => card.contains(detail) || detail.contains(card))) continue;
    if (!cards.includes(card)) cards.push(card);
  }
  return cards.filter((card) => !cards.some((other) => other !== card && other.contains(card)));
}

function extractCard(card: Element): ExtractedPost | null {
  const ids = [...jobIdsIn(card)];
  const own = jobIdOf(card.getAttribute('href'));
  const id = own ?? ids[0];
  const text = fieldText(card)
    .split('\n')
    .filter((line) => !POSTED_AGO.test(line))
    .join('\n');
  if (!id || !text) return null;
  const link = matchesAny(card, [JOB_LINK[0]]) ? card : queryFirstFallback(card, JOB_LINK);
  const result: ExtractedPost = { id, text, links: [], partial: false };
  const url = absoluteLinks(link)[0];
  if (url) result.url = url;
  return result;
}

function extractDetail(body: Element): ExtractedPost | null {
  const description = collapseText(body);
  if (!description) return null;
  const doc = body.ownerDocument;
  const company = collapseText(queryFirstFallback(doc, DETAIL_COMPANY));
  const text = normalizeText(
    [
      collapseText(queryFirstFallback(doc, DETAIL_TITLE)),
      company,
      collapseText(queryFirstFallback(doc, DETAIL_SALARY)),
      description,
    ]
      .filter(Boolean)
      .join('\n'),
  );
  let id: string | undefined;
  try {
    id = jobIdOf(doc?.location?.pathname);
  } catch {
    id = undefined;
  }
  const result: ExtractedPost = {
    // "-detail": the page's own job stays apart from a card that links to the same id.
    id: id ? `${id}-detail` : hashId(SITE, text),
    text,
    links: absoluteLinks(body),
    partial: isTruncated(body),
  };
  if (id) result.url = doc?.location?.href;
  if (company) result.author = company;
  return result;
}

/** Cards: first inside the card (its text starts at the top). Detail: above the page's job title. */
function badgeSlot(post: Element): BadgeSlot | null {
  try {
    if (isDetail(post)) return slotAboveHeading(queryFirstFallback(post.ownerDocument, DETAIL_TITLE), post);
    return slotAt(post, null);
  } catch {
    return null;
  }
}

const adapter: SiteAdapter = {
  id: SITE,
  name: 'Kalibrr',
  matches: ['https://www.kalibrr.com/*', 'https://www.kalibrr.id/*', 'https://jobseeker.kalibrr.com/*'],
  isPostPage,
  sampleUrls: [
    'https://www.kalibrr.com/id-ID/job-board/te/admin/1',
    'https://www.kalibrr.id/id-ID/job-board/i/it-and-software/1',
    'https://www.kalibrr.com/c/pt-contoh-karya/jobs/900001/staf-admin-gudang',
    'https://jobseeker.kalibrr.com/c/pt-contoh-karya/jobs/900002/customer-service',
  ],
  notUrls: [
    'https://www.kalibrr.com/',
    'https://www.kalibrr.com/c/pt-contoh-karya',
    'https://www.kalibrr.com/id-ID/blog',
    'https://www.kalibrr.com/employer',
    'https://kalibrr.com.example.net/c/x/jobs/1/y',
  ],
  fixtureSource: 'documented',
  badgeSlot,
  findPosts(root) {
    try {
      const details = findDetails(root);
      return [...findCards(root, details), ...details];
    } catch {
      return [];
    }
  },
  extract(post) {
    try {
      return isDetail(post) ? extractDetail(post) : extractCard(post);
    } catch {
      return null;
    }
  },
};

export default adapter;

// Test URLs:
// https://www.kalibrr.com/id-ID/job-board/te/admin/1                       (job board search)
// https://www.kalibrr.com/c/<company>/jobs/<id>/<slug>                      (job page)
