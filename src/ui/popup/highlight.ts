// Splits text into plain and marked runs from evidence spans, so the UI renders text nodes and
// <mark> elements only — the pasted text is never parsed as HTML.
import type { Evidence } from '../../engine/types';

export interface Segment {
  text: string;
  mark: boolean;
}

export function segments(text: string, spans: ReadonlyArray<Pick<Evidence, 'start' | 'end'>>): Segment[] {
  const ranges = spans
    .map(({ start, end }) => [Math.max(0, Math.min(start, text.length)), Math.max(0, Math.min(end, text.length))] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of ranges) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  const out: Segment[] = [];
  let cursor = 0;
  for (const [start, end] of merged) {
    if (start > cursor) out.push({ text: text.slice(cursor, start), mark: false });
    out.push({ text: text.slice(start, end), mark: true });
    cursor = end;
  }
  if (cursor < text.length) out.push({ text: text.slice(cursor), mark: false });
  return out;
}
