// LinkedIn selectors. LinkedIn's BEM classes (feed-shared-*, update-components-*, show-more-less-html*,
// base-card*) are semantic and long-lived, unlike hashed classes, but data-urn / data-entity-urn /
// role / data-view-name hooks come first.

/**
 * Feed post containers, newest first.
 * - `div[data-view-name="feed-full-update"]`: the wrapper in the 2026-04 Ember feed and the hook the
 *   new React feed keeps; only used when no activity URN element is inside it.
 * - `div[role="article"][data-urn^="urn:li:activity:"]` (2026-04 recent-activity feed).
 * - `div[data-id^="urn:li:activity:"]`: older feed markup (documented).
 */
export const FEED_POST = [
  'div[data-urn^="urn:li:activity:"]',
  'div[data-urn^="urn:li:share:"]',
  'div[data-id^="urn:li:activity:"]',
  'div[data-view-name="feed-full-update"]',
];

/** Commentary: `div.update-components-text` (2026-04); `.feed-shared-update-v2__description` older. */
export const FEED_TEXT = [
  '.update-components-text',
  '.feed-shared-update-v2__description',
  '.feed-shared-inline-show-more-text',
  'span.break-words',
];

/** Screen-reader-only prefixes such as "hashtag" before "#games" (2026-04). */
export const SR_ONLY = ['.visually-hidden', '.a11y-text'];

/** Author name (2026-04). */
export const FEED_AUTHOR = ['.update-components-actor__title', '.update-components-actor__name'];

/**
 * Job view, newest first.
 * - Guest page (2026-08): `div.description__text` > `section.show-more-less-html` > `div.show-more-less-html__markup`.
 * - Logged-in app (documented, no snapshot): `#job-details` / `.jobs-description__content`.
 */
export const JOB_DESCRIPTION = [
  'div.show-more-less-html__markup',
  '.description__text',
  '#job-details',
  '.jobs-description__content',
  '.jobs-box__html-content',
];
/** Job title: `h1.top-card-layout__title` (guest, 2026-08), else the page's h1 (app). */
export const JOB_TITLE = ['h1.top-card-layout__title', '.job-details-jobs-unified-top-card__job-title h1', 'h1'];
/** Company: `a.topcard__org-name-link` (guest, 2026-08). */
export const JOB_COMPANY = ['a.topcard__org-name-link', '.job-details-jobs-unified-top-card__company-name'];
/** Container the warning is attached to on a job view page. */
export const JOB_CONTAINER = [
  'section.show-more-less-html',
  '.description__text',
  '#job-details',
  '.jobs-description__content',
];

/** Guest job-search cards (2026-08): `div.base-card[data-entity-urn^="urn:li:jobPosting:"]`. */
export const JOB_CARD = [
  'div[data-entity-urn^="urn:li:jobPosting:"]',
  'li[data-occludable-job-id]',
  'div[data-job-id]',
];
export const JOB_CARD_TITLE = [
  'h3.base-search-card__title',
  '.base-search-card__title',
  'a.job-card-list__title',
  'strong',
];
export const JOB_CARD_COMPANY = [
  'h4.base-search-card__subtitle',
  '.base-search-card__subtitle',
  '.artdeco-entity-lockup__subtitle',
];
export const JOB_CARD_LOCATION = [
  'span.job-search-card__location',
  '.job-search-card__location',
  '.artdeco-entity-lockup__caption',
];
export const JOB_CARD_LINK = ['a.base-card__full-link', 'a[href*="/jobs/view/"]'];
