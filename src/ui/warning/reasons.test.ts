import { describe, expect, it } from 'vitest';
import type { Flag } from '../../engine/types';
import parts from '../../generated/rules.parts.json';
import { evidenceOf, firstSentence, groupReasons } from './reasons';

const flag = (id: string, weight: number, word = id): Flag => ({
  id,
  family: 'f',
  weight,
  title: id,
  message: `${id}.`,
  evidence: [{ text: word, start: 0, end: word.length }],
});

describe('groupReasons', () => {
  const combos = { 'hub-office': ['hub', 'admin'], 'big-combo': ['hub-office', 'pay'], lonely: ['absent'] };

  it('folds the parts of a combination under it, transitively, and ranks the rest by weight', () => {
    const flags = [
      flag('hub', 35),
      flag('big-combo', 30),
      flag('hub-office', 25),
      flag('admin', 5),
      flag('pay', 10),
      flag('visa', 15),
    ];
    const reasons = groupReasons(flags, combos);
    expect(reasons.all.map((r) => r.flag.id)).toEqual(['big-combo', 'visa']);
    expect(reasons.all[0]?.parts.map((p) => p.id)).toEqual(['hub', 'hub-office', 'pay', 'admin']);
    expect(reasons.count).toBe(6);
  });

  it('shows at most three, leaves out reassuring signs and keeps a combo whose parts did not fire', () => {
    const flags = [flag('a', 20), flag('b', 19), flag('lonely', 18), flag('d', 17), flag('legit', -30)];
    const reasons = groupReasons(flags, combos);
    expect(reasons.top.map((r) => r.flag.id)).toEqual(['a', 'b', 'lonely']);
    expect(reasons.reassuring.map((f) => f.id)).toEqual(['legit']);
    expect(reasons.count).toBe(4);
  });

  it('survives a cycle in malformed part data', () => {
    const reasons = groupReasons([flag('x', 5), flag('y', 4)], { x: ['y'], y: ['x'] });
    expect(reasons.count).toBe(2);
  });

  it('highlights only the evidence of the reasons shown', () => {
    const flags = [
      flag('hub-office', 25, 'admin di Kamboja'),
      flag('hub', 35, 'Kamboja'),
      flag('admin', 5, 'admin'),
      flag('wa', 2, 'WA'),
    ];
    const reasons = groupReasons(flags, combos, 1);
    expect(evidenceOf(reasons.top).map((e) => e.text)).toEqual(['admin di Kamboja']);
  });

  it('uses the combinations of the real rules: the lure fixture shows no part of a shown combination', () => {
    const real = parts as Record<string, string[]>;
    expect(real['hub-job-offer']).toContain('work-in-hub');
    const flags = [flag('hub-job-offer', 15), flag('work-in-hub', 15), flag('job-offer-id', 0)];
    expect(groupReasons(flags, real).all.map((r) => r.flag.id)).toEqual(['hub-job-offer']);
  });
});

describe('firstSentence', () => {
  it('cuts after the first full stop, question or exclamation mark', () => {
    expect(firstSentence('Kamboja bukan negara penempatan. Tidak ada jalur resmi.')).toBe(
      'Kamboja bukan negara penempatan.',
    );
    expect(firstSentence('Gaji 1.200 USD itu tinggi! Hati-hati.')).toBe('Gaji 1.200 USD itu tinggi!');
    expect(firstSentence('No full stop')).toBe('No full stop');
  });
});
