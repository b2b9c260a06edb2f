// Helpers for engine unit tests: tiny in-memory rule sets (tests never read the real rules/ folder).
import { compileRuleSet } from './compile';
import { createEngine, type Engine } from './engine';
import type { Families, Pattern, Rule, Vocab } from './schema';

export interface MiniRule {
  id: string;
  kind?: Rule['kind'];
  family?: string;
  weight?: number;
  gate?: Rule['gate'];
  match: Pattern[];
  unless?: Pattern[];
}

export const FAMILIES: Families = {
  families: {
    destination: { cap: 40, description: { en: 'Destination', id: 'Tujuan' } },
    pay: { cap: 30, description: { en: 'Pay', id: 'Gaji' } },
    contact: { cap: 20, description: { en: 'Contact', id: 'Kontak' } },
    legit: { cap: 30, description: { en: 'Legit channel', id: 'Jalur resmi' } },
    combo: { cap: 50, description: { en: 'Combination', id: 'Kombinasi' } },
    gate: { cap: 0, description: { en: 'Gate', id: 'Gerbang' } },
  },
  thresholds: { low: 10, medium: 30, high: 60 },
  not_offer_factor: 0.25,
};

export function rule(r: MiniRule): Rule {
  return {
    id: r.id,
    kind: r.kind ?? 'signal',
    family: r.family ?? 'destination',
    weight: r.weight ?? 10,
    ...(r.gate ? { gate: r.gate } : {}),
    title: { en: `T ${r.id}`, id: `J ${r.id}` },
    message: { en: `M ${r.id}`, id: `P ${r.id}` },
    languages: ['id'],
    match: r.match,
    ...(r.unless ? { unless: r.unless } : {}),
    references: [{ url: 'https://example.org/', title: 'x' }],
    added: '2025-01-01',
    examples: { match: ['a', 'b'], no_match: ['c', 'd'] },
  };
}

export function vocab(name: string, terms: string[]): Vocab {
  return { name, description: name, terms };
}

export function engineOf(rules: MiniRule[], vocabs: Vocab[] = [], families: Families = FAMILIES): Engine {
  return createEngine(compileRuleSet({ rules: rules.map(rule), vocabs, families, version: 'test' }));
}

/** Ids of the flags a text raises. */
export function firedIds(engine: Engine, text: string): string[] {
  return engine
    .analyze(text)
    .flags.map((f) => f.id)
    .sort();
}
