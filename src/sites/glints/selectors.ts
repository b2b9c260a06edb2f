// Glints Indonesia (glints.com/id). A Next.js app styled with styled-components: class names are
// "<Component>sc__<Part>-sc-<hash> <hash>". The readable prefix survives rebuilds, the hash does not,
// so class selectors here always match on the prefix ([class*="…sc__Part"]). Data attributes win
// where they exist.

/**
 * Job card. Seen in site-snapshots/glints/glints-job-explore-list-2024-11.html (30 cards):
 * `div[aria-label="Job card N"].CompactOpportunityCardsc__CompactJobCard[data-gtm-job-id]`.
 */
export const CARD = [
  '[data-gtm-job-id][class*="CompactOpportunityCardsc__CompactJobCard"]',
  '[data-gtm-job-id][aria-label^="Job card"]',
  // Older/other card layouts still carry the analytics id.
  'div[class*="JobCardsc__JobcardContainer"] [data-gtm-job-id]',
];
/** Card fields, 2024-11. */
export const CARD_TITLE = ['[class*="CompactOpportunityCardsc__JobTitle-"]', 'h2[aria-label^="Job card title"]', 'h3'];
export const CARD_SALARY = [
  '[class*="CompactOpportunityCardsc__SalaryWrapper-"]',
  '[class*="CompactOpportunityCardsc__NotDisclosedMessage-"]',
];
export const CARD_COMPANY = [
  'a[class*="CompactOpportunityCardsc__CompanyLink"]',
  '[data-cy="company_name_job_card"] a',
];
export const CARD_LOCATION = ['[class*="CardJobLocation__LocationWrapper"]'];
/** Tag chips (work arrangement, type, experience, education); a "+3" chip only counts hidden ones. */
export const CARD_TAGS = ['[class*="CompactOpportunityCardsc__TagsWrapper"] [class*="TagContentWrapper"]'];
export const CARD_LINK = ['a[href*="/opportunities/jobs/"]'];

/**
 * Job detail description (no snapshot; the hook every public Glints scraper uses):
 * `[class*="JobDescriptionsc__DescriptionContainer"]`, holding a read-only Draft.js editor.
 */
export const DETAIL_BODY = ['[class*="JobDescriptionsc__DescriptionContainer"]'];
export const DETAIL_TITLE = ['h1[class*="TopFoldsc__JobOverViewTitle"]', 'h1[aria-label="Job Title"]', 'h1'];
export const DETAIL_COMPANY = ['[class*="TopFoldsc__JobOverViewCompanyName"]'];
export const DETAIL_SALARY = ['[class*="TopFoldsc__BasicSalary"]'];
