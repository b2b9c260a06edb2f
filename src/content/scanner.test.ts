// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createScanner, HOST_TAG, MAX_POST_CHARS, riskFor, type Scanner, type ScannerOptions } from './scanner';
import { fakeAdapter, fakeEngine, LEGIT, LURE, manualScheduler, recordingMount, tick } from './test-helpers';

function post(id: string, text: string, extra = ''): string {
  return `<article data-post="${id}"><p class="body">${text}</p>${extra}</article>`;
}

const hostFor = (id: string, root: ParentNode = document) =>
  root.querySelectorAll(`${HOST_TAG}[data-lokeraman-post-id="${id}"]`);

describe('scanner', () => {
  let sched: ReturnType<typeof manualScheduler>;
  let engine: ReturnType<typeof fakeEngine>;
  let ui: ReturnType<typeof recordingMount>;
  let scanner: Scanner | null;
  let clock: number;

  beforeEach(() => {
    document.body.innerHTML = '<main id="feed"></main>';
    sched = manualScheduler();
    engine = fakeEngine();
    ui = recordingMount();
    scanner = null;
    clock = 0;
  });
  afterEach(() => scanner?.stop());

  function make(overrides: Partial<ScannerOptions> = {}): Scanner {
    scanner = createScanner({
      adapter: fakeAdapter(),
      analyze: engine.analyze,
      mount: ui.mount,
      shows: (v) => v.risk === 'medium' || v.risk === 'high',
      scheduler: sched.scheduler,
      now: () => clock,
      ...overrides,
    });
    return scanner;
  }

  /** Deliver pending mutation records and run every queued slice. */
  async function settle(): Promise<void> {
    for (let i = 0; i < 1000; i++) {
      await tick();
      if (!sched.runOne()) {
        await tick();
        if (sched.pending() === 0) return;
      }
    }
    throw new Error('scanner never settled');
  }

  const feed = () => document.getElementById('feed') as HTMLElement;

  describe('page-planted <lokeraman-warning> elements (issue 15, point 1)', () => {
    const planted = (id: string) =>
      `<lokeraman-warning data-lokeraman-post-id="${id}" data-lokeraman-risk="none" data-lokeraman-site="fake"></lokeraman-warning>`;

    it('still warns when the page planted a host with the post id where ours goes', async () => {
      feed().innerHTML = `<article data-post="a">${planted('a')}<p class="body">${LURE}</p></article>${planted('a')}`;
      make().start();
      await settle();
      // The planted elements plus our own host, which carries the warning UI.
      expect(hostFor('a')).toHaveLength(3);
      expect(ui.mounted.map((m) => m.post.id)).toEqual(['a']);
      expect(scanner?.findings().map((f) => f.post.id)).toEqual(['a']);
    });

    it('scans posts the page wraps in a <lokeraman-warning> element', async () => {
      make().start();
      await settle();
      feed().insertAdjacentHTML('beforeend', `<lokeraman-warning>${post('w', LURE)}</lokeraman-warning>`);
      await settle();
      expect(ui.mounted.map((m) => m.post.id)).toEqual(['w']);
    });
  });

  it('passes on only followable links (no javascript: from an unwrapped link shim)', async () => {
    feed().innerHTML = post('l', LURE);
    make({
      adapter: fakeAdapter({
        extract: (el) => ({
          id: el.getAttribute('data-post') ?? '',
          text: LURE,
          links: ['https://wa.me/1', 'javascript:alert(1)', 'data:text/html,x', 'tel:+85512345678'],
        }),
      }),
    }).start();
    await settle();
    expect(ui.mounted[0]?.post.links).toEqual(['https://wa.me/1', 'tel:+85512345678']);
  });

  it('hands hashing and the engine at most MAX_POST_CHARS of a huge post', async () => {
    feed().innerHTML = post('big', `${LURE} ${'x'.repeat(3 * MAX_POST_CHARS)}`);
    make().start();
    await settle();
    expect(engine.calls).toHaveLength(1);
    expect(engine.calls[0]?.length).toBe(MAX_POST_CHARS);
    expect(ui.mounted[0]?.post.text.length).toBe(MAX_POST_CHARS);
  });

  it('flags lures with one host inside the post, above its text, and leaves legit posts alone', async () => {
    feed().innerHTML = post('a', LURE) + post('b', LEGIT);
    make().start();
    await settle();
    const hosts = hostFor('a');
    expect(hosts).toHaveLength(1);
    const host = hosts[0] as HTMLElement;
    expect(host.parentElement?.getAttribute('data-post')).toBe('a');
    expect(host.nextElementSibling?.className).toBe('body');
    expect(host.dataset.lokeramanRisk).toBe('high');
    expect(host.dataset.lokeramanSite).toBe('fake');
    expect(hostFor('b')).toHaveLength(0);
    expect(ui.mounted).toHaveLength(1);
    expect(scanner?.findings().map((f) => f.post.id)).toEqual(['a']);
  });

  it('examines only added subtrees and batches work into budgeted slices', async () => {
    make({ budgetMs: 8 }).start();
    await settle();
    // Each engine call "costs" 3 ms on the fake clock, so a slice fits at most 3 posts.
    const slow = engine.analyze;
    const sliceSizes: number[] = [];
    let inSlice = 0;
    scanner?.setAnalyzer((p) => {
      clock += 3;
      inSlice++;
      return slow(p);
    });
    for (let i = 0; i < 10; i++) feed().insertAdjacentHTML('beforeend', post(`p${i}`, `${LEGIT} nomor ${i}`));
    await tick();
    while (sched.pending() > 0) {
      inSlice = 0;
      sched.runOne();
      sliceSizes.push(inSlice);
      await tick();
    }
    expect(sliceSizes.reduce((a, b) => a + b, 0)).toBe(10);
    expect(Math.max(...sliceSizes)).toBeLessThanOrEqual(3);
    expect(sliceSizes.length).toBeGreaterThanOrEqual(4);
  });

  it('analyses each distinct text once, even across different posts', async () => {
    feed().innerHTML = post('a', LURE) + post('b', LURE) + post('c', LEGIT);
    make().start();
    await settle();
    expect(engine.calls.filter((t) => t === LURE)).toHaveLength(1);
    expect(hostFor('a')).toHaveLength(1);
    expect(hostFor('b')).toHaveLength(1);
    // Unrelated mutations inside a post do not re-run the engine when the text is the same.
    document.querySelector('[data-post="a"]')?.append(document.createElement('span'));
    await settle();
    expect(engine.calls.filter((t) => t === LURE)).toHaveLength(1);
  });

  it('re-checks a post whose text changed (characterData) and removes the host when it turns benign', async () => {
    feed().innerHTML = post('a', LURE);
    make().start();
    await settle();
    expect(hostFor('a')).toHaveLength(1);
    const text = document.querySelector('[data-post="a"] .body')?.firstChild as Text;
    text.data = LEGIT;
    await settle();
    expect(engine.calls).toContain(LEGIT);
    expect(hostFor('a')).toHaveLength(0);
    expect(ui.mounted[0].destroyed).toBe(true);
    text.data = LURE;
    await settle();
    expect(hostFor('a')).toHaveLength(1);
  });

  it('marks partial posts and re-checks them when "See more" expands the text', async () => {
    feed().innerHTML = post(
      'a',
      'Kerja di Kamboja gaji besar, tiket ditanggung',
      '<button class="more">See more</button>',
    );
    make().start();
    await settle();
    const host = hostFor('a')[0] as HTMLElement;
    expect(host.dataset.lokeramanPartial).toBe('true');
    const article = document.querySelector('[data-post="a"]') as HTMLElement;
    article.querySelector('button.more')?.remove();
    (article.querySelector('.body') as HTMLElement).append(' visa gratis, hubungi wa.me/855');
    await settle();
    const after = hostFor('a');
    expect(after).toHaveLength(1);
    expect((after[0] as HTMLElement).dataset.lokeramanPartial).toBeUndefined();
    expect((after[0] as HTMLElement).dataset.lokeramanRisk).toBe('high');
    expect(ui.mounted[0].updates).toBeGreaterThan(0);
  });

  it('re-inserts the same host when the site re-render removes it, never a second one', async () => {
    feed().innerHTML = post('a', LURE);
    make().start();
    await settle();
    const host = hostFor('a')[0];
    host.remove();
    await settle();
    expect(hostFor('a')).toHaveLength(1);
    expect(hostFor('a')[0]).toBe(host);
    expect(ui.mounted).toHaveLength(1);
    // Many unrelated mutations later there is still exactly one host.
    for (let i = 0; i < 5; i++) document.querySelector('[data-post="a"]')?.append(document.createElement('i'));
    await settle();
    expect(hostFor('a')).toHaveLength(1);
  });

  it('follows a virtualised list that recycles nodes with new text and ids', async () => {
    feed().innerHTML = post('r1', LURE) + post('r2', LEGIT);
    make().start();
    await settle();
    expect(hostFor('r1')).toHaveLength(1);
    // Recycle: same elements, new ids and texts (what react-window style lists do).
    const [first, second] = Array.from(document.querySelectorAll('article'));
    first.setAttribute('data-post', 'r3');
    (first.querySelector('.body') as HTMLElement).textContent = LEGIT;
    second.setAttribute('data-post', 'r4');
    (second.querySelector('.body') as HTMLElement).textContent = LURE;
    await settle();
    expect(hostFor('r1')).toHaveLength(0);
    expect(hostFor('r3')).toHaveLength(0);
    expect(hostFor('r4')).toHaveLength(1);
    expect(hostFor('r4')[0].parentElement).toBe(second);
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
  });

  it('removes the host of a post the site removed', async () => {
    feed().innerHTML = post('a', LURE);
    make().start();
    await settle();
    document.querySelector('[data-post="a"]')?.remove();
    await settle();
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(0);
    expect(ui.mounted[0].destroyed).toBe(true);
    expect(scanner?.findings()).toEqual([]);
  });

  it('scans and observes open shadow roots in added subtrees', async () => {
    make().start();
    await settle();
    const wrapper = document.createElement('div');
    const shadow = wrapper.attachShadow({ mode: 'open' });
    shadow.innerHTML = post('s1', LURE);
    feed().append(wrapper);
    await settle();
    expect(hostFor('s1', shadow)).toHaveLength(1);
    // Posts added later inside the same shadow root are seen too.
    shadow.append(document.createRange().createContextualFragment(post('s2', LURE)));
    await settle();
    expect(hostFor('s2', shadow)).toHaveLength(1);
    // And text changes inside the shadow tree are attributed to the post.
    ((shadow.querySelector('[data-post="s1"] .body') as HTMLElement).firstChild as Text).data = LEGIT;
    await settle();
    expect(hostFor('s1', shadow)).toHaveLength(0);
  });

  it('puts the host first in the post when the adapter names no slot, a stale one, or throws', async () => {
    feed().innerHTML = post('a', LURE) + post('b', LURE.replace('Kamboja', 'Kamboja!')) + post('c', `${LURE}.`);
    const detached = document.createElement('p');
    make({
      adapter: fakeAdapter({
        badgeSlot: (el) => {
          const id = el.getAttribute('data-post');
          if (id === 'a') return null;
          if (id === 'b') return { card: el, before: detached };
          throw new Error('broken adapter');
        },
      }),
    }).start();
    await settle();
    for (const id of ['a', 'b', 'c']) {
      const host = hostFor(id)[0];
      expect(host.parentElement?.getAttribute('data-post')).toBe(id);
      expect(host.previousElementSibling).toBeNull();
    }
  });

  it('puts the host back in its slot when the site re-renders the post body', async () => {
    feed().innerHTML = post('a', LURE);
    make().start();
    await settle();
    const article = document.querySelector('[data-post="a"]') as HTMLElement;
    // A re-render that replaces the card's children drops our host with them.
    article.replaceChildren(...Array.from(article.children).filter((el) => el.tagName !== HOST_TAG.toUpperCase()));
    await settle();
    expect(hostFor('a')).toHaveLength(1);
    expect(hostFor('a')[0].nextElementSibling?.className).toBe('body');
    expect(ui.mounted).toHaveLength(1);
  });

  it('re-scores cached verdicts on a sensitivity change without calling the engine', async () => {
    feed().innerHTML = post('a', 'Kerja di Kamboja gaji besar tiket ditanggung');
    make().start();
    await settle();
    expect(hostFor('a')).toHaveLength(1);
    expect((hostFor('a')[0] as HTMLElement).dataset.lokeramanRisk).toBe('medium');
    const calls = engine.calls.length;
    const changed = vi.fn();
    scanner?.stop();
    // New scanner so onFindingsChanged is observable.
    make({ onFindingsChanged: changed }).start();
    await settle();
    scanner?.setThresholds({ low: 4, medium: 10, high: 14 });
    expect(hostFor('a')).toHaveLength(0);
    scanner?.setThresholds({ low: 1, medium: 2, high: 5 });
    expect((hostFor('a')[0] as HTMLElement).dataset.lokeramanRisk).toBe('high');
    expect(engine.calls.length).toBe(calls + 1);
    expect(changed).toHaveBeenCalled();
  });

  it('honours the allowlist predicate and refresh() re-applies it without re-analysis', async () => {
    feed().innerHTML = post('a', LURE);
    let allowed = false;
    make({ isAllowed: () => allowed }).start();
    await settle();
    expect(hostFor('a')).toHaveLength(1);
    allowed = true;
    scanner?.refresh();
    await settle();
    expect(hostFor('a')).toHaveLength(0);
    allowed = false;
    scanner?.refresh();
    await settle();
    expect(hostFor('a')).toHaveLength(1);
    expect(engine.calls.filter((t) => t === LURE)).toHaveLength(1);
  });

  it('tears down: hosts removed, views destroyed, no more work after stop', async () => {
    feed().innerHTML = post('a', LURE) + post('b', LURE.replace('15', '20'));
    make().start();
    await settle();
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(2);
    scanner?.stop();
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(0);
    expect(ui.mounted.every((m) => m.destroyed)).toBe(true);
    feed().insertAdjacentHTML('beforeend', post('c', LURE));
    await settle();
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(0);
    expect(sched.pending()).toBe(0);
  });

  it('contains errors from a throwing adapter, engine and renderer', async () => {
    const log = vi.fn();
    const bad = fakeAdapter({
      extract(el) {
        if (el.getAttribute('data-post') === 'boom') throw new Error('adapter exploded');
        return fakeAdapter().extract(el);
      },
    });
    let mounts = 0;
    feed().innerHTML = post('boom', LURE) + post('ok', LURE) + post('eng', 'Kamboja gaji tiket visa wa.me ERROR');
    make({
      adapter: bad,
      log,
      analyze: (p) => {
        if (p.text.includes('ERROR')) throw new Error('engine exploded');
        return engine.analyze(p);
      },
      mount: (host, p, v) => {
        mounts++;
        if (mounts === 1) throw new Error('ui exploded');
        return ui.mount(host, p, v);
      },
    }).start();
    await expect(settle()).resolves.toBeUndefined();
    expect(log).toHaveBeenCalled();
    expect(hostFor('boom')).toHaveLength(0);
    expect(hostFor('eng')).toHaveLength(0);
    // The first mount threw; the host still marks the post (the attribute hook is what matters).
    expect(hostFor('ok')).toHaveLength(1);
  });

  it('contains an adapter whose findPosts throws', async () => {
    const log = vi.fn();
    make({
      adapter: fakeAdapter({
        findPosts() {
          throw new Error('selector exploded');
        },
      }),
      log,
    }).start();
    feed().innerHTML = post('a', LURE);
    await expect(settle()).resolves.toBeUndefined();
    expect(log).toHaveBeenCalled();
  });
});

describe('riskFor', () => {
  it('maps scores to levels at the thresholds', () => {
    const t = { low: 2, medium: 5, high: 8 };
    expect([0, 2, 4.9, 5, 8, 20].map((s) => riskFor(s, t))).toEqual(['none', 'low', 'low', 'medium', 'high', 'high']);
  });
});
