// Official help and reporting channels shown in the warning dialog. The data lives in
// rules/channels/channels.json (edited by hand, every value with the source that shows it; see
// rules/channels/README.md) and is validated here at build time, in tests and by `lokeraman rules
// validate`. Numbers are hard-coded on purpose and never fetched: never take a number from the flagged
// page or the network, scammers impersonate embassies and hotlines.
import * as z from 'zod/mini';
import type { Verdict } from '../engine/types';
import type { Country } from './settings';
import channelsData from '../../rules/channels/channels.json';

z.config({ jitless: true });

export const SITUATIONS = ['before-departure', 'already-abroad', 'paid-money', 'woman-or-child'] as const;
export type Situation = (typeof SITUATIONS)[number];

/**
 * Countries a user may be in, or a post may name, that decide which embassy or consulate line comes first:
 * the scam-compound countries and their transit routes (KH MM LA TH PH VN) and the main placement countries
 * whose missions handle most cases (MY HK TW AE SA).
 */
export const DESTINATIONS = ['KH', 'MM', 'TH', 'PH', 'LA', 'MY', 'VN', 'HK', 'TW', 'AE', 'SA'] as const;
export type Destination = (typeof DESTINATIONS)[number];

/**
 * Who answers the line. The ranking rule (`ranking` in channels.json) orders these per situation: abroad, the
 * mission where the person is answers first, then the foreign ministry's own app or portal, then national
 * hotlines; before departure, the placement authority.
 */
export const ROLES = [
  'mission', // embassy or consulate
  'ministry', // the foreign ministry's citizen-protection line, app or portal
  'placement', // the migrant-worker placement authority (KP2MI, DMW, …)
  'protection', // national trafficking / women-and-children protection hotline
  'host-service', // a service of the host country for foreign workers, in their language
  'anti-scam', // money: account freezes, scam reports
  'police',
  'content', // report the post, account or number to the regulator
  'ngo',
] as const;
export type Role = (typeof ROLES)[number];

export const E164 = /^\+[1-9]\d{6,14}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const HTTPS_URL = /^https:\/\/[a-z0-9.-]+\.[a-z]{2,}(\/[^\s]*)?$/;

/** A channel must be re-verified within this many months; past it the UI marks it "check first" and validation fails. */
export const FRESH_FAIL_MONTHS = 12;
/** Validation warns from this age on, so a maintainer has half a year to re-check before the line goes stale. */
export const FRESH_WARN_MONTHS = 6;
/** A source older than this cannot confirm a number on its own: the channel must be marked check-first. */
export const OLDEST_CONFIRMING_SOURCE = '2024-01-01';

const Bilingual = z.object({ en: z.string().check(z.minLength(1)), id: z.string().check(z.minLength(1)) });

const SourceSchema = z.object({
  url: z.string().check(z.regex(HTTPS_URL)),
  /** Publication date of the source (YYYY, YYYY-MM or YYYY-MM-DD), not the date it was read. */
  date: z.string().check(z.regex(/^\d{4}(-\d{2}){0,2}$/)),
  publisher: z.string().check(z.minLength(2)),
  /** The words of the source that show the number or address, copied when the source was read. */
  shows: z.optional(z.string().check(z.minLength(4))),
});

