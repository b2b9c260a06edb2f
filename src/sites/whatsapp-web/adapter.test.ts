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
  it('skips system rows and keeps quoted replies, times and ticks out of the text', async () => {
    const { doc, close } = load('chat-2023-10-id');
    expect(doc.querySelectorAll('#main div[role="row"]').length).toBe(8);
    const posts = adapter.findPosts(doc).map((el) => adapter.extract(el));
    expect(posts).toHaveLength(6);
    const reply = posts.find((p) => p?.id === 'in:184D6E16EAA155C395');
    expect(reply?.text).toBe('Oke nanti aku cek');
    for (const post of posts) expect(post?.text).not.toMatch(/\d{2}\.\d{2}$|Disampaikan|terenkripsi/);
    await close();
  });

  it('never puts the chat JID (a phone number) into the id', async () => {
    const { doc, close } = load('chat-2023-10-id');
    for (const post of adapter.findPosts(doc).map((el) => adapter.extract(el))) {
      expect(post?.id).toMatch(/^(in|out):[0-9A-F]+$/);
    }
    await close();
  });

  it('takes the sender from data-pre-plain-text', async () => {
    const { doc, close } = load('chat-2025-03-en');
    const posts = adapter.findPosts(doc).map((el) => adapter.extract(el));
    expect(posts.filter((p) => p !== null).map((p) => p.author)).toEqual([
      'Nama Pengguna',
      'Nama Pengguna',
      'Nama Pengguna',
    ]);
    await close();
  });

  it('marks a message with a Read more control as partial and drops the label from the text', async () => {
    const { doc, close } = load('channel-documented');
    const posts = adapter.findPosts(doc).map((el) => adapter.extract(el));
    expect(posts.map((p) => p?.partial)).toEqual([false, true]);
    expect(posts[1]?.text).not.toMatch(/Read more/);
    await close();
  });

  it('finds nothing outside #main (chat-list previews are not messages)', () => {
    const doc = new Window().document as unknown as Document;
    doc.body.innerHTML =
      '<div id="pane-side"><div role="row"><div data-id="false_1@c.us_ABC"><div class="message-in"><span class="selectable-text copyable-text">Loker Kamboja</span></div></div></div></div>';
    expect(adapter.findPosts(doc)).toEqual([]);
  });

  it('never throws on odd input', () => {
    const stray = new Window().document.createElement('div') as unknown as Element;
    stray.setAttribute('data-id', 'weird');
    expect(adapter.extract(stray)).toBeNull();
    expect(adapter.findPosts(stray)).toEqual([]);
  });
});
