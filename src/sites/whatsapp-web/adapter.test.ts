// @vitest-environment happy-dom
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { describeAdapterFixtures, loadFixtureCase } from '../fixture-tests';
import adapter from './adapter';

describeAdapterFixtures(adapter);

describe(`${adapter.id} details`, () => {
  it('skips system rows and keeps quoted replies, times and ticks out of the text', async () => {
    const { doc, close } = loadFixtureCase(adapter, 'chat-2023-10-id');
    expect(doc.querySelectorAll('#main div[role="row"]').length).toBe(8);
    const posts = adapter.findPosts(doc).map((el) => adapter.extract(el));
    expect(posts).toHaveLength(6);
    const reply = posts.find((p) => p?.id === 'in:184D6E16EAA155C395');
    expect(reply?.text).toBe('Oke nanti aku cek');
    for (const post of posts) expect(post?.text).not.toMatch(/\d{2}\.\d{2}$|Disampaikan|terenkripsi/);
    await close();
  });

  it('never puts the chat JID (a phone number) into the id', async () => {
    const { doc, close } = loadFixtureCase(adapter, 'chat-2023-10-id');
    for (const post of adapter.findPosts(doc).map((el) => adapter.extract(el))) {
      expect(post?.id).toMatch(/^(in|out):[0-9A-F]+$/);
    }
    await close();
  });

  it('takes the sender from data-pre-plain-text', async () => {
    const { doc, close } = loadFixtureCase(adapter, 'chat-2025-03-en');
    const posts = adapter.findPosts(doc).map((el) => adapter.extract(el));
    expect(posts.filter((p) => p !== null).map((p) => p.author)).toEqual([
      'Nama Pengguna',
      'Nama Pengguna',
      'Nama Pengguna',
    ]);
    await close();
  });

  it('marks a message with a Read more control as partial and drops the label from the text', async () => {
    const { doc, close } = loadFixtureCase(adapter, 'channel-documented');
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
