// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Verdict } from '../../engine/types';

const allow = vi.hoisted(() => ({ calls: [] as unknown[], fail: false }));
vi.mock('../../shared/settings-store', () => ({
  addAllowEntry: async (entry: unknown) => {
    if (allow.fail) throw new Error('storage down');
    allow.calls.push(entry);
  },
}));

const { mountWarning, openVerdictDialog, buildReport } = await import('./index');
type WarningInput = import('./types').WarningInput;

const TEXT = 'Lowongan admin di Kamboja <img src=x onerror=alert(1)>, gaji 15 juta, tiket gratis. Paspor dibuatkan.';
const at = (needle: string) => ({ text: needle, start: TEXT.indexOf(needle), end: TEXT.indexOf(needle) + needle.length });
const verdict: Verdict = {
  risk: 'high',
  score: 9,
  lang: 'id',
  isJobOffer: true,
  flags: [
    { id: 'dest', family: 'destination', weight: 3, title: 'Negara tujuan berisiko', message: 'Kamboja bukan negara penempatan.', evidence: [at('Kamboja')] },
    { id: 'free', family: 'costs', weight: 2, title: 'Semua biaya ditanggung', message: 'Biaya gratis sering jadi utang.', evidence: [at('tiket gratis'), at('gratis')] },
  ],
};
const input = (over: Partial<WarningInput> = {}): WarningInput => ({
  verdict,
  post: { id: 'post-1', text: TEXT, links: [], url: 'https://www.facebook.com/groups/1/posts/2' },
  site: 'facebook',
  pageUrl: 'https://www.facebook.com/groups/1',
  lang: 'id',
  country: 'ID',
  rulesVersion: 'r1',
  extensionVersion: '0.1.0',
  ...over,
});

let host: HTMLElement;
const shadow = () => host.shadowRoot as ShadowRoot;
const dialog = () => shadow().querySelector('[data-lokeraman-dialog]') as HTMLElement | null;
const badgeButton = () => shadow().querySelector('.la-badge-button') as HTMLButtonElement;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const key = (target: Element, keyName: string, shiftKey = false) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key: keyName, shiftKey, bubbles: true, composed: true }));

beforeEach(() => {
  allow.calls = [];
  allow.fail = false;
  document.body.innerHTML = '<article id="post">post</article>';
  host = document.createElement('lokeraman-warning');
  document.body.appendChild(host);
});
afterEach(() => {
  document.body.innerHTML = '';
});

describe('badge', () => {
  it('renders the level in the requested language inside an open shadow root with our styles', () => {
    mountWarning(host, input());
    expect(shadow().mode).toBe('open');
    expect(shadow().querySelector('style')).not.toBeNull(); // CSS content is checked in the browser test (vitest stubs ?inline)
    expect(shadow().textContent).toContain('Kemungkinan besar penipuan/perdagangan orang');
    expect(shadow().textContent).toContain('2 tanda bahaya');
    document.body.innerHTML = '';
    host = document.createElement('lokeraman-warning');
    document.body.appendChild(host);
    mountWarning(host, input({ lang: 'en', verdict: { ...verdict, risk: 'medium' } }));
    expect(shadow().textContent).toContain('Be careful');
    expect(badgeButton().textContent).toBe('See why');
    expect(badgeButton().getAttribute('aria-haspopup')).toBe('dialog');
  });

  it('updates and destroys cleanly', () => {
    const handle = mountWarning(host, input());
    handle.update(input({ verdict: { ...verdict, risk: 'medium' } }));
    expect(shadow().textContent).toContain('Waspada');
    handle.destroy();
    expect(shadow().childNodes.length).toBe(0);
    handle.update(input()); // after destroy: ignored, no throw
    expect(shadow().childNodes.length).toBe(0);
  });

  it('renders nothing for risk none', () => {
    mountWarning(host, input({ verdict: { ...verdict, risk: 'none' } }));
    expect(shadow().querySelector('.la-badge')).toBeNull();
  });
});

