// Quick start for the CLI's `check`, `scan` and `eval`: parsing and compiling every rule YAML took most of a
// short `check`'s time, so the engine loads the bundle `rules build` (and `npm run build`) last wrote
// whenever it is at least as new as every rule file and the code that builds it. An edit under
// rules/ (or to the compiler) makes it stale, and the YAML is compiled as before, so a maintainer's
// edit is still live without a separate build step.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_BUNDLE_OUT, DEFAULT_RULES_DIR, packageVersion, REPO_ROOT } from './build';

/** Newest modification time of any file under `dir` (0 when it cannot be read). */
function newestMtime(dir: string): number {
  let newest = 0;
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.isFile()) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * The prebuilt bundle file when it may stand in for compiling `rulesDir`, else null. Only for the
 * default rules folder: a bundle says nothing about another folder's rules.
 */
export function freshPrebuiltBundle(rulesDir = DEFAULT_RULES_DIR, bundleFile = DEFAULT_BUNDLE_OUT): string | null {
  if (resolve(rulesDir) !== resolve(DEFAULT_RULES_DIR)) return null;
  let built: number;
  try {
    built = statSync(bundleFile).mtimeMs;
  } catch {
    return null;
  }
  // The compiler and the engine's bundle format live in these folders (absent in a packed CLI).
  const sources = [rulesDir, join(REPO_ROOT, 'src', 'tooling'), join(REPO_ROOT, 'src', 'engine')];
  return sources.every((dir) => newestMtime(dir) <= built) ? bundleFile : null;
}

/** `lokeraman --version`: the package version and the version of the rule set `check` would use. */
export function versionText(): string {
  const fresh = freshPrebuiltBundle();
  let rules = 'dev (compiled from rules/ on each call: run `lokeraman rules build`)';
  if (fresh) {
    try {
      rules = (JSON.parse(readFileSync(fresh, 'utf8')) as { version?: string }).version ?? 'unknown';
    } catch {
      rules = 'unreadable bundle';
    }
  }
  return `lokeraman ${packageVersion()}\nrules ${rules}`;
}
