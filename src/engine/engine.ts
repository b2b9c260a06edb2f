// The matcher. createEngine turns a bundle into lookup tables once; analyze() then makes one pass to normalise,
// one pass to split words (hashing each word as it goes and probing a single open-addressing table that holds
// every word of every term of every rule, plus stop words for language detection), and evaluates rules over the
// few words that hit. Rules never scan the text themselves, except `regex` escape hatches and the lazy
// money / phone / link extractors, which run at most once per post and only when a rule asks.

import { CLITICS, expandAffixes } from './affix';
import { type CompiledPattern, type CompiledRule, ENGINE_VERSION, type RuleBundle } from './bundle';
import {
  extractLinks,
  extractMoney,
  extractPhones,
  hostOfUrl,
  type LinkHit,
  type MoneyAmount,
  type PhoneHit,
} from './extract';
import { countBits, decideLang, emptyCounts, stopWordTable } from './lang';
import {
  bufToString,
  isVietLetter,
  leetApplies,
  mapCodePoint,
  type NormBuffers,
  normalizeInto,
  type ScriptStats,
} from './normalize';
import * as tokenize from './tokenize';
import { hashString } from './tokenize';
import type { AnalyzeContext, Evidence, Flag, Risk, RiskThresholds, Verdict } from './types';

// Module-local copies of the token classes and the hash seed used in the word loop. Under CommonJS
// transpilation (tsx, which the bench and CLI use) every use of an imported binding is a getter call on the
// module object; in the hot loop that cost about a third of analyze(). Checked equal at load time below.
const SEP = 0;
const SINGLE = 2;
const MARK = 3;
const HASH_SEED = 0x811c9dc5 | 0;
const classOf = tokenize.classOf;
if (SEP !== tokenize.SEP || SINGLE !== tokenize.SINGLE || MARK !== tokenize.MARK || HASH_SEED !== tokenize.HASH_SEED) {
  throw new Error('engine: token class constants out of sync with tokenize.ts');
}

/**
 * Test hooks: `asciiScan: false` sends every post down the full path (normalizeInto + scanWords);
 * `asciiAccepted` counts the posts the fused scan handled.
 */
export const ENGINE_TESTING = { asciiScan: true, asciiAccepted: 0, regexBudgetMs: 0 };

/**
 * Milliseconds of regex work one post may use. Rule patterns are screened (the CLI's ReDoS check, and the
 * safe-subset check before a remote update installs), but one exec cannot be interrupted, so once a post has
 * spent this long, its remaining regex patterns are skipped and named in `verdict.overBudget`.
 */
export const REGEX_BUDGET_MS = 50;
const clock: () => number =
  typeof performance !== 'undefined' && typeof performance.now === 'function'
    ? () => performance.now()
    : () => Date.now();

/** Only this many chars of a post are analysed; the verdict says `truncated` when more was cut. */
export const MAX_CHARS = 20_000;
/** Term occurrences kept per term and post (evidence and `near` only need a few). */
const MAX_HITS_PER_TERM = 64;
const MAX_EVIDENCE_PER_FLAG = 8;

export interface Engine {
  analyze(text: string, ctx?: AnalyzeContext): Verdict;
  readonly bundle: RuleBundle;
}

// ---------------------------------------------------------------------------------------------------------
// Word table: hash → entry, open addressing with linear probing.

interface Entry {
  word: string;
  syms: number[];
  /** Syms reachable only through a stripped clitic are tracked separately by the lookup, not here. */
  lang: number;
}

class WordTable {
  /** Interleaved [hash, entry+1] pairs: one cache line per probe. Built by finalize(). */
  slots: Int32Array = new Int32Array(2);
  mask = 0;
  entries: Entry[] = [];
  private index = new Map<string, number>();

  entryFor(word: string): Entry {
    const i = this.index.get(word);
    if (i !== undefined) return this.entries[i];
    const e: Entry = { word, syms: [], lang: 0 };
    this.index.set(word, this.entries.length);
    this.entries.push(e);
    return e;
  }

  /** Builds the probe table once every word is known (load factor ≤ 0.5 keeps misses to ~1.5 probes). */
  finalize(): void {
    let size = 16;
    while (size < this.entries.length * 2) size *= 2;
    this.slots = new Int32Array(size * 2);
    this.mask = size - 1;
    this.entries.forEach((e, id) => {
      const h = hashString(e.word);
      let slot = h & this.mask;
      while (this.slots[slot * 2 + 1] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot * 2] = h;
      this.slots[slot * 2 + 1] = id + 1;
    });
  }

