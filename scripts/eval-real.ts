// The real-lure part of `npm run eval`: recall and false alarms on test/eval/real (texts quoted from court
// decisions, news and advisories), on the development part and on the held-out part separately, per language,
// per kind and per scheme; obfuscated copies of the held-out offers; a per-rule precision/recall table.
// The held-out texts are never printed: only counts and rates.
import { join } from 'node:path';
import type { Engine } from '../src/engine/engine';
import type { Risk, Verdict } from '../src/engine/types';
import { type Figures, pct, table } from '../src/tooling/evaluate';
import {
  isOfferBearing,
  type LoadedRecord,
  loadRealCorpus,
  OBFUSCATIONS,
  type Rate,
  rate,
  ratePct,
} from '../src/tooling/real-corpus';

export const REAL_DIR = join(import.meta.dirname, '..', 'test', 'eval', 'real');

interface Target {
  name: string;
  select: (r: LoadedRecord) => boolean;
  metric: Risk;
  op: '>=' | '<=';
  value: number;
}

const offer = (lang?: string) => (r: LoadedRecord) => isOfferBearing(r) && (!lang || r.lang === lang);

/** The acceptance targets of the real-lure work, judged on the held-out part. */
export const TARGETS: Target[] = [
  { name: 'offer-bearing lures >= medium', select: offer(), metric: 'medium', op: '>=', value: 90 },
  { name: 'offer-bearing lures high', select: offer(), metric: 'high', op: '>=', value: 60 },
  ...(['id', 'en'] as const).flatMap((l): Target[] => [
    { name: `offer-bearing ${l} >= medium`, select: offer(l), metric: 'medium', op: '>=', value: 90 },
    { name: `offer-bearing ${l} high`, select: offer(l), metric: 'high', op: '>=', value: 60 },
  ]),
  ...(['tl', 'vi', 'zh'] as const).map(
    (l): Target => ({ name: `offer-bearing ${l} >= medium`, select: offer(l), metric: 'medium', op: '>=', value: 75 }),
  ),
  {
    name: 'fragments >= low',
    select: (r) => r.label === 'lure' && r.kind === 'fragment',
    metric: 'low',
    op: '>=',
    value: 60,
  },
  {
    name: 'placement fraud >= low',
    select: (r) => r.scheme === 'placement_fraud' && r.kind !== 'fragment',
    metric: 'low',
    op: '>=',
    value: 80,
  },
  {
    name: 'placement fraud >= medium',
    select: (r) => r.scheme === 'placement_fraud' && r.kind !== 'fragment',
    metric: 'medium',
    op: '>=',
    value: 50,
  },
  { name: 'legit same register >= medium', select: (r) => r.label === 'legit', metric: 'medium', op: '<=', value: 5 },
];

export interface RealReport {
  /** Figures for the regression gate, keyed `real-dev/...` and `real-heldout/...`. */
  groups: Record<string, { kind: 'negative' | 'positive'; figures: Figures }>;
  problems: string[];
  lines: string[];
  targetsMet: number;
  targetsTotal: number;
}

const figuresOf = (vs: Verdict[]): Figures => ({
  n: vs.length,
  low: ratePct(rate(vs, 'low')),
  medium: ratePct(rate(vs, 'medium')),
  high: ratePct(rate(vs, 'high')),
});

const cell = (r: Rate) => (r.n === 0 ? '-' : `${ratePct(r).toFixed(1)} (${r.k}/${r.n})`);

