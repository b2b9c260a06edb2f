// Splits post text at evidence offsets for <mark> rendering. Pure; the component renders each piece
// as a text node, so post text is never parsed as HTML.
import type { Evidence } from '../../engine/types';

export interface Segment {
  text: string;
  marked: boolean;
}

/**
 * Offsets are trusted when they point at the evidence text; otherwise (offsets computed on a
 * normalised copy, or a stale verdict) the evidence is looked up case-insensitively, and dropped if
 * absent. Overlapping spans are merged into one mark; touching spans stay separate marks so each
 * matched phrase is still its own element.
 */
export function resolveSpans(text: string, evidence: readonly Evidence[]): Array<[number, number]> {
  const lower = text.toLowerCase();
  const spans: Array<[number, number]> = [];
  for (const e of evidence) {
    const start = Math.max(0, Math.min(text.length, Math.floor(e.start)));
    const end = Math.max(0, Math.min(text.length, Math.floor(e.end)));
    if (end > start && (!e.text || text.slice(start, end) === e.text)) {
      spans.push([start, end]);
      continue;
    }
    const needle = e.text?.trim().toLowerCase();
    if (!needle) continue;
    const at = lower.indexOf(needle);
    if (at >= 0) spans.push([at, at + needle.length]);
  }
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] < last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([span[0], span[1]]);
  }
  return merged;
}

export function segments(text: string, evidence: readonly Evidence[]): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const [start, end] of resolveSpans(text, evidence)) {
    if (start > at) out.push({ text: text.slice(at, start), marked: false });
    out.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at), marked: false });
  return out;
}
