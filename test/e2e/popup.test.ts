// Toolbar badge, popup and the selection check in Chromium with the built extension. Post texts are
// written for these tests (not corpus rows); their risk under the bundled rules is asserted in Node
// first, so a rule change shows up as a clear precondition failure rather than a confusing UI one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type RuleBundle } from '../../src/engine/index';
import {
  clickToolbarButton,
  type ExtensionSession,
  extensionPage,
  facebookFeedPage,
  launchWithExtension,
  poll,
  ROOT,
  serveAt,
} from './harness';

const LURES = [
  'Lowongan kerja luar negeri! Dicari operator komputer untuk perusahaan online di Kamboja. Gaji 15 juta per bulan, tanpa pengalaman, tiket pesawat dan visa ditanggung. Berangkat secepatnya, hubungi WA +855 12 345 678.',
  'Dicari admin online kerja di luar negeri, gaji besar, tanpa pengalaman. Minat chat WA saja.',
];
const LEGIT =
  'Dicari staf administrasi untuk kantor cabang di Surabaya. Pendidikan minimal S1, gaji sesuai UMR, kirim lamaran ke email HRD.';

const FEED_URL = 'https://www.facebook.com/groups/loker.test/';
const bundle = JSON.parse(readFileSync(join(ROOT, 'src/generated/rules.bundle.json'), 'utf8')) as RuleBundle;

async function tabIdForUrl(session: ExtensionSession, url: string): Promise<number> {
  const id = await poll(
    () =>
      session.worker.evaluate(
        (u) =>
          (
            globalThis as unknown as { __lokeraman: { tabIdForUrl(u: string): Promise<number | null> } }
          ).__lokeraman.tabIdForUrl(u),
        url,
      ),
    (value) => value !== null,
    `a content-script summary from ${url}`,
  );
  return id as number;
}

async function badgeText(session: ExtensionSession, tabId: number): Promise<string> {
  return session.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

async function flaggedHosts(page: Page): Promise<number> {
  return page
    .locator('lokeraman-warning[data-lokeraman-risk="high"], lokeraman-warning[data-lokeraman-risk="medium"]')
    .count();
}

declare const chrome: {
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> };
  storage: { sync: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } };
};

