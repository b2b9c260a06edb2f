// Canonical formatting of rule files, so diffs show meaning rather than style: keys in schema order,
// term lists sorted (case-insensitive) without duplicates, block style, 2-space indent, LF, final newline.
// Works on the YAML node tree, so authors' comments travel with the keys and items they annotate.
import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { type Document, isMap, isPair, isScalar, isSeq, type Node, parseDocument, Scalar } from 'yaml';
import type * as z from 'zod/mini';
import { FamiliesSchema, RuleSchema, Term, VocabSchema } from '../engine/schema';
import { displayPath, loadRuleSet } from './load';

export type FileKind = 'rule' | 'vocab' | 'families';

const SCHEMAS: Record<FileKind, z.ZodMiniType> = {
  rule: RuleSchema,
  vocab: VocabSchema,
  families: FamiliesSchema,
};

// zod/mini keeps the definition on `_zod.def`; only the shapes used by the rule format are handled.
interface Def {
  type: string;
  shape?: Record<string, z.ZodMiniType>;
  innerType?: z.ZodMiniType;
  element?: z.ZodMiniType;
  options?: z.ZodMiniType[];
  getter?: () => z.ZodMiniType;
  valueType?: z.ZodMiniType;
}
const def = (s: z.ZodMiniType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

function unwrap(s: z.ZodMiniType): z.ZodMiniType {
  let cur = s;
  for (;;) {
    const d = def(cur);
    if ((d.type === 'optional' || d.type === 'nullable' || d.type === 'default') && d.innerType) cur = d.innerType;
    else if (d.type === 'lazy' && d.getter) cur = d.getter();
    else return cur;
  }
}

const keyOf = (k: unknown): string => (isScalar(k) ? String(k.value) : String(k));

export function compareTerms(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function canonScalar(node: Scalar): void {
  node.spaceBefore = false;
  if (typeof node.value === 'string') {
    const v = node.value;
    // A literal block keeps multi-line text readable (and a folded `>` block's final newline intact);
    // lines ending in spaces would be lost by editors, so those stay double-quoted with escapes.
    if (/[ \t]\n|[ \t]$/.test(v) && v.includes('\n')) node.type = Scalar.QUOTE_DOUBLE;
    else if (v.includes('\n')) node.type = Scalar.BLOCK_LITERAL;
    else node.type = undefined;
  } else {
    // `0.50` and `0.5` are the same number; print the plain form.
    node.type = undefined;
    node.format = undefined;
    node.minFractionDigits = undefined;
  }
}

function canonNode(node: unknown, schema: z.ZodMiniType | undefined): void {
  const s = schema ? unwrap(schema) : undefined;
  const d = s ? def(s) : undefined;
  if (isScalar(node)) {
    canonScalar(node);
    return;
  }
  if (isMap(node)) {
    node.flow = false;
    node.spaceBefore = false;
    let shape: Record<string, z.ZodMiniType> | undefined;
    let valueType: z.ZodMiniType | undefined;
    if (d?.type === 'object') shape = d.shape;
    else if (d?.type === 'record') valueType = d.valueType;
    else if (d?.type === 'union' && d.options) {
      const keys = node.items.map((p) => keyOf(p.key));
      const opt = d.options.map(unwrap).find((o) => {
        const od = def(o);
        return od.type === 'object' && od.shape && keys.length > 0 && keys.every((k) => k in (od.shape ?? {}));
      });
      if (opt) shape = def(opt).shape;
    }
    if (shape) {
      const order = Object.keys(shape);
      const rank = (k: string) => {
        const i = order.indexOf(k);
        return i < 0 ? order.length : i;
      };
      // Array.prototype.sort is stable, so unknown keys keep their relative order at the end.
      node.items.sort((a, b) => rank(keyOf(a.key)) - rank(keyOf(b.key)));
    }
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      if (isScalar(pair.key)) {
        pair.key.type = undefined;
        pair.key.spaceBefore = false;
      }
      canonNode(pair.value, shape ? shape[keyOf(pair.key)] : valueType);
    }
    return;
  }
  if (isSeq(node)) {
    node.flow = false;
    node.spaceBefore = false;
    const element = d?.type === 'array' ? d.element : undefined;
    if (element && element === Term) {
      const seen = new Set<string>();
      const items = node.items.filter((it) => {
        if (!isScalar(it) || typeof it.value !== 'string') return true;
        const k = it.value.toLowerCase();
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      });
      items.sort((a, b) => (isScalar(a) && isScalar(b) ? compareTerms(String(a.value), String(b.value)) : 0));
      node.items = items;
    }
    for (const it of node.items) canonNode(it, element);
  }
}

export class FormatError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

/** Canonical text for one rule/vocab/families file. Throws FormatError when the YAML does not parse. */
export function formatYaml(text: string, kind: FileKind): string {
  const doc: Document.Parsed = parseDocument(text.replace(/\r\n?/g, '\n'), { uniqueKeys: true });
  if (doc.errors.length) {
    const e = doc.errors[0];
    throw new FormatError(`${e.code}: ${e.message.split('\n')[0]}`, e.linePos?.[0].line);
  }
  doc.directives.docStart = null;
  canonNode(doc.contents as Node, SCHEMAS[kind]);
  let out = doc.toString({
    indent: 2,
    indentSeq: true,
    // One string, one line: folded strings make grep and diffs worse than long lines do.
    lineWidth: 0,
    defaultKeyType: 'PLAIN',
    defaultStringType: 'PLAIN',
    doubleQuotedAsJSON: false,
    flowCollectionPadding: true,
  });
  // Comments can carry trailing blanks; scalars never do (see canonScalar).
  out = out.replace(/[ \t]+$/gm, '');
  return `${out.replace(/\n+$/, '')}\n`;
}

export function fileKind(rulesDir: string, file: string): FileKind {
  const rel = relative(rulesDir, file);
  if (rel === 'families.yaml') return 'families';
  if (dirname(rel) === 'vocab') return 'vocab';
  return 'rule';
}

export interface FormatResult {
  /** Files whose text differs from the canonical form (rewritten unless `check`). */
  changed: string[];
  /** Files that could not be formatted (YAML syntax errors). */
  failed: { file: string; line?: number; message: string }[];
  total: number;
}

export function formatRuleSet(rulesDir = 'rules', opts: { check?: boolean } = {}): FormatResult {
  // Reuse the loader's discovery so fmt and validate agree on which files are rule files; the ReDoS
  // check is irrelevant here.
  const loaded = loadRuleSet(rulesDir, { redos: false });
  const res: FormatResult = { changed: [], failed: [], total: 0 };
  const root = realpathSync(rulesDir);
  for (const file of loaded.files) {
    const abs = file.startsWith('/') ? file : join(process.cwd(), file);
    res.total++;
    // A contributed symlink (the file, or a folder on its way) could point anywhere: ~/.bashrc, another
    // repository. fmt only ever rewrites files that really live under the rules folder.
    const real = realpathSync(abs);
    const inside = relative(root, real);
    if (inside.startsWith('..') || isAbsolute(inside)) {
      res.failed.push({
        file: displayPath(abs),
        message: `is a symlink to ${real}, outside ${displayPath(root)}; not formatted`,
      });
      continue;
    }
    const text = readFileSync(real, 'utf8');
    let out: string;
    try {
      out = formatYaml(text, fileKind(rulesDir, abs));
    } catch (e) {
      res.failed.push({ file: displayPath(abs), line: (e as FormatError).line, message: (e as Error).message });
      continue;
    }
    if (out !== text) {
      res.changed.push(displayPath(abs));
      if (!opts.check) writeFileSync(real, out);
    }
  }
  return res;
}
