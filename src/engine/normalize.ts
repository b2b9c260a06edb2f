// Text normalisation for matching. Scam posts are written to dodge keyword filters (𝐊𝐚𝐦𝐛𝐨𝐣𝐚, K4mb0j4,
// K a m b o j a, Kаmbоja with Cyrillic letters, zero-width joiners, 🇰🇭 …); everything here maps those back to
// plain lower-case words while remembering, for every output char, which span of the ORIGINAL text produced it,
// so evidence highlights what the user actually sees.
//
// Speed matters (users scroll thousands of posts), so this is two linear passes over a reusable UTF-16 buffer:
//   pass A (per char): lower-casing via a table, invisible-char removal, per-code-point NFKC + confusable mapping
//                      + diacritic stripping (cached), flag emoji → country words, runs of ≥3 same letters → 1.
//   pass B (per word): letter-spacing collapse (K.a.m.b.o.j.a) and leetspeak decoding (K4mb0j4).
// Pure ASCII input never touches String.prototype.normalize.

/** Output of the internal normaliser. Arrays are views into shared scratch buffers: valid until the next call. */
export interface NormBuffers {
  /**
   * True when the normalised text is exactly the ASCII lower-casing of the input (no char added, removed or
   * replaced otherwise), so callers can get the string from String.prototype.toLowerCase and offsets are 1:1.
   */
  identity: boolean;
  /**
   * True when no char moved: `starts`/`ends` were then NOT written (saves two stores per char on plain posts)
   * and normalised offset k is original offset k.
   */
  mapIdentity: boolean;
  buf: Uint16Array;
  starts: Int32Array;
  ends: Int32Array;
  len: number;
  stats: ScriptStats;
}

/** Cheap script counters collected during normalisation, used by language detection. */
export interface ScriptStats {
  thai: number;
  cjk: number;
  kana: number;
  hangul: number;
  /** Letters only Vietnamese uses (ư ơ đ ă and the precomposed tone-marked vowels). */
  viet: number;
  /** Digits seen (lets callers skip money/phone extraction on digit-free posts). */
  digits: number;
}

export interface Normalized {
  /** Lower-cased, de-obfuscated text used for matching. */
  text: string;
  /** Maps a [start, end) span of `text` to the ORIGINAL text's [start, end). */
  toOriginal(start: number, end: number): [number, number];
  /** Per normalised char: start / end offset in the original text. */
  starts: Int32Array;
  ends: Int32Array;
  stats: ScriptStats;
}

// ---------------------------------------------------------------------------------------------------------
// Scratch buffers, grown on demand and reused across calls: allocation per post would dominate the cost.
let cap = 4096;
let BUF = new Uint16Array(cap);
let STARTS = new Int32Array(cap);
let ENDS = new Int32Array(cap);

function grow(min: number): void {
  let c = cap;
  while (c < min) c *= 2;
  const b = new Uint16Array(c);
  b.set(BUF);
  const s = new Int32Array(c);
  s.set(STARTS);
  const e = new Int32Array(c);
  e.set(ENDS);
  BUF = b;
  STARTS = s;
  ENDS = e;
  cap = c;
}

// ---------------------------------------------------------------------------------------------------------
// Character tables.

/** ASCII → lower-case ASCII. */
const ASCII_LOWER = new Uint16Array(128);
for (let i = 0; i < 128; i++) ASCII_LOWER[i] = i >= 65 && i <= 90 ? i + 32 : i;

/** Latin / Greek / Cyrillic look-alikes → Latin. Applied before lower-casing, so upper-case forms map by shape. */
const CONFUSABLES: Record<string, string> = {
  // Cyrillic upper
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  І: 'I',
  Ј: 'J',
  Ѕ: 'S',
  Ү: 'Y',
  Ԁ: 'D',
  Ԛ: 'Q',
  Ԝ: 'W',
  Ӏ: 'l',
  // Cyrillic lower
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  х: 'x',
  у: 'y',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  һ: 'h',
  ӏ: 'l',
  ү: 'y',
  ь: 'b',
  п: 'n',
  г: 'r',
  // Greek upper
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  // Greek lower
  α: 'a',
  β: 'b',
  γ: 'y',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  μ: 'u',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
  ς: 's',
  // Latin letters without a canonical decomposition
  đ: 'd',
  Đ: 'D',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  ı: 'i',
  ɡ: 'g',
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ʼ: "'",
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  '–': '-',
  '—': '-',
  '−': '-',
};

