// Scanner stage 3, schedule: when work runs. Everything the scanner does goes through one budgeted
// slice loop, so a feed of thousands of posts (or a throttled phone) never produces a long task: a
// slice stops at its time budget, not after a number of posts, and the rest waits for the next task.

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

export function pageHidden(): boolean {
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

export interface SliceLoopOptions {
  scheduler: Scheduler;
  now: () => number;
  /** Milliseconds of work per slice in a visible tab. */
  budgetMs: number;
  /** Milliseconds per slice in a hidden tab (its timers run about once a second). */
  hiddenBudgetMs: number;
  isHidden: () => boolean;
  /** False once the scanner stopped or before it started: nothing gets scheduled. */
  active: () => boolean;
  hasWork: () => boolean;
  /** One bounded unit of work. */
  step: () => void;
  /** After every slice (the scanner reports changed findings here). */
  afterSlice: (backlogLeft: boolean) => void;
  log: (...args: unknown[]) => void;
}

export interface SliceLoop {
  /** A slice in the next idle period (or at the idle timeout). */
  schedule(): void;
  /** A slice in the next ordinary task, replacing a pending idle request: for content about to be seen. */
  soon(): void;
  /** Run a slice now (the tab came to the front), dropping whatever was pending. */
  runNow(): void;
  cancel(): void;
}

export function createSliceLoop(o: SliceLoopOptions): SliceLoop {
  let handle: unknown = null;
  /** Whether the pending slice waits for an idle period (else it is an ordinary task). */
  let handleIsIdle = false;

  function cancel(): void {
    if (handle !== null) {
      const pending = handle;
      try {
        o.scheduler.cancel(pending);
      } catch (error) {
        o.log('[lokeraman] cancel failed', error);
      }
    }
    handle = null;
  }

  function slice(): void {
    handle = null;
    if (!o.active()) return;
    const started = o.now();
    try {
      const limit = o.isHidden() ? o.hiddenBudgetMs : o.budgetMs;
      // The budget is checked before every step: a slice ends by time, however cheap or dear its posts.
      while (o.hasWork() && o.now() - started < limit) o.step();
    } catch (error) {
      o.log('[lokeraman] scanner slice failed', error);
    }
    const backlogLeft = o.hasWork();
    o.afterSlice(backlogLeft);
    if (backlogLeft) continuation();
  }

  function schedule(): void {
    if (handle !== null || !o.active()) return;
    handle = o.scheduler.request(slice);
    handleIsIdle = true;
  }

  function continuation(): void {
    if (handle !== null || !o.active()) return;
    handle = o.scheduler.continue ? o.scheduler.continue(slice) : o.scheduler.request(slice);
    handleIsIdle = false;
  }

  /**
   * New content is what the reader is about to see: its first slice goes in the next ordinary task
   * instead of waiting for an idle period, which a scrolling page may not have for the whole idle
   * timeout. The slice is budgeted like any other, so it cannot become a long task.
   */
  function soon(): void {
    if (!o.active() || !o.scheduler.continue) {
      schedule();
      return;
    }
    if (handle !== null && !handleIsIdle) return;
    cancel();
    continuation();
  }

  function runNow(): void {
    cancel();
    slice();
  }

  return { schedule, soon, runNow, cancel };
}

/** Runs page- or UI-facing code, logging and returning `fallback` when it throws. */
export type Safe = <T>(what: string, fn: () => T, fallback: T) => T;

export function guarded(log: (...args: unknown[]) => void, siteId: string): Safe {
  return (what, fn, fallback) => {
    try {
      return fn();
    } catch (error) {
      log(`[lokeraman] ${siteId}: ${what} failed`, error);
      return fallback;
    }
  };
}

/**
 * Posts waiting for a check. Those the IntersectionObserver reports near the viewport go first, so
 * what the reader is looking at gets its verdict first however long the backlog is.
 */
export function createPostQueue(safe: Safe, onNear: () => void) {
  const dirty = new Set<Element>();
  const near = new Set<Element>();
  let viewport: IntersectionObserver | null = null;

  function onViewport(entries: IntersectionObserverEntry[]): void {
    let added = false;
    for (const entry of entries) {
      if (entry.isIntersecting && dirty.has(entry.target)) {
        near.add(entry.target);
        added = true;
      }
    }
    if (added) onNear();
  }

  return {
    /** Start watching the viewport (where IntersectionObserver exists). */
    watchViewport() {
      if (typeof IntersectionObserver !== 'function') return;
      // One viewport of margin above and below: posts about to scroll in count as near.
      viewport = safe(
        'viewport observer',
        () => new IntersectionObserver(onViewport, { rootMargin: '100% 0px' }),
        null,
      );
    },
    add(el: Element) {
      if (dirty.has(el)) return;
      dirty.add(el);
      if (viewport) safe('observe viewport', () => viewport?.observe(el), undefined);
    },
    has: (el: Element) => dirty.has(el),
    size: () => dirty.size,
    /** The next post to check, near ones first. Only call when size() > 0. */
    take(): Element {
      const el = (near.size > 0 ? near : dirty).values().next().value as Element;
      dirty.delete(el);
      near.delete(el);
      if (viewport) safe('unobserve', () => viewport?.unobserve(el), undefined);
      return el;
    },
    clear() {
      viewport?.disconnect();
      viewport = null;
      dirty.clear();
      near.clear();
    },
  };
}
