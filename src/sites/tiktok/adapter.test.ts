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

function loadCase(name: string): { doc: Document; expected: Expected } {
  const expected = JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8')) as Expected;
  const window = new Window({
    url: expected.url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  window.document.write(readFileSync(join(FIXTURES, name, 'page.html'), 'utf8'));
  return { doc: window.document as unknown as Document, expected };
}

const cases = readdirSync(FIXTURES);

describe(`${adapter.id} adapter fixtures`, () => {
  it('has fixture cases with a lure and a legit post somewhere', () => {
    const roles = cases.flatMap((name) => loadCase(name).expected.posts.map((p) => p.role));
    expect(roles).toContain('lure');
    expect(roles).toContain('legit');
  });

  for (const name of cases) {
    it(`extracts ${name}`, () => {
      const { doc, expected } = loadCase(name);
      expect(urlMatches(adapter, expected.url)).toBe(true);
      const posts = adapter
        .findPosts(doc)
        .map((el) => adapter.extract(el))
        .filter((p) => p !== null);
      expect(posts.map(({ id, text, links, partial }) => ({ id, text, links, partial: partial ?? false }))).toEqual(
        expected.posts.map(({ id, text, links, partial }) => ({ id, text, links, partial })),
      );
    });
  }
});

describe(`${adapter.id} URL ownership`, () => {
  it.each(adapter.sampleUrls)('claims %s', (url) => expect(urlMatches(adapter, url)).toBe(true));
  it.each(adapter.notUrls)('does not claim %s', (url) => expect(urlMatches(adapter, url)).toBe(false));
});

describe(`${adapter.id} robustness`, () => {
  it('finds nothing and extracts nothing from unrelated markup, without throwing', () => {
    const div = document.createElement('div');
    div.append(document.createElement('span'), document.createTextNode('Lowongan kerja'));
    expect(adapter.findPosts(div)).toEqual([]);
    expect(adapter.findPosts(document.createDocumentFragment())).toEqual([]);
    expect(adapter.extract(div)).toBeNull();
  });
});
