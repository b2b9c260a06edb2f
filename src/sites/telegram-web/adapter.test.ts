// @vitest-environment happy-dom
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { describeAdapterFixtures, loadFixtureCase } from '../fixture-tests';
import adapter from './adapter';

describeAdapterFixtures(adapter);

describe(`${adapter.id} details`, () => {
  it('Web K: skips service bubbles and keeps sender, time and link card out of the text', async () => {
    const { doc, close } = loadFixtureCase(adapter, 'webk-group');
    const bubbles = adapter.findPosts(doc);
    expect(bubbles).toHaveLength(6);
    expect(adapter.extract(bubbles[0])).toBeNull();
    const posts = bubbles.map((el) => adapter.extract(el)).filter((p) => p !== null);
    for (const post of posts) expect(post.text).not.toMatch(/\d\d:\d\d|PM|admin$|Job Fair Disnaker 2026|Nama Pengguna/);
    expect(posts[0].author).toBe('Admin Info Kerja');
    await close();
  });

  it('Web K: falls back to .message minus the time when translatable-message is missing', async () => {
    const { doc, close } = loadFixtureCase(adapter, 'webk-group');
    const bubble = adapter.findPosts(doc)[3];
    const span = bubble.querySelector('.translatable-message');
    span?.replaceWith(...Array.from(span?.childNodes ?? []));
    expect(adapter.extract(bubble)?.text).toBe('Ada yang tahu jadwal job fair di kampus minggu depan?');
    await close();
  });

  it('Web A: strips the time/views meta and reactions, skips photo-only messages', async () => {
    const { doc, close } = loadFixtureCase(adapter, 'weba-channel');
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
