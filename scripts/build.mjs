// `npm run build`: compiled rules → Chrome build → Firefox build → store zips → CLI.
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

run('rules', 'npx', ['--no-install', 'tsx', 'src/cli/index.ts', 'rules', 'build']);
for (const target of ['chrome', 'firefox']) {
  run(`vite ${target}`, 'npx', ['--no-install', 'vite', 'build', '--logLevel', 'warn'], { LOKERAMAN_TARGET: target });
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
