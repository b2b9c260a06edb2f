// Word boundaries over the normalised buffer. Shared by the rule compiler (terms) and the engine (posts) so both
// split text identically.

/** 0 = separator, 1 = word char, 2 = a char that is a token on its own (Thai, CJK, … no spaces), 3 = mark. */
export const SEP = 0;
export const WORD = 1;
export const SINGLE = 2;
export const MARK = 3;

const CLASS = new Uint8Array(0x10000);
const KNOWN = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++) {
  CLASS[c] = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) ? WORD : SEP;
  KNOWN[c] = 1;
}

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;
const MARK_RE = /\p{M}/u;

function isSingleScript(c: number): boolean {
  return (
    (c >= 0x0e00 && c <= 0x0eff) || // Thai, Lao
    (c >= 0x1000 && c <= 0x109f) || // Myanmar
    (c >= 0x1780 && c <= 0x17ff) || // Khmer
    (c >= 0x3040 && c <= 0x30ff) || // kana
    (c >= 0x31f0 && c <= 0x31ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff)
  );
}

function computeClass(c: number): number {
  const ch = String.fromCharCode(c);
  if (c >= 0xd800 && c <= 0xdfff) return WORD; // astral letters survive NFKC rarely; keep them inside words
  if (MARK_RE.test(ch)) return MARK;
  if (!LETTER_OR_NUMBER.test(ch)) return SEP;
  return isSingleScript(c) ? SINGLE : WORD;
}

/** Token class of a UTF-16 code unit of normalised text. */
export function classOf(c: number): number {
  if (KNOWN[c] === 0) {
    CLASS[c] = computeClass(c);
    KNOWN[c] = 1;
  }
  return CLASS[c];
}

export const HASH_SEED = 0x811c9dc5 | 0;

/** FNV-1a step; the engine hashes words while it scans them. */
export function hashStep(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

export function hashString(s: string): number {
  let h = HASH_SEED;
  for (let i = 0; i < s.length; i++) h = hashStep(h, s.charCodeAt(i));
  return h;
}

/** Token spans [start, end) over a normalised buffer. */
export function tokenSpans(buf: ArrayLike<number>, len: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let i = 0;
  while (i < len) {
    const k = classOf(buf[i]);
    if (k === SEP || k === MARK) {
      i++;
      continue;
    }
    const s = i;
    if (k === SINGLE) {
      i++;
      while (i < len && classOf(buf[i]) === MARK) i++;
    } else {
      i++;
      while (i < len) {
        const k2 = classOf(buf[i]);
        if (k2 !== WORD && k2 !== MARK) break;
        i++;
      }
    }
    out.push([s, i]);
  }
  return out;
}

/** Tokens of a normalised string. */
export function tokenizeNormalized(text: string): string[] {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  return tokenSpans(codes, text.length).map(([s, e]) => text.slice(s, e));
}
