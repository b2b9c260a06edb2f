// Scanner stage 4, analyse: a post element's text and its verdict. Text is capped before hashing,
// verdicts are cached by a hash of text + links (a feed repeats shares and reposts), and cached
// verdicts are re-scored against the user's thresholds without reading the text again.
import { MAX_CHARS } from '../engine/engine';
import type { RiskThresholds, Verdict } from '../engine/types';
import type { ExtractedPost, SiteAdapter } from '../sites/types';
import { fnv1a53 } from './hash';
import type { HostRenderer, PostRecord } from './render';
import type { Safe } from './schedule';

/**
 * Post text handed on to hashing, the engine and the report. The engine reads only its first MAX_CHARS; twice
 * that keeps its `truncated` flag truthful while a 10 MB post costs no more than a long one.
 */
export const MAX_POST_CHARS = 2 * MAX_CHARS;

const LINK_SCHEMES = /^(?:https?|mailto|tel):/i;

/**
 * What an adapter extracted, cut to what the engine and the report may see: text up to MAX_POST_CHARS, and
 * only links with a scheme a reader can safely follow (a site's link shim can unwrap to `javascript:`).
 */
function bounded(post: ExtractedPost): ExtractedPost {
  const text = post.text.length > MAX_POST_CHARS ? post.text.slice(0, MAX_POST_CHARS) : post.text;
  const raw = Array.isArray(post.links) ? post.links : [];
  const links = raw.filter((link) => typeof link === 'string' && LINK_SCHEMES.test(link));
  return text === post.text && links.length === raw.length ? post : { ...post, text, links };
}

export function riskFor(score: number, t: RiskThresholds): Verdict['risk'] {
  if (score >= t.high) return 'high';
  if (score >= t.medium) return 'medium';
  if (score >= t.low) return 'low';
  return 'none';
}

/** The cached verdict under the user's thresholds (the same object when the risk is unchanged). */
export function rescored(raw: Verdict, thresholds: RiskThresholds | null): Verdict {
  if (!thresholds) return raw;
  const risk = riskFor(raw.score, thresholds);
  return risk === raw.risk ? raw : { ...raw, risk };
}

/**
 * The adapter's extraction of `el`, capped at MAX_POST_CHARS, with the hash its verdict is cached
 * under; null when the element holds no text (yet). Throws what the adapter throws.
 */
export function readPost(adapter: SiteAdapter, el: Element): { post: ExtractedPost; hash: number } | null {
  const extracted = adapter.extract(el);
  const post = extracted?.text ? bounded(extracted) : extracted;
  if (!post?.text) return null;
  const links = Array.isArray(post.links) ? post.links : [];
  return { post, hash: fnv1a53(`${post.text}\u0001${links.join('\u0002')}`) };
}

/** Verdicts by text hash, oldest dropped first beyond `size` distinct texts. */
export function createVerdictCache(size: number) {
  const byHash = new Map<number, Verdict>();
  return {
    get: (hash: number) => byHash.get(hash),
    set(hash: number, verdict: Verdict): void {
      byHash.set(hash, verdict);
      if (byHash.size > size) byHash.delete(byHash.keys().next().value as number);
    },
    clear: () => byHash.clear(),
  };
}

export interface PostBookOptions {
  adapter: SiteAdapter;
  analyze(post: ExtractedPost): Verdict;
  /** Risk levels that get a host. */
  shows(verdict: Verdict): boolean;
  /** Allowlisted post/author/page: no verdict shown. */
  isAllowed?(post: ExtractedPost): boolean;
  render: HostRenderer;
  cacheSize: number;
  safe: Safe;
}

/**
 * The record of every post element seen, and the analyse step for one of them: read its text, look
 * up or compute the verdict, re-score it, and hand it to the renderer (or take the host away).
 */
export function createPostBook(o: PostBookOptions) {
  const records = new Map<Element, PostRecord>();
  const cache = createVerdictCache(o.cacheSize);
  let analyze = o.analyze;
  let thresholds: RiskThresholds | null = null;
  let findingsChanged = false;
  /** Push the verdict to every mounted warning even when unchanged (country changed). */
  let rerenderAll = false;
  const { safe, render } = o;

  function check(el: Element): void {
    let rec = records.get(el);
    if (!rec) {
      rec = { el, hash: -1, post: null, raw: null, verdict: null, host: null, view: null };
      records.set(el, rec);
    }
    if (!el.isConnected) {
      forget(rec);
      return;
    }
    const read = safe('extract', () => readPost(o.adapter, el), null);
    if (!read) {
      // Kept as a record with no post, so text filled in later is attributed to this container.
      rec.hash = 0;
      rec.post = null;
      clearVerdict(rec);
      return;
    }
    const { post, hash } = read;
    if (hash === rec.hash && rec.post?.id === post.id) {
      // Same text: only make sure the host is still where the site left it (re-render removed it).
      rec.post = post;
      if (rec.verdict) render.place(rec);
      return;
    }
    rec.hash = hash;
    rec.post = post;
    if (safe('isAllowed', () => o.isAllowed?.(post) ?? false, false)) {
      rec.raw = null;
      clearVerdict(rec);
      return;
    }
    let raw = cache.get(hash);
    if (!raw) {
      const fresh = safe('analyze', () => analyze(post), null);
      if (!fresh) {
        clearVerdict(rec);
        return;
      }
      raw = fresh;
      cache.set(hash, raw);
    }
    rec.raw = raw;
    applyVerdict(rec);
  }

  function applyVerdict(rec: PostRecord): void {
    if (!rec.raw || !rec.post) {
      clearVerdict(rec);
      return;
    }
    const verdict = rescored(rec.raw, thresholds);
    const previous = rec.verdict;
    rec.verdict = verdict;
    if (!safe('shows', () => o.shows(verdict), false)) {
      render.remove(rec);
      if (previous && previous.risk !== 'none') findingsChanged = true;
      return;
    }
    if (rec.view && (previous !== verdict || rerenderAll)) {
      const view = rec.view;
      const post = rec.post;
      safe('update warning', () => view.update(post, verdict), undefined);
    }
    if (!previous || previous.risk !== verdict.risk || !rec.host) findingsChanged = true;
    render.place(rec);
  }

  function clearVerdict(rec: PostRecord): void {
    if (rec.verdict && rec.verdict.risk !== 'none') findingsChanged = true;
    rec.verdict = null;
    render.remove(rec);
  }

  function forget(rec: PostRecord): void {
    clearVerdict(rec);
    records.delete(rec.el);
  }

  return {
    records,
    check,
    /** Drop records of posts no longer on the page (and their hosts). */
    prune() {
      for (const rec of Array.from(records.values())) if (!rec.el.isConnected) forget(rec);
    },
    setAnalyzer(next: (post: ExtractedPost) => Verdict) {
      analyze = next;
      cache.clear();
    },
    /** Re-score cached verdicts: cheap (no text, no engine). */
    setThresholds(next: RiskThresholds | null) {
      thresholds = next;
      for (const rec of records.values()) if (rec.raw && rec.post) applyVerdict(rec);
    },
    setRerenderAll(on: boolean) {
      rerenderAll = on;
    },
    /** Whether the set of shown verdicts changed since the last call. */
    takeFindingsChanged(): boolean {
      const changed = findingsChanged;
      findingsChanged = false;
      return changed;
    },
    clear() {
      for (const rec of records.values()) render.remove(rec);
      records.clear();
      cache.clear();
    },
  };
}

export type PostBook = ReturnType<typeof createPostBook>;
