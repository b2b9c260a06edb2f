// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Verdict } from '../engine/types';
import { createHostRenderer, HOST_TAG, type PostRecord } from './render';
import { fakeAdapter, recordingMount } from './test-helpers';

const verdict: Verdict = { risk: 'high', score: 9, lang: 'id', flags: [], isJobOffer: true };

function setup() {
  document.body.innerHTML = '<article data-post="p"><a href="/x">3 h</a><p class="body">text</p></article>';
  const el = document.querySelector('article') as Element;
  const ui = recordingMount();
  const safe = <T>(_: string, fn: () => T, fallback: T) => {
    try {
      return fn();
    } catch {
      return fallback;
    }
  };
  const render = createHostRenderer({ adapter: fakeAdapter(), mount: ui.mount, now: () => 123, safe });
  const rec: PostRecord = {
    el,
    hash: 1,
    post: { id: 'p', text: 'text', links: [], partial: false },
    raw: verdict,
    verdict,
    host: null,
    view: null,
  };
  return { el, ui, render, rec };
}

describe('createHostRenderer', () => {
  it('puts one host in the adapter slot (above the text, inside the card) and mounts the warning once', () => {
    const t = setup();
    t.render.place(t.rec);
    t.render.place(t.rec);
    const hosts = t.el.querySelectorAll(HOST_TAG);
    expect(hosts).toHaveLength(1);
    expect(hosts[0].nextElementSibling?.className).toBe('body');
    expect(hosts[0].getAttribute('data-lokeraman-risk')).toBe('high');
    expect(t.ui.mounted).toHaveLength(1);
    expect(t.rec.shownAt).toBe(123);
    expect(t.render.owns(hosts[0])).toBe(true);
  });

  it('puts the same host back when the site dropped it', () => {
    const t = setup();
    t.render.place(t.rec);
    const host = t.rec.host as HTMLElement;
    host.remove();
    expect(t.render.ownerOf(host)).toBe(t.rec);
    t.render.place(t.rec);
    expect(t.el.querySelector(HOST_TAG)).toBe(host);
    expect(t.ui.mounted).toHaveLength(1);
  });

  it('does not own a <lokeraman-warning> the page wrote, and removal unmounts and forgets ours', () => {
    const t = setup();
    const planted = document.createElement(HOST_TAG);
    planted.setAttribute('data-lokeraman-post-id', 'p');
    t.el.prepend(planted);
    t.render.place(t.rec);
    expect(t.render.owns(planted)).toBe(false);
    const host = t.rec.host as HTMLElement;
    t.render.remove(t.rec);
    expect(host.isConnected).toBe(false);
    expect(t.ui.mounted[0].destroyed).toBe(true);
    expect(t.render.ownerOf(host)).toBeUndefined();
  });
});
