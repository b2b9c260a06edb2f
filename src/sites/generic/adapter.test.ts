// @vitest-environment happy-dom
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { describeAdapterFixtures, loadFixtureCase } from '../fixture-tests';
import adapter from './adapter';

describeAdapterFixtures(adapter, { onRequestOnly: true, extractsAnyElement: true });

function page(html: string): Document {
  const doc = new Window({ url: 'https://example.com/' }).document as unknown as Document;
  doc.body.innerHTML = html;
  return doc;
}

const JOBBY =
  'Dibutuhkan staf gudang untuk toko bangunan di Bandung, gaji UMK, pengalaman minimal satu tahun, kirim lamaran ke alamat toko sebelum akhir bulan ini ya.';

describe(`${adapter.id} details`, () => {
  it('skips short replies, the sidebar without job words and the site footer', async () => {
    const { doc, close } = loadFixtureCase(adapter, 'forum-thread');
    const texts = adapter.findPosts(doc).map((el) => adapter.extract(el)?.text ?? '');
    expect(texts.some((t) => t.includes('Makasih infonya'))).toBe(false);
    expect(texts.some((t) => t.includes('Forum Warga'))).toBe(false);
    await close();
  });

  it('grows a multi-paragraph post to its body and keeps separate posts separate', async () => {
    const { doc, close } = loadFixtureCase(adapter, 'forum-thread');
    const found = adapter.findPosts(doc);
    expect(found.map((el) => el.closest('article')?.id)).toEqual(['post-101', 'post-103', 'post-104']);
    expect(found[0].className).toBe('post-body');
    expect(found[2].className).toBe('post-body');
    await close();
  });

  it('keeps the innermost block, never both a block and its ancestor', () => {
    const doc = page(`<div id="outer"><div id="inner">${JOBBY}</div><div>Sekian dan terima kasih.</div></div>`);
    expect(adapter.findPosts(doc).map((el) => el.id)).toEqual(['inner']);
  });

  it('ignores blocks outside 120–5000 characters and blocks without job words', () => {
    const long = `${JOBBY} `.repeat(40);
    const doc = page(
      `<div id="short">Lowongan admin, gaji 5 juta.</div><div id="long">${long}</div><div id="nojob">${'Cuaca hari ini cerah berawan di sebagian besar wilayah kota. '.repeat(3)}</div>`,
    );
    // The long block's sentences are one text node, so nothing smaller qualifies either.
    expect(adapter.findPosts(doc)).toEqual([]);
  });

  it('matches styled-letter job words after NFKC folding', () => {
    const doc = page(
      `<div id="styled">𝐋𝐎𝐖𝐎𝐍𝐆𝐀𝐍 ${'admin toko di kota besar dengan fasilitas lengkap, '.repeat(3)}</div>`,
    );
    expect(adapter.findPosts(doc).map((el) => el.id)).toEqual(['styled']);
  });

  it('searches an open shadow root passed as root and shadow roots below the root', () => {
    const doc = page('<div id="host"></div>');
    const host = doc.getElementById('host');
    const shadow = host?.attachShadow({ mode: 'open' });
    if (!shadow) throw new Error('no shadow root');
    shadow.innerHTML = `<section><p id="in-shadow">${JOBBY}</p></section>`;
    expect(adapter.findPosts(shadow).map((el) => el.tagName)).toEqual(['SECTION']);
    expect(adapter.findPosts(doc).map((el) => el.tagName)).toEqual(['SECTION']);
  });

  it('never throws on odd input', () => {
    const stray = new Window().document.createElement('div') as unknown as Element;
    expect(adapter.extract(stray)).toBeNull();
    expect(adapter.findPosts(stray)).toEqual([]);
  });
});
