// Rule set → bundle. Pure: the CLI reads and validates the YAML files (against schema.ts), then calls this.
// Every problem is reported with a code, the rule id and a path inside the rule so the CLI can point at a line.

import { type CompiledPattern, type CompiledRule, type CompiledTerm, ENGINE_VERSION, type RuleBundle } from './bundle';
import { COUNTRY_CALLING_CODES } from './extract';
import { DEFAULT_RATES, RATES_AS_OF } from './rates';
import type { Families, Pattern, Rule, Vocab } from './schema';
import { type ParsedTerm, parseTerm } from './term';

export { type ParsedTerm, parseTerm } from './term';

export type RuleErrorCode =
  | 'RULE_E_UNKNOWN_VOCAB'
  | 'RULE_E_VOCAB_CYCLE'
  | 'RULE_E_BAD_REGEX'
  | 'RULE_E_BAD_REGEX_FLAGS'
  | 'RULE_E_UNKNOWN_FLAG'
  | 'RULE_E_FLAG_OUTSIDE_COMBO'
  | 'RULE_E_FAMILIES_OUTSIDE_COMBO'
  | 'RULE_E_FAMILIES_MIN'
  | 'RULE_E_FLAG_CYCLE'
  | 'RULE_E_UNKNOWN_FAMILY'
  | 'RULE_E_DUPLICATE_ID'
  | 'RULE_E_BAD_GATE'
  | 'RULE_E_BAD_TERM'
  | 'RULE_E_EMPTY_TERM'
  | 'RULE_E_UNKNOWN_COUNTRY'
  | 'RULE_E_UNKNOWN_CURRENCY'
  | 'RULE_E_BAD_HOST';

export interface RuleIssue {
  code: RuleErrorCode;
  /** Rule id, or `vocab:<name>` for problems inside a vocabulary. */
  ruleId: string;
  /** Path inside the rule, e.g. ['match', 0, 'near', 'terms', 2]. */
  path: (string | number)[];
  message: string;
}

export class RuleCompileError extends Error {
  readonly issues: RuleIssue[];
  constructor(issues: RuleIssue[]) {
    super(
      `${issues.length} rule error(s):\n` +
        issues.map((i) => `  ${i.code} ${i.ruleId} ${i.path.join('.')}: ${i.message}`).join('\n'),
    );
    this.name = 'RuleCompileError';
    this.issues = issues;
  }
}

export interface RuleSetInput {
  rules: Rule[];
  vocabs: Vocab[];
  families: Families;
  version: string;
  /** Override exchange rates (IDR per unit); defaults to rates.ts. */
  rates?: Record<string, number>;
}

const REGEX_FLAGS_OK = /^[imsu]*$/;

function termKey(t: ParsedTerm): string {
  return t.words.map((w, i) => w + (t.modes[i] === 1 ? '+' : t.modes[i] === 2 ? '*' : '')).join(' ');
}

function normalizeHost(h: string): string | null {
  let s = h.trim().toLowerCase();
  s = s.replace(/^[a-z]+:\/\//, '').replace(/^www\./, '');
  s = s.replace(/\/.*$/, '');
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(s)) return null;
  return s;
}

