// LokerAman runs on pages written by scammers. These tests serve hostile pages at a real supported URL and
// check that nothing in a post executes, the page cannot hide or fake our UI, errors never reach the page,
// and the extension makes no request that carries what the user reads.
import { readFileSync } from 'node:fs';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULES_URL } from '../../src/shared/settings';
import { type ExtensionSession, launchWithExtension, serveAt } from './harness';

const HOSTILE_URL = 'https://www.facebook.com/groups/lokeraman.hostile/';
const STORM_URL = 'https://www.facebook.com/groups/lokeraman.storm/';

// Post text as the page shows it: HTML-escaped, so these are characters on screen, not markup.
const HOSTILE_TEXT =
  'LOWONGAN ADMIN KAMBOJA gaji 20 juta, tanpa pengalaman, tiket & visa ditanggung, berangkat minggu ini! ' +
  '<img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script> ' +
  '<a href="javascript:window.__pwned=3">daftar</a> Hubungi WA +855 12 345 678';
const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const HOSTILE_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>hostile</title>
<style>
  /* A scam page trying to hide or restyle LokerAman's UI. */
  lokeraman-warning, [data-lokeraman-risk], [data-lokeraman-dialog] { display: none !important; visibility: hidden !important; opacity: 0 !important; }
  * { font-size: 1px !important; color: white !important; }
</style></head><body>
<div role="feed">
  <div aria-posinset="1"><a href="/groups/lokeraman.hostile/posts/9001/">1 j</a>
    <div data-ad-rendering-role="story_message"><div dir="auto">${escapeHtml(HOSTILE_TEXT)}</div></div>
  </div>
  <div aria-posinset="2"><a href="/groups/lokeraman.hostile/posts/9002/">2 j</a>
    <div data-ad-rendering-role="story_message"><div dir="auto">Info kerja: toko roti di Bandung cari kasir, gaji UMR, kirim lamaran ke toko langsung.</div></div>
    <!-- A fake "badge" that looks like ours, planted on a harmless post to make it look flagged. -->
    <lokeraman-warning data-lokeraman-risk="high" data-lokeraman-post-id="facebook:9002" data-lokeraman-site="facebook">⚠ Waspada</lokeraman-warning>
  </div>
</div>
<script>window.__pageTicks = 0; setInterval(() => { window.__pageTicks++; }, 50);</script>
</body></html>`;

const STORM_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>storm</title></head><body>
<div role="feed" id="feed"></div>
<script>
  window.__pageErrors = [];
  window.onerror = (message) => { window.__pageErrors.push(String(message)); };
  window.addEventListener('unhandledrejection', (event) => window.__pageErrors.push('rejection: ' + event.reason));
  window.__pageWork = 0;
  const feed = document.getElementById('feed');
  const lure = 'Dibutuhkan admin CS di Kamboja, gaji 1500 USD, tanpa pengalaman, tiket ditanggung. WA +855 12 345 678 #';
  let n = 0;
  function post(text) {
    const wrapper = document.createElement('div');
    wrapper.setAttribute('aria-posinset', String(++n));
    wrapper.innerHTML = '<a href="/groups/lokeraman.storm/posts/' + n + '/">x</a><div data-ad-rendering-role="story_message"><div dir="auto"></div></div>';
    wrapper.querySelector('[dir="auto"]').textContent = text;
    // Throwing getters on the page's side of the DOM: our isolated world must not trip over them.
    Object.defineProperty(wrapper, 'textContent', { get() { throw new Error('hostile getter'); } });
    Object.defineProperty(wrapper, 'innerText', { get() { throw new Error('hostile getter'); } });
    return wrapper;
  }
  let rounds = 0;
  const storm = setInterval(() => {
    rounds++;
    for (let i = 0; i < 40; i++) {
      const node = post(i % 7 === 0 ? lure + n : 'Jual sepatu bekas ukuran 40, kondisi bagus, harga nego ' + n);
      feed.appendChild(node);
      if (i % 3 === 0) node.remove();                       // detached right after insertion
      if (i % 5 === 0) node.querySelector('[dir="auto"]').textContent += ' diedit';
    }
    while (feed.children.length > 200) feed.firstElementChild.remove();
    window.__pageWork++;
    if (rounds >= 40) clearInterval(storm);
  }, 25);
</script></body></html>`;

