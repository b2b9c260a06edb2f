// Structured facts pulled out of a post: salaries, phone numbers, links and e-mail addresses.
// Extractors run on NORMALISED text (so full-width digits, zero-width splits and look-alike letters are already
// undone) and report normalised offsets; `extractAll` maps them back to the original text for callers.

import { wordAmounts } from './number-words';
import { normalize } from './normalize';
import { DAYS_PER_MONTH, DEFAULT_RATES, HOURS_PER_MONTH, WEEKS_PER_MONTH } from './rates';
import type { Evidence } from './types';

export type Period = 'hour' | 'day' | 'week' | 'month' | 'year';

export interface MoneyAmount {
  currency: string;
  min: number;
  max: number;
  period: Period;
  /** Monthly estimate in IDR of `min` / `max` (NaN when the currency has no rate). */
  idrMonthMin: number;
  idrMonthMax: number;
  /**
   * False for figures that describe a company rather than a pay packet ("$389 billion", "USD 2.5 million revenue",
   * "omzet Rp 5 miliar"): written with billion / miliar / trillion, next to a revenue word, or above
   * MAX_SALARY_IDR_MONTH. `money` rule conditions only count salary-like amounts.
   */
  salaryLike: boolean;
  start: number;
  end: number;
}

/** No monthly pay packet in a job post is above this (≈ USD 120,000 a month); bigger figures are company sizes. */
export const MAX_SALARY_IDR_MONTH = 2e9;
/**
 * Amounts, phone numbers and links kept per text, each. No real post comes near it (at most 39 amounts and 9
 * phone numbers in the 8,795 corpus posts the bench uses); it bounds the work a crafted post made of nothing but
 * amounts can cause (20,000 chars of "1000 USDT" took ~8 ms, every other post well under 1 ms).
 */
export const MAX_ITEMS_PER_KIND = 100;

export interface PhoneHit {
  /** ISO 3166 alpha-2. */
  country: string;
  /** +<cc><digits> */
  e164: string;
  start: number;
  end: number;
}

export type LinkKind = 'whatsapp' | 'telegram' | 'line' | 'shortener' | 'email' | 'web';

export interface LinkHit {
  kind: LinkKind;
  /** Host without "www." (for e-mail: the domain). */
  host: string;
  /** The link or address as found (normalised). */
  value: string;
  /** E-mail on a free web-mail domain. */
  freeMail?: boolean;
  start: number;
  end: number;
}

// ---------------------------------------------------------------------------------------------------------
// Money

