// Inline examples as test cases: every `match` text must make its rule fire, every `no_match` must not.
// `todo_*` lists are run and reported but never fail (known misses and false alarms, kept visible).

import type { Rule } from '../engine/schema';
import type { Verdict } from '../engine/types';
import { ruleFiresOn } from '../shared/rule-examples';
import type { Engine } from './engine-io';
import type { LoadedRule } from './load';
import { locate } from './yaml-source';

export type ExampleKind = 'match' | 'no_match' | 'todo_match' | 'todo_no_match';

export interface ExampleCase {
  ruleId: string;
  rule: Rule;
  kind: ExampleKind;
  /** 1-based position in its list, as people count. */
  n: number;
  text: string;
  file: string;
  line: number;
}

export interface ExampleResult extends ExampleCase {
  fired: boolean;
  /** For match/no_match: whether the expectation held. todo_* report whether the known issue is now fixed. */
  pass: boolean;
  verdict: Verdict;
}

const KINDS: ExampleKind[] = ['match', 'no_match', 'todo_match', 'todo_no_match'];

export function exampleCases(rules: readonly LoadedRule[]): ExampleCase[] {
  const out: ExampleCase[] = [];
  for (const lr of rules) {
    for (const kind of KINDS) {
      const list = lr.rule.examples[kind] ?? [];
      list.forEach((text, i) => {
        out.push({
          ruleId: lr.rule.id,
          rule: lr.rule,
          kind,
          n: i + 1,
          text,
          file: lr.file,
          line: locate(lr.src, ['examples', kind, i]).line,
        });
      });
    }
  }
  return out;
}

/** Judged by the same definition the browser uses before trusting a rule update (gates run solo). */
export function runExample(engine: Engine, c: ExampleCase): ExampleResult {
  const wantFire = c.kind === 'match' || c.kind === 'todo_match';
  const verdict = engine.analyze(c.text);
  const fired = ruleFiresOn(engine, c.rule, c.text, verdict);
  return { ...c, fired, pass: fired === wantFire, verdict };
}

export function describeFailure(r: ExampleResult): string {
  const expect = r.kind.endsWith('no_match') ? 'must NOT fire' : 'must fire';
  const others = r.verdict.flags.map((f) => f.id).filter((id) => id !== r.ruleId);
  return `${r.file}:${r.line}: rule ${r.ruleId} ${r.kind} #${r.n} ${expect} but ${r.fired ? 'fired' : 'did not fire'}: ${JSON.stringify(r.text)} (risk ${r.verdict.risk}, score ${r.verdict.score}${others.length ? `, other flags: ${others.join(', ')}` : ''})`;
}
