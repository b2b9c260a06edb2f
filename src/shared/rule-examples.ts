// Inline rule examples as a check the browser can run too: before trusting a rule update the
// background runs every example through an engine built from it (see rule-update.ts). The CLI's
// `rules test` uses the same definition of "the rule fired" (src/tooling/examples.ts).
import { createEngine, type Engine } from '../engine/index';
import type { Rule } from '../engine/schema';
import type { Verdict } from '../engine/types';

/**
 * Verdicts list signal and combo rules as flags, but gates only through `isJobOffer`, where several
 * gates mix. To judge one gate on its own, run a copy of the bundle that holds that gate alone: a
 * job-offer gate fired exactly when the text counts as an offer, a not-offer gate exactly when not.
 */
const soloGates = new WeakMap<Engine, Map<string, Engine>>();

function soloGateEngine(engine: Engine, ruleId: string): Engine {
  let byId = soloGates.get(engine);
  if (!byId) {
    byId = new Map();
    soloGates.set(engine, byId);
  }
  let solo = byId.get(ruleId);
  if (!solo) {
    const bundle = engine.bundle;
    solo = createEngine({ ...bundle, rules: bundle.rules.filter((rule) => rule.id === ruleId) });
    byId.set(ruleId, solo);
  }
  return solo;
}

/**
 * Did `rule` fire on `text`? Pass `verdict` when the caller already has `engine.analyze(text)`, so the
 * text is not analysed twice (gates are still judged on their solo engine).
 */
export function ruleFiresOn(
  engine: Engine,
  rule: Pick<Rule, 'id' | 'kind' | 'gate'>,
  text: string,
  verdict?: Verdict,
): boolean {
  if (rule.kind === 'gate') {
    const solo = soloGateEngine(engine, rule.id).analyze(text);
    return rule.gate === 'not-offer' ? !solo.isJobOffer : solo.isJobOffer;
  }
  return (verdict ?? engine.analyze(text)).flags.some((flag) => flag.id === rule.id);
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
