// Jobstreet Indonesia runs on the SEEK platform (id.jobstreet.com; www.jobstreet.co.id redirects there).
// Class names are build hashes (gg45di0, _1ubeeig…), so everything here hangs on SEEK's
// data-automation / data-testid test hooks, which have been stable across SEEK markets for years.

/** Search-result card. Seen in site-snapshots/jobstreet/id-jobstreet-search-results-2025-04.html (32 cards). */
export const CARD = [
  'article[data-automation="normalJob"][data-job-id]',
  'article[data-testid="job-card"][data-job-id]',
  // Premium/featured cards use a different automation name but the same id attribute.
  'article[data-card-type="JobCard"][data-job-id]',
];

/** Card fields (2025-04 snapshot). */
export const CARD_TITLE = ['[data-automation="jobTitle"]', '[data-testid="job-card-title"]'];
export const CARD_COMPANY = ['[data-automation="jobCompany"]'];
export const CARD_LOCATION = ['[data-automation="jobCardLocation"]', '[data-automation="jobLocation"]'];
export const CARD_SALARY = ['[data-automation="jobSalary"]'];
/**
 * Advertiser-written teaser: absent from the 2025-04 Indonesian snapshot, present in the same template
 * on my.jobstreet.com (2025-06, noted in site-snapshots/jobstreet/SOURCE.md).
 */
export const CARD_TEASER = ['[data-automation="jobShortDescription"]'];
/** Selling points: a plain `ul > li` list in the card (2025-04), no test hook of its own. */
export const CARD_BULLETS = ['ul > li'];

/**
 * Job detail body: `[data-automation="jobAdDetails"]`, on /id/job/<id> and inside the search page's split
 * view. No saved snapshot; the hook is SEEK's documented test id, used by many public scrapers.
 */
export const DETAIL_BODY = ['[data-automation="jobAdDetails"]'];
/** Wrappers that hold one job's detail header + body (detail page, split-view pane). */
export const DETAIL_SCOPE = [
  '[data-automation="jobDetailsPage"]',
  '[data-automation="splitViewJobDetailsWrapper"]',
  'main',
];
export const DETAIL_TITLE = ['[data-automation="job-detail-title"]', 'h1'];
export const DETAIL_COMPANY = ['[data-automation="advertiser-name"]', '[data-automation="job-detail-company"]'];
export const DETAIL_LOCATION = ['[data-automation="job-detail-location"]'];
export const DETAIL_SALARY = ['[data-automation="job-detail-salary"]'];
