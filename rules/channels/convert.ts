// Converts the channel research (research/channels.research.json, a copy of the shared reference) into
// channels.json, the file the extension ships. Only channels named in CURATED are taken, and the run
// fails if any of them is rated low, unverified or do_not_use in the research, so a weak number can
// never slip in by an edit here. Run: npx tsx rules/channels/convert.ts (test/…channels.test.ts checks
// the committed output is what this produces).
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Channel, parseChannels } from '../../src/shared/channels';

const HERE = import.meta.dirname;
export const RESEARCH_PATH = resolve(HERE, 'research/channels.research.json');
export const OUTPUT_PATH = resolve(HERE, 'channels.json');
/** Date the research file was compiled (the file itself carries no date; see README). */
export const RESEARCH_COMPILED = '2026-03';

export interface ResearchEntry {
  id: string;
  country: string;
  organisation: string;
  organisation_short: string;
  handles: string[];
  channel_type: string;
  value_international: string | null;
  value_local: string | null;
  url: string | null;
  languages: string | null;
  hours: string | null;
  sources: { url: string | null; date: string; publisher: string }[];
  latest_source_date: string | null;
  confidence: string;
  popup_use: string | null;
}

type Curation = Pick<Channel, 'type' | 'international' | 'local' | 'who_can_use' | 'situations' | 'purpose'> &
  Partial<Pick<Channel, 'url' | 'also_whatsapp' | 'destinations' | 'hours'>> & {
    country: Channel['country'];
    /** When the research's latest_source_date is not a plain date (e.g. "c. 2024"). */
    verified?: string;
  };

