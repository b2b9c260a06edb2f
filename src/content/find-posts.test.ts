// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createPostFinder, enclosing, WALK_CHUNK } from './find-posts';
import { fakeAdapter } from './test-helpers';

function finder(root: Element, watching = true) {
  const posts: Element[] = [];
  const shadows: ShadowRoot[] = [];
  const ours = new Set<Node>();
  const f = createPostFinder({
    adapter: fakeAdapter(),
    rootNode: root,
    watching,
    isOurHost: (n) => ours.has(n),
    onPost: (el) => void posts.push(el),
    onShadowRoot: (s) => void shadows.push(s),
    log: () => {},
  });
  const drain = () => {
    for (let i = 0; i < 10_000 && (f.hasRoots() || f.hasWalks()); i++) {
      if (f.hasRoots()) f.discoverNext();
      else f.walkNext();
    }
  };
  return { f, posts, shadows, ours, drain };
}

describe('createPostFinder', () => {
  it('finds posts in a subtree and in open shadow roots inside it, but not inside our own hosts', () => {
    document.body.innerHTML =
      '<main><article data-post="a"><p class="body">x</p></article><div id="widget"></div></main>';
    const main = document.querySelector('main') as Element;
    const widget = document.getElementById('widget') as Element;
    widget.attachShadow({ mode: 'open' }).innerHTML = '<article data-post="b"><p class="body">y</p></article>';
    const ourHost = document.createElement('lokeraman-warning');
    main.append(ourHost);
    ourHost.attachShadow({ mode: 'open' }).innerHTML = '<article data-post="c"><p class="body">z</p></article>';
    const t = finder(main);
    t.ours.add(ourHost);
    t.f.add(main);
    t.drain();
    expect(t.posts.map((p) => p.getAttribute('data-post'))).toEqual(['a', 'b']);
    expect(t.shadows).toEqual([widget.shadowRoot]);
  });

  it('walks a large subtree in chunks of WALK_CHUNK elements per step', () => {
    document.body.innerHTML = `<main>${'<span></span>'.repeat(WALK_CHUNK * 2 + 1)}</main>`;
    const main = document.querySelector('main') as Element;
    const t = finder(main);
    t.f.add(main);
    t.f.discoverNext();
    let steps = 0;
    while (t.f.hasWalks()) {
      t.f.walkNext();
      steps++;
    }
    expect(steps).toBe(3);
  });

  it('skips subtrees that left the page before their turn', () => {
    document.body.innerHTML = '<main></main>';
    const detached = document.createElement('article');
    detached.setAttribute('data-post', 'gone');
    const t = finder(document.querySelector('main') as Element);
    t.f.add(detached);
    t.drain();
    expect(t.posts).toEqual([]);
  });
});

describe('enclosing', () => {
  it('looks up through shadow roots to the host', () => {
    document.body.innerHTML = '<article id="post"></article>';
    const post = document.getElementById('post') as Element;
    const inner = document.createElement('b');
    post.attachShadow({ mode: 'open' }).append(inner);
    expect(enclosing(inner, (el) => (el === post ? 'found' : undefined))).toBe('found');
    expect(enclosing(inner, () => undefined)).toBeNull();
  });
});
