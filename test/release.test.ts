// The release configuration (release.config.json), `npm run release`'s refusal, and key rotation /
// revocation as the browser sees it: an update signed with the new key is accepted, one signed with the
// revoked key is refused.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main';
import { compileRuleSet, createEngine, ENGINE_VERSION, type RuleBundle } from '../src/engine/index';
import { failingExamples } from '../src/shared/rule-examples';
import { evaluateUpdate, type UpdateContext } from '../src/shared/rule-update';
import {
  loadReleaseConfig,
  RELEASE_CONFIG_FILE,
  type ReleaseConfig,
  releaseProblems,
  runtimeRelease,
} from '../src/tooling/release-config';

const ROOT = resolve(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'release');
const TEST_CONFIG = join(FIXTURES, 'release.test-config.json');

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const io = {
    out: (s: string) => {
      out += s;
    },
    err: (s: string) => {
      err += s;
    },
    tty: false,
  };
  const code = await main(args, io);
  return { code, out, err };
}

function configWith(patch: (config: ReleaseConfig) => void): string {
  const config = JSON.parse(readFileSync(TEST_CONFIG, 'utf8')) as ReleaseConfig;
  patch(config);
  const file = join(mkdtempSync(join(tmpdir(), 'lk-release-')), 'release.config.json');
  writeFileSync(file, JSON.stringify(config));
  return file;
}

