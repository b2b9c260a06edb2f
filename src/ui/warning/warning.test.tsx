// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Verdict } from '../../engine/types';

const allow = vi.hoisted(() => ({ calls: [] as unknown[], fail: false, saved: [] as unknown[] }));
vi.mock('../../shared/settings-store', () => ({
  addAllowEntry: async (entry: unknown) => {
    if (allow.fail) throw new Error('storage down');
    allow.calls.push(entry);
  },
  saveSettings: async (patch: unknown) => {
    allow.saved.push(patch);
  },
}));

const { mountWarning, openVerdictDialog, buildReport } = await import('./index');
type WarningInput = import('./types').WarningInput;

const TEXT = 'Lowongan admin di Kamboja <img src=x onerror=alert(1)>, gaji 15 juta, tiket gratis. Paspor dibuatkan.';
const at = (needle: string) => ({
  text: needle,
  start: TEXT.indexOf(needle),
  end: TEXT.indexOf(needle) + needle.length,
});
const verdict: Verdict = {
  risk: 'high',
  score: 9,
  lang: 'id',
  isJobOffer: true,
  flags: [
    {
      id: 'dest',
      family: 'destination',
      weight: 3,
      title: 'Negara tujuan berisiko',
      message: 'Kamboja bukan negara penempatan.',
      evidence: [at('Kamboja')],
    },
    {
      id: 'free',
      family: 'costs',
      weight: 2,
      title: 'Semua biaya ditanggung',
      message: 'Biaya gratis sering jadi utang.',
      evidence: [at('tiket gratis'), at('gratis')],
    },
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
  allow.saved = [];
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
    expect(shadow().textContent).toContain('Kemungkinan besar penipuan / perdagangan orang');
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
    expect([...root.querySelectorAll('.la-reasons .la-flag-title')].map((e) => e.textContent)).toEqual([
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
    // The rest waits behind two closed sections; the way to help is always on screen.
    expect([...root.querySelectorAll('details')].map((d) => [d.getAttribute('data-section'), d.open])).toEqual([
      ['all-reasons', false],
      ['advice', false],
    ]);
    expect(root.querySelector('details[data-section="all-reasons"] summary')?.textContent).toBe('Semua 2 alasan');
    expect(root.querySelector('.la-sticky [data-action="help"]')?.textContent).toBe('Minta bantuan / laporkan');
  });

  it('shows three reasons, a combination instead of its parts, and marks only their words', async () => {
    const word = (w: string) => ({ text: w, start: TEXT.indexOf(w), end: TEXT.indexOf(w) + w.length });
    const flag = (id: string, weight: number, w: string) => ({
      id,
      family: 'f',
      weight,
      title: `T ${id}`,
      message: `M ${id}. More.`,
      evidence: [word(w)],
    });
    const flags = [
      flag('hub-country', 20, 'Kamboja'),
      flag('vague-role', 5, 'admin'),
      flag('hub-vague-role', 15, 'Lowongan'),
      flag('free-flight-visa', 12, 'tiket gratis'),
      flag('passport-arranged', 11, 'Paspor dibuatkan'),
      flag('salary-high', 10, 'gaji 15 juta'),
    ];
    mountWarning(host, input({ verdict: { ...verdict, flags } }));
    badgeButton().click();
    await flush();
    const root = dialog() as HTMLElement;
    // hub-vague-role is built from hub-country and vague-role: both fold under it, though hub-country weighs more.
    expect([...root.querySelectorAll('.la-reasons li')].map((e) => e.getAttribute('data-flag-id'))).toEqual([
      'hub-vague-role',
      'free-flight-visa',
      'passport-arranged',
    ]);
    expect(root.querySelector('.la-reasons .la-flag-message')?.textContent).toBe('M hub-vague-role.');
    expect([...root.querySelectorAll('mark')].map((m) => m.textContent)).toEqual([
      'Lowongan',
      'tiket gratis',
      'Paspor dibuatkan',
    ]);
    const all = root.querySelector('details[data-section="all-reasons"]') as HTMLDetailsElement;
    expect(all.querySelector('summary')?.textContent).toBe('Semua 6 alasan');
    expect(all.querySelector('[data-flag-id="hub-vague-role"] .la-flag-parts')?.textContent).toContain('T hub-country');
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
    const hide = [...shadow().querySelectorAll('button')].find(
      (b) => b.textContent === 'Sembunyikan untuk postingan ini',
    );
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

  it('asks for the country when it is "Other", remembers the choice and then lists the foreign ministry', async () => {
    mountWarning(host, input({ country: 'OTHER', lang: 'en' }), { initialView: 'report' });
    await flush();
    expect(shadow().querySelectorAll('[data-channel-id]').length).toBe(0);
    expect(shadow().textContent).toContain('Choose your country above');
    const select = shadow().querySelector('[data-section="country-picker"] select') as HTMLSelectElement;
    select.value = 'ID';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await flush();
    expect(allow.saved).toEqual([{ country: 'ID' }]);
    (shadow().querySelector('input[value="already-abroad"]') as HTMLInputElement).click();
    await flush();
    const ids = [...shadow().querySelectorAll('[data-channel-id]')].map((e) => e.getAttribute('data-channel-id'));
    expect(ids[0]).toBe('id-kbri-phnompenh-protection'); // the post names Kamboja
    expect(ids).toContain('id-kemlu-pwni-hotline');
    expect(shadow().querySelector('[data-section="country-picker"]')).toBeNull();
    expect(shadow().textContent).toContain('Services for citizens of: Indonesia');
  });

  it('abroad, asks where the person is now and puts that country\'s mission first', async () => {
    mountWarning(host, input({ lang: 'en' }), { initialView: 'report' });
    await flush();
    expect(shadow().querySelector('[data-section="location-picker"]')).toBeNull();
    (shadow().querySelector('input[value="already-abroad"]') as HTMLInputElement).click();
    await flush();
    const select = shadow().querySelector('[data-section="location-picker"] select') as HTMLSelectElement;
    expect(select).not.toBeNull();
    select.value = 'TW';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await flush();
    const ids = [...shadow().querySelectorAll('[data-channel-id]')].map((e) => e.getAttribute('data-channel-id') ?? '');
    const { helpChannels } = await import('../../shared/channels');
    expect(ids).toEqual(helpChannels({ country: 'ID', situation: 'already-abroad', destination: 'KH', location: 'TW' }).map((c) => c.id));
    expect(ids).toContain('id-kemlu-pwni-hotline');
  });

  it('every channel listed has at least one action link, apps and web forms included', async () => {
    mountWarning(host, input({ lang: 'en' }), { initialView: 'report' });
    await flush();
    for (const situation of ['before-departure', 'already-abroad', 'paid-money', 'woman-or-child']) {
      (shadow().querySelector(`input[value="${situation}"]`) as HTMLInputElement).click();
      await flush();
      for (const item of shadow().querySelectorAll('[data-channel-id]'))
        expect(item.querySelectorAll('a[href]').length, `${situation} ${item.getAttribute('data-channel-id')}`).toBeGreaterThan(0);
    }
  });

  it('shows numbers readable with a copy button, and WhatsApp links carry a short report', async () => {
    mountWarning(host, input({ lang: 'en' }), { initialView: 'report' });
    await flush();
    const kp2mi = shadow().querySelector('[data-channel-id="id-kp2mi-callcenter-abroad"]') as HTMLElement;
    expect(kp2mi.querySelector('.la-channel-number')?.textContent).toBe('Number: +62 21 2924 4800');
    expect(kp2mi.querySelector('[data-action="call"]')?.getAttribute('href')).toBe('tel:+622129244800');
    expect(kp2mi.querySelector('[data-action="copy-number"]')).not.toBeNull();
    const wa = shadow().querySelector(
      '[data-channel-id="id-kp2mi-whatsapp"] [data-action="whatsapp"]',
    ) as HTMLAnchorElement;
    const url = new URL(wa.href);
    expect(url.origin + url.pathname).toBe('https://wa.me/628118080141');
    const text = url.searchParams.get('text') ?? '';
    expect(text).toContain('https://www.facebook.com/groups/1/posts/2');
    expect(text).toContain('Negara tujuan berisiko');
    expect(text.length).toBeLessThanOrEqual(400);
    expect(shadow().querySelector('[data-action="download-json"]')).toBeNull();
    expect(shadow().querySelector('[data-action="save"]')?.textContent).toBe('Save report');
  });

  it('shows the report text that buildReport produces', async () => {
    mountWarning(host, input(), { initialView: 'report' });
    await flush();
    const preview = shadow().querySelector('textarea') as HTMLTextAreaElement;
    expect(preview.value).toContain('Situs: facebook');
    expect(preview.value.split('\n').slice(0, 4)).toEqual(
      buildReport(input(), new Date()).text.split('\n').slice(0, 4),
    );
  });
});

describe('feedback view', () => {
  it('prefills an editable draft and rebuilds the links from the edited text; nothing is sent', async () => {
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    mountWarning(host, input({ lang: 'en' }), { initialView: 'feedback' });
    await flush();
    const area = shadow().querySelector('textarea') as HTMLTextAreaElement;
    // Plain words the user can read: the reasons by name, no rule ids, scores or language codes.
    expect(area.value).toContain('Negara tujuan berisiko; Semua biaya ditanggung');
    expect(area.value).not.toMatch(/\bdest\b|score|lang /);
    expect(shadow().querySelector('.la-actions a')?.getAttribute('data-action')).toBe('email');
    expect(shadow().querySelector('details[data-section="maintainers"] a[data-action="github"]')).not.toBeNull();
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
