// The REAL rules/ folder: it validates (ReDoS check included), and every inline example behaves as stated,
// one vitest case per example so a failure names the rule, the list and the position.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../src/engine/index';
import { buildBundle, DEFAULT_RULES_DIR } from '../src/tooling/build';
import { describeFailure, exampleCases, runExample } from '../src/tooling/examples';
import { formatError, hasErrors, loadRuleSet } from '../src/tooling/load';

describe('rules validate', () => {
  it('rules/ has rules and no validation errors', () => {
    const r = loadRuleSet(DEFAULT_RULES_DIR);
    const errors = r.errors.filter((e) => e.severity === 'error');
    expect(errors.map(formatError).join('\n')).toBe('');
    expect(r.rules.length, 'no rules in rules/<theme>/').toBeGreaterThan(0);
  });
});

// Built once at collection time so each example becomes its own named test.
const built = buildBundle({ rulesDir: DEFAULT_RULES_DIR, out: null, redos: false, version: 'test' });
const engine = built.ok && built.bundle ? createEngine(built.bundle) : undefined;
const cases = exampleCases(built.load.rules);

describe('rule examples', () => {
  it('the rule set compiles and has examples', () => {
    expect(hasErrors(built.errors) ? built.errors.map(formatError).join('\n') : '').toBe('');
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const c of cases.filter((x) => x.kind === 'match' || x.kind === 'no_match')) {
    it(`rule ${c.ruleId} ${c.kind} #${c.n}`, () => {
      expect(engine, 'rules did not compile').toBeDefined();
      if (!engine) return;
      const r = runExample(engine, c);
      expect(r.pass, describeFailure(r)).toBe(true);
    });
  }

  // Known misses and false alarms stay visible in the test list without failing it.
  for (const c of cases.filter((x) => x.kind === 'todo_match' || x.kind === 'todo_no_match')) {
    it.todo(`rule ${c.ruleId} ${c.kind} #${c.n}: ${c.text.slice(0, 60)}`);
  }
});

// The normaliser spells flag emoji out in English ("🇰🇭" → "cambodia"), so the country vocabularies must hold
// those English names for a flag alone to count like the country's name.
describe('flag emoji count like the country name', () => {
  const fires = (text: string, id: string) => engine?.analyze(text).flags.some((f) => f.id === id) ?? false;
  for (const flag of ['🇰🇭', '🇲🇲', '🇱🇦']) {
    it(`${flag} raises hub-country`, () => expect(fires(`Lowongan admin ${flag}`, 'hub-country')).toBe(true));
  }
  for (const flag of ['🇹🇭', '🇻🇳', '🇵🇭', '🇲🇾', '🇸🇬', '🇦🇪']) {
    it(`${flag} raises bait-country-work`, () =>
      expect(fires(`Lowongan kerja admin ${flag}`, 'bait-country-work')).toBe(true));
  }
});
