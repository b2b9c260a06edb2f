// Options page in Chromium: live sensitivity, import/export, persistence across a browser restart,
// repair of a corrupted synced value, accessibility (axe-core, id + en) and a 360 px layout.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type RuleBundle } from '../../src/engine/index';
import { defaultSettings, thresholdsFor } from '../../src/shared/settings';
import { type ExtensionSession, extensionPage, facebookFeedPage, launchWithExtension, ROOT, serveAt } from './harness';

const FEED_URL = 'https://www.facebook.com/groups/loker.test/';
const LURE =
  'Lowongan kerja luar negeri! Dicari operator komputer untuk perusahaan online di Kamboja. Gaji 15 juta per bulan, tanpa pengalaman, tiket pesawat dan visa ditanggung. Berangkat secepatnya, hubungi WA +855 12 345 678.';
// Sits between the strict and relaxed medium thresholds (checked in beforeAll).
const MEDIUM = 'Lowongan admin CS di Thailand, tiket ditanggung. Minat chat WA.';
const bundle = JSON.parse(readFileSync(join(ROOT, 'src/generated/rules.bundle.json'), 'utf8')) as RuleBundle;
const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const OPTIONS = 'src/ui/options/index.html';
const POPUP = 'src/ui/popup/index.html';

declare const chrome: {
  storage: { sync: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } };
};

async function storedSettings(session: ExtensionSession): Promise<Record<string, unknown>> {
  return (await session.worker.evaluate(() => chrome.storage.sync.get('settings'))).settings as Record<string, unknown>;
}

