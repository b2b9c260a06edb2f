import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Flag } from '../engine/types';
import {
  allChannels,
  type Channel,
  channelFreshness,
  channelHref,
  DESTINATIONS,
  type Destination,
  destinationFromPost,
  E164,
  FOREIGN_MINISTRY,
  helpChannels,
  monthsBetween,
  pickChannels,
  rankingRule,
  SITUATIONS,
  type Situation,
} from './channels';
import { COUNTRIES } from './settings';

const channels = allChannels();
const byId = (id: string) => channels.find((c) => c.id === id) as Channel;
const SERVED = ['ID', 'PH', 'VN', 'TH', 'MY'] as const;
/** The situations the issue names: abroad in each of these, plus the three home situations. */
const ABROAD_IN: Destination[] = ['KH', 'MM', 'LA', 'TH', 'MY', 'HK', 'TW', 'AE', 'SA'];
// Pinned so the oracle below is not the only thing that decides; the day the data was verified.
const TODAY = new Date('2026-12-04T12:00:00Z');

describe('channel data', () => {
  it('every channel has verified_on, a source_url among its sources, and a 2024+ source or a check-first note', () => {
    expect(channels.length).toBeGreaterThan(30);
    for (const channel of channels) {
      expect(channel.verified_on, channel.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(
        channel.sources.map((s) => s.url),
        channel.id,
      ).toContain(channel.source_url);
      const newest =
        channel.sources
          .map((s) => s.date)
          .sort()
          .at(-1) ?? '';
      if (newest.slice(0, 4) < '2024')
        expect(channel.check_first, `${channel.id} (newest source ${newest})`).toBeTruthy();
    }
  });

  it('where a source quote is recorded, it shows the exact value', () => {
    const digits = (v: string | null) => (v ?? '').replace(/\D/g, '');
    let quoted = 0;
    for (const channel of channels) {
      const main = channel.sources.find((s) => s.url === channel.source_url);
      if (!main?.shows) continue;
      quoted += 1;
      if (channel.type === 'web' || channel.type === 'app')
        expect(main.shows, channel.id).toContain(new URL(channel.url ?? '').hostname);
      else {
        // "+62 21 2924 4800" may be printed "(021) 2924 4800": the local form without its trunk 0, or the last 9 digits.
        const forms = [digits(channel.local).replace(/^0/, ''), digits(channel.international).slice(-9)].filter(
          (d) => d.length >= 3,
        );
        expect(
          forms.some((d) => digits(main.shows ?? '').includes(d)),
          `${channel.id}: ${main.shows}`,
        ).toBe(true);
      }
    }
    expect(quoted).toBeGreaterThan(15);
  });

  it('the lines the review marked stale or unverifiable are check-first', () => {
    for (const id of [
      'id-kemlu-pwni-hotline',
      'id-kbri-manila',
      'ph-dfa-oumwa',
      'th-1300-international',
      'ph-dmw-landlines',
      'ph-iacat-1343',
    ]) {
      expect(byId(id)?.check_first, id).toBeTruthy();
    }
  });

  it('leaves out what must not ship unverified', () => {
    const ids = channels.map((c) => c.id);
    // Review: SA 2020 numbers, KDEI Taipei (2020 only), KBRI Vientiane (staff numbers), the Vietnamese embassy in
    // Cambodia (sources disagree), the AIRTIP e-mail of uncertain date, IOM/ILO (no public helpline).
    for (const id of [
      'ph-dmw-airtip-email',
      'id-kbri-vientiane',
      'id-kbri-riyadh',
      'id-kjri-jeddah',
      'id-kdei-taipei',
      'vn-embassy-phnompenh',
    ]) {
      expect(ids, id).not.toContain(id);
    }
    expect(channels.some((c) => c.international === '+966598881945' || c.international === '+966581781945')).toBe(
      false,
    );
    expect(channels.some((c) => /iom|ilo/i.test(c.organisation_short))).toBe(false);
  });

  it('every phone and WhatsApp value is E.164; short codes are inside-country and dial as digits', () => {
    for (const channel of channels) {
      if (channel.type === 'phone' || channel.type === 'whatsapp')
        expect(channel.international, channel.id).toMatch(E164);
      if (channel.type === 'short-code') {
        expect(channel.who_can_use, channel.id).toBe('inside-country');
        expect(channelHref(channel), channel.id).toMatch(/^tel:\d+$/);
      }
    }
  });

  it('builds real action links, with the fields the review corrected', () => {
    expect(channelHref(byId('id-kp2mi-callcenter-abroad'))).toBe('tel:+622129244800');
    expect(channelHref(byId('id-ojk-kontak157-whatsapp'))).toBe('https://wa.me/6281157157157');
    expect(channelHref(byId('id-kjri-johorbahru-ksatria'))).toBe('https://wa.me/60105288040');
    expect(byId('id-kbri-phnompenh-protection').also_whatsapp).toBe(true);
    for (const channel of channels)
      expect(channelHref(channel), channel.id).toMatch(/^(tel:\+?\d+|https:\/\/|mailto:)/);
  });

  it('uses the +66 Bangkok number, not the misprinted +65 one', () => {
    expect(byId('id-kbri-bangkok').international).toBe('+66929031103');
    expect(channels.some((c) => c.international?.startsWith('+65'))).toBe(false);
  });

  it('the README keeps every verification date visible to maintainers', () => {
    const readme = readFileSync(resolve(import.meta.dirname, '../../rules/channels/README.md'), 'utf8');
    for (const channel of channels) {
      const row = readme.split('\n').find((line) => line.startsWith(`| ${channel.id} |`));
      expect(row, channel.id).toBeDefined();
      expect(row, channel.id).toContain(`| ${channel.verified_on} |`);
      expect(row, channel.id).toContain(channel.check_first ? 'check first' : 'confirmed');
    }
  });

  it('numbers are bundled, never fetched: no network call here, and none travels in the rule bundle or its updates', () => {
    const source = readFileSync(resolve(import.meta.dirname, 'channels.ts'), 'utf8');
    expect(source).not.toMatch(/\bfetch\(|XMLHttpRequest|import\(/);
    const bundle = resolve(import.meta.dirname, '../generated/rules.bundle.json');
    if (!existsSync(bundle)) return; // built by `npm run build`, which land.sh and CI run first
    const text = readFileSync(bundle, 'utf8');
    for (const channel of channels.filter((c) => c.international?.startsWith('+'))) {
      expect(text, channel.id).not.toContain((channel.international ?? '').slice(1));
    }
  });

  it('ids are unique', () => {
    expect(new Set(channels.map((c) => c.id)).size).toBe(channels.length);
  });
});

describe('freshness', () => {
  const fresh = { ...byId('id-polri-110'), verified_on: '2026-01-15' };

  it('counts whole months', () => {
    expect(monthsBetween('2026-01-15', new Date('2027-01-14T00:00:00Z'))).toBe(11);
    expect(monthsBetween('2026-01-15', new Date('2027-01-15T00:00:00Z'))).toBe(12);
    expect(monthsBetween('2025-11-30', new Date('2026-12-04T00:00:00Z'))).toBe(12);
  });

  it('a channel past 12 months shows "check first" in the UI data, and a check-first note always does', () => {
    expect(channelFreshness(fresh, new Date('2026-12-01T00:00:00Z'))).toMatchObject({
      checkFirst: false,
      reason: null,
    });
    expect(channelFreshness(fresh, new Date('2027-02-15T00:00:00Z'))).toMatchObject({
      checkFirst: true,
      reason: 'stale',
      monthsSinceVerified: 13,
    });
    expect(channelFreshness(byId('id-kbri-manila'), TODAY)).toMatchObject({ checkFirst: true, reason: 'unconfirmed' });
  });

  it('a stale channel is never ranked first while a confirmed one exists', () => {
    const stale = channels.map((c) =>
      c.id === 'id-kbri-phnompenh-protection' ? { ...c, verified_on: '2025-10-01' } : c,
    );
    const list = pickChannels({ country: 'ID', situation: 'already-abroad', destination: 'KH', today: TODAY }, stale);
    expect(list[0]?.id).not.toBe('id-kbri-phnompenh-protection');
    expect(list.map((c) => c.id)).toContain('id-kbri-phnompenh-protection');
  });
});

/**
 * The ranking rule, written out independently of pickChannels: abroad, the mission for the country the user is
 * in (or the post names) first, then by the rule's order of who answers (ministry app/portal, then hotlines);
 * at home, by the rule's order (placement authority first before departure). Check-first lines only come first
 * when nothing confirmed exists.
 */
function expectedFirst(country: string, situation: Situation, where: Destination | null): Channel | undefined {
  const order = rankingRule()[situation] ?? [];
  const candidates = channels.filter(
    (c) =>
      c.country === country &&
      c.situations[situation] !== undefined &&
      !(situation === 'already-abroad' && c.who_can_use === 'inside-country') &&
      !(situation === 'already-abroad' && c.destinations && where && !c.destinations.includes(where)),
  );
  const tier = (c: Channel) => {
    if (situation === 'already-abroad' && c.destinations) return where ? -100 + c.destinations.indexOf(where) : 100;
    return order.indexOf(c.answers);
  };
  const confirmed = candidates.filter((c) => !channelFreshness(c, TODAY).checkFirst);
  const pool = confirmed.length > 0 ? confirmed : candidates;
  return pool.sort((a, b) => tier(a) - tier(b) || (a.situations[situation] ?? 0) - (b.situations[situation] ?? 0))[0];
}

describe('ranking by who answers', () => {
  const cases: { country: (typeof SERVED)[number]; situation: Situation; where: Destination | null }[] = [];
  for (const country of SERVED) {
    for (const situation of ['before-departure', 'paid-money', 'woman-or-child'] as const)
      cases.push({ country, situation, where: null });
    for (const where of ABROAD_IN) cases.push({ country, situation: 'already-abroad', where });
    cases.push({ country, situation: 'already-abroad', where: null });
  }

  it.each(cases)(
    '$country / $situation / $where: first channel follows the rule, list not empty',
    ({ country, situation, where }) => {
      const list = pickChannels({ country, situation, destination: where, today: TODAY });
      expect(list.length).toBeGreaterThan(0);
      expect(list[0]?.id).toBe(expectedFirst(country, situation, where)?.id);
    },
  );

  it('pins the first channel for the situations the issue names', () => {
    const first = (country: (typeof SERVED)[number], situation: Situation, destination: Destination | null = null) =>
      pickChannels({ country, situation, destination, today: TODAY })[0]?.id;
    // Before departure: the placement authority (or, with none confirmed, the next who answers).
    expect(first('ID', 'before-departure')).toBe('id-kp2mi-callcenter-domestic');
    expect(first('PH', 'before-departure')).toBe('ph-dmw-1348');
    expect(first('VN', 'before-departure')).toBe('vn-111');
    expect(first('TH', 'before-departure')).toBe('th-police-191');
    expect(first('MY', 'before-departure')).toBe('my-nsrc-997');
    // Abroad: the mission where the person is.
    expect(first('ID', 'already-abroad', 'KH')).toBe('id-kbri-phnompenh-protection');
    expect(first('ID', 'already-abroad', 'MM')).toBe('id-kbri-yangon');
    expect(first('ID', 'already-abroad', 'TH')).toBe('id-kbri-bangkok');
    expect(first('ID', 'already-abroad', 'MY')).toBe('id-kbri-kualalumpur');
    expect(first('ID', 'already-abroad', 'HK')).toBe('id-kjri-hongkong');
    expect(first('ID', 'already-abroad', 'AE')).toBe('id-kjri-dubai');
    expect(first('PH', 'already-abroad', 'MM')).toBe('ph-embassy-yangon');
    expect(first('PH', 'already-abroad', 'TH')).toBe('ph-embassy-bangkok');
    expect(first('PH', 'already-abroad', 'KH')).toBe('ph-embassy-phnompenh');
    // No confirmed mission there: the ministry's own line or portal, else the national line reachable from abroad.
    for (const where of ['LA', 'TW', 'SA'] as const)
      expect(first('ID', 'already-abroad', where)).toBe('id-kp2mi-callcenter-abroad');
    for (const where of ['LA', 'MY', 'HK', 'TW', 'AE', 'SA'] as const)
      expect(first('PH', 'already-abroad', where)).toBe('ph-dmw-1348');
    for (const where of ABROAD_IN) expect(first('VN', 'already-abroad', where)).toBe('vn-mofa-citizen-protection');
    for (const where of ABROAD_IN) expect(first('MY', 'already-abroad', where)).toBe('my-kln-ekonsular');
    // Paid money and women/children.
    expect(first('ID', 'paid-money')).toBe('id-ojk-iasc');
    expect(first('PH', 'paid-money')).toBe('ph-cicc-1326');
    expect(first('TH', 'paid-money')).toBe('th-aoc-1441');
    expect(first('MY', 'paid-money')).toBe('my-nsrc-997');
    expect(first('ID', 'woman-or-child')).toBe('id-pppa-sapa129-phone');
    expect(first('PH', 'woman-or-child')).toBe('ph-dmw-1348'); // 1343 is check-first
    expect(first('MY', 'woman-or-child')).toBe('my-kpwkm-taliankasih');
  });

  it('the first channel is never check-first where a confirmed one exists (only Thais abroad have none yet)', () => {
    for (const { country, situation, where } of cases) {
      const list = pickChannels({ country, situation, destination: where, today: TODAY });
      const anyConfirmed = list.some((c) => !channelFreshness(c, TODAY).checkFirst);
      if (anyConfirmed)
        expect(channelFreshness(list[0] as Channel, TODAY).checkFirst, `${country} ${situation} ${where}`).toBe(false);
      else expect(`${country}/${situation}`).toBe('TH/already-abroad');
    }
  });

  it('abroad: missions elsewhere are left out, inside-country numbers never offered, the location wins over the post', () => {
    for (const country of COUNTRIES) {
      for (const where of [null, ...DESTINATIONS]) {
        const list = pickChannels({ country, situation: 'already-abroad', destination: where, today: TODAY });
        expect(list.filter((c) => c.who_can_use === 'inside-country')).toEqual([]);
        if (where) expect(list.filter((c) => c.destinations && !c.destinations.includes(where))).toEqual([]);
      }
    }
    const located = pickChannels({
      country: 'ID',
      situation: 'already-abroad',
      destination: 'KH',
      location: 'MY',
      today: TODAY,
    });
    expect(located[0]?.id).toBe('id-kbri-kualalumpur');
    expect(located.map((c) => c.id)).not.toContain('id-kbri-phnompenh-protection');
  });

  it('Myanmar lists KBRI Yangon, then KBRI Bangkok for those who crossed to Mae Sot', () => {
    const list = pickChannels({ country: 'ID', situation: 'already-abroad', destination: 'MM', today: TODAY });
    expect(list.slice(0, 2).map((c) => c.id)).toEqual(['id-kbri-yangon', 'id-kbri-bangkok']);
  });

  it('without a known country, abroad lists the ministry and hotlines before every mission', () => {
    const list = pickChannels({ country: 'ID', situation: 'already-abroad', destination: null, today: TODAY });
    const firstMission = list.findIndex((c) => c.destinations);
    expect(firstMission).toBeGreaterThan(0);
    expect(list.slice(firstMission).every((c) => c.destinations)).toBe(true);
  });

  it('only returns channels of the chosen country, nothing for "other", never missions at home', () => {
    expect(pickChannels({ country: 'OTHER', situation: 'before-departure' })).toEqual([]);
    for (const country of SERVED) {
      for (const situation of SITUATIONS) {
        const list = pickChannels({ country, situation, destination: 'KH', today: TODAY });
        expect(list.every((c) => c.country === country)).toBe(true);
        if (situation !== 'already-abroad') expect(list.some((c) => c.destinations)).toBe(false);
      }
    }
  });
});

describe('helpChannels', () => {
  it('always lists the foreign ministry and the mission where the user is, without repeating them', () => {
    for (const situation of SITUATIONS) {
      const ids = helpChannels({ country: 'ID', situation, destination: 'KH', today: TODAY }).map((c) => c.id);
      expect(ids, situation).toContain('id-kemlu-pwni-hotline');
      expect(ids, situation).toContain('id-kemlu-safetravel');
      expect(ids, situation).toContain('id-kbri-phnompenh-protection');
      expect(new Set(ids).size, situation).toBe(ids.length);
    }
    const ph = helpChannels({ country: 'PH', situation: 'before-departure', destination: null, today: TODAY }).map(
      (c) => c.id,
    );
    expect(ph).toContain('ph-dfa-oumwa');
    const my = helpChannels({ country: 'MY', situation: 'paid-money', destination: null, today: TODAY }).map(
      (c) => c.id,
    );
    expect(my).toContain('my-kln-ekonsular');
  });

  it('keeps pickChannels order first; the ministry list comes from the data', () => {
    const picked = pickChannels({ country: 'ID', situation: 'paid-money', today: TODAY }).map((c) => c.id);
    const help = helpChannels({ country: 'ID', situation: 'paid-money', today: TODAY }).map((c) => c.id);
    expect(help.slice(0, picked.length)).toEqual(picked);
    expect(FOREIGN_MINISTRY.ID).toEqual(['id-kemlu-safetravel', 'id-kemlu-pwni-hotline']);
    expect(FOREIGN_MINISTRY.VN).toEqual(['vn-mofa-citizen-protection', 'vn-mofa-citizen-protection-2']);
    expect(FOREIGN_MINISTRY.TH).toBeUndefined();
    for (const ids of Object.values(FOREIGN_MINISTRY))
      for (const id of ids ?? []) expect(byId(id)?.answers, id).toBe('ministry');
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

  it('recognises towns and English names, including the placement countries', () => {
    expect(destinationFromPost(undefined, 'Job in Myawaddy, free ticket')).toBe('MM');
    expect(destinationFromPost(undefined, 'Customer service Sihanoukville')).toBe('KH');
    expect(destinationFromPost(undefined, 'Golden Triangle SEZ casino')).toBe('LA');
    expect(destinationFromPost(undefined, 'Lowongan ART Hong Kong gaji besar')).toBe('HK');
    expect(destinationFromPost(undefined, 'Kerja pabrik Taiwan, potongan ringan')).toBe('TW');
    expect(destinationFromPost(undefined, 'Admin hotel di Dubai, tiket gratis')).toBe('AE');
    expect(destinationFromPost(undefined, 'Sopir di Riyadh, Arab Saudi')).toBe('SA');
    expect(destinationFromPost(undefined, 'Lowongan admin Jakarta')).toBeNull();
  });
});
