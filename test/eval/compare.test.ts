// The regression gate of `npm run eval -- --check`: which movements count as regressions.
import { describe, expect, it } from 'vitest';
import { compareToBaseline, pct } from '../../src/tooling/evaluate';

const base = { n: 1000, low: 5, medium: 0.4, high: 0.1 };

describe('compareToBaseline', () => {
  it('negative corpora: a rise beyond the tolerance fails, within it or a fall passes', () => {
    expect(compareToBaseline('negative', 'legit', { ...base, medium: 0.5 }, base, 0.1)).toEqual([]);
    expect(compareToBaseline('negative', 'legit', { ...base, medium: 0.6 }, base, 0.1)).toEqual([
      'legit: false alarms at >= medium rose from 0.4% to 0.6%',
    ]);
    expect(compareToBaseline('negative', 'legit', { ...base, low: 1, medium: 0, high: 0 }, base, 0.1)).toEqual([]);
  });

  it('positive corpora: a fall beyond the tolerance fails, a rise passes', () => {
    expect(compareToBaseline('positive', 'scam', { ...base, low: 4.8 }, base, 0.1)).toHaveLength(1);
    expect(compareToBaseline('positive', 'scam', { ...base, low: 40, medium: 9, high: 3 }, base, 0.1)).toEqual([]);
  });

  it('a corpus without a baseline is reported', () => {
    expect(compareToBaseline('negative', 'new', base, undefined, 0.1)[0]).toMatch(/no baseline/);
  });

  it('pct rounds to two decimals and tolerates n = 0', () => {
    expect(pct(1, 3)).toBe(33.33);
    expect(pct(0, 0)).toBe(0);
  });
});
