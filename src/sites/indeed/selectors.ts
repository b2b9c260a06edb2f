// Indeed Indonesia (id.indeed.com). Indeed's CSS is Emotion-hashed (css-xxxx eu4oa1w0); ids and
// data-testid attributes are the stable hooks. The only snapshot is Indeed Australia's viewjob page
// (site-snapshots/indeed/coverletterer-viewjob.html, 2026-08); id.indeed.com serves the same template.

/** Job description on /viewjob and in the search page's right-hand pane: `div#jobDescriptionText` (2026-08). */
export const BODY = ['#jobDescriptionText', '.jobsearch-JobComponent-description'];
/** Header fields (2026-08). */
export const TITLE = [
  'h1[data-testid="jobsearch-JobInfoHeader-title"]',
  'h1.jobsearch-JobInfoHeader-title',
  'h2[data-testid="jobsearch-JobInfoHeader-title"]',
];
export const COMPANY = ['[data-testid="inlineHeader-companyName"]', '[data-company-name]'];
export const LOCATION = [
  '[data-testid="jobsearch-JobInfoHeader-companyLocation"]',
  '[data-testid="inlineHeader-companyLocation"]',
];
export const PAY = ['#salaryInfoAndJobType', '[data-testid="jobsearch-OtherJobDetailsContainer"]'];
/** The job component that holds header + description together. */
export const SCOPE = [
  '.jobsearch-JobComponent',
  '.jobsearch-ViewJobLayout-jobDisplay',
  '#jobsearch-ViewjobPaneWrapper',
];