/** Regional-indicator pairs → country word. Flags of hub / destination countries are part of lures. */
const FLAG_WORDS: Record<string, string> = {
  KH: 'cambodia',
  MM: 'myanmar',
  LA: 'laos',
  TH: 'thailand',
  PH: 'philippines',
  VN: 'vietnam',
  MY: 'malaysia',
  ID: 'indonesia',
  JP: 'japan',
  KR: 'korea',
  TW: 'taiwan',
  SG: 'singapore',
  AE: 'uae',
  CN: 'china',
  HK: 'hongkong',
  SA: 'saudi',
  QA: 'qatar',
  US: 'usa',
  GB: 'uk',
  AU: 'australia',
  IN: 'india',
};

function isInvisible(cp: number): boolean {
  return (
    cp === 0xad || // soft hyphen
    cp === 0x34f || // combining grapheme joiner
    cp === 0x61c ||
    cp === 0x115f ||
    cp === 0x1160 ||
    cp === 0x17b4 ||
    cp === 0x17b5 ||
    cp === 0x180e ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) ||
    cp === 0x3164 ||
    (cp >= 0xfe00 && cp <= 0xfe0f) || // variation selectors
    cp === 0xfeff ||
    cp === 0xffa0 ||
    (cp >= 0x1d173 && cp <= 0x1d17a) ||
    (cp >= 0xe0000 && cp <= 0xe0fff) // tags, variation selectors supplement
  );
}

/** Combining marks that decorate Latin/Greek/Cyrillic (diacritics, Zalgo). Thai/Lao/… marks are elsewhere. */
function isLatinMark(cp: number): boolean {
  return (
    (cp >= 0x300 && cp <= 0x36f) ||
    (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x1dc0 && cp <= 0x1dff) ||
    (cp >= 0x20d0 && cp <= 0x20ff) ||
    (cp >= 0xfe20 && cp <= 0xfe2f)
  );
}

const LATINISH = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u;
/** Emoji, pictographs, skin tones and other symbols: scam posts glue them to words ("🔥LOKER KAMBOJA🔥"). */
const PICTOGRAPH = /^[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{So}]$/u;
const LETTER_NUMBER_MARK = /[\p{L}\p{N}\p{M}]/u;

function mapCodePointUncached(cp: number): string {
  // The keycap mark ends "1️⃣": a word boundary, not a decoration to drop ("1️⃣Kamboja" is "1 kamboja").
  if (cp === 0x20e3) return ' ';
  if (isInvisible(cp) || isLatinMark(cp)) return '';
  const ch = String.fromCodePoint(cp);
  // Pictographs become a space, so they separate words like punctuation does while the space still maps back to
  // the emoji. Astral code points that are no letter, number or mark are treated alike: in posts they are almost
  // always emoji newer than this runtime's Unicode tables. Letter-like symbols NFKC spells out (™ → tm) too.
  if (PICTOGRAPH.test(ch) || (cp >= 0x10000 && !LETTER_NUMBER_MARK.test(ch.normalize('NFKC')))) return ' ';
  let s = ch.normalize('NFKC');
  if (LATINISH.test(s)) {
    // Diacritics only carry meaning for matching in scripts where users also type without them
    // (Vietnamese "lương" is commonly written "luong"); Thai/Lao marks are never touched.
    let out = '';
    for (const c of s.normalize('NFD')) {
      const p = c.codePointAt(0) as number;
      if (isLatinMark(p)) continue;
      out += CONFUSABLES[c] ?? c;
    }
    s = out;
  } else {
    let out = '';
    for (const c of s) {
      const p = c.codePointAt(0) as number;
      if (isInvisible(p) || isLatinMark(p)) continue;
      out += CONFUSABLES[c] ?? c;
    }
    s = out;
  }
  return s.toLowerCase();
}

