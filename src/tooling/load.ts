// Loads and validates the rule folder: rules/<theme>/<id>.yaml, rules/vocab/<name>.yaml, rules/families.yaml.
// Every problem is collected (never stop at the first) and carries a code, the file, line/column and the
// rule id, so `rules validate` can print all of them in one pass and tests can assert on codes.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, relative } from 'node:path';
import type { checkSync } from 'recheck';
import * as z from 'zod/mini';
import {
  type Families,
  FamiliesSchema,
  type Pattern,
  type Rule,
  RuleSchema,
  type Vocab,
  VocabSchema,
} from '../engine/schema';
import { locate, locateKey, parseYamlSource, type YamlSource, yamlErrors } from './yaml-source';

// Human-readable zod messages for maintainers; only the node tooling sets this, the extension keeps the
// tiny default (it never shows schema errors to users).
z.config(z.locales.en());

export type Severity = 'error' | 'warning';

export interface RuleError {
  code: string;
  severity: Severity;
  /** Path relative to the current working directory when possible. */
  file: string;
  line?: number;
  col?: number;
  ruleId?: string;
  message: string;
}

export interface LoadedRule {
  rule: Rule;
  file: string;
  theme: string;
  src: YamlSource;
}

export interface LoadedVocab {
  vocab: Vocab;
  file: string;
  src: YamlSource;
}

export interface LoadResult {
  rulesDir: string;
  /** Rules that passed the schema (semantic errors may still exist for them; see `errors`). */
  rules: LoadedRule[];
  vocabs: LoadedVocab[];
  families?: Families;
  /** Every YAML file looked at (rules, vocab, families), relative paths as in `errors`. */
  files: string[];
  errors: RuleError[];
}

export interface LoadOptions {
  /** Run the ReDoS checker on every regex (slow-ish: recheck starts a worker). Default true. */
  redos?: boolean;
}

export const hasErrors = (errors: readonly RuleError[]) => errors.some((e) => e.severity === 'error');

export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

export function formatError(e: RuleError): string {
  const loc = e.line ? `:${e.line}${e.col ? `:${e.col}` : ''}` : '';
  const id = e.ruleId ? ` [${e.ruleId}]` : '';
  return `${e.file}${loc}: ${e.severity} ${e.code}${id}: ${e.message}`;
}

type Issue = z.core.$ZodIssue;

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg as string];
  }
  return v;
}

/**
 * A failed union (the pattern forms) reports every branch's complaints. Pick the branch the author
 * evidently meant: one whose required keys are all present, with the fewest complaints.
 */
function flattenIssues(issues: readonly Issue[], input: unknown, prefix: PropertyKey[] = []): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code !== 'invalid_union' || !('errors' in issue) || issue.errors.length === 0) {
      out.push({ ...issue, path } as Issue);
      continue;
    }
    const here = valueAt(input, path);
    const branches = issue.errors.map((errs) => flattenIssues(errs, input, path));
    const plausible = branches.filter(
      (errs) =>
        !errs.some(
          (e) =>
            e.code === 'invalid_type' &&
            e.path.length === path.length + 1 &&
            valueAt(input, e.path) === undefined &&
            here !== null &&
            typeof here === 'object',
        ),
    );
    if (plausible.length > 0) {
      out.push(...plausible.reduce((a, b) => (b.length < a.length ? b : a)));
      continue;
    }
    const forms = branches
      .map((errs) => errs.find((e) => e.code === 'invalid_type' && e.path.length === path.length + 1)?.path.at(-1))
      .filter((k) => k !== undefined);
    const got =
      here !== null && typeof here === 'object' && !Array.isArray(here)
        ? `keys ${Object.keys(here).join(', ') || '(none)'}`
        : Array.isArray(here)
          ? 'a list'
          : JSON.stringify(here);
    out.push({
      code: 'custom',
      path,
      input: here,
      message: `expected a pattern with exactly one of: ${forms.join(', ')}; got ${got}`,
    } as Issue);
  }
  return out;
}

const LANGUAGE_NAMES: Record<string, string> = { id: 'Indonesian', en: 'English' };

