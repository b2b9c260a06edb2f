// `check` (one text, for people) and `scan` (JSONL in, JSONL out, for machines).
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { AnalyzeContext, Risk } from '../engine/types';
import { type Engine, loadEngine, scanRecord } from '../tooling/engine-io';
import { formatError } from '../tooling/load';
import {
  EXIT_FINDINGS,
  EXIT_OK,
  EXIT_USAGE,
  escapeTerminal,
  highlight,
  type Io,
  parse,
  readInput,
  UsageError,
} from './util';

/** Characters of the text `check` prints back; the verdict itself always covers what the engine read. */
export const CHECK_TEXT_LIMIT = 4000;

const ENGINE_OPTS = {
  rules: { type: 'string' },
  bundle: { type: 'string' },
} as const;

const ENGINE_HELP = `  --rules DIR      rules folder to compile on the fly (default: the repository's rules/)
  --bundle FILE    use a compiled bundle (src/generated/rules.bundle.json) instead`;

export const CHECK_HELP = `Usage: lokeraman check [FILE|-] [--json] [--lang id|en] [--url URL]

Analyse one text (a file, or stdin when FILE is - or absent) and show the risk, the score, the reasons
and the text with the evidence highlighted.

  --json           print the full verdict as JSON
  --lang id|en     language of the explanations (default: id for Indonesian posts, else en)
  --url URL        page the text came from (some rules look at links and hosts)
${ENGINE_HELP}

Only the first 4,000 characters of the text are printed back; terminal control characters in it are shown\nas escapes (\\u001b), never sent to the terminal.\n\nExit: 0 risk none/low, 1 risk medium/high, 2 usage error or no text.`;

export const SCAN_HELP = `Usage: lokeraman scan --jsonl FILE|-

Analyse many texts. Each input line is a JSON object with "id" and "text" (other fields are ignored).
Exactly one JSON line is written to stdout per input line, in the same order:
  {"id","risk","score","lang","flags":[{"id","evidence":[{"text","start","end"}]}]}
A record gets "truncated": true when the engine analysed only the start of a very long text.
A line that is not a JSON object with a non-empty string "text" (blank lines included) yields
  {"line": N, "error": "..."}
and the scan goes on. A summary goes to stderr.

  --lang id|en     language of flag messages (not part of the output contract)
${ENGINE_HELP}

Exit: 0 every line analysed, 1 some lines were bad, 2 usage error.`;

function engineOrFail(values: { rules?: string; bundle?: string }, io: Io): Engine | undefined {
  const loaded = loadEngine({ rulesDir: values.rules, bundleFile: values.bundle });
  if (loaded.ok) return loaded.engine;
  io.err('Cannot compile the rules:\n');
  for (const e of loaded.errors) io.err(`  ${formatError(e)}\n`);
  return undefined;
}

function langOpt(v: string | undefined, help: string): 'id' | 'en' | undefined {
  if (v === undefined) return undefined;
  if (v !== 'id' && v !== 'en') throw new UsageError(`--lang must be id or en, got ${v}`, help);
  return v;
}

const riskRank: Record<Risk, number> = { none: 0, low: 1, medium: 2, high: 3 };

export function runCheck(args: string[], io: Io): number {
  const { values, positionals } = parse(
    args,
    { ...ENGINE_OPTS, json: { type: 'boolean' }, lang: { type: 'string' }, url: { type: 'string' } },
    CHECK_HELP,
  );
  if (values.help) {
    io.out(`${CHECK_HELP}\n`);
    return EXIT_OK;
  }
  if (positionals.length > 1) throw new UsageError('check takes at most one FILE', CHECK_HELP);
  const uiLang = langOpt(values.lang, CHECK_HELP);
  const text = readInput(positionals[0]);
  if (!text.trim()) {
    io.err(
      `lokeraman: no text (${positionals[0] && positionals[0] !== '-' ? `${positionals[0]} is empty` : 'stdin was empty'})\n`,
    );
    return EXIT_USAGE;
  }
  const engine = engineOrFail(values, io);
  if (!engine) return EXIT_FINDINGS;
  const ctx: AnalyzeContext = {};
  if (uiLang) ctx.uiLang = uiLang;
  if (values.url) ctx.url = values.url;
  const v = engine.analyze(text, ctx);
  const code = riskRank[v.risk] >= riskRank.medium ? EXIT_FINDINGS : EXIT_OK;
  if (values.json) {
    io.out(`${JSON.stringify(v, null, 2)}\n`);
    return code;
  }
  const b = (s: string) => (io.tty ? `\x1b[1m${s}\x1b[0m` : s);
  io.out(
    `${b('Risk:')} ${v.risk.toUpperCase()}   ${b('Score:')} ${v.score}   ${b('Language:')} ${v.lang}   ${b('Job offer:')} ${v.isJobOffer ? 'yes' : 'no'}${v.truncated ? '   (text truncated)' : ''}\n`,
  );
  if (v.flags.length === 0) io.out('\nNo warning signs found.\n');
  else {
    io.out(`\n${b('Reasons:')}\n`);
    for (const f of v.flags) {
      const ev = f.evidence.map((e) => JSON.stringify(escapeTerminal(e.text))).join(', ');
      io.out(
        escapeTerminal(
          `  - ${f.title} [${f.id}, ${f.family}, ${f.weight >= 0 ? '+' : ''}${f.weight}]\n    ${f.message}\n`,
        ) + (ev ? `    evidence: ${ev}\n` : ''),
      );
    }
  }
  // A pasted file can be megabytes: show the start (where the evidence usually is), say what was left out.
  const shown = Math.min(text.length, CHECK_TEXT_LIMIT);
  const rest = text.length - shown;
  io.out(
    `\n${b('Text:')}\n${highlight(
      text,
      v.flags.flatMap((f) => f.evidence),
      io.tty,
      shown,
    )}${rest > 0 ? `\n… ${rest.toLocaleString('en')} more characters not shown (--json has the full verdict)` : ''}\n`,
  );
  return code;
}

