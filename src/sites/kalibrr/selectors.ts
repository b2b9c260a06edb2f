// Kalibrr (www.kalibrr.com, kalibrr.id, jobseeker.kalibrr.com). No saved page exists and its
// markup is utility classes (k-flex k-mb-4 …) that say nothing about content, so this adapter leans
// on two things that are stable by design: Kalibrr's URL scheme for jobs
// (/c/<company>/jobs/<numeric id>/<slug>) and schema.org JobPosting microdata, with a heading-based
// fallback for the description ("Job Description" / "Deskripsi Pekerjaan").

/** Links to one job; the numeric id is the stable post id. */
export const JOB_LINK = ['a[href*="/jobs/"][href*="/c/"]'];
export const JOB_PATH = /\/c\/[^/?#]+\/jobs\/(\d+)(?:[/?#]|$)/;

/** Detail description: schema.org microdata first. */
export const DETAIL_BODY = ['[itemtype*="JobPosting"] [itemprop="description"]', '[itemprop="description"]'];
/** Headings that open the description sections on the detail page (en / id). */
export const DETAIL_HEADINGS = /^(job description|deskripsi pekerjaan|qualifications|kualifikasi|persyaratan)\b/i;
export const DETAIL_TITLE = ['[itemprop="title"]', 'h1'];
export const DETAIL_COMPANY = [
  '[itemprop="hiringOrganization"] [itemprop="name"]',
  'h1 ~ * a[href^="/c/"]',
  'a[href*="/c/"]:not([href*="/jobs"])',
];
export const DETAIL_SALARY = ['[itemprop="baseSalary"]'];
