// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../shared/settings';
import {
  type ContentController,
  type ContentDeps,
  createContentController,
  pageAllowlisted,
  pickAdapter,
  postAllowlisted,
  type RulesLike,
} from './controller';
import { HOST_TAG } from './scanner';
import { fakeAdapter, fakeEngine, LEGIT, LURE, tick } from './test-helpers';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await wait(10);
  }
}

describe('content controller', () => {
  let href: string;
  let settings: Settings;
  let settingsListeners: Array<(s: Settings) => void>;
  let messageListener: ((m: unknown) => Promise<unknown> | undefined) | null;
  let sent: unknown[];
  let isAlive: boolean;
  let controller: ContentController;
  let dialogs: unknown[];
  let engine: ReturnType<typeof fakeEngine>;

  const adapter = fakeAdapter({
    matches: ['https://fake.example/*'],
    isPostPage: (url) => url.pathname.startsWith('/feed'),
  });

  function deps(): ContentDeps {
    const rules: RulesLike = {
      engine: { analyze: (text, ctx) => engine.analyze({ id: 'x', text, links: ctx.links ?? [] }) },
      bundle: { version: '2026.1', thresholds: { low: 2, medium: 6, high: 8 } },
    };
    return {
      adapters: [adapter],
      href: () => href,
      loadSettings: async () => settings,
      onSettingsChanged: (cb) => {
        settingsListeners.push(cb);
        return () => settingsListeners.splice(settingsListeners.indexOf(cb), 1);
      },
      getRules: async () => rules,
      onRulesChanged: () => () => {},
      mountWarning: () => ({ update() {}, destroy() {} }),
      openVerdictDialog: (input) => {
        dialogs.push(input);
        return { close() {} };
      },
      send: async (m) => {
        sent.push(m);
      },
      onMessage: (listener) => {
        messageListener = listener;
        return () => {
          messageListener = null;
        };
      },
      alive: () => isAlive,
      browserUiLanguage: () => 'id',
      extensionVersion: '0.1.0',
      win: window,
      isTopFrame: true,
      log: () => {},
      summaryDelayMs: 20,
      pollMs: 20,
    };
  }

  beforeEach(() => {
    document.body.innerHTML = `<main id="feed"><article data-post="a"><p class="body">${LURE}</p></article><article data-post="b"><p class="body">${LEGIT}</p></article></main>`;
    href = 'https://fake.example/feed';
    settings = defaultSettings('id');
    settingsListeners = [];
    messageListener = null;
    sent = [];
    isAlive = true;
    dialogs = [];
    engine = fakeEngine();
  });
  afterEach(() => controller?.stop());

  const hosts = () => document.querySelectorAll(HOST_TAG);

  describe('allowlist matching (issue 15)', () => {
    const page = (value: string) => ({
      ...defaultSettings('id'),
      allowlist: [{ kind: 'page' as const, value, added: 'x' }],
    });
    it('a page entry covers the page and pages under it, not other groups that share its prefix', () => {
      const entry = page('https://www.facebook.com/groups/loker');
      expect(pageAllowlisted(entry, 'https://www.facebook.com/groups/loker')).toBe(true);
      expect(pageAllowlisted(entry, 'https://www.facebook.com/groups/loker/')).toBe(true);
      expect(pageAllowlisted(entry, 'https://www.facebook.com/groups/loker/posts/1')).toBe(true);
      expect(pageAllowlisted(entry, 'https://www.facebook.com/groups/loker?sorting=new')).toBe(true);
      expect(pageAllowlisted(entry, 'https://www.facebook.com/groups/lokerkamboja-vip/')).toBe(false);
      expect(
        pageAllowlisted(
          page('https://www.facebook.com/groups/loker/'),
          'https://www.facebook.com/groups/lokerkamboja-vip/',
        ),
      ).toBe(false);
    });

    it('an author entry applies on its own site only; one without a site matches nowhere', () => {
      const post = { id: 'p1', text: 'x', links: [], author: 'Disnaker' };
      const author = (site?: string) => ({
        ...defaultSettings('id'),
        allowlist: [{ kind: 'author' as const, value: 'Disnaker', ...(site ? { site } : {}), added: 'x' }],
      });
      expect(postAllowlisted(author('facebook'), post, 'facebook')).toBe(true);
      expect(postAllowlisted(author('facebook'), post, 'tiktok')).toBe(false);
      expect(postAllowlisted(author(), post, 'facebook')).toBe(false);
    });
  });

  it('picks adapters by match pattern and isPostPage', () => {
    expect(pickAdapter([adapter], 'https://fake.example/feed/1')).toBe(adapter);
    expect(pickAdapter([adapter], 'https://fake.example/about')).toBeNull();
  });

  it('scans and reports a debounced summary, leaving no marker on <html> (issue 15)', async () => {
    controller = createContentController(deps());
    await controller.start();
    expect(document.documentElement.hasAttribute('data-lokeraman-active')).toBe(false);
    await until(() => hosts().length === 1);
    await until(() => sent.length > 0);
    expect(sent.at(-1)).toMatchObject({ type: 'verdicts/summary', flagged: 1, posts: [{ postId: 'a', site: 'fake' }] });
    const findings = await messageListener?.({ type: 'content/get-findings' });
    expect(findings).toMatchObject({ flagged: 1 });
  });

  it('does nothing on a site the user switched off, and applies switching live', async () => {
    settings = { ...settings, disabledSites: ['fake'] };
    controller = createContentController(deps());
    await controller.start();
    await wait(50);
    expect(hosts()).toHaveLength(0);
    for (const cb of settingsListeners) cb({ ...settings, disabledSites: [] });
    await until(() => hosts().length === 1);
    for (const cb of settingsListeners) cb({ ...settings, disabledSites: ['fake'] });
    expect(hosts()).toHaveLength(0);
  });

  // The flake seen in Chromium: the page was marked active but never got a badge, because a settings
  // write that landed while the content script was still loading (createEngine takes a while on a
  // loaded machine) reached nobody: the listener was only added after the load.
  it('applies a settings change that lands while settings and rules are still loading', async () => {
    settings = { ...settings, disabledSites: ['fake'] };
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const d = deps();
    const loadRules = d.getRules;
    d.getRules = async () => {
      await gate;
      return loadRules();
    };
    controller = createContentController(d);
    const started = controller.start();
    await tick();
    // The stored value was read before this write; only the change event carries the new one.
    for (const cb of settingsListeners) cb({ ...settings, disabledSites: [] });
    release();
    await started;
    await until(() => hosts().length === 1);
  });

  it('uses rules that were updated while the first rules were loading', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let rulesListener: ((rules: RulesLike) => void) | null = null;
    const d = deps();
    const loadRules = d.getRules;
    d.getRules = async () => {
      await gate;
      // Old rules: nothing is a lure.
      const old = await loadRules();
      return {
        ...old,
        engine: { analyze: () => ({ risk: 'none', score: 0, lang: 'id', flags: [], isJobOffer: false }) },
      };
    };
    d.onRulesChanged = (cb) => {
      rulesListener = cb;
      return () => {};
    };
    controller = createContentController(d);
    const started = controller.start();
    await tick();
    (rulesListener as ((rules: RulesLike) => void) | null)?.(await loadRules());
    release();
    await started;
    await until(() => hosts().length === 1);
  });

  it('skips allowlisted pages and posts', async () => {
    settings = { ...settings, allowlist: [{ kind: 'post', value: 'a', site: 'fake', added: '2026-01-01' }] };
    controller = createContentController(deps());
    await controller.start();
    await wait(60);
    expect(hosts()).toHaveLength(0);
    for (const cb of settingsListeners) cb({ ...settings, allowlist: [] });
    await until(() => hosts().length === 1);
    for (const cb of settingsListeners)
      cb({ ...settings, allowlist: [{ kind: 'page', value: 'https://fake.example/feed', added: 'x' }] });
    expect(hosts()).toHaveLength(0);
  });

  it('re-scores on a sensitivity change without re-running the engine', async () => {
    document.querySelector('[data-post="a"] .body')!.textContent = 'Kerja di Kamboja gaji besar tiket ditanggung'; // score 6: medium
    controller = createContentController(deps());
    await controller.start();
    await until(() => hosts().length === 1);
    const calls = engine.calls.length;
    for (const cb of settingsListeners) cb({ ...settings, sensitivity: 'relaxed' }); // medium threshold 7.5
    expect(hosts()).toHaveLength(0);
    for (const cb of settingsListeners) cb({ ...settings, sensitivity: 'strict' }); // high threshold 6.4, medium 4.8
    expect((hosts()[0] as HTMLElement).dataset.lokeramanRisk).toBe('medium');
    expect(engine.calls.length).toBe(calls);
  });

  it('follows SPA navigation to and from a claimed URL', async () => {
    href = 'https://fake.example/about';
    controller = createContentController(deps());
    await controller.start();
    await wait(50);
    expect(hosts()).toHaveLength(0);
    href = 'https://fake.example/feed/2';
    await until(() => hosts().length === 1); // found by the poll/popstate route check
    href = 'https://fake.example/about';
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(hosts()).toHaveLength(0);
  });

  it('tears everything down when the extension context is invalidated', async () => {
    controller = createContentController(deps());
    await controller.start();
    await until(() => hosts().length === 1);
    isAlive = false;
    await until(() => controller.stopped);
    expect(hosts()).toHaveLength(0);
    expect(messageListener).toBeNull();
    expect(settingsListeners).toHaveLength(0);
    expect(document.documentElement.dataset.lokeramanActive).toBeUndefined();
    // No more work on new posts.
    document
      .getElementById('feed')
      ?.insertAdjacentHTML('beforeend', `<article data-post="c"><p class="body">${LURE}</p></article>`);
    await wait(60);
    expect(hosts()).toHaveLength(0);
  });

  it('marks <html> only when asked to (test builds), and unmarks on stop', async () => {
    controller = createContentController({ ...deps(), markPage: true });
    await controller.start();
    expect(document.documentElement.dataset.lokeramanActive).toBe('true');
    controller.stop();
    expect(document.documentElement.hasAttribute('data-lokeraman-active')).toBe(false);
  });

  it('keeps running when the page dispatches the old takeover event (issue 15, point 2)', async () => {
    controller = createContentController(deps());
    await controller.start();
    await until(() => hosts().length === 1);
    document.dispatchEvent(new CustomEvent('lokeraman:content-takeover'));
    window.dispatchEvent(new CustomEvent('lokeraman:content-takeover'));
    await wait(60);
    expect(controller.stopped).toBe(false);
    expect(hosts()).toHaveLength(1);
    // New posts are still checked.
    document
      .getElementById('feed')
      ?.insertAdjacentHTML('beforeend', `<article data-post="c"><p class="body">${LURE} baru</p></article>`);
    await until(() => hosts().length === 2);
  });

  it('reports regex rules the engine skipped for its time budget, once per page', async () => {
    const base = deps();
    const rules: RulesLike = {
      engine: {
        analyze: () => ({
          risk: 'none',
          score: 0,
          lang: 'id',
          flags: [],
          isJobOffer: false,
          overBudget: ['slow-rule'],
        }),
      },
      bundle: { version: '2026.1', thresholds: { low: 2, medium: 6, high: 8 } },
    };
    controller = createContentController({ ...base, getRules: async () => rules });
    await controller.start();
    await until(() => sent.some((m) => (m as { type: string }).type === 'content/error'));
    await wait(60);
    expect(sent.filter((m) => (m as { type: string }).type === 'content/error')).toEqual([
      { type: 'content/error', site: 'fake', message: 'regex rules over the per-post time budget: slow-rule' },
    ]);
  });

  it('checks a selection and opens the verdict dialog', async () => {
    controller = createContentController(deps());
    await controller.start();
    await tick();
    const result = await messageListener?.({ type: 'content/check-selection', text: LURE });
    expect(result).toEqual({ risk: 'high' });
    expect(dialogs).toHaveLength(1);
  });

  it('scrolls to a flagged post', async () => {
    controller = createContentController(deps());
    await controller.start();
    await until(() => hosts().length === 1);
    expect(await messageListener?.({ type: 'content/scroll-to-post', postId: 'a' })).toBe(true);
    expect((hosts()[0] as HTMLElement).style.outline).toContain('solid');
    expect(messageListener?.({ type: 'content/scroll-to-post', postId: 'nope' })).toBeUndefined();
  });
});
