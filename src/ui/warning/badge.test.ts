// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Verdict } from '../../engine/types';
import { type DialogModule, mountBadge, openStandalone } from './badge';
import type { WarningInput } from './types';

const verdict: Verdict = {
  risk: 'high',
  score: 9,
  lang: 'id',
  isJobOffer: true,
  flags: [{ id: 'dest', family: 'destination', weight: 3, title: 'T', message: 'M', evidence: [] }],
};
const input: WarningInput = {
  verdict,
  post: { id: 'p1', text: 'x', links: [] },
  site: 'facebook',
  pageUrl: 'https://www.facebook.com/',
  lang: 'en',
  country: 'ID',
  rulesVersion: 'r1',
  extensionVersion: '0.1.0',
};

function fakeModule() {
  const shown: HTMLElement[] = [];
  const module: DialogModule = {
    showDialog(container) {
      const node = document.createElement('div');
      node.setAttribute('data-lokeraman-dialog', '');
      container.append(node);
      shown.push(node);
      return { update() {}, close: () => node.remove() };
    },
    hidePost: vi.fn(async () => {}),
  };
  return { module, shown };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('badge with a lazily loaded dialog', () => {
  it('loads the dialog only on click, marks the button busy meanwhile, opens once however often clicked', async () => {
    const host = document.createElement('lokeraman-warning');
    document.body.append(host);
    const { module, shown } = fakeModule();
    const pending = deferred<DialogModule>();
    const source = vi.fn(() => pending.promise);
    mountBadge(host, input, source);
    expect(source).not.toHaveBeenCalled();
    const button = host.shadowRoot?.querySelector('.la-badge-button') as HTMLButtonElement;
    button.click();
    button.click();
    expect(source).toHaveBeenCalledTimes(1);
    expect(button.getAttribute('aria-busy')).toBe('true');
    pending.resolve(module);
    await flush();
    expect(button.hasAttribute('aria-busy')).toBe(false);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(shown).toHaveLength(1);
    expect(host.shadowRoot?.querySelector('[data-lokeraman-dialog]')).not.toBeNull();
  });

  it('a failed chunk load leaves the badge usable for another try', async () => {
    const host = document.createElement('lokeraman-warning');
    document.body.append(host);
    const { module, shown } = fakeModule();
    const first = deferred<DialogModule>();
    let calls = 0;
    mountBadge(host, input, () => (++calls === 1 ? first.promise : module));
    const button = host.shadowRoot?.querySelector('.la-badge-button') as HTMLButtonElement;
    button.click();
    first.reject(new Error('chunk gone'));
    await flush();
    expect(shown).toHaveLength(0);
    button.click();
    expect(shown).toHaveLength(1);
  });

  it('does not open a dialog that arrives after the badge was destroyed or the standalone closed', async () => {
    const host = document.createElement('lokeraman-warning');
    document.body.append(host);
    const { module, shown } = fakeModule();
    const pending = deferred<DialogModule>();
    const view = mountBadge(host, input, () => pending.promise);
    const button = host.shadowRoot?.querySelector('.la-badge-button') as HTMLButtonElement;
    button.click();
    view.destroy();
    const standalone = openStandalone(input, () => pending.promise);
    standalone.close();
    pending.resolve(module);
    await flush();
    expect(shown).toHaveLength(0);
    expect(document.querySelector('lokeraman-warning[data-lokeraman-standalone]')).toBeNull();
  });
});