// Order inside one country does not matter; `situations` ranks decide. Values are re-typed by hand
// from the research (E.164 without spaces, local forms as people dial them) and checked against it
// digit for digit by the test.
export const CURATED: Record<string, Curation> = {
  // Indonesia
  'id-kp2mi-callcenter-domestic': {
    country: 'ID', type: 'short-code', international: null, local: '0800-1000', who_can_use: 'inside-country', hours: '24h',
    situations: { 'before-departure': 1, 'paid-money': 5, 'woman-or-child': 4 },
    purpose: { en: 'Check an overseas job offer or report an illegal recruiter (free call inside Indonesia)', id: 'Cek tawaran kerja luar negeri atau laporkan perekrut ilegal (gratis dari Indonesia)' },
  },
  'id-kp2mi-callcenter-abroad': {
    country: 'ID', type: 'phone', international: '+622129244800', local: '(021) 2924 4800', who_can_use: 'anywhere', hours: '24h',
    situations: { 'before-departure': 2, 'already-abroad': 2, 'paid-money': 6, 'woman-or-child': 5 },
    purpose: { en: 'Migrant-worker ministry call centre, reachable from abroad', id: 'Call center kementerian pekerja migran, bisa dihubungi dari luar negeri' },
  },
  'id-kp2mi-whatsapp': {
    country: 'ID', type: 'whatsapp', international: '+628118080141', local: '0811-8080-141', who_can_use: 'anywhere',
    situations: { 'before-departure': 3, 'already-abroad': 3 },
    purpose: { en: 'Report illegal recruitment by WhatsApp', id: 'Lapor perekrutan ilegal lewat WhatsApp' },
  },
  'id-kp2mi-online-complaint': {
    country: 'ID', type: 'web', international: null, local: null, url: 'https://siskop2mi.bp2mi.go.id', who_can_use: 'anywhere',
    situations: { 'before-departure': 4 },
    purpose: { en: 'SISKOP2MI: check registered job orders and file a complaint', id: 'SISKOP2MI: cek job order resmi dan kirim pengaduan' },
  },
  'id-kemlu-pwni-hotline': {
    country: 'ID', type: 'phone', international: '+6281290070027', local: '0812-9007-0027', who_can_use: 'from-abroad', hours: '24h',
    situations: { 'already-abroad': 1 },
    purpose: { en: 'Foreign Ministry hotline for Indonesians in trouble abroad', id: 'Hotline Kemlu untuk WNI yang bermasalah di luar negeri' },
  },
  'id-kbri-phnompenh-protection': {
    country: 'ID', type: 'phone', international: '+85512813282', local: '012 813 282', who_can_use: 'from-abroad', destinations: ['KH'],
    situations: { 'already-abroad': 1 },
    purpose: { en: 'Indonesian Embassy in Phnom Penh (Cambodia): citizen-protection hotline', id: 'KBRI Phnom Penh (Kamboja): hotline pelindungan WNI' },
  },
  'id-kbri-yangon': {
    country: 'ID', type: 'phone', international: '+9595037055', local: '09 503 7055', who_can_use: 'from-abroad', destinations: ['MM'],
    situations: { 'already-abroad': 1 },
    purpose: { en: 'Indonesian Embassy in Yangon (Myanmar), incl. Myawaddy and KK Park areas', id: 'KBRI Yangon (Myanmar), termasuk wilayah Myawaddy dan KK Park' },
  },
  'id-kbri-bangkok': {
    country: 'ID', type: 'phone', international: '+66929031103', local: '092 903 1103', also_whatsapp: true, who_can_use: 'from-abroad',
    destinations: ['TH', 'MM'], hours: '24/7',
    situations: { 'already-abroad': 1 },
    purpose: { en: 'Indonesian Embassy in Bangkok (Thailand), also for people who crossed from Myanmar to Mae Sot', id: 'KBRI Bangkok (Thailand), juga untuk yang menyeberang dari Myanmar ke Mae Sot' },
  },
  'id-kbri-manila': {
    country: 'ID', type: 'phone', international: '+639173198470', local: '0917 319 8470', also_whatsapp: true, who_can_use: 'from-abroad',
    destinations: ['PH'],
    situations: { 'already-abroad': 1 },
    purpose: { en: 'Indonesian Embassy in Manila (Philippines): complaints hotline', id: 'KBRI Manila (Filipina): hotline pengaduan WNI' },
  },
  'id-polri-110': {
    country: 'ID', type: 'short-code', international: null, local: '110', who_can_use: 'inside-country', hours: '24h',
    situations: { 'before-departure': 9, 'paid-money': 4, 'woman-or-child': 3 },
    purpose: { en: 'Police emergency: someone is being held, or a departure is happening now', id: 'Darurat polisi: ada yang ditahan, atau keberangkatan sedang terjadi' },
  },
  'id-pppa-sapa129-phone': {
    country: 'ID', type: 'short-code', international: null, local: '129', who_can_use: 'inside-country',
    situations: { 'woman-or-child': 1 },
    purpose: { en: 'SAPA 129: violence against women and children, including trafficking', id: 'SAPA 129: kekerasan terhadap perempuan dan anak, termasuk perdagangan orang' },
  },
  'id-pppa-sapa129-whatsapp': {
    country: 'ID', type: 'whatsapp', international: '+628111129129', local: '08111-129-129', who_can_use: 'anywhere',
    situations: { 'woman-or-child': 2, 'already-abroad': 4 },
    purpose: { en: 'SAPA 129 by WhatsApp, works from abroad (women and children)', id: 'SAPA 129 lewat WhatsApp, bisa dari luar negeri (perempuan dan anak)' },
  },
  'id-komdigi-aduankonten-web': {
    country: 'ID', type: 'web', international: null, local: null, url: 'https://aduankonten.id', who_can_use: 'anywhere',
    situations: { 'before-departure': 5 },
    purpose: { en: 'Report this post or account as an illegal job ad (Komdigi)', id: 'Laporkan postingan atau akun ini sebagai lowongan ilegal (Komdigi)' },
  },
  'id-komdigi-aduankonten-wa': {
    country: 'ID', type: 'whatsapp', international: '+628119224545', local: '0811-9224-545', who_can_use: 'anywhere',
    situations: { 'before-departure': 6 },
    purpose: { en: 'Report this post or account by WhatsApp (Komdigi)', id: 'Laporkan postingan atau akun ini lewat WhatsApp (Komdigi)' },
  },
  'id-komdigi-aduannomor': {
    country: 'ID', type: 'web', international: null, local: null, url: 'https://aduannomor.id', who_can_use: 'anywhere',
    situations: { 'before-departure': 7 },
    purpose: { en: "Report the recruiter's phone or WhatsApp number", id: 'Laporkan nomor telepon atau WhatsApp perekrut' },
  },
  'id-komdigi-cekrekening': {
    country: 'ID', type: 'web', international: null, local: null, url: 'https://cekrekening.id', who_can_use: 'anywhere',
    situations: { 'before-departure': 8, 'paid-money': 2 },
    purpose: { en: 'Check or report a bank or e-wallet account that asked you for money', id: 'Cek atau laporkan rekening bank/e-wallet yang meminta uang' },
  },
  'id-ojk-iasc': {
    country: 'ID', type: 'web', international: null, local: null, url: 'https://iasc.ojk.go.id', who_can_use: 'anywhere',
    situations: { 'paid-money': 1 },
    purpose: { en: 'Indonesia Anti-Scam Centre (OJK): ask to freeze the account you paid, as fast as possible', id: 'Indonesia Anti-Scam Centre (OJK): minta rekening yang Anda transfer dibekukan, secepatnya' },
  },
  'id-ojk-kontak157': {
    // Only the 157 short code: the WhatsApp form in the research was derived, never printed by OJK.
    country: 'ID', type: 'short-code', international: null, local: '157', who_can_use: 'inside-country',
    situations: { 'paid-money': 3 },
    purpose: { en: 'OJK contact centre for financial fraud', id: 'Kontak OJK untuk penipuan keuangan' },
  },
  'id-ngo-sbmi': {
    country: 'ID', type: 'web', international: null, local: null, url: 'https://sbmi.or.id', who_can_use: 'anywhere',
    situations: { 'already-abroad': 5 },
    purpose: { en: 'SBMI migrant workers union: helps families of people held in scam compounds (never charges money)', id: 'SBMI: mendampingi keluarga korban yang ditahan di markas penipuan (tidak pernah memungut biaya)' },
  },
  // Philippines
  'ph-dmw-1348': {
    country: 'PH', type: 'phone', international: '+6321348', local: '1348', who_can_use: 'anywhere', hours: '24/7',
    situations: { 'before-departure': 1, 'already-abroad': 2, 'paid-money': 3, 'woman-or-child': 2 },
    purpose: { en: 'Department of Migrant Workers hotline: illegal recruitment, help abroad', id: 'Hotline Department of Migrant Workers: perekrutan ilegal, bantuan di luar negeri' },
  },
  'ph-iacat-1343': {
    country: 'PH', type: 'phone', international: '+6321343', local: '1343', url: 'https://1343actionline.ph', who_can_use: 'anywhere', hours: '24/7', verified: '2024',
    situations: { 'before-departure': 2, 'already-abroad': 3, 'woman-or-child': 1 },
    purpose: { en: '1343 Actionline against human trafficking (IACAT)', id: '1343 Actionline melawan perdagangan orang (IACAT)' },
  },
  'ph-cicc-1326': {
    country: 'PH', type: 'short-code', international: null, local: '1326', who_can_use: 'inside-country', hours: '24/7',
    situations: { 'paid-money': 1, 'before-departure': 3 },
    purpose: { en: 'CICC 1326: online scams and money lost', id: 'CICC 1326: penipuan online dan uang yang hilang' },
  },
  'ph-dmw-landlines': {
    country: 'PH', type: 'phone', international: '+63287221144', local: '(02) 8722-1144', who_can_use: 'anywhere',
    situations: { 'before-departure': 4, 'paid-money': 4 },
    purpose: { en: 'Department of Migrant Workers office line (illegal recruitment)', id: 'Telepon kantor Department of Migrant Workers (perekrutan ilegal)' },
  },
  'ph-dmw-airtip-email': {
    country: 'PH', type: 'email', international: 'airtipinfo@dmw.gov.ph', local: null, who_can_use: 'anywhere',
    situations: { 'before-departure': 5 },
    purpose: { en: 'Email the anti-illegal-recruitment unit (send the report)', id: 'Email unit anti perekrutan ilegal (kirim laporan)' },
  },
  'ph-dfa-oumwa': {
    country: 'PH', type: 'phone', international: '+63288344996', local: '(02) 8834-4996', who_can_use: 'from-abroad',
    situations: { 'already-abroad': 1 },
    purpose: { en: 'DFA help for Filipinos in Cambodia, Myanmar, Laos, Thailand and Vietnam', id: 'Bantuan DFA untuk warga Filipina di Kamboja, Myanmar, Laos, Thailand dan Vietnam' },
  },
  // Vietnam
  'vn-111': {
    country: 'VN', type: 'short-code', international: null, local: '111', who_can_use: 'inside-country', hours: '24/7',
    situations: { 'before-departure': 1, 'woman-or-child': 1, 'paid-money': 2 },
    purpose: { en: 'National anti-trafficking hotline 111', id: 'Hotline nasional anti perdagangan orang 111' },
  },
  'vn-mofa-citizen-protection': {
    country: 'VN', type: 'phone', international: '+84981848484', local: '0981 84 84 84', who_can_use: 'from-abroad', hours: '24h',
    situations: { 'already-abroad': 1 },
    purpose: { en: 'Foreign Ministry citizen-protection line for Vietnamese abroad', id: 'Layanan perlindungan warga Kemlu Vietnam untuk warga di luar negeri' },
  },
  // Thailand
  'th-1300': {
    country: 'TH', type: 'short-code', international: null, local: '1300', who_can_use: 'inside-country', hours: '24h',
    situations: { 'before-departure': 1, 'woman-or-child': 1 },
    purpose: { en: 'Social Assistance Center 1300: trafficking and social crises', id: 'Pusat Bantuan Sosial 1300: perdagangan orang dan krisis sosial' },
  },
  'th-1300-international': {
    country: 'TH', type: 'phone', international: '+66991301300', local: null, who_can_use: 'from-abroad', hours: '24h',
    situations: { 'already-abroad': 1 },
    purpose: { en: 'Line for Thai nationals abroad (trafficking)', id: 'Layanan untuk warga Thailand di luar negeri (perdagangan orang)' },
  },
  'th-aoc-1441': {
    country: 'TH', type: 'short-code', international: null, local: '1441', who_can_use: 'inside-country', hours: '24h',
    situations: { 'paid-money': 1 },
    purpose: { en: 'Anti-Online Scam Operation Center (phone only; Facebook or LINE accounts claiming to be AOC are fake)', id: 'Anti-Online Scam Operation Center (hanya telepon; akun Facebook atau LINE yang mengaku AOC palsu)' },
  },
  // Malaysia
  'my-nsrc-997': {
    country: 'MY', type: 'short-code', international: null, local: '997', who_can_use: 'inside-country', hours: '24/7',
    situations: { 'paid-money': 1 },
    purpose: { en: 'National Scam Response Centre: money lost to a scam (counts as a police report)', id: 'National Scam Response Centre: uang hilang karena penipuan (dihitung laporan polisi)' },
  },
};