/** axe-core through CDP evaluation: extension pages' CSP forbids injected <script> tags. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const results = (await page.evaluate(() =>
    (globalThis as unknown as { axe: { run(): Promise<unknown> } }).axe.run(),
  )) as { violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown }> }> };
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

describe('options page in Chromium', () => {
  let session: ExtensionSession;
  let profile: string;

  beforeAll(async () => {
    const engine = createEngine(bundle);
    const score = engine.analyze(MEDIUM).score;
    const strict = thresholdsFor('strict', bundle.thresholds);
    const relaxed = thresholdsFor('relaxed', bundle.thresholds);
    expect(score, 'precondition: medium text between strict and relaxed medium thresholds').toBeGreaterThanOrEqual(
      strict.medium,
    );
    expect(score).toBeLessThan(Math.min(relaxed.medium, strict.high));

    profile = mkdtempSync(join(tmpdir(), 'lokeraman-options-'));
    session = await launchWithExtension({ userDataDir: profile, locale: 'en-US' });
    await serveAt(session.context, 'https://www.facebook.com/**', facebookFeedPage([MEDIUM, LURE]));
  });
  afterAll(async () => {
    await session?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('sensitivity changes take effect live in an open tab', async () => {
    const feed = await session.context.newPage();
    await feed.goto(FEED_URL);
    const risks = () =>
      feed.locator('lokeraman-warning').evaluateAll((hosts) => hosts.map((h) => h.getAttribute('data-lokeraman-risk')));
    await expect.poll(async () => (await risks()).includes('high'), { timeout: 15_000 }).toBe(true);

    const options = await session.context.newPage();
    await options.goto(extensionPage(session, OPTIONS));
    await options.locator('input[name="sensitivity"][value="strict"]').check();
    await expect.poll(async () => (await risks()).sort(), { timeout: 10_000 }).toEqual(['high', 'medium']);
    await options.locator('input[name="sensitivity"][value="relaxed"]').check();
    await expect.poll(async () => (await risks()).sort(), { timeout: 10_000 }).toEqual(['high']);
    await options.getByRole('radio', { name: /^Normal/ }).check();
    expect((await storedSettings(session)).sensitivity).toBe('normal');
    await options.close();
    await feed.close();
  });

  it('a bad import file shows a clear error and changes nothing; a good one applies', async () => {
    const options = await session.context.newPage();
    await options.goto(extensionPage(session, OPTIONS));
    await options.locator('input[name="sensitivity"][value="relaxed"]').check();
    await expect.poll(async () => (await storedSettings(session)).sensitivity).toBe('relaxed');
    const before = await storedSettings(session);

    const dir = mkdtempSync(join(tmpdir(), 'lokeraman-import-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({ format: 'lokeraman-settings', settings: { ...before, sensitivity: 'extreme' } }),
    );
    await options.locator('#import-file').setInputFiles(bad);
    const error = options.locator('[data-lokeraman-import-error]');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/invalid values \(When to warn\)\. Nothing was changed/);
    expect(await storedSettings(session)).toEqual(before);

    const notJson = join(dir, 'notes.txt');
    writeFileSync(notJson, 'hello');
    await options.locator('#import-file').setInputFiles(notJson);
    await expect.poll(() => error.textContent()).toMatch(/cannot be read/);

    // Export, then import that file after changing a setting: the export wins.
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export settings' }).click();
    const exported = join(dir, 'export.json');
    await (await download).saveAs(exported);
    expect(JSON.parse(readFileSync(exported, 'utf8')).settings.sensitivity).toBe('relaxed');
    await options.locator('input[name="sensitivity"][value="strict"]').check();
    await expect.poll(async () => (await storedSettings(session)).sensitivity).toBe('strict');
    await options.locator('#import-file').setInputFiles(exported);
    await expect.poll(async () => (await storedSettings(session)).sensitivity).toBe('relaxed');
    expect(await options.locator('[data-lokeraman-import-error]').count()).toBe(0);
    rmSync(dir, { recursive: true, force: true });
    await options.close();
  });

  it('allow list: add a page and an author, see them listed, remove one', async () => {
    const options = await session.context.newPage();
    await options.goto(extensionPage(session, OPTIONS));
    await options.getByRole('combobox', { name: 'Type' }).selectOption('page');
    await options.getByRole('textbox', { name: /Web address/ }).fill('not a url');
    await options.getByRole('button', { name: 'Add', exact: true }).click();
    await options.getByRole('alert').filter({ hasText: 'https://' }).waitFor();
    await options.getByRole('textbox', { name: /Web address/ }).fill('https://www.facebook.com/groups/loker-resmi');
    await options.getByRole('button', { name: 'Add', exact: true }).click();
    await options.getByRole('combobox', { name: 'Type' }).selectOption('author');
    await options.getByRole('textbox', { name: /Author name/ }).fill('Disnaker Kota');
    await options.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => options.locator('[data-lokeraman-allowlist] li').count()).toBe(2);
    await options.getByRole('button', { name: 'Remove Disnaker Kota from the allow list' }).click();
    await expect.poll(() => options.locator('[data-lokeraman-allowlist] li').count()).toBe(1);
    const allowlist = (await storedSettings(session)).allowlist as Array<{ kind: string; value: string }>;
    expect(allowlist.map((e) => [e.kind, e.value])).toEqual([['page', 'https://www.facebook.com/groups/loker-resmi']]);
    await options.close();
  });

  it('reset asks first, then restores defaults', async () => {
    const options = await session.context.newPage();
    await options.goto(extensionPage(session, OPTIONS));
    await options.getByRole('button', { name: 'Reset to defaults' }).click();
    await options.getByRole('button', { name: 'Cancel' }).click();
    expect((await storedSettings(session)).sensitivity).toBe('relaxed');
    await options.getByRole('button', { name: 'Reset to defaults' }).click();
    await options.getByRole('button', { name: 'Yes, reset' }).click();
    await expect.poll(async () => (await storedSettings(session)).sensitivity).toBe('normal');
    expect((await storedSettings(session)).allowlist).toEqual([]);
    await options.close();
  });

  it('settings survive a browser restart, and a corrupted synced value is repaired', async () => {
    const options = await session.context.newPage();
    await options.goto(extensionPage(session, OPTIONS));
    await options.locator('input[name="sensitivity"][value="strict"]').check();
    await options.getByRole('radio', { name: 'Bahasa Indonesia' }).check();
    await expect.poll(async () => (await storedSettings(session)).language).toBe('id');
    await session.close({ keepProfile: true });

    session = await launchWithExtension({ userDataDir: profile, locale: 'en-US' });
    expect(await storedSettings(session)).toMatchObject({ sensitivity: 'strict', language: 'id', version: 1 });
    const page = await session.context.newPage();
    await page.goto(extensionPage(session, OPTIONS));
    await page.locator('h1').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('id');
    await page.close();

    await session.worker.evaluate(() => chrome.storage.sync.set({ settings: { sensitivity: 42 } }));
    await expect.poll(() => storedSettings(session), { timeout: 10_000 }).toEqual(defaultSettings('en-US'));
    // The repair is announced once, in the next page that opens.
    const after = await session.context.newPage();
    await after.goto(extensionPage(session, OPTIONS));
    await after.locator('[data-lokeraman-notice]').waitFor();
    expect(await after.locator('[data-lokeraman-notice]').textContent()).toMatch(/When to warn/);
    await after.reload();
    await after.locator('h1').waitFor();
    await after.waitForTimeout(300);
    expect(await after.locator('[data-lokeraman-notice]').count()).toBe(0);
    await after.close();
  });

  for (const language of ['id', 'en'] as const) {
    it(`popup and options have no serious or critical axe violations (${language})`, async () => {
      await session.worker.evaluate(
        (lang) =>
          chrome.storage.sync
            .get('settings')
            .then((r) => chrome.storage.sync.set({ settings: { ...(r.settings as object), language: lang } })),
        language,
      );
      for (const path of [OPTIONS, POPUP]) {
        const page = await session.context.newPage();
        await page.goto(extensionPage(session, path));
        await page.locator('h1').waitFor();
        await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
        if (path === POPUP) {
          await page.locator('textarea').fill(LURE);
          await page.locator('button[type=submit]').click();
          await page.locator('[data-lokeraman-verdict]').waitFor();
        }
        expect(await seriousViolations(page), `${path} (${language})`).toEqual([]);
        await page.close();
      }
    });
  }

  it('options fit a 360 px wide screen without sideways scrolling', async () => {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(extensionPage(session, OPTIONS));
    await page.locator('fieldset').first().waitFor();
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    await page.screenshot({ path: join(ROOT, 'test-results/screenshots/options-360.png'), fullPage: true });
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? getComputedStyle(el).outlineStyle : 'none';
    });
    expect(focused).not.toBe('none');
    await page.close();
  });
});
