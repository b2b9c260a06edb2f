// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { urlMatches } from '../match-pattern';
import adapter from './adapter';

const FIXTURES = join(__dirname, '../../../test/fixtures/sites', adapter.id);

interface Expected {
  url: string;
  source: string;
  posts: { id: string; text: string; links: string[]; partial: boolean; role: string }[];
}

function load(caseName: string): { doc: Document; expected: Expected; close: () => Promise<void> } {
  const expected = JSON.parse(readFileSync(join(FIXTURES, caseName, 'expected.json'), 'utf8')) as Expected;
  const window = new Window({ url: expected.url });
  window.document.write(readFileSync(join(FIXTURES, caseName, 'page.html'), 'utf8'));
  return { doc: window.document as unknown as Document, expected, close: () => window.happyDOM.close() };
}

const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

describe(`${adapter.id} fixtures`, () => {
  it('has fixture cases, one lure and one legit post among them', () => {
    expect(cases.length).toBeGreaterThan(0);
    const roles = cases.flatMap((c) => load(c).expected.posts.map((p) => p.role));
    expect(roles).toContain('lure');
    expect(roles).toContain('legit');
  });

  for (const caseName of cases) {
    it(`extracts ${caseName}`, async () => {
      const { doc, expected, close } = load(caseName);
      expect(urlMatches(adapter, expected.url)).toBe(true);
      const posts = adapter
        .findPosts(doc)
        .map((el) => adapter.extract(el))
        .filter((p) => p !== null);
      expect(posts.map((p) => ({ id: p.id, text: p.text, links: p.links, partial: p.partial ?? false }))).toEqual(
        expected.posts.map(({ id, text, links, partial }) => ({ id, text, links, partial })),
      );
      expect(new Set(posts.map((p) => p.id)).size).toBe(posts.length);
      await close();
    });
  }
});

describe(`${adapter.id} URL ownership`, () => {
  it.each(adapter.sampleUrls)('claims %s', (url) => expect(urlMatches(adapter, url)).toBe(true));
  it.each(adapter.notUrls)('does not claim %s', (url) => expect(urlMatches(adapter, url)).toBe(false));
});

describe(`${adapter.id} details`, () => {
  it('skips posts without text (photo-only) and keeps post text free of author, views and time', async () => {
    const { doc, close } = load('channel');
    const all = adapter.findPosts(doc);
    expect(all.length).toBe(6);
    all[0].querySelector('.tgme_widget_message_text')?.remove();
    expect(adapter.extract(all[0])).toBeNull();
    for (const post of all.map((el) => adapter.extract(el)).filter((p) => p !== null)) {
      expect(post.text).not.toMatch(/views|Военное обозрение$/);
      expect(post.url).toBe(`https://t.me/${post.id}`);
    }
    await close();
  });

  it('finds a post when the post element itself is the root', async () => {
    const { doc, close } = load('embed-link-preview');
    const post = doc.querySelector('[data-post]');
    expect(post).not.toBeNull();
    if (post) expect(adapter.findPosts(post)).toEqual([post]);
    await close();
  });

  it('never throws on odd input', () => {
    const stray = new Window().document.createElement('div') as unknown as Element;
    expect(adapter.extract(stray)).toBeNull();
    expect(adapter.findPosts(stray)).toEqual([]);
  });
});