function issueMessage(issue: Issue, input: unknown): string {
  const where = issue.path.length ? issue.path.join('.') : '(top level)';
  if (issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined) {
    // Volunteers write the texts: "missing title in Indonesian (title.id)" says what to add and where.
    const last = String(issue.path.at(-1));
    const language = LANGUAGE_NAMES[last];
    if (language && issue.path.length >= 2) return `missing ${String(issue.path.at(-2))} in ${language} (${where})`;
    return `missing required key \`${issue.path.length > 1 ? where : last}\` (${issue.expected})`;
  }
  if (issue.code === 'unrecognized_keys') {
    return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `\`${k}\``).join(', ')} in ${where}`;
  }
  return `${where}: ${issue.message}`;
}

function issueCode(issue: Issue, input: unknown): string {
  const [head, sub] = issue.path;
  if (head === 'references' && issue.path.length === 1) return 'RULE_E_NO_REFERENCE';
  if (head === 'examples' && (sub === 'match' || sub === 'no_match') && issue.path.length === 2) {
    return 'RULE_E_EXAMPLES';
  }
  if (head === 'examples' && issue.path.length === 1 && valueAt(input, ['examples']) === undefined) {
    return 'RULE_E_EXAMPLES';
  }
  return 'RULE_E_SCHEMA';
}

function schemaErrors(
  src: YamlSource,
  schema: z.ZodMiniType,
  input: unknown,
  ruleId: string | undefined,
  file: string,
): RuleError[] {
  const r = z.safeParse(schema, input);
  if (r.success) return [];
  return flattenIssues(r.error.issues, input).map((issue) => {
    const pos =
      issue.code === 'unrecognized_keys' && issue.keys.length > 0
        ? locateKey(src, issue.path, issue.keys[0])
        : locate(src, issue.path);
    return {
      code: issueCode(issue, input),
      severity: 'error' as const,
      file,
      line: pos.line,
      col: pos.col,
      ruleId,
      message: issueMessage(issue, input),
    };
  });
}

function listYaml(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.yaml') || n.endsWith('.yml'))
    .sort()
    .map((n) => join(dir, n));
}

interface RuleFile {
  path: string;
  theme: string;
}

function discover(rulesDir: string, errors: RuleError[]): { ruleFiles: RuleFile[]; vocabFiles: string[] } {
  const ruleFiles: RuleFile[] = [];
  const vocabFiles: string[] = [];
  for (const name of readdirSync(rulesDir).sort()) {
    const p = join(rulesDir, name);
    if (statSync(p).isDirectory()) {
      if (name === 'vocab') vocabFiles.push(...listYaml(p));
      else {
        for (const f of listYaml(p)) ruleFiles.push({ path: f, theme: name });
        for (const sub of readdirSync(p).sort()) {
          // Folders of other data (e.g. rules/channels/research) are fine; YAML hidden a level down is not.
          if (statSync(join(p, sub)).isDirectory() && listYaml(join(p, sub)).length > 0) {
            errors.push({
              code: 'RULE_W_STRAY_FILE',
              severity: 'warning',
              file: displayPath(join(p, sub)),
              message: 'nested folders are not read: rules live in rules/<theme>/<id>.yaml',
            });
          }
        }
      }
    } else if ((name.endsWith('.yaml') || name.endsWith('.yml')) && name !== 'families.yaml') {
      errors.push({
        code: 'RULE_W_STRAY_FILE',
        severity: 'warning',
        file: displayPath(p),
        message: 'not read: rules go in rules/<theme>/<id>.yaml, vocabularies in rules/vocab/<name>.yaml',
      });
    }
  }
  for (const f of [...ruleFiles.map((r) => r.path), ...vocabFiles]) {
    if (f.endsWith('.yml')) {
      errors.push({
        code: 'RULE_E_FILE_EXT',
        severity: 'error',
        file: displayPath(f),
        message: 'use the .yaml extension',
      });
    }
  }
  return { ruleFiles, vocabFiles };
}

function readSource(path: string, errors: RuleError[], ruleId?: string): YamlSource | undefined {
  const file = displayPath(path);
  const text = readFileSync(path, 'utf8');
  const src = parseYamlSource(file, text);
  const yerrs = yamlErrors(src);
  for (const e of yerrs) {
    errors.push({
      code: 'RULE_E_YAML',
      severity: 'error',
      file,
      line: e.pos.line,
      col: e.pos.col,
      ruleId,
      message: e.message,
    });
  }
  if (yerrs.length) return undefined;
  try {
    // Expanding the document is where alias bombs ("billion laughs") blow up: yaml stops at its alias
    // budget with a ReferenceError, which must name this file instead of ending the whole run.
    src.doc.toJS();
  } catch (error) {
    errors.push({
      code: 'RULE_E_YAML',
      severity: 'error',
      file,
      line: 1,
      col: 1,
      ruleId,
      message: `cannot expand this YAML: ${error instanceof Error ? error.message : String(error)} (anchors and aliases that multiply, e.g. "billion laughs"; rule files need no aliases)`,
    });
    return undefined;
  }
  return src;
}

export type PatternVisitor = (p: Pattern, path: PropertyKey[]) => void;

export function walkPatterns(patterns: readonly Pattern[], base: PropertyKey[], visit: PatternVisitor): void {
  patterns.forEach((p, i) => {
    const path = [...base, i];
    visit(p, path);
    if ('all' in p) walkPatterns(p.all, [...path, 'all'], visit);
    if ('any' in p) walkPatterns(p.any, [...path, 'any'], visit);
  });
}

/** Every pattern list of a rule, with its YAML path. */
export function rulePatterns(rule: Rule, visit: PatternVisitor): void {
  walkPatterns(rule.match, ['match'], visit);
  if (rule.unless) walkPatterns(rule.unless, ['unless'], visit);
}

/**
 * recheck costs a fifth of a second to load, and only `rules validate`/`build` screen for ReDoS:
 * loaded on first use so `check` and `scan` start without it.
 */
let recheckModule: { checkSync: typeof checkSync } | null = null;
function recheck(): { checkSync: typeof checkSync } {
  recheckModule ??= createRequire(import.meta.url)('recheck') as { checkSync: typeof checkSync };
  return recheckModule;
}

const redosCache = new Map<string, ReturnType<typeof checkSync>>();

function checkRedos(source: string, flags: string): ReturnType<typeof checkSync> {
  const key = `${flags}/${source}`;
  let r = redosCache.get(key);
  if (!r) {
    // recheck understands the classic flags only; 'd' (indices) does not change matching.
    r = recheck().checkSync(source, flags.replace(/[dv]/g, ''));
    redosCache.set(key, r);
  }
  return r;
}

function readRenamed(rulesDir: string, errors: RuleError[]): Set<string> {
  const p = join(rulesDir, 'renamed.json');
  const retired = new Set<string>();
  if (!existsSync(p)) return retired;
  try {
    const data: unknown = JSON.parse(readFileSync(p, 'utf8'));
    // Accept {"old": "new"}, ["old", …] or [{"from": "old", "to": "new"}, …]: the file's shape is the
    // rules author's choice; only the retired ids matter here.
    if (Array.isArray(data)) {
      for (const x of data) {
        if (typeof x === 'string') retired.add(x);
        else if (x && typeof x === 'object' && typeof (x as { from?: unknown }).from === 'string') {
          retired.add((x as { from: string }).from);
        }
      }
    } else if (data && typeof data === 'object') {
      for (const k of Object.keys(data)) retired.add(k);
    }
  } catch (e) {
    errors.push({
      code: 'RULE_E_RENAMED',
      severity: 'error',
      file: displayPath(p),
      message: `cannot read renamed.json: ${(e as Error).message}`,
    });
  }
  return retired;
}

export function loadRuleSet(rulesDir = 'rules', opts: LoadOptions = {}): LoadResult {
  const errors: RuleError[] = [];
  const result: LoadResult = { rulesDir, rules: [], vocabs: [], files: [], errors };
  if (!existsSync(rulesDir) || !statSync(rulesDir).isDirectory()) {
    errors.push({
      code: 'RULE_E_MISSING_FILE',
      severity: 'error',
      file: displayPath(rulesDir),
      message: 'rules folder not found',
    });
    return result;
  }
  const { ruleFiles, vocabFiles } = discover(rulesDir, errors);

  // families.yaml
  const famPath = join(rulesDir, 'families.yaml');
  if (!existsSync(famPath)) {
    errors.push({
      code: 'RULE_E_MISSING_FILE',
      severity: 'error',
      file: displayPath(famPath),
      message: 'families.yaml is missing',
    });
  } else {
    result.files.push(displayPath(famPath));
    const src = readSource(famPath, errors);
    if (src) {
      const input = src.doc.toJS();
      const errs = schemaErrors(src, FamiliesSchema, input, undefined, src.file);
      errors.push(...errs);
      if (errs.length === 0) {
        const fam = input as Families;
        const t = fam.thresholds;
        if (!(t.low < t.medium && t.medium < t.high)) {
          const pos = locate(src, ['thresholds']);
          errors.push({
            code: 'RULE_E_SCHEMA',
            severity: 'error',
            file: src.file,
            ...pos,
            message: 'thresholds must rise: low < medium < high',
          });
        }
        result.families = fam;
      }
    }
  }

  // vocabularies
  const vocabNames = new Map<string, string>();
  for (const path of vocabFiles) {
    const file = displayPath(path);
    result.files.push(file);
    const stem = basename(path).replace(/\.ya?ml$/, '');
    const src = readSource(path, errors);
    if (!src) continue;
    const input = src.doc.toJS();
    const name = typeof input?.name === 'string' ? input.name : undefined;
    const errs = schemaErrors(src, VocabSchema, input, name, file);
    errors.push(...errs);
    if (name !== undefined && name !== stem) {
      errors.push({
        code: 'RULE_E_ID_MISMATCH',
        severity: 'error',
        file,
        ...locate(src, ['name']),
        ruleId: name,
        message: `vocabulary name \`${name}\` must equal the file name \`${stem}\``,
      });
    }
    if (name !== undefined) {
      const prev = vocabNames.get(name);
      if (prev) {
        errors.push({
          code: 'RULE_E_DUPLICATE_ID',
          severity: 'error',
          file,
          ...locate(src, ['name']),
          ruleId: name,
          message: `vocabulary \`${name}\` is already defined in ${prev}`,
        });
      } else vocabNames.set(name, file);
    }
    if (errs.length === 0) result.vocabs.push({ vocab: input as Vocab, file, src });
  }
  for (const v of result.vocabs) {
    v.vocab.terms.forEach((t, i) => {
      if (t.startsWith('@') && !vocabNames.has(t.slice(1))) {
        errors.push({
          code: 'RULE_E_UNKNOWN_VOCAB',
          severity: 'error',
          file: v.file,
          ...locate(v.src, ['terms', i]),
          ruleId: v.vocab.name,
          message: `unknown vocabulary \`${t}\` (no rules/vocab/${t.slice(1)}.yaml)`,
        });
      }
    });
  }

  // rules
  const retired = readRenamed(rulesDir, errors);
  const ids = new Map<string, string>();
  for (const { path, theme } of ruleFiles) {
    const file = displayPath(path);
    result.files.push(file);
    const stem = basename(path).replace(/\.ya?ml$/, '');
    const src = readSource(path, errors, stem);
    if (!src) continue;
    const input = src.doc.toJS();
    const rawId = input && typeof input === 'object' && typeof input.id === 'string' ? (input.id as string) : undefined;
    const ruleId = rawId ?? stem;
    const errs = schemaErrors(src, RuleSchema, input, ruleId, file);
    errors.push(...errs);
    if (rawId !== undefined && rawId !== stem) {
      errors.push({
        code: 'RULE_E_ID_MISMATCH',
        severity: 'error',
        file,
        ...locate(src, ['id']),
        ruleId,
        message: `id \`${rawId}\` must equal the file name \`${stem}\``,
      });
    }
    if (rawId !== undefined) {
      const prev = ids.get(rawId);
      if (prev) {
        errors.push({
          code: 'RULE_E_DUPLICATE_ID',
          severity: 'error',
          file,
          ...locate(src, ['id']),
          ruleId,
          message: `id \`${rawId}\` is already used by ${prev}`,
        });
      } else ids.set(rawId, file);
      if (retired.has(rawId)) {
        errors.push({
          code: 'RULE_E_ID_REUSED',
          severity: 'error',
          file,
          ...locate(src, ['id']),
          ruleId,
          message: `id \`${rawId}\` was retired (rules/renamed.json); ids are never reused`,
        });
      }
    }
    if (errs.length === 0) result.rules.push({ rule: input as Rule, file, theme, src });
  }

  const families = result.families?.families;
  const ruleById = new Map(result.rules.map((r) => [r.rule.id, r]));
  // A combo naming a rule whose own file is broken gets no second error: one mistake, one message.
  const brokenIds = new Set([...ids.keys()].filter((id) => !ruleById.has(id)));
  for (const lr of result.rules) {
    semanticChecks(lr, { vocabNames, families, ruleById, brokenIds, errors, redos: opts.redos !== false });
  }
  checkFlagCycles(result.rules, errors);
  return result;
}