export const ChannelSchema = z
  .object({
    id: z.string().check(z.regex(/^[a-z]{2,4}-[a-z0-9-]+$/)),
    /** Nationality of the people the channel serves (settings country). */
    country: z.enum(['ID', 'PH', 'VN', 'TH', 'MY']),
    organisation: z.string().check(z.minLength(2)),
    organisation_short: z.string().check(z.minLength(2)),
    answers: z.enum(ROLES),
    type: z.enum(['phone', 'short-code', 'whatsapp', 'web', 'email', 'app']),
    /** E.164 for phone and WhatsApp; the address for email; null for short codes and web. */
    international: z.nullable(z.string()),
    /** How people in the country write or dial it. */
    local: z.nullable(z.string()),
    url: z.nullable(z.string().check(z.regex(HTTPS_URL))),
    also_whatsapp: z.optional(z.boolean()),
    who_can_use: z.enum(['inside-country', 'from-abroad', 'anywhere']),
    /** Embassy or consulate lines: the countries this mission covers, primary first. */
    destinations: z.optional(z.array(z.enum(DESTINATIONS)).check(z.minLength(1))),
    /** Rank per situation (1 = first); a channel is only offered for the situations listed. */
    situations: z.partialRecord(z.enum(SITUATIONS), z.number().check(z.int(), z.gte(1))),
    purpose: Bilingual,
    handles: z.array(z.string()),
    languages: z.nullable(z.string()),
    hours: z.nullable(z.string()),
    /** Day a maintainer last read a source that shows this exact value (YYYY-MM-DD). Freshness counts from here. */
    verified_on: z.string().check(z.regex(ISO_DATE)),
    /** The source that shows the value; also listed in `sources`. */
    source_url: z.string().check(z.regex(HTTPS_URL)),
    sources: z.array(SourceSchema).check(z.minLength(1)),
    /**
     * Why the value could not be confirmed from a 2024-or-later source (maintainers' words). A channel with
     * this set is shown with "check first" and never ranked first.
     */
    check_first: z.optional(z.string().check(z.minLength(10))),
  })
  .check(
    z.refine(
      (c) =>
        c.type === 'phone' || c.type === 'whatsapp' ? c.international !== null && E164.test(c.international) : true,
      'phone and WhatsApp channels need an E.164 international value',
    ),
    z.refine(
      (c) =>
        c.type === 'short-code'
          ? c.international === null && c.local !== null && c.who_can_use === 'inside-country'
          : true,
      'short codes have no international form and only work inside the country',
    ),
    z.refine((c) => (c.type === 'web' || c.type === 'app' ? c.url !== null : true), 'web and app channels need a url'),
    z.refine(
      (c) =>
        c.type === 'email' ? c.international !== null && /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/.test(c.international) : true,
      'email channels need an address',
    ),
    z.refine(
      (c) => (c.answers === 'mission') === (c.destinations !== undefined),
      'mission channels, and only they, list destinations',
    ),
    z.refine((c) => c.sources.some((s) => s.url === c.source_url), 'source_url must be one of the sources'),
  );
export type Channel = z.infer<typeof ChannelSchema>;

export const ChannelFileSchema = z.object({
  /** Per situation, the order of who answers (the ranking rule); every channel's ranks must follow it. */
  ranking: z.record(z.enum(SITUATIONS), z.array(z.enum(ROLES)).check(z.minLength(1))),
  channels: z.array(ChannelSchema),
});
export type ChannelFile = z.infer<typeof ChannelFileSchema>;

/** Parses the bundled file; throws with the zod issues when the data is broken (caught by tests and the build). */
export function parseChannelFile(data: unknown): ChannelFile {
  return z.parse(ChannelFileSchema, data);
}

export function parseChannels(data: unknown): Channel[] {
  return parseChannelFile(data).channels;
}

let cached: ChannelFile | undefined;
function bundled(): ChannelFile {
  cached ??= parseChannelFile(channelsData);
  return cached;
}

export function allChannels(): Channel[] {
  return bundled().channels;
}

export function rankingRule(): ChannelFile['ranking'] {
  return bundled().ranking;
}

/** Whole months from `from` (YYYY-MM-DD) to `to`; a day short of a full month does not count. */
export function monthsBetween(from: string, to: Date): number {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  let months = (to.getUTCFullYear() - y) * 12 + (to.getUTCMonth() + 1 - m);
  if (to.getUTCDate() < d) months -= 1;
  return months;
}

export interface Freshness {
  /** Show "check first" next to the number, and never rank it first. */
  checkFirst: boolean;
  /** Why: marked in the data (no recent source), or not re-verified for FRESH_FAIL_MONTHS. */
  reason: 'unconfirmed' | 'stale' | null;
  monthsSinceVerified: number;
}

/** The "check first" flag the UI renders: set in the data, or the channel is past its re-verification date. */
export function channelFreshness(channel: Channel, today: Date = new Date()): Freshness {
  const monthsSinceVerified = monthsBetween(channel.verified_on, today);
  if (channel.check_first) return { checkFirst: true, reason: 'unconfirmed', monthsSinceVerified };
  if (monthsSinceVerified >= FRESH_FAIL_MONTHS) return { checkFirst: true, reason: 'stale', monthsSinceVerified };
  return { checkFirst: false, reason: null, monthsSinceVerified };
}

