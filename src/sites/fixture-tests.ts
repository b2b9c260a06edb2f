// Test-only harness shared by every src/sites/<id>/adapter.test.ts. Each adapter is judged against saved
// pages in test/fixtures/sites/<id>/<case>/ (page.html + expected.json); keeping the harness in one place
// means a stricter check reaches every site at once instead of drifting between copies.
// Never import this from shipped code: it pulls in vitest, node:fs and happy-dom.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { insertAt, resolveSlot } from '../content/placement';
import { urlMatches } from './match-pattern';
import type { SiteAdapter } from './types';

const FIXTURE_ROOT = join(import.meta.dirname, '../../test/fixtures/sites');
const ROLES = ['lure', 'legit', 'other'] as const;

export interface ExpectedPost {
  id: string;
  text: string;
  links: string[];
  partial: boolean;
  role: (typeof ROLES)[number];
}

export interface ExpectedFixture {
  /** Page URL the snapshot was taken at; the happy-dom window is opened there so relative links resolve. */
  url: string;
  /** Where the markup came from ('real: …' snapshot or 'documented: …' construction). */
  source: string;
  posts: ExpectedPost[];
}

export interface FixtureCase {
  doc: Document;
  expected: ExpectedFixture;
  /** Closes the happy-dom window; call it (in finally) so timers and loaders do not outlive the test. */
  close: () => Promise<void>;
}

export function fixtureDir(adapter: Pick<SiteAdapter, 'id'>): string {
  return join(FIXTURE_ROOT, adapter.id);
}

