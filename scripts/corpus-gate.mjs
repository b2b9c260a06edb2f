// Where the evaluation corpora are, and whether `npm test` can run the eval gate. The corpora are not in
// the repository, so a fresh clone must still get a green run, told how to get them.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Same rule as scripts/eval.ts and scripts/bench-posts.ts: $LOKERAMAN_SHARED, else ../shared beside the repo. */
export function sharedDir(env = process.env, repoRoot = resolve(import.meta.dirname, '..')) {
  return env.LOKERAMAN_SHARED ? resolve(env.LOKERAMAN_SHARED) : resolve(repoRoot, '..', 'shared');
}

/** { run: true } when the corpora exist, else { run: false, line } with the one line `npm test` prints. */
export function corpusGate(env = process.env, repoRoot = resolve(import.meta.dirname, '..')) {
  const corpusDir = join(sharedDir(env, repoRoot), 'corpus');
  if (existsSync(corpusDir)) return { run: true, corpusDir };
  return {
    run: false,
    corpusDir,
    line: `skipped: rule evaluation regression gate (no corpora at ${corpusDir}; put the shared folder beside the repo as ../shared or set LOKERAMAN_SHARED=/path/to/shared, see CONTRIBUTING.md)`,
  };
}