export function realCorpusReport(engine: Engine, dir = REAL_DIR): RealReport {
  const { records, errors } = loadRealCorpus(dir);
  const lines: string[] = [];
  const groups: RealReport['groups'] = {};
  if (errors.length) {
    return {
      groups,
      problems: errors.map((e) => `real corpus: ${e}`),
      lines: errors,
      targetsMet: 0,
      targetsTotal: TARGETS.length,
    };
  }
  const verdicts = new Map<string, Verdict>();
  for (const r of records) verdicts.set(r.id, engine.analyze(r.text));
  const parts = [
    { id: 'dev', title: 'development part', recs: records.filter((r) => !r.heldOut) },
    {
      id: 'heldout',
      title: 'HELD-OUT part (texts never read while writing rules)',
      recs: records.filter((r) => r.heldOut),
    },
  ];
  const vs = (rs: LoadedRecord[]) => rs.map((r) => verdicts.get(r.id) as Verdict);

  lines.push(`== real: real lures and legit texts in the same register (${records.length} records, test/eval/real)`);
  for (const part of parts) {
    const lures = part.recs.filter((r) => r.label === 'lure');
    const legit = part.recs.filter((r) => r.label === 'legit');
    lines.push(`\n-- ${part.title}: ${lures.length} lures, ${legit.length} legit`);
    const row = (name: string, rs: LoadedRecord[]) => {
      const v = vs(rs);
      return [name, rs.length, cell(rate(v, 'low')), cell(rate(v, 'medium')), cell(rate(v, 'high'))];
    };
    const header = ['subset', 'n', '% >=low', '% >=medium', '% high'];
    const langs = [...new Set(part.recs.map((r) => r.lang))].sort();
    const kinds = [...new Set(part.recs.map((r) => r.kind))].sort();
    const schemes = [...new Set(lures.map((r) => r.scheme))].sort();
    lines.push(
      table(
        header,
        [
          row('offer-bearing lures (full ads, chat pitches, >= 15 words)', part.recs.filter(offer())),
          ...langs.map((l) => row(`  offer-bearing, ${l}`, part.recs.filter(offer(l)))),
          ...kinds.map((k) =>
            row(
              `lures, kind ${k}`,
              lures.filter((r) => r.kind === k),
            ),
          ),
          ...schemes.map((s) =>
            row(
              `lures, scheme ${s}`,
              lures.filter((r) => r.scheme === s),
            ),
          ),
          ...langs.map((l) =>
            row(
              `lures, ${l}`,
              lures.filter((r) => r.lang === l),
            ),
          ),
          row('legit, all', legit),
          ...kinds.map((k) =>
            row(
              `  legit, kind ${k}`,
              legit.filter((r) => r.kind === k),
            ),
          ),
          ...langs.map((l) =>
            row(
              `  legit, ${l}`,
              legit.filter((r) => r.lang === l),
            ),
          ),
        ].filter((r, i) => i === 0 || Number(r[1]) > 0),
      ),
    );
    groups[`real-${part.id}/offer`] = { kind: 'positive', figures: figuresOf(vs(part.recs.filter(offer()))) };
    for (const l of langs) {
      const sel = part.recs.filter(offer(l));
      if (sel.length) groups[`real-${part.id}/offer-${l}`] = { kind: 'positive', figures: figuresOf(vs(sel)) };
    }
    groups[`real-${part.id}/fragment`] = {
      kind: 'positive',
      figures: figuresOf(vs(lures.filter((r) => r.kind === 'fragment'))),
    };
    groups[`real-${part.id}/placement`] = {
      kind: 'positive',
      figures: figuresOf(vs(lures.filter((r) => r.scheme === 'placement_fraud'))),
    };
    groups[`real-${part.id}/legit`] = { kind: 'negative', figures: figuresOf(vs(legit)) };
  }

  // Acceptance targets, on the held-out part.
  const held = parts[1].recs;
  let met = 0;
  const targetRows = TARGETS.map((t) => {
    const sel = held.filter(t.select);
    const r = rate(vs(sel), t.metric);
    const v = ratePct(r);
    const ok = sel.length > 0 && (t.op === '>=' ? v >= t.value : v <= t.value);
    if (ok) met++;
    return [t.name, `${t.op} ${t.value}%`, cell(r), sel.length === 0 ? 'no records' : ok ? 'met' : 'NOT met'];
  });
  lines.push('\n-- acceptance targets on the held-out part');
  lines.push(table(['target', 'goal', 'measured', ''], targetRows));

  // Obfuscated held-out offers: flagged as often as the plain ones?
  const heldOffers = held.filter(offer());
  const plain = rate(vs(heldOffers), 'medium');
  const obfRows: (string | number)[][] = [['plain', cell(plain), '']];
  for (const [name, f] of Object.entries(OBFUSCATIONS)) {
    const r = rate(
      heldOffers.map((x) => engine.analyze(f(x.text))),
      'medium',
    );
    obfRows.push([name, cell(r), r.k >= plain.k ? 'as often' : `${plain.k - r.k} fewer`]);
    groups[`real-heldout/obfuscated-${name.replace(/\s+/g, '-')}`] = {
      kind: 'positive',
      figures: { n: r.n, low: 0, medium: ratePct(r), high: 0 },
    };
  }
  lines.push('\n-- held-out offer-bearing lures, obfuscated: % >= medium');
  lines.push(table(['version', '% >=medium', 'vs plain'], obfRows));

  // Which rules earn their weight: fires on lures vs legit texts, and how often a rule is the one that makes
  // the difference (fires on lures that reach medium at all).
  const ruleRows = new Map<string, { lure: number; legit: number; lureMedium: number }>();
  const lureCount = records.filter((r) => r.label === 'lure').length;
  for (const r of records) {
    const v = verdicts.get(r.id) as Verdict;
    for (const id of new Set(v.flags.map((f) => f.id))) {
      const e = ruleRows.get(id) ?? { lure: 0, legit: 0, lureMedium: 0 };
      if (r.label === 'lure') {
        e.lure++;
        if (v.risk === 'medium' || v.risk === 'high') e.lureMedium++;
      } else e.legit++;
      ruleRows.set(id, e);
    }
  }
  lines.push(
    `\n-- per rule on the whole real corpus: fires on lures (recall = share of all ${lureCount} lures), on legit texts, precision`,
  );
  lines.push(
    table(
      ['rule', 'lures', 'recall %', 'on flagged lures', 'legit', 'precision %'],
      [...ruleRows.entries()]
        .sort((a, b) => b[1].lure - a[1].lure || a[0].localeCompare(b[0]))
        .map(([id, e]) => [
          id,
          e.lure,
          pct(e.lure, lureCount).toFixed(1),
          e.lureMedium,
          e.legit,
          pct(e.lure, e.lure + e.legit).toFixed(1),
        ]),
    ),
  );
  return { groups, problems: [], lines, targetsMet: met, targetsTotal: TARGETS.length };
}
