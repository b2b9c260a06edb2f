// Words of the other language in a UI string: English left in the Indonesian UI ("Failed to fetch",
// "24h", "score 80, lang en") or Indonesian in the English one. Used on every locale string (unit test)
// and on the rendered text of every surface (e2e), where post text and channel names are left out by
// the caller. Quoted phrases are left alone: a message may cite the words a scam ad uses.

/** English words a job seeker would notice in Indonesian text. Loanwords Indonesians use (online, admin, email) are absent on purpose. */
const ENGLISH = [
  'the', 'and', 'with', 'your', 'you', 'please', 'report', 'reports', 'warning', 'warnings', 'sign', 'signs',
  'settings', 'check', 'checking', 'failed', 'fetch', 'error', 'download', 'issue', 'open', 'copy', 'save',
  'close', 'back', 'send', 'hours', 'score', 'lang', 'json', 'mirror', 'sensitivity', 'update', 'updates',
  'rules', 'click', 'here', 'this', 'page', 'site', 'sites', 'help', 'other', 'none', 'low', 'medium', 'high',
  '24h', 'network', 'timeout', 'invalid', 'unknown', 'generic', 'any', 'country', 'number', 'who', 'what',
];

/** Indonesian words that would only be there by mistake in English text. */
const INDONESIAN = [
  'yang', 'dan', 'untuk', 'tidak', 'dengan', 'ini', 'itu', 'laporkan', 'laporan', 'tanda', 'bahaya', 'periksa',
  'negara', 'tutup', 'kembali', 'salin', 'simpan', 'pengaturan', 'situs', 'halaman', 'alasan', 'bantuan',
  'minta', 'kirim', 'nomor', 'sudah', 'belum', 'atau', 'dari', 'anda', 'gagal', 'aturan', 'pembaruan',
];

const WORD = /[\p{L}\p{N}]+/gu;

/** Text with quoted phrases and allowed names removed, so they cannot count as leaks. */
function strip(text: string, allowed: readonly string[]): string {
  let out = text.replace(/"[^"\n]*"|“[^”\n]*”|'[^'\n]{2,}'/g, ' ');
  for (const name of allowed) out = out.split(name).join(' ');
  return out;
}

export interface LeakOptions {
  /** Names that are the same in both languages (brands, "Bahasa Indonesia" as a choice). */
  allowed?: readonly string[];
  /** Rule ids: these never belong in any UI text. */
  ruleIds?: readonly string[];
}

export function languageLeaks(text: string, lang: 'id' | 'en', options: LeakOptions = {}): string[] {
  const list = new Set(lang === 'id' ? ENGLISH : INDONESIAN);
  const found = new Set<string>();
  const cleaned = strip(text, options.allowed ?? []);
  for (const match of cleaned.matchAll(WORD)) {
    const word = match[0].toLowerCase();
    if (list.has(word)) found.add(word);
  }
  const ids = options.ruleIds ?? [];
  for (const id of ids) if (id.includes('-') && new RegExp(`(^|[^\\w-])${id}($|[^\\w-])`).test(text)) found.add(`rule id ${id}`);
  return [...found];
}

/** Names the checks accept in both languages. */
export const SHARED_NAMES = [
  'LokerAman',
  'Bahasa Indonesia',
  'WhatsApp',
  'GitHub',
  'Facebook',
  'Instagram',
  'TikTok',
  'Telegram',
  'Threads',
  'LinkedIn',
  'Jobstreet',
  'OLX',
  'X (Twitter)',
];
