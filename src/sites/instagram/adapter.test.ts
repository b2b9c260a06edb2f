// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { describeAdapterFixtures } from '../fixture-tests';
import adapter from './adapter';

describeAdapterFixtures(adapter);

describe('instagram home feed article (documented markup, no snapshot)', () => {
  it('reads the caption span, the post shortcode and the "more" clamp', () => {
    const article = document.createElement('article');
    const author = document.createElement('a');
    author.href = '/nama.pengguna/';
    author.textContent = 'nama.pengguna';
    const caption = document.createElement('span');
    caption.className = '_ap3a _aaco _aacu _aacx _aad7 _aade';
    caption.dir = 'auto';
    caption.textContent = 'Dicari admin online, penempatan luar negeri';
    const more = document.createElement('span');
    more.setAttribute('role', 'button');
    more.textContent = '… more';
    const link = document.createElement('a');
    link.href = 'https://www.instagram.com/p/DAbCdEf123/';
    article.append(author, caption, more, link);
    document.body.replaceChildren(article);
    expect(adapter.findPosts(document)).toEqual([article]);
    expect(adapter.extract(article)).toMatchObject({
      id: 'instagram:DAbCdEf123',
      text: 'Dicari admin online, penempatan luar negeri',
      partial: true,
    });
  });
});
