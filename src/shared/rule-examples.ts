// Inline rule examples as a check the browser can run too: before trusting a rule update the
// background runs every example through an engine built from it (see rule-update.ts). The CLI's
// `rules test` uses the same definition of "the rule fired" (src/tooling/examples.ts).
import type { Engine } from '../engine/index';
import type { Rule } from '../engine/schema';
import type { Verdict } from '../engine/types';

/**
 * Did `rule` fire on `text`? Pass `verdict` when the caller already has `engine.analyze(text)`, so the
 * text is not analysed twice. Gates are not flags; the verdict lists the ones that fired.
 */
export function ruleFiresOn(
  engine: Engine,
  rule: Pick<Rule, 'id' | 'kind' | 'gate'>,
  text: string,
  verdict?: Verdict,
): boolean {
  const v = verdict ?? engine.analyze(text);
  if (rule.kind === 'gate') return v.gates?.includes(rule.id) ?? false;
  return v.flags.some((flag) => flag.id === rule.id);
}

/** Descriptions of the `match` / `no_match` examples that do not behave; todo_* never count. */
export function failingExamples(rules: readonly Rule[], engine: Engine): string[] {
  const failures: string[] = [];
  for (const rule of rules) {
    rule.examples.match.forEach((text, index) => {
      if (!ruleFiresOn(engine, rule, text)) failures.push(`${rule.id} match #${index + 1} did not fire`);
    });
    rule.examples.no_match.forEach((text, index) => {
      if (ruleFiresOn(engine, rule, text)) failures.push(`${rule.id} no_match #${index + 1} fired`);
    });
  }
  return failures;
}