/** Compiles validated rules, vocabularies and families into a bundle. Throws RuleCompileError. */
export function compileRuleSet(input: RuleSetInput): RuleBundle {
  const issues: RuleIssue[] = [];
  const rates = input.rates ?? DEFAULT_RATES;
  const vocabs = new Map<string, Vocab>();
  for (const v of input.vocabs) vocabs.set(v.name, v);

  // Vocab expansion with cycle detection; results cached per vocab.
  const expanded = new Map<string, string[]>();
  function expandVocab(name: string, stack: string[], ruleId: string, path: (string | number)[]): string[] {
    const hit = expanded.get(name);
    if (hit) return hit;
    const v = vocabs.get(name);
    if (!v) {
      issues.push({ code: 'RULE_E_UNKNOWN_VOCAB', ruleId, path, message: `unknown vocabulary @${name}` });
      return [];
    }
    if (stack.includes(name)) {
      issues.push({
        code: 'RULE_E_VOCAB_CYCLE',
        ruleId: `vocab:${name}`,
        path: ['terms'],
        message: `vocabulary cycle: ${[...stack, name].join(' → ')}`,
      });
      return [];
    }
    const out: string[] = [];
    v.terms.forEach((t, i) => {
      if (t.startsWith('@')) out.push(...expandVocab(t.slice(1), [...stack, name], `vocab:${name}`, ['terms', i]));
      else out.push(t);
    });
    expanded.set(name, out);
    return out;
  }

  const terms: CompiledTerm[] = [];
  const termIndex = new Map<string, number>();
  function internTerms(list: string[], ruleId: string, path: (string | number)[]): number[] {
    const ids = new Set<number>();
    list.forEach((raw, i) => {
      const sources = raw.startsWith('@') ? expandVocab(raw.slice(1), [], ruleId, [...path, i]) : [raw];
      for (const src of sources) {
        const parsed = parseTerm(src);
        if ('error' in parsed) {
          issues.push({ code: parsed.error, ruleId, path: [...path, i], message: parsed.message });
          continue;
        }
        const key = termKey(parsed);
        let id = termIndex.get(key);
        if (id === undefined) {
          id = terms.length;
          terms.push({ source: src, words: parsed.words, modes: parsed.modes });
          termIndex.set(key, id);
        }
        ids.add(id);
      }
    });
    return [...ids];
  }

  const ruleIds = new Set<string>();
  for (const r of input.rules) {
    if (ruleIds.has(r.id)) {
      issues.push({ code: 'RULE_E_DUPLICATE_ID', ruleId: r.id, path: ['id'], message: 'duplicate rule id' });
    }
    ruleIds.add(r.id);
  }
  const kindOf = new Map(input.rules.map((r) => [r.id, r.kind]));
  const knownFamilies = new Set(Object.keys(input.families.families));

  function compilePattern(p: Pattern, rule: Rule, path: (string | number)[]): CompiledPattern | null {
    const id = rule.id;
    if ('terms' in p) return { t: 'terms', terms: internTerms(p.terms, id, [...path, 'terms']) };
    if ('near' in p) {
      return {
        t: 'near',
        a: internTerms(p.near.terms, id, [...path, 'near', 'terms']),
        b: internTerms(p.near.with, id, [...path, 'near', 'with']),
        within: p.near.within,
      };
    }
    if ('regex' in p) {
      const flags = p.flags ?? '';
      if (!REGEX_FLAGS_OK.test(flags) || new Set(flags).size !== flags.length) {
        issues.push({
          code: 'RULE_E_BAD_REGEX_FLAGS',
          ruleId: id,
          path: [...path, 'flags'],
          message: `regex flags "${flags}": only i, m, s, u are allowed (the engine scans once; g/y make no sense)`,
        });
        return null;
      }
      try {
        new RegExp(p.regex, flags);
      } catch (e) {
        issues.push({
          code: 'RULE_E_BAD_REGEX',
          ruleId: id,
          path: [...path, 'regex'],
          message: String((e as Error).message),
        });
        return null;
      }
      return { t: 'regex', source: p.regex, flags };
    }
    if ('money' in p) {
      const cur = p.money.currencies?.map((c) => c.toUpperCase());
      for (const [i, c] of (cur ?? []).entries()) {
        if (!(c in rates)) {
          issues.push({
            code: 'RULE_E_UNKNOWN_CURRENCY',
            ruleId: id,
            path: [...path, 'money', 'currencies', i],
            message: `unknown currency ${c}`,
          });
        }
      }
      return { t: 'money', minIdrMonth: p.money.min_idr_month, ...(cur ? { currencies: cur } : {}) };
    }
    if ('phone' in p) {
      const countries = p.phone.countries.map((c) => c.toUpperCase());
      const known = new Set(Object.values(COUNTRY_CALLING_CODES));
      countries.forEach((c, i) => {
        if (!known.has(c)) {
          issues.push({
            code: 'RULE_E_UNKNOWN_COUNTRY',
            ruleId: id,
            path: [...path, 'phone', 'countries', i],
            message: `no calling code known for country ${c}`,
          });
        }
      });
      return { t: 'phone', countries };
    }
    if ('link' in p) {
      const hosts: string[] = [];
      p.link.hosts.forEach((h, i) => {
        const n = normalizeHost(h);
        if (n) hosts.push(n);
        else
          issues.push({
            code: 'RULE_E_BAD_HOST',
            ruleId: id,
            path: [...path, 'link', 'hosts', i],
            message: `bad host "${h}"`,
          });
      });
      return { t: 'link', hosts };
    }
    if ('all' in p || 'any' in p) {
      const key = 'all' in p ? 'all' : 'any';
      const subs = ('all' in p ? p.all : p.any)
        .map((s, i) => compilePattern(s, rule, [...path, key, i]))
        .filter((x): x is CompiledPattern => x !== null);
      // Cheap checks first so `all` short-circuits before extraction or regex work.
      subs.sort((x, y) => cost(x) - cost(y));
      return { t: key, of: subs };
    }
    if ('flag' in p) {
      if (rule.kind !== 'combo') {
        issues.push({
          code: 'RULE_E_FLAG_OUTSIDE_COMBO',
          ruleId: id,
          path: [...path, 'flag'],
          message: '`flag` patterns are only allowed in rules of kind combo',
        });
      }
      if (!kindOf.has(p.flag)) {
        issues.push({
          code: 'RULE_E_UNKNOWN_FLAG',
          ruleId: id,
          path: [...path, 'flag'],
          message: `unknown rule id "${p.flag}"`,
        });
        return null;
      }
      return { t: 'flag', id: p.flag };
    }
    if ('families' in p) {
      if (rule.kind !== 'combo') {
        issues.push({
          code: 'RULE_E_FAMILIES_OUTSIDE_COMBO',
          ruleId: id,
          path: [...path, 'families'],
          message: '`families` patterns are only allowed in rules of kind combo (signals must all have run)',
        });
      }
      const unknown = p.families.of.filter((f) => !knownFamilies.has(f) || f === 'combo' || f === 'job-context');
      if (unknown.length) {
        issues.push({
          code: 'RULE_E_UNKNOWN_FAMILY',
          ruleId: id,
          path: [...path, 'families', 'of'],
          message: `not a signal family in families.yaml: ${unknown.join(', ')}`,
        });
        return null;
      }
      if (p.families.min > p.families.of.length) {
        issues.push({
          code: 'RULE_E_FAMILIES_MIN',
          ruleId: id,
          path: [...path, 'families', 'min'],
          message: `min ${p.families.min} is more than the ${p.families.of.length} families listed`,
        });
        return null;
      }
      return { t: 'families', min: p.families.min, of: [...new Set(p.families.of)] };
    }
    return null;
  }

  const compiled: CompiledRule[] = [];
  for (const r of input.rules) {
    if (!(r.family in input.families.families)) {
      issues.push({
        code: 'RULE_E_UNKNOWN_FAMILY',
        ruleId: r.id,
        path: ['family'],
        message: `unknown family "${r.family}"`,
      });
    }
    if ((r.kind === 'gate') !== (r.gate !== undefined)) {
      issues.push({
        code: 'RULE_E_BAD_GATE',
        ruleId: r.id,
        path: ['gate'],
        message:
          r.kind === 'gate'
            ? 'a gate rule needs `gate: job-offer | not-offer`'
            : '`gate` is only for rules of kind gate',
      });
    }
    const match = r.match
      .map((p, i) => compilePattern(p, r, ['match', i]))
      .filter((x): x is CompiledPattern => x !== null)
      .sort((x, y) => cost(x) - cost(y));
    const unless = r.unless
      ?.map((p, i) => compilePattern(p, r, ['unless', i]))
      .filter((x): x is CompiledPattern => x !== null)
      .sort((x, y) => cost(x) - cost(y));
    compiled.push({
      id: r.id,
      kind: r.kind,
      family: r.family,
      weight: r.weight,
      ...(r.gate ? { gate: r.gate } : {}),
      title: r.title,
      message: r.message,
      languages: r.languages,
      match,
      ...(unless && unless.length > 0 ? { unless } : {}),
    });
  }

  const ordered = orderRules(compiled, issues);
  if (issues.length > 0) throw new RuleCompileError(issues);
  return {
    engineVersion: ENGINE_VERSION,
    version: input.version,
    families: input.families.families,
    thresholds: input.families.thresholds,
    notOfferFactor: input.families.not_offer_factor,
    rates: { ...rates },
    ratesAsOf: input.rates ? 'custom' : RATES_AS_OF,
    terms,
    rules: ordered,
  };
}

