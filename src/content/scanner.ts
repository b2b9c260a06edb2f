// The page scanner: one MutationObserver feeding a work queue that is drained in small idle-time
// slices, so a feed of thousands of posts never produces a long task. Only added or changed subtrees
// are examined; every post is analysed once per distinct text (verdicts cached by a text hash), and
// the warning host inside the post card is kept in step with the latest verdict.
//
// Nothing here touches extension APIs: index.ts / on-demand.ts inject the analyser, the renderer and
// the settings-derived predicates, which keeps this file testable in happy-dom.
import { MAX_CHARS } from '../engine/engine';
import type { RiskThresholds, Verdict } from '../engine/types';
import type { ExtractedPost, SiteAdapter } from '../sites/types';
import { fnv1a53 } from './hash';
import { insertAt, resolveSlot } from './placement';

export const HOST_TAG = 'lokeraman-warning';

/**
 * Post text handed on to hashing, the engine and the report. The engine reads only its first MAX_CHARS; twice
 * that keeps its `truncated` flag truthful while a 10 MB post costs no more than a long one.
 */
export const MAX_POST_CHARS = 2 * MAX_CHARS;

export interface HostView {
  update(post: ExtractedPost, verdict: Verdict): void;
  destroy(): void;
}

/** Renders the warning inside a freshly inserted host (index.ts wraps the warning UI's mountWarning). */
export type MountHost = (host: HTMLElement, post: ExtractedPost, verdict: Verdict) => HostView;

export interface IdleDeadlineLike {
  timeRemaining(): number;
  readonly didTimeout: boolean;
}

export interface Scheduler {
  request(callback: (deadline?: IdleDeadlineLike) => void): unknown;
  /**
   * Follow-up slice while a backlog remains. Optional: a busy page (fast scrolling through a long
   * feed) starves idle callbacks, so after one idle slice the rest of a backlog goes in short
   * ordinary tasks, each still within the budget.
   */
  continue?(callback: () => void): unknown;
  cancel(handle: unknown): void;
}

export interface ScannerOptions {
  adapter: SiteAdapter;
  /** Engine call for one post (already bound to page URL, site, language and thresholds). */
  analyze(post: ExtractedPost): Verdict;
  mount: MountHost;
  /** Risk levels that get a host (medium/high, plus low when the user asked for low-risk hints). */
  shows(verdict: Verdict): boolean;
  /** Allowlisted post/author/page: no verdict shown. */
  isAllowed?(post: ExtractedPost): boolean;
  /** Called (synchronously, after a slice) when the set of shown verdicts changed. */
  onFindingsChanged?(): void;
  /** Called once per mutation batch, before any work; index.ts uses it for a cheap URL check. */
  onMutations?(): void;
  /** Where to look: the document (default) or a subtree (on-demand checks). */
  root?: Document | Element | ShadowRoot;
  /** Watch for changes. Off for one-shot on-demand scans. */
  observe?: boolean;
  /** Milliseconds of work per slice before yielding. */
  budgetMs?: number;
  /**
   * Per-slice budget while the page is hidden: nobody sees a hidden tab stutter, and its timers run
   * about once a second, so small slices would leave a background tab unscanned for a long time.
   * Still under the 50 ms long-task line.
   */
  hiddenBudgetMs?: number;
  /** Test hook: whether the page is hidden (default: document.visibilityState). */
  isHidden?: () => boolean;
  scheduler?: Scheduler;
  now?: () => number;
  log?: (...args: unknown[]) => void;
  /** Verdict cache size (distinct texts). */
  cacheSize?: number;
}

export interface PostRecord {
  el: Element;
  /** Hash of text+links last analysed; 0 when the element had no extractable post. */
  hash: number;
  post: ExtractedPost | null;
  /** Verdict as cached (engine thresholds at analysis time). */
  raw: Verdict | null;
  /** Verdict after the current thresholds are applied. */
  verdict: Verdict | null;
  host: HTMLElement | null;
  view: HostView | null;
  /** When the host was inserted (performance clock), for the benchmark's latency figures. */
  shownAt?: number;
}

export interface Finding {
  post: ExtractedPost;
  verdict: Verdict;
  host: HTMLElement;
}

