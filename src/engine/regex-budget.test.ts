// Per-post regex budget (issue 15, point 5): once a post has used REGEX_BUDGET_MS of regex work, its remaining
// regex rules are skipped and named in verdict.overBudget, so one runaway pattern cannot freeze a tab. The
// budget is set to "already spent" through ENGINE_TESTING, so nothing here depends on the machine's speed.
import { afterEach, describe, expect, it } from 'vitest';
import { ENGINE_TESTING } from './engine';
import { engineOf, type MiniRule } from './testkit';

const RULES: MiniRule[] = [
  { id: 'kh', match: [{ terms: ['kamboja'] }] },
  { id: 'rx-mail', match: [{ regex: '(?:gmail|yahoo)[^a-z0-9]{1,3}co(?:m|\\b)' }] },
  { id: 'rx-wa', match: [{ regex: 'wa\\.me/\\d{8,15}' }] },
];
const engine = engineOf(RULES);
const TEXT = 'Kerja di Kamboja, kirim CV ke hrd@gmail.com atau wa.me/85512345678';

afterEach(() => {
  ENGINE_TESTING.regexBudgetMs = 0;
});

describe('regex time budget per post', () => {
  it('runs every regex rule within the budget and reports nothing', () => {
    const verdict = engine.analyze(TEXT);
    expect(verdict.flags.map((f) => f.id).sort()).toEqual(['kh', 'rx-mail', 'rx-wa']);
    expect(verdict.overBudget).toBeUndefined();
  });

  it('skips the regex rules left once the budget is spent, names them, and keeps the other rules', () => {
    ENGINE_TESTING.regexBudgetMs = -1;
    const verdict = engine.analyze(TEXT);
    expect(verdict.flags.map((f) => f.id)).toEqual(['kh']);
    expect(verdict.overBudget?.sort()).toEqual(['rx-mail', 'rx-wa']);
    // The next post starts with a fresh budget.
    ENGINE_TESTING.regexBudgetMs = 0;
    expect(engine.analyze(TEXT).overBudget).toBeUndefined();
  });
});
