// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { describeAdapterFixtures } from '../fixture-tests';
import adapter from './adapter';

describeAdapterFixtures(adapter);

describe('reddit roots other than the document', () => {
  it('finds shreddit posts inside an open shadow root and in a subtree root', () => {
    const host = document.createElement('div');
    document.body.replaceChildren(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const post = document.createElement('shreddit-post');
    post.id = 't3_abc123';
    const title = document.createElement('h1');
    title.setAttribute('slot', 'title');
    title.textContent = 'Loker admin';
    post.append(title);
    shadow.append(post);
    expect(adapter.findPosts(shadow)).toEqual([post]);
    expect(adapter.findPosts(post)).toEqual([post]);
    expect(adapter.extract(post)).toMatchObject({ id: 'reddit:t3_abc123', text: 'Loker admin', partial: false });
  });

  it('returns null for an empty container and never throws on odd input', () => {
    const empty = document.createElement('shreddit-post');
    expect(adapter.extract(empty)).toBeNull();
    expect(adapter.findPosts(document.createDocumentFragment())).toEqual([]);
  });
});