const BMP_CACHE: (string | undefined)[] = new Array(0x10000);
const ASTRAL_CACHE = new Map<number, string>();

/** Normalised replacement for one non-ASCII code point ('' = drop). Exposed for tests. */
export function mapCodePoint(cp: number): string {
  if (cp < 0x10000) {
    let s = BMP_CACHE[cp];
    if (s === undefined) {
      s = mapCodePointUncached(cp);
      BMP_CACHE[cp] = s;
    }
    return s;
  }
  let s = ASTRAL_CACHE.get(cp);
  if (s === undefined) {
    s = mapCodePointUncached(cp);
    ASTRAL_CACHE.set(cp, s);
  }
  return s;
}

/** Letters only Vietnamese uses (ScriptStats.viet); the engine's fused scan counts them too. */
export function isVietLetter(cp: number): boolean {
  return (
    (cp >= 0x1ea0 && cp <= 0x1ef9) ||
    cp === 0x1b0 ||
    cp === 0x1af ||
    cp === 0x1a1 ||
    cp === 0x1a0 ||
    cp === 0x111 ||
    cp === 0x110 ||
    cp === 0x103 ||
    cp === 0x102
  );
}

// ---------------------------------------------------------------------------------------------------------
/** Test hook: run pass B over the whole text (checks that skipping to the first candidate changes nothing). */
export const TESTING = { fullPassB: false };

const STATS: ScriptStats = { thai: 0, cjk: 0, kana: 0, hangul: 0, viet: 0, digits: 0 };

/**
 * Internal fast path: normalises `src` into the shared scratch buffers. The returned arrays are only valid
 * until the next call.
 */
