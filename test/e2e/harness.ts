// Shared set-up for the real-Chromium layer: the built extension from dist/chrome, a fresh profile,
// and request interception so pages load at their real site URLs (content-script `matches` apply
// exactly as in production) with no network.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Frame, type Page, type Worker } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The shipped Chrome build: the hostile-page suite, the built-manifest check and the bundle-size figures use it. */
export const DIST_CHROME = join(ROOT, 'dist/chrome');
/**
 * The browser-test build of the same code (src/shared/build-flags.ts): open shadow roots the UI tests look into,
 * a readiness marker, the service worker's test hook. Default for launchWithExtension.
 */
export const DIST_CHROME_TEST = join(ROOT, 'dist/test/chrome');
export const CHROMIUM = process.env.LOKERAMAN_CHROMIUM ?? '/usr/bin/chromium';

export function assertChromiumInstalled(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install it with: apt-get update && apt-get install -y chromium ` +
        '(or set LOKERAMAN_CHROMIUM to a Chromium binary). Browser tests never download a browser.',
    );
  }
  for (const dir of [DIST_CHROME, DIST_CHROME_TEST]) {
    if (!existsSync(join(dir, 'manifest.json'))) {
      throw new Error(`${dir} is missing: run \`npm run build\` first (npm test does this for you).`);
    }
  }
}

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  userDataDir: string;
  /** Collected console errors and page errors from every page, for tests that assert silence. */
  errors: string[];
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

export interface LaunchOptions {
  userDataDir?: string;
  /** Unpacked extension to load; defaults to the test build (dist/test/chrome). */
  distDir?: string;
  viewport?: { width: number; height: number };
  locale?: string;
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  assertChromiumInstalled();
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'lokeraman-e2e-'));
  const extensionDir = options.distDir ?? DIST_CHROME_TEST;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: options.locale ?? 'id-ID',
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--lang=${options.locale ?? 'id-ID'}`,
    ],
  });
  const errors: string[] = [];
  context.on('page', (page) => watchErrors(page, errors));
  for (const page of context.pages()) watchErrors(page, errors);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    userDataDir,
    errors,
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile && !options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

function watchErrors(page: Page, errors: string[]): void {
  page.on('pageerror', (error) => errors.push(`pageerror ${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console ${page.url()}: ${message.text()}`);
  });
}

/**
 * Serves `html` for every request to `urlPattern` (a glob like 'https://www.facebook.com/**'), and
 * answers anything else on that origin with 404, so no request leaves the machine.
 */
export async function serveAt(context: BrowserContext, urlPattern: string, html: string): Promise<void> {
  await context.route(urlPattern, (route) => {
    if (route.request().resourceType() === 'document') {
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    }
    return route.fulfill({ status: 404, body: '' });
  });
}

/** Blocks every request that is not to the extension or an explicitly served origin. */
export async function blockNetwork(context: BrowserContext): Promise<string[]> {
  const blocked: string[] = [];
  await context.route(/^https?:\/\//, (route) => {
    blocked.push(route.request().url());
    return route.abort();
  });
  return blocked;
}

export function readFixture(relativePath: string): string {
  return readFileSync(join(ROOT, relativePath), 'utf8');
}

export const extensionPage = (session: ExtensionSession, path: string) =>
  `chrome-extension://${session.extensionId}/${path}`;

/** Grants activeTab the way a toolbar click does (CDP Extensions.triggerAction on the tab target). */
export async function clickToolbarButton(session: ExtensionSession, url: string): Promise<void> {
  const browser = session.context.browser();
  if (!browser) throw new Error('no browser handle for CDP');
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as unknown as {
    targetInfos: Array<{ targetId: string; url: string }>;
  };
  const target = targetInfos.find((info) => info.url === url);
  if (!target) throw new Error(`no tab target for ${url}`);
  await cdp.send('Extensions.triggerAction' as never, { id: session.extensionId, targetId: target.targetId } as never);
  await cdp.detach();
}

/**
 * Runs the on-request check of an unsupported page the way a user does: toolbar click (activeTab),
 * then "Check this page" in the popup for that tab.
 */
export async function checkPageOnRequest(session: ExtensionSession, page: Page): Promise<void> {
  await clickToolbarButton(session, page.url());
  const tabId = await session.worker.evaluate(async (url) => {
    const chrome = (
      globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } } }
    ).chrome;
    return (await chrome.tabs.query({})).find((tab) => tab.url === url)?.id ?? null;
  }, page.url());
  if (tabId === null) throw new Error(`no tab for ${page.url()} after the toolbar click`);
  const popup = await session.context.newPage();
  await popup.goto(`${extensionPage(session, 'src/ui/popup/index.html')}?tabId=${tabId}`);
  await popup
    .locator('[data-action="check-page"], button:has-text("Check this page"), button:has-text("Periksa halaman ini")')
    .first()
    .click();
  // The popup may close itself once the check is sent, so wait on the checked page, not on the popup.
  await page.waitForTimeout(300);
  if (!popup.isClosed()) await popup.close().catch(() => undefined);
}

