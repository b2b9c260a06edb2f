// @vitest-environment happy-dom
// Issue 15, point 3: page script can press our buttons. Real browsers mark every event a page script creates
// or triggers (el.click(), dispatchEvent) with isTrusted === false; happy-dom has no such flag, so the tests
// set it on the event the way a browser would. The same attacks run against real Chromium and Firefox in
// test/e2e/hostile-page.test.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Verdict } from '../../engine/types';

const allow = vi.hoisted(() => ({ calls: [] as unknown[] }));
vi.mock('../../shared/settings-store', () => ({
  addAllowEntry: async (entry: unknown) => {
    allow.calls.push(entry);
  },
}));

const { mountWarning, openVerdictDialog } = await import('./index');
type WarningInput = import('./types').WarningInput;

const TEXT = 'Lowongan admin di Kamboja, gaji 15 juta, tiket gratis.';
const verdict: Verdict = {
  risk: 'high',
  score: 9,
  lang: 'id',
  isJobOffer: true,
  flags: [{ id: 'dest', family: 'destination', weight: 3, title: 'Negara tujuan berisiko', message: 'x', evidence: [] }],
};
const input: WarningInput = {
  verdict,
  post: { id: 'post-1', text: TEXT, links: [] },
  site: 'facebook',
  pageUrl: 'https://www.facebook.com/groups/1',
  lang: 'id',
  country: 'ID',
  rulesVersion: 'r1',
  extensionVersion: '0.1.0',
};

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A click as page script makes it: `element.click()` / `dispatchEvent(new MouseEvent('click'))`. */
function pageClick(target: Element): MouseEvent {
  const event = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { value: false });
  target.dispatchEvent(event);
  return event;
}

/** A click from the user's pointer. */
function userClick(target: Element): void {
  const event = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  target.dispatchEvent(event);
}

let host: HTMLElement;
const shadow = () => host.shadowRoot as ShadowRoot;
const badgeButton = () => shadow().querySelector('.la-badge-button') as HTMLButtonElement;
const dialog = () => shadow().querySelector('[data-lokeraman-dialog]');
const button = (label: string) => [...shadow().querySelectorAll('button')].find((b) => b.textContent?.includes(label));

beforeEach(() => {
  allow.calls = [];
  document.body.innerHTML = '<article id="post">post</article>';
  host = document.createElement('lokeraman-warning');
  document.body.appendChild(host);
});
afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('page script cannot press our buttons', () => {
  it('a scripted click on the badge does not open the dialog; the user’s does', async () => {
    mountWarning(host, input);
    pageClick(badgeButton());
    await flush();
    expect(dialog()).toBeNull();
    userClick(badgeButton());
    await flush();
    expect(dialog()).not.toBeNull();
  });

  it('a scripted click on "Hide for this post" stores nothing and keeps the warning', async () => {
    mountWarning(host, input);
    userClick(badgeButton());
    await flush();
    const hide = button('Sembunyikan') as HTMLButtonElement;
    const event = pageClick(hide);
    await flush();
    await flush();
    expect(event.defaultPrevented).toBe(true);
    expect(allow.calls).toEqual([]);
    expect(host.isConnected).toBe(true);
    userClick(hide);
    await flush();
    await flush();
    expect(allow.calls).toEqual([expect.objectContaining({ kind: 'post', value: 'post-1' })]);
  });

  it('scripted clicks on download, copy and feedback links do nothing', async () => {
    const createObjectURL = vi.spyOn(URL, 'createObjectURL');
    mountWarning(host, input, { initialView: 'report' });
    await flush();
    for (const action of ['save', 'copy', 'copy-number']) {
      const target = shadow().querySelector(`[data-action="${action}"]`) as HTMLElement;
      expect(target, action).not.toBeNull();
      pageClick(target);
    }
    await flush();
    expect(createObjectURL).not.toHaveBeenCalled();
    expect(shadow().querySelector('.la-status')?.textContent).toBe('');
    userClick(shadow().querySelector('[data-action="save"]') as HTMLElement);
    expect(createObjectURL).toHaveBeenCalledTimes(1);
  });

  it('scripted clicks on the feedback links are cancelled', async () => {
    mountWarning(host, input, { initialView: 'feedback' });
    await flush();
    for (const action of ['github', 'email']) {
      const link = shadow().querySelector(`[data-action="${action}"]`) as HTMLElement;
      expect(pageClick(link).defaultPrevented, action).toBe(true);
    }
  });
});

describe('closed shadow roots on web pages', () => {
  it('gives page script no way into the badge or the standalone dialog', async () => {
    mountWarning(host, input, { shadowMode: 'closed' });
    expect(host.shadowRoot).toBeNull();
    const standalone = openVerdictDialog(input, { shadowMode: 'closed' });
    await flush();
    const standaloneHost = document.body.querySelector('lokeraman-warning[data-lokeraman-standalone]');
    expect(standaloneHost).not.toBeNull();
    expect(standaloneHost?.shadowRoot).toBeNull();
    standalone.close();
  });
});
