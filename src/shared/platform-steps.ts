// How to report a post on the platform itself, shown in the report view for the current site.
// Menu labels change often, so the steps name the usual path and the reason to pick, not exact pixels.
type Steps = { en: string[]; id: string[] };

export interface PlatformSteps {
  platform: string;
  name: string;
  steps: string[];
}

const GENERIC: Steps = {
  en: [
    'Look for the "…" (more) menu or a flag icon on the post.',
    'Choose "Report" and pick the reason closest to "scam", "fraud" or "fake job".',
    'Do not reply to the poster or send them documents.',
  ],
  id: [
    'Cari menu "…" (lainnya) atau ikon bendera di postingan.',
    'Pilih "Laporkan" dan pilih alasan yang paling dekat dengan "penipuan" atau "lowongan palsu".',
    'Jangan membalas pemasang iklan atau mengirim dokumen kepadanya.',
  ],
};

const PLATFORMS: Record<string, { name: string; steps: Steps }> = {
  facebook: {
    name: 'Facebook',
    steps: {
      en: [
        'Tap "…" at the top right of the post.',
        'Choose "Report post".',
        'Pick "Scam, fraud or false information" (or "Scam or fraud") and follow the steps.',
        'In a group, you can also "Report to group admins".',
      ],
      id: [
        'Ketuk "…" di kanan atas postingan.',
        'Pilih "Laporkan postingan".',
        'Pilih "Penipuan, kecurangan, atau informasi palsu" (atau "Penipuan") lalu ikuti langkahnya.',
        'Di grup, Anda juga bisa memilih "Laporkan ke admin grup".',
      ],
    },
  },
  instagram: {
    name: 'Instagram',
    steps: {
      en: ['Tap "…" above the post.', 'Choose "Report".', 'Pick "Scam, fraud or spam", then "Fraud or scam".'],
      id: ['Ketuk "…" di atas postingan.', 'Pilih "Laporkan".', 'Pilih "Penipuan atau spam", lalu "Penipuan".'],
    },
  },
  threads: {
    name: 'Threads',
    steps: {
      en: ['Tap "…" on the post.', 'Choose "Report".', 'Pick the scam or fraud reason.'],
      id: ['Ketuk "…" di postingan.', 'Pilih "Laporkan".', 'Pilih alasan penipuan.'],
    },
  },
  tiktok: {
    name: 'TikTok',
    steps: {
      en: ['Press and hold the video, or tap the Share arrow.', 'Choose "Report".', 'Pick "Frauds and scams" and submit.'],
      id: ['Tekan lama video, atau ketuk panah Bagikan.', 'Pilih "Laporkan".', 'Pilih "Penipuan" lalu kirim.'],
    },
  },
  x: {
    name: 'X (Twitter)',
    steps: {
      en: ['Click "…" on the post.', 'Choose "Report post".', 'Pick the spam or scam reason and follow the steps.'],
      id: ['Klik "…" di postingan.', 'Pilih "Laporkan postingan".', 'Pilih alasan spam atau penipuan lalu ikuti langkahnya.'],
    },
  },
  telegram: {
    name: 'Telegram',
    steps: {
      en: [
        'Open the channel or group in the Telegram app.',
        'Press and hold the message, or open the channel profile and tap "…".',
        'Choose "Report" and pick the reason (for example "Other" and write "fake job / trafficking").',
      ],
      id: [
        'Buka channel atau grup di aplikasi Telegram.',
        'Tekan lama pesannya, atau buka profil channel lalu ketuk "…".',
        'Pilih "Laporkan" lalu pilih alasannya (misalnya "Lainnya" dan tulis "lowongan palsu / perdagangan orang").',
      ],
    },
  },
  whatsapp: {
    name: 'WhatsApp',
    steps: {
      en: ['Open the chat and tap the contact or group name.', 'Scroll down and choose "Report".', 'You can also block the number.'],
      id: ['Buka chat lalu ketuk nama kontak atau grup.', 'Gulir ke bawah dan pilih "Laporkan".', 'Anda juga bisa memblokir nomornya.'],
    },
  },
  olx: {
    name: 'OLX',
    steps: {
      en: ['Open the ad.', 'Choose "Report ad" (usually below the ad details).', 'Pick the reason that fits a fraudulent job ad.'],
      id: ['Buka iklannya.', 'Pilih "Laporkan iklan" (biasanya di bawah detail iklan).', 'Pilih alasan yang sesuai untuk lowongan penipuan.'],
    },
  },
  linkedin: {
    name: 'LinkedIn',
    steps: {
      en: ['Click "…" on the post or the job.', 'Choose "Report post" or "Report job".', 'Pick "Scam" or "Fraud" and submit.'],
      id: ['Klik "…" di postingan atau lowongan.', 'Pilih "Laporkan postingan" atau "Laporkan lowongan".', 'Pilih "Penipuan" lalu kirim.'],
    },
  },
  jobstreet: {
    name: 'Jobstreet',
    steps: {
      en: ['Open the job ad.', 'Scroll to the bottom and choose "Report this job ad".', 'Pick the reason and describe what looks wrong.'],
      id: ['Buka iklan lowongannya.', 'Gulir ke bawah dan pilih "Laporkan iklan lowongan ini".', 'Pilih alasan dan jelaskan apa yang mencurigakan.'],
    },
  },
  glints: { name: 'Glints', steps: GENERIC },
  kalibrr: { name: 'Kalibrr', steps: GENERIC },
  indeed: {
    name: 'Indeed',
    steps: {
      en: ['Open the job.', 'Choose "Report job" at the bottom of the description.', 'Pick the scam reason.'],
      id: ['Buka lowongannya.', 'Pilih "Laporkan lowongan" di bagian bawah deskripsi.', 'Pilih alasan penipuan.'],
    },
  },
  kaskus: { name: 'Kaskus', steps: GENERIC },
  reddit: {
    name: 'Reddit',
    steps: {
      en: ['Click "…" on the post.', 'Choose "Report".', 'Pick "Spam" or the scam reason, and also tell the subreddit moderators.'],
      id: ['Klik "…" di postingan.', 'Pilih "Laporkan".', 'Pilih "Spam" atau alasan penipuan, dan beri tahu juga moderator subreddit.'],
    },
  },
};

