// The Firefox build (dist/firefox) in real Firefox ESR: installed as an add-on through WebDriver BiDi, its
// content script flags a lure on a Facebook-style page served at the real URL, the lazily loaded dialog and
// report view work, the popup talks to the background (findings for the tab) and checks pasted text, and a
// sensitivity change on the options page reaches the open tab through storage. One browser for the whole file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type RuleBundle } from '../../src/engine/index';
import partsJson from '../../src/generated/rules.parts.json';
import { destinationFromPost, helpChannels } from '../../src/shared/channels';
import { groupReasons } from '../../src/ui/warning/reasons';
import { thresholdsFor } from '../../src/shared/settings';
import { hashId } from '../../src/sites/shared';
import { type FirefoxSession, launchFirefoxWithExtension, risksOn, serveDocuments } from './firefox-harness';
import { facebookFeedPage, poll, ROOT } from './harness';

const FEED_URL = 'https://www.facebook.com/groups/lokeraman.firefox/';
const LURE =
  'Lowongan kerja luar negeri! Dicari operator komputer untuk perusahaan online di Kamboja. Gaji 15 juta per bulan, tanpa pengalaman, tiket pesawat dan visa ditanggung. Berangkat secepatnya, hubungi WA +855 12 345 678.';
// Between the strict and the relaxed medium thresholds (checked in beforeAll).
const MEDIUM = 'Lowongan admin CS di Thailand, tiket ditanggung. Minat chat WA.';
const LEGIT =
  'Dicari staf administrasi untuk kantor cabang di Surabaya. Pendidikan minimal S1, gaji sesuai UMR, kirim lamaran ke email HRD.';
// Posts without a permalink get an id hashed from their text, as the adapter does.
const LURE_ID = hashId('facebook', LURE);
const MEDIUM_ID = hashId('facebook', MEDIUM);
const LEGIT_ID = hashId('facebook', LEGIT);
const POPUP = 'src/ui/popup/index.html';
const OPTIONS = 'src/ui/options/index.html';
const bundle = JSON.parse(readFileSync(join(ROOT, 'src/generated/rules.bundle.json'), 'utf8')) as RuleBundle;
const engine = createEngine(bundle);

const flagged = expect.arrayContaining([expect.stringMatching(/^(medium|high)$/)]);
const relevantErrors = (errors: string[]) => errors.filter((e) => !/Failed to load resource|404/.test(e));

/** The country in the stored settings, read from an extension page (null while nothing is stored). */
const storedCountry = (extensionPage: Page) =>
  extensionPage.evaluate(async () => {
    const api = (
      globalThis as unknown as {
        browser: { storage: { sync: { get(key: string): Promise<{ settings?: { country?: string } }> } } };
      }
    ).browser;
    return (await api.storage.sync.get('settings')).settings?.country ?? null;
  });

/** An element inside the lure's warning host (puppeteer's `>>>` pierces the open shadow root). */
const inWarning = (page: Page, selector: string) =>
  page.waitForSelector(`lokeraman-warning[data-lokeraman-post-id="${LURE_ID}"] >>> ${selector}`, {
    visible: true,
    timeout: 15_000,
  }) as Promise<ElementHandle<Element>>;

