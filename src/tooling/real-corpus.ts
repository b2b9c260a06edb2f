// The real-lure corpus (test/eval/real/*.jsonl): texts quoted verbatim from public sources (court decisions,
// news, advisories), nobody on the project wrote them. Loader, schema, the fixed held-out split, the
// obfuscations the evaluation applies, and the figures the acceptance targets are stated in.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import type { Risk, Verdict } from '../engine/types';
import { riskAtLeast } from './evaluate';

export const REAL_LANGS = ['id', 'en', 'tl', 'vi', 'zh', 'th', 'ms'] as const;
export const REAL_KINDS = [
  'full_ad',
  'chat_pitch',
  'fragment',
  'legit_overseas',
  'legit_local',
  'news_about_scam',
] as const;
export const REAL_SCHEMES = ['scam_compound', 'placement_fraud', 'other_job_scam', 'none'] as const;

export const RealRecord = z.object({
  id: z.string().check(z.regex(/^[a-z]+-[a-z0-9-]+$/)),
  text: z.string().check(z.minLength(1)),
  lang: z.enum(REAL_LANGS),
  label: z.enum(['lure', 'legit']),
  kind: z.enum(REAL_KINDS),
  scheme: z.enum(REAL_SCHEMES),
  destination: z.string(),
  source_url: z.string().check(z.regex(/^https?:\/\//)),
  // "unknown" (or empty) when the source gives no date.
  source_date: z.string().check(z.regex(/^(\d{4}(-\d{2}(-\d{2})?)?|unknown)?$/)),
  publisher: z.string().check(z.minLength(1)),
  context: z.string(),
  masked: z.optional(z.boolean()),
});
export type RealRecord = z.infer<typeof RealRecord>;

export interface LoadedRecord extends RealRecord {
  file: string;
  line: number;
  heldOut: boolean;
}

/**
 * The held-out part: about 30% of the records, chosen by a hash of the id so the split never changes when
 * records are added. Nobody writing rules reads these texts; only their aggregate figures are printed.
 * The 40 seed records (`dev-NNN`) were published as a development set, so they are always development.
 */
export function isHeldOut(id: string): boolean {
  if (id.startsWith('dev-')) return false;
  return Number.parseInt(createHash('sha256').update(id).digest('hex').slice(0, 8), 16) % 100 < 30;
}

export interface LoadResult {
  records: LoadedRecord[];
  errors: string[];
}

/** Reads every *.jsonl in `dir`; a bad line is reported with its file and line, never silently dropped. */
export function loadRealCorpus(dir: string): LoadResult {
  const records: LoadedRecord[] = [];
  const errors: string[] = [];
  if (!existsSync(dir)) return { records, errors: [`real corpus folder not found: ${dir}`] };
  const seen = new Map<string, string>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    lines.forEach((raw, i) => {
      if (!raw.trim()) return;
      const where = `${file}:${i + 1}`;
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch (e) {
        errors.push(`${where}: not JSON (${(e as Error).message})`);
        return;
      }
      const parsed = z.safeParse(RealRecord, json);
      if (!parsed.success) {
        const id = (json as { id?: unknown })?.id;
        errors.push(
          `${where}${typeof id === 'string' ? ` (${id})` : ''}: ${parsed.error.issues
            .map((x) => `${x.path.join('.') || 'record'}: ${x.message}`)
            .join('; ')}`,
        );
        return;
      }
      const r = parsed.data;
      const prev = seen.get(r.id);
      if (prev) {
        errors.push(`${where}: duplicate id ${r.id} (first at ${prev})`);
        return;
      }
      seen.set(r.id, where);
      if ((r.label === 'legit') !== (r.scheme === 'none')) {
        errors.push(`${where} (${r.id}): scheme must be "none" exactly when label is "legit"`);
        return;
      }
      records.push({ ...r, file, line: i + 1, heldOut: isHeldOut(r.id) });
    });
  }
  return { records, errors };
}

const wordCount = (s: string) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** CJK and Thai have no spaces: count characters of those scripts as words (about 1.5 chars a word). */
export function wordsOf(text: string): number {
  const noSpace = (text.match(/[\u0e00-\u0e7f\u3400-\u9fff]/g) ?? []).length;
  return wordCount(text.replace(/[\u0e00-\u0e7f\u3400-\u9fff]+/g, ' ')) + Math.round(noSpace / 1.5);
}

/** A full ad or a chat pitch of at least 15 words: what a user would see as an offer. */
export const isOfferBearing = (r: RealRecord) =>
  r.label === 'lure' && (r.kind === 'full_ad' || r.kind === 'chat_pitch') && wordsOf(r.text) >= 15;

// ----- obfuscations: what evasive posters do, applied to held-out lures to show the engine is not fooled -----

const MATH_BOLD_A = 0x1d400;
const CYRILLIC: Record<string, string> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у', i: 'і' };
// The vowel swaps evasive posters use ("K4mb0j4", "G4j1 b3s4r"); "s" → "5" would also turn every "sia" into "514",
// which no poster writes and no reader could read.
const LEET: Record<string, string> = { a: '4', e: '3', i: '1', o: '0' };

function mapLatinWords(text: string, f: (word: string, index: number) => string): string {
  let n = 0;
  return text.replace(/[A-Za-z]{3,}/g, (w) => f(w, n++));
}

export const OBFUSCATIONS: Record<string, (text: string) => string> = {
  homoglyphs: (t) => t.replace(/[aeopcxyi]/g, (c) => CYRILLIC[c] ?? c),
  leetspeak: (t) => mapLatinWords(t, (w) => w.replace(/[aeio]/gi, (c) => LEET[c.toLowerCase()] ?? c)),
  // Spacing out every word would be unreadable; posters space out the few words filters look for, and
  // every third word is a harder version of that.
  'spaced letters': (t) => mapLatinWords(t, (w, i) => (i % 3 === 0 ? w.split('').join(' ') : w)),
  'fancy font': (t) =>
    t.replace(/[A-Za-z]/g, (c) => {
      const code = c.charCodeAt(0);
      const offset = code >= 97 ? 26 + code - 97 : code - 65;
      return String.fromCodePoint(MATH_BOLD_A + offset);
    }),
  'zero-width': (t) => mapLatinWords(t, (w) => w.split('').join('\u200b')),
};

// ----- figures -----

export interface Rate {
  n: number;
  k: number;
}
export const rate = (rs: Verdict[], min: Risk): Rate => ({
  n: rs.length,
  k: rs.filter((v) => riskAtLeast(v.risk, min)).length,
});
export const ratePct = (r: Rate) => (r.n === 0 ? 0 : Math.round((r.k / r.n) * 10000) / 100);