interface SemanticCtx {
  vocabNames: Map<string, string>;
  families: Families['families'] | undefined;
  ruleById: Map<string, LoadedRule>;
  /** Ids of rule files that exist but failed their own checks (already reported there). */
  brokenIds: ReadonlySet<string>;
  errors: RuleError[];
  redos: boolean;
}

function semanticChecks(lr: LoadedRule, ctx: SemanticCtx): void {
  const { rule, src, file } = lr;
  const push = (code: string, path: PropertyKey[], message: string, severity: Severity = 'error') =>
    ctx.errors.push({ code, severity, file, ...locate(src, path), ruleId: rule.id, message });

  if (ctx.families && !(rule.family in ctx.families)) {
    push(
      'RULE_E_UNKNOWN_FAMILY',
      ['family'],
      `unknown family \`${rule.family}\` (families.yaml has ${Object.keys(ctx.families).join(', ')})`,
    );
  }
  if (rule.kind === 'gate' && !rule.gate)
    push('RULE_E_GATE', ['kind'], 'a gate rule needs `gate: job-offer|not-offer`');
  if (rule.kind !== 'gate' && rule.gate) push('RULE_E_GATE', ['gate'], '`gate` is only for rules of kind gate');

  const checkTerms = (terms: readonly string[], path: PropertyKey[]) => {
    terms.forEach((t, i) => {
      if (t.startsWith('@') && !ctx.vocabNames.has(t.slice(1))) {
        push('RULE_E_UNKNOWN_VOCAB', [...path, i], `unknown vocabulary \`${t}\` (no rules/vocab/${t.slice(1)}.yaml)`);
      }
      if (t !== t.trim()) push('RULE_E_TERM', [...path, i], `term \`${t}\` has leading/trailing spaces`);
    });
  };

  rulePatterns(rule, (p, path) => {
    if ('terms' in p) checkTerms(p.terms, [...path, 'terms']);
    if ('near' in p) {
      checkTerms(p.near.terms, [...path, 'near', 'terms']);
      checkTerms(p.near.with, [...path, 'near', 'with']);
    }
    if ('flag' in p) {
      if (rule.kind !== 'combo') {
        push('RULE_E_FLAG_KIND', [...path, 'flag'], '`flag` patterns are only allowed in rules of kind combo');
      }
      if (!ctx.ruleById.has(p.flag) && !ctx.brokenIds.has(p.flag))
        push('RULE_E_UNKNOWN_FLAG', [...path, 'flag'], `no rule with id \`${p.flag}\``);
    }
    if ('regex' in p) {
      const flags = p.flags ?? '';
      let ok = true;
      try {
        new RegExp(p.regex, flags);
      } catch (e) {
        ok = false;
        push('RULE_E_REGEX', [...path, 'regex'], `regex does not compile: ${(e as Error).message}`);
      }
      if (ok && /[gy]/.test(flags)) {
        push('RULE_E_REGEX', [...path, 'flags'], 'flags g and y make a regex stateful; leave them out');
      }
      if (ok && ctx.redos) {
        const r = checkRedos(p.regex, flags);
        if (r.status === 'vulnerable') {
          const attack = r.attack ? ` attack: ${JSON.stringify(r.attack.pattern)}` : '';
          push(
            'RULE_E_REDOS',
            [...path, 'regex'],
            `regex is ReDoS-prone (${r.complexity.summary}${r.hotspot.length ? `, hotspot ${JSON.stringify(r.hotspot.map((h) => p.regex.slice(h.start, h.end)).join(' '))}` : ''});${attack}`,
          );
        } else if (r.status === 'unknown') {
          push('RULE_W_REDOS_UNKNOWN', [...path, 'regex'], `ReDoS check inconclusive (${r.error.kind})`, 'warning');
        }
      }
    }
  });

  const seen = new Set(rule.examples.match);
  rule.examples.no_match.forEach((t, i) => {
    if (seen.has(t)) push('RULE_E_EXAMPLES', ['examples', 'no_match', i], 'the same text is in match and no_match');
  });
}