/** Real actions: tel: with the E.164 (or the short code), wa.me, the web form, mailto. */
export function channelHref(channel: Channel): string {
  switch (channel.type) {
    case 'phone':
      return `tel:${channel.international}`;
    case 'short-code':
      return `tel:${(channel.local ?? '').replace(/[^\d]/g, '')}`;
    case 'whatsapp':
      return `https://wa.me/${(channel.international ?? '').replace(/[^\d]/g, '')}`;
    case 'email':
      return `mailto:${channel.international}`;
    default:
      return channel.url ?? '';
  }
}

export function whatsappHref(channel: Channel): string | null {
  if (!channel.also_whatsapp || !channel.international) return null;
  return `https://wa.me/${channel.international.replace(/[^\d]/g, '')}`;
}

// Names as they appear in job posts (id, en, ms, tl, vi, th). Towns map to the country whose embassy
// handles them: Mae Sot is Thailand, where escapees from Myawaddy arrive.
const DESTINATION_WORDS: Record<Destination, RegExp> = {
  KH: /\b(kamboja|cambodia|cambodge|kampuchea|campuchia|phnom\s*penh|sihanoukville|sihanouk|bavet|poipet|kemboja)\b/i,
  MM: /\b(myanmar|burma|birma|myawaddy|myawadi|shwe\s*kokko|kk\s*park|laukkai|yangon|rangoon)\b/i,
  TH: /\b(thailand|thailan|tailan|thai|bangkok|mae\s*sot|chiang\s*(mai|rai|saen)|pattaya|sa\s*kaeo)\b/i,
  PH: /\b(filipina|philippines|pilipinas|manila|pampanga)\b/i,
  LA: /\b(laos|lao|vientiane|golden\s*triangle|segitiga\s*emas|bokeo|boten)\b/i,
  MY: /\b(malaysia|kuala\s*lumpur|johor|sabah|sarawak|penang)\b/i,
  VN: /\b(vietnam|viet\s*nam|ho\s*chi\s*minh|hanoi|saigon)\b/i,
  HK: /\b(hong\s*kong|hongkong|kowloon)\b/i,
  TW: /\b(taiwan|taiwán|taipei|taichung|kaohsiung|taoyuan)\b/i,
  AE: /\b(uni\s*emirat\s*arab|united\s*arab\s*emirates|uae|dubai|abu\s*dhabi|sharjah|ajman)\b/i,
  SA: /\b(arab\s*saudi|saudi\s*arabia|saudi|riyadh|riyad|jeddah|jedah|dammam)\b/i,
};

/**
 * The destination named in the post: evidence of destination-family flags wins (the engine judged
 * it relevant), then the earliest country name in the post text. Null when none is named.
 */
export function destinationFromPost(verdict: Pick<Verdict, 'flags'> | undefined, text: string): Destination | null {
  const evidenceTexts = (verdict?.flags ?? [])
    .slice()
    .sort((a, b) => Number(b.family === 'destination') - Number(a.family === 'destination'))
    .flatMap((flag) => flag.evidence.map((e) => e.text));
  for (const snippet of evidenceTexts) {
    const found = earliestDestination(snippet);
    if (found) return found;
  }
  return earliestDestination(text);
}

function earliestDestination(text: string): Destination | null {
  let best: { at: number; dest: Destination } | null = null;
  for (const dest of DESTINATIONS) {
    const match = DESTINATION_WORDS[dest].exec(text);
    if (match && (best === null || match.index < best.at)) best = { at: match.index, dest };
  }
  return best?.dest ?? null;
}

export interface PickInput {
  country: Country;
  situation: Situation;
  /** The country named in the post (destinationFromPost). */
  destination?: Destination | null;
  /** The country the user says they are in; wins over the post's destination. */
  location?: Destination | null;
  /** For freshness (channels past their re-verification date count as check-first). */
  today?: Date;
}

/**
 * Channels for the user's country and situation, best first, by the ranks in the data. Someone abroad
 * cannot dial a domestic short code, so inside-country lines are dropped there; the embassy or consulate
 * of the country they are in (or the post names) goes first and missions elsewhere are left out. Without
 * a known country every mission is listed after the ministry and hotlines. A check-first channel is never
 * first: the best confirmed one moves ahead of it.
 */
