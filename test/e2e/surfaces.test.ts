// Every surface a user sees, in Chromium, in Indonesian and English, at phone (360 px) and desktop
// (1280 px) width: the feed with its badge, the dialog's first screen, the report view, the popup with a
// checked offer and the options page. Each gets a screenshot, axe (0 serious/critical), the 14 px
// minimum for text, and the language-leak check. Firefox: surfaces-firefox.test.ts.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../src/shared/settings';
import {
  axeSerious,
  blockNetwork,
  type ExtensionSession,
  extensionPage,
  launchWithExtension,
  readFixture,
  ROOT,
  serveAt,
} from './harness';
import { auditSurface, leaksIn, UPDATE_SCREENSHOTS } from './surface-audit';

const FEED_URL = 'https://www.facebook.com/groups/lokeraman.warning/';
const LURE_ID = 'facebook:7001';
const SHOTS = join(ROOT, UPDATE_SCREENSHOTS ? 'docs/screenshots' : 'test-results/screenshots');
const HOST = `lokeraman-warning[data-lokeraman-post-id="${LURE_ID}"]`;
const LURE_TEXT =
  'Lowongan kerja luar negeri! Dicari operator komputer untuk perusahaan online di Kamboja. Gaji 15 juta per bulan, tanpa pengalaman, tiket pesawat dan visa ditanggung. Berangkat secepatnya, hubungi WA +855 12 345 678.';
const WIDTHS = [
  { width: 360, height: 740 },
  { width: 1280, height: 900 },
] as const;

type SyncArea = { get(k: string): Promise<Record<string, unknown>>; set(v: unknown): Promise<void> };

async function setSettings(session: ExtensionSession, patch: Partial<Settings>): Promise<void> {
  const read = () =>
    session.worker.evaluate(async () => {
      const sync = (globalThis as unknown as { chrome: { storage: { sync: SyncArea } } }).chrome.storage.sync;
      return (await sync.get('settings')).settings ?? null;
    });
  // A fresh install stores nothing (every reader derives the defaults), so write a whole settings object.
  await session.worker.evaluate(
    (value) =>
      (globalThis as unknown as { chrome: { storage: { sync: SyncArea } } }).chrome.storage.sync.set({ settings: value }),
    { ...defaultSettings('id-ID'), ...patch },
  );
  for (let waited = 0; waited < 5_000 && ((await read()) as { language?: string } | null)?.language !== patch.language; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Screenshot, axe, text size and language leaks of one surface; every problem comes back as a line. */
async function audit(page: Page, name: string, rootSelector: string, lang: 'id' | 'en'): Promise<string[]> {
  // Extension pages are shot whole (the popup and options scroll); the in-page surfaces as the viewport shows them.
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: rootSelector === 'body' });
  const problems = (await axeSerious(page, rootSelector)).map((p) => `${name} axe ${p}`);
  const surface = await page.evaluate(auditSurface, { rootSelector, minPx: 14 });
  if (surface.text.length < 20) problems.push(`${name}: no text found under ${rootSelector}`);
  problems.push(...surface.small.map((s) => `${name} small text ${s}`));
  problems.push(...leaksIn(surface.text, lang).map((word) => `${name} ${lang} leak: ${word}`));
  return problems;
}

describe.each(['id', 'en'] as const)('surfaces in Chromium, %s', (lang) => {
  let session: ExtensionSession;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    session = await launchWithExtension({ viewport: { width: 1280, height: 900 } });
    await blockNetwork(session.context);
    await serveAt(session.context, 'https://www.facebook.com/**', readFixture('test/fixtures/pages/warning-feed.html'));
    await setSettings(session, { language: lang, country: 'ID' });
  });
  afterAll(async () => session?.close());

  for (const size of WIDTHS) {
    const tag = `${lang}-${size.width}-chromium`;

    it(`feed, dialog first screen and report at ${size.width} px`, async () => {
      const page = await session.context.newPage();
      await page.setViewportSize(size);
      await page.goto(FEED_URL);
      const host = page.locator(HOST);
      await host.locator('.la-badge').waitFor({ state: 'visible', timeout: 30_000 });
      await host.scrollIntoViewIfNeeded();
      const problems = await audit(page, `feed-${tag}`, HOST, lang);
      await host.locator('.la-badge-button').click();
      const dialog = page.locator('[data-lokeraman-dialog]');
      await dialog.waitFor({ state: 'visible' });
      await page.waitForTimeout(200);
      problems.push(...(await audit(page, `dialog-${tag}`, HOST, lang)));
      // The first screen: three reasons above the sticky help button, nothing scrolled.
      const first = await dialog.evaluate((dlg) => {
        const help = dlg.querySelector('.la-sticky [data-action="help"]')?.getBoundingClientRect();
        const reasons = Array.from(dlg.querySelectorAll('.la-reasons li')).map((li) => li.getBoundingClientRect());
        return {
          reasons: reasons.filter((box) => help && box.top >= 0 && box.bottom <= help.top + 1).length,
          help: Boolean(help && help.top >= 0 && help.bottom <= window.innerHeight),
        };
      });
      expect(first, `first screen ${tag}`).toEqual({ reasons: 3, help: true });
      // Opened sections are audited too (text size, leaks), not only the first screen.
      for (const summary of await dialog.locator('details > summary').all()) await summary.click();
      const opened = await page.evaluate(auditSurface, { rootSelector: HOST, minPx: 14 });
      problems.push(...opened.small.map((s) => `dialog sections ${tag} small text ${s}`));
      problems.push(...leaksIn(opened.text, lang).map((w) => `dialog sections ${tag} ${lang} leak: ${w}`));
      await dialog.locator('[data-action="help"]').click();
      await dialog.locator('[data-view="report"]').waitFor();
      await page.waitForTimeout(200);
      problems.push(...(await audit(page, `report-${tag}`, HOST, lang)));
      expect(problems).toEqual([]);
      await page.close();
    });

    it(`popup with a checked offer at ${size.width} px`, async () => {
      const page = await session.context.newPage();
      await page.setViewportSize(size);
      await page.goto(extensionPage(session, 'src/ui/popup/index.html'));
      await page.locator('#check-text').fill(LURE_TEXT);
      await page.locator('form button[type="submit"]').click();
      await page.locator('[data-lokeraman-verdict]').waitFor();
      const problems = await audit(page, `popup-${tag}`, 'body', lang);
      expect(problems).toEqual([]);
      await page.close();
    });

    it(`options at ${size.width} px`, async () => {
      const page = await session.context.newPage();
      await page.setViewportSize(size);
      await page.goto(extensionPage(session, 'src/ui/options/index.html'));
      await page.locator('#country').waitFor();
      const problems = await audit(page, `options-${tag}`, 'body', lang);
      expect(problems).toEqual([]);
      await page.close();
    });
  }

  it('no page errors on any surface', () => {
    expect(session.errors.filter((e) => !/Failed to load resource|ERR_FAILED|404/.test(e))).toEqual([]);
  });
});
