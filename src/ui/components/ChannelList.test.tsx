// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { allChannels, type Channel } from '../../shared/channels';
import { ChannelList } from './ChannelList';

const byId = (id: string) => allChannels().find((c) => c.id === id) as Channel;
let root: HTMLElement;

function show(channels: Channel[], lang: 'en' | 'id' = 'en'): HTMLElement {
  root = document.createElement('div');
  document.body.append(root);
  render(<ChannelList channels={channels} lang={lang} />, root);
  return root;
}

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('ChannelList', () => {
  it('shows the verification date and no warning for a confirmed, fresh line', () => {
    const fresh = { ...byId('id-kbri-yangon'), verified_on: new Date().toISOString().slice(0, 10) };
    const item = show([fresh]).querySelector('[data-channel-id="id-kbri-yangon"]') as HTMLElement;
    expect(item.textContent).toContain(`Last verified: ${fresh.verified_on}`);
    expect(item.hasAttribute('data-check-first')).toBe(false);
    expect(item.textContent).not.toContain('Check first');
  });

  it('says "check first" for a line marked check-first in the data', () => {
    const item = show([byId('id-kbri-manila')], 'id').querySelector('[data-channel-id]') as HTMLElement;
    expect(item.getAttribute('data-check-first')).toBe('true');
    expect(item.textContent).toContain('Cek dulu');
  });

  it('says "check first" for a line past its re-verification date, even in an old build', () => {
    const stale = { ...byId('id-kbri-yangon'), verified_on: '2020-01-01' };
    const item = show([stale]).querySelector('[data-channel-id]') as HTMLElement;
    expect(item.getAttribute('data-check-first')).toBe('true');
    expect(item.textContent).toContain('Check first');
    // The number itself is still there: a stale line is flagged, not hidden.
    expect(item.querySelector('a')?.getAttribute('href')).toBe('tel:+9595037055');
  });
});
