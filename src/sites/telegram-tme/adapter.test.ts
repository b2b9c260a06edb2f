// @vitest-environment happy-dom
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { describeAdapterFixtures, loadFixtureCase } from '../fixture-tests';
import adapter from './adapter';

describeAdapterFixtures(adapter);

describe(`${adapter.id} details`, () => {
  it('skips posts without text (photo-only) and keeps post text free of author, views and time', async () => {
    const { doc, close } = loadFixtureCase(adapter, 'channel');
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
    const { doc, close } = loadFixtureCase(adapter, 'embed-link-preview');
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
