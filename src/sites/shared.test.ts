// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  absoluteLinks,
  collapseText,
  hashId,
  isTruncated,
  matchesAny,
  normalizeText,
  queryAllFallback,
  queryFirstFallback,
  textLines,
  unwrapRedirect,
} from './shared';

function html(markup: string): HTMLElement {
  const div = document.createElement('div');
  // Test-only fixture markup written here, never post text from a page.
  div.innerHTML = markup;
  document.body.append(div);
  return div;
}

beforeEach(() => {
  document.body.replaceChildren();
});

describe('collapseText', () => {
  it('reads text a page wraps in an element named like our host, and nothing from a real host', () => {
    const el = html('<p>Halo</p><lokeraman-warning>Kerja di Kamboja gaji 20 juta</lokeraman-warning>');
    expect(collapseText(el)).toBe('Halo\nKerja di Kamboja gaji 20 juta');
    const host = document.createElement('lokeraman-warning');
    host.attachShadow({ mode: 'closed' }).textContent = 'Waspada';
    el.replaceChildren(host, 'Teks postingan');
    expect(collapseText(el)).toBe('Teks postingan');
  });

  it('collapses spaces, keeps line breaks from blocks and <br>', () => {
    const el = html('<div>  Lowongan   kerja\n\n  admin </div><p>Gaji<br>UMR</p><span>a</span> <span>b</span>');
    expect(collapseText(el)).toBe('Lowongan kerja admin\nGaji\nUMR\na b');
  });

  it('keeps source newlines only when asked (pre-wrap sites) or inside <pre>', () => {
    const el = html('<span>Gaji\n15 juta</span><pre>a\nb</pre>');
    expect(collapseText(el)).toBe('Gaji 15 juta\na\nb');
    expect(collapseText(el, { preserveNewlines: true })).toBe('Gaji\n15 juta\na\nb');
  });

  it('skips hidden, aria-hidden, inline display:none, scripts and buttons', () => {
    const el = html(
      '<span>Visible</span><span hidden>H1</span><span aria-hidden="true">H2</span>' +
        '<span style="color:red; display: none">H3</span><script>x()</script>' +
        '<div role="button">See more</div><button>Translate</button><span> text</span>',
    );
    expect(collapseText(el)).toBe('Visible text');
  });

  it('keeps aria-hidden text on request', () => {
    const el = html(
      '<a href="/h"><span class="sr">hashtag</span><span><span aria-hidden="true">#</span>loker</span></a>',
    );
    expect(collapseText(el, { skip: ['.sr'] })).toBe('loker');
    expect(collapseText(el, { skip: ['.sr'], keepAriaHidden: true })).toBe('#loker');
  });

  it('keeps buttons on request and applies extra skip selectors', () => {
    const el = html('<span>A</span> <span role="button">B</span> <span class="x">C</span>');
    expect(collapseText(el, { keepButtons: true, skip: ['.x'] })).toBe('A B');
  });

  it('keeps emoji image alts but not descriptive alts', () => {
    const el = html(
      'Kerja di <img alt="🇰🇭" src="e.png"> <img alt="👉🏻" src="e.png"> <img alt="Photo of a man" src="p.jpg">',
    );
    expect(collapseText(el)).toBe('Kerja di 🇰🇭 👉🏻');
  });

  it('keeps emoji characters and returns "" for null', () => {
    expect(collapseText(html('Gaji 💰 15jt'))).toBe('Gaji 💰 15jt');
    expect(collapseText(null)).toBe('');
  });

  it('normalizeText handles nbsp and CRLF', () => {
    expect(normalizeText('a\u00a0\u00a0b\r\n\r\n c ')).toBe('a b\nc');
  });
});

