// `lokeraman rules validate` also checks the help channels beside the rules: spawned as maintainers run it.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const GOOD = join(ROOT, 'test', 'fixtures', 'rules', 'good');
const CHANNELS = join(ROOT, 'rules', 'channels', 'channels.json');
const dirs: string[] = [];

function rulesWithChannels(edit: (file: { channels: { id: string; verified_on: string }[] }) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'lokeraman-channels-'));
  dirs.push(dir);
  cpSync(GOOD, dir, { recursive: true });
  const file = JSON.parse(readFileSync(CHANNELS, 'utf8'));
  edit(file);
  mkdirSync(join(dir, 'channels'), { recursive: true });
  writeFileSync(join(dir, 'channels', 'channels.json'), JSON.stringify(file));
  return dir;
}

function validate(rules: string, today: string) {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'src', 'cli', 'index.ts'), 'rules', 'validate', '--no-redos', '--rules', rules],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', LOKERAMAN_TODAY: today },
    },
  );
  return { code: r.status, out: r.stdout, err: r.stderr };
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('rules validate: channel freshness', () => {
  it('passes on the shipped channels the day they were verified, fails 12 months later', () => {
    const rules = rulesWithChannels(() => {});
    const ok = validate(rules, '2026-12-04');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/0 errors, 1 warning/);
    const aging = validate(rules, '2027-06-04');
    expect(aging.code).toBe(0);
    expect(aging.err).toContain('CHANNEL_W_AGING');
    const stale = validate(rules, '2027-12-04');
    expect(stale.code).toBe(1);
    expect(stale.err).toContain('CHANNEL_E_STALE');
  });

  it('fails on one channel dated 13 months back and names it', () => {
    const rules = rulesWithChannels((file) => {
      const channel = file.channels.find((c) => c.id === 'id-kbri-yangon');
      if (channel) channel.verified_on = '2025-11-04';
    });
    const r = validate(rules, '2026-12-04');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /channels\.json: error CHANNEL_E_STALE \[id-kbri-yangon\]: verified 2025-11-04, 13 months ago/,
    );
  });

  it('a bad LOKERAMAN_TODAY is an error, not a silent pass', () => {
    const r = validate(
      rulesWithChannels(() => {}),
      'tomorrow',
    );
    expect(r.code).toBe(1);
    expect(r.err).toContain('CHANNEL_E_TODAY');
  });
});
