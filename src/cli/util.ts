// Small shared pieces of the CLI: usage errors (exit 2), option parsing, output helpers.
import { readFileSync } from 'node:fs';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { Evidence } from '../engine/types';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export class UsageError extends Error {
  constructor(
    message: string,
    readonly help?: string,
  ) {
    super(message);
  }
}

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** True when stdout is a terminal (colour and ANSI highlighting allowed). */
  tty: boolean;
}

export const processIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  tty: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
};

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs with strict checking; unknown options and missing values become usage errors. */
export function parse<O extends Options>(args: string[], options: O, help: string) {
  try {
    return parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new UsageError((e as Error).message.split('\n')[0], help);
  }
}

export function readInput(pathOrDash: string | undefined): string {
  if (pathOrDash === undefined || pathOrDash === '-') return readFileSync(0, 'utf8');
  try {
    return readFileSync(pathOrDash, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${pathOrDash}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** Merged, sorted evidence spans (overlaps joined) so the text can be printed with highlights. */
export function mergeSpans(spans: readonly Evidence[]): { start: number; end: number }[] {
  const sorted = spans
    .filter((s) => s.end > s.start)
    .map((s) => ({ start: s.start, end: s.end }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: { start: number; end: number }[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/**
 * Post text is the adversary's: an ESC or CSI in it could recolour, move the cursor, rewrite the title or
 * hide lines of the maintainer's terminal. Every C0 and C1 control (newline and tab kept), DEL, and the
 * bidirectional overrides that reorder what is shown become visible escapes like `\u001b`.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function escapeTerminal(text: string): string {
  return text.replace(TERMINAL_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `text` with the evidence marked; only our own markers are terminal sequences, the text is escaped. */
export function highlight(text: string, spans: readonly Evidence[], tty: boolean, limit = text.length): string {
  const open = tty ? '\x1b[1;7m' : '[[';
  const close = tty ? '\x1b[0m' : ']]';
  let out = '';
  let pos = 0;
  for (const s of mergeSpans(spans)) {
    if (s.start < pos || s.end > text.length || s.end > limit) continue;
    out += escapeTerminal(text.slice(pos, s.start)) + open + escapeTerminal(text.slice(s.start, s.end)) + close;
    pos = s.end;
  }
  return out + escapeTerminal(text.slice(pos, Math.max(pos, limit)));
}
