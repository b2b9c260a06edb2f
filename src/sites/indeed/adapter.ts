// Indeed Indonesia: the job description on a job page (/viewjob?jk=…) and in the search page's
// side pane (/jobs?…&vjk=…). Search-result cards show only a few teaser lines and are not scanned.
import {
  absoluteLinks,
  collapseText,
  hashId,
  isTruncated,
  normalizeText,
  queryAllFallback,
  queryFirstFallback,
  slotAboveHeading,
} from '../shared';
import type { BadgeSlot, ExtractedPost, SiteAdapter } from '../types';
import { BODY, COMPANY, LOCATION, PAY, SCOPE, TITLE } from './selectors';

const SITE = 'indeed';
const JOB_KEY = /^[0-9a-f]{16}$/i;

function isPostPage(url: URL): boolean {
  // viewjob (desktop and /m/), search (/jobs, SEO /q-…-lowongan.html, /lowongan-kerja…) and the
  // company job tab (/cmp/<name>/jobs) all render #jobDescriptionText for the selected job.
  return /^\/(?:m\/)?(?:viewjob|jobs|q-[^/]+\.html|lowongan-kerja|cmp\/[^/]+\/jobs)/.test(url.pathname);
}

function scopeOf(body: Element): ParentNode {
  for (const selector of SCOPE) {
    try {
      const scope = body.closest(selector);
      if (scope) return scope;
    } catch {
      // next
    }
  }
  return body.ownerDocument ?? body;
}

// jk on /viewjob, vjk on search pages: Indeed's 16-hex job key.
function jobKey(body: Element): string | undefined {
  try {
    const loc = body.ownerDocument?.location;
    if (loc) {
      const params = new URL(loc.href).searchParams;
      for (const name of ['jk', 'vjk']) {
        const value = params.get(name);
        if (value && JOB_KEY.test(value)) return value.toLowerCase();
      }
    }
    const canonical = body.ownerDocument?.querySelector('link[rel="canonical"]')?.getAttribute('href');
    const fromCanonical = canonical ? new URL(canonical, 'https://id.indeed.com').searchParams.get('jk') : null;
    if (fromCanonical && JOB_KEY.test(fromCanonical)) return fromCanonical.toLowerCase();
  } catch {
    // hash fallback
  }
  return undefined;
}

function extract(body: Element): ExtractedPost | null {
  try {
    const description = collapseText(body);
    if (!description) return null;
    const scope = scopeOf(body);
    const company = collapseText(queryFirstFallback(scope, COMPANY));
    const text = normalizeText(
      [
        collapseText(queryFirstFallback(scope, TITLE)),
        company,
        collapseText(queryFirstFallback(scope, LOCATION)),
        collapseText(queryFirstFallback(scope, PAY)),
        description,
      ]
        .filter(Boolean)
        .join('\n'),
    );
    const key = jobKey(body);
    const result: ExtractedPost = {
      id: key ?? hashId(SITE, text),
      text,
      links: absoluteLinks(body),
      partial: isTruncated(body.parentElement ?? body),
    };
    if (key) result.url = `https://id.indeed.com/viewjob?jk=${key}`;
    if (company) result.author = company;
    return result;
  } catch {
    return null;
  }
}

/** Above the job title in the job pane: the post's text starts with the title, the description follows. */
function badgeSlot(body: Element): BadgeSlot | null {
  try {
    const scope = scopeOf(body);
    return slotAboveHeading(queryFirstFallback(scope, TITLE), body);
  } catch {
    return null;
  }
}

const adapter: SiteAdapter = {
  id: SITE,
  name: 'Indeed',
  // Product scope is Indonesia; other Indeed country sites are left alone on purpose.
  matches: ['https://id.indeed.com/*'],
  isPostPage,
  sampleUrls: [
    'https://id.indeed.com/viewjob?jk=54f1f8af68d722d2',
    'https://id.indeed.com/m/viewjob?jk=0000000000a1b2c3',
    'https://id.indeed.com/jobs?q=admin&l=Jakarta&vjk=0000000000d4e5f6',
  ],
  notUrls: [
    'https://id.indeed.com/',
    'https://id.indeed.com/cmp/Contoh/reviews',
    'https://id.indeed.com/career-advice',
    'https://au.indeed.com/viewjob?jk=54f1f8af68d722d2',
    'https://www.indeed.com/viewjob?jk=54f1f8af68d722d2',
  ],
  fixtureSource: 'real',
  badgeSlot,
  findPosts(root) {
    try {
      // One description per job pane; the class fallback would re-find the same element.
      return queryAllFallback(root, BODY);
    } catch {
      return [];
    }
  },
  extract,
};

export default adapter;

// Test URLs:
// https://id.indeed.com/viewjob?jk=54f1f8af68d722d2              (job page; fixture uses Indeed AU's real markup)
// https://id.indeed.com/jobs?q=admin&l=Jakarta&vjk=<job key>     (search with the job pane open)