describe('hostile pages', () => {
  let session: ExtensionSession;
  const requests: Request[] = [];

  beforeAll(async () => {
    session = await launchWithExtension();
    session.context.on('request', (request) => requests.push(request));
    // Everything on the network is answered locally; the rules URL gets a 404 so the update check ends.
    await session.context.route(/^https?:\/\//, (route) => route.fulfill({ status: 404, body: '' }));
    await serveAt(session.context, `${HOSTILE_URL}**`, HOSTILE_PAGE);
    await serveAt(session.context, `${STORM_URL}**`, STORM_PAGE);
  });
  afterAll(async () => session?.close());

  const ourHost = (page: Page, id: string) => page.locator(`lokeraman-warning[data-lokeraman-post-id="${id}"]`);

  it('renders hostile post text as text, keeps our badge visible and opens the dialog', async () => {
    const page = await session.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(HOSTILE_URL);
    const host = ourHost(page, 'facebook:9001').filter({ has: page.locator('.la-badge') });
    await host.first().waitFor({ state: 'attached', timeout: 30_000 });
    // Our host still takes up space and its badge is visible despite the page's !important rules.
    const badge = host.first().locator('.la-badge-button');
    await badge.waitFor({ state: 'visible', timeout: 10_000 });
    const box = await badge.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThanOrEqual(44);
    await badge.click();
    const dialog = page.locator('[data-lokeraman-dialog]');
    await dialog.waitFor({ state: 'visible' });
    const shown = (await dialog.locator('.la-post').textContent()) ?? '';
    expect(shown).toContain('<img src=x onerror="window.__pwned=1">');
    expect(shown).toContain('<script>window.__pwned=2</script>');
    // Nothing executed, in the page or inside our UI.
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await dialog.locator('img, script, a[href^="javascript:"]').count()).toBe(0);
    expect(pageErrors).toEqual([]);
    // The page's own scripts keep running.
    const ticks = await page.evaluate(() => (window as unknown as { __pageTicks: number }).__pageTicks);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pageTicks: number }).__pageTicks)).toBeGreaterThan(
      ticks,
    );
    await page.keyboard.press('Escape');
    await page.close();
  });

  it('puts the hostile text into the report package as text', async () => {
    const page = await session.context.newPage();
    await page.goto(HOSTILE_URL);
    const badge = ourHost(page, 'facebook:9001').locator('.la-badge-button').first();
    await badge.waitFor({ state: 'visible', timeout: 30_000 });
    await badge.click();
    const dialog = page.locator('[data-lokeraman-dialog]');
    await dialog.locator('[data-action="help"]').first().click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.locator('[data-action="save"]').click(),
    ]);
    const report = readFileSync((await download.path()) as string, 'utf8');
    expect(report).toContain('<script>window.__pwned=2</script>');
    expect(report).toContain('javascript:window.__pwned=3');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.close();
  });

  it('is not fooled by a fake badge the page planted on a harmless post', async () => {
    const page = await session.context.newPage();
    await page.goto(HOSTILE_URL);
    await ourHost(page, 'facebook:9001').locator('.la-badge').first().waitFor({ state: 'attached', timeout: 30_000 });
    // The planted element has no shadow root of ours: our UI never adopted it.
    const planted = await ourHost(page, 'facebook:9002').evaluateAll((nodes) =>
      nodes.map((node) => node.shadowRoot !== null),
    );
    expect(planted).toEqual([false]);
    await page.close();
  });

  it('survives mutation storms, detached nodes and throwing getters without an error reaching the page', async () => {
    const page = await session.context.newPage();
    await page.goto(STORM_URL);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __pageWork: number }).__pageWork), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(40);
    // Lures that stayed in the feed still get verdicts.
    await expect
      .poll(() => page.locator('lokeraman-warning[data-lokeraman-risk]').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { __pageErrors: string[] }).__pageErrors)).toEqual([]);
    await page.close();
  });

  it('sends nothing the user reads: the only automatic request is the rule-update URL', async () => {
    // Use the extension's own pages too: the popup's findings and the options page's "check now".
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/src/ui/popup/index.html`);
    await popup.waitForTimeout(500);
    await popup.close();
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/src/ui/options/index.html`);
    await options.click('[data-testid="rules-check-now"]');
    await expect.poll(() => options.isEnabled('[data-testid="rules-check-now"]'), { timeout: 30_000 }).toBe(true);
    await options.close();
    const extensionOrigin = `chrome-extension://${session.extensionId}`;
    const ours = requests.filter((request) => {
      const url = request.url();
      if (url.startsWith(extensionOrigin) || url.startsWith('data:') || url.startsWith('blob:')) return false;
      // Documents the test itself opened (and their same-page subresources) are the page's, not ours.
      if (url.startsWith(HOSTILE_URL) || url.startsWith(STORM_URL)) return false;
      return true;
    });
    // The service worker's own fetch was seen, so the recording covers the extension's requests.
    expect(ours.map((request) => request.url())).toContain(DEFAULT_RULES_URL);
    for (const request of ours) {
      expect(request.url(), 'unexpected request from the extension').toMatch(
        new RegExp(`^${DEFAULT_RULES_URL.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\.sig)?$`),
      );
      expect(request.method()).toBe('GET');
      expect(request.postData() ?? '').toBe('');
    }
    for (const request of requests) {
      const url = decodeURIComponent(request.url()).toLowerCase();
      expect(url).not.toContain('kamboja');
      expect(request.postData() ?? '').not.toContain('Kamboja');
    }
  });
});
