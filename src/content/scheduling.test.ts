// @vitest-environment happy-dom
// When the scanner runs: idle requests that never come (hidden tabs), slices in hidden tabs, a tab
// brought to the front, and posts near the viewport ahead of the backlog.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExtractedPost } from '../sites/types';
import { createScanner, defaultScheduler, FALLBACK_TIMEOUT_MS, type Scanner } from './scanner';
import { fakeAdapter, fakeEngine, LEGIT, LURE, manualScheduler, recordingMount, tick } from './test-helpers';

const post = (id: string, text: string) => `<article data-post="${id}"><p class="body">${text}</p></article>`;

describe('defaultScheduler', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('runs the slice from a timer when the idle callback never comes (background tab)', () => {
    vi.useFakeTimers();
    const cancelled: number[] = [];
    vi.stubGlobal('requestIdleCallback', () => 7); // never calls back
    vi.stubGlobal('cancelIdleCallback', (h: number) => cancelled.push(h));
    const cb = vi.fn();
    defaultScheduler().request(cb);
    vi.advanceTimersByTime(FALLBACK_TIMEOUT_MS - 1);
    expect(cb).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(cb).toHaveBeenCalledTimes(1);
    expect(cancelled).toEqual([7]);
  });

  it('runs the slice once when the idle callback does come, and drops the backstop timer', () => {
    vi.useFakeTimers();
    let idle: ((d: { timeRemaining(): number; didTimeout: boolean }) => void) | null = null;
    vi.stubGlobal('requestIdleCallback', (fn: typeof idle) => {
      idle = fn;
      return 1;
    });
    vi.stubGlobal('cancelIdleCallback', () => {});
    const cb = vi.fn();
    defaultScheduler().request(cb);
    (idle as unknown as (d: { timeRemaining(): number; didTimeout: boolean }) => void)({
      timeRemaining: () => 10,
      didTimeout: false,
    });
    vi.advanceTimersByTime(FALLBACK_TIMEOUT_MS * 2);
    expect(cb).toHaveBeenCalledTimes(1);
  });

  it('skips the idle request entirely while the page is hidden', () => {
    vi.useFakeTimers();
    const ric = vi.fn(() => 1);
    vi.stubGlobal('requestIdleCallback', ric);
    vi.stubGlobal('cancelIdleCallback', () => {});
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    const cb = vi.fn();
    defaultScheduler().request(cb);
    vi.advanceTimersByTime(0);
    expect(ric).not.toHaveBeenCalled();
    expect(cb).toHaveBeenCalledTimes(1);
    visibility.mockRestore();
  });
});

describe('scanner scheduling', () => {
  let sched: ReturnType<typeof manualScheduler>;
  let scanner: Scanner | null = null;
  let clock = 0;
  let checked: string[];

  beforeEach(() => {
    document.body.innerHTML = '<main id="feed"></main>';
    sched = manualScheduler();
    clock = 0;
    checked = [];
  });
  afterEach(() => {
    scanner?.stop();
    scanner = null;
    vi.unstubAllGlobals();
  });

  /** Each engine call costs 3 ms on the fake clock. */
  function make(hidden: () => boolean = () => false): Scanner {
    const engine = fakeEngine();
    scanner = createScanner({
      adapter: fakeAdapter(),
      analyze: (p: ExtractedPost) => {
        clock += 3;
        checked.push(p.id);
        return engine.analyze(p);
      },
      mount: recordingMount().mount,
      shows: (v) => v.risk === 'high' || v.risk === 'medium',
      scheduler: sched.scheduler,
      now: () => clock,
      budgetMs: 8,
      isHidden: hidden,
    });
    return scanner;
  }

  const feed = () => document.getElementById('feed') as HTMLElement;
  const fill = (n: number) => {
    feed().innerHTML = Array.from({ length: n }, (_, i) => post(`p${i}`, `${LEGIT} nomor ${i}`)).join('');
  };

  it('takes bigger slices in a hidden tab, still under the long-task line', async () => {
    fill(30);
    make(() => true).start();
    sched.runOne();
    // 40 ms budget at 3 ms per post: 14 posts in the first slice (8 ms would allow 3).
    expect(checked.length).toBe(14);
    expect(clock).toBeLessThan(50);
  });

  it('runs the backlog at once when the tab comes to the front, without waiting for its timer', async () => {
    fill(6);
    let hidden = true;
    make(() => hidden).start();
    expect(checked).toHaveLength(0);
    hidden = false;
    document.dispatchEvent(new Event('visibilitychange'));
    expect(checked.length).toBeGreaterThan(0);
    // The pending request was replaced, not doubled.
    expect(sched.pending()).toBeLessThanOrEqual(1);
  });

  it('checks posts the IntersectionObserver reports near the viewport before the backlog', async () => {
    let report: ((entries: Array<{ target: Element; isIntersecting: boolean }>) => void) | null = null;
    const observed = new Set<Element>();
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(cb: typeof report) {
          report = cb;
        }
        observe(el: Element) {
          observed.add(el);
        }
        unobserve(el: Element) {
          observed.delete(el);
        }
        disconnect() {
          observed.clear();
        }
      },
    );
    fill(20);
    feed().insertAdjacentHTML('beforeend', post('seen', LURE));
    make().start();
    sched.runOne(); // discovery + the first few posts in document order
    const first = [...checked];
    expect(first).not.toContain('seen');
    const target = document.querySelector('[data-post="seen"]') as Element;
    expect(observed.has(target)).toBe(true);
    (report as ((entries: Array<{ target: Element; isIntersecting: boolean }>) => void) | null)?.([
      { target, isIntersecting: true },
    ]);
    await tick();
    sched.runOne();
    expect(checked[first.length]).toBe('seen');
    expect(observed.has(target)).toBe(false);
    while (sched.runOne()) await tick();
    expect(new Set(checked).size).toBe(21);
    expect(observed.size).toBe(0);
  });

  it('gives new content an ordinary task at once, replacing a pending idle request', async () => {
    const calls: string[] = [];
    const queue: Array<{ kind: string; cb: () => void; live: boolean }> = [];
    const scheduler = {
      request(cb: () => void) {
        const h = { kind: 'idle', cb, live: true };
        queue.push(h);
        calls.push('idle');
        return h;
      },
      continue(cb: () => void) {
        const h = { kind: 'task', cb, live: true };
        queue.push(h);
        calls.push('task');
        return h;
      },
      cancel(h: unknown) {
        (h as { live: boolean }).live = false;
      },
    };
    scanner = createScanner({
      adapter: fakeAdapter(),
      analyze: fakeEngine().analyze,
      mount: recordingMount().mount,
      shows: () => true,
      scheduler,
    });
    scanner.start();
    expect(calls).toEqual(['task']); // the first look at the page does not wait for idle time
    queue.shift()?.cb();
    scanner.refresh(); // housekeeping may wait for idle time
    expect(calls.at(-1)).toBe('idle');
    feed().insertAdjacentHTML('beforeend', post('new', LURE));
    await tick(); // mutation records delivered
    expect(calls.at(-1)).toBe('task');
    expect(queue.filter((h) => h.live).map((h) => h.kind)).toEqual(['task']);
  });
});
