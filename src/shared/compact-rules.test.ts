// The content script's engine must see exactly the rules `rules build` compiled: compacting and
// expanding the real bundle gives back every term object, every rule except its message and every family cap.
import { describe, expect, it } from 'vitest';
import { buildBundle, compactBundle, ruleMessages } from '../tooling/build';
import { expandBundle, expandTerm } from './compact-rules';

const built = buildBundle({ out: null, version: '0.0.0-test' });

describe('compact every-page bundle', () => {
  it('expands back to the compiled terms and rules', () => {
    expect(built.ok).toBe(true);
    const bundle = built.bundle!;
    const compact = compactBundle(bundle);
    // Most terms shrink to their text; the rest keep the object form.
    expect(compact.terms.filter((t) => typeof t === 'string').length).toBeGreaterThan(bundle.terms.length * 0.9);
    const expanded = expandBundle(JSON.parse(JSON.stringify(compact)));
    expect(expanded.terms).toStrictEqual(bundle.terms);
    const messages = ruleMessages(bundle);
    const withMessages = expanded.rules.map((r) => ({ ...r, message: messages[r.id] }));
    expect(withMessages).toStrictEqual(bundle.rules);
    expect(expanded.rules.every((r) => r.message.en === '' && r.message.id === '')).toBe(true);
    for (const [id, family] of Object.entries(bundle.families)) {
      expect(expanded.families[id]).toStrictEqual({ cap: family.cap, description: { en: '', id: '' } });
    }
    expect(Object.keys(expanded.families)).toStrictEqual(Object.keys(bundle.families));
    const { terms: _t, rules: _r, families: _f, ...rest } = expanded;
    const { terms: _t2, rules: _r2, families: _f2, ...restOriginal } = bundle;
    expect(rest).toStrictEqual(restOriginal);
  });

  it('keeps terms written with diacritics, Thai or Chinese as their source text', () => {
    expect(expandTerm('lương cao')).toStrictEqual({ source: 'lương cao', words: ['luong', 'cao'], modes: [0, 0] });
    expect(expandTerm('包机票')).toStrictEqual({ source: '包机票', words: ['包', '机', '票'], modes: [0, 0, 0] });
    // Thai is one token per letter, with its tone and vowel marks attached.
    expect(expandTerm('รายได้สูง').words).toStrictEqual(['ร', 'า', 'ย', 'ไ', 'ด้', 'สู', 'ง']);
  });

  it('parses modes from word endings', () => {
    expect(expandTerm('gaji+ tinggi* sekali')).toStrictEqual({
      source: 'gaji+ tinggi* sekali',
      words: ['gaji', 'tinggi', 'sekali'],
      modes: [1, 2, 0],
    });
  });
});
