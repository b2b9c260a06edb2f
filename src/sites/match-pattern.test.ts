import { describe, expect, it } from 'vitest';
import { matchPatternToRegExp, patternsMatch, urlMatches } from './match-pattern';

const m = (pattern: string, url: string) => patternsMatch([pattern], url);

describe('matchPatternToRegExp', () => {
  it('scheme * means http and https only', () => {
    expect(m('*://www.facebook.com/*', 'https://www.facebook.com/groups/1')).toBe(true);
    expect(m('*://www.facebook.com/*', 'http://www.facebook.com/')).toBe(true);
    expect(m('*://www.facebook.com/*', 'ftp://www.facebook.com/')).toBe(false);
    expect(m('*://www.facebook.com/*', 'wss://www.facebook.com/')).toBe(false);
  });

  it('explicit scheme is exact', () => {
    expect(m('https://x.com/*', 'https://x.com/home')).toBe(true);
    expect(m('https://x.com/*', 'http://x.com/home')).toBe(false);
  });

  it('*.host matches the bare host and any subdomain but not lookalikes', () => {
    const p = '*://*.facebook.com/*';
    expect(m(p, 'https://facebook.com/')).toBe(true);
    expect(m(p, 'https://m.facebook.com/story.php')).toBe(true);
    expect(m(p, 'https://a.b.facebook.com/')).toBe(true);
    expect(m(p, 'https://notfacebook.com/')).toBe(false);
    expect(m(p, 'https://facebook.com.evil.example/')).toBe(false);
    expect(m(p, 'https://facebookxcom/')).toBe(false);
  });

  it('exact host does not match subdomains', () => {
    expect(m('https://x.com/*', 'https://mobile.x.com/home')).toBe(false);
  });

  it('host * matches every host', () => {
    expect(m('https://*/*', 'https://anything.example/a')).toBe(true);
  });

  it('path globs are anchored and cover the query, not the fragment', () => {
    const p = 'https://www.linkedin.com/jobs/view/*';
    expect(m(p, 'https://www.linkedin.com/jobs/view/123/')).toBe(true);
    expect(m(p, 'https://www.linkedin.com/feed/')).toBe(false);
    expect(m('https://a.example/foo*bar', 'https://a.example/foo-x-bar')).toBe(true);
    expect(m('https://a.example/foo*bar', 'https://a.example/foo-x-bar/baz')).toBe(false);
    expect(m('https://a.example/search?q=*', 'https://a.example/search?q=loker')).toBe(true);
    expect(m('https://a.example/page', 'https://a.example/page#comments')).toBe(true);
    expect(m('https://a.example/', 'https://a.example/page')).toBe(false);
  });

  it('regex metacharacters in patterns are literal', () => {
    expect(m('https://a.example/a.b', 'https://a.example/aXb')).toBe(false);
    expect(m('https://a.example/(x)', 'https://a.example/(x)')).toBe(true);
  });

  it('ports: omitted or * means any, explicit must match', () => {
    expect(m('http://localhost/*', 'http://localhost:5173/x')).toBe(true);
    expect(m('http://localhost:*/*', 'http://localhost:5173/x')).toBe(true);
    expect(m('http://localhost:8080/*', 'http://localhost:5173/x')).toBe(false);
    expect(m('http://localhost:8080/*', 'http://localhost:8080/x')).toBe(true);
  });

  it('<all_urls> and file', () => {
    expect(m('<all_urls>', 'https://example.com/')).toBe(true);
    expect(m('<all_urls>', 'file:///tmp/a.html')).toBe(true);
    expect(m('<all_urls>', 'chrome://extensions/')).toBe(false);
    expect(m('file:///*', 'file:///tmp/a.html')).toBe(true);
  });

  it('rejects malformed patterns', () => {
    expect(() => matchPatternToRegExp('https://www.face*book.com/*')).toThrow();
    expect(() => matchPatternToRegExp('https://x.com')).toThrow();
    expect(() => matchPatternToRegExp('x.com/*')).toThrow();
    expect(() => matchPatternToRegExp('file://host/*')).toThrow();
    expect(patternsMatch(['https://x.com'], 'https://x.com/')).toBe(false);
  });

  it('hosts compare case-insensitively', () => {
    expect(m('https://WWW.Reddit.com/*', 'https://www.reddit.com/r/a')).toBe(true);
  });
});

describe('urlMatches', () => {
  const adapter = {
    matches: ['https://t.me/*'],
    isPostPage: (url: URL) => url.pathname.startsWith('/s/'),
  };

  it('needs both a matching pattern and isPostPage', () => {
    expect(urlMatches(adapter, 'https://t.me/s/channel')).toBe(true);
    expect(urlMatches(adapter, 'https://t.me/channel')).toBe(false);
    expect(urlMatches(adapter, 'https://web.telegram.org/s/x')).toBe(false);
    expect(urlMatches(adapter, new URL('https://t.me/s/x'))).toBe(true);
  });

  it('without isPostPage only the patterns decide; bad input never throws', () => {
    expect(urlMatches({ matches: ['*://*.kaskus.co.id/*'] }, 'https://www.kaskus.co.id/thread/1')).toBe(true);
    expect(urlMatches({ matches: ['*://*.kaskus.co.id/*'] }, 'not a url')).toBe(false);
    const throwing = {
      matches: ['https://a.example/*'],
      isPostPage: () => {
        throw new Error('x');
      },
    };
    expect(urlMatches(throwing, 'https://a.example/')).toBe(false);
  });
});
