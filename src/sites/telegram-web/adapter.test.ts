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
  it('Web K: skips service bubbles and keeps sender, time and link card out of the text', async () => {
    const { doc, close } = load('webk-group');
    const bubbles = adapter.findPosts(doc);
    expect(bubbles).toHaveLength(6);
    expect(adapter.extract(bubbles[0])).toBeNull();
    const posts = bubbles.map((el) => adapter.extract(el)).filter((p) => p !== null);
    for (const post of posts) expect(post.text).not.toMatch(/\d\d:\d\d|PM|admin$|Job Fair Disnaker 2026|Nama Pengguna/);
    expect(posts[0].author).toBe('Admin Info Kerja');
    await close();
  });

  it('Web K: falls back to .message minus the time when translatable-message is missing', async () => {
    const { doc, close } = load('webk-group');
    const bubble = adapter.findPosts(doc)[3];
    const span = bubble.querySelector('.translatable-message');
    span?.replaceWith(...Array.from(span?.childNodes ?? []));
    expect(adapter.extract(bubble)?.text).toBe('Ada yang tahu jadwal job fair di kampus minggu depan?');
    await close();
  });

  it('Web A: strips the time/views meta and reactions, skips photo-only messages', async () => {
    const { doc, close } = load('weba-channel');
    const found = adapter.findPosts(doc);
    expect(found).toHaveLength(3);
    expect(adapter.extract(found[2])).toBeNull();
    expect(adapter.extract(found[0])?.text).not.toMatch(/1\.2K|09:12|14/);
    await close();
  });

  it('never throws on odd input', () => {
    const stray = new Window().document.createElement('div') as unknown as Element;
    stray.className = 'bubble';
    expect(adapter.extract(stray)).toBeNull();
    expect(adapter.findPosts(stray)).toEqual([]);
  });
});
