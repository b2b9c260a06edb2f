import { describe, expect, it } from 'vitest';
import { segments } from './highlight';

describe('segments', () => {
  it('marks spans, merging overlaps and clamping to the text', () => {
    const text = 'Gaji 20 juta, kerja di Kamboja';
    const out = segments(text, [
      { start: 0, end: 4 },
      { start: 2, end: 12 },
      { start: 23, end: 99 },
      { start: 5, end: 5 },
    ]);
    expect(out).toEqual([
      { text: 'Gaji 20 juta', mark: true },
      { text: ', kerja di ', mark: false },
      { text: 'Kamboja', mark: true },
    ]);
    expect(out.map((s) => s.text).join('')).toBe(text);
  });

  it('no spans gives the whole text unmarked; markup stays text', () => {
    expect(segments('<b>x</b>', [])).toEqual([{ text: '<b>x</b>', mark: false }]);
    expect(segments('', [{ start: 0, end: 3 }])).toEqual([]);
  });
});
