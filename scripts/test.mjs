// `npm test`: every layer, in the order that fails fastest, with one closing line CI can read:
// "N passed, N failed". Vitest tests count one each; whole-tree checks (types, lint, web-ext lint,
// eval regression gate) count as one test each.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { corpusGate } from './corpus-gate.mjs';

const RESULTS = 'test-results';
mkdirSync(RESULTS, { recursive: true });
let passed = 0;
let failed = 0;
const failures = [];

function run(command, args, env = {}) {
  return spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status === 0;
}

function check(label, command, args) {
  console.log(`\n── ${label} ──`);
  if (run(command, args)) passed++;
  else {
    failed++;
    failures.push(label);
  }
}

function vitest(label, configArgs, file) {
  console.log(`\n── ${label} ──`);
  const outputFile = `${RESULTS}/${file}`;
  const ok = run('npx', [
    '--no-install',
    'vitest',
    'run',
    ...configArgs,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${outputFile}`,
  ]);
  if (!existsSync(outputFile)) {
    failed++;
    failures.push(`${label}: vitest wrote no results`);
    return;
  }
  const report = JSON.parse(readFileSync(outputFile, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A suite that fails to load has no failed tests but a failed file: count it, never hide it.
  const brokenFiles = report.testResults.filter(
    (file) => file.status === 'failed' && file.assertionResults.length === 0,
  );
  failed += brokenFiles.length;
  if (report.numTotalTests === 0) {
    failed++;
    failures.push(`${label}: no tests ran`);
  }
  if (!ok || report.numFailedTests || brokenFiles.length) failures.push(label);
}

// Build first: the type check and some unit tests read the compiled rule bundle it writes.
if (process.env.LOKERAMAN_SKIP_BUILD !== '1') check('build (npm run build)', 'node', ['scripts/build.mjs']);
check('type check (tsc --noEmit)', 'npx', ['--no-install', 'tsc', '--noEmit']);
check('lint (biome)', 'npx', ['--no-install', 'biome', 'lint', '.']);
vitest('unit tests (vitest)', [], 'unit.json');
if (existsSync('dist/chrome/manifest.json')) {
  vitest('browser tests (Chromium, Firefox ESR)', ['--config', 'vitest.e2e.config.ts'], 'e2e.json');
  check('web-ext lint dist/firefox (0 errors)', 'npx', [
    '--no-install',
    'web-ext',
    'lint',
    '--source-dir',
    'dist/firefox',
  ]);
} else {
  failed++;
  failures.push('browser tests: dist/chrome missing, build failed');
}
// The corpora are not in the repository (licences and size): without them the run stays green and says in
// one line how to get the gate; with them, the gate runs exactly as before.
if (existsSync('scripts/eval.ts')) {
  const gate = corpusGate();
  if (gate.run) check('rule evaluation regression gate', 'npx', ['--no-install', 'tsx', 'scripts/eval.ts', '--check']);
  else console.log(`\n${gate.line}`);
}

const summary = `${passed} passed, ${failed} failed`;
writeFileSync(`${RESULTS}/summary.txt`, `${summary}\n`);
if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(summary);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