function cost(p: CompiledPattern): number {
  switch (p.t) {
    case 'flag':
    case 'families':
      return 0;
    case 'terms':
      return 1;
    case 'near':
      return 2;
    case 'link':
    case 'phone':
    case 'money':
      return 3;
    case 'regex':
      return 5;
    case 'all':
    case 'any':
      return 4;
  }
}

function flagRefs(p: CompiledPattern, out: string[]): void {
  if (p.t === 'flag') out.push(p.id);
  else if (p.t === 'all' || p.t === 'any') for (const s of p.of) flagRefs(s, out);
}

/** Gates, then signals, then combos so that every combo comes after the combos it refers to. */
function orderRules(rules: CompiledRule[], issues: RuleIssue[]): CompiledRule[] {
  const gates = rules.filter((r) => r.kind === 'gate');
  const signals = rules.filter((r) => r.kind === 'signal');
  const combos = rules.filter((r) => r.kind === 'combo');
  const byId = new Map(combos.map((r) => [r.id, r]));
  const state = new Map<string, 1 | 2>();
  const out: CompiledRule[] = [];
  const visit = (r: CompiledRule, stack: string[]): void => {
    const s = state.get(r.id);
    if (s === 2) return;
    if (s === 1) {
      issues.push({
        code: 'RULE_E_FLAG_CYCLE',
        ruleId: r.id,
        path: ['match'],
        message: `combo cycle: ${[...stack, r.id].join(' → ')}`,
      });
      return;
    }
    state.set(r.id, 1);
    const refs: string[] = [];
    for (const p of [...r.match, ...(r.unless ?? [])]) flagRefs(p, refs);
    for (const id of refs) {
      const dep = byId.get(id);
      if (dep) visit(dep, [...stack, r.id]);
    }
    state.set(r.id, 2);
    out.push(r);
  };
  for (const r of combos) visit(r, []);
  return [...gates, ...signals, ...out];
}
