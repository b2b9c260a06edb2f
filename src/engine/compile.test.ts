import { describe, expect, it } from 'vitest';
import { expandAffixes } from './affix';
import { ENGINE_VERSION } from './bundle';
import { compileRuleSet, parseTerm, RuleCompileError, type RuleErrorCode } from './compile';
import type { Vocab } from './schema';
import { FAMILIES, type MiniRule, rule, vocab } from './testkit';

function compile(rules: MiniRule[], vocabs: Vocab[] = []) {
  return compileRuleSet({ rules: rules.map(rule), vocabs, families: FAMILIES, version: 't1' });
}

function codes(rules: MiniRule[], vocabs: Vocab[] = []): { code: RuleErrorCode; ruleId: string; path: string }[] {
  try {
    compile(rules, vocabs);
  } catch (e) {
    expect(e).toBeInstanceOf(RuleCompileError);
    return (e as RuleCompileError).issues.map((i) => ({ code: i.code, ruleId: i.ruleId, path: i.path.join('.') }));
  }
  return [];
}

describe('parseTerm', () => {
  it('normalises words and reads the + and * markers', () => {
    expect(parseTerm('Kamboja')).toEqual({ words: ['kamboja'], modes: [0] });
    expect(parseTerm('Phnom  Penh')).toEqual({ words: ['phnom', 'penh'], modes: [0, 0] });
    expect(parseTerm('tanggung+')).toEqual({ words: ['tanggung'], modes: [1] });
    expect(parseTerm('biaya tanggung+')).toEqual({ words: ['biaya', 'tanggung'], modes: [0, 1] });
    expect(parseTerm('admin*')).toEqual({ words: ['admin'], modes: [2] });
    expect(parseTerm('e-commerce')).toEqual({ words: ['e', 'commerce'], modes: [0, 0] });
    expect(parseTerm('𝐊𝐚𝐦𝐛𝐨𝐣𝐚')).toEqual({ words: ['kamboja'], modes: [0] });
  });
  it('rejects markers in the middle of a word and too-short prefixes', () => {
    expect(parseTerm('ad*min')).toMatchObject({ error: 'RULE_E_BAD_TERM' });
    expect(parseTerm('ab*')).toMatchObject({ error: 'RULE_E_BAD_TERM' });
    expect(parseTerm('!!!')).toMatchObject({ error: 'RULE_E_EMPTY_TERM' });
  });
});

describe('expandAffixes', () => {
  it('produces the common Indonesian forms with meN-/peN- assimilation', () => {
    const f = expandAffixes('tanggung');
    for (const w of [
      'tanggung',
      'ditanggung',
      'menanggung',
      'tertanggung',
      'penanggung',
      'tanggungan',
      'ditanggungkan',
    ]) {
      expect(f).toContain(w);
    }
    expect(expandAffixes('kirim')).toEqual(expect.arrayContaining(['mengirim', 'dikirim', 'pengiriman', 'kiriman']));
    expect(expandAffixes('pasang')).toContain('memasang');
    expect(expandAffixes('sewa')).toContain('menyewa');
    expect(expandAffixes('berangkat')).toContain('diberangkatkan');
  });
});

