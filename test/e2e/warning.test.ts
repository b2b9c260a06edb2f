// The warning UI in real Chromium through the whole pipeline: the built extension's content script
// finds a lure in a Facebook-style group page served at its real URL, mounts the badge, and the
// dialog, report view, clipboard, downloads, keyboard handling and accessibility are checked there.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/index';
import type { Verdict } from '../../src/engine/types';
import partsJson from '../../src/generated/rules.parts.json';
import { destinationFromPost, helpChannels } from '../../src/shared/channels';
import { defaultSettings, type Settings } from '../../src/shared/settings';
import { segments } from '../../src/ui/components/highlight';
import { evidenceOf, groupReasons } from '../../src/ui/warning/reasons';
import {
  axeSerious,
  blockNetwork,
  type ExtensionSession,
  launchWithExtension,
  readFixture,
  ROOT,
  serveAt,
} from './harness';

const FEED_URL = 'https://www.facebook.com/groups/lokeraman.warning/';
const LURE_ID = 'facebook:7001';
const LEGIT_ID = 'facebook:7002';
// Working screenshots for this test; the README's come from surfaces.test.ts and surfaces-firefox.test.ts.
const SHOTS = join(ROOT, 'test-results/screenshots');

const host = (page: Page, id = LURE_ID) => page.locator(`lokeraman-warning[data-lokeraman-post-id="${id}"]`);
const badgeButton = (page: Page) => host(page).locator('.la-badge-button');
const dialog = (page: Page) => page.locator('[data-lokeraman-dialog]');

type SyncArea = { get(k: string): Promise<Record<string, unknown>>; set(v: unknown): Promise<void> };
const readStoredSettings = (session: ExtensionSession) =>
  session.worker.evaluate(async () => {
    const sync = (globalThis as unknown as { chrome: { storage: { sync: SyncArea } } }).chrome.storage.sync;
    return ((await sync.get('settings')).settings ?? null) as Settings | null;
  });

async function setSettings(session: ExtensionSession, patch: Partial<Settings>): Promise<void> {
  // No wait for the install to settle: the background never writes defaults over a stored choice.
  const settings = { ...defaultSettings('id-ID'), ...patch };
  await session.worker.evaluate(
    (value) =>
      (globalThis as unknown as { chrome: { storage: { sync: SyncArea } } }).chrome.storage.sync.set({
        settings: value,
      }),
    settings,
  );
  await new Promise((resolve) => setTimeout(resolve, 300));
  const stored = await readStoredSettings(session);
  if (!isDeepStrictEqual(stored, settings)) throw new Error(`settings did not stick: ${JSON.stringify(stored)}`);
}

async function openFeed(session: ExtensionSession, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await session.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(FEED_URL);
  await page.bringToFront();
  await host(page).locator('.la-badge').waitFor({ state: 'visible', timeout: 30_000 });
  return page;
}

/** Element (inside our shadow root) that currently has focus, described for assertions. */
function focusInfo(page: Page) {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return {
      inDialog: Boolean(active?.closest('[data-lokeraman-dialog]')),
      isBadgeButton: Boolean(active?.classList.contains('la-badge-button')),
      text: active?.textContent?.trim() ?? '',
      tag: active?.tagName ?? '',
    };
  });
}

