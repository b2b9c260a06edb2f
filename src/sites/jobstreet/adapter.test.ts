// @vitest-environment happy-dom
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { describeAdapterFixtures, loadFixtureCase } from '../fixture-tests';
import adapter from './adapter';

describeAdapterFixtures(adapter);

describe(`${adapter.id} details`, () => {
  it('keeps card text to the ad fields, not screen-reader labels, dates or buttons', async () => {
    const { doc, close } = loadFixtureCase(adapter, 'search-results');
    for (const post of adapter.findPosts(doc).map((el) => adapter.extract(el))) {
      expect(post?.text).not.toMatch(
        /Listed more than|hari yang lalu|classification:|Masuk untuk menyimpan|Ini adalah lowongan/,
      );
      expect(post?.url).toBe(`https://id.jobstreet.com/id/job/${post?.id}`);
    }
    await close();
  });

  it('scans the split-view detail pane next to the cards, with an id distinct from the card', async () => {
    const { doc, close } = loadFixtureCase(adapter, 'search-results');
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

  it('takes the open job id from ?jobId= in the split view and puts the warning above the title', async () => {
    const { doc, close } = loadFixtureCase(adapter, 'job-detail', {
      url: 'https://id.jobstreet.com/id/jobs?jobId=83416560&type=standard',
    });
    const [body] = adapter.findPosts(doc);
    expect(adapter.extract(body)?.id).toBe('83416560-detail');
    expect(adapter.badgeSlot(body)?.before?.getAttribute('data-automation')).toBe('job-detail-title');
    await close();
  });

  it('never throws on odd input', () => {
    const stray = new Window().document.createElement('article') as unknown as Element;
    stray.setAttribute('data-job-id', '1');
    expect(adapter.extract(stray)).toBeNull();
    expect(adapter.findPosts(stray)).toEqual([]);
  });
});