/** Risk attributes of our warning hosts for `postId` in one document, open shadow roots included. */
/**
 * Risk attributes of our warning hosts for one post, looking through open shadow roots. Runs inside the page
 * (passed to `evaluate` by the Chromium and the Firefox harness), so it must not use anything from outside.
 */
export function warningRisksInDocument(postId: string): string[] {
  const out: string[] = [];
  const visit = (root: Document | ShadowRoot) => {
    for (const host of Array.from(root.querySelectorAll('lokeraman-warning'))) {
      if (host.getAttribute('data-lokeraman-post-id') === postId)
        out.push(host.getAttribute('data-lokeraman-risk') ?? '');
    }
    for (const el of Array.from(root.querySelectorAll('*'))) if (el.shadowRoot) visit(el.shadowRoot);
  };
  visit(document);
  return out;
}

export async function risksIn(target: Page | Frame, postId: string): Promise<string[]> {
  return target.evaluate(warningRisksInDocument, postId).catch(() => [] as string[]);
}

/** The same across every frame of the page (same-origin and cross-origin). */
export async function risksInAllFrames(page: Page, postId: string): Promise<string[]> {
  const risks: string[] = [];
  for (const frame of page.frames()) risks.push(...(await risksIn(frame, postId)));
  return risks;
}

/** A minimal Facebook-style group feed (the attributes the facebook adapter reads), one post per text. */
export function facebookFeedPage(texts: string[]): string {
  const posts = texts
    .map(
      (text, i) =>
        `<div aria-posinset="${i + 1}"><div data-ad-rendering-role="story_message"><div dir="auto">${text}</div></div></div>`,
    )
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Grup Loker</title></head><body><div role="feed">${posts}</div></body></html>`;
}

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's serious and critical violations under `selector`, one line each with the nodes they hit. axe is
 * evaluated rather than injected as a <script>: extension pages' CSP forbids inline scripts, and evaluation works
 * on web pages too.
 */
export async function axeSerious(page: Page, selector: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (sel) => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: unknown,
            opts: unknown,
          ): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown }> }> }>;
        };
      }
    ).axe;
    const target = document.querySelector(sel);
    if (!target) return [`no element ${sel}`];
    const result = await axe.run(target, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${JSON.stringify(v.nodes.map((n) => n.target)).slice(0, 300)}`);
  }, selector);
}

/**
 * Reads until `ok` holds, every 200 ms, for at most `timeout` ms; usable in hooks, where expect.poll is refused.
 * A read that throws (a page still navigating, a frame not there yet) counts as "not yet"; the timeout message
 * gives the last value and the last error.
 */
export async function poll<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  what: string,
  timeout = 15_000,
): Promise<T> {
  const until = Date.now() + timeout;
  for (;;) {
    let error: unknown;
    const value = await read().catch((e: unknown) => {
      error = e;
      return undefined as T;
    });
    if (ok(value)) return value;
    if (Date.now() > until) {
      const cause = error === undefined ? '' : `; last error: ${String(error)}`;
      throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(value)}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
