// `rules validate|test|fmt|build|explain|schema`: the maintainer's loop over rules/.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createEngine } from '../engine/index';
import {
  buildBundle,
  DEFAULT_BUNDLE_OUT,
  DEFAULT_RULES_DIR,
  REPO_ROOT,
  ruleJsonSchema,
  schemaPath,
  writeRuleJsonSchema,
} from '../tooling/build';
import { describeFailure, exampleCases, runExample } from '../tooling/examples';
import { formatRuleSet } from '../tooling/format';
import { checkChannelData } from '../shared/channels-check';
import { displayPath, formatError, hasErrors, loadRuleSet, type RuleError } from '../tooling/load';
import { formatProblems, loadReleaseConfig, RELEASE_CONFIG_FILE } from '../tooling/release-config';
import { type KeyFile, parseKeyFile, readKeyFile, writeSignedUpdate } from '../tooling/sign';
import { EXIT_FINDINGS, EXIT_OK, type Io, parse, UsageError } from './util';

export const RULES_HELP = `Usage: lokeraman rules <command> [--rules DIR]

Commands:
  validate           check every rule, vocabulary and families.yaml, and the help channels
                     (channels/channels.json: warns 6 months after a channel was verified, fails at 12;
                     LOKERAMAN_TODAY=YYYY-MM-DD judges as of another day); print all problems
  test               run every rule's inline examples through the engine
  fmt [--check]      rewrite files in canonical form (--check: only list files that are not)
  build [--out FILE] validate, compile and write the bundle (default src/generated/rules.bundle.json)
                     and refresh rules/schema.json
        [--sign KEYFILE [--update-dir DIR]]
                     also write a signed rule update (default dir dist/rules-update)
  sign (--key FILE | --key-env VAR) [--out DIR] [--config FILE]
                     write what a static host serves: rules-update.json and rules-update.json.sig
                     (default dir dist/rules-update). The key must be an active (unrevoked) key of the
                     release configuration; --key-env reads the key file's JSON from an environment
                     variable (a CI secret), so it never touches the disk.
  explain ID         show a rule: title, message, patterns, references, examples
  schema [--check]   write rules/schema.json from the zod schema (--check: fail when out of date)

Options:
  --rules DIR        rules folder (default: the repository's rules/)
  --json             (validate, test) machine-readable output
  --no-redos         (validate, build) skip the ReDoS check (faster; never in CI)

Exit: 0 ok, 1 problems found, 2 usage error.`;

function printErrors(errors: readonly RuleError[], io: Io): void {
  for (const e of errors) io.err(`${formatError(e)}\n`);
}

function summary(errors: readonly RuleError[]): string {
  const n = errors.filter((e) => e.severity === 'error').length;
  const w = errors.length - n;
  return `${n} error${n === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}`;
}