const PRE_CURRENCY: Record<string, string> = {
  us$: 'USD',
  usdt: 'USDT',
  usd: 'USD',
  // Malay writes the US dollar "AS$" (Amerika Syarikat)
  as$: 'USD',
  idr: 'IDR',
  'rp.': 'IDR',
  rp: 'IDR',
  s$: 'SGD',
  sgd: 'SGD',
  nt$: 'TWD',
  twd: 'TWD',
  hk$: 'HKD',
  hkd: 'HKD',
  'rm.': 'MYR',
  rm: 'MYR',
  myr: 'MYR',
  php: 'PHP',
  '₱': 'PHP',
  vnd: 'VND',
  thb: 'THB',
  '฿': 'THB',
  jpy: 'JPY',
  cny: 'CNY',
  rmb: 'CNY',
  '¥': 'JPY',
  '€': 'EUR',
  eur: 'EUR',
  aed: 'AED',
  sar: 'SAR',
  '£': 'GBP',
  gbp: 'GBP',
  a$: 'AUD',
  aud: 'AUD',
  inr: 'INR',
  '₹': 'INR',
  krw: 'KRW',
  '₩': 'KRW',
  $: 'USD',
};
const POST_CURRENCY: Record<string, string> = {
  usdt: 'USDT',
  usd: 'USD',
  美元: 'USD',
  美金: 'USD',
  ดอลลาร์: 'USD',
  dollars: 'USD',
  dollar: 'USD',
  dolar: 'USD',
  idr: 'IDR',
  rupiah: 'IDR',
  sgd: 'SGD',
  ringgit: 'MYR',
  myr: 'MYR',
  php: 'PHP',
  pesos: 'PHP',
  peso: 'PHP',
  piso: 'PHP',
  vnd: 'VND',
  dong: 'VND',
  '₫': 'VND',
  thb: 'THB',
  baht: 'THB',
  บาท: 'THB',
  jpy: 'JPY',
  yen: 'JPY',
  円: 'JPY',
  cny: 'CNY',
  rmb: 'CNY',
  yuan: 'CNY',
  元: 'CNY',
  twd: 'TWD',
  hkd: 'HKD',
  aed: 'AED',
  dirham: 'AED',
  sar: 'SAR',
  riyal: 'SAR',
  eur: 'EUR',
  euro: 'EUR',
  gbp: 'GBP',
  aud: 'AUD',
  inr: 'INR',
  rupees: 'INR',
  krw: 'KRW',
  won: 'KRW',
};
/** Multiplier words; `cur` is the currency they imply when none is written. */
const MULTIPLIERS: Record<string, { f: number; cur?: string }> = {
  jt: { f: 1e6, cur: 'IDR' },
  juta: { f: 1e6, cur: 'IDR' },
  jutaan: { f: 1e6, cur: 'IDR' },
  rb: { f: 1e3, cur: 'IDR' },
  ribu: { f: 1e3, cur: 'IDR' },
  ribuan: { f: 1e3, cur: 'IDR' },
  miliar: { f: 1e9, cur: 'IDR' },
  milyar: { f: 1e9, cur: 'IDR' },
  trieu: { f: 1e6, cur: 'VND' },
  tr: { f: 1e6, cur: 'VND' },
  nghin: { f: 1e3, cur: 'VND' },
  ngan: { f: 1e3, cur: 'VND' },
  万: { f: 1e4, cur: 'CNY' },
  萬: { f: 1e4, cur: 'TWD' },
  千: { f: 1e3 },
  หมื่น: { f: 1e4, cur: 'THB' },
  lakh: { f: 1e5, cur: 'INR' },
  k: { f: 1e3 },
  m: { f: 1e6 },
  mil: { f: 1e6 },
  million: { f: 1e6 },
  bn: { f: 1e9 },
  billion: { f: 1e9 },
  triliun: { f: 1e12, cur: 'IDR' },
  trilyun: { f: 1e12, cur: 'IDR' },
  trillion: { f: 1e12 },
  tn: { f: 1e12 },
};

function alt(words: string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
}

const SCRIPT_NO_SPACE = /[\u0e00-\u0eff\u3000-\u9fff]/;
function wordAlt(words: string[]): string {
  // Latin words need a boundary after them; Thai/CJK words cannot have one (no spaces in those scripts).
  const latin = words.filter((w) => !SCRIPT_NO_SPACE.test(w));
  const other = words.filter((w) => SCRIPT_NO_SPACE.test(w));
  const parts = [`(?:${alt(latin)})(?![\\p{L}\\p{N}])`];
  if (other.length) parts.push(`(?:${alt(other)})`);
  return parts.join('|');
}

const PRE_ALT = alt(Object.keys(PRE_CURRENCY));
const MULT_ALT = wordAlt(Object.keys(MULTIPLIERS));
const SIDE = (n: number) =>
  `(?:(?<pre${n}>${PRE_ALT})\\s{0,2})?(?<num${n}>\\d+(?:[.,]\\d+)*)(?:\\s{0,2}(?<mult${n}>${MULT_ALT}))?`;
const RANGE_SEP = String.raw`\s{0,2}(?:-|~|s\/d|sd|sampai|hingga|to|until|den)\s{0,2}`;
const POST = `(?:\\s{0,2}(?<post>${wordAlt(Object.keys(POST_CURRENCY))}))?`;
const MONEY_Y = new RegExp(
  `(?<![a-z0-9+$#\\u00c0-\\u02af\\u0400-\\u04ff])${SIDE(1)}(?:${RANGE_SEP}${SIDE(2)})?${POST}`,
  'uy',
);

