// The content script ships the badge up front and loads the verdict dialog with a dynamic import()
// on first open. Checked in the built extension: the dialog chunk is not in the static graph of the
// content script, it is web-accessible (or Chromium would refuse the import), it loads and renders in
// a real page, and loading it leaves nothing in the page's own DOM.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockNetwork, DIST_CHROME, type ExtensionSession, launchWithExtension, serveAt } from './harness';

const FEED_URL = 'https://www.facebook.com/groups/lokeraman.lazy/';
const LURE =
  'DIBUTUHKAN SEGERA Admin CS online untuk kerja di Kamboja. Gaji 20 juta/bulan, tanpa pengalaman, ' +
  'tiket pesawat + visa + mess ditanggung. Berangkat minggu ini! Minat langsung WA +855 12 345 678';
const PAGE = `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>lazy dialog</title></head><body>
<div role="feed"><div aria-posinset="1"><a href="/groups/lokeraman.lazy/posts/4242/">2 jam</a>
<div data-ad-rendering-role="story_message"><div dir="auto">${LURE}</div></div></div></div></body></html>`;

interface Manifest {
  content_scripts: Array<{ js: string[] }>;
  web_accessible_resources: Array<{ resources: string[] }>;
}

function graph(entry: string[]): { statics: Set<string>; dynamics: Set<string> } {
  const statics = new Set<string>();
  const dynamics = new Set<string>();
  const queue = [...entry];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (statics.has(file)) continue;
    statics.add(file);
    const source = readFileSync(join(DIST_CHROME, file), 'utf8');
    const resolve = (spec: string) =>
      spec.startsWith('.') ? posix.normalize(posix.join(dirname(file), spec)) : spec.replace(/^\//, '');
    for (const m of source.matchAll(
      /(?:import|export)\s*(?:[\w*${}\s,]+from\s*)?["']([^"']+\.js)["']|getURL\(\s*["']([^"']+\.js)["']\s*\)/g,
    )) {
      const target = resolve(m[1] ?? m[2]);
      if (existsSync(join(DIST_CHROME, target))) queue.push(target);
    }
    for (const m of source.matchAll(/import\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g)) dynamics.add(resolve(m[1]));
  }
  return { statics, dynamics };
}

describe('lazily loaded verdict dialog', () => {
  let session: ExtensionSession;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    session = await launchWithExtension();
    await blockNetwork(session.context);
    await serveAt(session.context, 'https://www.facebook.com/**', PAGE);
    page = await session.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    await page.goto(FEED_URL);
  });
  afterAll(async () => session?.close());

  it('is outside the content script static graph and listed as a web-accessible resource', () => {
    const manifest = JSON.parse(readFileSync(join(DIST_CHROME, 'manifest.json'), 'utf8')) as Manifest;
    const { statics, dynamics } = graph(manifest.content_scripts.flatMap((c) => c.js));
    const dialog = [...dynamics].find((file) => /dialog-entry/.test(file));
    expect(dialog).toBeDefined();
    expect(statics.has(dialog as string)).toBe(false);
    // The chunks the content script itself loads carry no Preact and no dialog strings.
    const upFront = [...statics].map((file) => readFileSync(join(DIST_CHROME, file), 'utf8')).join('\n');
    expect(upFront).not.toContain('warning_report_heading');
    expect(upFront).not.toMatch(/Minta bantuan dan laporkan|Get help and report/);
    const accessible = manifest.web_accessible_resources.flatMap((w) => w.resources);
    expect(accessible).toContain(dialog);
  });

  it('loads and renders the dialog on the first click, adding nothing to the page DOM', async () => {
    const button = page.locator('lokeraman-warning .la-badge-button');
    await button.waitFor({ state: 'visible', timeout: 30_000 });
    const before = await page.evaluate(() => document.head.innerHTML);
    await button.click();
    const dialog = page.locator('[data-lokeraman-dialog]');
    await dialog.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await dialog.locator('.la-flag-title').count()).toBeGreaterThan(0);
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await page.evaluate(() => document.head.innerHTML)).toBe(before);
    expect(await page.locator('link[href^="chrome-extension://"]').count()).toBe(0);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', timeout: 10_000 });
    // Second open comes from the loaded module.
    await button.click();
    await dialog.waitFor({ state: 'visible', timeout: 10_000 });
    expect(pageErrors).toEqual([]);
  });
});
