// Generic extractor, used only when the user asks for a check on a page no site adapter covers.
// It finds blocks whose visible text is 120–5000 characters and mentions a job word, keeps the
// innermost such block (open shadow roots included), then grows a lone paragraph to the body it belongs to (a post of several
// <p>). Ids are text hashes: arbitrary pages have no ids we could trust.
import { absoluteLinks, collapseText, hashId, isTruncated, slotAt } from '../shared';
import type { BadgeSlot, ExtractedPost, SiteAdapter } from '../types';
import { NOT_CONTAINER_TAGS, PARAGRAPH_TAGS, SKIP } from './selectors';

const SITE = 'generic';
export const MIN_CHARS = 120;
export const MAX_CHARS = 5000;

// Indonesian and English job vocabulary. "kerja" also catches bekerja/pekerjaan/kerjaan; NFKC first
// folds styled letters (𝐋𝐎𝐊𝐄𝐑) to plain ones.
const JOB_WORDS = /lowongan|loker|dibutuhkan|gaji|hiring|salary|vacanc|kerja|\bjobs?\b|\bapply\b|lamar/i;

const SKIP_SELECTOR = SKIP.join(',');
const NOT_CONTAINER = new Set(NOT_CONTAINER_TAGS);
const PARAGRAPH = new Set(PARAGRAPH_TAGS);

export function hasJobWords(text: string): boolean {
  try {
    return JOB_WORDS.test(text.normalize('NFKC'));
  } catch {
    return JOB_WORDS.test(text);
  }
}

function skipped(el: Element): boolean {
  try {
    return el.matches(SKIP_SELECTOR);
  } catch {
    return false;
  }
}

function qualifies(el: Element): boolean {
  if (NOT_CONTAINER.has(el.tagName.toUpperCase())) return false;
  const text = collapseText(el);
  return text.length >= MIN_CHARS && text.length <= MAX_CHARS && hasJobWords(text);
}

/**
 * Innermost qualifying blocks under `node`, depth first. A subtree whose raw text is too short or has no
 * job word cannot hold a hit (visible text is a subset of textContent), so it is skipped whole.
 */
function collect(node: ParentNode, out: Element[]): boolean {
  let found = false;
  for (const child of Array.from(node.children)) {
    if (skipped(child)) continue;
    const raw = child.textContent ?? '';
    if (raw.trim().length < MIN_CHARS || !hasJobWords(raw)) continue;
    let inner = collect(child, out);
    if (!inner && qualifies(child)) {
      out.push(child);
      inner = true;
    }
    found = found || inner;
  }
  return found;
}

// Open shadow roots below `root`: their text is not in the host's textContent, so the pruned walk
// above never reaches them; each is searched on its own (and its own shadow roots in turn).
function shadowRoots(root: ParentNode): ShadowRoot[] {
  const out: ShadowRoot[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    const shadow = (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
    if (shadow && !skipped(el)) out.push(shadow, ...shadowRoots(shadow));
  }
  return out;
}

// A hit that is one paragraph of a longer body grows to that body, as long as the parent holds no
// other hit and stays within the size limit.
function grow(el: Element, hits: readonly Element[]): Element {
  let current = el;
  while (PARAGRAPH.has(current.tagName.toUpperCase())) {
    const parent = current.parentElement;
    if (!parent || NOT_CONTAINER.has(parent.tagName.toUpperCase()) || skipped(parent)) break;
    if (hits.some((other) => other !== el && parent.contains(other))) break;
    if (collapseText(parent).length > MAX_CHARS) break;
    current = parent;
  }
  return current;
}

function findPosts(root: ParentNode): Element[] {
  try {
    const hits: Element[] = [];
    const rootEl = (root as Node).nodeType === 1 ? (root as Element) : null;
    const inside = collect(root, hits);
    if (!inside && rootEl && !skipped(rootEl) && qualifies(rootEl)) hits.push(rootEl);
    for (const shadow of shadowRoots(root)) collect(shadow, hits);
    const grown = hits.map((hit) => grow(hit, hits));
    return grown.filter((el, i) => grown.indexOf(el) === i);
  } catch {
    return [];
  }
}

function extract(el: Element): ExtractedPost | null {
  try {
    const text = collapseText(el);
    if (!text) return null;
    return { id: hashId(SITE, text), text, links: absoluteLinks(el), partial: isTruncated(el) };
  } catch {
    return null;
  }
}

/** First inside the text block the user asked about. */
function badgeSlot(el: Element): BadgeSlot | null {
  return slotAt(el, null);
}

const adapter: SiteAdapter = {
  id: SITE,
  name: 'Any page (on request)',
  // Never injected by itself: the popup runs it on the active tab when the user asks.
  matches: [],
  sampleUrls: ['https://forum.example.id/t/info-loker-bandung/123', 'https://blog.example.com/2026/11/lowongan-kerja'],
  notUrls: [],
  fixtureSource: 'documented',
  badgeSlot,
  findPosts,
  extract,
};

export default adapter;

// Test URLs:
// (any page works; these are typical places for reposted job ads)
// https://www.kaskus.co.id/thread/<id>/                 (forum thread)
// https://<blog>.blogspot.com/2026/11/lowongan-kerja.html (loker blog)