const PERIOD_WORDS: Record<string, Period> = {
  hari: 'day',
  day: 'day',
  days: 'day',
  ngay: 'day',
  araw: 'day',
  วัน: 'day',
  天: 'day',
  日: 'day',
  jam: 'hour',
  hour: 'hour',
  hr: 'hour',
  gio: 'hour',
  oras: 'hour',
  ชั่วโมง: 'hour',
  小时: 'hour',
  小時: 'hour',
  minggu: 'week',
  week: 'week',
  wk: 'week',
  tuan: 'week',
  linggo: 'week',
  สัปดาห์: 'week',
  周: 'week',
  週: 'week',
  bulan: 'month',
  bln: 'month',
  month: 'month',
  mo: 'month',
  thang: 'month',
  buwan: 'month',
  เดือน: 'month',
  月: 'month',
  tahun: 'year',
  thn: 'year',
  year: 'year',
  yr: 'year',
  annum: 'year',
  nam: 'year',
  taon: 'year',
  ปี: 'year',
  年: 'year',
};
const PERIOD_ADJ: Record<string, Period> = {
  harian: 'day',
  daily: 'day',
  perhari: 'day',
  sehari: 'day',
  hourly: 'hour',
  perjam: 'hour',
  mingguan: 'week',
  weekly: 'week',
  perminggu: 'week',
  seminggu: 'week',
  bulanan: 'month',
  monthly: 'month',
  perbulan: 'month',
  sebulan: 'month',
  tahunan: 'year',
  yearly: 'year',
  annually: 'year',
  annual: 'year',
  pertahun: 'year',
  setahun: 'year',
};
const PERIOD_AFTER = new RegExp(
  `\\s{0,2}(?:(?:\\/|per|a|an|each|every|moi|mot|kada|isang|ต่อ|每|一个|一個)\\s{0,2})?(?<p>${wordAlt(Object.keys(PERIOD_WORDS))})|\\s{0,2}(?<adj>${wordAlt(Object.keys(PERIOD_ADJ))})`,
  'uy',
);
const PERIOD_BEFORE = new RegExp(
  // "gaji harian 150rb", and "average yearly income of $80,000", "annual salary: $60k"
  `(?:^|[^\\p{L}])(${alt(Object.keys(PERIOD_ADJ))}|per (?:hari|jam|minggu|day|hour|week))` +
    `(?: (?:base |basic |gross |net )?(?:income|salary|pay|earnings|compensation|wage|gaji|penghasilan|pendapatan|upah)(?: (?:of|is|sebesar|mencapai|up to|hingga|sampai))?)?\\W{0,4}$`,
  'u',
);

/** A period written right after an amount ("per hari", "/bulan", "a day", "harian") and where it ends. */
function periodAfter(text: string, at: number): { period: Period; end: number } | null {
  PERIOD_AFTER.lastIndex = at;
  const pm = PERIOD_AFTER.exec(text);
  const word = pm?.groups ? (pm.groups.p ?? pm.groups.adj) : undefined;
  const period = word ? (PERIOD_WORDS[word] ?? PERIOD_ADJ[word]) : undefined;
  return period ? { period, end: PERIOD_AFTER.lastIndex } : null;
}

export function digitRunStarts(text: string): number[] {
  const out: number[] = [];
  let prev = false;
  for (let i = 0; i < text.length; i++) {
    const d = isDigit(text.charCodeAt(i));
    if (d && !prev) out.push(i);
    prev = d;
  }
  return out;
}

function firstDigit(text: string, from: number): number {
  let i = from;
  while (i < text.length && !isDigit(text.charCodeAt(i))) i++;
  return i;
}

