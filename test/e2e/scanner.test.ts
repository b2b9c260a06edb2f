// The scanner in real Chromium on a synthetic Facebook-style page: posts in a same-origin and a
// cross-origin frame, inside an open shadow root, a virtualised list recycling its rows, SPA
// navigation in and out of a claimed URL, and no error ever reaching the page.
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockNetwork, type ExtensionSession, launchWithExtension, readFixture, risksIn, serveAt } from './harness';

const FEED_URL = 'https://www.facebook.com/groups/lokeraman.test/';

const flagged = expect.arrayContaining([expect.stringMatching(/^(medium|high)$/)]);
const relevantErrors = (errors: string[]) =>
  errors.filter((e) => !/Failed to load resource|net::ERR_|Manifest fetch from/.test(e));

describe('scanner in Chromium', () => {
  let session: ExtensionSession;
  let page: Page;

  beforeAll(async () => {
    session = await launchWithExtension();
    await blockNetwork(session.context);
    await serveAt(session.context, 'https://www.facebook.com/**', readFixture('test/fixtures/pages/scanner-feed.html'));
    // Registered later, so it wins for the frame's path.
    await serveAt(
      session.context,
      'https://www.facebook.com/plugins/**',
      readFixture('test/fixtures/pages/scanner-frame.html'),
    );
    await serveAt(session.context, 'https://t.me/**', readFixture('test/fixtures/pages/scanner-tme.html'));
    page = await session.context.newPage();
    await page.goto(FEED_URL);
  });
  afterAll(async () => session?.close());

  it('flags the lure and not the legit post in the top document', async () => {
    await expect.poll(() => risksIn(page, 'facebook:1001'), { timeout: 10_000 }).toEqual(flagged);
    expect(await risksIn(page, 'facebook:1001')).toHaveLength(1);
    expect(await risksIn(page, 'facebook:1002')).toEqual([]);
  });

  it('scans a same-origin frame and a cross-origin frame on a supported host', async () => {
    const same = () => page.frames().find((f) => f.url().includes('/plugins/post-frame/'));
    const cross = () => page.frames().find((f) => f.url().startsWith('https://t.me/'));
    await expect
      .poll(async () => (same() ? risksIn(same() as Frame, 'facebook:3001') : []), { timeout: 10_000 })
      .toEqual(flagged);
    await expect
      .poll(async () => (cross() ? risksIn(cross() as Frame, 'lokeraman_test/5') : []), { timeout: 10_000 })
      .toEqual(flagged);
    expect(await risksIn(cross() as Frame, 'lokeraman_test/6')).toEqual([]);
  });

  it('finds posts added later inside an open shadow root', async () => {
    await page.evaluate(() =>
      (window as unknown as { addShadowPost(id: number, text: string): void; LURES: string[] }).addShadowPost(
        4001,
        (window as unknown as { LURES: string[] }).LURES[2],
      ),
    );
    await expect.poll(() => risksIn(page, 'facebook:4001'), { timeout: 10_000 }).toEqual(flagged);
    await page.evaluate(() =>
      (window as unknown as { addShadowPost(id: number, text: string): void; LEGITS: string[] }).addShadowPost(
        4002,
        (window as unknown as { LEGITS: string[] }).LEGITS[0],
      ),
    );
    await page.waitForTimeout(500);
    expect(await risksIn(page, 'facebook:4002')).toEqual([]);
  });

  it('follows a virtualised list that recycles rows with new text', async () => {
    await expect.poll(() => risksIn(page, 'facebook:2001'), { timeout: 10_000 }).toEqual(flagged);
    expect(await risksIn(page, 'facebook:2000')).toEqual([]);
    await page.evaluate(() => (window as unknown as { recycle(n: number): void }).recycle(1));
    await expect.poll(() => risksIn(page, 'facebook:2010'), { timeout: 10_000 }).toEqual(flagged);
    await expect.poll(() => risksIn(page, 'facebook:2001'), { timeout: 10_000 }).toEqual([]);
    expect(await risksIn(page, 'facebook:2011')).toEqual([]);
    // One host in the list, inside the recycled row that now holds the lure, right above its text.
    const placement = await page.evaluate(() => {
      const hosts = Array.from(document.querySelectorAll('#virtual lokeraman-warning'));
      return hosts.map((h) => [
        h.parentElement?.querySelector('a')?.getAttribute('href'),
        h.nextElementSibling?.getAttribute('data-ad-rendering-role'),
      ]);
    });
    expect(placement).toEqual([['/groups/lokeraman.test/posts/2010/', 'story_message']]);
  });

  it('follows SPA navigation out of and back into a claimed URL', async () => {
    await expect.poll(() => risksIn(page, 'facebook:1001'), { timeout: 10_000 }).toEqual(flagged);
    // The page's own pushState (main world), which an isolated-world history patch would never see.
    await page.evaluate(() => history.pushState({}, '', '/messages/t/123/'));
    await expect
      .poll(() => page.evaluate(() => document.querySelectorAll('lokeraman-warning').length), { timeout: 5_000 })
      .toBe(0);
    await page.evaluate(() => history.pushState({}, '', '/groups/lokeraman.test/'));
    await expect.poll(() => risksIn(page, 'facebook:1001'), { timeout: 10_000 }).toEqual(flagged);
    expect(await risksIn(page, 'facebook:1001')).toHaveLength(1);
  });

  it('lets no error reach the page', async () => {
    expect(await page.evaluate(() => (window as unknown as { __pageErrors: string[] }).__pageErrors)).toEqual([]);
    expect(relevantErrors(session.errors)).toEqual([]);
  });
});
