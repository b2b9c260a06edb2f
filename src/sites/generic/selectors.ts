// The generic extractor runs on any page, on request, so it has no site selectors: it looks for
// blocks of job-post-like text. These lists say what it never treats as a post.

/** Subtrees never searched: page chrome, code, form controls, and our own warning hosts. */
export const SKIP = [
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'canvas',
  'iframe',
  'nav',
  'header',
  'footer',
  'form',
  'textarea',
  'select',
  'button',
  '[role="navigation"]',
  '[role="banner"]',
  '[role="contentinfo"]',
  '[aria-hidden="true"]',
  '[data-lokeraman-risk]',
];

/** Never a post container by itself: whole-page wrappers and inline formatting. */
export const NOT_CONTAINER_TAGS = [
  'HTML',
  'BODY',
  'MAIN',
  'A',
  'B',
  'STRONG',
  'I',
  'EM',
  'U',
  'SMALL',
  'FONT',
  'MARK',
  'ABBR',
  'CODE',
  'LABEL',
  'TIME',
  'BR',
  'IMG',
];

/** Paragraph-level parts of a larger body: a hit here grows to its parent when nothing else is there. */
export const PARAGRAPH_TAGS = ['P', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'PRE', 'SPAN'];