export function normalizeInto(src: string): NormBuffers {
  const n = src.length;
  if (cap < n + 32) grow(n + 32);
  // Hot state lives in locals: module-level bindings cost a context load and a TDZ check per access.
  let buf = BUF;
  let starts = STARTS;
  let ends = ENDS;
  let o = 0;
  let runCh = 0; // last letter, for collapsing runs of ≥3 ("gajiii" → "gaji"); doubles stay ("good", "saat")
  let runLen = 0;
  let digits = 0;
  // While nothing has moved, output offset == input offset and the maps are left unwritten.
  let virt = true;
  // First output position pass B must look at (-1: none): leetspeak or spaced-out letters are possible there.
  let firstB = -1;
  let prevRun = 0;
  let singles = 0;
  let singleAt = 0;
  let thai = 0;
  let cjk = 0;
  let kana = 0;
  let hangul = 0;
  let viet = 0;
  const lower = ASCII_LOWER;
  for (let i = 0; i < n; ) {
    const c = src.charCodeAt(i);
    // A keycap ("1️⃣" = digit, VS16, U+20E3) takes the slow path so it can stand apart from a word it touches.
    if (c < 128 && !(c <= 57 && (c >= 48 || c === 35 || c === 42) && keycapEnd(src, i + 1, n) !== 0)) {
      const m = lower[c];
      // 'w' is exempt so "www." survives for link extraction.
      if (m >= 97 && m <= 122 && m !== 119) {
        if (m === runCh) {
          if (++runLen >= 3) {
            if (virt) {
              fillIdentity(starts, ends, o);
              virt = false;
            }
            if (runLen === 3) o--;
            ends[o - 1] = i + 1;
            i++;
            continue;
          }
        } else {
          runCh = m;
          runLen = 1;
        }
      } else {
        runCh = 0;
        if (m >= 48 && m <= 57) digits++;
      }
      if (firstB < 0) {
        const rc = RUN[m];
        if (rc !== 0) {
          // a letter next to a digit/@/$: maybe leetspeak
          if (prevRun !== 0) {
            if (rc !== prevRun && (rc === 1 || prevRun === 1)) firstB = o - 1;
            singles = 0; // a word longer than one char breaks a spaced-out streak
          }
        } else if (isSpacer(m)) {
          // a one-char word just ended; two in a row may be a spaced-out word (K a m …)
          if (o >= 1 && RUN[buf[o - 1]] !== 0 && (o < 2 || RUN[buf[o - 2]] === 0)) {
            if (singles === 0) singleAt = o - 1;
            if (++singles >= 2) firstB = singleAt;
          }
        } else singles = 0;
        prevRun = rc;
      }
      buf[o] = m;
      if (!virt) {
        starts[o] = i;
        ends[o] = i + 1;
      }
      o++;
      i++;
      continue;
    }
    // ---- slow path: non-ASCII ----
    if (virt) {
      fillIdentity(starts, ends, o);
      virt = false;
    }
    // full-width / bold digits and letters may form leetspeak or spaced words: let pass B look from here
    if (firstB < 0) firstB = Math.max(0, o - 8);
    let cp = c;
    let len = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = src.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        len = 2;
      }
    }
    let rep: string;
    let end = i + len;
    if (cp < 128) {
      // keycap: the digit (or # *) kept as a word of its own
      end = keycapEnd(src, i + 1, n);
      rep = ` ${String.fromCharCode(cp)} `;
    } else if (cp >= 0x1f1e6 && cp <= 0x1f1ff) {
      // Regional indicators: a pair is a flag emoji, spelled out as the country word.
      rep = ' ';
      if (i + 3 < n) {
        const c2 = src.charCodeAt(i + 2);
        const d2 = src.charCodeAt(i + 3);
        const cp2 = ((c2 - 0xd800) << 10) + (d2 - 0xdc00) + 0x10000;
        if (cp2 >= 0x1f1e6 && cp2 <= 0x1f1ff) {
          const word = FLAG_WORDS[String.fromCharCode(65 + cp - 0x1f1e6, 65 + cp2 - 0x1f1e6)];
          rep = word ? ` ${word} ` : ' ';
          end = i + 4;
        }
      }
    } else {
      if (cp >= 0x0e00 && cp <= 0x0e7f) thai++;
      else if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf)) cjk++;
      else if (cp >= 0x3040 && cp <= 0x30ff) kana++;
      else if (cp >= 0xac00 && cp <= 0xd7af) hangul++;
      else if (isVietLetter(cp)) viet++;
      rep = mapCodePoint(cp);
    }
    if (o + rep.length + 32 > cap) {
      grow(o + rep.length + 32);
      buf = BUF;
      starts = STARTS;
      ends = ENDS;
    }
    for (let k = 0; k < rep.length; k++) {
      const m = rep.charCodeAt(k);
      if (m >= 97 && m <= 122 && m !== 119) {
        if (m === runCh) {
          if (++runLen >= 3) {
            if (runLen === 3) o--;
            ends[o - 1] = end;
            continue;
          }
        } else {
          runCh = m;
          runLen = 1;
        }
      } else {
        runCh = 0;
        if (m >= 48 && m <= 57) digits++;
      }
      buf[o] = m;
      starts[o] = i;
      ends[o] = end;
      o++;
    }
    i = end;
  }
  STATS.digits = digits;
  STATS.thai = thai;
  STATS.cjk = cjk;
  STATS.kana = kana;
  STATS.hangul = hangul;
  STATS.viet = viet;
  passBChanged = false;
  passBVirt = virt;
  if (TESTING.fullPassB && o > 0) firstB = 0;
  const outLen = firstB < 0 ? o : passB(buf, starts, ends, o, firstB);
  virt = passBVirt;
  const identity = virt && !passBChanged && outLen === n;
  return { identity, mapIdentity: virt, buf, starts, ends, len: outLen, stats: STATS };
}

/** End of a keycap whose base char ends at `k` ("1" + optional VS16 + U+20E3), or 0 when there is none. */
function keycapEnd(src: string, k: number, n: number): number {
  let e = k;
  if (e < n && src.charCodeAt(e) === 0xfe0f) e++;
  return e < n && src.charCodeAt(e) === 0x20e3 ? e + 1 : 0;
}

