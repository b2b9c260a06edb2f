// The maintainer's publishing path end to end: `keys generate`, `rules build --sign`, and the browser's
// acceptance check on what they produced.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileRuleSet, createEngine, ENGINE_VERSION, type RuleBundle } from '../src/engine/index';
import { failingExamples } from '../src/shared/rule-examples';
import { evaluateUpdate, type UpdateContext } from '../src/shared/rule-update';

const ROOT = resolve(import.meta.dirname, '..');
const cli = (...args: string[]) =>
  spawnSync('npx', ['--no-install', 'tsx', join(ROOT, 'src/cli/index.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });

describe('keys generate + rules build --sign', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lokeraman-keys-'));
  const keyFile = join(dir, 'maintainer.json');

  it('writes a private key only its owner can read and prints the public entry', () => {
    const run = cli('keys', 'generate', '--out', keyFile, '--owner', 'test maintainer');
    expect(run.status, run.stderr).toBe(0);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const entry = JSON.parse(run.stdout);
    expect(entry).toEqual({ kid: expect.stringMatching(/^[0-9a-f]{16}$/), publicKey: expect.any(String), owner: 'test maintainer' });
    expect(run.stdout).not.toContain(JSON.parse(readFileSync(keyFile, 'utf8')).privateKey);
    // Never overwrites an existing key.
    expect(cli('keys', 'generate', '--out', keyFile).status).not.toBe(0);
  });

  it('signs an update that the browser-side check accepts with that key, and only with it', async () => {
    const outDir = join(dir, 'publish');
    const run = cli('rules', 'build', '--sign', keyFile, '--update-dir', outDir);
    expect(run.status, run.stderr + run.stdout).toBe(0);
    const payload = new Uint8Array(readFileSync(join(outDir, 'rules-update.json')));
    const signature = readFileSync(join(outDir, 'rules-update.json.sig'), 'utf8');
    const key = JSON.parse(readFileSync(keyFile, 'utf8'));
    const context: UpdateContext<RuleBundle> = {
      trustedKeys: [{ kid: key.kid, publicKey: key.publicKey, owner: 'test' }],
      versionInUse: '0.0.1',
      engineVersion: ENGINE_VERSION,
      compile: (update) =>
        compileRuleSet({ rules: update.rules, vocabs: update.vocabs, families: update.families, version: update.meta.version }),
      failingExamples: (update, bundle) => failingExamples(update.rules, createEngine(bundle)),
    };
    const accepted = await evaluateUpdate({ payload, signature }, context);
    expect(accepted.ok, accepted.ok ? '' : `${accepted.reason}: ${accepted.detail}`).toBe(true);
    const shipped = await evaluateUpdate({ payload, signature }, { ...context, trustedKeys: [] });
    expect(shipped).toMatchObject({ ok: false, reason: 'unknown-key' });
  });
});
