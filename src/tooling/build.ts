// `rules build` and `rules schema`: validated YAML → compiled bundle JSON, and the JSON Schema editors use.
//
// Bundle version: `<package.json version>+<YYYYMMDD.HHMM>` (UTC build time), e.g. `0.1.0+20261128.0915`.
// The timestamp part orders bundles built from the same release; `SOURCE_DATE_EPOCH` (seconds) pins it
// for reproducible builds, and `LOKERAMAN_RULES_VERSION` overrides the whole string.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import * as z from 'zod/mini';
import { type CompactTerm, type ContentBundle, expandTerm, TERM_MODE_SUFFIX } from '../shared/compact-rules';
import type { CompiledPattern, CompiledRule, CompiledTerm, LocalizedText } from '../engine/bundle';
import { compileRuleSet, type RuleBundle } from '../engine/index';
import { RuleSchema } from '../engine/schema';
import { hasErrors, type LoadOptions, type LoadResult, loadRuleSet, type RuleError } from './load';
import { locate } from './yaml-source';

/** Repository root, found from this file's location (src/tooling/ or dist/cli/, both two levels down). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_RULES_DIR = join(REPO_ROOT, 'rules');
export const DEFAULT_BUNDLE_OUT = join(REPO_ROOT, 'src', 'generated', 'rules.bundle.json');
/** The slim copy the content script imports on every page (see compactBundle). */
export const CONTENT_BUNDLE_OUT = join(REPO_ROOT, 'src', 'generated', 'rules.content.json');
/** Rule messages by id, for the dialog chunk that fills them back in. */
export const MESSAGES_OUT = join(REPO_ROOT, 'src', 'generated', 'rules.messages.json');
/** Combo id → the rule ids its `flag` patterns name, so the dialog can show a combination instead of its parts. */
export const PARTS_OUT = join(REPO_ROOT, 'src', 'generated', 'rules.parts.json');

