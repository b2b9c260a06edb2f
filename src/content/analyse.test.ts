// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Verdict } from '../engine/types';
import { createPostBook, createVerdictCache, MAX_POST_CHARS, readPost, rescored } from './analyse';
import { createHostRenderer } from './render';
import { fakeAdapter, fakeEngine, LEGIT, LURE, recordingMount } from './test-helpers';

const verdict = (score: number, risk: Verdict['risk']): Verdict => ({
  risk,
  score,
  lang: 'id',
  flags: [],
  isJobOffer: true,
});

describe('readPost', () => {
  it('caps the text at MAX_POST_CHARS and hashes text and links together', () => {
    const el = document.createElement('article');
    el.setAttribute('data-post', 'p');
    el.innerHTML = `<p class="body">${'a'.repeat(MAX_POST_CHARS + 10)}</p>`;
    const read = readPost(fakeAdapter(), el);
    expect(read?.post.text.length).toBe(MAX_POST_CHARS);
    const withLink = readPost(
      fakeAdapter({ extract: () => ({ id: 'p', text: 'same', links: ['https://x.example'], partial: false }) }),
      el,
    );
    const without = readPost(
      fakeAdapter({ extract: () => ({ id: 'p', text: 'same', links: [], partial: false }) }),
      el,
    );
    expect(withLink?.hash).not.toBe(without?.hash);
  });

  it('is null for an element without text', () => {
    expect(readPost(fakeAdapter(), document.createElement('article'))).toBeNull();
  });
});

describe('rescored and the verdict cache', () => {
  it('keeps the same verdict object when the thresholds do not change its risk', () => {
    const v = verdict(5, 'medium');
    expect(rescored(v, null)).toBe(v);
    expect(rescored(v, { low: 1, medium: 4, high: 8 })).toBe(v);
    expect(rescored(v, { low: 1, medium: 6, high: 8 }).risk).toBe('low');
  });

  it('drops the oldest verdict beyond its size', () => {
    const cache = createVerdictCache(2);
    cache.set(1, verdict(1, 'low'));
    cache.set(2, verdict(2, 'low'));
    cache.set(3, verdict(3, 'low'));
    expect([cache.get(1), cache.get(2)?.score, cache.get(3)?.score]).toEqual([undefined, 2, 3]);
  });
});

describe('createPostBook', () => {
  function setup() {
    document.body.innerHTML = `<article data-post="lure"><p class="body">${LURE}</p></article><article data-post="legit"><p class="body">${LEGIT}</p></article>`;
    const engine = fakeEngine();
    const ui = recordingMount();
    const safe = <T>(_: string, fn: () => T, fallback: T) => {
      try {
        return fn();
      } catch {
        return fallback;
      }
    };
    const adapter = fakeAdapter();
    const render = createHostRenderer({ adapter, mount: ui.mount, now: () => 0, safe });
    const book = createPostBook({
      adapter,
      analyze: engine.analyze,
      shows: (v) => v.risk === 'medium' || v.risk === 'high',
      render,
      safe,
      cacheSize: 10,
    });
    const el = (id: string) => document.querySelector(`[data-post="${id}"]`) as Element;
    return { engine, ui, book, el };
  }

  it('renders a host for a shown verdict only, and analyses an unchanged text once', () => {
    const t = setup();
    t.book.check(t.el('lure'));
    t.book.check(t.el('legit'));
    t.book.check(t.el('lure'));
    expect(t.ui.mounted.map((m) => m.post.id)).toEqual(['lure']);
    expect(t.engine.calls).toHaveLength(2);
    expect(t.book.takeFindingsChanged()).toBe(true);
    expect(t.book.takeFindingsChanged()).toBe(false);
  });

  it('takes the host away when stricter thresholds lower the risk, without re-reading the text', () => {
    const t = setup();
    t.book.check(t.el('lure'));
    t.book.setThresholds({ low: 1, medium: 50, high: 100 });
    expect(t.ui.mounted[0].destroyed).toBe(true);
    expect(t.el('lure').querySelector('lokeraman-warning')).toBeNull();
    expect(t.engine.calls).toHaveLength(1);
  });

  it('forgets posts that left the page', () => {
    const t = setup();
    t.book.check(t.el('lure'));
    t.el('lure').remove();
    t.book.prune();
    expect(t.book.records.size).toBe(0);
    expect(t.ui.mounted[0].destroyed).toBe(true);
  });
});