export async function runRules(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      rules: { type: 'string' },
      json: { type: 'boolean' },
      check: { type: 'boolean' },
      out: { type: 'string' },
      'no-redos': { type: 'boolean' },
      sign: { type: 'string' },
      'update-dir': { type: 'string' },
      key: { type: 'string' },
      'key-env': { type: 'string' },
      config: { type: 'string' },
    },
    RULES_HELP,
  );
  const [cmd, ...rest] = positionals;
  if (values.help || cmd === 'help') {
    io.out(`${RULES_HELP}\n`);
    return EXIT_OK;
  }
  if (!cmd) throw new UsageError('rules needs a command', RULES_HELP);
  const rulesDir = values.rules ?? DEFAULT_RULES_DIR;
  const redos = !values['no-redos'];
  const noExtra = () => {
    if (rest.length) throw new UsageError(`unexpected argument: ${rest[0]}`, RULES_HELP);
  };

  switch (cmd) {
    case 'validate': {
      noExtra();
      const r = loadRuleSet(rulesDir, { redos });
      const errors = [...r.errors, ...channelErrors(rulesDir)];
      if (values.json) {
        io.out(
          `${JSON.stringify({ ok: !hasErrors(errors), rules: r.rules.length, vocabs: r.vocabs.length, errors }, null, 2)}\n`,
        );
      } else {
        printErrors(errors, io);
        io.out(
          `${r.rules.length} rules, ${r.vocabs.length} vocabularies, ${r.files.length} files: ${summary(errors)}\n`,
        );
      }
      return hasErrors(errors) ? EXIT_FINDINGS : EXIT_OK;
    }
    case 'test':
      noExtra();
      return rulesTest(rulesDir, Boolean(values.json), io);
    case 'fmt': {
      noExtra();
      const r = formatRuleSet(rulesDir, { check: Boolean(values.check) });
      for (const f of r.failed) io.err(`${f.file}${f.line ? `:${f.line}` : ''}: cannot format: ${f.message}\n`);
      for (const f of r.changed) io.out(`${values.check ? 'not canonical' : 'formatted'}: ${f}\n`);
      io.out(
        `${r.total} files, ${r.changed.length} ${values.check ? 'not canonical' : 'rewritten'}, ${r.failed.length} unreadable\n`,
      );
      if (r.failed.length) return EXIT_FINDINGS;
      return values.check && r.changed.length ? EXIT_FINDINGS : EXIT_OK;
    }
    case 'build': {
      noExtra();
      const out = values.out ?? DEFAULT_BUNDLE_OUT;
      const r = buildBundle({ rulesDir, out, redos });
      printErrors(r.errors, io);
      if (!r.ok) {
        io.err(`build failed: ${summary(r.errors)}\n`);
        return EXIT_FINDINGS;
      }
      const schemaChanged = writeRuleJsonSchema(rulesDir);
      const c = r.counts;
      const kinds = Object.entries(c.byKind)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ');
      io.out(
        `bundle ${r.bundle?.version}: ${c.rules} rules (${kinds}), ${c.vocabs} vocabularies (${c.terms} terms), ${c.families} families -> ${displayPath(r.outFile ?? out)} (${r.bytes} bytes)\n`,
      );
      if (schemaChanged) io.out(`updated ${displayPath(schemaPath(rulesDir))}\n`);
      if (values.sign) {
        // Same version string as the bundle just written, so the signed update and the bundle agree.
        const signed = await writeSignedUpdate({
          rulesDir,
          keyFile: values.sign,
          outDir: values['update-dir'] ?? join(REPO_ROOT, 'dist', 'rules-update'),
          version: r.bundle?.version,
        });
        printErrors(signed.errors, io);
        if (!signed.ok) return EXIT_FINDINGS;
        io.out(
          `signed update ${signed.version} -> ${displayPath(signed.payloadFile ?? '')} + .sig (${signed.bytes} bytes)\n`,
        );
      }
      return EXIT_OK;
    }
    case 'sign': {
      noExtra();
      return rulesSign(rulesDir, values, io);
    }
    case 'schema': {
      noExtra();
      const p = schemaPath(rulesDir);
      if (values.check) {
        const current = existsSync(p) && readFileSync(p, 'utf8') === ruleJsonSchema();
        io.out(
          current
            ? `${displayPath(p)} is up to date\n`
            : `${displayPath(p)} is out of date: run \`lokeraman rules schema\`\n`,
        );
        return current ? EXIT_OK : EXIT_FINDINGS;
      }
      const changed = writeRuleJsonSchema(rulesDir);
      io.out(`${changed ? 'wrote' : 'unchanged'}: ${displayPath(p)}\n`);
      return EXIT_OK;
    }
    case 'explain': {
      if (rest.length !== 1) throw new UsageError('rules explain needs exactly one rule id', RULES_HELP);
      return explain(rulesDir, rest[0], io);
    }
    default:
      throw new UsageError(`unknown rules command: ${cmd}`, RULES_HELP);
  }
}

/** channels/channels.json beside the rules, when there is one (a custom rules folder may have none). */
function channelErrors(rulesDir: string): RuleError[] {
  const file = join(rulesDir, 'channels', 'channels.json');
  if (!existsSync(file)) return [];
  const shown = displayPath(file);
  const today = process.env.LOKERAMAN_TODAY ? new Date(`${process.env.LOKERAMAN_TODAY}T12:00:00Z`) : new Date();
  if (Number.isNaN(today.getTime())) {
    return [{ code: 'CHANNEL_E_TODAY', severity: 'error', file: shown, message: 'LOKERAMAN_TODAY must be YYYY-MM-DD' }];
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return [{ code: 'CHANNEL_E_JSON', severity: 'error', file: shown, message: (e as Error).message }];
  }
  return checkChannelData(data, today).map((f) => ({
    code: f.code,
    severity: f.severity,
    file: shown,
    ...(f.channelId ? { ruleId: f.channelId } : {}),
    message: f.message,
  }));
}

