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
  it('keeps card text to the ad fields, not screen-reader labels, dates or buttons', async () => {
    const { doc, close } = load('search-results');
    for (const post of adapter.findPosts(doc).map((el) => adapter.extract(el))) {
      expect(post?.text).not.toMatch(
        /Listed more than|hari yang lalu|classification:|Masuk untuk menyimpan|Ini adalah lowongan/,
      );
      expect(post?.url).toBe(`https://id.jobstreet.com/id/job/${post?.id}`);
    }
    await close();
  });

  it('scans the split-view detail pane next to the cards, with an id distinct from the card', async () => {
    const { doc, close } = load('search-results');
    const pane = doc.querySelector('[data-automation="splitViewJobDetailsWrapper"]');
    expect(pane).not.toBeNull();
    const detail = doc.createElement('div');
    detail.innerHTML =
      '<h1 data-automation="job-detail-title">Store Manager</h1><div data-automation="jobAdDetails"><p>Kelola toko.</p></div>';
    pane?.appendChild(detail);
    const posts = adapter.findPosts(doc).map((el) => adapter.extract(el));
    // The fixture URL has no job id, so the pane falls back to a text-hash id.
    expect(posts).toHaveLength(6);
    expect(posts[5]?.text).toBe('Store Manager\nKelola toko.');
    expect(posts[5]?.id).toMatch(/^jobstreet:h/);
    await close();
  });

  it('takes the open job id from ?jobId= in the split view and anchors the warning under the title', async () => {
    const window = new Window({ url: 'https://id.jobstreet.com/id/jobs?jobId=83416560&type=standard' });
    window.document.write(readFileSync(join(FIXTURES, 'job-detail', 'page.html'), 'utf8'));
    const doc = window.document as unknown as Document;
    const [body] = adapter.findPosts(doc);
    expect(adapter.extract(body)?.id).toBe('83416560-detail');
    expect(adapter.anchor?.(body).getAttribute('data-automation')).toBe('job-detail-title');
    await window.happyDOM.close();
  });

  it('never throws on odd input', () => {
    const stray = new Window().document.createElement('article') as unknown as Element;
    stray.setAttribute('data-job-id', '1');
    expect(adapter.extract(stray)).toBeNull();
    expect(adapter.findPosts(stray)).toEqual([]);
  });
});