function fillIdentity(starts: Int32Array, ends: Int32Array, upTo: number): void {
  for (let k = 0; k < upTo; k++) {
    starts[k] = k;
    ends[k] = k + 1;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Pass B: words. Works in place (output never longer than input).

/** 1 = ASCII letter, 2 = digit, 3 = leet symbol (@ $). */
const RUN = new Uint8Array(128);
for (let i = 97; i <= 122; i++) RUN[i] = 1;
for (let i = 48; i <= 57; i++) RUN[i] = 2;
RUN[64] = 3;
RUN[36] = 3;

/** Separators allowed between spaced-out letters: space . - _ * · / | */
function isSpacer(c: number): boolean {
  return c === 32 || c === 46 || c === 45 || c === 95 || c === 42 || c === 0xb7 || c === 47 || c === 124;
}

function runClass(c: number): number {
  return c < 128 ? RUN[c] : 0;
}

/** Set by pass B when it rewrote anything (spacing collapse, leetspeak). */
let passBChanged = false;
/** In/out: the maps are still unwritten (identity); pass B fills them before it moves any char. */
let passBVirt = false;

// Scratch for unit positions of a spaced-out word.
let UNITS = new Int32Array(256);

function passB(buf: Uint16Array, STARTS: Int32Array, ENDS: Int32Array, len: number, from: number): number {
  // Everything before `from` stays as it is; start at the beginning of the word that contains it.
  let r = from;
  while (r > 0 && runClass(buf[r - 1]) !== 0) r--;
  let w = r;
  while (r < len) {
    const c = buf[r];
    const rc = runClass(c);
    if (rc === 0) {
      if (w !== r) {
        buf[w] = c;
        STARTS[w] = STARTS[r];
        ENDS[w] = ENDS[r];
      }
      w++;
      r++;
      continue;
    }
    let re = r + 1;
    let mixed = rc !== 1; // only words mixing letters with digits/@/$ can be leetspeak
    while (re < len) {
      const k = runClass(buf[re]);
      if (k === 0) break;
      if (k !== 1) mixed = true;
      re++;
    }
    if (re - r === 1 && re < len && isSpacer(buf[re])) {
      // Possible spaced-out word: single chars separated by 1–3 spacer chars.
      let count = 0;
      let letters = 0;
      let p = r;
      let gapLen = 0;
      let gapAt = 0;
      for (;;) {
        if (count >= UNITS.length) {
          const u = new Int32Array(UNITS.length * 2);
          u.set(UNITS);
          UNITS = u;
        }
        UNITS[count++] = p;
        if (RUN[buf[p]] === 1) letters++;
        let q = p + 1;
        while (q < len && q - p <= 4 && isSpacer(buf[q])) q++;
        const gap = q - p - 1;
        if (gap < 1 || gap > 3 || q >= len) break;
        // Every gap must repeat the first one exactly, so "K.a.m K-a-m" stays two words.
        if (count === 1) {
          gapLen = gap;
          gapAt = p + 1;
        } else {
          if (gap !== gapLen) break;
          let same = true;
          for (let g = 0; g < gap; g++) if (buf[p + 1 + g] !== buf[gapAt + g]) same = false;
          if (!same) break;
        }
        if (runClass(buf[q]) === 0) break;
        if (q + 1 < len && runClass(buf[q + 1]) !== 0) break; // next token is longer than one char
        p = q;
      }
      // The chain may qualify only from a later unit on ("9 9 9 9 a b c"): a scan started at any unit of it would
      // stop at the same place, so find the first qualifying start here instead of rescanning from every unit
      // (rescanning made long runs like "9 9 9 …" quadratic).
      let from = -1;
      for (let k = 0, lettersBefore = 0; k + 3 <= count; k++) {
        const l = letters - lettersBefore;
        if (l >= 3 && l * 2 > count - k) {
          from = k;
          break;
        }
        if (RUN[buf[UNITS[k]]] === 1) lettersBefore++;
      }
      if (from < 0 && count >= 2) {
        // Nothing to join up to the last unit; that one may start a chain with a different gap, so resume there.
        w = copyRaw(buf, STARTS, ENDS, r, UNITS[count - 1], w);
        r = UNITS[count - 1];
        continue;
      }
      if (from >= 0) {
        if (passBVirt) {
          fillIdentity(STARTS, ENDS, len);
          passBVirt = false;
        }
        w = copyRaw(buf, STARTS, ENDS, r, UNITS[from], w);
        const ws = w;
        for (let k = from; k < count; k++) {
          const u = UNITS[k];
          buf[w] = buf[u];
          STARTS[w] = STARTS[u];
          ENDS[w] = ENDS[u];
          w++;
        }
        decodeLeet(buf, ws, w);
        passBChanged = true;
        r = UNITS[count - 1] + 1;
        continue;
      }
    }
    const ws = w;
    if (w !== r) {
      for (let k = r; k < re; k++) {
        buf[w] = buf[k];
        STARTS[w] = STARTS[k];
        ENDS[w] = ENDS[k];
        w++;
      }
    } else {
      w = re;
    }
    if (mixed && decodeLeet(buf, ws, w)) passBChanged = true;
    r = re;
  }
  return w;
}

/** Moves buf[from, to) (and its maps) down to `w`; returns the new write position. */
function copyRaw(buf: Uint16Array, STARTS: Int32Array, ENDS: Int32Array, from: number, to: number, w: number): number {
  if (w === from) return to;
  let o = w;
  for (let k = from; k < to; k++) {
    buf[o] = buf[k];
    STARTS[o] = STARTS[k];
    ENDS[o] = ENDS[k];
    o++;
  }
  return o;
}

const LEET = new Uint16Array(128);
LEET[48] = 111; // 0 o
LEET[49] = 105; // 1 i
LEET[51] = 101; // 3 e
LEET[52] = 97; // 4 a
LEET[53] = 115; // 5 s
LEET[55] = 116; // 7 t
LEET[56] = 98; // 8 b
LEET[64] = 97; // @ a
LEET[36] = 115; // $ s

function isVowel(c: number): boolean {
  return c === 97 || c === 101 || c === 105 || c === 111 || c === 117;
}

/**
 * Leetspeak inside a word. Only words that mix letters with isolated digits are touched, so "15jt", "500rb",
 * "covid19", "mp3", "2nd", "rp15.000" and plain numbers keep their digits.
 */
function decodeLeet(buf: Uint16Array, s: number, e: number): boolean {
  if (!leetApplies(buf, s, e)) return false;
  for (let k = s; k < e; k++) {
    const ch = buf[k];
    if (RUN[ch] === 1) continue;
    let m = LEET[ch];
    // "hote1", "emai1": a 1 after a vowel at the word end reads as l
    if (ch === 49 && k > s && isVowel(buf[k - 1]) && (k + 1 === e || !isVowel(buf[k + 1]))) m = 108;
    buf[k] = m;
  }
  return true;
}

/**
 * Whether decodeLeet would rewrite the word buf[s, e) (ASCII letters, digits, @ $). Read-only: the engine's
 * fused ASCII scan asks it to know that normalisation would leave a word as it is.
 */
export function leetApplies(buf: Uint16Array, s: number, e: number): boolean {
  if (e - s < 3) return false;
  let letters = 0;
  let leet = 0;
  let flanked = false;
  let prevDigit = false;
  let digitGroups = 0;
  let multiDigit = false;
  for (let k = s; k < e; k++) {
    const rc = RUN[buf[k]];
    if (rc === 1) {
      letters++;
      prevDigit = false;
    } else if (rc === 2) {
      if (prevDigit) multiDigit = true;
      else digitGroups++;
      prevDigit = true;
      if (LEET[buf[k]] === 0) return false;
      leet++;
      if (k > s && k + 1 < e && RUN[buf[k - 1]] === 1 && RUN[buf[k + 1]] === 1) flanked = true;
    } else {
      prevDigit = false;
      leet++;
      // '@' / '$' count only as a word-initial letter ("@dmin", "$ales") or between letters.
      const next = k + 1 < e ? RUN[buf[k + 1]] : 0;
      const prev = k > s ? RUN[buf[k - 1]] : 0;
      if (next !== 1 && !(next === 2 && LEET[buf[k + 1]] !== 0)) return false;
      // "$" after letters and before nothing but digits is the dollar sign of "us$1,100", "as$5,000", "hk$3":
      // money, not leetspeak ("$4l4ry" still is)
      if (buf[k] === 36 && next === 2 && k !== s) {
        let digitsToEnd = true;
        for (let j = k + 1; j < e && digitsToEnd; j++) digitsToEnd = RUN[buf[j]] === 2;
        if (digitsToEnd) return false;
      }
      if (k !== s && prev !== 1) return false;
      if (buf[k] === 64 && k !== s) return false; // user@host: an e-mail, not leet
      flanked = true;
    }
  }
  if (leet === 0 || letters < 2 || leet > letters) return false;
  // A run of digits is a real number ("covid19", "rp15"), unless digits stand between letters in several places
  // ("m4l4y514", "51ngapur4"): then the runs are letters too.
  if (multiDigit && digitGroups < 3) return false;
  const c0 = buf[s];
  const c1 = buf[s + 1];
  // currency glued to digits: rp5jt, rm8000, us5
  if (((c0 === 114 && (c1 === 112 || c1 === 109)) || (c0 === 117 && c1 === 115)) && RUN[buf[s + 2]] === 2) return false;
  if (!flanked) {
    // "kamboj4": a single trailing leet digit after ≥4 letters.
    const last = buf[e - 1];
    if (!(RUN[last] === 2 && e - s >= 5 && leet === 1 && RUN[buf[e - 2]] === 1 && RUN[buf[s]] === 1)) return false;
  }
  return RUN[buf[s]] !== 2; // starts with a digit: "4g", "3d", "1st"
}

// ---------------------------------------------------------------------------------------------------------

const DECODER_CHUNK = 4096;
const UTF16 = typeof TextDecoder === 'undefined' ? null : new TextDecoder('utf-16le', { ignoreBOM: true });

/** Builds a JS string from the scratch buffer. */
export function bufToString(buf: Uint16Array, len: number): string {
  // TextDecoder copies natively; fromCharCode.apply is the fallback (argument-list limits → chunks).
  if (UTF16 && len > 64) return UTF16.decode(buf.subarray(0, len));
  if (len <= DECODER_CHUNK) return String.fromCharCode.apply(null, buf.subarray(0, len) as unknown as number[]);
  const parts: string[] = [];
  for (let i = 0; i < len; i += DECODER_CHUNK) {
    parts.push(
      String.fromCharCode.apply(null, buf.subarray(i, Math.min(len, i + DECODER_CHUNK)) as unknown as number[]),
    );
  }
  return parts.join('');
}

/** Maps a normalised span to the original text, given per-char start/end arrays. */
export function spanToOriginal(
  starts: Int32Array,
  ends: Int32Array,
  len: number,
  s: number,
  e: number,
): [number, number] {
  if (len === 0) return [0, 0];
  if (s >= len) {
    const x = ends[len - 1];
    return [x, x];
  }
  if (e <= s) {
    const x = starts[s];
    return [x, x];
  }
  return [starts[s], ends[Math.min(e, len) - 1]];
}

/** Public, self-contained normalisation (copies out of the scratch buffers). */
export function normalize(original: string): Normalized {
  const r = normalizeInto(original);
  if (r.mapIdentity) fillIdentity(r.starts, r.ends, r.len);
  const starts = r.starts.slice(0, r.len);
  const ends = r.ends.slice(0, r.len);
  const len = r.len;
  return {
    text: bufToString(r.buf, r.len),
    starts,
    ends,
    stats: { ...r.stats },
    toOriginal: (s: number, e: number) => spanToOriginal(starts, ends, len, s, e),
  };
}
