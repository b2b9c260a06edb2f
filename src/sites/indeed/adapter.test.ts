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
  it('reads header fields from the job component, not the rating or "Job details" labels', async () => {
    const { doc, close } = load('viewjob-real');
    const [body] = adapter.findPosts(doc);
    const post = adapter.extract(body);
    expect(post?.text.split('\n').slice(0, 4)).toEqual([
      'Senior DevOps Engineer',
      'PaperCut Software',
      'Camberwell VIC 3124',
      '$130,000 - $160,000 a year - Full-time',
    ]);
    expect(post?.text).not.toMatch(/out of 5 stars|opens in a new tab/);
    expect(adapter.anchor?.(body).tagName).toBe('H1');
    await close();
  });

  it('takes the job key from vjk on a search page, else from the canonical link', async () => {
    const html = readFileSync(join(FIXTURES, 'viewjob-legit', 'page.html'), 'utf8');
    const search = new Window({ url: 'https://id.indeed.com/jobs?q=admin&vjk=00000000000000ff' });
    search.document.write(html);
    expect(adapter.extract(adapter.findPosts(search.document as unknown as Document)[0])?.id).toBe('00000000000000ff');
    await search.happyDOM.close();
    const bare = new Window({ url: 'https://id.indeed.com/jobs?q=admin' });
    bare.document.write(html);
    expect(adapter.extract(adapter.findPosts(bare.document as unknown as Document)[0])?.id).toBe('0000000000d4e5f6');
    await bare.happyDOM.close();
  });

  it('never throws on odd input', () => {
    const stray = new Window().document.createElement('div') as unknown as Element;
    stray.id = 'jobDescriptionText';
    expect(adapter.extract(stray)).toBeNull();
    expect(adapter.findPosts(stray)).toEqual([stray]);
  });
});
