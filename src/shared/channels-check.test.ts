import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkChannelData } from './channels-check';

const FILE = resolve(import.meta.dirname, '../../rules/channels/channels.json');
const data = () => JSON.parse(readFileSync(FILE, 'utf8'));
const VERIFIED = new Date('2026-12-04T12:00:00Z');
const codes = (findings: { code: string; channelId?: string }[]) =>
  findings.map((f) => `${f.code} ${f.channelId ?? ''}`.trim());

/** The day `months` whole months after 2026-12-04. */
function monthsLater(months: number): Date {
  const d = new Date(VERIFIED);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}

function withChannel(id: string, change: Record<string, unknown>) {
  const file = data();
  file.channels = file.channels.map((c: { id: string }) => (c.id === id ? { ...c, ...change } : c));
  return file;
}

describe('checkChannelData', () => {
  it('the shipped data has no errors on the day it was verified (one known gap is a warning)', () => {
    const findings = checkChannelData(data(), VERIFIED);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(codes(findings)).toEqual(['CHANNEL_W_UNCONFIRMED_ONLY']);
    expect(findings[0]?.message).toContain('TH / already-abroad');
  });

  it('warns from 6 months after verification and fails from 12', () => {
    expect(checkChannelData(data(), monthsLater(5)).filter((f) => f.code === 'CHANNEL_W_AGING')).toEqual([]);
    const at6 = checkChannelData(data(), monthsLater(6));
    expect(at6.filter((f) => f.code === 'CHANNEL_W_AGING').length).toBe(data().channels.length);
    expect(at6.filter((f) => f.severity === 'error')).toEqual([]);
    const at12 = checkChannelData(data(), monthsLater(12));
    expect(at12.filter((f) => f.code === 'CHANNEL_E_STALE').length).toBe(data().channels.length);
  });

  it('fails on a channel verified 13 months back, and names it', () => {
    const file = withChannel('id-kbri-yangon', { verified_on: '2025-11-04' });
    const errors = checkChannelData(file, VERIFIED).filter((f) => f.severity === 'error');
    expect(codes(errors)).toEqual(['CHANNEL_E_STALE id-kbri-yangon']);
    expect(errors[0]?.message).toContain('13 months');
  });

  it('fails when the newest source is older than 2024 and the channel is not marked check-first', () => {
    const file = withChannel('id-kbri-manila', { check_first: undefined });
    expect(codes(checkChannelData(file, VERIFIED))).toContain('CHANNEL_E_OLD_SOURCE id-kbri-manila');
  });

  it('fails when a recorded quote does not show the number', () => {
    const file = withChannel('id-kbri-kualalumpur', { international: '+60176688033', local: '017-668 8033' });
    expect(codes(checkChannelData(file, VERIFIED))).toContain('CHANNEL_E_SOURCE_MISMATCH id-kbri-kualalumpur');
  });

  it('fails when ranks break the ranking rule', () => {
    // A national hotline ranked above the embassies for someone abroad.
    const file = withChannel('id-kp2mi-callcenter-abroad', {
      situations: { 'already-abroad': 1, 'before-departure': 2 },
    });
    const rank = checkChannelData(file, VERIFIED).filter((f) => f.code === 'CHANNEL_E_RANK');
    expect(rank.length).toBeGreaterThan(0);
    expect(
      rank.some(
        (f) => f.channelId === 'id-kp2mi-callcenter-abroad' || f.message.includes('id-kp2mi-callcenter-abroad'),
      ),
    ).toBe(true);
    expect(checkChannelData(data(), VERIFIED).filter((f) => f.code === 'CHANNEL_E_RANK')).toEqual([]);
    // Before departure, police ahead of the placement authority.
    const police = withChannel('id-polri-110', { situations: { 'before-departure': 1, 'paid-money': 5 } });
    expect(codes(checkChannelData(police, VERIFIED)).some((c) => c.startsWith('CHANNEL_E_RANK'))).toBe(true);
  });

  it('fails on a situation left without any channel, and on a future date', () => {
    const file = data();
    file.channels = file.channels.filter((c: { country: string }) => c.country !== 'MY');
    expect(codes(checkChannelData(file, VERIFIED))).toContain('CHANNEL_E_COVERAGE');
    expect(codes(checkChannelData(withChannel('vn-111', { verified_on: '2027-01-01' }), VERIFIED))).toContain(
      'CHANNEL_E_FUTURE vn-111',
    );
  });

  it('reports a schema error instead of throwing', () => {
    expect(codes(checkChannelData({ channels: 'nope' }, VERIFIED))).toEqual(['CHANNEL_E_SCHEMA']);
  });
});
