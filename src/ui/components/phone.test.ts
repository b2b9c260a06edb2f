import { describe, expect, it } from 'vitest';
import { allChannels } from '../../shared/channels';
import { readablePhone } from './phone';

describe('readablePhone', () => {
  it('uses the grouping of the local spelling after the country code', () => {
    expect(readablePhone('+622129244800', '(021) 2924 4800')).toBe('+62 21 2924 4800');
    expect(readablePhone('+6281290070027', '0812-9007-0027')).toBe('+62 812 9007 0027');
    expect(readablePhone('+85512813282', '012 813 282')).toBe('+855 12 813 282');
    expect(readablePhone('+66929031103', '092 903 1103')).toBe('+66 92 903 1103');
  });

  it('groups the digits itself when there is no local form or it does not match', () => {
    expect(readablePhone('+6321348', null)).toBe('+63 21348');
    expect(readablePhone('+622129244800', '0800-1000')).toBe('+62 212 924 4800');
  });

  it('keeps every digit of every phone and WhatsApp channel, with spaces between groups', () => {
    for (const channel of allChannels().filter((c) => c.type === 'phone' || c.type === 'whatsapp')) {
      const shown = readablePhone(channel.international ?? '', channel.local);
      expect(shown.replace(/\D/g, ''), channel.id).toBe((channel.international ?? '').replace(/\D/g, ''));
      expect(shown, channel.id).toMatch(/^\+\d{1,3} \d/);
    }
  });
});