describe('absoluteLinks / unwrapRedirect', () => {
  it('resolves relative links against the base and de-duplicates', () => {
    const el = html(
      '<a href="/groups/1/posts/2">p</a><a href="https://wa.me/628000">wa</a><a href="/groups/1/posts/2">again</a>',
    );
    expect(absoluteLinks(el, 'https://www.facebook.com/groups/1')).toEqual([
      'https://www.facebook.com/groups/1/posts/2',
      'https://wa.me/628000',
    ]);
  });

  it('resolves known redirect wrappers and drops fbclid', () => {
    const target = 'https://t.me/lokerkamboja?x=1';
    const el = html(
      `<a href="https://l.facebook.com/l.php?u=${encodeURIComponent(`${target}&fbclid=abc`)}&h=AT0">1</a>` +
        `<a href="https://lm.facebook.com/l.php?u=${encodeURIComponent('https://wa.me/855123')}">2</a>` +
        `<a href="https://l.instagram.com/?u=${encodeURIComponent('https://bit.ly/x')}&e=1">3</a>` +
        `<a href="https://out.reddit.com/t3_abc?url=${encodeURIComponent('https://example.org/job')}&token=z">4</a>` +
        `<a href="https://href.li/?https://example.net/a">5</a>` +
        '<a href="https://t.co/AbCdEf">6</a>',
    );
    expect(absoluteLinks(el, 'https://www.facebook.com/')).toEqual([
      target,
      'https://wa.me/855123',
      'https://bit.ly/x',
      'https://example.org/job',
      'https://example.net/a',
      'https://t.co/AbCdEf',
    ]);
  });

  it('drops javascript:, fragment-only and unparseable hrefs; keeps mailto', () => {
    const el = html(
      '<a href="javascript:void(0)">a</a><a href="#">b</a><a href="http://[bad">c</a><a href="mailto:hrd@pt.co.id">d</a>',
    );
    expect(absoluteLinks(el, 'https://www.reddit.com/')).toEqual(['mailto:hrd@pt.co.id']);
  });

  it('skips links inside excluded subtrees', () => {
    const el = html('<a href="https://wa.me/1">a</a><span class="more"><a href="/permalink/2">More</a></span>');
    expect(absoluteLinks(el, 'https://m.facebook.com/', { skip: ['.more'] })).toEqual(['https://wa.me/1']);
  });

  it('includes the element itself when it is a link', () => {
    const a = html('<a href="https://example.com/x">x</a>').querySelector('a');
    expect(absoluteLinks(a, 'https://example.com/')).toEqual(['https://example.com/x']);
  });

  it('unwraps nested wrappers and leaves unknown URLs alone', () => {
    const inner = `https://l.instagram.com/?u=${encodeURIComponent('https://wa.me/1')}`;
    expect(unwrapRedirect(`https://l.facebook.com/l.php?u=${encodeURIComponent(inner)}`)).toBe('https://wa.me/1');
    expect(unwrapRedirect('https://l.facebook.com/l.php')).toBe('https://l.facebook.com/l.php');
    expect(unwrapRedirect('not a url')).toBe('not a url');
    expect(unwrapRedirect(`https://l.threads.com/?u=${encodeURIComponent('https://wa.me/2')}&e=x`)).toBe(
      'https://wa.me/2',
    );
  });
});

describe('hashId', () => {
  it('is deterministic, site-scoped and text-sensitive', () => {
    expect(hashId('facebook', 'abc')).toBe(hashId('facebook', 'abc'));
    expect(hashId('facebook', 'abc')).not.toBe(hashId('facebook', 'abd'));
    expect(hashId('facebook', 'abc')).not.toBe(hashId('x-twitter', 'abc'));
    expect(hashId('facebook', 'abc')).toMatch(/^facebook:h[0-9a-z]+$/);
  });
});

describe('queryAllFallback', () => {
  it('uses the first selector with hits and does not mix fallbacks', () => {
    const el = html('<div class="new"></div><div class="new"></div><div class="old"></div>');
    expect(queryAllFallback(el, ['.newest', '.new', '.old'])).toHaveLength(2);
    expect(queryAllFallback(el, ['.none', '.old'])).toHaveLength(1);
    expect(queryAllFallback(el, ['.none'])).toEqual([]);
  });

  it('includes the root itself, skips invalid selectors, and works in an open shadow root', () => {
    const el = html('<article data-x="1"><article data-x="2"></article></article>');
    const outer = el.firstElementChild as Element;
    expect(queryAllFallback(outer, ['[[bad', 'article'])).toHaveLength(2);
    const host = html('').appendChild(document.createElement('div'));
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.append(document.createElement('article'));
    expect(queryAllFallback(shadow, ['article'])).toHaveLength(1);
    expect(queryFirstFallback(outer, ['.none', 'article'])).toBe(outer);
    expect(queryFirstFallback(null, ['a'])).toBeNull();
  });
});

describe('matchesAny', () => {
  it('is true when any selector matches and treats an invalid selector as no match', () => {
    const el = html('<p class="body"></p>').firstElementChild as Element;
    expect(matchesAny(el, ['.title', 'p.body'])).toBe(true);
    expect(matchesAny(el, ['[[bad', '.body'])).toBe(true);
    expect(matchesAny(el, ['[[bad', '.title'])).toBe(false);
    expect(matchesAny(el, [])).toBe(false);
  });
});

describe('textLines', () => {
  it('puts each non-empty field on its own normalized line', () => {
    expect(textLines('  Admin  Gudang ', undefined, '', '   ', null, 'PT Contoh\n\nJakarta')).toBe(
      'Admin Gudang\nPT Contoh\nJakarta',
    );
    expect(textLines()).toBe('');
  });
});

describe('isTruncated', () => {
  it('detects whole-label truncation controls in several languages', () => {
    expect(isTruncated(html('text <div role="button">See more</div>'))).toBe(true);
    expect(isTruncated(html('text <div role="button" tabindex="0">Lihat selengkapnya</div>'))).toBe(true);
    expect(isTruncated(html('text <span role="button">… more</span>'))).toBe(true);
    expect(isTruncated(html('text <button>...more</button>'))).toBe(true);
  });

  it('ignores plain text, longer labels and hidden controls', () => {
    expect(isTruncated(html('please see more jobs at our site'))).toBe(false);
    expect(isTruncated(html('<a href="/jobs">See more jobs</a>'))).toBe(false);
    expect(isTruncated(html('<div role="button" hidden>See more</div>'))).toBe(false);
    expect(isTruncated(html('<div role="button">Tampilkan</div>'), ['tampilkan'])).toBe(true);
    expect(isTruncated(null)).toBe(false);
  });
});
