import { describe, expect, it } from 'vitest';
import { resolveSpans, segments } from './highlight';

const ev = (text: string, start: number, end: number) => ({ text, start, end });

describe('highlight segments', () => {
  const text = 'Kerja di Kamboja, gaji besar, tiket gratis';

  it('splits at evidence offsets and keeps every character once', () => {
    const parts = segments(text, [ev('Kamboja', 9, 16), ev('tiket gratis', 30, 42)]);
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(parts.filter((p) => p.marked).map((p) => p.text)).toEqual(['Kamboja', 'tiket gratis']);
  });

  it('merges overlapping spans and keeps touching ones separate', () => {
    expect(resolveSpans(text, [ev('gaji besar', 18, 28), ev('besar', 23, 28), ev('Kamboja, gaji', 9, 22)])).toEqual([[9, 28]]);
    const touching = segments(text, [ev('gaji', 18, 22), ev(' besar', 22, 28)]);
    expect(touching.filter((p) => p.marked).map((p) => p.text)).toEqual(['gaji', ' besar']);
  });

  it('falls back to searching the evidence text when offsets do not match, and drops unknown evidence', () => {
    expect(resolveSpans(text, [ev('kamboja', 0, 7)])).toEqual([[9, 16]]);
    expect(resolveSpans(text, [ev('Myanmar', 0, 7)])).toEqual([]);
    expect(resolveSpans(text, [ev('', 500, 900)])).toEqual([]);
  });

  it('handles evidence at the edges and an empty list', () => {
    expect(segments('abc', [ev('abc', 0, 3)])).toEqual([{ text: 'abc', marked: true }]);
    expect(segments('abc', [])).toEqual([{ text: 'abc', marked: false }]);
  });
});