export interface Scanner {
  start(): void;
  /** Remove every host we inserted, stop observing, drop caches. Idempotent. */
  stop(): void;
  /**
   * Re-apply hosts for every known post (allowlist or display settings changed); no re-analysis when
   * the text is unchanged. `rerender` also pushes the verdict to every mounted warning (country changed).
   */
  refresh(rerender?: boolean): void;
  /** New analyser (rules or language changed): drop the cache and re-check every known post. */
  setAnalyzer(analyze: (post: ExtractedPost) => Verdict): void;
  /** Re-score cached verdicts with new thresholds without re-reading text. */
  setThresholds(thresholds: RiskThresholds | null): void;
  /** Queue a subtree for a full look (SPA navigation that reused the DOM). */
  rescan(root?: ParentNode): void;
  findings(): Finding[];
  /** Number of posts with a verdict (any risk). */
  checkedCount(): number;
  /** Test/bench hook: true when no work is queued. */
  idle(): boolean;
  readonly adapter: SiteAdapter;
}

const RISK_ORDER: Record<Verdict['risk'], number> = { none: 0, low: 1, medium: 2, high: 3 };

export function riskFor(score: number, t: RiskThresholds): Verdict['risk'] {
  if (score >= t.high) return 'high';
  if (score >= t.medium) return 'medium';
  if (score >= t.low) return 'low';
  return 'none';
}

function pageHidden(): boolean {
  try {
    return typeof document !== 'undefined' && document.visibilityState === 'hidden';
  } catch {
    return false;
  }
}

/** Milliseconds an idle request may wait before it runs anyway. */
export const IDLE_TIMEOUT_MS = 50;
/**
 * Backstop for the idle request: Chromium gives hidden (background) tabs no idle periods and may
 * defer the idle timeout with them, so a tab opened in the background could wait indefinitely for
 * its first slice. An ordinary timer also runs there (throttled to about once a second).
 */
export const FALLBACK_TIMEOUT_MS = 250;

export function defaultScheduler(): Scheduler {
  const g = globalThis as unknown as {
    requestIdleCallback?: (cb: (d: IdleDeadlineLike) => void, opts?: { timeout: number }) => number;
    cancelIdleCallback?: (handle: number) => void;
  };
  type Handle = { idle?: number; timer?: ReturnType<typeof setTimeout>; done?: boolean };
  const cancel = (h: unknown) => {
    const handle = h as Handle;
    handle.done = true;
    if (handle.idle !== undefined) g.cancelIdleCallback?.(handle.idle);
    if (handle.timer !== undefined) clearTimeout(handle.timer);
  };
  const timer = (cb: () => void, ms: number): Handle => ({ timer: setTimeout(cb, ms) });
  if (typeof g.requestIdleCallback === 'function' && typeof g.cancelIdleCallback === 'function') {
    const ric = g.requestIdleCallback.bind(globalThis);
    return {
      request(cb) {
        // A hidden tab gets no idle periods: go straight to a timer.
        if (pageHidden()) return timer(() => cb(), 0);
        const handle: Handle = {};
        const run = (deadline?: IdleDeadlineLike) => {
          if (handle.done) return;
          cancel(handle);
          cb(deadline);
        };
        // The idle timeout keeps warnings prompt while the page is continuously busy (fast
        // scrolling), which otherwise starves idle callbacks for seconds.
        handle.idle = ric(run, { timeout: IDLE_TIMEOUT_MS });
        handle.timer = setTimeout(() => run(), FALLBACK_TIMEOUT_MS);
        return handle;
      },
      continue: (cb) => timer(cb, 0),
      cancel,
    };
  }
  return { request: (cb) => timer(() => cb(), 16), continue: (cb) => timer(cb, 0), cancel };
}

function isElement(node: Node | null | undefined): node is Element {
  return !!node && node.nodeType === 1;
}

/** Parent across shadow boundaries. */
function parentOf(node: Node): Node | null {
  const parent = node.parentNode;
  if (parent && parent.nodeType === 11 /* DOCUMENT_FRAGMENT */ && (parent as ShadowRoot).host)
    return (parent as ShadowRoot).host;
  return parent;
}

const OBSERVE_INIT: MutationObserverInit = { childList: true, subtree: true, characterData: true };
const WALK_CHUNK = 256;

