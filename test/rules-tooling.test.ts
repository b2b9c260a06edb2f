// The rule tooling itself: located, coded errors on broken fixtures; canonical formatting; bundle build;
// rules/schema.json kept in step with the zod schema; every real rule file already canonical.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildBundle, bundleVersion, DEFAULT_RULES_DIR, ruleJsonSchema, schemaPath } from '../src/tooling/build';
import { fileKind, formatRuleSet, formatYaml } from '../src/tooling/format';
import { formatError, hasErrors, loadRuleSet, type RuleError } from '../src/tooling/load';

const FIX = join(import.meta.dirname, 'fixtures', 'rules');
const tmpDirs: string[] = [];
afterAll(() => {
  for (const d of tmpDirs) rmSync(d, { recursive: true, force: true });
});
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'lokeraman-rules-'));
  tmpDirs.push(d);
  return d;
}

function only(errors: RuleError[], code: string): RuleError {
  const hits = errors.filter((e) => e.code === code);
  expect(hits, `expected exactly one ${code}, got:\n${errors.map(formatError).join('\n')}`).toHaveLength(1);
  return hits[0];
}

describe('broken rule fixtures name file, line and rule id', () => {
  it('schema: wrong type and unknown key, at their lines', () => {
    const { errors } = loadRuleSet(join(FIX, 'broken-schema'));
    const schema = errors.filter((e) => e.code === 'RULE_E_SCHEMA');
    expect(schema).toHaveLength(2);
    const weight = schema.find((e) => e.message.includes('weight'));
    expect(weight).toMatchObject({ line: 4, col: 1, ruleId: 'bad-schema', severity: 'error' });
    expect(weight?.file).toMatch(/broken-schema\/t\/bad-schema\.yaml$/);
    const colour = schema.find((e) => e.message.includes('colour'));
    expect(colour).toMatchObject({ line: 5, ruleId: 'bad-schema' });
    expect(formatError(weight as RuleError)).toMatch(/bad-schema\.yaml:4:1: error RULE_E_SCHEMA \[bad-schema\]/);
  });

  it('duplicate id across themes points at the second file and names the first', () => {
    const { errors } = loadRuleSet(join(FIX, 'broken-duplicate'));
    const e = only(errors, 'RULE_E_DUPLICATE_ID');
    expect(e.file).toMatch(/broken-duplicate\/b\/dup-rule\.yaml$/);
    expect(e).toMatchObject({ line: 1, ruleId: 'dup-rule' });
    expect(e.message).toMatch(/broken-duplicate\/a\/dup-rule\.yaml/);
  });

  it('id different from the file name', () => {
    const e = only(loadRuleSet(join(FIX, 'broken-id')).errors, 'RULE_E_ID_MISMATCH');
    expect(e.file).toMatch(/some-name\.yaml$/);
    expect(e).toMatchObject({ line: 1, ruleId: 'other-name' });
  });

  it('ReDoS-prone regex (a+)+$ is RULE_E_REDOS at the regex line', () => {
    const e = only(loadRuleSet(join(FIX, 'broken-redos')).errors, 'RULE_E_REDOS');
    expect(e).toMatchObject({ line: 15, col: 5, ruleId: 'slow-regex', severity: 'error' });
    expect(e.message).toMatch(/exponential/);
  });

  it('the ReDoS check can be skipped for speed, and then the rule loads clean', () => {
    const r = loadRuleSet(join(FIX, 'broken-redos'), { redos: false });
    expect(r.errors).toEqual([]);
  });

  it('unknown vocabulary reference, at the term line', () => {
    const e = only(loadRuleSet(join(FIX, 'broken-vocab')).errors, 'RULE_E_UNKNOWN_VOCAB');
    expect(e).toMatchObject({ line: 16, ruleId: 'missing-vocab' });
    expect(e.message).toMatch(/@no-such-list/);
  });

  it('YAML syntax error', () => {
    const r = loadRuleSet(join(FIX, 'broken-yaml'));
    const e = r.errors.find((x) => x.code === 'RULE_E_YAML');
    expect(e).toBeDefined();
    expect(e).toMatchObject({ line: 7, ruleId: 'bad-yaml' });
    expect(e?.file).toMatch(/bad-yaml\.yaml$/);
    expect(r.rules).toHaveLength(0);
  });

  it('collects every problem of a folder in one pass', () => {
    const dir = tmp();
    cpSync(join(FIX, 'good'), dir, { recursive: true });
    for (const b of ['broken-schema', 'broken-id', 'broken-redos', 'broken-vocab', 'broken-yaml']) {
      cpSync(join(FIX, b, 't'), join(dir, 't'), { recursive: true });
    }
    // same id as a good rule, in another theme
    cpSync(join(FIX, 'good', 'pay', 'fixture-pay.yaml'), join(dir, 't', 'fixture-pay.yaml'));
    const codes = new Set(loadRuleSet(dir).errors.map((e) => e.code));
    for (const c of [
      'RULE_E_SCHEMA',
      'RULE_E_DUPLICATE_ID',
      'RULE_E_ID_MISMATCH',
      'RULE_E_REDOS',
      'RULE_E_UNKNOWN_VOCAB',
      'RULE_E_YAML',
    ]) {
      expect(codes, c).toContain(c);
    }
  });

  it('semantic checks: unknown family, flag outside combo, unknown flag, gate without gate value, few examples', () => {
    const dir = tmp();
    cpSync(join(FIX, 'good'), dir, { recursive: true });
    const p = join(dir, 'pay', 'fixture-pay.yaml');
    const text = readFileSync(p, 'utf8')
      .replace('family: pay', 'family: nosuchfamily')
      .replace('  - regex: gaji\\s+\\d+\\s*juta', '  - flag: nosuchrule')
      .replace('    - tunjangan makan\n', '');
    writeFileSync(p, text);
    const g = join(dir, 'job', 'fixture-gate.yaml');
    writeFileSync(g, readFileSync(g, 'utf8').replace('gate: job-offer\n', ''));
    const { errors } = loadRuleSet(dir);
    const codes = errors.map((e) => e.code);
    expect(codes).toContain('RULE_E_EXAMPLES');
    // the schema failure (one no_match example) keeps the rule out, so its semantic checks wait
    const g2 = errors.find((e) => e.code === 'RULE_E_GATE');
    expect(g2).toMatchObject({ ruleId: 'fixture-gate', line: 2 });
    writeFileSync(p, text.replace('    - gaji sesuai umr\n', '    - gaji sesuai umr\n    - tunjangan makan\n'));
    const codes2 = loadRuleSet(dir).errors.map((e) => e.code);
    expect(codes2).toEqual(
      expect.arrayContaining(['RULE_E_UNKNOWN_FAMILY', 'RULE_E_FLAG_KIND', 'RULE_E_UNKNOWN_FLAG']),
    );
  });

  it('a missing reference list is its own code', () => {
    const dir = tmp();
    cpSync(join(FIX, 'good'), dir, { recursive: true });
    const p = join(dir, 'pay', 'fixture-pay.yaml');
    writeFileSync(p, readFileSync(p, 'utf8').replace(/references:\n(?: {2}.*\n)+/, 'references: []\n'));
    const e = only(loadRuleSet(dir).errors, 'RULE_E_NO_REFERENCE');
    expect(e).toMatchObject({ ruleId: 'fixture-pay', line: 21 });
  });
});