export function pickChannels(input: PickInput, channels: Channel[] = allChannels()): Channel[] {
  if (input.country === 'OTHER') return [];
  const today = input.today ?? new Date();
  const mine = channels.filter((c) => c.country === input.country);
  const usable = (c: Channel) => !(input.situation === 'already-abroad' && c.who_can_use === 'inside-country');
  const rank = (c: Channel) => c.situations[input.situation] ?? Number.POSITIVE_INFINITY;
  const byRank = (a: Channel, b: Channel) => rank(a) - rank(b);
  let list = mine.filter((c) => c.situations[input.situation] !== undefined && usable(c)).sort(byRank);

  if (input.situation === 'already-abroad') {
    const missions = list.filter((c) => c.destinations);
    const others = list.filter((c) => !c.destinations);
    const where = input.location ?? input.destination ?? null;
    if (where) {
      const here = missions
        .filter((c) => c.destinations?.includes(where))
        .sort((a, b) => (a.destinations?.indexOf(where) ?? 0) - (b.destinations?.indexOf(where) ?? 0));
      list = [...here, ...others];
    } else {
      list = [...others, ...missions];
    }
  }
  if (list.length === 0) {
    // Nothing ranked for this situation: offer whatever this country has that can be reached, rather than nothing.
    list = mine.filter((c) => usable(c) && !c.destinations).sort((a, b) => minRank(a) - minRank(b));
  }
  return confirmedFirst(list, today);
}

function confirmedFirst(list: Channel[], today: Date): Channel[] {
  if (list.length === 0 || !channelFreshness(list[0] as Channel, today).checkFirst) return list;
  const best = list.findIndex((c) => !channelFreshness(c, today).checkFirst);
  if (best < 0) return list;
  return [list[best] as Channel, ...list.slice(0, best), ...list.slice(best + 1)];
}

function minRank(c: Channel): number {
  return Math.min(...Object.values(c.situations).map((n) => n ?? Number.POSITIVE_INFINITY));
}

/**
 * Each country's foreign-ministry lines for nationals abroad (Kemlu for Indonesians, DFA for Filipinos, MOFA
 * citizen protection for Vietnamese, Wisma Putra for Malaysians), taken from the data's `answers: 'ministry'`
 * and ordered by their rank abroad.
 */
export const FOREIGN_MINISTRY: Readonly<Partial<Record<Country, readonly string[]>>> = Object.fromEntries(
  (['ID', 'PH', 'VN', 'TH', 'MY'] as const)
    .map((country) => [
      country,
      allChannels()
        .filter((c) => c.country === country && c.answers === 'ministry')
        .sort((a, b) => (a.situations['already-abroad'] ?? 99) - (b.situations['already-abroad'] ?? 99))
        .map((c) => c.id),
    ])
    .filter(([, ids]) => ids.length > 0),
);

/**
 * What the report view lists: pickChannels' ranking, and always the user's foreign ministry and the mission
 * lines for where the user is (or the post names), added at the end when the situation does not rank them,
 * because a frightened user may have picked the wrong situation and these always help. The additions keep
 * their own freshness: a check-first ministry line is listed, flagged, never first.
 */
export function helpChannels(input: PickInput, channels: Channel[] = allChannels()): Channel[] {
  const list = pickChannels(input, channels);
  if (input.country === 'OTHER') return list;
  const have = new Set(list.map((c) => c.id));
  const ministry = channels
    .filter((c) => c.country === input.country && c.answers === 'ministry')
    .sort((a, b) => (a.situations['already-abroad'] ?? 99) - (b.situations['already-abroad'] ?? 99));
  const where = input.location ?? input.destination ?? null;
  const missions = where
    ? channels
        .filter((c) => c.country === input.country && c.destinations?.includes(where))
        .sort((a, b) => (a.destinations?.indexOf(where) ?? 0) - (b.destinations?.indexOf(where) ?? 0))
    : [];
  for (const channel of [...ministry, ...missions]) {
    if (have.has(channel.id)) continue;
    have.add(channel.id);
    list.push(channel);
  }
  return list;
}
