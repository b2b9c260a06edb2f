// The surfaces test (surfaces.test.ts) in Firefox ESR: feed, dialog first screen, report, popup and
// options, in Indonesian and English, at 360 px and 1280 px, with screenshots, axe, the 14 px minimum
// and the language-leak check.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FirefoxSession, launchFirefoxWithExtension, serveDocuments } from './firefox-harness';
import { poll, ROOT } from './harness';
import { auditSurface, leaksIn, UPDATE_SCREENSHOTS } from './surface-audit';

const FEED_URL = 'https://www.facebook.com/groups/lokeraman.warning/';
const HOST = 'lokeraman-warning[data-lokeraman-post-id="facebook:7001"]';
const SHOTS = join(ROOT, UPDATE_SCREENSHOTS ? 'docs/screenshots' : 'test-results/screenshots');
const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const FEED = readFileSync(join(ROOT, 'test/fixtures/pages/warning-feed.html'), 'utf8');
const LURE_TEXT =
  'Lowongan kerja luar negeri! Dicari operator komputer untuk perusahaan online di Kamboja. Gaji 15 juta per bulan, tanpa pengalaman, tiket pesawat dan visa ditanggung. Berangkat secepatnya, hubungi WA +855 12 345 678.';
const WIDTHS = [
  { width: 360, height: 740 },
  { width: 1280, height: 900 },
] as const;

type Sync = { get(k: string): Promise<{ settings?: Record<string, unknown> }>; set(v: unknown): Promise<void> };

/** Sets language and country from an extension page (a fresh install stores nothing; readers fill in defaults). */
async function setLanguage(session: FirefoxSession, lang: 'id' | 'en'): Promise<void> {
  const page = await session.openExtensionPage('src/ui/options/index.html');
  await page.evaluate(async (language) => {
    const sync = (globalThis as unknown as { browser: { storage: { sync: Sync } } }).browser.storage.sync;
    const { settings } = await sync.get('settings');
    await sync.set({ settings: { ...(settings ?? {}), language, country: 'ID' } });
  }, lang);
  await poll(
    () =>
      page.evaluate(async () => {
        const sync = (globalThis as unknown as { browser: { storage: { sync: Sync } } }).browser.storage.sync;
        return (await sync.get('settings')).settings?.language;
      }),
    (stored) => stored === lang,
    `language ${lang} to be stored`,
  );
  await page.close();
}

async function axeSerious(page: Page, selector: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async (sel) => {
    const axe = (
      window as unknown as {
        axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string; impact: string }> }> };
      }
    ).axe;
    const target = document.querySelector(sel);
    if (!target) return [`no element ${sel}`];
    const result = await axe.run(target, { resultTypes: ['violations'] });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact})`);
  }, selector);
}

async function audit(page: Page, name: string, rootSelector: string, lang: 'id' | 'en'): Promise<string[]> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`) as `${string}.png`, fullPage: rootSelector === 'body' });
  const problems = (await axeSerious(page, rootSelector)).map((p) => `${name} axe ${p}`);
  const surface = await page.evaluate(auditSurface, { rootSelector, minPx: 14 });
  if (surface.text.length < 20) problems.push(`${name}: no text found under ${rootSelector}`);
  problems.push(...surface.small.map((s) => `${name} small text ${s}`));
  problems.push(...leaksIn(surface.text, lang).map((word) => `${name} ${lang} leak: ${word}`));
  return problems;
}

describe.each(['id', 'en'] as const)('surfaces in Firefox, %s', (lang) => {
  let session: FirefoxSession;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    session = await launchFirefoxWithExtension();
    await setLanguage(session, lang);
  });
  afterAll(async () => session?.close());

  for (const size of WIDTHS) {
    const tag = `${lang}-${size.width}-firefox`;

    it(`feed, dialog first screen and report at ${size.width} px`, async () => {
      const page = await session.newPage();
      await page.setViewport(size);
      await serveDocuments(page, [[FEED_URL, FEED]]);
      await page.goto(FEED_URL);
      await page.waitForSelector(`${HOST} >>> .la-badge`, { visible: true, timeout: 30_000 });
      await page.evaluate((sel) => document.querySelector(sel)?.scrollIntoView({ block: 'center' }), HOST);
      const problems = await audit(page, `feed-${tag}`, HOST, lang);
      await (await page.waitForSelector(`${HOST} >>> .la-badge-button`))?.click();
      await page.waitForSelector(`${HOST} >>> [data-lokeraman-dialog] .la-reasons`, { visible: true, timeout: 15_000 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      problems.push(...(await audit(page, `dialog-${tag}`, HOST, lang)));
      const first = await page.evaluate((sel) => {
        const dlg = document.querySelector(sel)?.shadowRoot?.querySelector('[data-lokeraman-dialog]');
        const help = dlg?.querySelector('.la-sticky [data-action="help"]')?.getBoundingClientRect();
        const reasons = Array.from(dlg?.querySelectorAll('.la-reasons li') ?? []).map((li) => li.getBoundingClientRect());
        return {
          reasons: reasons.filter((box) => help && box.top >= 0 && box.bottom <= help.top + 1).length,
          help: Boolean(help && help.top >= 0 && help.bottom <= window.innerHeight),
        };
      }, HOST);
      expect(first, `first screen ${tag}`).toEqual({ reasons: 3, help: true });
      await (await page.waitForSelector(`${HOST} >>> [data-action="help"]`))?.click();
      await page.waitForSelector(`${HOST} >>> [data-view="report"]`, { visible: true });
      await new Promise((resolve) => setTimeout(resolve, 300));
      problems.push(...(await audit(page, `report-${tag}`, HOST, lang)));
      expect(problems).toEqual([]);
      await page.close();
    });

    it(`popup with a checked offer at ${size.width} px`, async () => {
      const page = await session.openExtensionPage('src/ui/popup/index.html');
      await page.setViewport(size);
      await page.waitForSelector('#check-text');
      await page.type('#check-text', LURE_TEXT);
      await page.click('form button[type="submit"]');
      await page.waitForSelector('[data-lokeraman-verdict]', { timeout: 10_000 });
      expect(await audit(page, `popup-${tag}`, 'body', lang)).toEqual([]);
      await page.close();
    });

    it(`options at ${size.width} px`, async () => {
      const page = await session.openExtensionPage('src/ui/options/index.html');
      await page.setViewport(size);
      await page.waitForSelector('#country', { timeout: 10_000 });
      expect(await audit(page, `options-${tag}`, 'body', lang)).toEqual([]);
      await page.close();
    });
  }
});
