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

export function highlight(text: string, spans: readonly Evidence[], tty: boolean): string {
  const open = tty ? '\x1b[1;7m' : '[[';
  const close = tty ? '\x1b[0m' : ']]';
  let out = '';
  let pos = 0;
  for (const s of mergeSpans(spans)) {
    if (s.start < pos || s.end > text.length) continue;
    out += text.slice(pos, s.start) + open + text.slice(s.start, s.end) + close;
    pos = s.end;
  }
  return out + text.slice(pos);
}
