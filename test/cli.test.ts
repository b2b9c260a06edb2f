// The CLI as users and outside evaluators run it: spawned, reading files/stdin, exit codes, stdout/stderr.
// Contract tests use the fixture rule set so they do not move when the real rules change.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateKeyFile } from '../src/tooling/sign';

const ROOT = join(import.meta.dirname, '..');
const GOOD = join(ROOT, 'test', 'fixtures', 'rules', 'good');
const MINI = join(ROOT, 'test', 'eval', 'fixtures');

function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli', 'index.ts'), ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const SCAM = 'Lowongan kerja di Kamboja, gaji 30 juta per bulan';

describe('scan --jsonl (outside evaluation contract)', () => {
  it('writes one line per input line, in order; bad lines become {"line","error"}; summary on stderr', () => {
    const input = [
      JSON.stringify({ id: 'a', text: SCAM, extra: 'ignored' }),
      '{not json',
      JSON.stringify({ id: 'c' }),
      '',
      JSON.stringify({ id: 5, text: 'Resep nasi goreng kampung' }),
      JSON.stringify(['an', 'array']),
    ].join('\n');
    const r = cli(['scan', '--jsonl', '-', '--rules', GOOD], `${input}\n`);
    const lines = r.out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(6);

    expect(Object.keys(lines[0])).toEqual(['id', 'risk', 'score', 'lang', 'flags']);
    expect(lines[0].id).toBe('a');
    expect(['low', 'medium', 'high']).toContain(lines[0].risk);
    const dest = lines[0].flags.find((f: { id: string }) => f.id === 'fixture-destination');
    expect(dest).toBeDefined();
    expect(Object.keys(dest)).toEqual(['id', 'evidence']);
    const ev = dest.evidence[0];
    expect(Object.keys(ev)).toEqual(['text', 'start', 'end']);
    expect(SCAM.slice(ev.start, ev.end)).toBe(ev.text);
    expect(ev.text.toLowerCase()).toBe('kamboja');

    expect(lines[1]).toEqual({ line: 2, error: expect.stringMatching(/invalid JSON/) });
    expect(lines[2]).toEqual({ line: 3, error: expect.stringMatching(/text/) });
    expect(lines[3]).toEqual({ line: 4, error: 'no text (blank line)' });
    expect(lines[4]).toMatchObject({ id: 5, risk: 'none', flags: [] });
    expect(lines[5]).toEqual({ line: 6, error: expect.any(String) });

    expect(r.err).toMatch(/scanned 6 lines/);
    expect(r.err).toMatch(/4 bad/);
    expect(r.code).toBe(1);
  });

  it('exits 0 when every line was analysed, reading a file and keeping order over many lines', () => {
    const n = 1500;
    const input = Array.from({ length: n }, (_, i) =>
      JSON.stringify({ id: `r${i}`, text: i % 3 ? 'kerja di bandung' : SCAM }),
    ).join('\n');
    const r = cli(['scan', '--jsonl', '-', '--rules', GOOD], input);
    expect(r.code).toBe(0);
    const lines = r.out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(Array.from({ length: n }, (_, i) => `r${i}`));
    expect(r.out.split('\n').length).toBe(n + 1);
  });

  it('a missing input file is a usage error', () => {
    const r = cli(['scan', '--jsonl', join(MINI, 'nope.jsonl'), '--rules', GOOD]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot read/);
    expect(r.out).toBe('');
  });
});

describe('check', () => {
  it('--json prints the verdict shape and exits 1 at medium or high risk', () => {
    const r = cli(['check', '-', '--json', '--rules', GOOD], SCAM);
    const v = JSON.parse(r.out);
    expect(Object.keys(v)).toEqual(expect.arrayContaining(['risk', 'score', 'lang', 'flags', 'isJobOffer']));
    expect(v.flags.map((f: { id: string }) => f.id)).toEqual(
      expect.arrayContaining(['fixture-destination', 'fixture-pay', 'fixture-combo']),
    );
    expect(v.flags[0]).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        title: expect.any(String),
        message: expect.any(String),
        evidence: expect.any(Array),
      }),
    );
    expect(['medium', 'high']).toContain(v.risk);
    expect(r.code).toBe(1);
  });

  it('human output shows risk, reasons and [[highlighted]] evidence when not a terminal; --lang en', () => {
    const r = cli(['check', '--lang', 'en', '--rules', GOOD], SCAM);
    expect(r.out).toMatch(/Risk: (MEDIUM|HIGH)/);
    expect(r.out).toMatch(/Score: \d/);
    expect(r.out).toContain('Fixture destination');
    expect(r.out).toContain('[[Kamboja]]');
    expect(r.out).not.toContain('\x1b[');
  });

  it('a harmless text exits 0', () => {
    const r = cli(['check', '--rules', GOOD], 'Resep nasi goreng kampung');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Risk: NONE/);
  });
});

