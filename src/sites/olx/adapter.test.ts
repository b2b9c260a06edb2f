// @vitest-environment happy-dom
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { describeAdapterFixtures, loadFixtureCase } from '../fixture-tests';
import adapter from './adapter';

describeAdapterFixtures(adapter);

describe(`${adapter.id} details`, () => {
  it('ignores banner slots and keeps dates and favourite buttons out of card text', async () => {
    const { doc, close } = loadFixtureCase(adapter, 'category-list');
    const posts = adapter.findPosts(doc).map((el) => adapter.extract(el));
    expect(posts).toHaveLength(3);
    for (const post of posts) expect(post?.text).not.toMatch(/Hari ini|Kemarin|yang lalu|♡|Iklan/);
    expect(posts[0]?.url).toBe('https://www.olx.co.id/item/admin-chat-penempatan-luar-negeri-gaji-20jt-iid-900000001');
    await close();
  });

  it('item page: no seller name, params or chat button in the text', async () => {
    const { doc, close } = loadFixtureCase(adapter, 'item-page');
    const post = adapter.extract(adapter.findPosts(doc)[0]);
    expect(post?.text).not.toMatch(/Nama Pengiklan|Periode Gaji|Chat$/);
    await close();
  });

  it('never throws on odd input', () => {
    const stray = new Window().document.createElement('li') as unknown as Element;
    stray.setAttribute('data-aut-id', 'itemBox');
    expect(adapter.extract(stray)).toBeNull();
    expect(adapter.findPosts(stray)).toEqual([stray]);
  });
});
