// Firefox for Android, as close as this machine gets: the Firefox build in Firefox ESR with a phone's user
// agent, a 360×740 window and touch taps, through what a job seeker does there: badge → reasons → report,
// plus the popup and options pages as full pages at that width. What this cannot show (real Fenix UI, the
// missing context menu, the extensions menu) is listed in README (Firefox for Android).
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashId } from '../../src/sites/shared';
import { type FirefoxSession, launchFirefoxWithExtension, risksOn, serveDocuments } from './firefox-harness';
import { facebookFeedPage } from './harness';

/** Firefox for Android's user agent (Fenix 142 on Android 14), as m.facebook.com sees it. */
const ANDROID_UA = 'Mozilla/5.0 (Android 14; Mobile; rv:142.0) Gecko/142.0 Firefox/142.0';
const PHONE = { width: 360, height: 740 };
const FEED_URL = 'https://m.facebook.com/groups/lokeraman.android/';
const LURE =
  'Loker luar negeri! Dicari admin CS untuk perusahaan online di Kamboja. Gaji 15 juta per bulan, tanpa pengalaman, tiket pesawat dan visa ditanggung. Berangkat minggu ini, hubungi WA +855 12 345 678.';
const LEGIT = 'Dicari staf gudang di Bekasi. Pendidikan minimal SMA, gaji UMR, kirim lamaran ke email HRD.';
const LURE_ID = hashId('facebook', LURE);
const LEGIT_ID = hashId('facebook', LEGIT);

const inWarning = (page: Page, selector: string) =>
  page.waitForSelector(`lokeraman-warning[data-lokeraman-post-id="${LURE_ID}"] >>> ${selector}`, {
    visible: true,
    timeout: 15_000,
  }) as Promise<ElementHandle<Element>>;

/** A touch tap at the element's centre (a phone has no mouse), after scrolling it into view. */
async function tap(page: Page, element: ElementHandle<Element>): Promise<void> {
  await element.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const box = await element.boundingBox();
  if (!box) throw new Error('element has no box to tap');
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
}

/** Widest element inside the warning host beyond the viewport: 0 means nothing scrolls sideways. */
function overflow(page: Page): Promise<number> {
  return page.evaluate((id) => {
    const host = document.querySelector(`lokeraman-warning[data-lokeraman-post-id="${id}"]`);
    const root = host?.shadowRoot;
    if (!root) return -1;
    let worst = 0;
    for (const el of Array.from(root.querySelectorAll('*'))) {
      worst = Math.max(worst, el.getBoundingClientRect().right - document.documentElement.clientWidth);
    }
    return Math.max(0, Math.round(worst));
  }, LURE_ID);
}

describe('Firefox for Android (phone window, mobile user agent, touch)', () => {
  let session: FirefoxSession;
  let feed: Page;

  beforeAll(async () => {
    // A phone in Indonesia: its clock says Jakarta, so the default reporting country is Indonesia (the
    // English UI language of Debian's Firefox would otherwise leave the country open).
    session = await launchFirefoxWithExtension(undefined, {
      prefs: { 'general.useragent.override': ANDROID_UA },
      env: { TZ: 'Asia/Jakarta' },
    });
    feed = await session.newPage();
    await feed.setViewport({ ...PHONE, hasTouch: true, isMobile: true });
    await serveDocuments(feed, [[FEED_URL, facebookFeedPage([LURE, LEGIT])]]);
    await feed.goto(FEED_URL);
  });
  afterAll(async () => session?.close());

  it('the page sees a phone: Android user agent and a 360 px wide viewport', async () => {
    expect(await feed.evaluate(() => navigator.userAgent)).toBe(ANDROID_UA);
    expect(await feed.evaluate(() => document.documentElement.clientWidth)).toBeLessThanOrEqual(PHONE.width);
  });

  it('badge → reasons → report by touch, and nothing is wider than the screen', async () => {
    const badge = await inWarning(feed, '.la-badge-button');
    expect(await risksOn(feed, LEGIT_ID)).toEqual([]);
    const badgeBox = await badge.boundingBox();
    expect(badgeBox?.height, 'touch target height').toBeGreaterThanOrEqual(44);
    expect(await overflow(feed)).toBe(0);

    await tap(feed, badge);
    const dialog = await inWarning(feed, '[data-lokeraman-dialog]');
    expect(await dialog.$$eval('.la-flag-title', (els) => els.length)).toBeGreaterThan(0);
    expect(await dialog.$$eval('mark', (els) => els.length)).toBeGreaterThan(0);
    const dialogBox = await dialog.boundingBox();
    expect(dialogBox?.width).toBeLessThanOrEqual(PHONE.width);
    expect(await overflow(feed)).toBe(0);

    await tap(feed, await inWarning(feed, '[data-lokeraman-dialog] .la-btn-primary'));
    await inWarning(feed, '[data-view="report"]');
    let channels: string[] = [];
    for (const until = Date.now() + 15_000; channels.length === 0 && Date.now() < until; ) {
      channels = await feed.$$eval(
        `lokeraman-warning[data-lokeraman-post-id="${LURE_ID}"] >>> [data-channel-id]`,
        (els) => els.flatMap((el) => Array.from(el.querySelectorAll('a[href]'), (a) => a.getAttribute('href') ?? '')),
      );
      if (channels.length === 0) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(channels.length).toBeGreaterThan(0);
    // On a phone these open the dialler, WhatsApp or the mail app directly.
    expect(channels.some((href) => href.startsWith('tel:'))).toBe(true);
    expect(await overflow(feed)).toBe(0);
  });

  it('popup and options work as full pages at phone width', async () => {
    for (const path of ['src/ui/popup/index.html', 'src/ui/options/index.html']) {
      const page = await session.openExtensionPage(path);
      // Size only: switching isMobile/hasTouch makes puppeteer reload, which extension pages do not survive here.
      await page.setViewport(PHONE);
      await page.waitForSelector('main', { timeout: 10_000 });
      const widths = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      expect(widths.scroll, `${path} scrolls sideways`).toBeLessThanOrEqual(widths.client);
      await page.close();
    }
  });

  it('left no page or console errors', () => {
    expect(session.errors.filter((e) => !/Failed to load resource|404/.test(e))).toEqual([]);
  });
});
