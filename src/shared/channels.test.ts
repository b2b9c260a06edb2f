import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CURATED, convert, OUTPUT_PATH, readResearch, serialise } from '../../rules/channels/convert';
import type { Flag } from '../engine/types';
import {
  allChannels,
  type Channel,
  channelHref,
  destinationFromPost,
  E164,
  FOREIGN_MINISTRY,
  helpChannels,
  pickChannels,
  SITUATIONS,
} from './channels';
import { COUNTRIES } from './settings';

const research = readResearch();
const researchById = new Map(research.map((entry) => [entry.id, entry]));
const channels = allChannels();
const digits = (value: string) => value.replace(/\D/g, '');

describe('channel data', () => {
  it('is exactly what the converter produces from the research file', () => {
    expect(readFileSync(OUTPUT_PATH, 'utf8')).toBe(serialise(convert(research)));
  });

  it('never ships a channel the research rates low, unverified or do_not_use', () => {
    expect(channels.length).toBeGreaterThan(20);
    for (const channel of channels) {
      const entry = researchById.get(channel.id);
      expect(entry, channel.id).toBeDefined();
      expect(['high', 'medium'], channel.id).toContain(entry?.confidence);
      expect(entry?.popup_use ?? '', channel.id).not.toMatch(/do not show/i);
    }
    // Known weak entries stay out even though they exist in the research.
    for (const id of [
      'id-kbri-vientiane',
      'id-kbri-kualalumpur',
      'id-kemlu-safetravel',
      'id-kp2mi-email',
      'id-lpsk-148',
    ]) {
      expect(
        channels.find((c) => c.id === id),
        id,
      ).toBeUndefined();
    }
  });

  it('the converter refuses a low-confidence channel', () => {
    const tampered = research.map((entry) => (entry.id === 'id-polri-110' ? { ...entry, confidence: 'low' } : entry));
    expect(() => convert(tampered)).toThrow(/only high or medium/);
  });

  it('every phone and WhatsApp value is valid E.164 and matches the research digit for digit', () => {
    for (const channel of channels.filter((c) => c.type === 'phone' || c.type === 'whatsapp')) {
      expect(channel.international, channel.id).toMatch(/^\+[1-9]\d{6,14}$/);
      const entry = researchById.get(channel.id);
      const researched = `${entry?.value_international ?? ''} ${entry?.value_local ?? ''}`;
      // The research writes "+62 21 2924 4800" or "(632) 1343"; our value's digits must appear in it.
      const researchDigits = researched.split(/[/;]|\(also/).map(digits);
      expect(
        researchDigits.some((d) => d.includes(digits(channel.international ?? '').slice(2))),
        channel.id,
      ).toBe(true);
    }
  });

  it('short codes have no international form, are inside-country only and dial as digits', () => {
    const shortCodes = channels.filter((c) => c.type === 'short-code');
    expect(shortCodes.map((c) => c.local)).toEqual(expect.arrayContaining(['110', '129', '0800-1000']));
    for (const channel of shortCodes) {
      expect(channel.international, channel.id).toBeNull();
      expect(channel.who_can_use, channel.id).toBe('inside-country');
      expect(channelHref(channel)).toMatch(/^tel:\d+$/);
    }
  });

  it('every channel has a verified date and at least one source', () => {
    for (const channel of channels) {
      expect(channel.verified, channel.id).toMatch(/^\d{4}(-\d{2}){0,2}$/);
      expect(channel.sources.length, channel.id).toBeGreaterThan(0);
    }
  });

  it('builds real action links', () => {
    const byId = (id: string) => channels.find((c) => c.id === id) as Channel;
    expect(channelHref(byId('id-kp2mi-callcenter-abroad'))).toBe('tel:+622129244800');
    expect(channelHref(byId('id-komdigi-aduankonten-wa'))).toBe('https://wa.me/628119224545');
    expect(channelHref(byId('id-ojk-iasc'))).toBe('https://iasc.ojk.go.id');
    expect(channelHref(byId('ph-dmw-airtip-email'))).toBe('mailto:airtipinfo@dmw.gov.ph');
    for (const channel of channels)
      expect(channelHref(channel), channel.id).toMatch(/^(tel:\+?\d+|https:\/\/|mailto:)/);
  });

  it('uses the +66 Bangkok number, not the misprinted +65 one', () => {
    const bangkok = channels.find((c) => c.id === 'id-kbri-bangkok');
    expect(bangkok?.international).toBe('+66929031103');
    expect(E164.test('+65929031103')).toBe(true); // the pattern alone would accept it; the data must not.
    expect(channels.some((c) => c.international?.startsWith('+65'))).toBe(false);
  });

  it('every curated entry is in the output', () => {
    expect(channels.map((c) => c.id).sort()).toEqual(Object.keys(CURATED).sort());
  });
});

describe('pickChannels', () => {
  it('puts the KBRI for the destination first when the user is already abroad', () => {
    const list = pickChannels({ country: 'ID', situation: 'already-abroad', destination: 'KH' });
    expect(list[0]?.id).toBe('id-kbri-phnompenh-protection');
    expect(list[1]?.id).toBe('id-kemlu-pwni-hotline');
    expect(list.some((c) => c.id === 'id-kbri-yangon')).toBe(false);
  });

  it('routes Myanmar to KBRI Yangon then KBRI Bangkok (Mae Sot crossings)', () => {
    const list = pickChannels({ country: 'ID', situation: 'already-abroad', destination: 'MM' });
    expect(list.slice(0, 2).map((c) => c.id)).toEqual(['id-kbri-yangon', 'id-kbri-bangkok']);
  });

  it('falls back to the Kemlu hotline first for Laos, which has no verified KBRI line', () => {
    const list = pickChannels({ country: 'ID', situation: 'already-abroad', destination: 'LA' });
    expect(list[0]?.id).toBe('id-kemlu-pwni-hotline');
  });

  it('never offers inside-country numbers to someone abroad', () => {
    for (const country of COUNTRIES) {
      for (const destination of [null, 'KH', 'MM', 'TH'] as const) {
        const list = pickChannels({ country, situation: 'already-abroad', destination });
        expect(list.filter((c) => c.who_can_use === 'inside-country')).toEqual([]);
      }
    }
  });

  it('lists all embassies after the general numbers when no destination is named', () => {
    const list = pickChannels({ country: 'ID', situation: 'already-abroad', destination: null });
    expect(list[0]?.id).toBe('id-kemlu-pwni-hotline');
    const firstEmbassy = list.findIndex((c) => c.destinations);
    expect(firstEmbassy).toBeGreaterThan(0);
    expect(list.slice(firstEmbassy).every((c) => c.destinations)).toBe(true);
  });

  it('orders the situation-specific first choices', () => {
    expect(pickChannels({ country: 'ID', situation: 'before-departure' })[0]?.local).toBe('0800-1000');
    expect(pickChannels({ country: 'ID', situation: 'paid-money' })[0]?.id).toBe('id-ojk-iasc');
    expect(pickChannels({ country: 'ID', situation: 'woman-or-child' })[0]?.local).toBe('129');
    expect(pickChannels({ country: 'PH', situation: 'before-departure' })[0]?.id).toBe('ph-dmw-1348');
  });

  it('only returns channels of the chosen country and never embassy lines before departure', () => {
    for (const country of COUNTRIES) {
      for (const situation of SITUATIONS) {
        const list = pickChannels({ country, situation, destination: 'KH' });
        // Malaysia has no verified line for nationals abroad (KBRI-style); the UI says so instead.
        if (country === 'OTHER' || (country === 'MY' && situation === 'already-abroad')) expect(list).toEqual([]);
        else expect(list.length, `${country} ${situation}`).toBeGreaterThan(0);
        expect(list.every((c) => c.country === country)).toBe(true);
        if (situation !== 'already-abroad') expect(list.some((c) => c.destinations)).toBe(false);
      }
    }
  });
});

describe('destinationFromPost', () => {
  const flag = (family: string, text: string): Flag => ({
    id: `t-${family}`,
    family,
    weight: 1,
    title: 't',
    message: 'm',
    evidence: [{ text, start: 0, end: text.length }],
  });

  it('prefers destination-flag evidence over earlier mentions in the text', () => {
    const text = 'Transit Bangkok, kerja di Kamboja, gaji 15 juta';
    expect(destinationFromPost({ flags: [flag('destination', 'Kamboja')] }, text)).toBe('KH');
    expect(destinationFromPost({ flags: [] }, text)).toBe('TH');
  });

  it('recognises towns and English names', () => {
    expect(destinationFromPost(undefined, 'Job in Myawaddy, free ticket')).toBe('MM');
    expect(destinationFromPost(undefined, 'Customer service Sihanoukville')).toBe('KH');
    expect(destinationFromPost(undefined, 'Golden Triangle SEZ casino')).toBe('LA');
    expect(destinationFromPost(undefined, 'Lowongan admin Jakarta')).toBeNull();
  });
});

it('the research copy is the shared reference file', () => {
  const shared = resolve('/work/shared/reference/channels.json');
  let original: string | null = null;
  try {
    original = readFileSync(shared, 'utf8');
  } catch {
    return; // Outside the authoring machine the shared folder does not exist; the committed copy is the source.
  }
  expect(JSON.parse(original)).toEqual(research);
});

describe('helpChannels', () => {
  it('always lists the foreign ministry and the named destination embassy, without repeating them', () => {
    for (const situation of SITUATIONS) {
      const ids = helpChannels({ country: 'ID', situation, destination: 'KH' }).map((c) => c.id);
      expect(ids, situation).toContain('id-kemlu-pwni-hotline');
      expect(ids, situation).toContain('id-kbri-phnompenh-protection');
      expect(new Set(ids).size, situation).toBe(ids.length);
    }
    const ph = helpChannels({ country: 'PH', situation: 'before-departure', destination: null }).map((c) => c.id);
    expect(ph).toContain('ph-dfa-oumwa');
  });

  it('keeps pickChannels order first and names every ministry id that exists in the data', () => {
    const picked = pickChannels({ country: 'ID', situation: 'paid-money' }).map((c) => c.id);
    const help = helpChannels({ country: 'ID', situation: 'paid-money' }).map((c) => c.id);
    expect(help.slice(0, picked.length)).toEqual(picked);
    for (const ids of Object.values(FOREIGN_MINISTRY))
      for (const id of ids ?? [])
        expect(
          channels.some((c) => c.id === id),
          id,
        ).toBe(true);
  });
});