const HOST_TO_PLATFORM: [RegExp, string][] = [
  [/(^|\.)facebook\.com$/, 'facebook'],
  [/(^|\.)instagram\.com$/, 'instagram'],
  [/(^|\.)threads\.(net|com)$/, 'threads'],
  [/(^|\.)tiktok\.com$/, 'tiktok'],
  [/(^|\.)(x|twitter)\.com$/, 'x'],
  [/(^|\.)(t\.me|telegram\.org)$/, 'telegram'],
  [/(^|\.)whatsapp\.com$/, 'whatsapp'],
  [/(^|\.)olx\.co\.id$/, 'olx'],
  [/(^|\.)linkedin\.com$/, 'linkedin'],
  [/(^|\.)jobstreet\.(com|co\.id)$/, 'jobstreet'],
  [/(^|\.)glints\.com$/, 'glints'],
  [/(^|\.)kalibrr\.(com|id)$/, 'kalibrr'],
  [/(^|\.)indeed\.com$/, 'indeed'],
  [/(^|\.)kaskus\.co\.id$/, 'kaskus'],
  [/(^|\.)reddit\.com$/, 'reddit'],
];

/** Platform key from the adapter id ('telegram-tme' → telegram) or, failing that, the page host. */
export function platformFor(site: string, pageUrl?: string): string | null {
  const base = site.toLowerCase().split(/[-_]/)[0] ?? '';
  if (base === 'twitter') return 'x';
  if (base in PLATFORMS) return base;
  try {
    const host = pageUrl ? new URL(pageUrl).hostname : '';
    return HOST_TO_PLATFORM.find(([pattern]) => pattern.test(host))?.[1] ?? null;
  } catch {
    return null;
  }
}

export function platformSteps(site: string, lang: 'id' | 'en', pageUrl?: string): PlatformSteps {
  const key = platformFor(site, pageUrl);
  const entry = key ? PLATFORMS[key] : undefined;
  if (!entry || !key) return { platform: 'generic', name: lang === 'id' ? 'situs ini' : 'this site', steps: GENERIC[lang] };
  return { platform: key, name: entry.name, steps: entry.steps[lang] };
}

export const KNOWN_PLATFORMS = Object.keys(PLATFORMS);
