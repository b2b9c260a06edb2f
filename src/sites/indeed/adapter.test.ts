// @vitest-environment happy-dom
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { describeAdapterFixtures, loadFixtureCase } from '../fixture-tests';
import adapter from './adapter';

describeAdapterFixtures(adapter, { extractsAnyElement: true });

describe(`${adapter.id} details`, () => {
  it('reads header fields from the job component, not the rating or "Job details" labels', async () => {
    const { doc, close } = loadFixtureCase(adapter, 'viewjob-real');
    const [body] = adapter.findPosts(doc);
    const post = adapter.extract(body);
    expect(post?.text.split('\n').slice(0, 4)).toEqual([
      'Senior DevOps Engineer',
      'PaperCut Software',
      'Camberwell VIC 3124',
      '$130,000 - $160,000 a year - Full-time',
    ]);
    expect(post?.text).not.toMatch(/out of 5 stars|opens in a new tab/);
    expect(adapter.badgeSlot(body)?.before?.tagName).toBe('H1');
    await close();
  });

  it('takes the job key from vjk on a search page, else from the canonical link', async () => {
    const search = loadFixtureCase(adapter, 'viewjob-legit', {
      url: 'https://id.indeed.com/jobs?q=admin&vjk=00000000000000ff',
    });
    expect(adapter.extract(adapter.findPosts(search.doc)[0])?.id).toBe('00000000000000ff');
    await search.close();
    const bare = loadFixtureCase(adapter, 'viewjob-legit', { url: 'https://id.indeed.com/jobs?q=admin' });
    expect(adapter.extract(adapter.findPosts(bare.doc)[0])?.id).toBe('0000000000d4e5f6');
    await bare.close();
  });

  it('never throws on odd input', () => {
    const stray = new Window().document.createElement('div') as unknown as Element;
    stray.id = 'jobDescriptionText';
    expect(adapter.extract(stray)).toBeNull();
    expect(adapter.findPosts(stray)).toEqual([stray]);
  });
});
