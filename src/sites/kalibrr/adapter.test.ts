// @vitest-environment happy-dom
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { describeAdapterFixtures, loadFixtureCase } from '../fixture-tests';
import adapter from './adapter';

describeAdapterFixtures(adapter);

describe(`${adapter.id} details`, () => {
  it('cards: one per job, fields on their own lines, no listing age', async () => {
    const { doc, close } = loadFixtureCase(adapter, 'job-board');
    const posts = adapter.findPosts(doc).map((el) => adapter.extract(el));
    expect(posts.map((p) => p?.id)).toEqual(['900101', '900102', '900103']);
    for (const post of posts) expect(post?.text).not.toMatch(/Diposting|yang lalu|Berikutnya/);
    await close();
  });

  it('job page: the open job is the description, not a card built from its apply link', async () => {
    const { doc, close } = loadFixtureCase(adapter, 'job-page');
    const ids = adapter.findPosts(doc).map((el) => adapter.extract(el)?.id);
    expect(ids).not.toContain('900201');
    expect(ids).toContain('900201-detail');
    await close();
  });

  it('job page without microdata: falls back to the section under "Deskripsi Pekerjaan"', async () => {
    const { doc, close } = loadFixtureCase(adapter, 'job-page');
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
