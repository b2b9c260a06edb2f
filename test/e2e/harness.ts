// Shared set-up for the real-Chromium layer: the built extension from dist/chrome, a fresh profile,
// and request interception so pages load at their real site URLs (content-script `matches` apply
// exactly as in production) with no network.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST_CHROME = join(ROOT, 'dist/chrome');
export const CHROMIUM = process.env.LOKERAMAN_CHROMIUM ?? '/usr/bin/chromium';

export function assertChromiumInstalled(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install it with: apt-get update && apt-get install -y chromium ` +
        '(or set LOKERAMAN_CHROMIUM to a Chromium binary). Browser tests never download a browser.',
    );
  }
  if (!existsSync(join(DIST_CHROME, 'manifest.json'))) {
    throw new Error('dist/chrome is missing: run `npm run build` first (npm test does this for you).');
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
  /** Unpacked extension to load; defaults to dist/chrome. */
  distDir?: string;
  viewport?: { width: number; height: number };
  locale?: string;
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  assertChromiumInstalled();
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'lokeraman-e2e-'));
  const extensionDir = options.distDir ?? DIST_CHROME;
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
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
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
