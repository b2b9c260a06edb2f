// Amounts written in words: "dua belas juta", "empat juta setengah", "lima puluh ringgit", "two thousand dollars",
// "三萬", "月薪五千元". Recruiters' chat messages (and the court records that quote them) often spell pay out
// instead of writing digits, so a digit-only extractor misses the salary in exactly the texts that matter.
// Works on normalised (lower-cased, NFKC) text; returns spans in that text.

const NUMBER_WORDS: Record<string, number> = {
  nol: 0,
  satu: 1,
  dua: 2,
  tiga: 3,
  empat: 4,
  lima: 5,
  enam: 6,
  tujuh: 7,
  delapan: 8,
  sembilan: 9,
  sepuluh: 10,
  sebelas: 11,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
/** Words that scale what came just before them inside a group (below a thousand). */
const SMALL_SCALE: Record<string, number> = { belas: 10, puluh: 10, ratus: 100, hundred: 100 };
/** Words that close a group and add it to the total. `se-` forms mean one of them. */
const BIG_SCALE: Record<string, number> = {
  ribu: 1e3,
  thousand: 1e3,
  juta: 1e6,
  million: 1e6,
  seratus: 100,
  seribu: 1e3,
  sejuta: 1e6,
};
const HALF = new Set(['setengah', 'half']);

/** Currency words that may follow an amount in words; scale words imply rupiah when none is written. */
const CURRENCY_WORDS: Record<string, string> = {
  rupiah: 'IDR',
  ringgit: 'MYR',
  dollar: 'USD',
  dollars: 'USD',
  dolar: 'USD',
  usd: 'USD',
  riyal: 'SAR',
  real: 'SAR',
  dirham: 'AED',
  baht: 'THB',
  yen: 'JPY',
  won: 'KRW',
  euro: 'EUR',
  euros: 'EUR',
  yuan: 'CNY',
  peso: 'PHP',
  pesos: 'PHP',
  sgd: 'SGD',
  hkd: 'HKD',
  ntd: 'TWD',
};

const WORD_ALT = [...Object.keys(NUMBER_WORDS), ...Object.keys(SMALL_SCALE), ...Object.keys(BIG_SCALE), ...HALF]
  .sort((a, b) => b.length - a.length)
  .join('|');
const CUR_ALT = Object.keys(CURRENCY_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|');
/** A run of number words (with "dan"/"and" inside), then optionally a currency word. */
const WORD_RUN = new RegExp(
  `(?<![\\p{L}\\p{N}])((?:${WORD_ALT})(?:[\\s-]+(?:(?:dan|and)[\\s-]+)?(?:${WORD_ALT}))*)(?:\\)?\\s+(${CUR_ALT}))?(?![\\p{L}\\p{N}])`,
  'gu',
);
/** Cheap test before the regex: most posts spell no amount out. */
const HINT = /juta|ribu|ratus|puluh|belas|thousand|hundred|million|[万萬千元块塊]/;

export interface WordAmount {
  value: number;
  currency: string;
  start: number;
  end: number;
}

/** The value of a run of number words, or null when it is not a well-formed amount. */
export function parseNumberWords(words: string[]): number | null {
  let total = 0;
  let group = 0;
  let lastBig = 0;
  let seen = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === 'dan' || w === 'and') continue;
    if (w in NUMBER_WORDS) {
      group += NUMBER_WORDS[w];
      seen = true;
    } else if (w in SMALL_SCALE) {
      if (!seen) return null;
      // "dua belas" = 2 + 10; "dua puluh" = 2 × 10, "seratus lima puluh" = 100 + 5 × 10
      if (w === 'belas') group += 10;
      else if (w === 'puluh') {
        const last = group % 10;
        group = group - last + last * 10;
      } else {
        // "tiga ratus" = 300, "twenty five hundred" = 2500: the part below a hundred is counted in hundreds
        const low = group % 100;
        group = group - low + low * 100;
      }
    } else if (w in BIG_SCALE) {
      const f = BIG_SCALE[w];
      if (w.startsWith('se')) {
        if (f === 100) group += 100;
        else total += f;
        lastBig = f === 100 ? lastBig : f;
      } else {
        if (!seen && group === 0) return null;
        total += (group || 1) * f;
        group = 0;
        lastBig = f;
      }
      seen = true;
    } else if (HALF.has(w)) {
      // "tiga setengah juta" = 3.5 × 10⁶; "empat juta setengah" = 4 × 10⁶ + half of 10⁶
      if (group > 0) group += 0.5;
      else if (lastBig > 0) total += lastBig / 2;
      else return null;
      seen = true;
    } else return null;
  }
  const value = total + group;
  return seen && value > 0 ? value : null;
}

const CJK_DIGITS: Record<string, number> = {
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  兩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CJK_SCALE: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CJK_RUN = /([零一二两兩三四五六七八九十百千]+)(万|萬)?(元|块|塊)?/gu;

/** 三千 = 3000, 十五 = 15, 两万 (with its 万) = 20000. */
export function parseCjkNumber(s: string): number | null {
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in CJK_DIGITS) digit = CJK_DIGITS[ch];
    else if (ch in CJK_SCALE) {
      total += (digit || 1) * CJK_SCALE[ch];
      digit = 0;
    } else return null;
  }
  const v = total + digit;
  return v > 0 ? v : null;
}

/**
 * Amounts in words in `text`, skipping any that overlap `taken` spans (amounts already read from digits).
 * Without a currency word, a scale word (juta, ribu) means rupiah and 万 means yuan (萬: Taiwan dollars, as the
 * digit reader does); a bare number in words is not money.
 */
export function wordAmounts(text: string, max: number): WordAmount[] {
  const out: WordAmount[] = [];
  if (!HINT.test(text)) return out;
  WORD_RUN.lastIndex = 0;
  for (let m = WORD_RUN.exec(text); m && out.length < max; m = WORD_RUN.exec(text)) {
    const words = m[1].split(/[\s-]+/);
    const value = parseNumberWords(words);
    if (value === null) continue;
    const cur = m[2]
      ? CURRENCY_WORDS[m[2]]
      : words.some((w) => w === 'juta' || w === 'ribu' || w === 'sejuta' || w === 'seribu')
        ? 'IDR'
        : undefined;
    if (!cur) continue;
    out.push({ value, currency: cur, start: m.index, end: m.index + m[0].length });
  }
  CJK_RUN.lastIndex = 0;
  for (let m = CJK_RUN.exec(text); m && out.length < max; m = CJK_RUN.exec(text)) {
    if (!m[2] && !m[3]) continue;
    const n = parseCjkNumber(m[1]);
    if (n === null) continue;
    const value = n * (m[2] ? 1e4 : 1);
    const currency = m[2] === '萬' ? 'TWD' : 'CNY';
    out.push({ value, currency, start: m.index, end: m.index + m[0].length });
  }
  return out;
}