describe('popup, badge and selection check in Chromium', () => {
  let session: ExtensionSession;
  let feed: Page;
  let feedTab: number;

  beforeAll(async () => {
    const engine = createEngine(bundle);
    for (const text of LURES) expect(engine.analyze(text).risk, text).toBe('high');
    expect(['none', 'low']).toContain(engine.analyze(LEGIT).risk);

    session = await launchWithExtension({ locale: 'en-US' });
    await serveAt(session.context, 'https://www.facebook.com/**', facebookFeedPage([LURES[0], LEGIT, LURES[1]]));
    await serveAt(
      session.context,
      'https://example.org/**',
      `<!doctype html><html><head><meta charset="utf-8"><title>Forum</title></head><body><main><article><h2>Info loker</h2><p>${LURES[0]}</p></article><article><p>${LEGIT}</p></article></main></body></html>`,
    );
    feed = await session.context.newPage();
    await feed.goto(FEED_URL);
    await poll(
      () => flaggedHosts(feed),
      (n) => n === 2,
      'two warning hosts on the feed',
    );
    feedTab = await tabIdForUrl(session, FEED_URL);
  });
  afterAll(async () => session?.close());

  it('badge shows the number of flagged posts on the tab', async () => {
    await expect.poll(() => badgeText(session, feedTab), { timeout: 10_000 }).toBe(String(await flaggedHosts(feed)));
  });

  it('popup lists the findings and a pasted lure gets a high verdict with reasons', async () => {
    const popup = await session.context.newPage();
    await popup.setViewportSize({ width: 360, height: 800 });
    await popup.goto(`${extensionPage(session, 'src/ui/popup/index.html')}?tabId=${feedTab}`);
    await expect.poll(() => popup.locator('[data-lokeraman-findings] li').count(), { timeout: 10_000 }).toBe(2);
    await popup.getByLabel(/Paste the text of a job offer/).fill(LURES[0]);
    await popup.getByRole('button', { name: 'Check', exact: true }).click();
    const verdict = popup.locator('[data-lokeraman-verdict]');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-lokeraman-verdict')).toBe('high');
    expect(await popup.locator('.reasons li').count()).toBeGreaterThanOrEqual(3);
    // Evidence is highlighted as <mark> text nodes inside the pasted text.
    expect(await popup.locator('[data-lokeraman-highlighted] mark').count()).toBeGreaterThan(0);
    await popup.screenshot({ path: join(ROOT, 'test-results/screenshots/popup-check-high.png'), fullPage: true });
    // Report opens the same report view as in-page warnings; "missed scam" makes no sense on a warning.
    await popup.getByRole('button', { name: 'Report this offer' }).click();
    await popup.locator('[data-lokeraman-dialog]').first().waitFor();
    await popup.keyboard.press('Escape');
    await expect.poll(() => popup.locator('[data-lokeraman-dialog]').count()).toBe(0);
    expect(await popup.locator('[data-action="missed"]').count()).toBe(0);
    await popup.close();
  });

  it('a news text says it reads like news, and the missed-scam message is shown, editable, e-mail first', async () => {
    const popup = await session.context.newPage();
    await popup.goto(`${extensionPage(session, 'src/ui/popup/index.html')}?tabId=${feedTab}`);
    const news =
      'Polisi menangkap tersangka perekrut yang menjanjikan kerja admin di Kamboja dengan gaji besar. Waspada modus lowongan kerja luar negeri ini, ujarnya.';
    await popup.getByLabel(/Paste the text of a job offer/).fill(news);
    await popup.getByRole('button', { name: 'Check', exact: true }).click();
    await popup.locator('[data-lokeraman-verdict]').waitFor();
    expect(['none', 'low']).toContain(await popup.locator('[data-lokeraman-verdict]').getAttribute('data-lokeraman-verdict'));
    expect(await popup.locator('[data-lokeraman-not-offer]').textContent()).toMatch(/reads like news/);
    expect(await popup.locator('h3', { hasText: /^Why$|^Warning signs$/ }).count()).toBe(0);
    await popup.locator('[data-action="missed"]').click();
    const message = popup.getByLabel('Your message');
    expect(await message.inputValue()).toContain('LokerAman did not warn about this post');
    await message.fill('This is a scam: they asked me for a fee.');
    const email = popup.locator('[data-lokeraman-feedback] .actions a').first();
    expect(await email.getAttribute('data-action')).toBe('email');
    expect(decodeURIComponent((await email.getAttribute('href')) ?? '')).toContain('they asked me for a fee');
    await popup.locator('[data-lokeraman-feedback] summary').click();
    expect(await popup.locator('[data-action="github"]').getAttribute('href')).toMatch(/^https:\/\/github\.com\/.+issues\/new\?/);
    await popup.close();
  });

  it('a legit paste is not flagged', async () => {
    const popup = await session.context.newPage();
    await popup.goto(`${extensionPage(session, 'src/ui/popup/index.html')}?tabId=${feedTab}`);
    await popup.getByLabel(/Paste the text of a job offer/).fill(LEGIT);
    await popup.getByRole('button', { name: 'Check', exact: true }).click();
    const verdict = popup.locator('[data-lokeraman-verdict]');
    await verdict.waitFor();
    expect(['none', 'low']).toContain(await verdict.getAttribute('data-lokeraman-verdict'));
    await popup.close();
  });

  it('switching the site off in the popup removes warnings from the open tab, and back on restores them', async () => {
    const popup = await session.context.newPage();
    await popup.goto(`${extensionPage(session, 'src/ui/popup/index.html')}?tabId=${feedTab}`);
    const toggle = popup.locator('[data-lokeraman-site-toggle="facebook"]');
    await toggle.waitFor();
    expect(await toggle.isChecked()).toBe(true);
    await toggle.uncheck();
    await expect.poll(() => flaggedHosts(feed), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => badgeText(session, feedTab), { timeout: 10_000 }).toBe('');
    await toggle.check();
    await expect.poll(() => flaggedHosts(feed), { timeout: 10_000 }).toBe(2);
    await popup.close();
  });

  it('the context-menu check works on an unsupported page (activeTab + injected checker)', async () => {
    const page = await session.context.newPage();
    await page.goto('https://example.org/forum/thread-1');
    expect(await page.evaluate(() => document.documentElement.dataset.lokeramanActive)).toBeUndefined();
    // A context-menu click grants activeTab; the toolbar button grants the same, and CDP can press it.
    await clickToolbarButton(session, page.url());
    const tabId = await session.worker.evaluate(async (url) => {
      const tabs = await chrome.tabs.query({});
      return tabs.find((tab) => tab.url === url)?.id ?? null;
    }, page.url());
    expect(tabId).not.toBeNull();
    const result = await session.worker.evaluate(
      ({ id, text }) =>
        (
          globalThis as unknown as { __lokeraman: { handleContextMenuCheck(id: number, t: string): Promise<unknown> } }
        ).__lokeraman.handleContextMenuCheck(id, text),
      { id: tabId as number, text: LURES[0] },
    );
    expect(result).toEqual({ ok: true, via: 'injected' });
    await page.locator('[data-lokeraman-dialog]').first().waitFor({ timeout: 10_000 });
    await page.close();
  });

  it('on a supported page the context-menu check goes to the running content script', async () => {
    const result = await session.worker.evaluate(
      ({ id, text }) =>
        (
          globalThis as unknown as { __lokeraman: { handleContextMenuCheck(id: number, t: string): Promise<unknown> } }
        ).__lokeraman.handleContextMenuCheck(id, text),
      { id: feedTab, text: LURES[1] },
    );
    expect(result).toEqual({ ok: true, via: 'content' });
    await feed.locator('[data-lokeraman-dialog]').first().waitFor({ timeout: 10_000 });
    await feed.keyboard.press('Escape');
  });

  it('"Check this page" in the popup checks an unsupported page after a toolbar click', async () => {
    const page = await session.context.newPage();
    await page.goto('https://example.org/forum/thread-3');
    await clickToolbarButton(session, page.url());
    const tabId = await session.worker.evaluate(
      async (url) => (await chrome.tabs.query({})).find((tab) => tab.url === url)?.id ?? null,
      page.url(),
    );
    const popup = await session.context.newPage();
    await popup.goto(`${extensionPage(session, 'src/ui/popup/index.html')}?tabId=${tabId}`);
    await popup.getByRole('button', { name: 'Check this page' }).click();
    await expect
      .poll(() => page.locator('lokeraman-warning[data-lokeraman-risk="high"]').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    if (!popup.isClosed()) await popup.close();
    await page.close();
  });

  it('the selection check without activeTab fails cleanly (no crash, a reason)', async () => {
    const tabIds = async () =>
      (await session.worker.evaluate(() => chrome.tabs.query({}))).map((tab) => tab.id as number);
    const before = new Set(await tabIds());
    const page = await session.context.newPage();
    await page.goto('https://example.org/forum/thread-2');
    const opened = (await tabIds()).filter((id) => !before.has(id));
    expect(opened).toHaveLength(1);
    const result = await session.worker.evaluate(
      ({ id, text }) =>
        (
          globalThis as unknown as { __lokeraman: { handleContextMenuCheck(id: number, t: string): Promise<unknown> } }
        ).__lokeraman.handleContextMenuCheck(id, text),
      { id: opened[0], text: LURES[0] },
    );
    expect(result).toEqual({ ok: false, error: 'no-access' });
    expect(await page.locator('[data-lokeraman-dialog]').count()).toBe(0);
    await page.close();
  });

  it('the badge clears when the tab navigates to a page without findings', async () => {
    await expect.poll(() => badgeText(session, feedTab), { timeout: 10_000 }).toBe('2');
    // Registered later, so it wins over the feed route for this path.
    await serveAt(session.context, 'https://www.facebook.com/groups/empty/**', facebookFeedPage([LEGIT]));
    await feed.goto('https://www.facebook.com/groups/empty/');
    await feed.waitForTimeout(1500);
    expect(await flaggedHosts(feed)).toBe(0);
    await expect.poll(() => badgeText(session, feedTab), { timeout: 10_000 }).toBe('');
  });
});