function rulesTest(rulesDir: string, json: boolean, io: Io): number {
  const built = buildBundle({ rulesDir, out: null, redos: false, version: 'test' });
  if (!built.ok || !built.bundle) {
    printErrors(built.errors, io);
    io.err(`cannot test: the rules do not compile (${summary(built.errors)})\n`);
    return EXIT_FINDINGS;
  }
  const engine = createEngine(built.bundle);
  const results = exampleCases(built.load.rules).map((c) => runExample(engine, c));
  const failed = results.filter((r) => !r.pass && (r.kind === 'match' || r.kind === 'no_match'));
  const todo = results.filter((r) => r.kind === 'todo_match' || r.kind === 'todo_no_match');
  const fixedTodo = todo.filter((r) => r.pass);
  if (json) {
    io.out(
      `${JSON.stringify(
        {
          ok: failed.length === 0,
          examples: results.length,
          failed: failed.map((r) => ({
            rule: r.ruleId,
            kind: r.kind,
            n: r.n,
            file: r.file,
            line: r.line,
            text: r.text,
            fired: r.fired,
          })),
          todo: todo.map((r) => ({
            rule: r.ruleId,
            kind: r.kind,
            n: r.n,
            file: r.file,
            line: r.line,
            nowPasses: r.pass,
          })),
        },
        null,
        2,
      )}\n`,
    );
  } else {
    for (const r of failed) io.err(`FAIL ${describeFailure(r)}\n`);
    for (const r of todo) {
      io.out(
        `todo ${r.file}:${r.line}: rule ${r.ruleId} ${r.kind} #${r.n}: ${r.pass ? `now passes: move it to ${r.kind.slice(5)}` : 'still open'}\n`,
      );
    }
    const core = results.length - todo.length;
    io.out(
      `${built.load.rules.length} rules, ${core} examples: ${core - failed.length} passed, ${failed.length} failed; ${todo.length} todo (${fixedTodo.length} now pass)\n`,
    );
  }
  return failed.length ? EXIT_FINDINGS : EXIT_OK;
}

function explain(rulesDir: string, id: string, io: Io): number {
  const r = loadRuleSet(rulesDir, { redos: false });
  const lr = r.rules.find((x) => x.rule.id === id);
  if (!lr) {
    const near = nearIds(
      id,
      r.rules.map((x) => x.rule.id),
    );
    io.err(`no rule \`${id}\`${near.length ? `; did you mean ${near.join(', ')}?` : ''}\n`);
    return EXIT_FINDINGS;
  }
  const rule = lr.rule;
  const lines: string[] = [];
  lines.push(
    `${rule.id}  (${rule.kind}${rule.gate ? `: ${rule.gate}` : ''}, family ${rule.family}, weight ${rule.weight}, added ${rule.added})`,
  );
  lines.push(`file: ${relative(process.cwd(), lr.file) || lr.file}`);
  lines.push(`languages: ${rule.languages.join(', ')}`);
  lines.push('', 'title:');
  for (const [k, v] of Object.entries(rule.title)) if (v) lines.push(`  ${k}: ${v}`);
  lines.push('message:');
  for (const [k, v] of Object.entries(rule.message)) if (v) lines.push(`  ${k}: ${v}`);
  lines.push('', 'fires when ANY of:');
  for (const p of rule.match) lines.push(...patternLines(p, '  - '));
  if (rule.unless?.length) {
    lines.push('unless ANY of:');
    for (const p of rule.unless) lines.push(...patternLines(p, '  - '));
  }
  lines.push('', 'references:');
  for (const ref of rule.references) lines.push(`  - ${ref.title}\n    ${ref.url}`);
  lines.push('', 'examples:');
  for (const kind of ['match', 'no_match', 'todo_match', 'todo_no_match'] as const) {
    const list = rule.examples[kind];
    if (!list?.length) continue;
    lines.push(`  ${kind}:`);
    list.forEach((t, i) => {
      lines.push(`    #${i + 1} ${t}`);
    });
  }
  io.out(`${lines.join('\n')}\n`);
  return EXIT_OK;
}