/** Writes respecting back-pressure, so a huge scan does not buffer everything in memory. */
function writer(stream: NodeJS.WritableStream) {
  return async (s: string) => {
    if (!stream.write(s)) await new Promise<void>((r) => stream.once('drain', () => r()));
  };
}

export async function runScan(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(
    args,
    { ...ENGINE_OPTS, jsonl: { type: 'string' }, lang: { type: 'string' } },
    SCAN_HELP,
  );
  if (values.help) {
    io.out(`${SCAN_HELP}\n`);
    return EXIT_OK;
  }
  const input = values.jsonl ?? positionals[0];
  if (input === undefined) throw new UsageError('scan needs --jsonl FILE (or - for stdin)', SCAN_HELP);
  if (positionals.length > (values.jsonl ? 0 : 1)) throw new UsageError('unexpected arguments', SCAN_HELP);
  const uiLang = langOpt(values.lang, SCAN_HELP);
  const stream = input === '-' ? process.stdin : createReadStream(input);
  const opened = await new Promise<Error | null>((resolve) => {
    if (input === '-') return resolve(null);
    stream.once('open', () => resolve(null));
    stream.once('error', (e: Error) => resolve(e));
  });
  if (opened) throw new UsageError(`cannot read ${input}: ${(opened as NodeJS.ErrnoException).code ?? opened.message}`);
  const engine = engineOrFail(values, io);
  if (!engine) return EXIT_FINDINGS;

  const write = writer(process.stdout);
  const risks: Record<Risk, number> = { none: 0, low: 0, medium: 0, high: 0 };
  let lineNo = 0;
  let bad = 0;
  const t0 = performance.now();
  const rl = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) {
    lineNo++;
    let out: ScanOut;
    try {
      out = scanLine(engine, line, uiLang);
    } catch (e) {
      out = { line: lineNo, error: `analysis failed: ${(e as Error).message}` };
    }
    if ('error' in out) {
      bad++;
      out.line = lineNo;
    } else risks[out.risk]++;
    await write(`${JSON.stringify(out)}\n`);
  }
  if (lineNo === 0) {
    io.err(`lokeraman: no text (${input === '-' ? 'stdin' : input} has no lines)\n`);
    return EXIT_FINDINGS;
  }
  const secs = ((performance.now() - t0) / 1000).toFixed(2);
  io.err(
    `scanned ${lineNo} lines in ${secs}s: ${lineNo - bad} analysed (high ${risks.high}, medium ${risks.medium}, low ${risks.low}, none ${risks.none}), ${bad} bad\n`,
  );
  return bad > 0 ? EXIT_FINDINGS : EXIT_OK;
}

type ScanOut = { line: number; error: string } | ReturnType<typeof scanRecord>;

function scanLine(engine: Engine, line: string, uiLang: 'id' | 'en' | undefined): ScanOut {
  if (!line.trim()) return { line: 0, error: 'no text (blank line)' };
  // A byte-order mark (first line of files saved by some Windows tools) is not part of the JSON.
  if (line.charCodeAt(0) === 0xfeff) line = line.slice(1);
  let obj: unknown;
  try {
    obj = JSON.parse(line);
  } catch (e) {
    return { line: 0, error: `invalid JSON: ${(e as Error).message}` };
  }
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return { line: 0, error: 'not a JSON object' };
  const { id, text } = obj as { id?: unknown; text?: unknown };
  if (typeof text !== 'string') return { line: 0, error: 'missing "text" (a string)' };
  if (!text.trim()) return { line: 0, error: 'no text ("text" is empty)' };
  const v = engine.analyze(text, uiLang ? { uiLang } : undefined);
  return scanRecord(id ?? null, v);
}
