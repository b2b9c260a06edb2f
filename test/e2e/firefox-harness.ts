// Set-up for the real-Firefox layer: the built extension from dist/firefox installed into Debian's Firefox ESR
// through WebDriver BiDi (puppeteer-core; Playwright's own Firefox build cannot be downloaded here and cannot
// load extensions), a fixed moz-extension:// UUID so extension pages have a known address, and request
// interception so pages load at their real site URLs with no network.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { ROOT, warningRisksInDocument } from './harness';

/** The shipped Firefox build (hostile-page suite) and the browser-test build (everything else), see harness.ts. */
export const DIST_FIREFOX = join(ROOT, 'dist/firefox');
export const DIST_FIREFOX_TEST = join(ROOT, 'dist/test/firefox');
const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];
export const FIREFOX = process.env.LOKERAMAN_FIREFOX ?? FIREFOX_CANDIDATES.find((path) => existsSync(path)) ?? '';
/** moz-extension:// host of the installed extension; Firefox otherwise picks a random one per profile. */
export const EXTENSION_UUID = '3b0c6a4e-7f5d-4c1e-9a2b-6d8e1f0a5c37';

export function assertFirefoxInstalled(): void {
  if (!FIREFOX || !existsSync(FIREFOX)) {
    throw new Error(
      'Firefox not found (looked for /usr/bin/firefox-esr and /usr/bin/firefox). Install it with: ' +
        'apt-get update && apt-get install -y firefox-esr (or set LOKERAMAN_FIREFOX). Browser tests never download a browser.',
    );
  }
  for (const dir of [DIST_FIREFOX, DIST_FIREFOX_TEST]) {
    if (!existsSync(join(dir, 'manifest.json'))) {
      throw new Error(`${dir} is missing: run \`npm run build\` first (npm test does this for you).`);
    }
  }
}

export interface FirefoxSession {
  browser: Browser;
  addonId: string;
  /** Page errors and console errors from every page opened through `newPage`. */
  errors: string[];
  newPage(): Promise<Page>;
  /** A new tab showing one of the add-on's pages (popup, options), loaded. */
  openExtensionPage(pathAndQuery: string): Promise<Page>;
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

export async function launchFirefoxWithExtension(
  distDir: string = DIST_FIREFOX_TEST,
  options: { prefs?: Record<string, string | number | boolean>; env?: Record<string, string> } = {},
): Promise<FirefoxSession> {
  assertFirefoxInstalled();
  const manifest = JSON.parse(readFileSync(join(distDir, 'manifest.json'), 'utf8'));
  const geckoId: string = manifest.browser_specific_settings.gecko.id;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // lets WebDriver open moz-extension:// pages (popup, options) like a user clicking the toolbar button
    env: { ...process.env, MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1', ...options.env },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
      'intl.accept_languages': 'id-ID, id, en',
      // no update checks, telemetry or remote settings traffic from the test profile
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'extensions.update.enabled': false,
      'services.settings.server': 'data:,',
      ...options.prefs,
    },
  });
  const addonId = await browser.installExtension(distDir);
  const errors: string[] = [];
  const extensionUrl = (path: string) => `moz-extension://${EXTENSION_UUID}/${path}`;
  const newPage = async () => {
    const page = await browser.newPage();
    page.on('pageerror', (error) => errors.push(`pageerror ${page.url()}: ${String(error)}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console ${page.url()}: ${message.text()}`);
    });
    return page;
  };
  const openExtensionPage = async (pathAndQuery: string) => {
    const page = await newPage();
    const url = extensionUrl(pathAndQuery);
    // Firefox moves the tab into the extension process for this load; puppeteer then reports the old frame as
    // detached although the page loads fine, so wait for the document instead of the navigation promise.
    let navigationError: unknown = null;
    void page.goto(url).catch((error: unknown) => {
      if (!/detached/i.test(String(error))) navigationError = error;
    });
    const until = Date.now() + 15_000;
    for (;;) {
      if (navigationError) throw navigationError;
      const state = await page.evaluate(() => `${document.readyState} ${location.href}`).catch(() => 'loading');
      if (state === `complete ${url}`) return page;
      if (Date.now() > until) throw new Error(`${url} did not load (last state: ${state})`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  return { browser, addonId, errors, newPage, openExtensionPage, extensionUrl, close: () => browser.close() };
}

/**
 * Answers every http(s) request of `page`: a URL that starts with one of `documents`' prefixes gets that HTML,
 * anything else a 404, so no request leaves the machine. Extension resources pass through.
 */
export async function serveDocuments(page: Page, documents: Array<[urlPrefix: string, html: string]>): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    const url = request.url();
    if (!/^https?:/.test(url)) {
      void request.continue();
      return;
    }
    // resourceType() is not available over BiDi: the served pages load no sub-resources under their own prefix.
    const served = documents.find(([prefix]) => url.startsWith(prefix));
    void request.respond(
      served
        ? { status: 200, contentType: 'text/html; charset=utf-8', body: served[1] }
        : { status: 404, contentType: 'text/plain', body: '' },
    );
  });
}

/** Risk attributes of our warning hosts for one post (see `warningRisksInDocument`). */
export function risksOn(page: Page, postId: string): Promise<string[]> {
  return page.evaluate(warningRisksInDocument, postId);
}