type P = import('../engine/schema').Pattern;
function patternLines(p: P, prefix: string): string[] {
  const pad = ' '.repeat(prefix.length);
  if ('terms' in p) return [`${prefix}terms: ${p.terms.join(' | ')}`];
  if ('near' in p) {
    return [
      `${prefix}near (within ${p.near.within} words): ${p.near.terms.join(' | ')}  WITH  ${p.near.with.join(' | ')}`,
    ];
  }
  if ('regex' in p) return [`${prefix}regex: /${p.regex}/${p.flags ?? ''}`];
  if ('money' in p) {
    return [
      `${prefix}money >= ${p.money.min_idr_month.toLocaleString('en')} IDR/month${p.money.currencies ? ` in ${p.money.currencies.join(', ')}` : ''}`,
    ];
  }
  if ('phone' in p) return [`${prefix}phone number from: ${p.phone.countries.join(', ')}`];
  if ('link' in p) return [`${prefix}link to: ${p.link.hosts.join(', ')}`];
  if ('flag' in p) return [`${prefix}rule fired: ${p.flag}`];
  if ('families' in p) return [`${prefix}signals from at least ${p.families.min} of: ${p.families.of.join(', ')}`];
  const [name, list] = 'all' in p ? ['ALL of', p.all] : ['ANY of', p.any];
  return [`${prefix}${name}:`, ...list.flatMap((q) => patternLines(q, `${pad}  - `))];
}

async function rulesSign(
  rulesDir: string,
  values: { key?: string; 'key-env'?: string; out?: string; config?: string },
  io: Io,
): Promise<number> {
  if (Boolean(values.key) === Boolean(values['key-env'])) {
    throw new UsageError('rules sign needs exactly one of --key FILE or --key-env VAR', RULES_HELP);
  }
  let key: KeyFile;
  try {
    if (values.key) key = readKeyFile(values.key);
    else {
      const name = values['key-env'] as string;
      const secret = process.env[name];
      if (!secret) throw new Error(`environment variable ${name} is empty or unset`);
      key = parseKeyFile(secret, `$${name}`);
    }
  } catch (error) {
    io.err(`rules sign: ${(error as Error).message}\n`);
    return EXIT_FINDINGS;
  }
  // Browsers accept only the configuration's active keys: signing with any other would publish an
  // update every install refuses, silently.
  const configFile = resolve(values.config || process.env.LOKERAMAN_RELEASE_CONFIG || RELEASE_CONFIG_FILE);
  const loaded = loadReleaseConfig(configFile);
  if (!loaded.ok) {
    io.err(`${formatProblems(displayPath(configFile), loaded.problems)}\n`);
    return EXIT_FINDINGS;
  }
  const listed = loaded.config.trustedKeys.find((entry) => entry.kid === key.kid);
  if (!listed || listed.publicKey !== key.publicKey) {
    io.err(
      `rules sign: key ${key.kid} is not in ${displayPath(configFile)} trustedKeys; browsers would refuse the update\n`,
    );
    return EXIT_FINDINGS;
  }
  if (listed.revoked) {
    io.err(
      `rules sign: key ${key.kid} was revoked on ${listed.revoked.date} (${listed.revoked.reason}); sign with an active key\n`,
    );
    return EXIT_FINDINGS;
  }
  const signed = await writeSignedUpdate({
    rulesDir,
    keyFile: key,
    outDir: resolve(values.out ?? join(REPO_ROOT, 'dist', 'rules-update')),
  });
  printErrors(signed.errors, io);
  if (!signed.ok) return EXIT_FINDINGS;
  io.out(
    `signed update ${signed.version} with key ${key.kid} -> ${displayPath(signed.payloadFile ?? '')} + .sig (${signed.bytes} bytes)\n`,
  );
  return EXIT_OK;
}

/**
 * Ids a mistyped one was probably meant to be: the closest by edit distance (a typo, a missing letter,
 * `contry` for `country`), then ids that contain it or that it contains (`kamboja` → `dest-kamboja-town`).
 */
export function nearIds(wanted: string, ids: readonly string[], max = 5): string[] {
  const query = wanted.toLowerCase();
  const budget = Math.max(2, Math.floor(query.length / 4));
  const scored = ids
    .map((id) => ({ id, distance: editDistance(query, id.toLowerCase()) }))
    .filter(
      ({ id, distance }) => distance <= budget || id.toLowerCase().includes(query) || query.includes(id.toLowerCase()),
    )
    .sort((a, b) => a.distance - b.distance || a.id.localeCompare(b.id));
  return scored.slice(0, max).map(({ id }) => id);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