/** Case folders only: stray files next to them (notes, .DS_Store) are not cases. */
export function fixtureCaseNames(adapter: Pick<SiteAdapter, 'id'>): string[] {
  return readdirSync(fixtureDir(adapter), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export function readExpected(adapter: Pick<SiteAdapter, 'id'>, caseName: string): ExpectedFixture {
  return JSON.parse(readFileSync(join(fixtureDir(adapter), caseName, 'expected.json'), 'utf8')) as ExpectedFixture;
}

/**
 * Parses a case's page.html into a fresh happy-dom window at expected.url (or `options.url`, to test how
 * the same markup reads under another address). Scripts and external files stay off: snapshots carry site
 * scripts that must neither run nor change the DOM the adapter sees.
 */
export function loadFixtureCase(
  adapter: Pick<SiteAdapter, 'id'>,
  caseName: string,
  options: { url?: string } = {},
): FixtureCase {
  const expected = readExpected(adapter, caseName);
  const window = new Window({
    url: options.url ?? expected.url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  window.document.write(readFileSync(join(fixtureDir(adapter), caseName, 'page.html'), 'utf8'));
  return { doc: window.document as unknown as Document, expected, close: () => window.happyDOM.close() };
}

export interface AdapterFixtureOptions {
  /**
   * True for an adapter that is never injected by itself (the generic extractor, run on request): it must
   * have no match patterns and claim none of its sample URLs, and fixture URLs are not checked against it.
   */
  onRequestOnly?: boolean;
  /**
   * True when extract() trusts findPosts to have picked the container and reads whatever element it gets
   * (generic, Indeed's description body): unrelated markup must still yield no posts, but extract() on it
   * is only required not to throw.
   */
  extractsAnyElement?: boolean;
}

/**
 * Registers the tests every adapter owes: fixture coverage (a lure and a legit post across its cases), exact
 * extraction of every case, URL ownership, and silence on unrelated markup. Site-specific tests stay in the
 * adapter's own test file and load pages through loadFixtureCase.
 */
export function describeAdapterFixtures(adapter: SiteAdapter, options: AdapterFixtureOptions = {}): void {
  const cases = fixtureCaseNames(adapter);

  describe(`${adapter.id} adapter fixtures`, () => {
    it('has fixture cases with a lure and a legit post somewhere', () => {
      expect(cases.length).toBeGreaterThan(0);
      const roles = cases.flatMap((caseName) => readExpected(adapter, caseName).posts.map((post) => post.role));
      // A misspelt role would silently count as neither lure nor legit.
      for (const role of roles) expect(ROLES).toContain(role);
      expect(roles).toContain('lure');
      expect(roles).toContain('legit');
    });

    for (const caseName of cases) {
      it(`extracts ${caseName}`, async () => {
        const { doc, expected, close } = loadFixtureCase(adapter, caseName);
        try {
          if (!options.onRequestOnly) expect(urlMatches(adapter, expected.url)).toBe(true);
          const posts = adapter
            .findPosts(doc)
            .map((el) => adapter.extract(el))
            .filter((post) => post !== null);
          expect(posts.map(({ id, text, links, partial }) => ({ id, text, links, partial: partial ?? false }))).toEqual(
            expected.posts.map(({ id, text, links, partial }) => ({ id, text, links, partial })),
          );
          // The scanner keys verdicts by id; two posts sharing one would share a warning.
          expect(new Set(posts.map((post) => post.id)).size).toBe(posts.length);
        } finally {
          await close();
        }
      });
    }
  });

  describe(`${adapter.id} badge placement`, () => {
    for (const caseName of cases) {
      it(`puts the badge inside each post's card, above its text: ${caseName}`, async () => {
        const { doc, close } = loadFixtureCase(adapter, caseName);
        try {
          const elements = adapter.findPosts(doc);
          const before = elements.map((el) => adapter.extract(el));
          let checked = 0;
          elements.forEach((el, index) => {
            const post = before[index];
            if (!post) return;
            const slot = resolveSlot(adapter, el);
            // The adapter names a usable slot (resolveSlot only steps out of links and buttons around it).
            const named = adapter.badgeSlot(el);
            expect(named, `${post.id}: the adapter names a slot`).not.toBeNull();
            expect(slot.card).toBe(named?.card);
            expect(slot.before === null).toBe(named?.before === null);
            // The card is the post's own box: the post container, or the panel around a bare text body.
            expect(slot.card === el || slot.card.contains(el) || el.contains(slot.card), post.id).toBe(true);
            const textStart = firstTextNode(slot.card, post.text);
            expect(textStart, `${post.id}: the post's first line is in its card`).not.toBeNull();
            const host = doc.createElement('lokeraman-warning');
            host.setAttribute('data-lokeraman-post-id', post.id);
            expect(insertAt(slot, host)).toBe(true);
            expect(slot.card.contains(host), `${post.id}: badge inside the card`).toBe(true);
            expect(
              host.compareDocumentPosition(textStart as Node) & 4 /* DOCUMENT_POSITION_FOLLOWING */,
              `${post.id}: badge before the text`,
            ).toBeTruthy();
            checked++;
          });
          expect(checked).toBeGreaterThan(0);
          // The hosts now sit inside the cards: the adapter must still find and read the same posts.
          const after = adapter
            .findPosts(doc)
            .map((el) => adapter.extract(el))
            .filter((post) => post !== null);
          expect(after).toEqual(before.filter((post) => post !== null));
        } finally {
          await close();
        }
      });
    }
  });

  describe(`${adapter.id} URL ownership`, () => {
    if (options.onRequestOnly) {
      it('is never injected by itself: no match patterns, so not even its sample URLs are claimed', () => {
        expect(adapter.matches).toEqual([]);
        for (const url of adapter.sampleUrls) expect(urlMatches(adapter, url)).toBe(false);
      });
      return;
    }
    it.each(adapter.sampleUrls)('claims %s', (url) => expect(urlMatches(adapter, url)).toBe(true));
    it.each(adapter.notUrls)('does not claim %s', (url) => expect(urlMatches(adapter, url)).toBe(false));
  });

  describe(`${adapter.id} robustness`, () => {
    it('finds nothing and extracts nothing from unrelated markup, without throwing', async () => {
      const window = new Window();
      try {
        const document = window.document as unknown as Document;
        const div = document.createElement('div');
        div.append(document.createElement('span'), document.createTextNode('Lowongan kerja'));
        expect(adapter.findPosts(div)).toEqual([]);
        expect(adapter.findPosts(document.createDocumentFragment())).toEqual([]);
        if (options.extractsAnyElement) expect(() => adapter.extract(div)).not.toThrow();
        else expect(adapter.extract(div)).toBeNull();
      } finally {
        await window.happyDOM.close();
      }
    });
  });
}

/**
 * The first text node under `card` that starts the post's first line: where a reader starts reading the
 * post. Built from the DOM rather than from the adapter's selectors, so a slot after the text fails.
 */
function firstTextNode(card: Element, text: string): Text | null {
  const firstLine = text.split('\n')[0].replace(/\s+/g, ' ').trim();
  const doc = card.ownerDocument;
  const walker = doc.createTreeWalker(card, 4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const value = (node.nodeValue ?? '').replace(/\s+/g, ' ').trim();
    if (!value) continue;
    const parent = node.parentElement;
    // Screen-reader-only copies (LinkedIn's card titles) are not where a reader's eye starts.
    if (parent?.closest('script, style, template, noscript, .sr-only, .visually-hidden, .a11y-text')) continue;
    const head = value.slice(0, Math.min(value.length, 24));
    if (firstLine.startsWith(head)) return node as Text;
  }
  return null;
}
