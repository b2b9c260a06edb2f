// The page scanner, in five stages a reader can follow file by file:
//   observe (observe.ts)      MutationObserver batches sorted into work queues, nothing more;
//   find posts (find-posts.ts) the adapter's posts in each new subtree, and open shadow roots to watch;
//   schedule (schedule.ts)    one slice loop, each slice ending at a time budget, so no long task;
//   analyse (analyse.ts)      text → hash → cached or fresh verdict, re-scored for the user's thresholds;
//   render (render.ts)        the warning host inside the post card, in step with the latest verdict.
// This file wires them together and decides the order of work between them (step()).
//
// Nothing here touches extension APIs: index.ts / on-demand.ts inject the analyser, the renderer and
// the settings-derived predicates, which keeps this file testable in happy-dom.
import type { RiskThresholds, Verdict } from '../engine/types';
import type { ExtractedPost, SiteAdapter } from '../sites/types';
import { createPostBook } from './analyse';
import { createPostFinder, enclosing } from './find-posts';
import { OBSERVE_INIT, observeMutations, sortMutations } from './observe';
import { createHostRenderer, type MountHost, type PostRecord } from './render';
import { createPostQueue, createSliceLoop, defaultScheduler, guarded, pageHidden, type Scheduler } from './schedule';

export { MAX_POST_CHARS, riskFor } from './analyse';
export { HOST_TAG, type HostView, type MountHost, type PostRecord } from './render';
export {
  defaultScheduler,
  FALLBACK_TIMEOUT_MS,
  IDLE_TIMEOUT_MS,
  type IdleDeadlineLike,
  type Scheduler,
} from './schedule';

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

/** Shown warnings still on the page, highest risk first. */
function findingsOf(records: Iterable<PostRecord>): Finding[] {
  const out: Finding[] = [];
  for (const rec of records) {
    if (rec.host && rec.post && rec.verdict && rec.el.isConnected)
      out.push({ post: rec.post, verdict: rec.verdict, host: rec.host });
  }
  return out.sort(
    (a, b) => RISK_ORDER[b.verdict.risk] - RISK_ORDER[a.verdict.risk] || b.verdict.score - a.verdict.score,
  );
}

export function createScanner(options: ScannerOptions): Scanner {
  const adapter = options.adapter;
  const log = options.log ?? (() => {});
  const now = options.now ?? (() => performance.now());
  const budget = options.budgetMs ?? 8;
  const isHidden = options.isHidden ?? pageHidden;
  const rootNode: Document | Element | ShadowRoot = options.root ?? document;
  const watching = options.observe !== false;
  const safe = guarded(log, adapter.id);
  // Nodes whose enclosing post may have changed; a Set dedupes repeated mutations within a batch.
  const touched = new Set<Node>();
  let observer: MutationObserver | null = null;
  let pruneNeeded = false;
  let running = false;
  let stopped = false;
  const lifetime = new AbortController();

  const render = createHostRenderer({ adapter, mount: options.mount, now, safe });
  const book = createPostBook({ ...options, render, safe, cacheSize: options.cacheSize ?? 4000 });
  const records = book.records;
  const queue = createPostQueue(safe, () => loop.schedule());
  const finder = createPostFinder({
    adapter,
    rootNode,
    watching,
    isOurHost: render.owns,
    log,
    onPost: (el) => {
      if (!records.has(el)) queue.add(el);
    },
    onShadowRoot: (shadow) => {
      if (observer) safe('observe shadow root', () => observer?.observe(shadow, OBSERVE_INIT), undefined);
    },
  });
  const hasWork = () => finder.hasRoots() || finder.hasWalks() || touched.size > 0 || queue.size() > 0 || pruneNeeded;
  const loop = createSliceLoop({
    scheduler: options.scheduler ?? defaultScheduler(),
    now,
    budgetMs: budget,
    hiddenBudgetMs: Math.max(budget, options.hiddenBudgetMs ?? 40),
    isHidden,
    active: () => running && !stopped,
    hasWork,
    step,
    afterSlice(backlogLeft) {
      reportFindings();
      if (!backlogLeft) book.setRerenderAll(false);
    },
    log,
  });

  function reportFindings(): void {
    if (book.takeFindingsChanged()) safe('onFindingsChanged', () => options.onFindingsChanged?.(), undefined);
  }

  /**
   * One bounded unit of work. New posts first (posts near the viewport before the others), then
   * changed posts, then the walk for open shadow roots, then housekeeping. Checking light-DOM posts
   * before the shadow walk means a large page shows its first verdicts without waiting for a walk
   * over every element.
   */
  function step(): void {
    if (finder.hasRoots()) finder.discoverNext();
    else if (touched.size > 0) {
      // Resolve a batch of changed nodes to their posts; cheap ancestor walks, so do several.
      for (let i = 0; i < 64 && touched.size > 0; i++) {
        const node = touched.values().next().value as Node;
        touched.delete(node);
        const rec = enclosing(node, (el) => records.get(el));
        if (rec) queue.add(rec.el);
      }
    } else if (queue.size() > 0) book.check(queue.take());
    else if (finder.hasWalks()) finder.walkNext();
    else if (pruneNeeded) {
      pruneNeeded = false;
      book.prune();
    }
  }

  function markAllDirty(): void {
    for (const rec of records.values()) {
      rec.hash = -1;
      queue.add(rec.el);
    }
    loop.schedule();
  }

  function onMutations(mutations: MutationRecord[]): void {
    if (stopped) return;
    safe('onMutations hook', () => options.onMutations?.(), undefined);
    if (stopped) return;
    sortMutations(mutations, render.owns, {
      addRoot: (el) => finder.add(el),
      touch: (node) => void touched.add(node),
      prune: () => {
        pruneNeeded = true;
      },
      hostRemovedBySite: (host) => {
        const owner = render.ownerOf(host);
        // Our own removals already cleared rec.host; a site re-render did not.
        if (owner && owner.host === host) queue.add(owner.el);
      },
    });
    if (finder.hasRoots()) loop.soon();
    else loop.schedule();
  }

  /** A tab brought to the front runs its backlog now instead of at its next throttled timer. */
  function onVisibility(): void {
    if (!stopped && running && !isHidden() && hasWork()) loop.runNow();
  }

  return {
    adapter,
    start() {
      if (running || stopped) return;
      running = true;
      if (watching) {
        observer = observeMutations(rootNode, onMutations, log);
        queue.watchViewport();
      }
      const doc = (rootNode as Node).ownerDocument ?? (rootNode as Document);
      const listen = () => doc.addEventListener?.('visibilitychange', onVisibility, { signal: lifetime.signal });
      safe('visibility listener', listen, undefined);
      finder.add(rootNode);
      loop.soon();
    },
    stop() {
      if (stopped) return;
      stopped = true;
      running = false;
      observer?.disconnect();
      observer = null;
      lifetime.abort();
      loop.cancel();
      book.clear();
      finder.clear();
      queue.clear();
      touched.clear();
    },
    refresh(rerender = false) {
      if (rerender) book.setRerenderAll(true);
      markAllDirty();
    },
    setAnalyzer(next) {
      book.setAnalyzer(next);
      markAllDirty();
    },
    setThresholds(next) {
      // Cheap (no text, no engine): done synchronously so the page updates at once.
      book.setThresholds(next);
      reportFindings();
    },
    rescan(root) {
      finder.add((root as Node | undefined) ?? rootNode);
      loop.schedule();
    },
    findings: () => findingsOf(records.values()),
    checkedCount() {
      let n = 0;
      for (const rec of records.values()) if (rec.raw) n++;
      return n;
    },
    idle: () => !hasWork(),
  };
}
