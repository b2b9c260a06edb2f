import { describe, expect, it } from 'vitest';
import type { PostSummary } from '../shared/messages';
import { applySummary, badgeText, flaggedCount, tabFindings } from './findings';

const post = (postId: string, risk: PostSummary['risk'], score: number): PostSummary => ({
  postId,
  site: 'facebook',
  risk,
  score,
  reasons: [],
  excerpt: postId,
});

describe('badge', () => {
  it.each([
    [0, ''],
    [-3, ''],
    [Number.NaN, ''],
    [1, '1'],
    [42, '42'],
    [99, '99'],
    [100, '99+'],
  ])('count %s shows %j', (count, text) => {
    expect(badgeText(count)).toBe(text);
  });

  it('sums frames and a newer summary of a frame replaces the older one', () => {
    let state = applySummary(undefined, 0, {
      flagged: 2,
      posts: [],
      url: 'https://www.facebook.com/',
      site: 'facebook',
    });
    state = applySummary(state, 7, { flagged: 1, posts: [], url: 'https://www.facebook.com/x', site: 'facebook' });
    expect(flaggedCount(state)).toBe(3);
    state = applySummary(state, 0, { flagged: 0, posts: [], url: 'https://www.facebook.com/', site: 'facebook' });
    expect(flaggedCount(state)).toBe(1);
    expect(flaggedCount(undefined)).toBe(0);
  });
});

describe('tab findings for the popup', () => {
  it('lists medium/high posts once, high first then by score; site and url from the top frame', () => {
    let state = applySummary(undefined, 3, {
      flagged: 1,
      posts: [post('a', 'medium', 5), post('low', 'low', 2)],
      url: 'https://frame.example/',
      site: null,
    });
    state = applySummary(state, 0, {
      flagged: 3,
      posts: [post('b', 'medium', 6), post('c', 'high', 8), post('a', 'medium', 5)],
      url: 'https://www.facebook.com/groups/x',
      site: 'facebook',
    });
    const findings = tabFindings(12, state);
    expect(findings.posts.map((p) => p.postId)).toEqual(['c', 'b', 'a']);
    expect(findings).toMatchObject({
      tabId: 12,
      flagged: 4,
      site: 'facebook',
      url: 'https://www.facebook.com/groups/x',
    });
  });

  it('an unknown tab has no findings', () => {
    expect(tabFindings(5, undefined)).toEqual({ tabId: 5, flagged: 0, posts: [], site: null, url: null });
  });
});
