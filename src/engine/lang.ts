// Cheap language guess from stop-word counts (words are looked up in the engine's word table while matching, so
// this costs nothing extra per post) plus script counters from normalisation for Thai / Chinese / Vietnamese.

import { bufToString, normalizeInto, type ScriptStats } from './normalize';
import { tokenSpans } from './tokenize';

export type DetectedLang = 'id' | 'en' | 'tl' | 'vi' | 'th' | 'ms' | 'zh' | 'und';

/** Bit per language in the stop-word table. */
export const LANG_BITS = { id: 1, ms: 2, en: 4, tl: 8, vi: 16 } as const;

// Words are in normalised form (lower-case, diacritics stripped). Indonesian and Malay share most function words,
// so the shared ones count for both and a short list of words that differ between them decides.
const SHARED_ID_MS = [
  'yang',
  'dan',
  'di',
  'ke',
  'dari',
  'untuk',
  'dengan',
  'ini',
  'itu',
  'akan',
  'ada',
  'dalam',
  'kami',
  'anda',
  'atau',
  'pada',
  'juga',
  'lebih',
  'kerja',
  'gaji',
  'saya',
  'kita',
  'mereka',
  'para',
  'oleh',
  'sebagai',
  'bagi',
  'hanya',
  'sangat',
  'telah',
  'bahwa',
  'hari',
  'sudah',
  'tidak',
  'adalah',
  'boleh',
  'dapat',
  'serta',
  'kepada',
  'bekerja',
  'pengalaman',
  'berminat',
  'jika',
  'tahun',
  'minimal',
  'bulan',
];
const ONLY_ID = [
  'bisa',
  'karena',
  'saja',
  'mau',
  'perusahaan',
  'lowongan',
  'loker',
  'gratis',
  'silakan',
  'silahkan',
  'belum',
  'kalau',
  'nggak',
  'gak',
  'aja',
  'banget',
  'sih',
  'dong',
  'kok',
  'udah',
  'tapi',
  'lagi',
  'bahwa',
  'pria',
  'wanita',
  'berpengalaman',
  'lamaran',
  'kirim',
  'diutamakan',
  'pelamar',
  'syarat',
  'tanpa',
  'terbuka',
  'segera',
  'dibutuhkan',
  'berikut',
  'tersebut',
  'kemudian',
  'seperti',
  'namun',
  'kata',
  'menjadi',
  'melalui',
  'secara',
  'setelah',
];
const ONLY_MS = [
  'kerana',
  'sahaja',
  'mahu',
  'syarikat',
  'jawatan',
  'kosong',
  'percuma',
  'sila',
  'sebarang',
  'hendaklah',
  'ringgit',
  'tak',
  'nak',
  'ialah',
  'beliau',
  'bahawa',
  'kakitangan',
  'memohon',
  'mohon',
  'calon',
  'elaun',
  'selepas',
  'ramai',
  'mangsa',
  'kemboja',
  'tiada',
  'kerajaan',
  'wang',
  'menerusi',
  'iaitu',
  'je',
];
const EN = [
  'the',
  'and',
  'to',
  'of',
  'in',
  'for',
  'is',
  'you',
  'with',
  'we',
  'are',
  'our',
  'will',
  'be',
  'on',
  'this',
  'your',
  'as',
  'or',
  'have',
  'an',
  'at',
  'by',
  'from',
  'that',
  'job',
  'work',
  'experience',
  'salary',
  'apply',
  'must',
  'can',
  'who',
  'all',
  'not',
  'it',
  'they',
  'has',
  'were',
  'was',
  'their',
  'team',
  'skills',
  'required',
];
const TL = [
  'ang',
  'ng',
  'mga',
  'sa',
  'na',
  'ay',
  'at',
  'ko',
  'ako',
  'mo',
  'para',
  'hindi',
  'po',
  'naman',
  'kayo',
  'siya',
  'ito',
  'lang',
  'kung',
  'may',
  'wala',
  'trabaho',
  'sweldo',
  'suweldo',
  'kami',
  'ninyo',
  'natin',
  'yung',
  'talaga',
];
const VI = [
  'va',
  'cua',
  'khong',
  'nguoi',
  'duoc',
  'la',
  'co',
  'cho',
  'toi',
  'cac',
  'nhung',
  'mot',
  'trong',
  'viec',
  'lam',
  'luong',
  'cong',
  'ty',
  'nhan',
  'vien',
  'ban',
  'chung',
  'voi',
  'nay',
  'khi',
  'se',
  'da',
  'den',
  'tai',
  'nhieu',
];

/** Stop word → language bitmask. */
export function stopWordTable(): Map<string, number> {
  const m = new Map<string, number>();
  const add = (words: string[], bits: number) => {
    for (const w of words) m.set(w, (m.get(w) ?? 0) | bits);
  };
  add(SHARED_ID_MS, LANG_BITS.id | LANG_BITS.ms);
  add(ONLY_ID, LANG_BITS.id);
  add(ONLY_MS, LANG_BITS.ms);
  add(EN, LANG_BITS.en);
  add(TL, LANG_BITS.tl);
  add(VI, LANG_BITS.vi);
  return m;
}

export interface LangCounts {
  id: number;
  ms: number;
  en: number;
  tl: number;
  vi: number;
  /** ID-only / MS-only words (decide between the two). */
  onlyId: number;
  onlyMs: number;
  tokens: number;
}

export function emptyCounts(): LangCounts {
  return { id: 0, ms: 0, en: 0, tl: 0, vi: 0, onlyId: 0, onlyMs: 0, tokens: 0 };
}

/** Adds one stop-word hit with the given bitmask. */
export function countBits(c: LangCounts, bits: number, times = 1): void {
  const idms = bits & (LANG_BITS.id | LANG_BITS.ms);
  if (idms === LANG_BITS.id) c.onlyId += times;
  else if (idms === LANG_BITS.ms) c.onlyMs += times;
  if (idms !== 0) {
    c.id += times;
    c.ms += times;
  }
  if (bits & LANG_BITS.en) c.en += times;
  if (bits & LANG_BITS.tl) c.tl += times;
  if (bits & LANG_BITS.vi) c.vi += times;
}

/** Decision from counts. Mixed Indonesian/English posts go to whichever has more stop words. */
export function decideLang(c: LangCounts, s: ScriptStats): DetectedLang {
  const letters = c.tokens;
  if (s.thai > 0 && s.thai >= letters * 0.5) return 'th';
  if (s.cjk > 0 && s.kana === 0 && s.cjk >= letters * 0.5) return 'zh';
  if (s.viet >= 3 || (s.viet >= 1 && c.vi >= 2)) return 'vi';
  const idms = c.id;
  const best = Math.max(idms, c.en, c.tl, c.vi);
  if (best < 2) return 'und';
  if (best === idms) return c.onlyMs > c.onlyId ? 'ms' : 'id';
  if (best === c.en) return 'en';
  if (best === c.tl) return 'tl';
  return 'vi';
}

let TABLE: Map<string, number> | null = null;

/** Standalone detection (the engine uses the counts it gathers while matching instead). */
export function detectLanguage(text: string): DetectedLang {
  TABLE ??= stopWordTable();
  const n = normalizeInto(text);
  const spans = tokenSpans(n.buf, n.len);
  const counts = emptyCounts();
  const s = bufToString(n.buf, n.len);
  for (const [a, b] of spans) {
    counts.tokens++;
    const bits = TABLE.get(s.slice(a, b));
    if (bits) countBits(counts, bits);
  }
  return decideLang(counts, { ...n.stats });
}
