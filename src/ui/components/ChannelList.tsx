import { type Channel, channelFreshness, channelHref, whatsappHref } from '../../shared/channels';
import { t, type Lang } from '../warning/i18n';

function actionLabel(channel: Channel, lang: Lang): string {
  switch (channel.type) {
    case 'phone':
      return t('warning_channel_call', lang, channel.international ?? '');
    case 'short-code':
      return t('warning_channel_call', lang, channel.local ?? '');
    case 'whatsapp':
      return t('warning_channel_whatsapp', lang, channel.international ?? '');
    case 'email':
      return t('warning_channel_email', lang, channel.international ?? '');
    default:
      return t('warning_channel_open', lang, hostOf(channel.url));
  }
}

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

/**
 * Official channels as real actions (tel:, wa.me, web form, mailto), with who can use them, when a maintainer last
 * verified them, and "check first" for a line without a recent source or past its re-verification date.
 */
export function ChannelList({ channels, lang }: { channels: Channel[]; lang: Lang }) {
  return (
    <ul class="la-channels">
      {channels.map((channel) => {
        const href = channelHref(channel);
        const external = href.startsWith('https:');
        const wa = whatsappHref(channel);
        const extraWeb = channel.type === 'phone' && channel.url ? channel.url : null;
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
            <p class="la-channel-actions">
              <a
                class="la-btn la-btn-action"
                href={href}
                {...(external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
              >
                {actionLabel(channel, lang)}
              </a>
              {wa ? (
                <a class="la-btn la-btn-action" href={wa} target="_blank" rel="noopener noreferrer">
                  {t('warning_channel_whatsapp', lang, channel.international ?? '')}
                </a>
              ) : null}
              {extraWeb ? (
                <a class="la-btn la-btn-secondary" href={extraWeb} target="_blank" rel="noopener noreferrer">
                  {t('warning_channel_open', lang, hostOf(extraWeb))}
                </a>
              ) : null}
            </p>
            <p class="la-channel-meta">
              {channel.type === 'phone' && channel.local ? `${channel.local} · ` : ''}
              {channel.hours ? `${t('warning_channel_hours', lang, channel.hours)} · ` : ''}
              {t('warning_channel_verified', lang, channel.verified_on)}
            </p>
            {checkFirst ? <p class="la-channel-check-first">{t('warning_channel_check_first', lang)}</p> : null}
          </li>
        );
      })}
    </ul>
  );
}
