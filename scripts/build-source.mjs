// The source archive AMO reviewers need for bundled code: every tracked file at HEAD (no node_modules,
// no dist, nothing untracked, so no key file can slip in) plus the release configuration the build used,
// as release.config.json at the top. store/amo/SOURCE-BUILD.md tells the reviewer how to rebuild.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
const config = resolve(process.env.LOKERAMAN_RELEASE_CONFIG || 'release.config.json');
const out = resolve('dist/zips', `lokeraman-source-${version}.zip`);
mkdirSync('dist/zips', { recursive: true });
const staging = mkdtempSync(join(tmpdir(), 'lokeraman-source-'));
const staged = join(staging, 'release.config.json');
copyFileSync(config, staged);
// --add-file replaces nothing: the tracked release.config.json is left out and the one used is added.
const result = spawnSync(
  'git',
  ['archive', '--format=zip', `--output=${out}`, `--prefix=lokeraman-${version}/`, `--add-file=${staged}`, 'HEAD', ':(exclude)release.config.json'],
  { stdio: 'inherit' },
);
rmSync(staging, { recursive: true, force: true });
if (result.status !== 0) {
  console.error('source archive: git archive failed (a source archive is made from a git checkout)');
  process.exit(1);
}
console.log(`source archive: ${out}`);