describe('usage errors exit 2 and --help exits 0', () => {
  it.each([
    [['frobnicate']],
    [['check', '--bogus']],
    [['check', '--lang', 'fr', '-']],
    [['scan']],
    [['rules']],
    [['rules', 'explode']],
    [['eval']],
    [[]],
  ])('%j', (args) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expect(r.err.length + r.out.length).toBeGreaterThan(0);
  });

  it.each([['check'], ['scan'], ['rules'], ['eval']])('%s --help', (cmd) => {
    const r = cli([cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: lokeraman/);
  });

  it('the bin shim runs', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'lokeraman.mjs'), '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Usage: lokeraman <command>/);
  });
});

describe('rules commands', () => {
  it('validate: 0 on a good set, 1 with file:line:col and rule id on a broken one', () => {
    expect(cli(['rules', 'validate', '--rules', GOOD]).code).toBe(0);
    const r = cli(['rules', 'validate', '--rules', join(ROOT, 'test', 'fixtures', 'rules', 'broken-redos')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/slow-regex\.yaml:15:5: error RULE_E_REDOS \[slow-regex\]/);
  });

  it('validate --json', () => {
    const r = cli([
      'rules',
      'validate',
      '--json',
      '--no-redos',
      '--rules',
      join(ROOT, 'test', 'fixtures', 'rules', 'broken-id'),
    ]);
    const j = JSON.parse(r.out);
    expect(j.ok).toBe(false);
    expect(j.errors[0]).toMatchObject({ code: 'RULE_E_ID_MISMATCH', line: 1, ruleId: 'other-name' });
  });

  it('test: runs every example of the fixture rules', () => {
    const r = cli(['rules', 'test', '--rules', GOOD]);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/4 rules, 16 examples: 16 passed, 0 failed/);
    expect(r.code).toBe(0);
  });

  it('explain shows patterns, references and examples', () => {
    const r = cli(['rules', 'explain', 'fixture-pay', '--rules', GOOD]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('regex: /gaji\\s+\\d+\\s*juta/');
    expect(r.out).toContain('near (within 3 words): gaji  WITH  fantastis');
    expect(r.out).toContain('https://example.org/pay');
    expect(r.out).toContain('#2 gaji sangat fantastis');
    expect(cli(['rules', 'explain', 'nope', '--rules', GOOD]).code).toBe(1);
  });

  it('build writes the bundle and, with --sign, a signed update of the same version', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lokeraman-cli-'));
    try {
      const key = join(dir, 'key.json');
      await generateKeyFile(key, 'test');
      const out = join(dir, 'bundle.json');
      const upd = join(dir, 'update');
      // a copy: build also refreshes <rules>/schema.json
      const rules = join(dir, 'rules');
      cpSync(GOOD, rules, { recursive: true });
      const r = cli(['rules', 'build', '--rules', rules, '--out', out, '--sign', key, '--update-dir', upd]);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      const bundle = JSON.parse(readFileSync(out, 'utf8'));
      expect(bundle.rules).toHaveLength(4);
      expect(r.out).toMatch(/bundle \S+: 4 rules/);
      const payload = JSON.parse(readFileSync(join(upd, 'rules-update.json'), 'utf8'));
      expect(payload.meta.version).toBe(bundle.version);
      expect(existsSync(join(upd, 'rules-update.json.sig'))).toBe(true);
      expect(readFileSync(join(rules, 'schema.json'), 'utf8')).toContain('LokerAman rule');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fmt --check: 0 on the canonical fixture set', () => {
    const r = cli(['rules', 'fmt', '--check', '--rules', GOOD]);
    expect(r.out).toMatch(/6 files, 0 not canonical/);
    expect(r.code).toBe(0);
  });
});

describe('eval', () => {
  it('JSONL with a label: per-rule counts, rates, precision and recall', () => {
    const r = cli(['eval', '--corpus', join(MINI, 'mini.jsonl'), '--label', 'scam', '--json', '--rules', GOOD]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.n).toBe(4);
    expect(j.textField).toBe('text');
    expect(j.perRule['fixture-destination'].count).toBe(2);
    expect(j.confusion.tp + j.confusion.fn).toBe(2);
    expect(j.confusion.fp + j.confusion.tn).toBe(2);
    expect(j.recall).toBeGreaterThan(0);
  });

  it('CSV with a quoted multi-line field and a semicolon delimiter', () => {
    const r = cli(['eval', '--corpus', join(MINI, 'mini.csv'), '--label', 'label', '--rules', GOOD]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/mini\.csv: 2 texts \(field "description"/);
    expect(r.out).toMatch(/fixture-destination\s+1\s+50\.00/);
    expect(r.out).toMatch(/precision .*recall/);
  });

  it('an unknown field is a usage error', () => {
    expect(cli(['eval', '--corpus', join(MINI, 'mini.jsonl'), '--text', 'nope', '--rules', GOOD]).code).toBe(2);
  });
});

describe('CLI polish (issue 18) and hostile input (issue 15)', () => {
  it('check: empty input says "no text" and exits 2', () => {
    const r = cli(['check', '-', '--rules', GOOD], '  \n');
    expect(r.code).toBe(2);
    expect(r.err).toContain('no text');
    expect(r.out).toBe('');
  });

  it('check: terminal control characters from the post are printed as escapes, never raw', () => {
    // OSC (retitle the terminal), CSI clear-screen, an 8-bit CSI, a backspace and a bidi override.
    const hostile = `${SCAM} \x1b]0;owned\x07 \x1b[2J \u009b31m ad\bmin \u202egnp.exe`;
    for (const args of [
      ['check', '-', '--rules', GOOD],
      ['check', '-', '--rules', GOOD, '--lang', 'en'],
    ]) {
      const r = cli(args, hostile);
      expect(r.code).toBe(1);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for raw control characters
      expect(r.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
      expect(r.out).toContain('\\u001b]0;owned\\u0007');
      expect(r.out).toContain('\\u009b31m');
      expect(r.out).toContain('\\u202egnp.exe');
    }
  });

  it('check: a megabyte of text is not echoed back, and the output says how much was left out', () => {
    const big = `${SCAM}. ${'Pekerjaan kantor biasa di Jakarta. '.repeat(30_000)}`;
    const r = cli(['check', '-', '--rules', GOOD], big);
    expect(big.length).toBeGreaterThan(1_000_000);
    expect(r.out.length).toBeLessThan(10_000);
    expect(r.out).toMatch(/… [\d,]+ more characters not shown/);
  });

  it('scan: empty text is "no text"; a truncated analysis is marked "truncated": true, others carry no key', () => {
    const input = [
      JSON.stringify({ id: 'empty', text: '   ' }),
      JSON.stringify({ id: 'long', text: `${SCAM} ${'x '.repeat(60_000)}` }),
      JSON.stringify({ id: 'short', text: SCAM }),
    ].join('\n');
    const lines = cli(['scan', '--jsonl', '-', '--rules', GOOD], `${input}\n`)
      .out.trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ line: 1, error: 'no text ("text" is empty)' });
    expect(lines[1]).toMatchObject({ id: 'long', truncated: true });
    expect(lines[2].id).toBe('short');
    expect('truncated' in lines[2]).toBe(false);
    const none = cli(['scan', '--jsonl', '-', '--rules', GOOD], '');
    expect(none.code).toBe(1);
    expect(none.err).toContain('no text');
  });

  function copyOfGood(): string {
    const dir = mkdtempSync(join(tmpdir(), 'lk-rules-'));
    cpSync(GOOD, dir, { recursive: true });
    return dir;
  }

  it('validate: a missing title.id is one clear error, no cascade', () => {
    const dir = copyOfGood();
    const file = join(dir, 'pay', 'fixture-pay.yaml');
    const lines = readFileSync(file, 'utf8').split('\n');
    const titleAt = lines.findIndex((l) => l.startsWith('title:'));
    const idAt = lines.findIndex((l, i) => i > titleAt && l.startsWith('  id:'));
    lines.splice(idAt, 1);
    writeFileSync(file, lines.join('\n'));
    const r = cli(['rules', 'validate', '--rules', dir, '--no-redos']);
    expect(r.code).toBe(1);
    const errors = r.err.trim().split('\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /fixture-pay\.yaml:\d+:\d+: error RULE_E_SCHEMA \[fixture-pay\]: missing title in Indonesian \(title\.id\)$/,
    );
  });

  it('a billion-laughs YAML file is a RULE_E_YAML error naming the file, not an internal error', () => {
    const dir = copyOfGood();
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const name of 'bcdefghi') {
      const previous = String.fromCharCode(name.charCodeAt(0) - 1);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    writeFileSync(join(dir, 'pay', 'laughs.yaml'), `${levels.join('\n')}\n`);
    for (const command of ['validate', 'build', 'test']) {
      const r = cli(['rules', command, '--rules', dir, '--no-redos', '--out', join(dir, 'bundle.json')]);
      expect(r.code, command).toBe(1);
      expect(r.err, command).toMatch(/laughs\.yaml:1:1: error RULE_E_YAML \[laughs\]: cannot expand this YAML/);
      expect(r.err, command).not.toContain('internal error');
    }
  });

  it('fmt refuses a symlink that points out of rules/ and leaves its target untouched', () => {
    const dir = copyOfGood();
    const outside = join(mkdtempSync(join(tmpdir(), 'lk-outside-')), 'victim.yaml');
    const original = 'id:    victim\nkind:   signal\n';
    writeFileSync(outside, original);
    symlinkSync(outside, join(dir, 'pay', 'victim.yaml'));
    const r = cli(['rules', 'fmt', '--rules', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('is a symlink to');
    expect(r.err).toContain('not formatted');
    expect(readFileSync(outside, 'utf8')).toBe(original);
  });

  it('explain suggests the nearest ids for a typo', () => {
    const r = cli(['rules', 'explain', 'fixture-pya', '--rules', GOOD]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/did you mean fixture-pay/);
  });
});