describe('extension in Firefox', () => {
  let session: FirefoxSession;
  let feed: Page;

  beforeAll(async () => {
    const score = engine.analyze(MEDIUM).score;
    expect(score, 'precondition: medium text between the strict and relaxed thresholds').toBeGreaterThanOrEqual(
      thresholdsFor('strict', bundle.thresholds).medium,
    );
    expect(score).toBeLessThan(thresholdsFor('relaxed', bundle.thresholds).medium);
    session = await launchFirefoxWithExtension();
    // This Firefox speaks en-US, so the add-on would default to the US, which has no verified channels yet:
    // the user picks Indonesia on the options page first.
    const options = await session.openExtensionPage(OPTIONS);
    // The install-time race: the user's first choice is made while the background is still starting
    // up. It must stick (the background writes no defaults over it), so nothing waits for the install.
    await options.waitForSelector('#country', { timeout: 10_000 });
    await options.select('#country', 'ID');
    await poll(
      () => storedCountry(options),
      (country) => country === 'ID',
      'country ID to be stored',
    );
    await options.close();
    feed = await session.newPage();
    await serveDocuments(feed, [[FEED_URL, facebookFeedPage([LURE, MEDIUM, LEGIT])]]);
    await feed.goto(FEED_URL);
  });
  afterAll(async () => session?.close());

  it('installs the add-on and flags the lures, not the legit post, at the real site URL', async () => {
    expect(session.addonId).toBe('lokeraman@lokeraman.org');
    await poll(
      () => risksOn(feed, LURE_ID),
      (r) => r.includes('high'),
      'the lure to be flagged high',
    );
    expect(await risksOn(feed, LURE_ID)).toHaveLength(1);
    expect(await risksOn(feed, MEDIUM_ID)).toEqual(['medium']);
    expect(await risksOn(feed, LEGIT_ID)).toEqual([]);
  });

  it('opens the lazily loaded dialog with the engine’s reasons and the matched words marked', async () => {
    await (await inWarning(feed, '.la-badge-button')).click();
    const dialog = await inWarning(feed, '[data-lokeraman-dialog]');
    const lang = (await dialog.evaluate((el) => el.closest('[lang]')?.getAttribute('lang') ?? '')) as 'id' | 'en';
    expect(['id', 'en']).toContain(lang);
    const postText = await dialog.$eval('.la-post', (el) => el.textContent ?? '');
    expect(postText).toContain('Kamboja');
    const verdict = engine.analyze(postText, { url: FEED_URL, site: 'facebook', links: [], uiLang: lang });
    const titles = await dialog.$$eval('.la-reasons .la-flag-title', (els) => els.map((el) => el.textContent));
    expect(titles).toEqual(groupReasons(verdict.flags, partsJson).top.map((r) => r.flag.title));
    expect(await dialog.$$eval('mark', (els) => els.length)).toBeGreaterThan(0);
  });

  it('report view lists the official channels for Indonesia before departure, with contact links', async () => {
    await (await inWarning(feed, '[data-lokeraman-dialog] [data-action="help"]')).click();
    await inWarning(feed, '[data-view="report"]');
    const shown = await poll(
      () =>
        feed.$$eval(`lokeraman-warning[data-lokeraman-post-id="${LURE_ID}"] >>> [data-channel-id]`, (els) =>
          els.map((el) => ({
            id: el.getAttribute('data-channel-id') ?? '',
            links: Array.from(el.querySelectorAll('a[href]')).map((a) => a.getAttribute('href') ?? ''),
          })),
        ),
      (list) => list.length > 0,
      'channels in the report view',
    );
    expect(shown.map((c) => c.id)).toEqual(
      helpChannels({
        country: 'ID',
        situation: 'before-departure',
        destination: destinationFromPost(undefined, LURE),
      }).map((c) => c.id),
    );
    for (const channel of shown) {
      expect(channel.links.length, channel.id).toBeGreaterThan(0);
      for (const href of channel.links) expect(href).toMatch(/^(https:|tel:|mailto:|sms:)/);
    }
    await feed.keyboard.press('Escape');
  });

  it('popup: the background reports the tab’s findings, and pasted text is checked', async () => {
    let popup = await session.openExtensionPage(POPUP);
    // The feed's tab id, asked from an extension page (the add-on has host access to facebook.com).
    const tabId = await popup.evaluate(async (url) => {
      const api = (
        globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id: number; url?: string }[]> } } }
      ).browser;
      return (await api.tabs.query({})).find((tab) => tab.url === url)?.id ?? -1;
    }, FEED_URL);
    expect(tabId).toBeGreaterThan(0);
    await popup.close();
    popup = await session.openExtensionPage(`${POPUP}?tabId=${tabId}`);
    await poll(
      () => popup.$$eval('[data-lokeraman-findings] li', (els) => els.length),
      (n) => n === 2,
      'two findings (the high and the medium lure) in the popup',
    );
    await popup.type('#check-text', LURE);
    await popup.click('form button[type="submit"]');
    const verdict = await popup.waitForSelector('[data-lokeraman-verdict]', { timeout: 10_000 });
    expect(await verdict?.evaluate((el) => el.getAttribute('data-lokeraman-verdict'))).toBe('high');
    expect(await popup.$$eval('.reasons li', (els) => els.length)).toBeGreaterThanOrEqual(3);
    expect(await popup.$$eval('[data-lokeraman-highlighted] mark', (els) => els.length)).toBeGreaterThan(0);
    await popup.close();
  });

  it('options: a sensitivity change reaches the open tab live and survives a reload', async () => {
    let options = await session.openExtensionPage(OPTIONS);
    await options.waitForSelector('input[name="sensitivity"][value="relaxed"]', { timeout: 10_000 });
    await options.click('input[name="sensitivity"][value="relaxed"]');
    await poll(
      () => risksOn(feed, MEDIUM_ID),
      (r) => r.length === 0,
      'the medium post to lose its warning',
    );
    expect(await risksOn(feed, LURE_ID)).toEqual(flagged);
    await options.close();
    options = await session.openExtensionPage(OPTIONS);
    await options.waitForSelector('input[name="sensitivity"][value="relaxed"]:checked', { timeout: 10_000 });
    await options.click('input[name="sensitivity"][value="normal"]');
    await poll(
      () => risksOn(feed, MEDIUM_ID),
      (r) => r.includes('medium'),
      'the medium warning to come back',
    );
    await options.close();
  });

  it('no errors reached any page', () => {
    expect(relevantErrors(session.errors)).toEqual([]);
  });
});
