// `npm run release [-- --config FILE]`: the store build. Refuses, with the list of what is missing, while
// the release configuration has a placeholder or a key without a documented owner; otherwise runs the
// normal build with LOKERAMAN_RELEASE=1 (vite.config.ts checks again and refuses extra test keys) and
// packs the source archive AMO reviewers rebuild from.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { config: { type: 'string' } } });
const config = resolve(values.config || process.env.LOKERAMAN_RELEASE_CONFIG || 'release.config.json');
const env = { ...process.env, LOKERAMAN_RELEASE: '1', LOKERAMAN_RELEASE_CONFIG: config };

function step(label, command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`release: ${label} failed; nothing was released.`);
    process.exit(1);
  }
}

if ((process.env.LOKERAMAN_EXTRA_TRUSTED_KEYS ?? '[]') !== '[]') {
  console.error('release: LOKERAMAN_EXTRA_TRUSTED_KEYS is set; it is for test builds only. Unset it.');
  process.exit(1);
}
step('release check', 'npx', ['--no-install', 'tsx', 'src/cli/index.ts', 'release', 'check', '--config', config]);
step('build', 'node', ['scripts/build.mjs']);
step('source archive', 'node', ['scripts/build-source.mjs']);
console.log(`release: dist/zips/ holds the store packages and the source archive (configuration ${config})`);