export function createScanner(options: ScannerOptions): Scanner {
  const adapter = options.adapter;
  const log = options.log ?? (() => {});
  const now = options.now ?? (() => performance.now());
  const budget = options.budgetMs ?? 8;
  const hiddenBudget = Math.max(budget, options.hiddenBudgetMs ?? 40);
  const isHidden = options.isHidden ?? pageHidden;
  const scheduler = options.scheduler ?? defaultScheduler();
  const cacheSize = options.cacheSize ?? 4000;
  const rootNode: Document | Element | ShadowRoot = options.root ?? document;
  let analyze = options.analyze;
  let thresholds: RiskThresholds | null = null;

  const records = new Map<Element, PostRecord>();
  const hostOwner = new WeakMap<Element, PostRecord>();
  // Every host this scanner created, by identity. The tag name proves nothing: a page can write
  // <lokeraman-warning> elements itself, and must not have its posts skipped for it.
  const ownHosts = new WeakSet<Node>();
  const isOurHost = (node: Node) => ownHosts.has(node);
  const cache = new Map<number, Verdict>();
  const observedShadowRoots = new WeakSet<ShadowRoot>();

  // Work queues. Sets dedupe repeated mutations of the same node within a batch.
  const roots = new Set<Node>();
  const walks: TreeWalker[] = [];
  const touched = new Set<Node>();
  const dirty = new Set<Element>();
  // Dirty posts the IntersectionObserver reports near the viewport: checked before the rest, so
  // what the reader is looking at gets its verdict first however long the backlog is.
  const near = new Set<Element>();
  let viewport: IntersectionObserver | null = null;
  let pruneNeeded = false;
  let findingsChanged = false;
  let rerenderAll = false;

  let observer: MutationObserver | null = null;
  let handle: unknown = null;
  /** Whether the pending slice waits for an idle period (else it is an ordinary task). */
  let handleIsIdle = false;
  let running = false;
  let stopped = false;

  function safe<T>(what: string, fn: () => T, fallback: T): T {
    try {
      return fn();
    } catch (error) {
      log(`[lokeraman] ${adapter.id}: ${what} failed`, error);
      return fallback;
    }
  }

  const lifetime = new AbortController();

  /** A tab brought to the front runs its backlog now instead of at its next throttled timer. */
  function onVisibility(): void {
    if (stopped || !running || isHidden() || !hasWork()) return;
    if (handle !== null) safe('cancel', () => scheduler.cancel(handle), undefined);
    handle = null;
    slice();
  }

  function schedule(): void {
    if (handle !== null || stopped || !running) return;
    handle = scheduler.request(slice);
    handleIsIdle = true;
  }

  function scheduleContinuation(): void {
    if (handle !== null || stopped || !running) return;
    handle = scheduler.continue ? scheduler.continue(slice) : scheduler.request(slice);
    handleIsIdle = false;
  }

  /**
   * New content is what the reader is about to see: its first slice goes in the next ordinary task
   * instead of waiting for an idle period, which a scrolling page may not have for the whole idle
   * timeout. The slice is budgeted like any other, so it cannot become a long task.
   */
  function scheduleSoon(): void {
    if (stopped || !running || !scheduler.continue) {
      schedule();
      return;
    }
    if (handle !== null && !handleIsIdle) return;
    if (handle !== null) safe('cancel', () => scheduler.cancel(handle), undefined);
    handle = null;
    scheduleContinuation();
  }

  function hasWork(): boolean {
    return roots.size > 0 || walks.length > 0 || touched.size > 0 || dirty.size > 0 || pruneNeeded;
  }

  function take<T>(set: Set<T>): T {
    const first = set.values().next().value as T;
    set.delete(first);
    return first;
  }

  function slice(): void {
    handle = null;
    if (stopped) return;
    const started = now();
    try {
      const limit = isHidden() ? hiddenBudget : budget;
      while (hasWork() && now() - started < limit) step();
    } catch (error) {
      log('[lokeraman] scanner slice failed', error);
    }
    if (findingsChanged) {
      findingsChanged = false;
      safe('onFindingsChanged', () => options.onFindingsChanged?.(), undefined);
    }
    if (hasWork()) scheduleContinuation();
    else rerenderAll = false;
  }

  /**
   * One bounded unit of work. New posts first (posts near the viewport before the others), then
   * changed posts, then the walk for open shadow roots, then housekeeping. Checking light-DOM posts
   * before the shadow walk means a large page shows its first verdicts without waiting for a walk
   * over every element.
   */
  function step(): void {
    if (roots.size > 0) {
      const root = take(roots);
      discover(root);
      return;
    }
    if (touched.size > 0) {
      // Resolve a batch of changed nodes to their posts; cheap ancestor walks, so do several.
      for (let i = 0; i < 64 && touched.size > 0; i++) {
        const rec = enclosingRecord(take(touched));
        if (rec) markDirty(rec.el);
      }
      return;
    }
    if (dirty.size > 0) {
      const el = near.size > 0 ? take(near) : take(dirty);
      dirty.delete(el);
      near.delete(el);
      if (viewport) safe('unobserve', () => viewport?.unobserve(el), undefined);
      check(el);
      return;
    }
    if (walks.length > 0) {
      walkShadowChunk(walks[walks.length - 1]);
      return;
    }
    if (pruneNeeded) {
      pruneNeeded = false;
      prune();
    }
  }

  function markDirty(el: Element): void {
    if (dirty.has(el)) return;
    dirty.add(el);
    if (viewport) safe('observe viewport', () => viewport?.observe(el), undefined);
  }

  function onViewport(entries: IntersectionObserverEntry[]): void {
    let added = false;
    for (const entry of entries) {
      if (entry.isIntersecting && dirty.has(entry.target)) {
        near.add(entry.target);
        added = true;
      }
    }
    if (added) schedule();
  }

  function discover(root: Node): void {
    if (!root.isConnected && root !== rootNode) return;
    const found = safe('findPosts', () => adapter.findPosts(root as ParentNode), [] as Element[]);
    for (const el of found) {
      if (!records.has(el)) markDirty(el);
    }
    // Open shadow roots anywhere in the new subtree: observe them and scan inside.
    if (options.observe !== false || root === rootNode) {
      // nextNode() never returns the walker's root, so the root's own shadow tree is checked here.
      if (isElement(root)) noteShadow(root);
      const doc = (root.ownerDocument ?? (root as Document)) as Document;
      try {
        walks.push(doc.createTreeWalker(root, 1 /* SHOW_ELEMENT */));
      } catch (error) {
        log('[lokeraman] tree walker failed', error);
      }
    }
  }

  function walkShadowChunk(walker: TreeWalker): void {
    for (let i = 0; i < WALK_CHUNK; i++) {
      const node = walker.nextNode();
      if (!node) {
        walks.pop();
        return;
      }
      noteShadow(node as Element);
    }
  }

  function noteShadow(el: Element): void {
    if (ownHosts.has(el)) return;
    const shadow = el.shadowRoot;
    if (shadow && !observedShadowRoots.has(shadow)) {
      observedShadowRoots.add(shadow);
      if (observer) safe('observe shadow root', () => observer?.observe(shadow, OBSERVE_INIT), undefined);
      roots.add(shadow);
    }
  }

  function enclosingRecord(node: Node): PostRecord | null {
    let current: Node | null = node;
    while (current) {
      if (isElement(current)) {
        const rec = records.get(current);
        if (rec) return rec;
      }
      current = parentOf(current);
    }
    return null;
  }

  function recordFor(el: Element): PostRecord {
    let rec = records.get(el);
    if (!rec) {
      rec = { el, hash: -1, post: null, raw: null, verdict: null, host: null, view: null };
      records.set(el, rec);
    }
    return rec;
  }

  function check(el: Element): void {
    const rec = recordFor(el);
    if (!el.isConnected) {
      forget(rec);
      return;
    }
    const extracted = safe('extract', () => adapter.extract(el), null);
    const post =
      extracted?.text && extracted.text.length > MAX_POST_CHARS
        ? { ...extracted, text: extracted.text.slice(0, MAX_POST_CHARS) }
        : extracted;
    if (!post?.text) {
      // Kept as a record with no post, so text filled in later is attributed to this container.
      rec.hash = 0;
      rec.post = null;
      clearVerdict(rec);
      return;
    }
    const links = Array.isArray(post.links) ? post.links : [];
    const hash = fnv1a53(`${post.text}\u0001${links.join('\u0002')}`);
    if (hash === rec.hash && rec.post?.id === post.id) {
      // Same text: only make sure the host is still where the site left it (re-render removed it).
      rec.post = post;
      if (rec.verdict) place(rec);
      return;
    }
    rec.hash = hash;
    rec.post = post;
    if (safe('isAllowed', () => options.isAllowed?.(post) ?? false, false)) {
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
      if (cache.size > cacheSize) cache.delete(cache.keys().next().value as number);
    }
    rec.raw = raw;
    applyVerdict(rec);
  }

  function rescored(raw: Verdict): Verdict {
    if (!thresholds) return raw;
    const risk = riskFor(raw.score, thresholds);
    return risk === raw.risk ? raw : { ...raw, risk };
  }

  function applyVerdict(rec: PostRecord): void {
    if (!rec.raw || !rec.post) {
      clearVerdict(rec);
      return;
    }
    const verdict = rescored(rec.raw);
    const previous = rec.verdict;
    rec.verdict = verdict;
    if (!safe('shows', () => options.shows(verdict), false)) {
      removeHost(rec);
      if (previous && previous.risk !== 'none') findingsChanged = true;
      return;
    }
    if (rec.view && (previous !== verdict || rerenderAll)) {
      const view = rec.view;
      const post = rec.post;
      safe('update warning', () => view.update(post, verdict), undefined);
    }
    if (!previous || previous.risk !== verdict.risk || !rec.host) findingsChanged = true;
    place(rec);
  }

  function setHostAttributes(host: HTMLElement, rec: PostRecord): void {
    const post = rec.post as ExtractedPost;
    const verdict = rec.verdict as Verdict;
    if (host.getAttribute('data-lokeraman-risk') !== verdict.risk)
      host.setAttribute('data-lokeraman-risk', verdict.risk);
    if (host.getAttribute('data-lokeraman-post-id') !== post.id) host.setAttribute('data-lokeraman-post-id', post.id);
    if (host.getAttribute('data-lokeraman-site') !== adapter.id) host.setAttribute('data-lokeraman-site', adapter.id);
    if (post.partial) host.setAttribute('data-lokeraman-partial', 'true');
    else host.removeAttribute('data-lokeraman-partial');
  }

  /** Insert (or re-insert) the host in the adapter's slot inside the post card; never a second host for one post. */
  function place(rec: PostRecord): void {
    if (!rec.post || !rec.verdict) return;
    if (!rec.el.isConnected) return;
    const slot = resolveSlot(adapter, rec.el);
    let host = rec.host;
    if (host) {
      setHostAttributes(host, rec);
      if (host.isConnected) return;
      // The site re-rendered and dropped our host: put the same host (and its mounted UI) back.
      insertAt(slot, host);
      return;
    }
    // A <lokeraman-warning> already in the slot is never a reason to stand back: the page can plant one (with
    // any post id it likes). A copy of this script orphaned by an extension update removes its own hosts
    // within a second, and copies in one world hand over through a symbol-keyed global (index.ts).
    const doc = rec.el.ownerDocument ?? document;
    host = doc.createElement(HOST_TAG);
    ownHosts.add(host);
    rec.host = host;
    hostOwner.set(host, rec);
    setHostAttributes(host, rec);
    if (!insertAt(slot, host)) {
      rec.host = null;
      return;
    }
    rec.shownAt = now();
    const post = rec.post;
    const verdict = rec.verdict;
    rec.view = safe('mount warning', () => options.mount(host as HTMLElement, post, verdict), null);
  }

  function removeHost(rec: PostRecord): void {
    const view = rec.view;
    const host = rec.host;
    rec.view = null;
    rec.host = null;
    if (view) safe('destroy warning', () => view.destroy(), undefined);
    if (host) {
      hostOwner.delete(host);
      safe('remove host', () => host.remove(), undefined);
    }
  }

  function clearVerdict(rec: PostRecord): void {
    if (rec.verdict && rec.verdict.risk !== 'none') findingsChanged = true;
    rec.verdict = null;
    removeHost(rec);
  }

  function forget(rec: PostRecord): void {
    clearVerdict(rec);
    records.delete(rec.el);
  }

  function prune(): void {
    for (const rec of Array.from(records.values())) {
      if (!rec.el.isConnected) forget(rec);
    }
  }

  function onMutations(mutations: MutationRecord[]): void {
    if (stopped) return;
    safe('onMutations hook', () => options.onMutations?.(), undefined);
    if (stopped) return;
    for (const m of mutations) {
      if (m.type === 'characterData') {
        touched.add(m.target);
        continue;
      }
      let onlyOurs = true;
      for (const node of Array.from(m.addedNodes)) {
        if (isOurHost(node)) continue;
        onlyOurs = false;
        if (isElement(node)) roots.add(node);
      }
      for (const node of Array.from(m.removedNodes)) {
        if (isOurHost(node)) {
          const owner = hostOwner.get(node as Element);
          // Our own removals already cleared rec.host; a site re-render did not.
          if (owner && owner.host === node) markDirty(owner.el);
          continue;
        }
        onlyOurs = false;
        if (isElement(node)) pruneNeeded = true;
      }
      // Text inside a known post changed structurally ("See more" swaps nodes, virtual lists recycle).
      if (!onlyOurs) touched.add(m.target);
    }
    if (roots.size > 0) scheduleSoon();
    else schedule();
  }

  return {
    adapter,
    start() {
      if (running || stopped) return;
      running = true;
      if (options.observe !== false && typeof MutationObserver === 'function') {
        observer = new MutationObserver((mutations) => {
          try {
            onMutations(mutations);
          } catch (error) {
            log('[lokeraman] mutation handling failed', error);
          }
        });
        safe('observe', () => observer?.observe(rootNode, OBSERVE_INIT), undefined);
      }
      if (options.observe !== false && typeof IntersectionObserver === 'function') {
        // One viewport of margin above and below: posts about to scroll in count as near.
        viewport = safe(
          'viewport observer',
          () => new IntersectionObserver(onViewport, { rootMargin: '100% 0px' }),
          null,
        );
      }
      const doc = (rootNode as Node).ownerDocument ?? (rootNode as Document);
      safe(
        'visibility listener',
        () => doc.addEventListener?.('visibilitychange', onVisibility, { signal: lifetime.signal }),
        undefined,
      );
      roots.add(rootNode);
      scheduleSoon();
    },
    stop() {
      if (stopped) return;
      stopped = true;
      running = false;
      observer?.disconnect();
      observer = null;
      viewport?.disconnect();
      viewport = null;
      lifetime.abort();
      if (handle !== null) safe('cancel', () => scheduler.cancel(handle), undefined);
      handle = null;
      for (const rec of records.values()) removeHost(rec);
      records.clear();
      cache.clear();
      roots.clear();
      touched.clear();
      dirty.clear();
      near.clear();
      walks.length = 0;
    },
    refresh(rerender = false) {
      if (rerender) rerenderAll = true;
      for (const rec of records.values()) {
        rec.hash = -1;
        markDirty(rec.el);
      }
      schedule();
    },
    setAnalyzer(next) {
      analyze = next;
      cache.clear();
      for (const rec of records.values()) {
        rec.hash = -1;
        markDirty(rec.el);
      }
      schedule();
    },
    setThresholds(next) {
      thresholds = next;
      // Cheap (no text, no engine): done synchronously so the page updates at once.
      for (const rec of records.values()) {
        if (rec.raw && rec.post) applyVerdict(rec);
      }
      if (findingsChanged) {
        findingsChanged = false;
        safe('onFindingsChanged', () => options.onFindingsChanged?.(), undefined);
      }
    },
    rescan(root) {
      roots.add((root as Node | undefined) ?? rootNode);
      schedule();
    },
    findings() {
      const out: Finding[] = [];
      for (const rec of records.values()) {
        if (rec.host && rec.post && rec.verdict && rec.el.isConnected)
          out.push({ post: rec.post, verdict: rec.verdict, host: rec.host });
      }
      return out.sort(
        (a, b) => RISK_ORDER[b.verdict.risk] - RISK_ORDER[a.verdict.risk] || b.verdict.score - a.verdict.score,
      );
    },
    checkedCount() {
      let n = 0;
      for (const rec of records.values()) if (rec.raw) n++;
      return n;
    },
    idle() {
      return !hasWork();
    },
  };
}
