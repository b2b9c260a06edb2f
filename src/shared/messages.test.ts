import { describe, expect, it } from 'vitest';
import {
  isMessage,
  MESSAGE_LIMITS,
  parseContentToBackground,
  parseFindingsResponse,
  parsePageToBackground,
  parseToContent,
} from './messages';

const post = { postId: 'p1', site: 'facebook', risk: 'high', score: 9.5, reasons: ['Gaji tinggi'], excerpt: 'Dicari…' };

describe('message guards', () => {
  it('isMessage narrows by type only', () => {
    expect(isMessage({ type: 'content/check-page' }, 'content/check-page')).toBe(true);
    expect(isMessage({ type: 'content/check-page' }, 'content/get-findings')).toBe(false);
    expect(isMessage(null, 'content/check-page')).toBe(false);
    expect(isMessage('content/check-page', 'content/check-page')).toBe(false);
  });

  it('accepts a well-formed summary, with or without site', () => {
    const message = { type: 'verdicts/summary', flagged: 1, posts: [post] };
    expect(parseContentToBackground(message)).toEqual(message);
    expect(parseContentToBackground({ ...message, site: 'facebook' })).toEqual({ ...message, site: 'facebook' });
    expect(parseContentToBackground({ ...message, site: null })).toEqual({ ...message, site: null });
  });

  it.each([
    ['negative count', { type: 'verdicts/summary', flagged: -1, posts: [] }],
    ['fractional count', { type: 'verdicts/summary', flagged: 1.5, posts: [] }],
    ['string count', { type: 'verdicts/summary', flagged: '3', posts: [] }],
    ['bad risk', { type: 'verdicts/summary', flagged: 1, posts: [{ ...post, risk: 'extreme' }] }],
    ['NaN score', { type: 'verdicts/summary', flagged: 1, posts: [{ ...post, score: Number.NaN }] }],
    ['posts not a list', { type: 'verdicts/summary', flagged: 1, posts: {} }],
    ['unknown type', { type: 'tab/findings', tabId: 1 }],
    ['no type', { flagged: 1, posts: [] }],
  ])('rejects %s', (_name, value) => {
    expect(parseContentToBackground(value)).toBeNull();
  });

  it('clips what a hostile page could inflate', () => {
    const huge = {
      type: 'verdicts/summary',
      flagged: 3,
      posts: Array.from({ length: 500 }, (_, i) => ({
        ...post,
        postId: `p${i}`,
        excerpt: 'x'.repeat(10_000),
        reasons: Array.from({ length: 50 }, () => 'r'),
      })),
    };
    const parsed = parseContentToBackground(huge);
    if (parsed?.type !== 'verdicts/summary') throw new Error('expected a summary');
    expect(parsed.posts).toHaveLength(MESSAGE_LIMITS.posts);
    expect(parsed.posts[0].excerpt).toHaveLength(MESSAGE_LIMITS.text);
    expect(parsed.posts[0].reasons).toHaveLength(MESSAGE_LIMITS.reasons);
  });

  it('findings responses are summaries without a type', () => {
    expect(parseFindingsResponse({ flagged: 0, posts: [] })).toEqual({ flagged: 0, posts: [] });
    expect(parseFindingsResponse(undefined)).toBeNull();
  });

  it('page and content messages', () => {
    expect(parsePageToBackground({ type: 'tab/findings', tabId: 4 })).toEqual({ type: 'tab/findings', tabId: 4 });
    expect(parsePageToBackground({ type: 'tab/findings', tabId: -1 })).toBeNull();
    expect(parsePageToBackground({ type: 'tab/check-page' })).toBeNull();
    expect(parseToContent({ type: 'content/check-selection', text: 'x' })).toEqual({
      type: 'content/check-selection',
      text: 'x',
    });
    expect(parseToContent({ type: 'content/scroll-to-post' })).toBeNull();
  });
});