describe('compileRuleSet', () => {
  it('builds a JSON-serialisable bundle with expanded vocabularies and de-duplicated terms', () => {
    const b = compile(
      [
        { id: 'a', match: [{ terms: ['Kamboja', '@hubs'] }] },
        { id: 'b', match: [{ terms: ['kamboja', 'bavet'] }] },
      ],
      [vocab('hubs', ['Bavet', 'Poipet', '@more']), vocab('more', ['Sihanoukville'])],
    );
    expect(b.engineVersion).toBe(ENGINE_VERSION);
    expect(b.version).toBe('t1');
    expect(b.terms.map((t) => t.words.join(' ')).sort()).toEqual(['bavet', 'kamboja', 'poipet', 'sihanoukville']);
    expect(JSON.parse(JSON.stringify(b))).toEqual(b);
    const a = b.rules.find((r) => r.id === 'a');
    if (!a) throw new Error('rule a missing');
    expect(a.match[0]).toMatchObject({ t: 'terms' });
    expect((a.match[0] as { terms: number[] }).terms).toHaveLength(4);
    expect(b.thresholds).toEqual(FAMILIES.thresholds);
    expect(b.notOfferFactor).toBe(FAMILIES.not_offer_factor);
    expect(b.rates.USD).toBeGreaterThan(1000);
  });

  it('orders gates, then signals, then combos by dependency', () => {
    const b = compile([
      { id: 'c2', kind: 'combo', family: 'combo', match: [{ flag: 'c1' }] },
      { id: 's', match: [{ terms: ['x'] }] },
      { id: 'c1', kind: 'combo', family: 'combo', match: [{ flag: 's' }] },
      { id: 'g', kind: 'gate', gate: 'job-offer', family: 'gate', match: [{ terms: ['loker'] }] },
    ]);
    expect(b.rules.map((r) => r.id)).toEqual(['g', 's', 'c1', 'c2']);
  });

  it.each<[string, MiniRule[], RuleErrorCode, string]>([
    ['unknown vocab', [{ id: 'r', match: [{ terms: ['@nope'] }] }], 'RULE_E_UNKNOWN_VOCAB', 'match.0.terms.0'],
    ['bad regex', [{ id: 'r', match: [{ regex: '(unclosed' }] }], 'RULE_E_BAD_REGEX', 'match.0.regex'],
    ['bad regex flags', [{ id: 'r', match: [{ regex: 'x', flags: 'g' }] }], 'RULE_E_BAD_REGEX_FLAGS', 'match.0.flags'],
    [
      'unknown flag',
      [{ id: 'r', kind: 'combo', family: 'combo', match: [{ flag: 'ghost' }] }],
      'RULE_E_UNKNOWN_FLAG',
      'match.0.flag',
    ],
    [
      'flag outside combo',
      [
        { id: 'a', match: [{ terms: ['x'] }] },
        { id: 'r', match: [{ flag: 'a' }] },
      ],
      'RULE_E_FLAG_OUTSIDE_COMBO',
      'match.0.flag',
    ],
    ['unknown family', [{ id: 'r', family: 'nope', match: [{ terms: ['x'] }] }], 'RULE_E_UNKNOWN_FAMILY', 'family'],
    [
      'families outside combo',
      [{ id: 'r', match: [{ families: { min: 2, of: ['pay', 'contact'] } }] }],
      'RULE_E_FAMILIES_OUTSIDE_COMBO',
      'match.0.families',
    ],
    [
      'families naming the combo family',
      [{ id: 'r', kind: 'combo', family: 'combo', match: [{ families: { min: 2, of: ['pay', 'combo'] } }] }],
      'RULE_E_UNKNOWN_FAMILY',
      'match.0.families.of',
    ],
    [
      'families min above the list',
      [{ id: 'r', kind: 'combo', family: 'combo', match: [{ families: { min: 3, of: ['pay', 'contact'] } }] }],
      'RULE_E_FAMILIES_MIN',
      'match.0.families.min',
    ],
    ['gate without direction', [{ id: 'r', kind: 'gate', match: [{ terms: ['x'] }] }], 'RULE_E_BAD_GATE', 'gate'],
    [
      'bad term',
      [{ id: 'r', match: [{ any: [{ terms: ['ok', 'a*b'] }] }] }],
      'RULE_E_BAD_TERM',
      'match.0.any.0.terms.1',
    ],
    [
      'unknown country',
      [{ id: 'r', match: [{ phone: { countries: ['XX'] } }] }],
      'RULE_E_UNKNOWN_COUNTRY',
      'match.0.phone.countries.0',
    ],
    [
      'unknown currency',
      [{ id: 'r', match: [{ money: { min_idr_month: 1, currencies: ['ZZZ'] } }] }],
      'RULE_E_UNKNOWN_CURRENCY',
      'match.0.money.currencies.0',
    ],
    [
      'bad host',
      [{ id: 'r', match: [{ link: { hosts: ['not a host'] } }] }],
      'RULE_E_BAD_HOST',
      'match.0.link.hosts.0',
    ],
    [
      'duplicate id',
      [
        { id: 'r', match: [{ terms: ['x'] }] },
        { id: 'r', match: [{ terms: ['y'] }] },
      ],
      'RULE_E_DUPLICATE_ID',
      'id',
    ],
    [
      'combo cycle',
      [
        { id: 'a', kind: 'combo', family: 'combo', match: [{ flag: 'b' }] },
        { id: 'b', kind: 'combo', family: 'combo', match: [{ flag: 'a' }] },
      ],
      'RULE_E_FLAG_CYCLE',
      'match',
    ],
  ])('reports %s with code, rule id and path', (_name, rules, code, path) => {
    const found = codes(rules);
    const hit = found.find((f) => f.code === code);
    expect(hit, JSON.stringify(found)).toBeDefined();
    expect(hit?.path).toBe(path);
    // the rule that has the problem is named (for cycles: one of the rules in it)
    expect(code === 'RULE_E_FLAG_CYCLE' ? ['a', 'b'] : ['r']).toContain(hit?.ruleId);
  });

  it('reports vocabulary cycles against the vocabulary', () => {
    const found = codes([{ id: 'r', match: [{ terms: ['@a'] }] }], [vocab('a', ['@b']), vocab('b', ['@a'])]);
    expect(found.map((f) => f.code)).toContain('RULE_E_VOCAB_CYCLE');
    expect(found.find((f) => f.code === 'RULE_E_VOCAB_CYCLE')?.ruleId).toMatch(/^vocab:/);
  });

  it('collects every problem instead of stopping at the first', () => {
    const found = codes([
      { id: 'r1', match: [{ terms: ['@nope'] }] },
      { id: 'r2', match: [{ regex: '[' }] },
    ]);
    expect(found.map((f) => `${f.ruleId}:${f.code}`)).toEqual(['r1:RULE_E_UNKNOWN_VOCAB', 'r2:RULE_E_BAD_REGEX']);
  });

  it('never puts a raw term into a regex', () => {
    // a term full of regex metacharacters is just text
    const b = compile([{ id: 'r', match: [{ terms: ['(senior)?', 'a.b', '[x]|y'] }] }]);
    expect(b.terms.map((t) => t.words)).toEqual([['senior'], ['a', 'b'], ['x', 'y']]);
  });
});
