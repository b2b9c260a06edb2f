// Store listing screenshots, made by the e2e run so they always show the current build: the Chrome Web Store
// and AMO both take 1280×800. Each language gets the three moments a job seeker meets: the badge on a post,
// the reasons, and where to report. Written to test-results/store-screenshots/; with
// LOKERAMAN_UPDATE_SCREENSHOTS=1 to store/screenshots/ (the copies the listings upload).
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/shared/settings';
import {
  blockNetwork,
  type ExtensionSession,
  extensionPage,
  launchWithExtension,
  readFixture,
  ROOT,
  serveAt,
} from './harness';

const FEED_URL = 'https://www.facebook.com/groups/lokeraman.warning/';
const LURE_ID = 'facebook:7001';
const SIZE = { width: 1280, height: 800 };
const OUT = join(
  ROOT,
  process.env.LOKERAMAN_UPDATE_SCREENSHOTS === '1' ? 'store/screenshots' : 'test-results/store-screenshots',
);

const host = (page: Page) => page.locator(`lokeraman-warning[data-lokeraman-post-id="${LURE_ID}"]`);
const dialog = (page: Page) => page.locator('[data-lokeraman-dialog]');

/** Width and height from a PNG's IHDR chunk: what the store will see, not what we asked for. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('store listing screenshots (1280×800)', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    session = await launchWithExtension({ viewport: SIZE });
    await blockNetwork(session.context);
    await serveAt(session.context, 'https://www.facebook.com/**', readFixture('test/fixtures/pages/warning-feed.html'));
  });
  afterAll(async () => session?.close());

  for (const lang of ['id', 'en'] as const) {
    it(`badge, reasons and report in ${lang}`, async () => {
      const settings = {
        ...defaultSettings(lang === 'id' ? 'id-ID' : 'en-ID'),
        language: lang,
        country: 'ID' as const,
      };
      await session.worker.evaluate(
        (value) =>
          (
            globalThis as unknown as { chrome: { storage: { sync: { set(v: unknown): Promise<void> } } } }
          ).chrome.storage.sync.set({ settings: value }),
        settings,
      );
      const page = await session.context.newPage();
      await page.setViewportSize(SIZE);
      await page.goto(FEED_URL);
      await host(page).locator('.la-badge').waitFor({ state: 'visible', timeout: 30_000 });
      await host(page).scrollIntoViewIfNeeded();
      const shots = [`1-badge-${lang}.png`, `2-reasons-${lang}.png`, `3-report-${lang}.png`].map((f) => join(OUT, f));
      await page.screenshot({ path: shots[0] });
      await host(page).locator('.la-badge-button').click();
      await dialog(page).waitFor({ state: 'visible' });
      await page.screenshot({ path: shots[1] });
      await dialog(page)
        .getByRole('button', { name: lang === 'id' ? 'Minta bantuan / laporkan' : 'Get help / report' })
        .click();
      await dialog(page).locator('[data-view="report"]').waitFor({ state: 'visible' });
      await page.screenshot({ path: shots[2] });
      for (const file of shots) expect(pngSize(file), file).toEqual(SIZE);
      await page.close();
    });
  }

  it('the options page links to the privacy policy shipped in the package', async () => {
    const options = await session.context.newPage();
    await options.goto(extensionPage(session, 'src/ui/options/index.html'));
    const [policy] = await Promise.all([
      session.context.waitForEvent('page'),
      options.locator('[data-testid="privacy-link"]').click(),
    ]);
    await policy.waitForLoadState();
    expect(policy.url()).toBe(extensionPage(session, 'privacy.html'));
    expect(await policy.locator('h2').allTextContents()).toEqual(['English', 'Bahasa Indonesia']);
    expect(await policy.locator('body').textContent()).toContain('LokerAman collects nothing.');
    await policy.close();
    await options.close();
  });
});
