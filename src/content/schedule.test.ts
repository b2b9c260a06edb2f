// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createPostQueue, createSliceLoop, guarded, type Scheduler } from './schedule';

function fakeScheduler() {
  const requested: Array<() => void> = [];
  const continued: Array<() => void> = [];
  const cancelled: unknown[] = [];
  const scheduler: Scheduler = {
    request: (cb) => requested.push(() => cb()),
    continue: (cb) => continued.push(cb),
    cancel: (h) => void cancelled.push(h),
  };
  return { scheduler, requested, continued, cancelled };
}

describe('createSliceLoop', () => {
  function setup(work: number, stepCostMs: number) {
    let clock = 0;
    let left = work;
    const steps: number[] = [];
    const after: boolean[] = [];
    const fake = fakeScheduler();
    const loop = createSliceLoop({
      scheduler: fake.scheduler,
      now: () => clock,
      budgetMs: 8,
      hiddenBudgetMs: 40,
      isHidden: () => false,
      active: () => true,
      hasWork: () => left > 0,
      step: () => {
        steps.push(clock);
        clock += stepCostMs;
        left--;
      },
      afterSlice: (backlog) => void after.push(backlog),
      log: () => {},
    });
    return { loop, fake, steps, after, left: () => left };
  }

  it('ends a slice at its time budget, not after a number of steps, and continues in an ordinary task', () => {
    const t = setup(10, 3);
    t.loop.schedule();
    expect(t.fake.requested).toHaveLength(1);
    t.fake.requested[0]();
    // 3 ms steps under an 8 ms budget: steps start at 0, 3, 6; the one at 9 waits for the next slice.
    expect(t.steps).toEqual([0, 3, 6]);
    expect(t.after).toEqual([true]);
    expect(t.fake.continued).toHaveLength(1);
    t.fake.continued[0]();
    expect(t.left()).toBe(4);
  });

  it('replaces a pending idle request with an ordinary task when content is about to be seen', () => {
    const t = setup(1, 1);
    t.loop.schedule();
    t.loop.soon();
    expect(t.fake.cancelled).toHaveLength(1);
    expect(t.fake.continued).toHaveLength(1);
    t.loop.soon();
    expect(t.fake.continued).toHaveLength(1);
  });

  it('keeps scheduling after a step throws, and reports the slice', () => {
    const logged: unknown[] = [];
    const fake = fakeScheduler();
    let calls = 0;
    const loop = createSliceLoop({
      scheduler: fake.scheduler,
      now: () => 0,
      budgetMs: 8,
      hiddenBudgetMs: 40,
      isHidden: () => false,
      active: () => true,
      hasWork: () => calls < 2,
      step: () => {
        calls++;
        throw new Error('boom');
      },
      afterSlice: () => {},
      log: (...args) => void logged.push(args[0]),
    });
    loop.schedule();
    fake.requested[0]();
    expect(logged).toEqual(['[lokeraman] scanner slice failed']);
    expect(fake.continued).toHaveLength(1);
  });
});

describe('createPostQueue', () => {
  it('hands out each element once, deduping repeated adds', () => {
    const queue = createPostQueue(
      guarded(() => {}, 'test'),
      () => {},
    );
    const a = document.createElement('div');
    const b = document.createElement('div');
    queue.add(a);
    queue.add(b);
    queue.add(a);
    expect(queue.size()).toBe(2);
    expect([queue.take(), queue.take()]).toEqual([a, b]);
    expect(queue.size()).toBe(0);
  });
});

describe('guarded', () => {
  it('returns the fallback and logs with the site id when the call throws', () => {
    const logged: unknown[] = [];
    const safe = guarded((...args) => void logged.push(args[0]), 'facebook');
    expect(
      safe(
        'extract',
        () => {
          throw new Error('x');
        },
        42,
      ),
    ).toBe(42);
    expect(safe('extract', () => 7, 42)).toBe(7);
    expect(logged).toEqual(['[lokeraman] facebook: extract failed']);
  });
});