/** Parses "15.000.000", "1,500", "1.5", "1.000,50". */
export function parseNumber(s: string): number {
  const dots = s.split('.').length - 1;
  const commas = s.split(',').length - 1;
  if (dots === 0 && commas === 0) return Number(s);
  if (dots > 0 && commas > 0) {
    const lastSep = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
    const intPart = s.slice(0, lastSep).replace(/[.,]/g, '');
    const frac = s.slice(lastSep + 1);
    return frac.length === 3 ? Number(intPart + frac) : Number(`${intPart}.${frac}`);
  }
  const sep = dots > 0 ? '.' : ',';
  const parts = s.split(sep);
  if (parts.length > 2) return Number(parts.join(''));
  // single separator: thousands when exactly three digits follow ("1.500", "1,000"), else decimal ("1,5 juta")
  return parts[1].length === 3 ? Number(parts.join('')) : Number(`${parts[0]}.${parts[1]}`);
}

function factor(p: Period): number {
  switch (p) {
    case 'hour':
      return HOURS_PER_MONTH;
    case 'day':
      return DAYS_PER_MONTH;
    case 'week':
      return WEEKS_PER_MONTH;
    case 'month':
      return 1;
    case 'year':
      return 1 / 12;
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** Chars that can start a currency written before the amount: letters and currency signs. */
function mayStartCurrency(c: number): boolean {
  return (
    isLower(c) ||
    c === 36 ||
    c === 0x20b1 ||
    c === 0x0e3f ||
    c === 0xa5 ||
    c === 0x20ac ||
    c === 0xa3 ||
    c === 0x20b9 ||
    c === 0x20a9
  );
}

/**
 * Salary-like amounts in normalised text. Bare numbers (ages, counts, phone numbers) are ignored: a currency or
 * an amount word is required. The pattern is tried (anchored) only where a number starts, so the cost follows
 * the number of numbers in a post, not its length.
 */
export function extractMoney(
  text: string,
  rates: Record<string, number> = DEFAULT_RATES,
  /** Ascending positions where digit runs start (the engine knows them from tokenising); else scanned here. */
  digitRuns?: ArrayLike<number>,
): MoneyAmount[] {
  const out: MoneyAmount[] = [];
  const runs = digitRuns ?? digitRunStarts(text);
  let lastEnd = 0;
  for (let q = 0; q < runs.length && out.length < MAX_ITEMS_PER_KIND; q++) {
    const k = runs[q];
    if (k < lastEnd) continue;
    if (k > 0) {
      const p = text.charCodeAt(k - 1);
      if (isDigit(p)) continue;
      if ((p === 46 || p === 44) && k > 1 && isDigit(text.charCodeAt(k - 2))) continue; // "15.000": one number
    }
    let m: RegExpExecArray | null = null;
    // A currency may be written up to 7 chars before the digits ("us$ 1,000", "rp. 5"); try word starts only.
    for (let off = Math.max(lastEnd, k - 7); off <= k; off++) {
      if (off < k) {
        if (!mayStartCurrency(text.charCodeAt(off))) continue;
        if (off > 0 && isLower(text.charCodeAt(off - 1))) continue;
      }
      MONEY_Y.lastIndex = off;
      m = MONEY_Y.exec(text);
      if (m && (off === k || firstDigit(text, off) === k)) break;
      m = null;
    }
    if (!m) continue;
    const g = m.groups as Record<string, string | undefined>;
    const mult1 = g.mult1 ? MULTIPLIERS[g.mult1] : undefined;
    const mult2 = g.mult2 ? MULTIPLIERS[g.mult2] : undefined;
    const cur =
      (g.pre1 && PRE_CURRENCY[g.pre1]) ||
      (g.pre2 && PRE_CURRENCY[g.pre2]) ||
      (g.post && POST_CURRENCY[g.post]) ||
      mult1?.cur ||
      mult2?.cur;
    // No currency: not money ("20-40 tahun"); the next number gets its own chance.
    if (!cur) continue;
    let endLocal = m.index + m[0].length;
    const n1 = parseNumber(g.num1 as string);
    let lo = n1 * (mult1?.f ?? mult2?.f ?? 1);
    let hi = lo;
    if (g.num2) {
      hi = parseNumber(g.num2) * (mult2?.f ?? mult1?.f ?? 1);
      // "5-7 juta" shares the multiplier; "500rb-1jt" does not.
      if (!mult1 && mult2) lo = n1 * mult2.f;
      if (hi < lo) [lo, hi] = [hi, lo];
    }
    // Period: after the amount ("per hari", "/bulan", "a day"), or an adjective just before ("gaji harian").
    let period: Period = 'month';
    const after = periodAfter(text, endLocal);
    if (after) {
      period = after.period;
      endLocal = after.end;
    } else {
      const before = PERIOD_BEFORE.exec(text.slice(Math.max(0, m.index - 48), m.index));
      if (before) {
        const w = before[1];
        period = PERIOD_ADJ[w] ?? PERIOD_WORDS[w.replace(/^per /, '')] ?? 'month';
      }
    }
    while (endLocal > m.index && text.charCodeAt(endLocal - 1) === 32) endLocal--;
    const rate = rates[cur] ?? Number.NaN;
    const f = factor(period);
    const start = m.index;
    const end = endLocal;
    lastEnd = end;
    const idrMonthMax = hi * rate * f;
    const salaryLike =
      (mult1?.f ?? 0) < 1e9 &&
      (mult2?.f ?? 0) < 1e9 &&
      !(idrMonthMax > MAX_SALARY_IDR_MONTH) &&
      !revenueNearby(text, start, end);
    out.push({
      currency: cur,
      min: lo,
      max: hi,
      period,
      idrMonthMin: lo * rate * f,
      idrMonthMax,
      salaryLike,
      start,
      end,
    });
  }
  addWordAmounts(text, rates, out);
  return out;
}

/** Amounts spelled out in words ("dua belas juta", "lima puluh ringgit", "三萬"), after the digit ones. */
function addWordAmounts(text: string, rates: Record<string, number>, out: MoneyAmount[]): void {
  const room = MAX_ITEMS_PER_KIND - out.length;
  if (room <= 0) return;
  const digitSpans = out.length;
  for (const w of wordAmounts(text, room)) {
    let overlaps = false;
    for (let i = 0; i < digitSpans && !overlaps; i++) overlaps = w.start < out[i].end && out[i].start < w.end;
    if (overlaps) continue;
    const after = periodAfter(text, w.end);
    const period: Period = after?.period ?? 'month';
    const end = after?.end ?? w.end;
    const idrMonth = w.value * (rates[w.currency] ?? Number.NaN) * factor(period);
    out.push({
      currency: w.currency,
      min: w.value,
      max: w.value,
      period,
      idrMonthMin: idrMonth,
      idrMonthMax: idrMonth,
      salaryLike: !(idrMonth > MAX_SALARY_IDR_MONTH) && !revenueNearby(text, w.start, end),
      start: w.start,
      end,
    });
  }
}

/** Words that make a nearby amount a company figure (revenue, capital, sales, investment), not pay. */
const REVENUE_WORDS = new Set([
  'revenue',
  'revenues',
  'turnover',
  'valuation',
  'valued',
  'capitalization',
  'capitalisation',
  'assets',
  'asset',
  'funding',
  'raised',
  'investment',
  'omzet',
  'omset',
  'penjualan',
  'valuasi',
  'kapitalisasi',
  'aset',
  'pendanaan',
  'investasi',
]);
/** Pay words: a revenue word on the far side of one of these does not concern the amount. */
const PAY_WORDS = new Set([
  'gaji',
  'gajian',
  'upah',
  'penghasilan',
  'pendapatan',
  'komisi',
  'bonus',
  'tunjangan',
  'salary',
  'salaries',
  'wage',
  'wages',
  'pay',
  'income',
  'earn',
  'earning',
  'earnings',
  'commission',
  'allowance',
  'luong',
  'sweldo',
  'sahod',
]);
const LATIN_WORD = /[a-z]+/g;

/**
 * A revenue word among the 4 words before or the 3 words after the amount, with no pay word or other number in
 * between ("investasi 1 juta, profit 300rb per hari": the revenue word belongs to the first amount only).
 */
function revenueNearby(text: string, start: number, end: number): boolean {
  let a = start;
  while (a > 0 && start - a < 48 && !isDigit(text.charCodeAt(a - 1))) a--;
  let b = end;
  while (b < text.length && b - end < 40 && !isDigit(text.charCodeAt(b))) b++;
  const before = text.slice(a, start).match(LATIN_WORD);
  if (before) {
    for (let k = before.length - 1; k >= 0 && k >= before.length - 4; k--) {
      if (PAY_WORDS.has(before[k])) break;
      if (REVENUE_WORDS.has(before[k])) return true;
    }
  }
  const after = text.slice(end, b).match(LATIN_WORD);
  if (after) {
    for (let k = 0; k < after.length && k < 3; k++) {
      if (PAY_WORDS.has(after[k])) break;
      if (REVENUE_WORDS.has(after[k])) return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------
// Phones

/** Calling code → ISO country. */
export const COUNTRY_CALLING_CODES: Record<string, string> = {
  '855': 'KH',
  '95': 'MM',
  '856': 'LA',
  '66': 'TH',
  '63': 'PH',
  '60': 'MY',
  '62': 'ID',
  '84': 'VN',
  '86': 'CN',
  '886': 'TW',
  '971': 'AE',
  '65': 'SG',
  '852': 'HK',
  '853': 'MO',
  '81': 'JP',
  '82': 'KR',
  '91': 'IN',
  '966': 'SA',
  '974': 'QA',
  '968': 'OM',
  '973': 'BH',
  '965': 'KW',
  '90': 'TR',
  '7': 'RU',
  '44': 'GB',
  '61': 'AU',
  '1': 'US',
  '670': 'TL',
  '673': 'BN',
  '94': 'LK',
  '880': 'BD',
  '92': 'PK',
  '977': 'NP',
  '254': 'KE',
  '234': 'NG',
};
const CC_ALT = alt(Object.keys(COUNTRY_CALLING_CODES));
const D = String.raw`[\s.\-()]?`;
const PHONE_Y = new RegExp(
  String.raw`(?<![\d+])(?:(?:\+|00)\s?(?<cc>${CC_ALT})${D}${D}(?<intl>\d(?:${D}\d){5,12})|(?<idlocal>0${D}8\d(?:${D}\d){6,11})|(?<id62>62${D}8\d(?:${D}\d){7,10}))(?!\d)`,
  'y',
);

function ccOf(digits: string): [string, string] | null {
  for (let l = 3; l >= 1; l--) {
    const c = COUNTRY_CALLING_CODES[digits.slice(0, l)];
    if (c) return [digits.slice(0, l), c];
  }
  return null;
}

/** Phone numbers in normalised text; the pattern is tried only where a number can start. */
export function extractPhones(text: string, digitRuns?: ArrayLike<number>): PhoneHit[] {
  const out: PhoneHit[] = [];
  const len = text.length;
  const runs = digitRuns ?? digitRunStarts(text);
  let lastEnd = 0;
  for (let q = 0; q < runs.length && out.length < MAX_ITEMS_PER_KIND; q++) {
    let k = runs[q];
    // "+855…" / "+ 855…": the number starts at the plus sign
    if (k > 0 && text.charCodeAt(k - 1) === 43) k--;
    else if (k > 1 && text.charCodeAt(k - 1) === 32 && text.charCodeAt(k - 2) === 43) k -= 2;
    const c = text.charCodeAt(k);
    if (k < lastEnd) continue;
    if (c !== 43) {
      if (k > 0) {
        const p = text.charCodeAt(k - 1);
        if (p === 47 && k >= 6 && text.startsWith('wa.me/', k - 6)) {
          // wa.me/<international number>
          let e = k;
          while (e < len && isDigit(text.charCodeAt(e))) e++;
          const digits = text.slice(k, e);
          const cc = digits.length >= 8 && digits.length <= 15 ? ccOf(digits) : null;
          if (cc) out.push({ country: cc[1], e164: `+${digits}`, start: k, end: e });
          lastEnd = e;
          continue;
        }
      }
      // local forms start "00", "0 8…", "62 8…"
      const n1 = text.charCodeAt(k + 1);
      if (c === 48) {
        if (n1 !== 48 && n1 !== 56 && !(n1 === 32 || n1 === 45 || n1 === 46)) continue;
      } else if (!(c === 54 && n1 === 50)) continue;
    }
    PHONE_Y.lastIndex = k;
    const m = PHONE_Y.exec(text);
    if (!m) continue;
    const g = m.groups as Record<string, string | undefined>;
    const start = m.index;
    const end = start + m[0].length;
    if (g.cc && g.intl) {
      const nat = g.intl.replace(/\D/g, '');
      if (nat.length < 6 || nat.length > 13) continue;
      out.push({ country: COUNTRY_CALLING_CODES[g.cc], e164: `+${g.cc}${nat}`, start, end });
    } else if (g.idlocal) {
      const nat = g.idlocal.replace(/\D/g, '').slice(1);
      if (nat.length < 8 || nat.length > 12) continue;
      out.push({ country: 'ID', e164: `+62${nat}`, start, end });
    } else if (g.id62) {
      const nat = g.id62.replace(/\D/g, '').slice(2);
      out.push({ country: 'ID', e164: `+62${nat}`, start, end });
    } else continue;
    lastEnd = end;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Links and e-mail

const FREE_MAIL = new Set([
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'yahoo.co.id',
  'ymail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'proton.me',
  'protonmail.com',
  'aol.com',
  'icloud.com',
  'mail.com',
  'gmx.com',
  'yandex.com',
  'qq.com',
  '163.com',
  'rocketmail.com',
  'outlook.co.id',
  'hotmail.co.id',
]);
const KIND_BY_HOST: Record<string, LinkKind> = {
  'wa.me': 'whatsapp',
  'api.whatsapp.com': 'whatsapp',
  'chat.whatsapp.com': 'whatsapp',
  'whatsapp.com': 'whatsapp',
  'wa.link': 'whatsapp',
  't.me': 'telegram',
  'telegram.me': 'telegram',
  'telegram.dog': 'telegram',
  'telegram.org': 'telegram',
  'line.me': 'line',
  'lin.ee': 'line',
  'bit.ly': 'shortener',
  'tinyurl.com': 'shortener',
  's.id': 'shortener',
  'cutt.ly': 'shortener',
  'shorturl.at': 'shortener',
  'rebrand.ly': 'shortener',
  'goo.gl': 'shortener',
  'ow.ly': 'shortener',
  'is.gd': 'shortener',
  't.co': 'shortener',
  'linktr.ee': 'shortener',
  'tiny.cc': 'shortener',
  'rb.gy': 'shortener',
  'shorturl.asia': 'shortener',
};
const TLDS =
  'com|net|org|id|me|ly|co|io|info|biz|xyz|top|site|online|link|app|to|gl|gd|at|cc|my|ph|kh|vn|th|sg|tw|cn|hk|jp|kr|asia|shop|store|club|vip|live|page|in|ee|gy|dog|work|jobs|career|ai|us|uk|la|mm';
const LINK_RE = new RegExp(
  // The local part starts only where a run of its chars starts: tried at every position, it rescanned the rest of
  // the run each time (quadratic on "a.b.c.d…" chunks without "@").
  String.raw`(?<email>(?<![a-z0-9._%+\-])[a-z0-9._%+\-]+@(?<edomain>[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,}))` +
    String.raw`|(?<url>https?:\/\/(?<uhost>[a-z0-9\-.]+)[^\s<>"'` +
    '`' +
    ']*)' +
    String.raw`|(?<![\p{L}\p{N}@.\-/])(?<bare>(?<bhost>(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+(?:${TLDS}))(?![\p{L}\p{N}\-])(?:\/[^\s<>"']*)?)`,
  'gu',
);

function trimTrailingPunct(v: string): string {
  let e = v.length;
  for (;;) {
    const c = v.charCodeAt(e - 1);
    // . , ; : ! ? ) ]
    if (e > 0 && (c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63 || c === 41 || c === 93)) e--;
    else break;
  }
  return e === v.length ? v : v.slice(0, e);
}

function trimDots(h: string): string {
  let e = h.length;
  while (e > 0 && h.charCodeAt(e - 1) === 46) e--;
  return e === h.length ? h : h.slice(0, e);
}

function kindOf(host: string): LinkKind {
  let h = host;
  for (;;) {
    const k = KIND_BY_HOST[h];
    if (k) return k;
    const dot = h.indexOf('.');
    if (dot < 0) return 'web';
    h = h.slice(dot + 1);
  }
}

function isLinkChar(c: number): boolean {
  // anything but white space, quotes, brackets
  return !(c <= 32 || c === 34 || c === 39 || c === 60 || c === 62 || c === 40 || c === 41 || c === 96 || c === 0xa0);
}

function dotAndAtPositions(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 || c === 64) out.push(i);
  }
  return out;
}

function isAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/** Links and e-mail addresses in normalised text; the pattern runs only on space-delimited chunks with "x.y" / "x@y". */
export function extractLinks(text: string, dotsAndAts?: ArrayLike<number>): LinkHit[] {
  const out: LinkHit[] = [];
  const len = text.length;
  const cands = dotsAndAts ?? dotAndAtPositions(text);
  let lastEnd = 0;
  for (let q = 0; q < cands.length && out.length < MAX_ITEMS_PER_KIND; q++) {
    const k = cands[q];
    if (k < 1 || k + 1 >= len) continue;
    const c = text.charCodeAt(k);
    if (k < lastEnd || !isAlnum(text.charCodeAt(k - 1))) continue;
    const after = text.charCodeAt(k + 1);
    if (c === 46 ? !isLower(after) : !isAlnum(after)) continue; // "15.000" is not a host
    let s = k;
    // never back into the previous chunk: its links are found already (and rescanning it costs time)
    while (s > lastEnd && k - s < 300 && isLinkChar(text.charCodeAt(s - 1))) s--;
    let e = k + 1;
    while (e < len && e - k < 600 && isLinkChar(text.charCodeAt(e))) e++;
    lastEnd = e;
    const chunk = text.slice(s, e);
    LINK_RE.lastIndex = 0;
    for (let m = LINK_RE.exec(chunk); m !== null; m = LINK_RE.exec(chunk)) {
      const g = m.groups as Record<string, string | undefined>;
      // sentence punctuation after a link is not part of it (a loop: /[.,]+$/ rescans long runs of dots)
      const value = trimTrailingPunct(m[0]);
      const start = s + m.index;
      const end = start + value.length;
      if (g.email) {
        const host = trimDots(g.edomain as string);
        out.push({ kind: 'email', host, value, freeMail: FREE_MAIL.has(host), start, end });
        continue;
      }
      const host = trimDots(g.uhost ?? g.bhost ?? '').replace(/^www\./, '');
      if (!host.includes('.')) continue;
      out.push({ kind: kindOf(host), host, value, start, end });
    }
  }
  return out;
}

/** Host of a URL from the post's link list (already unwrapped), without "www.". */
export function hostOfUrl(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------------

export interface Extracted {
  money: (Omit<MoneyAmount, 'start' | 'end'> & { evidence: Evidence })[];
  phones: (Omit<PhoneHit, 'start' | 'end'> & { evidence: Evidence })[];
  links: (Omit<LinkHit, 'start' | 'end'> & { evidence: Evidence })[];
}

/** Convenience for tools and tests: normalises `original` and reports spans in ORIGINAL offsets. */
export function extractAll(original: string, rates: Record<string, number> = DEFAULT_RATES): Extracted {
  const n = normalize(original);
  const ev = (s: number, e: number): Evidence => {
    const [a, b] = n.toOriginal(s, e);
    return { text: original.slice(a, b), start: a, end: b };
  };
  return {
    money: extractMoney(n.text, rates).map(({ start, end, ...rest }) => ({ ...rest, evidence: ev(start, end) })),
    phones: extractPhones(n.text).map(({ start, end, ...rest }) => ({ ...rest, evidence: ev(start, end) })),
    links: extractLinks(n.text).map(({ start, end, ...rest }) => ({ ...rest, evidence: ev(start, end) })),
  };
}