export function packageVersion(root = REPO_ROOT): string {
  try {
    return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

export function bundleVersion(date: Date = buildDate(), root = REPO_ROOT): string {
  if (process.env.LOKERAMAN_RULES_VERSION) return process.env.LOKERAMAN_RULES_VERSION;
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${date.getUTCFullYear()}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}.${p(date.getUTCHours())}${p(date.getUTCMinutes())}`;
  return `${packageVersion(root)}+${stamp}`;
}

function buildDate(): Date {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : new Date();
}

/** JSON Schema of one rule file (`rules/<theme>/<id>.yaml`), generated from the zod schema. */
export function ruleJsonSchema(): string {
  const schema = z.toJSONSchema(RuleSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const out = {
    $schema: schema.$schema,
    $id: 'https://lokeraman.invalid/rules/schema.json',
    title: 'LokerAman rule',
    description:
      'One rule per file: rules/<theme>/<id>.yaml. Generated from src/engine/schema.ts by `lokeraman rules schema`; do not edit.',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

export function schemaPath(rulesDir: string): string {
  return join(rulesDir, 'schema.json');
}

/** Writes rules/schema.json when it differs; returns true when the file changed. */
export function writeRuleJsonSchema(rulesDir = DEFAULT_RULES_DIR): boolean {
  const p = schemaPath(rulesDir);
  const text = ruleJsonSchema();
  if (existsSync(p) && readFileSync(p, 'utf8') === text) return false;
  writeFileSync(p, text);
  return true;
}

export interface BuildOptions extends LoadOptions {
  rulesDir?: string;
  /** Where to write the bundle JSON; `null` compiles without writing. */
  out?: string | null;
  version?: string;
}

export interface BuildCounts {
  rules: number;
  byKind: Record<string, number>;
  byTheme: Record<string, number>;
  vocabs: number;
  terms: number;
  families: number;
}

export interface BuildResult {
  ok: boolean;
  load: LoadResult;
  /** Present when validation passed and the engine compiled the rules. */
  bundle?: RuleBundle;
  counts: BuildCounts;
  errors: RuleError[];
  outFile?: string;
  bytes?: number;
}

function countsOf(load: LoadResult): BuildCounts {
  const byKind: Record<string, number> = {};
  const byTheme: Record<string, number> = {};
  for (const r of load.rules) {
    byKind[r.rule.kind] = (byKind[r.rule.kind] ?? 0) + 1;
    byTheme[r.theme] = (byTheme[r.theme] ?? 0) + 1;
  }
  return {
    rules: load.rules.length,
    byKind,
    byTheme,
    vocabs: load.vocabs.length,
    terms: load.vocabs.reduce((n, v) => n + v.vocab.terms.length, 0),
    families: load.families ? Object.keys(load.families.families).length : 0,
  };
}

/**
 * Validate, compile with the engine and (optionally) write the bundle. The seam for signed updates:
 * wrap this and sign `result.bundle` / the written file.
 */
export function buildBundle(opts: BuildOptions = {}): BuildResult {
  const rulesDir = opts.rulesDir ?? DEFAULT_RULES_DIR;
  const load = loadRuleSet(rulesDir, { redos: opts.redos });
  const errors = [...load.errors];
  const result: BuildResult = { ok: false, load, counts: countsOf(load), errors };
  if (hasErrors(errors) || !load.families) return result;
  try {
    result.bundle = compileRuleSet({
      rules: load.rules.map((r) => r.rule),
      vocabs: load.vocabs.map((v) => v.vocab),
      families: load.families,
      version: opts.version ?? bundleVersion(),
    });
  } catch (e) {
    errors.push(...compileErrors(e, load));
    return result;
  }
  const out = opts.out === undefined ? DEFAULT_BUNDLE_OUT : opts.out;
  if (out) {
    const json = `${JSON.stringify(result.bundle)}\n`;
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, json);
    result.outFile = out;
    result.bytes = Buffer.byteLength(json);
    // Only next to the default bundle: the extension build imports these, `--out` elsewhere is for updates.
    if (out === DEFAULT_BUNDLE_OUT) {
      writeFileSync(CONTENT_BUNDLE_OUT, `${JSON.stringify(compactBundle(result.bundle))}\n`);
      writeFileSync(MESSAGES_OUT, `${JSON.stringify(ruleMessages(result.bundle))}\n`);
      writeFileSync(PARTS_OUT, `${JSON.stringify(comboParts(result.bundle.rules))}\n`);
    }
  }
  result.ok = true;
  return result;
}

/** A term as the compact string expandTerm parses, or the object itself when the string would lose something. */
export function compactTerm(term: CompiledTerm): CompactTerm {
  const text = term.words.map((w, i) => w + TERM_MODE_SUFFIX[term.modes[i] ?? 0]).join(' ');
  if (text === term.source && isDeepStrictEqual(expandTerm(text), term)) return text;
  // Terms whose written form is not their normalised words (diacritics, Thai, CJK) ship as written.
  return isDeepStrictEqual(expandTerm(term.source), term) ? term.source : term;
}

/**
 * The bundle every supported page loads: terms as compact strings, no rule messages (only the dialog
 * shows them; it fills them back in from ruleMessages) and family caps without descriptions. The
 * content script expands it before createEngine (expandBundle), so the engine sees a RuleBundle.
 */
export function compactBundle(bundle: RuleBundle): ContentBundle {
  return {
    ...bundle,
    families: Object.fromEntries(Object.entries(bundle.families).map(([id, f]) => [id, f.cap])),
    terms: bundle.terms.map(compactTerm),
    rules: bundle.rules.map(({ message: _message, ...rule }) => rule),
  };
}

export function ruleMessages(bundle: RuleBundle): Record<string, LocalizedText> {
  return Object.fromEntries(bundle.rules.map((r) => [r.id, r.message]));
}

/** Direct `flag` references of every combo rule (in `match` only: `unless` parts are what the combo is not). */
export function comboParts(rules: readonly Pick<CompiledRule, 'id' | 'kind' | 'match'>[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const walk = (p: CompiledPattern, into: Set<string>) => {
    if (p.t === 'flag') into.add(p.id);
    else if (p.t === 'all' || p.t === 'any') for (const sub of p.of) walk(sub, into);
  };
  for (const rule of rules) {
    if (rule.kind !== 'combo') continue;
    const ids = new Set<string>();
    for (const p of rule.match) walk(p, ids);
    out[rule.id] = [...ids].sort();
  }
  return out;
}

/** The engine reports compile problems with a rule id and a path inside the rule: point at the line. */
export function compileErrors(e: unknown, load: LoadResult): RuleError[] {
  const issues = (e as { issues?: unknown }).issues;
  if (!Array.isArray(issues)) {
    return [
      { code: 'RULE_E_COMPILE', severity: 'error', file: '(compile)', message: (e as Error)?.message ?? String(e) },
    ];
  }
  return issues.map((raw) => {
    const issue = raw as { code?: string; ruleId?: string; path?: (string | number)[]; message?: string };
    const id = issue.ruleId ?? '';
    const src = id.startsWith('vocab:')
      ? load.vocabs.find((v) => v.vocab.name === id.slice(6))?.src
      : load.rules.find((r) => r.rule.id === id)?.src;
    const pos = src ? locate(src, issue.path ?? []) : undefined;
    return {
      code: issue.code ?? 'RULE_E_COMPILE',
      severity: 'error' as const,
      file: src?.file ?? '(compile)',
      ...(pos ?? {}),
      ruleId: id || undefined,
      message: issue.message ?? 'compile error',
    };
  });
}
