// @vitest-environment happy-dom
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { describeAdapterFixtures, loadFixtureCase } from '../fixture-tests';
import adapter from './adapter';

describeAdapterFixtures(adapter);

describe(`${adapter.id} details`, () => {
  it('keeps the salary once (the title wrapper also matches a *Salary* prefix) and drops the "+N" chip and Hot badge', async () => {
    const { doc, close } = loadFixtureCase(adapter, 'explore-list');
    const first = adapter.extract(adapter.findPosts(doc)[0]);
    expect(first?.text.match(/Gaji Tidak Ditampilkan/g)).toHaveLength(1);
    expect(first?.text).not.toMatch(/\+\s*3|Hot/);
    expect(first?.url).toMatch(/^https:\/\/glints\.com\/id\/opportunities\/jobs\/desk-collection\/509c8af5-/);
    await close();
  });

  it('detail page: text starts with title, company, salary; warning goes under the title', async () => {
    const { doc, close } = loadFixtureCase(adapter, 'job-detail');
    const [body] = adapter.findPosts(doc);
    expect(adapter.extract(body)?.text.split('\n').slice(0, 3)).toEqual([
      'Customer Service Online (Luar Negeri)',
      'PT Jaya Karya Internasional',
      'IDR25.000.000 - 35.000.000',
    ]);
    expect(adapter.badgeSlot(body)?.before?.tagName).toBe('H1');
    await close();
  });

  it('never throws on odd input', () => {
    const stray = new Window().document.createElement('div') as unknown as Element;
    stray.setAttribute('data-gtm-job-id', 'x');
    expect(adapter.extract(stray)).toBeNull();
    expect(adapter.findPosts(stray)).toEqual([]);
  });
});
