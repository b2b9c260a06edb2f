import { useState } from 'preact/hooks';
import { type Channel, channelFreshness, channelHref } from '../../shared/channels';
import { t, type Lang } from '../warning/i18n';
import { userOnly } from '../warning/trusted';
import { copyText } from './files';
import { readablePhone } from './phone';

function hostOf(url: string | null): string {
  try {
    return url ? new URL(url).hostname.replace(/^www\./, '') : '';
  } catch {
    return url ?? '';
  }
}

const WHO = {
  'inside-country': 'warning_who_inside_country',
  'from-abroad': 'warning_who_from_abroad',
  anywhere: 'warning_who_anywhere',
} as const;

/** What a person writes down or reads out: the grouped international number, the short code, or the address. */
export function shownNumber(channel: Channel): string | null {
  if (channel.type === 'short-code') return channel.local;
  if ((channel.type === 'phone' || channel.type === 'whatsapp') && channel.international)
    return readablePhone(channel.international, channel.local);
  if (channel.type === 'email') return channel.international;
  return null;
}

/** wa.me with the short report as the first message, so a frightened user only has to press send. */
export function whatsappLink(e164: string, message: string): string {
  const base = `https://wa.me/${e164.replace(/[^\d]/g, '')}`;
  return message ? `${base}?text=${encodeURIComponent(message)}` : base;
}

function hoursText(hours: string, lang: Lang): string {
  return /^24\s*(h|\/\s*7|jam)$/i.test(hours.trim()) ? t('warning_channel_24h', lang) : hours;
}

interface Props {
  channels: Channel[];
  lang: Lang;
  /** Short report text that WhatsApp and e-mail actions start with. */
  message?: string;
  subject?: string;
}

/**
 * Official channels as real actions (tel:, wa.me with the report, web form, mailto), each number
 * readable and copyable (tel: does nothing on most desktops), with who can use it, when a maintainer
 * last verified it, and "check first" for a line without a recent source or past its re-verification date.
 */
export function ChannelList({ channels, lang, message = '', subject = '' }: Props) {
  const [copied, setCopied] = useState<{ id: string; ok: boolean } | null>(null);
  return (
    <ul class="la-channels">
      {channels.map((channel) => {
        const number = shownNumber(channel);
        const isWhatsapp = channel.type === 'whatsapp';
        const wa = isWhatsapp || channel.also_whatsapp ? whatsappLink(channel.international ?? '', message) : null;
        const href =
          channel.type === 'email'
            ? `mailto:${channel.international}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(message)}`
            : channelHref(channel);
        // Web forms and apps (Kemlu's Safe Travel) open their site; a phone line may have a site as well.
        const web = channel.type === 'web' || channel.type === 'app' || channel.type === 'phone' ? channel.url : null;
        const status = copied?.id === channel.id ? copied : null;
        const checkFirst = channelFreshness(channel).checkFirst;
        return (
          <li
            key={channel.id}
            class="la-channel"
            data-channel-id={channel.id}
            data-check-first={checkFirst ? 'true' : undefined}
          >
            <p class="la-channel-name">
              <strong>{channel.organisation_short}</strong>{' '}
              <span class="la-tag">{t(WHO[channel.who_can_use], lang)}</span>
            </p>
            <p class="la-channel-purpose">{channel.purpose[lang]}</p>
            {number ? (
              <p class="la-channel-number" data-number={number}>
                {t('warning_channel_number', lang, number)}
              </p>
            ) : null}
            <p class="la-channel-actions">
              {channel.type === 'phone' || channel.type === 'short-code' ? (
                <a class="la-btn la-btn-action" href={href} data-action="call">
                  {t('warning_channel_call', lang)}
                </a>
              ) : null}
              {wa ? (
                <a
                  class="la-btn la-btn-action"
                  href={wa}
                  target="_blank"
                  rel="noopener noreferrer"
                  data-action="whatsapp"
                  onClick={userOnly(() => {})}
                >
                  {t('warning_channel_whatsapp', lang)}
                </a>
              ) : null}
              {channel.type === 'email' ? (
                <a class="la-btn la-btn-action" href={href} data-action="email" onClick={userOnly(() => {})}>
                  {t('warning_channel_email', lang)}
                </a>
              ) : null}
              {number ? (
                <button
                  type="button"
                  class="la-btn la-btn-secondary"
                  data-action="copy-number"
                  onClick={userOnly(async () => setCopied({ id: channel.id, ok: await copyText(number) }))}
                >
                  {t(channel.type === 'email' ? 'warning_channel_copy_address' : 'warning_channel_copy', lang)}
                </button>
              ) : null}
              {web ? (
                <a
                  class={`la-btn ${channel.type === 'phone' ? 'la-btn-secondary' : 'la-btn-action'}`}
                  href={web}
                  target="_blank"
                  rel="noopener noreferrer"
                  data-action="web"
                >
                  {t('warning_channel_open', lang, hostOf(web))}
                </a>
              ) : null}
            </p>
            <p class="la-copy-status" role="status">
              {status
                ? status.ok
                  ? t('warning_channel_copied', lang, number ?? '')
                  : t('warning_copy_failed_number', lang)
                : ''}
            </p>
            {wa && message ? <p class="la-channel-meta">{t('warning_channel_wa_prefilled', lang)}</p> : null}
            <p class="la-channel-meta">
              {channel.type === 'phone' && channel.local
                ? `${t('warning_channel_dial_local', lang, channel.local)} · `
                : ''}
              {channel.hours ? `${t('warning_channel_hours', lang, hoursText(channel.hours, lang))} · ` : ''}
              {t('warning_channel_verified', lang, channel.verified_on)}
            </p>
            {checkFirst ? <p class="la-channel-check-first">{t('warning_channel_check_first', lang)}</p> : null}
          </li>
        );
      })}
    </ul>
  );
}