describe('dialog', () => {
  it('opens from the badge as a labelled modal with reasons and highlighted words', async () => {
    mountWarning(host, input());
    badgeButton().click();
    await flush();
    const root = dialog() as HTMLElement;
    expect(root.getAttribute('role')).toBe('dialog');
    expect(root.getAttribute('aria-modal')).toBe('true');
    const label = shadow().getElementById(root.getAttribute('aria-labelledby') ?? '');
    expect(label?.textContent).toContain('Kemungkinan besar');
    expect([...root.querySelectorAll('.la-flag-title')].map((e) => e.textContent)).toEqual([
      'Negara tujuan berisiko',
      'Semua biaya ditanggung',
    ]);
    expect(root.textContent).toContain('Kamboja bukan negara penempatan.');
    // 'gratis' overlaps 'tiket gratis' and is merged into it.
    expect([...root.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Kamboja', 'tiket gratis']);
    // Markup in the post stays text.
    expect(root.querySelector('.la-post img')).toBeNull();
    expect(root.querySelector('.la-post')?.textContent).toBe(TEXT);
    expect(root.textContent).toContain('SISKOP2MI');
  });

  it('Esc closes and focus goes back to the badge button', async () => {
    mountWarning(host, input());
    badgeButton().click();
    await flush();
    key(dialog() as HTMLElement, 'Escape');
    await flush();
    expect(dialog()).toBeNull();
    expect(shadow().activeElement).toBe(badgeButton());
  });

  it('traps Tab inside the dialog in both directions', async () => {
    mountWarning(host, input());
    badgeButton().click();
    await flush();
    const root = dialog() as HTMLElement;
    const focusables = [...root.querySelectorAll<HTMLElement>('button, a[href], [tabindex="0"]')];
    const last = focusables[focusables.length - 1] as HTMLElement;
    last.focus();
    key(last, 'Tab');
    expect(shadow().activeElement).toBe(focusables[0]);
    key(focusables[0] as HTMLElement, 'Tab', true);
    expect(shadow().activeElement).toBe(last);
  });

  it('"Hide for this post" stores a post allowlist entry and removes the badge', async () => {
    mountWarning(host, input());
    badgeButton().click();
    await flush();
    const hide = [...shadow().querySelectorAll('button')].find((b) => b.textContent === 'Sembunyikan untuk postingan ini');
    hide?.click();
    await flush();
    await flush();
    expect(allow.calls).toEqual([expect.objectContaining({ kind: 'post', value: 'post-1', site: 'facebook' })]);
    expect(host.isConnected).toBe(false);
  });

  it('keeps the badge and says so when saving the allowlist entry fails', async () => {
    allow.fail = true;
    mountWarning(host, input());
    badgeButton().click();
    await flush();
    [...shadow().querySelectorAll('button')].find((b) => b.textContent === 'Sembunyikan untuk postingan ini')?.click();
    await flush();
    await flush();
    expect(host.isConnected).toBe(true);
    expect(shadow().querySelector('[role="alert"]')?.textContent).toContain('Gagal menyimpan');
  });
});

describe('report view', () => {
  it('lists channels for the country and situation, KBRI of the named destination first when abroad', async () => {
    mountWarning(host, input(), { initialView: 'report' });
    await flush();
    const ids = () => [...shadow().querySelectorAll('[data-channel-id]')].map((e) => e.getAttribute('data-channel-id'));
    expect(ids()[0]).toBe('id-kp2mi-callcenter-domestic');
    const abroad = shadow().querySelector('input[value="already-abroad"]') as HTMLInputElement;
    abroad.click();
    await flush();
    expect(ids()[0]).toBe('id-kbri-phnompenh-protection');
    expect(ids()).not.toContain('id-polri-110');
    expect(shadow().querySelector('[data-destination]')?.textContent).toContain('Kamboja');
    const first = shadow().querySelector('[data-channel-id] a') as HTMLAnchorElement;
    expect(first.getAttribute('href')).toBe('tel:+85512813282');
    expect(shadow().querySelector('[data-platform]')?.getAttribute('data-platform')).toBe('facebook');
  });

  it('says there is no verified channel for an unsupported country', async () => {
    mountWarning(host, input({ country: 'OTHER', lang: 'en' }), { initialView: 'report' });
    await flush();
    expect(shadow().querySelectorAll('[data-channel-id]').length).toBe(0);
    expect(shadow().textContent).toContain('We have no verified services for your country yet');
  });

  it('shows the report text that buildReport produces', async () => {
    mountWarning(host, input(), { initialView: 'report' });
    await flush();
    const preview = shadow().querySelector('textarea') as HTMLTextAreaElement;
    expect(preview.value).toContain('Situs: facebook');
    expect(preview.value.split('\n').slice(0, 4)).toEqual(buildReport(input(), new Date()).text.split('\n').slice(0, 4));
  });
});

describe('feedback view', () => {
  it('prefills an editable draft and rebuilds the links from the edited text; nothing is sent', async () => {
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    mountWarning(host, input({ lang: 'en' }), { initialView: 'feedback' });
    await flush();
    const area = shadow().querySelector('textarea') as HTMLTextAreaElement;
    expect(area.value).toContain('dest, free');
    area.value = 'It is a real job at a licensed P3MI.';
    area.dispatchEvent(new Event('input', { bubbles: true }));
    await flush();
    const github = shadow().querySelector('a[data-action="github"]') as HTMLAnchorElement;
    expect(new URL(github.href).searchParams.get('body')).toBe('It is a real job at a licensed P3MI.');
    expect((shadow().querySelector('a[data-action="email"]') as HTMLAnchorElement).href).toMatch(/^mailto:/);
    expect(fetchSpy).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });
});

describe('openVerdictDialog', () => {
  it('opens in its own host on <body> without a hide button and removes it on close', async () => {
    const trigger = document.createElement('button');
    document.body.appendChild(trigger);
    trigger.focus();
    const handle = openVerdictDialog(input({ lang: 'en' }));
    await flush();
    const standalone = document.querySelector('lokeraman-warning[data-lokeraman-standalone]') as HTMLElement;
    expect(standalone.shadowRoot?.querySelector('[data-lokeraman-dialog]')).not.toBeNull();
    expect(standalone.shadowRoot?.textContent).not.toContain('Hide for this post');
    handle.close();
    expect(standalone.isConnected).toBe(false);
    expect(document.activeElement).toBe(trigger);
  });
});
