// `npm run build`: release configuration → compiled rules → Chrome build → Firefox build → test builds → store zips → CLI.
// Each step is a separate process so a failure names the step that broke.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';

function run(label, command, args, env = {}) {
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\nbuild: step "${label}" failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
  console.log(`build: ${label} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

// Release artifacts never trust extra keys or carry test affordances, whatever the calling shell exports.
if (process.env.LOKERAMAN_EXTRA_TRUSTED_KEYS) {
  console.error('build: LOKERAMAN_EXTRA_TRUSTED_KEYS is set; refusing to build release artifacts that trust extra keys. Unset it (test builds set it per command, see test/e2e/updates.test.ts).');
  process.exit(1);
}
const RELEASE = { LOKERAMAN_TEST_BUILD: '', LOKERAMAN_EXTRA_TRUSTED_KEYS: '' };

// release.config.json (or $LOKERAMAN_RELEASE_CONFIG) → src/generated/release.*.json; placeholders are fine
// here (a development build), `npm run release` refuses them before it gets this far.
run('release config', 'npx', ['--no-install', 'tsx', 'src/cli/index.ts', 'release', 'config']);

run('rules', 'npx', ['--no-install', 'tsx', 'src/cli/index.ts', 'rules', 'build']);
for (const target of ['chrome', 'firefox']) {
  run(`vite ${target}`, 'npx', ['--no-install', 'vite', 'build', '--logLevel', 'warn'], {
    ...RELEASE,
    LOKERAMAN_TARGET: target,
    LOKERAMAN_OUT_DIR: `dist/${target}`,
  });
}
// The browser tests' build: the same code with test affordances on (src/shared/build-flags.ts). Never zipped.
for (const target of ['chrome', 'firefox']) {
  run(`vite ${target} (test build)`, 'npx', ['--no-install', 'vite', 'build', '--logLevel', 'warn'], {
    LOKERAMAN_TARGET: target,
    LOKERAMAN_TEST_BUILD: '1',
    LOKERAMAN_OUT_DIR: `dist/test/${target}`,
  });
}
rmSync('dist/zips', { recursive: true, force: true });
mkdirSync('dist/zips', { recursive: true });
for (const target of ['chrome', 'firefox']) {
  run(`zip ${target}`, 'npx', [
    '--no-install', 'web-ext', 'build', '--source-dir', `dist/${target}`, '--artifacts-dir', 'dist/zips',
    '--filename', `lokeraman-${target}-{version}.zip`, '--overwrite-dest',
  ]);
}
if (existsSync('scripts/build-cli.mjs')) run('cli', 'node', ['scripts/build-cli.mjs']);
