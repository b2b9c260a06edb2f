// `npm start`: build, then open Chromium with the extension loaded on a demo job group served at a real
// Facebook URL (by request interception, so the content script runs exactly as on the site and no
// request leaves the machine). With --headless (or no display) it saves a screenshot instead.
// The demo shows the Indonesian UI (`--lang=en` for English) by setting the extension's own language
// setting: Chromium's --lang does not reach the extension on Linux, which ships only the en-US locale.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist/chrome');
const executablePath = process.env.LOKERAMAN_CHROMIUM ?? '/usr/bin/chromium';
const headless = process.argv.includes('--headless') || (!process.env.DISPLAY && process.platform === 'linux');
const DEMO_URL = 'https://www.facebook.com/groups/lokeraman.demo/';
const langArg = process.argv.find((arg) => arg.startsWith('--lang='))?.slice('--lang='.length) ?? 'id';
const demoLang = langArg === 'en' ? 'en' : 'id';

if (!process.argv.includes('--no-build')) {
  const build = spawnSync('node', [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
}
if (!existsSync(executablePath)) {
  console.error(`Chromium not found at ${executablePath}: apt-get install -y chromium, or set LOKERAMAN_CHROMIUM.`);
  process.exit(1);
}

const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'lokeraman-demo-')), {
  executablePath,
  headless,
  viewport: null,
  args: [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`, '--no-first-run', '--disable-sync', `--lang=${demoLang}`],
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
// A fresh install stores no settings (every reader derives the defaults); write the demo's choice whole.
const stored = await worker.evaluate(
  async ({ language }) => {
    const sync = globalThis.chrome.storage.sync;
    const { settings } = await sync.get('settings');
    await sync.set({ settings: { ...(settings ?? {}), language, country: 'ID' } });
    return (await sync.get('settings')).settings.language;
  },
  { language: demoLang },
);
if (stored !== demoLang) console.warn(`Could not set the demo language (${stored}); the extension uses its default.`);
const demo = readFileSync(join(root, 'scripts/demo/feed.html'), 'utf8');
await context.route('https://www.facebook.com/**', (route) =>
  route.request().resourceType() === 'document'
    ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: demo })
    : route.fulfill({ status: 404, body: '' }),
);
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(DEMO_URL);
if (headless) {
  await page.waitForSelector('lokeraman-warning[data-lokeraman-risk]', { timeout: 15_000 }).catch(() => undefined);
  await page.setViewportSize({ width: 900, height: 1100 });
  const path = join(root, 'test-results/demo.png');
  await page.screenshot({ path, fullPage: true });
  console.log(`No display: saved a screenshot of the demo to ${path}`);
  await context.close();
} else {
  console.log(`Demo open at ${DEMO_URL} (served locally). Close the browser window to stop.`);
  await new Promise((done) => context.on('close', done));
}
