// Maintainer checks on rules/channels/channels.json beyond its schema: freshness (warn at 6 months since a
// maintainer last verified a channel, fail at 12), sources old enough that only "check first" is honest,
// ranks that break the ranking rule, and situations that would leave a user with no confirmed line.
// Pure: `lokeraman rules validate` and the tests call it with the day to judge by.
import {
  type Channel,
  type ChannelFile,
  channelFreshness,
  FRESH_FAIL_MONTHS,
  FRESH_WARN_MONTHS,
  monthsBetween,
  OLDEST_CONFIRMING_SOURCE,
  parseChannelFile,
  SITUATIONS,
} from './channels';

export interface ChannelFinding {
  severity: 'error' | 'warning';
  code: string;
  /** Channel id, when the finding is about one channel. */
  channelId?: string;
  message: string;
}

const SERVED = ['ID', 'PH', 'VN', 'TH', 'MY'] as const;

export function checkChannelData(data: unknown, today: Date): ChannelFinding[] {
  let file: ChannelFile;
  try {
    file = parseChannelFile(data);
  } catch (e) {
    return [{ severity: 'error', code: 'CHANNEL_E_SCHEMA', message: (e as Error).message }];
  }
  const findings: ChannelFinding[] = [];
  const seen = new Set<string>();
  for (const channel of file.channels) {
    if (seen.has(channel.id)) findings.push(error('CHANNEL_E_DUPLICATE', channel, 'id used twice'));
    seen.add(channel.id);
    findings.push(...freshness(channel, today), ...sourceProblems(channel));
  }
  findings.push(...rankProblems(file), ...coverageProblems(file.channels, today));
  return findings;
}

function error(code: string, channel: Channel, message: string): ChannelFinding {
  return { severity: 'error', code, channelId: channel.id, message };
}

function freshness(channel: Channel, today: Date): ChannelFinding[] {
  const months = monthsBetween(channel.verified_on, today);
  if (months < 0 || (months === 0 && channel.verified_on > today.toISOString().slice(0, 10))) {
    return [error('CHANNEL_E_FUTURE', channel, `verified_on ${channel.verified_on} is in the future`)];
  }
  if (months >= FRESH_FAIL_MONTHS) {
    return [
      error(
        'CHANNEL_E_STALE',
        channel,
        `verified ${channel.verified_on}, ${months} months ago (limit ${FRESH_FAIL_MONTHS}): re-verify it from a current source or remove it; the extension already shows it as "check first"`,
      ),
    ];
  }
  if (months >= FRESH_WARN_MONTHS) {
    return [
      {
        severity: 'warning',
        code: 'CHANNEL_W_AGING',
        channelId: channel.id,
        message: `verified ${channel.verified_on}, ${months} months ago: re-verify before ${FRESH_FAIL_MONTHS} months`,
      },
    ];
  }
  return [];
}

const digits = (value: string | null) => (value ?? '').replace(/\D/g, '');

function sourceProblems(channel: Channel): ChannelFinding[] {
  const findings: ChannelFinding[] = [];
  const newest =
    channel.sources
      .map((s) => s.date)
      .sort()
      .at(-1) ?? '';
  if (newest < OLDEST_CONFIRMING_SOURCE.slice(0, newest.length) && !channel.check_first) {
    findings.push(
      error(
        'CHANNEL_E_OLD_SOURCE',
        channel,
        `newest source is from ${newest}: find one from 2024 or later, or set check_first`,
      ),
    );
  }
  const main = channel.sources.find((s) => s.url === channel.source_url);
  if (main?.shows) {
    const shown = main.shows.toLowerCase();
    const ok =
      channel.type === 'web' || channel.type === 'app'
        ? shown.includes(new URL(channel.url ?? 'https://x.invalid').hostname.replace(/^www\./, ''))
        : channel.type === 'email'
          ? shown.includes((channel.international ?? '').toLowerCase())
          : [channel.local, channel.international].some((v) => {
              const d = digits(v);
              // "+62 21 2924 4800" may be printed "(021) 2924 4800": compare without the trunk or country prefix.
              return d.length >= 3 && digits(shown).includes(d.replace(/^0/, '').slice(-Math.min(d.length, 9)));
            });
    if (!ok)
      findings.push(
        error(
          'CHANNEL_E_SOURCE_MISMATCH',
          channel,
          `the quoted source text does not show ${channel.international ?? channel.local ?? channel.url}`,
        ),
      );
  }
  return findings;
}

/** Sorted by their rank, a country's channels must follow the ranking rule's order of who answers. */
function rankProblems(file: ChannelFile): ChannelFinding[] {
  const findings: ChannelFinding[] = [];
  for (const situation of SITUATIONS) {
    const order = file.ranking[situation] ?? [];
    for (const country of SERVED) {
      const ranked = file.channels
        .filter((c) => c.country === country && c.situations[situation] !== undefined)
        .sort((a, b) => (a.situations[situation] ?? 0) - (b.situations[situation] ?? 0));
      let previous: Channel | undefined;
      for (const channel of ranked) {
        const tier = order.indexOf(channel.answers);
        if (tier < 0) {
          findings.push(
            error(
              'CHANNEL_E_RANK',
              channel,
              `ranked for ${situation}, but the ranking rule has no place for "${channel.answers}" there`,
            ),
          );
        } else if (previous && order.indexOf(previous.answers) > tier) {
          findings.push(
            error(
              'CHANNEL_E_RANK',
              channel,
              `${situation}: a "${channel.answers}" line is ranked after ${previous.id} ("${previous.answers}"); the rule puts ${channel.answers} first`,
            ),
          );
        } else if (
          previous &&
          previous.situations[situation] === channel.situations[situation] &&
          previous.answers !== channel.answers
        ) {
          findings.push(
            error(
              'CHANNEL_E_RANK',
              channel,
              `${situation}: same rank as ${previous.id}, who answers differently; give them distinct ranks`,
            ),
          );
        }
        previous = channel;
      }
    }
  }
  return findings;
}

/**
 * Every served country needs a line in every situation (an error: the user would get an empty list), and should
 * have a confirmed one (a warning: until then a check-first line has to come first there).
 */
function coverageProblems(channels: Channel[], today: Date): ChannelFinding[] {
  const findings: ChannelFinding[] = [];
  for (const country of SERVED) {
    for (const situation of SITUATIONS) {
      const offered = channels.filter(
        (c) =>
          c.country === country &&
          c.situations[situation] !== undefined &&
          !(situation === 'already-abroad' && c.who_can_use === 'inside-country'),
      );
      if (offered.length === 0) {
        findings.push({
          severity: 'error',
          code: 'CHANNEL_E_COVERAGE',
          message: `${country} / ${situation}: no channel at all`,
        });
      } else if (!offered.some((c) => !channelFreshness(c, today).checkFirst)) {
        findings.push({
          severity: 'warning',
          code: 'CHANNEL_W_UNCONFIRMED_ONLY',
          message: `${country} / ${situation}: only check-first channels (${offered.map((c) => c.id).join(', ')}); find a confirmed one`,
        });
      }
    }
  }
  return findings;
}
