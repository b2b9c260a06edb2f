import { describe, expect, it } from 'vitest';
import { checkRegexSafety, MAX_PATHS, regexPatternsIn } from './regex-safety';

describe('checkRegexSafety: the safe-by-construction subset a remote update may use', () => {
  it.each([
    ['the shipped personal-email rule', '(?:gmail|yahoo|hotmail|outlook|ymail)[^a-z0-9]{1,3}co(?:m|\\b)'],
    ['plain words', 'kamboja'],
    ['bounded gaps', 'kerja\\s{1,3}di\\s{1,3}(?:kamboja|myanmar|laos)'],
    ['optional parts and anchors', '^wa\\.?me/\\d{8,15}$'],
    ['classes with escapes', '[\\]\\-a-z]{2}x'],
    ['unicode escapes', '\\u{1F1F0}\\p{L}{1,2}'],
  ])('accepts %s', (_label, source) => {
    const result = checkRegexSafety(source, 'iu');
    expect(result).toMatchObject({ safe: true });
  });

  it.each([
    ['nested quantifier (the classic)', '(a+)+$', /unbounded/],
    ['nested bounded quantifiers', '(?:a{1,5}){1,5}b', /nested quantifier/],
    ['unbounded star', 'kamboja.*gaji', /unbounded/],
    ['unbounded plus', '\\s+', /unbounded/],
    ['open-ended range', 'a{2,}', /unbounded/],
    ['too-long repetition', 'a{0,500}', /at most/],
    ['exponential alternation under repetition', '(?:a|a|a|a){1,10}', /ways to match/],
    ['many adjacent bounded runs', 'a{0,20}a{0,20}a{0,20}', /ways to match/],
    ['backreference', '(a)\\1', /backreference/],
    ['lookahead', '(?=a)a', /lookarounds/],
    ['lookbehind', '(?<=a)b', /lookarounds/],
    ['named group', '(?<x>a)', /named groups/],
    ['a literal brace the parser will not guess about', 'a{x', /not a \{n,m\}/],
    ['g flag', 'a', /flags/],
    ['does not compile', '(', /does not compile/],
  ])('rejects %s', (_label, source, reason) => {
    const result = checkRegexSafety(source, _label === 'g flag' ? 'g' : 'i');
    expect(result.safe).toBe(false);
    if (!result.safe) expect(result.reason).toMatch(reason);
  });

  it('bounds the paths it accepts', () => {
    const result = checkRegexSafety('a{0,9}b{0,9}c{0,9}', '');
    expect(result).toEqual({ safe: true, paths: MAX_PATHS });
    expect(checkRegexSafety('a{0,9}b{0,9}c{0,9}d?', '').safe).toBe(false);
  });

  it('finds regex patterns anywhere in a rule, with its id', () => {
    const rules = [
      { id: 'a', match: [{ terms: ['x'] }, { all: [{ regex: 'b{1,2}', flags: 'i' }, { not: { regex: 'c' } }] }] },
      { id: 'b', match: [{ terms: ['y'] }], examples: { match: ['regex: not a pattern'] } },
    ];
    expect(regexPatternsIn(rules)).toEqual([
      { ruleId: 'a', regex: 'b{1,2}', flags: 'i' },
      { ruleId: 'a', regex: 'c', flags: '' },
    ]);
  });
});