describe('release configuration', () => {
  it("the repository's configuration passes the schema (development builds use it)", () => {
    const loaded = loadReleaseConfig(RELEASE_CONFIG_FILE);
    expect(loaded.ok, loaded.ok ? '' : JSON.stringify(loaded.problems)).toBe(true);
  });

  it("`release check` refuses today's placeholders with one line per missing item", async () => {
    const r = await cli(['release', 'check']);
    expect(r.code).toBe(1);
    for (const path of ['rulesUpdate.owner', 'feedback.owner', 'trustedKeys[0].custody', 'listing.homepage']) {
      expect(r.err).toContain(`release.config.json: ${path}: PLACEHOLDER`);
    }
    expect(r.err).toMatch(/release: refused, \d+ things to settle/);
  });

  it('`release check` passes with a complete test configuration', async () => {
    const r = await cli(['release', 'check', '--config', TEST_CONFIG]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  it('a key without a documented owner, a wrong key id, or no rules URL blocks a release', async () => {
    const noOwner = loadReleaseConfig(
      configWith((c) => {
        c.trustedKeys[1].owner = '';
      }),
    );
    expect(noOwner.ok).toBe(false);
    if (!noOwner.ok) expect(noOwner.problems[0].path).toBe('trustedKeys[1].owner');

    const noCustody = loadReleaseConfig(
      configWith((c) => {
        c.trustedKeys[1].custody = 'PLACEHOLDER: who?';
      }),
    );
    if (!noCustody.ok) throw new Error('schema should accept a placeholder');
    expect(await releaseProblems(noCustody.config)).toEqual([
      { path: 'trustedKeys[1].custody', message: 'PLACEHOLDER: who?' },
    ]);

    const wrongKid = loadReleaseConfig(
      configWith((c) => {
        c.trustedKeys[1].kid = '0000000000000000';
      }),
    );
    if (!wrongKid.ok) throw new Error('schema should accept a well-formed kid');
    expect((await releaseProblems(wrongKid.config)).map((p) => p.path)).toEqual(['trustedKeys[1].kid']);

    const allRevoked = loadReleaseConfig(
      configWith((c) => {
        c.trustedKeys[1].revoked = { date: '2026-12-05', reason: 'test' };
      }),
    );
    if (!allRevoked.ok) throw new Error('schema');
    expect((await releaseProblems(allRevoked.config)).map((p) => p.path)).toEqual(['trustedKeys']);

    const updatesOff = loadReleaseConfig(
      configWith((c) => {
        c.rulesUpdate.url = null;
      }),
    );
    if (!updatesOff.ok) throw new Error('schema');
    expect((await releaseProblems(updatesOff.config)).map((p) => p.path)).toEqual(['rulesUpdate.url']);
    expect(runtimeRelease(updatesOff.config).rulesUrl.url).toBe('');
  });

  it('a malformed value is a schema error naming its path', () => {
    const bad = loadReleaseConfig(
      configWith((c) => {
        c.rulesUpdate.url = 'http://plain.example/rules.json';
      }),
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.map((p) => p.path)).toContain('rulesUpdate.url');
  });

  it('the build reads placeholders as absent and ships no revoked key', () => {
    const repo = loadReleaseConfig(RELEASE_CONFIG_FILE);
    if (!repo.ok) throw new Error('schema');
    const test = loadReleaseConfig(TEST_CONFIG);
    if (!test.ok) throw new Error('schema');
    const shipped = runtimeRelease(test.config).runtime.trustedKeys.map((k) => k.kid);
    expect(shipped).toEqual(['e44793d2896269a8']);
    expect(runtimeRelease(test.config).rulesUrl.url).toBe('https://rules.lokeraman.test/rules-update.json');
  });

  it('`npm run release` stops before building and prints what is missing', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-release.mjs')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, LOKERAMAN_RELEASE_CONFIG: '' },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('release.config.json: trustedKeys[0].custody: PLACEHOLDER');
    expect(run.stderr).toContain('release: release check failed; nothing was released.');
    expect(run.stdout).not.toContain('build: rules done');
  });

  it('`npm run release` refuses a test key smuggled in through LOKERAMAN_EXTRA_TRUSTED_KEYS', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-release.mjs'), '--config', TEST_CONFIG], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, LOKERAMAN_EXTRA_TRUSTED_KEYS: '[{"kid":"x"}]' },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('LOKERAMAN_EXTRA_TRUSTED_KEYS');
  });
});

describe('key rotation and revocation', () => {
  const test = loadReleaseConfig(TEST_CONFIG);
  if (!test.ok) throw new Error('test configuration must be valid');
  const context: UpdateContext<RuleBundle> = {
    trustedKeys: runtimeRelease(test.config).runtime.trustedKeys,
    versionInUse: '0.0.1',
    engineVersion: ENGINE_VERSION,
    compile: (update) =>
      compileRuleSet({
        rules: update.rules,
        vocabs: update.vocabs,
        families: update.families,
        version: update.meta.version,
      }),
    failingExamples: (update, bundle) => failingExamples(update.rules, createEngine(bundle)),
  };
  const out = mkdtempSync(join(tmpdir(), 'lk-rotation-'));

  it('`rules sign` with the new key writes what the host serves, and the browser check accepts it', async () => {
    const r = await cli([
      'rules',
      'sign',
      '--key',
      join(FIXTURES, 'test-key-new.json'),
      '--config',
      TEST_CONFIG,
      '--out',
      out,
    ]);
    expect(r.code, r.err).toBe(0);
    const payload = new Uint8Array(readFileSync(join(out, 'rules-update.json')));
    const signature = readFileSync(join(out, 'rules-update.json.sig'), 'utf8');
    const decision = await evaluateUpdate({ payload, signature }, context);
    expect(decision.ok, decision.ok ? '' : `${decision.reason}: ${decision.detail}`).toBe(true);
  });

  it('`rules sign` refuses the revoked key, and an update signed with it anyway is refused by the browser', async () => {
    const r = await cli([
      'rules',
      'sign',
      '--key',
      join(FIXTURES, 'test-key-old.json'),
      '--config',
      TEST_CONFIG,
      '--out',
      out,
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('was revoked on 2026-12-04');
    // A stolen revoked key signs outside our tooling: the shipped key list no longer has it.
    const { signPayload } = await import('../src/shared/signing');
    const old = JSON.parse(readFileSync(join(FIXTURES, 'test-key-old.json'), 'utf8'));
    const payload = new Uint8Array(readFileSync(join(out, 'rules-update.json')));
    const forged = JSON.stringify(await signPayload(payload, old.privateKey, old.kid));
    expect(await evaluateUpdate({ payload, signature: forged }, context)).toMatchObject({
      ok: false,
      reason: 'unknown-key',
    });
  });

  it('`rules sign --key-env` reads the key from a CI secret and refuses an empty one', async () => {
    process.env.LK_TEST_SIGNING_KEY = readFileSync(join(FIXTURES, 'test-key-new.json'), 'utf8');
    const r = await cli(['rules', 'sign', '--key-env', 'LK_TEST_SIGNING_KEY', '--config', TEST_CONFIG, '--out', out]);
    expect(r.code, r.err).toBe(0);
    process.env.LK_TEST_SIGNING_KEY = '';
    const empty = await cli([
      'rules',
      'sign',
      '--key-env',
      'LK_TEST_SIGNING_KEY',
      '--config',
      TEST_CONFIG,
      '--out',
      out,
    ]);
    expect(empty.code).toBe(1);
    expect(empty.err).toContain('LK_TEST_SIGNING_KEY is empty or unset');
    delete process.env.LK_TEST_SIGNING_KEY;
  });
});

describe('no HTML from strings in the shipped UI', () => {
  it('no source uses dangerouslySetInnerHTML (vite.config.ts strips preact’s branch for it from the bundle)', () => {
    const found = spawnSync('grep', ['-rln', 'dangerouslySetInnerHTML', join(ROOT, 'src')], { encoding: 'utf8' });
    expect(found.stdout.trim()).toBe('');
  });
});
