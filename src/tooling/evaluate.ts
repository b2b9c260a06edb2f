// Shared counting for `lokeraman eval` and the regression suite (scripts/eval.ts).
import type { Risk, Verdict } from '../engine/types';

export interface EvalItem {
  text: string;
  /** Ground truth when known: true = scam/positive. */
  label?: boolean;
}

export interface EvalStats {
  n: number;
  /** Texts at risk ≥ low, ≥ medium, and high. */
  atLeastLow: number;
  atLeastMedium: number;
  high: number;
  /** Texts the engine took for a job offer. */
  jobOffer: number;
  /** Texts each rule fired on (at most once per text). */
  perRule: Record<string, number>;
  /** Confusion counts at the `medium` cut, when labels were given. */
  confusion?: { tp: number; fp: number; fn: number; tn: number };
  /** Ms spent in analyze(), total. */
  ms: number;
}

const RANK: Record<Risk, number> = { none: 0, low: 1, medium: 2, high: 3 };
export const riskAtLeast = (r: Risk, min: Risk) => RANK[r] >= RANK[min];

export function newStats(): EvalStats {
  return { n: 0, atLeastLow: 0, atLeastMedium: 0, high: 0, jobOffer: 0, perRule: {}, ms: 0 };
}

export function addVerdict(s: EvalStats, v: Verdict, label?: boolean): void {
  s.n++;
  if (riskAtLeast(v.risk, 'low')) s.atLeastLow++;
  if (riskAtLeast(v.risk, 'medium')) s.atLeastMedium++;
  if (v.risk === 'high') s.high++;
  if (v.isJobOffer) s.jobOffer++;
  for (const id of new Set(v.flags.map((f) => f.id))) s.perRule[id] = (s.perRule[id] ?? 0) + 1;
  if (label !== undefined) {
    if (!s.confusion) s.confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
    const c = s.confusion;
    const pred = riskAtLeast(v.risk, 'medium');
    if (pred && label) c.tp++;
    else if (pred) c.fp++;
    else if (label) c.fn++;
    else c.tn++;
  }
}

export function evaluate(analyze: (text: string) => Verdict, items: Iterable<EvalItem>): EvalStats {
  const s = newStats();
  for (const it of items) {
    const t0 = performance.now();
    const v = analyze(it.text);
    s.ms += performance.now() - t0;
    addVerdict(s, v, it.label);
  }
  return s;
}

/** Percentage with two decimals; 0 when n is 0. */
export const pct = (k: number, n: number) => (n === 0 ? 0 : Math.round((k / n) * 10000) / 100);

export function precisionRecall(c: NonNullable<EvalStats['confusion']>) {
  const precision = c.tp + c.fp === 0 ? null : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? null : c.tp / (c.tp + c.fn);
  return { precision, recall };
}

/** Plain fixed-width table (no colours), first column left-aligned, the rest right-aligned. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** Rates (percent) of one corpus or group, as stored in test/eval/baseline.json. */
export interface Figures {
  n: number;
  low: number;
  medium: number;
  high: number;
}

/**
 * Regressions against a baseline, in percentage points beyond `tol`: on negative corpora no rate may rise
 * (more false alarms), on positive corpora none may fall (fewer detections). Improvements pass.
 */
export function compareToBaseline(
  kind: 'negative' | 'positive',
  name: string,
  now: Figures,
  base: Figures | undefined,
  tol: number,
): string[] {
  if (!base) return [`${name}: no baseline (run with --update)`];
  const out: string[] = [];
  for (const m of ['low', 'medium', 'high'] as const) {
    if (kind === 'negative' && now[m] > base[m] + tol) {
      out.push(`${name}: false alarms at >= ${m} rose from ${base[m]}% to ${now[m]}%`);
    }
    if (kind === 'positive' && now[m] < base[m] - tol) {
      out.push(`${name}: detection at >= ${m} fell from ${base[m]}% to ${now[m]}%`);
    }
  }
  return out;
}