  /** Entry index for the word buf[s, s+len) with hash h, or -1. */
  lookup(h: number, buf: Uint16Array, s: number, len: number): number {
    const slots = this.slots;
    let slot = h & this.mask;
    for (;;) {
      const v = slots[slot * 2 + 1];
      if (v === 0) return -1;
      if (slots[slot * 2] === h) {
        const w = this.entries[v - 1].word;
        if (w.length === len) {
          let k = 0;
          while (k < len && w.charCodeAt(k) === buf[s + k]) k++;
          if (k === len) return v - 1;
        }
      }
      slot = (slot + 1) & this.mask;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Growable scratch arrays shared by all engines (analyze is synchronous and not re-entrant).

let TOK_S: Int32Array<ArrayBuffer> = new Int32Array(1024);
let TOK_E = new Int32Array(1024);
/** Positions of '.', '@', '+' in the normalised text, and indexes of tokens that contain digits. */
let PUNCT = new Int32Array(256);
let DIGIT_TOKS = new Int32Array(256);
let HIT_TOK = new Int32Array(256);
let HIT_SYM = new Int32Array(256);
let HIT_CLITIC = new Uint8Array(256);

function grownI32(a: Int32Array, min: number): Int32Array<ArrayBuffer> {
  let n = a.length;
  while (n < min) n *= 2;
  const b = new Int32Array(n);
  b.set(a);
  return b;
}

const [CL_NYA, CL_LAH, CL_PUN, CL_KAH] = CLITICS.map(
  (c) => (c.charCodeAt(0) << 16) | (c.charCodeAt(1) << 8) | c.charCodeAt(2),
);
/** Stop-word hits per language bitmask value, folded into LangCounts after the scan. */
const LANG_HIST = new Int32Array(32);

// Scratch and tables of the fused scan (asciiScan in createEngine).
let ABUF = new Uint16Array(4096);
/** ASCII → lower-case ASCII. */
const A_LOWER = new Uint16Array(128);
for (let c = 0; c < 128; c++) A_LOWER[c] = c >= 65 && c <= 90 ? c + 32 : c;
/** Per BMP code unit ≥ 128: its normalised char + 1 when normalizeInto maps it to exactly one char that asciiScan
 * can handle (ASCII, or a separator), -1 when not, 0 not yet computed. */
const ONE_TO_ONE = new Int32Array(0x10000);

/**
 * The single char normalizeInto writes for the non-ASCII code unit c when that is all it does (1:1, offsets
 * kept), else -1: surrogates (emoji, astral letters), the keycap mark, dropped chars (zero-width, combining
 * marks), expansions (ß, …, ½), Thai / CJK / kana / Hangul (counted as scripts and split per char), and chars
 * whose replacement is a non-ASCII letter, digit or mark.
 */
function mapOneToOne(c: number): number {
  const v = ONE_TO_ONE[c];
  if (v !== 0) return v > 0 ? v - 1 : -1;
  let m = -1;
  if (
    !(c >= 0xd800 && c <= 0xdfff) &&
    c !== 0x20e3 &&
    !(c >= 0x0e00 && c <= 0x0e7f) &&
    !(c >= 0x4e00 && c <= 0x9fff) &&
    !(c >= 0x3400 && c <= 0x4dbf) &&
    !(c >= 0x3040 && c <= 0x30ff) &&
    !(c >= 0xac00 && c <= 0xd7af)
  ) {
    const r = mapCodePoint(c);
    if (r.length === 1) {
      const k = r.charCodeAt(0);
      if (k < 128 || classOf(k) === SEP) m = k;
    }
  }
  ONE_TO_ONE[c] = m < 0 ? -1 : m + 1;
  return m;
}

const ASCII_STATS: ScriptStats = { thai: 0, cjk: 0, kana: 0, hangul: 0, viet: 0, digits: 0 };
const NO_MAP = new Int32Array(0);

const NO_RUNS: number[] = [];

function thresholdsRisk(score: number, t: RiskThresholds): Risk {
  if (score >= t.high) return 'high';
  if (score >= t.medium) return 'medium';
  if (score >= t.low) return 'low';
  return 'none';
}

interface FiredRule {
  rule: CompiledRule;
  /** Evidence spans in normalised offsets (pairs), or original offsets when `orig` is set. */
  spans: number[];
}

export function createEngine(bundle: RuleBundle): Engine {
  if (bundle.engineVersion?.split('.')[0] !== ENGINE_VERSION.split('.')[0]) {
    throw new Error(`rule bundle engine version ${bundle.engineVersion} is not compatible with ${ENGINE_VERSION}`);
  }
  // ----- symbols: one per distinct (word, mode) -----
  const symIndex = new Map<string, number>();
  const exact = new WordTable();
  const prefix = new WordTable();
  let prefixMask = 0;
  const symSingle: number[][] = [];
  const symFirstMulti: number[][] = [];

  function symFor(word: string, mode: number): number {
    const key = `${mode}:${word}`;
    let s = symIndex.get(key);
    if (s !== undefined) return s;
    s = symIndex.size;
    symIndex.set(key, s);
    symSingle.push([]);
    symFirstMulti.push([]);
    if (mode === 2) {
      prefix.entryFor(word).syms.push(s);
      if (word.length < 31) prefixMask |= 1 << word.length;
    } else {
      const forms = mode === 1 ? expandAffixes(word) : [word];
      for (const f of forms) {
        const e = exact.entryFor(f);
        if (!e.syms.includes(s)) e.syms.push(s);
      }
    }
    return s;
  }

  const termSyms: Int32Array[] = [];
  bundle.terms.forEach((t, id) => {
    const syms = t.words.map((w, i) => symFor(w, t.modes[i]));
    termSyms.push(Int32Array.from(syms));
    if (syms.length === 1) symSingle[syms[0]].push(id);
    else {
      symFirstMulti[syms[0]].push(id);
      // "phnom penh" also matches "phnompenh", "e-commerce" also "ecommerce".
      if (t.modes.slice(0, -1).every((m) => m === 0)) {
        const joined = t.words.join('');
        if (joined.length >= 6) symSingle[symFor(joined, t.modes[t.modes.length - 1])].push(id);
      }
    }
  });
  for (const [w, bits] of stopWordTable()) exact.entryFor(w).lang |= bits;
  exact.finalize();
  prefix.finalize();
  // Flat copies of the entries for the hot loop (no object loads per word).
  const nEntries = exact.entries.length;
  const entryLang = new Uint8Array(nEntries);
  const symStart = new Int32Array(nEntries);
  const symEnd = new Int32Array(nEntries);
  const flatSymList: number[] = [];
  exact.entries.forEach((e, k) => {
    entryLang[k] = e.lang;
    symStart[k] = flatSymList.length;
    flatSymList.push(...e.syms);
    symEnd[k] = flatSymList.length;
  });
  const flatSyms = Int32Array.from(flatSymList);
  const poolOff = new Int32Array(nEntries);
  const poolLen = new Int32Array(nEntries);
  const pool = new Uint16Array(exact.entries.reduce((a, e) => a + e.word.length, 0));
  {
    let off = 0;
    exact.entries.forEach((e, k) => {
      poolOff[k] = off;
      poolLen[k] = e.word.length;
      for (let q = 0; q < e.word.length; q++) pool[off++] = e.word.charCodeAt(q);
    });
  }

  const nTerms = bundle.terms.length;
  const termGen = new Int32Array(nTerms);
  const termHead = new Int32Array(nTerms);
  const termTail = new Int32Array(nTerms);
  const termCount = new Int32Array(nTerms);
  // term hit chain (grown as needed)
  let thStart = new Int32Array(256);
  let thEnd = new Int32Array(256);
  let thNext = new Int32Array(256);
  let gen = 0;

  const regexes = new Map<CompiledPattern, RegExp>();
  const regexLiterals = new Map<CompiledPattern, string[]>();
  const walk = (p: CompiledPattern): void => {
    if (p.t === 'regex') {
      regexes.set(p, new RegExp(p.source, p.flags));
      const lits = requiredLiterals(p.source, p.flags);
      if (lits) regexLiterals.set(p, lits);
    } else if (p.t === 'all' || p.t === 'any') p.of.forEach(walk);
  };
  for (const r of bundle.rules) {
    r.match.forEach(walk);
    r.unless?.forEach(walk);
  }
  const families = bundle.families;

  // Rules whose `match` can only hold when one of its terms occurs are skipped unless such a term was seen:
  // the per-post cost then follows the words that hit, not the size of the rule set.
  const nRules = bundle.rules.length;
  const ruleNeedsTerms = new Uint8Array(nRules);
  const ruleGen = new Int32Array(nRules);
  const termRulesList: number[][] = bundle.terms.map(() => []);
  const termOnly = (p: CompiledPattern): boolean =>
    p.t === 'terms' ||
    p.t === 'near' ||
    ((p.t === 'all' || p.t === 'any') && (p.t === 'all' ? p.of.some(termOnly) : p.of.every(termOnly)));
  const addTerms = (p: CompiledPattern, ri: number): void => {
    if (p.t === 'terms') for (const t of p.terms) termRulesList[t].push(ri);
    else if (p.t === 'near') for (const t of [...p.a, ...p.b]) termRulesList[t].push(ri);
    else if (p.t === 'all' || p.t === 'any') for (const q of p.of) addTerms(q, ri);
  };
  bundle.rules.forEach((r, ri) => {
    if (r.match.every(termOnly)) {
      ruleNeedsTerms[ri] = 1;
      for (const p of r.match) addTerms(p, ri);
    }
  });
  const termRules = termRulesList.map((l) => Int32Array.from(new Set(l)));

  function recordTermHit(term: number, s: number, e: number, nHits: number): number {
    if (termGen[term] !== gen) {
      termGen[term] = gen;
      termCount[term] = 0;
      termHead[term] = -1;
      const rs = termRules[term];
      for (let q = 0; q < rs.length; q++) ruleGen[rs[q]] = gen;
    }
    if (termCount[term] >= MAX_HITS_PER_TERM) return nHits;
    if (nHits >= thStart.length) {
      thStart = grownI32(thStart, nHits + 1);
      thEnd = grownI32(thEnd, nHits + 1);
      thNext = grownI32(thNext, nHits + 1);
    }
    thStart[nHits] = s;
    thEnd[nHits] = e;
    thNext[nHits] = -1;
    if (termHead[term] === -1) termHead[term] = nHits;
    else thNext[termTail[term]] = nHits;
    termTail[term] = nHits;
    termCount[term]++;
    return nHits + 1;
  }

  // ----- per-post state, lazily computed facts -----
  let curBuf: Uint16Array = new Uint16Array(0);
  let curLen = 0;
  let curSrc = '';
  let curIdentity = false;
  let curNPunct = 0;
  let curNDigitTok = 0;
  let digitRuns: number[] | null = null;
  let curDigits = 0;
  let curCtx: AnalyzeContext = {};
  let normText: string | null = null;
  let money: MoneyAmount[] | null = null;
  let phones: PhoneHit[] | null = null;
  let links: LinkHit[] | null = null;
  let ctxHosts: string[] | null = null;
  const fired = new Map<string, FiredRule>();
  /** Signal weight per family so far in this post (before caps); read by `families` patterns in combos. */
  const famSum = new Map<string, number>();
  const getText = (): string => {
    // Most posts need no rewriting beyond lower-casing: then the native lower-casing is the normalised text.
    normText ??= curIdentity ? curSrc.toLowerCase() : bufToString(curBuf, curLen);
    return normText;
  };
  /** Starts of digit runs (inside the tokens that have digits), the only places money / phones can start. */
  const getDigitRuns = (): number[] => {
    if (digitRuns) return digitRuns;
    const out: number[] = [];
    for (let q = 0; q < curNDigitTok; q++) {
      const t = DIGIT_TOKS[q];
      const e = TOK_E[t];
      for (let k = TOK_S[t]; k < e; k++) {
        const c = curBuf[k];
        if (c >= 48 && c <= 57 && !(k > 0 && curBuf[k - 1] >= 48 && curBuf[k - 1] <= 57)) out.push(k);
      }
    }
    digitRuns = out;
    return out;
  };
  const getMoney = (): MoneyAmount[] => {
    // Texts without digits can still state pay in words ("dua belas juta"); extractMoney checks that cheaply.
    money ??= extractMoney(getText(), bundle.rates, curDigits === 0 ? NO_RUNS : getDigitRuns());
    return money;
  };
  const getPhones = (): PhoneHit[] => {
    phones ??= curDigits < 7 ? [] : extractPhones(getText(), getDigitRuns());
    return phones;
  };
  const getLinks = (): LinkHit[] => {
    if (!links) {
      const c: number[] = [];
      for (let q = 0; q < curNPunct; q++) if (curBuf[PUNCT[q]] !== 43) c.push(PUNCT[q]);
      links = c.length === 0 ? [] : extractLinks(getText(), c);
    }
    return links;
  };
  const getCtxHosts = (): string[] => {
    ctxHosts ??= (curCtx.links ?? []).map(hostOfUrl).filter((h): h is string => h !== null);
    return ctxHosts;
  };

  const tokSpan = (a: number, b: number, out: number[]): void => {
    out.push(TOK_S[a], TOK_E[b - 1]);
  };

  function termsHit(terms: number[], out: number[] | null): boolean {
    let any = false;
    for (const t of terms) {
      if (termGen[t] !== gen || termCount[t] === 0) continue;
      any = true;
      if (!out) return true;
      for (let x = termHead[t]; x !== -1 && out.length < MAX_EVIDENCE_PER_FLAG * 2; x = thNext[x]) {
        tokSpan(thStart[x], thEnd[x], out);
      }
    }
    return any;
  }

  function evalPattern(p: CompiledPattern, out: number[] | null): boolean {
    switch (p.t) {
      case 'terms':
        return termsHit(p.terms, out);
      case 'near': {
        if (!termsHit(p.a, null) || !termsHit(p.b, null)) return false;
        // walk the hit chains directly (no arrays): a few hits per term at most in practice
        for (const ta of p.a) {
          if (termGen[ta] !== gen) continue;
          for (let x = termHead[ta]; x !== -1; x = thNext[x]) {
            const as = thStart[x];
            const ae = thEnd[x];
            for (const tb of p.b) {
              if (termGen[tb] !== gen) continue;
              for (let y = termHead[tb]; y !== -1; y = thNext[y]) {
                const bs = thStart[y];
                const be = thEnd[y];
                const gap = bs >= ae ? bs - ae : as >= be ? as - be : 0;
                if (gap < p.within) {
                  if (out) {
                    tokSpan(as, ae, out);
                    tokSpan(bs, be, out);
                  }
                  return true;
                }
              }
            }
          }
        }
        return false;
      }
      case 'regex': {
        const re = regexes.get(p) as RegExp;
        const text = getText();
        const lits = regexLiterals.get(p);
        if (lits && !includesAny(text, lits)) return false;
        if (clock() > regexDeadline) {
          regexSkipped.add(currentRuleId);
          return false;
        }
        const m = re.exec(text);
        if (!m) return false;
        if (out) out.push(m.index, m.index + m[0].length);
        return true;
      }
      case 'money': {
        let ok = false;
        for (const m of getMoney()) {
          if (m.salaryLike && m.idrMonthMax >= p.minIdrMonth && (!p.currencies || p.currencies.includes(m.currency))) {
            ok = true;
            if (!out) return true;
            out.push(m.start, m.end);
          }
        }
        return ok;
      }
      case 'phone': {
        let ok = false;
        for (const ph of getPhones()) {
          if (p.countries.includes(ph.country)) {
            ok = true;
            if (!out) return true;
            out.push(ph.start, ph.end);
          }
        }
        return ok;
      }
      case 'link': {
        let ok = false;
        for (const l of getLinks()) {
          if (hostMatches(l.host, p.hosts)) {
            ok = true;
            if (!out) return true;
            out.push(l.start, l.end);
          }
        }
        if (!ok) for (const h of getCtxHosts()) if (hostMatches(h, p.hosts)) ok = true;
        return ok;
      }
      case 'all': {
        const tmp: number[] | null = out ? [] : null;
        for (const s of p.of) if (!evalPattern(s, tmp)) return false;
        if (out && tmp) out.push(...tmp);
        return true;
      }
      case 'any': {
        let ok = false;
        for (const s of p.of) {
          if (evalPattern(s, out)) {
            ok = true;
            if (!out) return true;
          }
        }
        return ok;
      }
      case 'flag': {
        const f = fired.get(p.id);
        if (!f) return false;
        if (out) out.push(...f.spans);
        return true;
      }
      case 'families': {
        let n = 0;
        for (const fam of p.of) if ((famSum.get(fam) ?? 0) > 0) n++;
        if (n < p.min) return false;
        if (out) {
          for (const f of fired.values()) {
            if (f.rule.kind === 'signal' && f.rule.weight > 0 && p.of.includes(f.rule.family)) out.push(...f.spans);
          }
        }
        return true;
      }
    }
  }

  // Per-post regex budget (see REGEX_BUDGET_MS); the rule being evaluated names what was skipped.
  let regexDeadline = Number.POSITIVE_INFINITY;
  let currentRuleId = '';
  const regexSkipped = new Set<string>();

  function analyze(input: string, ctx: AnalyzeContext = {}): Verdict {
    regexDeadline = clock() + (ENGINE_TESTING.regexBudgetMs || REGEX_BUDGET_MS);
    regexSkipped.clear();
    let text = input;
    let truncated = false;
    if (text.length > MAX_CHARS) {
      let cut = MAX_CHARS;
      const c = text.charCodeAt(cut - 1);
      if (c >= 0xd800 && c <= 0xdbff) cut--;
      text = text.slice(0, cut);
      truncated = true;
    }
    // Posts normalisation maps char for char (most posts: plain ASCII, or with accents, quotes, dashes …) are
    // lower-cased, split and looked up in one fused pass straight from the string; anything else (a trick, an
    // emoji, a dropped or expanded char) sends the post down the full path.
    let norm: NormBuffers;
    let nTok = ENGINE_TESTING.asciiScan ? asciiScan(text) : -1;
    if (nTok >= 0) {
      norm = asciiNorm(text.length);
      ENGINE_TESTING.asciiAccepted++;
    } else {
      norm = normalizeInto(text);
      nTok = scanWords(norm.buf, norm.len);
    }
    const { buf, len } = norm;
    const nStarts = norm.starts;
    const nEnds = norm.ends;
    const nHit = scanNHit;
    const nPunct = scanNPunct;
    const nDigitTok = scanNDigitTok;

    // ----- terms from word hits -----
    gen++;
    if (gen > 0x3fffffff) {
      gen = 1;
      termGen.fill(0);
    }
    let nTermHits = 0;
    for (let h = 0; h < nHit; h++) {
      const sym = HIT_SYM[h];
      const tok = HIT_TOK[h];
      const singles = symSingle[sym];
      for (let q = 0; q < singles.length; q++) nTermHits = recordTermHit(singles[q], tok, tok + 1, nTermHits);
      if (HIT_CLITIC[h] === 1) continue;
      const multis = symFirstMulti[sym];
      for (let q = 0; q < multis.length; q++) {
        const term = multis[q];
        const ts = termSyms[term];
        let ok = true;
        let j = h + 1;
        for (let k = 1; k < ts.length && ok; k++) {
          const want = tok + k;
          ok = false;
          while (j < nHit && HIT_TOK[j] < want) j++;
          for (let jj = j; jj < nHit && HIT_TOK[jj] === want; jj++) {
            if (HIT_SYM[jj] === ts[k] && (HIT_CLITIC[jj] === 0 || k === ts.length - 1)) {
              ok = true;
              break;
            }
          }
        }
        if (ok) nTermHits = recordTermHit(term, tok, tok + ts.length, nTermHits);
      }
    }

    // ----- per-post state for the pattern evaluators (hoisted so analyze allocates no closures) -----
    const nTokAll = nTok;
    curBuf = buf;
    curLen = len;
    curSrc = text;
    curIdentity = norm.identity;
    curNPunct = nPunct;
    curNDigitTok = nDigitTok;
    curDigits = norm.stats.digits;
    curCtx = ctx;
    normText = null;
    digitRuns = null;
    money = null;
    phones = null;
    links = null;
    ctxHosts = null;
    fired.clear();

    // ----- rules: gates, signals, combos (bundle order) -----
    let offer = 0;
    let notOffer = 0;
    const gates: string[] = [];
    famSum.clear();
    const rules = bundle.rules;
    for (let ri = 0; ri < nRules; ri++) {
      if (ruleNeedsTerms[ri] === 1 && ruleGen[ri] !== gen) continue;
      const r = rules[ri];
      currentRuleId = r.id;
      // Most rules do not fire: check without collecting evidence first (no allocation).
      let hit = false;
      for (const p of r.match) {
        if (evalPattern(p, null)) {
          hit = true;
          break;
        }
      }
      if (!hit) continue;
      if (r.unless) {
        let blocked = false;
        for (const p of r.unless) {
          if (evalPattern(p, null)) {
            blocked = true;
            break;
          }
        }
        if (blocked) continue;
      }
      const spans: number[] = [];
      for (const p of r.match) evalPattern(p, spans);
      fired.set(r.id, { rule: r, spans });
      if (r.kind === 'gate') {
        gates.push(r.id);
        const strength = Math.max(1, Math.abs(r.weight));
        if (r.gate === 'job-offer') offer += strength;
        else notOffer += strength;
        continue;
      }
      famSum.set(r.family, (famSum.get(r.family) ?? 0) + r.weight);
    }

    let score = 0;
    for (const [fam, sum] of famSum) {
      const cap = Math.abs(families[fam]?.cap ?? Number.POSITIVE_INFINITY);
      score += Math.max(-cap, Math.min(cap, sum));
    }
    score = Math.max(0, score);
    // An offer unless the not-offer gates that fired are stronger than the job-offer gates that fired; a text
    // no gate speaks about (a short chat pitch) is judged as an offer, on its red flags.
    const isJobOffer = offer >= notOffer;
    if (!isJobOffer) score *= bundle.notOfferFactor;
    score = Math.round(score * 100) / 100;
    const thresholds = ctx.thresholds ?? bundle.thresholds;
    const risk = thresholdsRisk(score, thresholds);

    const counts = emptyCounts();
    counts.tokens = nTokAll;
    for (let b = 1; b < 32; b++) {
      if (LANG_HIST[b] !== 0) countBits(counts, b, LANG_HIST[b]);
    }
    const lang = decideLang(counts, norm.stats);
    const uiLang = ctx.uiLang ?? (lang === 'id' || lang === 'ms' ? 'id' : 'en');

    const flags: Flag[] = [];
    for (const f of fired.values()) {
      if (f.rule.kind === 'gate') continue;
      flags.push({
        id: f.rule.id,
        family: f.rule.family,
        weight: f.rule.weight,
        title: f.rule.title[uiLang] ?? f.rule.title.en,
        message: f.rule.message[uiLang] ?? f.rule.message.en,
        evidence: toEvidence(f.spans, text, nStarts, nEnds, len, norm.mapIdentity),
      });
    }
    if (flags.length > 1) flags.sort(byWeightThenId);
    const verdict: Verdict = { risk, score, lang, flags, isJobOffer, gates };
    if (truncated) verdict.truncated = true;
    if (regexSkipped.size > 0) verdict.overBudget = [...regexSkipped];
    return verdict;
  }

  // ----- word scans: both fill TOK_S/TOK_E, the hit arrays, PUNCT, DIGIT_TOKS and LANG_HIST -----
  let scanNHit = 0;
  let scanNPunct = 0;
  let scanNDigitTok = 0;
  let scanDigits = 0;
  /** asciiScan met a non-ASCII char (mapped 1:1): the normalised text is then not the native lower-casing. */
  let scanMapped = false;
  let scanViet = 0;

  /** Remembers a '.', '@' or '+' at `at`: where links, e-mail addresses and phone numbers can be. */
  function pushPunct(at: number): void {
    if (scanNPunct >= PUNCT.length) PUNCT = grownI32(PUNCT, scanNPunct + 1);
    PUNCT[scanNPunct++] = at;
  }

  /**
   * Ends token number `nTok`, buf[s, e) with hash h: records its span (and, with digits, its index for the
   * extractors), counts its stop-word languages and adds the exact-table hits. Returns the new hit count.
   */
  function endToken(
    buf: Uint16Array,
    s: number,
    e: number,
    h: number,
    hasDigit: boolean,
    nTok: number,
    nHit0: number,
  ): number {
    let nHit = nHit0;
    TOK_S[nTok] = s;
    TOK_E[nTok] = e;
    if (hasDigit) {
      if (scanNDigitTok >= DIGIT_TOKS.length) DIGIT_TOKS = grownI32(DIGIT_TOKS, scanNDigitTok + 1);
      DIGIT_TOKS[scanNDigitTok++] = nTok;
    }
    const tl = e - s;
    const eSlots = exact.slots;
    const eMask = exact.mask;
    let slot = h & eMask;
    for (;;) {
      const v = eSlots[slot * 2 + 1];
      if (v === 0) return nHit;
      if (eSlots[slot * 2] === h && poolLen[v - 1] === tl) {
        // verify against the packed word pool (no object or string loads)
        const off = poolOff[v - 1];
        let k = 0;
        while (k < tl && pool[off + k] === buf[s + k]) k++;
        if (k === tl) {
          const found = v - 1;
          LANG_HIST[entryLang[found]]++;
          const se = symEnd[found];
          for (let q = symStart[found]; q < se; q++) nHit = pushHit(nHit, nTok, flatSyms[q], 0);
          return nHit;
        }
      }
      slot = (slot + 1) & eMask;
    }
  }

  /** Enclitic (-nya, -lah, -pun, -kah) on the token buf[s, e) (≥ 6 chars): looks the stem up too. */
  function probeClitic(buf: Uint16Array, s: number, e: number, nTok: number, nHit0: number): number {
    let nHit = nHit0;
    const tail = (buf[e - 3] << 16) | (buf[e - 2] << 8) | buf[e - 1];
    if (tail === CL_NYA || tail === CL_LAH || tail === CL_PUN || tail === CL_KAH) {
      let hs = HASH_SEED;
      for (let k = s; k < e - 3; k++) hs = Math.imul(hs ^ buf[k], 0x01000193);
      const st = exact.lookup(hs, buf, s, e - s - 3);
      if (st >= 0) {
        const se = symEnd[st];
        for (let q = symStart[st]; q < se; q++) nHit = pushHit(nHit, nTok, flatSyms[q], 1);
      }
    }
    return nHit;
  }

  /** `word*` prefixes of the token being scanned, probed at their lengths only. */
  function probePrefix(buf: Uint16Array, s: number, L: number, h: number, nTok: number, nHit0: number): number {
    let nHit = nHit0;
    const pe = prefix.lookup(h, buf, s, L);
    if (pe >= 0) {
      for (const sym of prefix.entries[pe].syms) nHit = pushHit(nHit, nTok, sym, 0);
    }
    return nHit;
  }

  /** Word scan over normalised text; returns the token count (hit, punctuation, digit-token counts in scan*). */
  function scanWords(buf: Uint16Array, len: number): number {
    if (TOK_S.length < len + 1) {
      TOK_S = grownI32(TOK_S, len + 1);
      TOK_E = grownI32(TOK_E, len + 1);
    }
    LANG_HIST.fill(0);
    let nTok = 0;
    let nHit = 0;
    scanNPunct = 0;
    scanNDigitTok = 0;
    const pMask = prefixMask;
    let i = 0;
    while (i < len) {
      const c0 = buf[i];
      const k0 = c0 < 128 ? ((c0 >= 97 && c0 <= 122) || (c0 >= 48 && c0 <= 57) ? 1 : 0) : classOf(c0);
      if (k0 === SEP || k0 === MARK) {
        // '.', '@' and '+' are where links, e-mail and phone numbers can be; remember them for the extractors.
        if (c0 === 46 || c0 === 64 || c0 === 43) {
          pushPunct(i);
        }
        i++;
        continue;
      }
      const s = i;
      let hasDigit = false;
      let h = HASH_SEED;
      if (k0 === SINGLE) {
        h = Math.imul(h ^ c0, 0x01000193);
        i++;
        while (i < len && buf[i] >= 128 && classOf(buf[i]) === MARK) {
          h = Math.imul(h ^ buf[i], 0x01000193);
          i++;
        }
      } else {
        for (;;) {
          const c = buf[i];
          if (c < 128) {
            if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) break;
            if (c < 58) hasDigit = true;
          } else {
            const k = classOf(c);
            if (k === SEP || k === SINGLE) break;
          }
          h = Math.imul(h ^ c, 0x01000193);
          i++;
          const L = i - s;
          if (pMask !== 0 && L < 31 && (pMask >>> L) & 1) nHit = probePrefix(buf, s, L, h, nTok, nHit);
          if (i >= len) break;
        }
      }
      nHit = endToken(buf, s, i, h, hasDigit, nTok, nHit);
      if (i - s >= 6 && k0 !== SINGLE) nHit = probeClitic(buf, s, i, nTok, nHit);
      nTok++;
    }
    scanNHit = nHit;
    return nTok;
  }

  /**
   * Fused pass for text normalisation maps char for char: lower-cases (non-ASCII chars through mapOneToOne) into
   * a scratch buffer, splits words, hashes and probes them like scanWords, while checking every condition under
   * which normalizeInto would do more: a char mapOneToOne refuses (which also covers keycaps, emoji, dropped and
   * expanded chars), a run of ≥ 3 same letters (not w), three one-letter words separated only by spacer chars
   * (pass B joins spaced-out letters only in such a chain: every unit a one-char word, ≥ 3 of them letters), or
   * a letter/digit/@/$ run that leetspeak decoding would rewrite
   * (leetApplies, asked only for runs where a letter touches a digit, @ or $). Returns the token count, or -1 as
   * soon as one holds: the caller then takes the full path. For accepted posts normalizeInto would output
   * exactly the scratch buffer with offsets 1:1 (`identity` when no char was ≥ 128).
   */
  function asciiScan(src: string): number {
    const n = src.length;
    if (ABUF.length < n) {
      let c = ABUF.length;
      while (c < n) c *= 2;
      ABUF = new Uint16Array(c);
    }
    if (TOK_S.length < n + 1) {
      TOK_S = grownI32(TOK_S, n + 1);
      TOK_E = grownI32(TOK_E, n + 1);
    }
    LANG_HIST.fill(0);
    const buf = ABUF;
    const lower = A_LOWER;
    let nTok = 0;
    let nHit = 0;
    scanNPunct = 0;
    scanNDigitTok = 0;
    let digits = 0;
    const pMask = prefixMask;
    // Trackers: letter runs; class of the previous char (1 letter, 2 digit, 3 @ $, 0 other, as in normalize.ts);
    // one-letter words in the current chain of one-char words; the current letter/digit/@/$ run and whether a
    // letter touches a digit, @ or $ in it (a leetspeak candidate).
    let runCh = 0;
    let runLen = 0;
    let prevRun = 0;
    let chainLetters = 0;
    let runStart = 0;
    let leet = false;
    let mapped = false;
    let viet = 0;
    let i = 0;
    while (i < n) {
      const c0 = src.charCodeAt(i);
      let m: number;
      if (c0 < 128) m = lower[c0];
      else {
        m = mapOneToOne(c0);
        if (m < 0) return -1;
        mapped = true;
        if (isVietLetter(c0)) viet++;
      }
      buf[i] = m;
      if (!((m >= 97 && m <= 122) || (m >= 48 && m <= 57))) {
        if (m === 64 || m === 36) {
          // '@' / '$' continue a leetspeak run ("@dmin", "$4l4ry")
          if (prevRun === 0) runStart = i;
          else if (prevRun === 1) leet = true;
          prevRun = 3;
          if (m === 64) {
            pushPunct(i);
          }
        } else {
          if (prevRun !== 0) {
            // a letter/digit/@/$ run ended
            if (leet) {
              if (leetApplies(buf, runStart, i)) return -1;
              leet = false;
            }
            if (i - runStart !== 1) chainLetters = 0;
            else if (buf[runStart] >= 97 && ++chainLetters >= 3) return -1;
          }
          if (m === 32 || m === 46 || m === 45 || m === 95 || m === 42 || m === 47 || m === 124 || m === 0xb7) {
            if (m === 46) {
              pushPunct(i);
            }
          } else {
            chainLetters = 0;
            if (m === 43) {
              pushPunct(i);
            }
          }
          prevRun = 0;
        }
        runCh = 0;
        i++;
        continue;
      }
      // a word: [a-z0-9]+
      const s = i;
      if (prevRun === 0) runStart = i;
      let hasDigit = false;
      let h = HASH_SEED;
      for (;;) {
        if (m >= 97) {
          if (prevRun >= 2) leet = true;
          prevRun = 1;
          if (m === runCh) {
            if (++runLen >= 3) return -1;
          } else if (m !== 119) {
            runCh = m;
            runLen = 1;
          } else runCh = 0; // 'w' is exempt so "www." survives
        } else {
          if (prevRun === 1) leet = true;
          prevRun = 2;
          runCh = 0;
          digits++;
          hasDigit = true;
        }
        h = Math.imul(h ^ m, 0x01000193);
        i++;
        if (pMask !== 0) {
          const L = i - s;
          if (L < 31 && (pMask >>> L) & 1) nHit = probePrefix(buf, s, L, h, nTok, nHit);
        }
        if (i >= n) break;
        const c = src.charCodeAt(i);
        if (c < 128) m = lower[c];
        else {
          m = mapOneToOne(c);
          if (m < 0) return -1;
          mapped = true;
          if (isVietLetter(c)) viet++;
        }
        if (!((m >= 97 && m <= 122) || (m >= 48 && m <= 57))) break;
        buf[i] = m;
      }
      nHit = endToken(buf, s, i, h, hasDigit, nTok, nHit);
      if (i - s >= 6) nHit = probeClitic(buf, s, i, nTok, nHit);
      nTok++;
    }
    if (prevRun !== 0) {
      if (leet && leetApplies(buf, runStart, n)) return -1;
      if (n - runStart === 1 && buf[runStart] >= 97 && chainLetters >= 2) return -1;
    }
    scanNHit = nHit;
    scanDigits = digits;
    scanMapped = mapped;
    scanViet = viet;
    return nTok;
  }

  /** NormBuffers for a post asciiScan accepted: its normalised text is its lower-casing, offsets 1:1. */
  function asciiNorm(n: number): NormBuffers {
    ASCII_STATS.digits = scanDigits;
    ASCII_STATS.viet = scanViet;
    return {
      identity: !scanMapped,
      mapIdentity: true,
      buf: ABUF,
      starts: NO_MAP,
      ends: NO_MAP,
      len: n,
      stats: ASCII_STATS,
    };
  }

  function pushHit(n: number, tok: number, sym: number, clitic: number): number {
    if (n >= HIT_TOK.length) {
      HIT_TOK = grownI32(HIT_TOK, n + 1);
      HIT_SYM = grownI32(HIT_SYM, n + 1);
      const c = new Uint8Array(HIT_TOK.length);
      c.set(HIT_CLITIC);
      HIT_CLITIC = c;
    }
    HIT_TOK[n] = tok;
    HIT_SYM[n] = sym;
    HIT_CLITIC[n] = clitic;
    return n + 1;
  }

  return { analyze, bundle };
}

/**
 * For a regex that starts with plain words (`kamboja\\s+…`, `(?:gmail|yahoo)…`), the words one of which must occur
 * in the text: a cheap native `includes` check before running the regex. Null when not derivable.
 */
export function requiredLiterals(source: string, flags: string): string[] | null {
  if (flags.includes('i')) return null; // keep it simple
  const group = /^\(\?:([a-z0-9 ]+(?:\|[a-z0-9 ]+)*)\)(?![?*{])/.exec(source);
  // any other '|' could be a top-level alternative that matches without the leading words
  if (group) return source.slice(group[0].length).includes('|') ? null : group[1].split('|');
  const plain = /^[a-z0-9 ]{3,}/.exec(source);
  if (plain && !source.includes('|')) {
    // a quantifier right after the literal applies to its last char only
    const next = source[plain[0].length];
    const lit = next === '?' || next === '*' || next === '{' ? plain[0].slice(0, -1) : plain[0];
    return lit.length >= 2 ? [lit] : null;
  }
  return null;
}

// Module-level helpers instead of closures created per post and pattern (allocation, and a naming call per
// closure under tsx).
function includesAny(text: string, lits: string[]): boolean {
  for (let k = 0; k < lits.length; k++) if (text.includes(lits[k])) return true;
  return false;
}

function hostMatches(host: string, hosts: string[]): boolean {
  for (let k = 0; k < hosts.length; k++) {
    const h = hosts[k];
    if (
      host === h ||
      (host.length > h.length && host.endsWith(h) && host.charCodeAt(host.length - h.length - 1) === 46)
    )
      return true;
  }
  return false;
}

function byWeightThenId(a: Flag, b: Flag): number {
  return b.weight - a.weight || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function byStartThenEnd(a: [number, number], b: [number, number]): number {
  return a[0] - b[0] || a[1] - b[1];
}

/** Normalised spans → de-duplicated, sorted evidence in original offsets. */
function toEvidence(
  spans: number[],
  original: string,
  starts: Int32Array,
  ends: Int32Array,
  len: number,
  mapIdentity: boolean,
): Evidence[] {
  const pairs: [number, number][] = [];
  for (let k = 0; k + 1 < spans.length; k += 2) {
    const s = spans[k];
    const e = spans[k + 1];
    if (len === 0 || e <= s) continue;
    pairs.push(mapIdentity ? [s, Math.min(e, len)] : [starts[s], ends[Math.min(e, len) - 1]]);
  }
  if (pairs.length > 1) pairs.sort(byStartThenEnd);
  const out: Evidence[] = [];
  for (const [a, b] of pairs) {
    const last = out[out.length - 1];
    if (last && a < last.end) {
      if (b > last.end) {
        last.end = b;
        last.text = original.slice(last.start, b);
      }
      continue;
    }
    out.push({ text: original.slice(a, b), start: a, end: b });
    if (out.length >= MAX_EVIDENCE_PER_FLAG) break;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------

function describe(bundle: RuleBundle, p: CompiledPattern, indent: string): string {
  const termList = (ids: number[]) => ids.map((i) => JSON.stringify(bundle.terms[i]?.source ?? `#${i}`)).join(', ');
  switch (p.t) {
    case 'terms':
      return `${indent}any of: ${termList(p.terms)}`;
    case 'near':
      return `${indent}${termList(p.a)}\n${indent}  within ${p.within} words of ${termList(p.b)}`;
    case 'regex':
      return `${indent}regex /${p.source}/${p.flags} on normalised text`;
    case 'money':
      return `${indent}amount ≥ Rp ${p.minIdrMonth.toLocaleString('id-ID')}/month${p.currencies ? ` in ${p.currencies.join(', ')}` : ''}`;
    case 'phone':
      return `${indent}phone number from ${p.countries.join(', ')}`;
    case 'link':
      return `${indent}link to ${p.hosts.join(', ')}`;
    case 'flag':
      return `${indent}rule ${p.id} fired`;
    case 'families':
      return `${indent}signals from at least ${p.min} of the families ${p.of.join(', ')}`;
    case 'all':
    case 'any':
      return `${indent}${p.t === 'all' ? 'ALL of' : 'ANY of'}:\n${p.of.map((s) => describe(bundle, s, `${indent}  `)).join('\n')}`;
  }
}

/** Human-readable description of a compiled rule, for the CLI. */
export function explainRule(bundle: RuleBundle, id: string): string {
  const r = bundle.rules.find((x) => x.id === id);
  if (!r) throw new Error(`no rule "${id}" in bundle`);
  const head = `${r.id} (${r.kind}${r.gate ? `: ${r.gate}` : ''}, family ${r.family}, weight ${r.weight})\n${r.title.en}`;
  const match = `fires on ANY of:\n${r.match.map((p) => describe(bundle, p, '  ')).join('\n')}`;
  const unless = r.unless ? `\nunless ANY of:\n${r.unless.map((p) => describe(bundle, p, '  ')).join('\n')}` : '';
  return `${head}\n${match}${unless}`;
}