/** Every interactive target in our UI smaller than 44×44 CSS px (radio inputs count through their label). */
async function smallTargets(scope: Locator): Promise<string[]> {
  return scope.evaluateAll((roots) => {
    const out: string[] = [];
    for (const root of roots) {
      const shadow = (root as Element).shadowRoot;
      if (!shadow) continue;
      for (const el of Array.from(shadow.querySelectorAll('button, a[href], .la-radio, textarea'))) {
        if ((el as HTMLElement).closest('[hidden]')) continue;
        const box = el.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue; // not rendered in this view
        if (box.width < 44 || box.height < 44)
          out.push(
            `${el.tagName}.${(el as HTMLElement).className} "${el.textContent?.trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
          );
      }
    }
    return out;
  });
}

async function noHorizontalOverflow(page: Page): Promise<{ dialog: number; badge: number; viewport: number }> {
  return page.evaluate(() => {
    const hostEl = document.querySelector('lokeraman-warning[data-lokeraman-post-id="facebook:7001"]');
    const shadow = hostEl?.shadowRoot;
    const dlg = shadow?.querySelector('[data-lokeraman-dialog]');
    const badge = shadow?.querySelector('.la-badge');
    return {
      dialog: dlg ? dlg.getBoundingClientRect().right : 0,
      badge: badge ? badge.getBoundingClientRect().right : 0,
      viewport: document.documentElement.clientWidth,
    };
  });
}

/** The first screen of the dialog: are the three reasons and the help button inside the viewport, unscrolled? */
async function firstScreen(page: Page): Promise<{ reasons: number; reasonsVisible: number; helpVisible: boolean }> {
  return dialog(page).evaluate((dlg) => {
    const viewport = window.innerHeight;
    const help = dlg.querySelector('.la-sticky [data-action="help"]');
    const helpBox = help?.getBoundingClientRect();
    const helpTop = helpBox?.top ?? 0;
    const items = Array.from(dlg.querySelectorAll('.la-reasons li'));
    return {
      reasons: items.length,
      reasonsVisible: items.filter((li) => {
        const box = li.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= helpTop + 1;
      }).length,
      helpVisible: Boolean(helpBox && helpBox.top >= 0 && helpBox.bottom <= viewport && dlg.scrollTop === 0),
    };
  });
}

function expectedVerdict(text: string, lang: 'id' | 'en'): Verdict {
  const bundle = JSON.parse(readFileSync(join(ROOT, 'src/generated/rules.bundle.json'), 'utf8'));
  return createEngine(bundle).analyze(text, { url: FEED_URL, site: 'facebook', links: [], uiLang: lang });
}

describe('warning UI in Chromium', () => {
  let session: ExtensionSession;
  let page: Page;
  let lureVerdict: Verdict | undefined;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    session = await launchWithExtension({ viewport: { width: 800, height: 900 } });
    await blockNetwork(session.context);
    await serveAt(session.context, 'https://www.facebook.com/**', readFixture('test/fixtures/pages/warning-feed.html'));
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: 'https://www.facebook.com',
    });
    await setSettings(session, { language: 'id', country: 'ID' });
    page = await openFeed(session);
  });
  afterAll(async () => session?.close());

  it('puts one badge after the lure only, styled from our shadow CSS and not the page', async () => {
    await expect(host(page).count()).resolves.toBe(1);
    expect(await host(page).getAttribute('data-lokeraman-risk')).toMatch(/^(medium|high)$/);
    await page.waitForTimeout(300);
    expect(await host(page, LEGIT_ID).count()).toBe(0);
    const style = await badgeButton(page).evaluate((el) => {
      const cs = getComputedStyle(el);
      return {
        font: cs.fontFamily,
        size: cs.fontSize,
        spacing: cs.letterSpacing,
        height: el.getBoundingClientRect().height,
      };
    });
    expect(style.font).not.toContain('Georgia');
    expect(style.spacing).toBe('normal'); // the page sets letter-spacing on `*`, which matches our host
    expect(style.size).toBe('16px'); // the page forces 8px !important on every button
    expect(style.height).toBeGreaterThanOrEqual(44);
    const risk = await host(page).getAttribute('data-lokeraman-risk');
    expect(await host(page).locator('.la-badge strong').textContent()).toBe(
      risk === 'high' ? 'Kemungkinan besar penipuan / perdagangan orang' : 'Waspada',
    );
    await host(page)
      .locator('.la-badge')
      .screenshot({ path: join(SHOTS, 'warning-badge-id.png') });
    expect(await axeSerious(page, `lokeraman-warning[data-lokeraman-post-id="${LURE_ID}"]`)).toEqual([]);
  });

  it('opens the dialog with the three main reasons, the words behind them marked, the rest collapsed', async () => {
    await badgeButton(page).click();
    await dialog(page).waitFor({ state: 'visible' });
    expect(await dialog(page).getAttribute('aria-modal')).toBe('true');
    const postText = (await dialog(page).locator('.la-post').textContent()) ?? '';
    expect(postText).toContain('Kamboja (Sihanoukville)');
    const verdict = expectedVerdict(postText, 'id');
    expect(verdict.flags.length).toBeGreaterThan(0);
    const reasons = groupReasons(verdict.flags, partsJson);
    expect(reasons.top).toHaveLength(3);
    const titles = await dialog(page).locator('.la-reasons .la-flag-title').allTextContents();
    expect(titles).toEqual(reasons.top.map((r) => r.flag.title));
    // No reason on the first screen is a part of another one shown there.
    for (const { parts } of reasons.top) for (const part of parts) expect(titles).not.toContain(part.title);
    expect(await dialog(page).locator('details[data-section="all-reasons"] summary').textContent()).toBe(
      `Semua ${reasons.count} alasan`,
    );
    expect(await dialog(page).locator('details[open]').count()).toBe(0);
    lureVerdict = verdict;
    const marks = await dialog(page).locator('mark').allTextContents();
    const expected = segments(postText, evidenceOf(reasons.top))
      .filter((s) => s.marked)
      .map((s) => s.text);
    const everything = segments(
      postText,
      verdict.flags.flatMap((f) => f.evidence),
    ).filter((s) => s.marked);
    expect(marks.join('').length).toBeLessThan(everything.map((s) => s.text).join('').length);
    expect(marks.length).toBeGreaterThan(0);
    expect(marks).toEqual(expected);
    expect(
      await dialog(page)
        .locator('mark')
        .first()
        .evaluate((m) => getComputedStyle(m).backgroundColor),
    ).toBe('rgb(255, 225, 77)');
    // Each mark is exactly a piece of evidence of a shown reason (or overlapping pieces merged).
    const evidenceTexts = evidenceOf(reasons.top).map((e) => e.text.toLowerCase());
    for (const mark of marks) expect(evidenceTexts.some((e) => mark.toLowerCase().includes(e))).toBe(true);
    const advice = (await dialog(page).locator('.la-advice').textContent()) ?? '';
    expect(advice).toContain('SISKOP2MI');
    expect(advice).toContain('visa kerja');
    await dialog(page).screenshot({ path: join(SHOTS, 'warning-dialog-id.png') });
    expect(await axeSerious(page, `lokeraman-warning[data-lokeraman-post-id="${LURE_ID}"]`)).toEqual([]);
  });

  it('keeps Tab inside the dialog and cycles back to the start', async () => {
    const count = await dialog(page).evaluate(
      (el) =>
        Array.from(
          el.querySelectorAll(
            'a[href], button:not([disabled]), input, textarea, summary, [tabindex]:not([tabindex="-1"])',
          ),
        ).length,
    );
    expect(count).toBeGreaterThan(3);
    const first = await focusInfo(page);
    expect(first.inDialog).toBe(true);
    const seen: string[] = [];
    for (let i = 0; i < count; i += 1) {
      await page.keyboard.press('Tab');
      const info = await focusInfo(page);
      expect(info.inDialog, `step ${i}`).toBe(true);
      seen.push(info.text);
    }
    expect(seen[seen.length - 1]).toBe(first.text); // a full cycle returns to where it began
    await page.keyboard.press('Shift+Tab');
    expect((await focusInfo(page)).inDialog).toBe(true);
  });

  it('Esc closes the dialog and returns focus to the badge button', async () => {
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached' });
    expect((await focusInfo(page)).isBadgeButton).toBe(true);
  });

  it('report view: channels follow the country and the situation, KBRI of the named country first, Kemlu always', async () => {
    await badgeButton(page).click();
    await dialog(page).getByRole('button', { name: 'Minta bantuan / laporkan' }).click();
    await dialog(page).locator('[data-view="report"]').waitFor({ state: 'visible' });
    const ids = () =>
      dialog(page)
        .locator('[data-channel-id]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-channel-id')));
    const postText = (await page.locator('[data-ad-rendering-role="story_message"]').first().textContent()) ?? '';
    const destination = destinationFromPost(lureVerdict, postText);
    expect(destination).toBe('KH');
    const before = helpChannels({ country: 'ID', situation: 'before-departure', destination }).map((c) => c.id);
    expect(before).toEqual(expect.arrayContaining(['id-kemlu-pwni-hotline', 'id-kbri-phnompenh-protection']));
    await expect.poll(ids, { timeout: 10_000 }).toEqual(before);
    // Numbers readable, with a copy button; WhatsApp opens with the short report.
    expect(
      await dialog(page).locator('[data-channel-id="id-kp2mi-callcenter-abroad"] .la-channel-number').textContent(),
    ).toBe('Nomor: +62 21 2924 4800');
    await dialog(page).locator('[data-channel-id="id-kp2mi-callcenter-abroad"] [data-action="copy-number"]').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('+62 21 2924 4800');
    const wa = await dialog(page)
      .locator('[data-channel-id="id-kp2mi-whatsapp"] [data-action="whatsapp"]')
      .getAttribute('href');
    expect(new URL(wa ?? '').searchParams.get('text')).toContain(
      'https://www.facebook.com/groups/lokeraman.warning/posts/7001/',
    );
    await dialog(page).getByLabel('Saya atau keluarga saya sudah di luar negeri').check();
    const abroad = helpChannels({ country: 'ID', situation: 'already-abroad', destination: 'KH' }).map((c) => c.id);
    expect(abroad[0]).toBe('id-kbri-phnompenh-protection');
    await expect.poll(ids, { timeout: 10_000 }).toEqual(abroad);
    expect(
      await dialog(page).locator('[data-channel-id="id-kbri-phnompenh-protection"] a').first().getAttribute('href'),
    ).toBe('tel:+85512813282');
    await dialog(page).getByLabel('Saya sudah membayar uang').check();
    await expect
      .poll(ids, { timeout: 10_000 })
      .toEqual(helpChannels({ country: 'ID', situation: 'paid-money', destination: 'KH' }).map((c) => c.id));
    expect(await dialog(page).locator('[data-platform]').getAttribute('data-platform')).toBe('facebook');
    await dialog(page).getByLabel('Saya menerima tawaran ini dan belum berangkat').check();
    await dialog(page).screenshot({ path: join(SHOTS, 'warning-report-id.png') });
    expect(await axeSerious(page, `lokeraman-warning[data-lokeraman-post-id="${LURE_ID}"]`)).toEqual([]);
  });

  it('copies the report text to the clipboard', async () => {
    await dialog(page).locator('[data-action="copy"]').click();
    await expect.poll(() => dialog(page).locator('.la-status').textContent()).toContain('Laporan disalin');
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    const preview = await dialog(page).locator('textarea').inputValue();
    expect(clip).toBe(preview);
    expect(clip.length).toBeLessThanOrEqual(1500);
    expect(clip).toContain('Laporan LokerAman');
    expect(clip).toContain('Situs: facebook');
    expect(clip).toContain('https://www.facebook.com/groups/lokeraman.warning/posts/7001/');
    // The strongest flags are listed by title (the rest are counted), with their evidence words.
    const top = (lureVerdict?.flags ?? [])
      .slice()
      .sort((a, b) => b.weight - a.weight)
      .slice(0, 6);
    expect(top.length).toBeGreaterThan(0);
    for (const flag of top) expect(clip).toContain(`- ${flag.title}`.slice(0, 120));
    if ((lureVerdict?.flags.length ?? 0) > 6)
      expect(clip).toContain(`dan ${(lureVerdict?.flags.length ?? 0) - 6} tanda lain`);
    expect(clip).toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/);
    expect(clip).toContain('Kamboja (Sihanoukville)');
  });

  it('"Save report" saves the whole report as a text file, the post text in full', async () => {
    const [txt] = await Promise.all([
      page.waitForEvent('download'),
      dialog(page).locator('[data-action="save"]').click(),
    ]);
    expect(txt.suggestedFilename()).toMatch(/^lokeraman-report-facebook-\d{8}-\d{4}\.txt$/);
    const saved = readFileSync((await txt.path()) as string, 'utf8');
    const preview = await dialog(page).locator('textarea').inputValue();
    expect(saved.startsWith(preview.split('\n\n')[0] ?? '')).toBe(true);
    expect(saved).toContain('Minat hubungi WA +855 12 345 678');
    expect(await dialog(page).locator('[data-action="download-json"]').count()).toBe(0);
    await expect.poll(() => dialog(page).locator('.la-status').textContent()).toContain('Laporan disimpan');
    // Object URLs are revoked shortly after the click.
    await page.waitForTimeout(1200);
  });

  it('fits a 360×740 phone screen and 200% zoom with 44 px targets', async () => {
    // Same page, resized: the badge is already mounted, so this measures layout only.
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached' });
    const cdp = await session.context.newCDPSession(page);
    for (const { viewport, scale } of [
      { viewport: { width: 360, height: 740 }, scale: 1 },
      // 200% browser zoom on a 1280×900 window = a 640×450 CSS-px viewport at 2 device pixels per px.
      { viewport: { width: 640, height: 450 }, scale: 2 },
    ]) {
      await page.setViewportSize(viewport);
      await cdp.send('Emulation.setDeviceMetricsOverride', { ...viewport, deviceScaleFactor: scale, mobile: false });
      await host(page).locator('.la-badge').scrollIntoViewIfNeeded();
      expect(await smallTargets(host(page)), `badge ${viewport.width}`).toEqual([]);
      let fit = await noHorizontalOverflow(page);
      expect(fit.badge).toBeLessThanOrEqual(fit.viewport);
      await badgeButton(page).click();
      await dialog(page).waitFor({ state: 'visible' });
      if (viewport.width === 360) {
        expect(await firstScreen(page), 'first screen at 360 px').toEqual({
          reasons: 3,
          reasonsVisible: 3,
          helpVisible: true,
        });
      } else {
        expect((await firstScreen(page)).helpVisible, `help button at ${viewport.width} px`).toBe(true);
      }
      expect(await smallTargets(host(page)), `dialog ${viewport.width}`).toEqual([]);
      fit = await noHorizontalOverflow(page);
      expect(fit.dialog).toBeLessThanOrEqual(fit.viewport);
      expect(await axeSerious(page, `lokeraman-warning[data-lokeraman-post-id="${LURE_ID}"]`)).toEqual([]);
      await dialog(page).getByRole('button', { name: 'Minta bantuan / laporkan' }).click();
      await dialog(page).getByLabel('Saya atau keluarga saya sudah di luar negeri').check();
      expect(await smallTargets(host(page)), `report ${viewport.width}`).toEqual([]);
      fit = await noHorizontalOverflow(page);
      expect(fit.dialog).toBeLessThanOrEqual(fit.viewport);
      await page.keyboard.press('Escape');
      await dialog(page).waitFor({ state: 'detached' });
    }
    await cdp.send('Emulation.clearDeviceMetricsOverride');
    await page.setViewportSize({ width: 800, height: 900 });
    await cdp.detach();
  });

  it('"Hide for this post" removes the badge and it stays away', async () => {
    await badgeButton(page).click();
    await dialog(page).getByRole('button', { name: 'Sembunyikan untuk postingan ini' }).click();
    await host(page).waitFor({ state: 'detached' });
    const stored = await session.worker.evaluate(async () => {
      const chrome = (
        globalThis as unknown as {
          chrome: { storage: { sync: { get(k: string): Promise<Record<string, { allowlist: unknown[] }>> } } };
        }
      ).chrome;
      return (await chrome.storage.sync.get('settings')).settings?.allowlist;
    });
    expect(stored).toEqual([expect.objectContaining({ kind: 'post', value: LURE_ID, site: 'facebook' })]);
    await page.reload();
    await page.waitForTimeout(1500);
    expect(await host(page).count()).toBe(0);
    await page.close();
    await setSettings(session, { language: 'id', country: 'ID', allowlist: [] });
  });

  it('renders in English when the user picks English, with the same structure', async () => {
    await setSettings(session, { language: 'en', country: 'ID', allowlist: [] });
    const en = await openFeed(session);
    const risk = await host(en).getAttribute('data-lokeraman-risk');
    expect(await host(en).locator('.la-badge strong').textContent()).toBe(
      risk === 'high' ? 'Likely scam or trafficking lure' : 'Be careful',
    );
    await host(en)
      .locator('.la-badge')
      .screenshot({ path: join(SHOTS, 'warning-badge-en.png') });
    await badgeButton(en).click();
    await dialog(en).waitFor({ state: 'visible' });
    expect(await dialog(en).locator('h3').first().textContent()).toBe('Main reasons');
    await dialog(en).screenshot({ path: join(SHOTS, 'warning-dialog-en.png') });
    await dialog(en).getByRole('button', { name: 'Get help / report' }).click();
    await dialog(en).screenshot({ path: join(SHOTS, 'warning-report-en.png') });
    expect(await axeSerious(en, `lokeraman-warning[data-lokeraman-post-id="${LURE_ID}"]`)).toEqual([]);
    await en.close();
  });
});