const SHIPPABLE = new Set(['high', 'medium']);

export function convert(research: ResearchEntry[]): { generated_from: string; research_compiled: string; channels: Channel[] } {
  const byId = new Map(research.map((entry) => [entry.id, entry]));
  const channels: Channel[] = [];
  for (const [id, curation] of Object.entries(CURATED)) {
    const entry = byId.get(id);
    if (!entry) throw new Error(`channels: ${id} is not in the research file`);
    if (!SHIPPABLE.has(entry.confidence)) {
      throw new Error(`channels: ${id} has confidence "${entry.confidence}"; only high or medium may ship`);
    }
    if (/do not show/i.test(entry.popup_use ?? '')) throw new Error(`channels: ${id} is marked "${entry.popup_use}"`);
    const { country, verified, ...rest } = curation;
    channels.push({
      id,
      country,
      organisation: entry.organisation,
      organisation_short: entry.organisation_short,
      type: rest.type,
      international: rest.international,
      local: rest.local,
      url: rest.url ?? entry.url ?? null,
      ...(rest.also_whatsapp ? { also_whatsapp: true } : {}),
      who_can_use: rest.who_can_use,
      ...(rest.destinations ? { destinations: rest.destinations } : {}),
      situations: rest.situations,
      purpose: rest.purpose,
      handles: entry.handles,
      languages: entry.languages,
      hours: rest.hours ?? null,
      verified: verified ?? entry.latest_source_date ?? '',
      sources: entry.sources.map(({ url, date, publisher }) => ({ url, date, publisher })),
      confidence: entry.confidence as Channel['confidence'],
    });
  }
  const file = { generated_from: 'rules/channels/research/channels.research.json', research_compiled: RESEARCH_COMPILED, channels };
  parseChannels(file);
  return file;
}

export function readResearch(): ResearchEntry[] {
  return JSON.parse(readFileSync(RESEARCH_PATH, 'utf8')) as ResearchEntry[];
}

export function serialise(file: ReturnType<typeof convert>): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(HERE, 'convert.ts')) {
  const file = convert(readResearch());
  writeFileSync(OUTPUT_PATH, serialise(file));
  console.log(`channels: wrote ${file.channels.length} channels to ${OUTPUT_PATH}`);
}