/** Combos referring to each other in a loop can never be evaluated in order. */
function checkFlagCycles(rules: LoadedRule[], errors: RuleError[]): void {
  const deps = new Map<string, string[]>();
  for (const lr of rules) {
    const out: string[] = [];
    rulePatterns(lr.rule, (p) => {
      if ('flag' in p) out.push(p.flag);
    });
    deps.set(lr.rule.id, out);
  }
  const state = new Map<string, 1 | 2>();
  const reported = new Set<string>();
  const visit = (id: string, stack: string[]) => {
    if (state.get(id) === 2) return;
    if (state.get(id) === 1) {
      const cycle = stack.slice(stack.indexOf(id));
      const key = [...cycle].sort().join(',');
      if (!reported.has(key)) {
        reported.add(key);
        const lr = rules.find((r) => r.rule.id === id);
        if (lr) {
          errors.push({
            code: 'RULE_E_FLAG_CYCLE',
            severity: 'error',
            file: lr.file,
            ...locate(lr.src, ['match']),
            ruleId: id,
            message: `flag references loop: ${[...cycle, id].join(' -> ')}`,
          });
        }
      }
      return;
    }
    state.set(id, 1);
    for (const d of deps.get(id) ?? []) if (deps.has(d)) visit(d, [...stack, id]);
    state.set(id, 2);
  };
  for (const id of deps.keys()) visit(id, []);
}