describe('good fixture set', () => {
  const good = join(FIX, 'good');

  it('loads without errors or warnings', () => {
    const r = loadRuleSet(good);
    expect(r.errors.map(formatError)).toEqual([]);
    expect(r.rules.map((x) => x.rule.id).sort()).toEqual([
      'fixture-combo',
      'fixture-destination',
      'fixture-gate',
      'fixture-pay',
    ]);
    expect(r.vocabs).toHaveLength(1);
    expect(r.families?.thresholds.medium).toBe(30);
  });

  it('is already in canonical form', () => {
    const r = formatRuleSet(good, { check: true });
    expect(r.total).toBe(6);
    expect(r.changed).toEqual([]);
    expect(r.failed).toEqual([]);
  });

  it('builds a bundle file with every rule', () => {
    const out = join(tmp(), 'bundle.json');
    const r = buildBundle({ rulesDir: good, out, version: '9.9.9+test' });
    expect(r.errors.map(formatError)).toEqual([]);
    expect(r.ok).toBe(true);
    const bundle = JSON.parse(readFileSync(out, 'utf8'));
    expect(bundle.version).toBe('9.9.9+test');
    expect(bundle.rules.map((x: { id: string }) => x.id).sort()).toEqual([
      'fixture-combo',
      'fixture-destination',
      'fixture-gate',
      'fixture-pay',
    ]);
    expect(r.counts).toMatchObject({
      rules: 4,
      vocabs: 1,
      terms: 3,
      families: 4,
      byKind: { signal: 2, combo: 1, gate: 1 },
    });
  });

  it('refuses to build a broken set', () => {
    const r = buildBundle({ rulesDir: join(FIX, 'broken-vocab'), out: null });
    expect(r.ok).toBe(false);
    expect(hasErrors(r.errors)).toBe(true);
    expect(r.bundle).toBeUndefined();
  });
});

