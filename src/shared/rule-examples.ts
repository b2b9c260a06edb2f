// Inline rule examples as a check the browser can run too: before trusting a rule update the
// background runs every example through an engine built from it (see rule-update.ts). The CLI's
// `rules test` uses the same definition of "the rule fired".
import type { Rule } from '../engine/schema';
import type { Verdict } from '../engine/types';

export interface AnalyzingEngine {
  analyze(text: string): Verdict;
}

/** Did `rule` fire on this verdict? Every rule kind reports through the verdict's flags. */
export function ruleFired(rule: Pick<Rule, 'id'>, verdict: Verdict): boolean {
  return verdict.flags.some((flag) => flag.id === rule.id);
}

/** Descriptions of the `match` / `no_match` examples that do not behave; todo_* never count. */
export function failingExamples(rules: readonly Rule[], engine: AnalyzingEngine): string[] {
  const failures: string[] = [];
  for (const rule of rules) {
    rule.examples.match.forEach((text, index) => {
      if (!ruleFired(rule, engine.analyze(text))) failures.push(`${rule.id} match #${index + 1} did not fire`);
    });
    rule.examples.no_match.forEach((text, index) => {
      if (ruleFired(rule, engine.analyze(text))) failures.push(`${rule.id} no_match #${index + 1} fired`);
    });
  }
  return failures;
}
