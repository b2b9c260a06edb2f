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
  it('cards: one per job, fields on their own lines, no listing age', async () => {
    const { doc, close } = load('job-board');
    const posts = adapter.findPosts(doc).map((el) => adapter.extract(el));
    expect(posts.map((p) => p?.id)).toEqual(['900101', '900102', '900103']);
    for (const post of posts) expect(post?.text).not.toMatch(/Diposting|yang lalu|Berikutnya/);
    await close();
  });

  it('job page: the open job is the description, not a card built from its apply link', async () => {
    const { doc, close } = load('job-page');
    const ids = adapter.findPosts(doc).map((el) => adapter.extract(el)?.id);
    expect(ids).not.toContain('900201');
    expect(ids).toContain('900201-detail');
    await close();
  });

  it('job page without microdata: falls back to the section under "Deskripsi Pekerjaan"', async () => {
    const { doc, close } = load('job-page');
    for (const el of Array.from(doc.querySelectorAll('[itemprop]'))) el.removeAttribute('itemprop');
    const found = adapter.findPosts(doc);
    const detail = found.map((el) => adapter.extract(el)).find((p) => p?.id === '900201-detail');
    expect(detail?.text).toContain('Paspor akan ditahan kantor');
    await close();
  });

  it('never throws on odd input', () => {
    const stray = new Window().document.createElement('a') as unknown as Element;
    stray.setAttribute('href', '/c/x/jobs/');
    expect(adapter.extract(stray)).toBeNull();
    expect(adapter.findPosts(stray)).toEqual([]);
  });
});