describe('canonical formatting', () => {
  const messy = `---
# yaml-language-server: $schema=../schema.json
examples: {match: ["b one", 'a two'], no_match: [c, d]}
id: 'x-y'
kind: signal
match:
  - near: {with: [zeta, Alpha], terms: [b, a, A, "@v"], within: 3}
  # second pattern
  - terms: [Zed, alpha, beta, Beta]
added: 2026-01-01
title: {id: Judul, en: "Title"}
weight: 0.50
message:
  en: "line one\\nline two"
  id: teks
`;

  it('orders keys as the schema, sorts and dedups terms, block style, keeps comments', () => {
    expect(formatYaml(messy, 'rule')).toBe(`# yaml-language-server: $schema=../schema.json
id: x-y
kind: signal
weight: 0.5
title:
  en: Title
  id: Judul
message:
  en: |-
    line one
    line two
  id: teks
match:
  - near:
      terms:
        - "@v"
        - a
        - b
      with:
        - Alpha
        - zeta
      within: 3
  # second pattern
  - terms:
      - alpha
      - beta
      - Zed
added: 2026-01-01
examples:
  match:
    - b one
    - a two
  no_match:
    - c
    - d
`);
  });

  it('is idempotent, LF-only, without trailing spaces', () => {
    const once = formatYaml(messy.replace(/\n/g, '\r\n'), 'rule');
    expect(formatYaml(once, 'rule')).toBe(once);
    expect(once).not.toMatch(/\r|[ \t]$/m);
    expect(once.endsWith('\n') && !once.endsWith('\n\n')).toBe(true);
  });

  it('sorts vocabulary terms and keeps families key order', () => {
    expect(formatYaml('terms: [b, B, a]\nname: v\ndescription: d\n', 'vocab')).toBe(
      'name: v\ndescription: d\nterms:\n  - a\n  - b\n',
    );
    expect(fileKind('rules', 'rules/vocab/x.yaml')).toBe('vocab');
    expect(fileKind('rules', 'rules/families.yaml')).toBe('families');
    expect(fileKind('rules', 'rules/pay/x.yaml')).toBe('rule');
  });

  it('fmt --check lists a non-canonical file and fmt rewrites it', () => {
    const dir = tmp();
    cpSync(join(FIX, 'good'), dir, { recursive: true });
    const p = join(dir, 'job', 'fixture-gate.yaml');
    writeFileSync(
      p,
      readFileSync(p, 'utf8').replace('      - loker\n      - lowongan\n', '      - lowongan\n      - loker\n'),
    );
    const check = formatRuleSet(dir, { check: true });
    expect(check.changed).toHaveLength(1);
    expect(check.changed[0]).toMatch(/fixture-gate\.yaml$/);
    formatRuleSet(dir);
    expect(formatRuleSet(dir, { check: true }).changed).toEqual([]);
    expect(readFileSync(p, 'utf8')).toContain('      - loker\n      - lowongan\n');
  });
});

describe('the real rules/ folder', () => {
  it('rules/schema.json matches the zod schema (run `lokeraman rules schema`)', () => {
    const p = schemaPath(DEFAULT_RULES_DIR);
    expect(existsSync(p), `${p} is missing`).toBe(true);
    expect(readFileSync(p, 'utf8')).toBe(ruleJsonSchema());
  });

  it('every rule, vocabulary and families file is canonical: format(parse(file)) == file', () => {
    const r = formatRuleSet(DEFAULT_RULES_DIR, { check: true });
    const ruleFiles = loadRuleSet(DEFAULT_RULES_DIR, { redos: false }).files.filter(
      (f) => fileKind(DEFAULT_RULES_DIR, join(process.cwd(), f)) === 'rule',
    );
    // Not vacuous: there must be rule files to check.
    expect(ruleFiles.length, 'no rule files in rules/<theme>/').toBeGreaterThan(0);
    expect(r.failed).toEqual([]);
    expect(r.changed, 'not canonical; run `lokeraman rules fmt`').toEqual([]);
  });

  it('bundle version is <package version>+<YYYYMMDD.HHMM>', () => {
    expect(bundleVersion(new Date(Date.UTC(2026, 0, 2, 3, 4)))).toMatch(/^\d+\.\d+\.\d+.*\+20260102\.0304$/);
  });
});
