// DOM helpers shared by the site adapters. Read-only: nothing here modifies the page.
// Every function tolerates odd input (detached nodes, invalid selectors, bad URLs) because
// adapters must never throw inside a content script running on someone else's page.

/** Elements whose text never belongs to a post body. */
const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'IFRAME',
  'OBJECT',
  'VIDEO',
  'AUDIO',
  'CANVAS',
  'TEXTAREA',
  'INPUT',
  'SELECT',
]);
// Our own warning host sits inside the post card now, but it needs no entry here: everything it shows is
// in its shadow root, which this walk never enters. Skipping the tag would let a page hide post text
// inside a <lokeraman-warning> element of its own.

/** Elements that start a new line in rendered text. */
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TR',
  'UL',
]);

// Sites draw emojis as <img alt="😀"> (Facebook, X); keeping the alt keeps flags like 🇰🇭, which
// matter to the engine. Alt text with letters is a description ("Photo of …"), not body text.
const EMOJI_ALT =
  /^(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|\u200d|\ufe0f|\u20e3|[#*0-9](?=\ufe0f?\u20e3)|\s)+$/u;

export interface CollapseOptions {
  /** Also drop these subtrees (site-specific chrome inside the body, e.g. a link-card title). */
  skip?: readonly string[];
  /** Keep text inside role=button / <button>. Off by default: buttons are "See more", "Translate", reactions. */
  keepButtons?: boolean;
  /**
   * Treat "\n" inside text nodes as line breaks, for sites that style the body `white-space: pre-wrap`
   * (X). Off by default: in normal flow a source newline renders as a space.
   */
  preserveNewlines?: boolean;
  /**
   * Keep aria-hidden subtrees. aria-hidden hides from screen readers, not from the eye: LinkedIn
   * shows the "#" of hashtags aria-hidden while a visually-hidden "hashtag" is read instead.
   */
  keepAriaHidden?: boolean;
}

function isHidden(el: Element, keepAriaHidden = false): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (!keepAriaHidden && el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  if (style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)) return true;
  return false;
}

function isButton(el: Element): boolean {
  return el.tagName === 'BUTTON' || el.getAttribute('role') === 'button';
}

function safeMatches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

/**
 * Visible text of `el`, the way a reader sees it: hidden / aria-hidden subtrees, scripts and
 * (by default) buttons are skipped, emoji images contribute their alt, block elements and <br>
 * become line breaks. Spaces collapse to one, blank lines collapse to one "\n", lines are trimmed.
 */
export function collapseText(el: Element | null | undefined, options: CollapseOptions = {}): string {
  if (!el) return '';
  const parts: string[] = [];
  const skip = options.skip ?? [];

  const walk = (node: Node, pre: boolean): void => {
    if (node.nodeType === 3 /* TEXT_NODE */) {
      const value = node.nodeValue ?? '';
      parts.push(pre ? value : value.replace(/[\r\n]+/g, ' '));
      return;
    }
    if (node.nodeType !== 1 /* ELEMENT_NODE */) return;
    const child = node as Element;
    const tag = child.tagName.toUpperCase();
    if (SKIP_TAGS.has(tag)) return;
    if (isHidden(child, options.keepAriaHidden)) return;
    if (!options.keepButtons && isButton(child)) return;
    for (const selector of skip) if (safeMatches(child, selector)) return;
    if (tag === 'BR') {
      parts.push('\n');
      return;
    }
    if (tag === 'IMG') {
      const alt = child.getAttribute('alt') ?? '';
      if (alt && EMOJI_ALT.test(alt)) parts.push(alt);
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) parts.push('\n');
    const childPre = pre || tag === 'PRE';
    for (const grandChild of Array.from(child.childNodes)) walk(grandChild, childPre);
    if (block) parts.push('\n');
  };

  try {
    // The root itself is the body container: walk its children even when it is a button-like
    // or block element, so callers can pass the text node's wrapper directly.
    const pre = options.preserveNewlines === true || el.tagName?.toUpperCase() === 'PRE';
    for (const child of Array.from(el.childNodes)) walk(child, pre);
  } catch {
    return normalizeText(el.textContent ?? '');
  }
  return normalizeText(parts.join(''));
}

/** Whitespace rule shared by every adapter: one space inside lines, single "\n" between lines. */
export function normalizeText(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

/** Card and detail fields one per line, empty ones dropped, so the engine sees field boundaries. */
export function textLines(...parts: (string | null | undefined)[]): string {
  return normalizeText(parts.filter((part) => part?.trim()).join('\n'));
}

// Redirect wrappers that hide the real destination. Each entry returns the wrapped URL or null.
// t.co is deliberately absent: its target is not in the URL, and fetching it would leak the visit.
const REDIRECT_WRAPPERS: ReadonlyArray<(url: URL) => string | null> = [
  // Facebook link shim (www, m., mbasic., web. all use l./lm.).
  (url) =>
    /^(?:l|lm)\.facebook\.com$/.test(url.hostname) && url.pathname === '/l.php' ? url.searchParams.get('u') : null,
  (url) => (url.hostname === 'l.messenger.com' && url.pathname === '/l.php' ? url.searchParams.get('u') : null),
  (url) => (url.hostname === 'l.instagram.com' ? url.searchParams.get('u') : null),
  // Threads link shim (l.threads.net, l.threads.com).
  (url) => (/^l\.threads\.(?:net|com)$/.test(url.hostname) ? url.searchParams.get('u') : null),
  // out.reddit.com/<thing>?url=<target>&token=…
  (url) => (url.hostname === 'out.reddit.com' ? url.searchParams.get('url') : null),
  // href.li/?https://target — the target is the whole query string.
  (url) => (url.hostname === 'href.li' && url.search.length > 1 ? decodeURIComponentSafe(url.search.slice(1)) : null),
  (url) =>
    /(?:^|\.)linkedin\.com$/.test(url.hostname) && url.pathname.startsWith('/redir/redirect')
      ? url.searchParams.get('url')
      : null,
  (url) =>
    /(?:^|\.)youtube\.com$/.test(url.hostname) && url.pathname === '/redirect' ? url.searchParams.get('q') : null,
  (url) =>
    /^(?:www\.)?google\.[a-z.]+$/.test(url.hostname) && url.pathname === '/url'
      ? (url.searchParams.get('q') ?? url.searchParams.get('url'))
      : null,
  // TikTok external link shim.
  (url) =>
    /(?:^|\.)tiktok\.com$/.test(url.hostname) && url.pathname.startsWith('/link/v2')
      ? url.searchParams.get('target')
      : null,
];

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The destination of a known redirect wrapper, or the URL unchanged. Follows up to 3 nested wrappers. */
export function unwrapRedirect(href: string): string {
  let current = href;
  for (let depth = 0; depth < 3; depth++) {
    let url: URL;
    try {
      url = new URL(current);
    } catch {
      return current;
    }
    let next: string | null = null;
    for (const wrapper of REDIRECT_WRAPPERS) {
      next = wrapper(url);
      if (next) break;
    }
    if (!next) return stripTracking(url);
    try {
      current = new URL(next).href;
    } catch {
      return stripTracking(url);
    }
  }
  return current;
}

// Facebook appends fbclid to every outbound target; it identifies the click, not the destination,
// and would make the same link look different in every post.
function stripTracking(url: URL): string {
  if (url.searchParams.has('fbclid')) {
    url.searchParams.delete('fbclid');
  }
  return url.href;
}

const KEPT_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);

function documentBase(el: Element): string | undefined {
  try {
    const doc = el.ownerDocument;
    const href = doc?.location?.href;
    if (href && href !== 'about:blank') return href;
    return doc?.baseURI ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Absolute, de-duplicated link targets inside `el` (and `el` itself when it is a link), in document
 * order, with redirect wrappers resolved. javascript:, fragment-only and unparseable hrefs are dropped,
 * and so are links inside `options.skip` subtrees (e.g. a "… More" teaser link).
 */
export function absoluteLinks(
  el: Element | null | undefined,
  base?: string,
  options: { skip?: readonly string[] } = {},
): string[] {
  if (!el) return [];
  const out: string[] = [];
  const seen = new Set<string>();
  const resolvedBase = base ?? documentBase(el);
  let anchors: Element[] = [];
  try {
    anchors = Array.from(el.querySelectorAll('a[href]'));
    if (safeMatches(el, 'a[href]')) anchors.unshift(el);
  } catch {
    return [];
  }
  const skip = options.skip?.join(', ');
  for (const anchor of anchors) {
    if (skip && safeClosest(anchor, skip)) continue;
    const raw = anchor.getAttribute('href')?.trim();
    if (!raw || raw.startsWith('#')) continue;
    let url: URL;
    try {
      url = resolvedBase ? new URL(raw, resolvedBase) : new URL(raw);
    } catch {
      continue;
    }
    if (!KEPT_SCHEMES.has(url.protocol)) continue;
    const target = unwrapRedirect(url.href);
    if (seen.has(target)) continue;
    seen.add(target);
    out.push(target);
  }
  return out;
}

/**
 * Deterministic id from site + text, for posts the site gives no id to. cyrb53 (53-bit) keeps
 * collisions negligible for the few thousand posts a tab ever sees; not a security hash.
 */
export function hashId(site: string, text: string): string {
  const input = `${site}\u0000${text}`;
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < input.length; i++) {
    const ch = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const value = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return `${site}:h${value.toString(36)}`;
}

/**
 * Elements for the first selector in `selectors` that matches anything under `root` — `root`
 * itself counts when it is an Element matching that selector. Selectors are tried newest first, so
 * an old fallback never mixes into results of a newer one. Invalid selectors are skipped.
 */
export function queryAllFallback(root: ParentNode | null | undefined, selectors: readonly string[]): Element[] {
  if (!root) return [];
  for (const selector of selectors) {
    const found: Element[] = [];
    try {
      if (isElement(root) && root.matches(selector)) found.push(root);
      found.push(...Array.from(root.querySelectorAll(selector)));
    } catch {
      continue;
    }
    if (found.length > 0) return found;
  }
  return [];
}

/** First element for the first matching selector (see queryAllFallback), or null. */
export function queryFirstFallback(root: ParentNode | null | undefined, selectors: readonly string[]): Element | null {
  if (!root) return null;
  for (const selector of selectors) {
    try {
      if (isElement(root) && root.matches(selector)) return root;
      const hit = root.querySelector(selector);
      if (hit) return hit;
    } catch {
      // Invalid or unsupported selector in this engine: try the next fallback.
    }
  }
  return null;
}

/**
 * The usual badge place: inside `post`, right before the first element matching `text` (the message
 * body, or the card's title row). When the text is the post element itself or is missing, the badge
 * goes first inside the post. `card` defaults to the post container.
 */
export function slotBefore(
  post: Element,
  text: readonly string[],
  card: Element = post,
): { card: Element; before: Element | null } {
  const first = queryFirstFallback(post, text);
  if (!first || first === post || first === card || !card.contains(first)) return { card, before: null };
  return { card, before: first };
}

/** Badge place right before `text` inside `card`; first inside the card when `text` is missing or is the card. */
export function slotAt(card: Element, text: Element | null | undefined): { card: Element; before: Element | null } {
  if (!text || text === card || !card.contains(text)) return { card, before: null };
  return { card, before: text };
}

/**
 * Badge place for a bare text body whose post starts with a heading elsewhere on the page (job detail
 * pages: title, company, then the description): right before the heading, inside the smallest element
 * holding both. Without a heading, right before the body.
 */
export function slotAboveHeading(heading: Element | null, body: Element): { card: Element; before: Element | null } {
  const card = heading ? commonAncestor(heading, body) : null;
  if (!heading || !card || card === heading) return { card: body.parentElement ?? body, before: body };
  return { card, before: heading };
}

function commonAncestor(a: Element, b: Element): Element | null {
  for (let el: Element | null = a; el; el = el.parentElement) if (el.contains(b)) return el;
  return null;
}

/** Whether `el` matches any of `selectors`; an invalid or unsupported selector counts as no match. */
export function matchesAny(el: Element, selectors: readonly string[]): boolean {
  return selectors.some((selector) => {
    try {
      return el.matches(selector);
    } catch {
      return false;
    }
  });
}

function safeClosest(el: Element, selector: string): boolean {
  try {
    return el.closest(selector) !== null;
  } catch {
    return false;
  }
}

function isElement(node: unknown): node is Element {
  return typeof node === 'object' && node !== null && (node as Node).nodeType === 1;
}

/** Truncation-control labels seen on the supported sites (lower case, without leading ellipsis). */
export const MORE_LABELS: readonly string[] = [
  'see more',
  'lihat selengkapnya',
  'selengkapnya',
  'lainnya',
  'more',
  'show more',
  'read more',
  'baca selengkapnya',
  'tampilkan lebih banyak',
  'ver más',
  'عرض المزيد',
];

function normalizeLabel(text: string): string {
  return text
    .replace(/[\u2026]|\.{3}/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * True when `el` contains a clickable truncation control whose whole label is one of `labels`
 * ("See more", "…more", "Lihat selengkapnya"). Whole-label matching keeps a post that merely says
 * "see more jobs" from being flagged.
 */
export function isTruncated(el: Element | null | undefined, labels: readonly string[] = MORE_LABELS): boolean {
  if (!el) return false;
  const wanted = new Set(labels.map(normalizeLabel));
  let candidates: Element[];
  try {
    candidates = Array.from(el.querySelectorAll('[role="button"], button, a, [tabindex], [data-sigil~="more"]'));
  } catch {
    return false;
  }
  for (const candidate of candidates) {
    if (isHidden(candidate)) continue;
    const label = normalizeLabel(candidate.textContent ?? '');
    if (label && wanted.has(label)) return true;
  }
  return false;
}
