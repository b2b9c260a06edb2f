// One version for everything a user or a store sees: package.json (which also stamps the Firefox manifest
// and prefixes the rule-set version, see build.ts bundleVersion), manifest.json, package-lock.json, and the
// CHANGELOG entry. `lokeraman version bump` moves them together so they never disagree.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './build';

const SEMVER = /^(\d+)\.(\d+)\.(\d+)$/;

export type Bump = 'major' | 'minor' | 'patch';

export function nextVersion(current: string, bump: Bump | string): string {
  const match = SEMVER.exec(current);
  if (!match) throw new Error(`current version ${current} is not MAJOR.MINOR.PATCH`);
  const [major, minor, patch] = match.slice(1).map(Number);
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  if (bump === 'patch') return `${major}.${minor}.${patch + 1}`;
  if (!SEMVER.test(bump)) throw new Error(`expected major, minor, patch or MAJOR.MINOR.PATCH, got ${bump}`);
  if (compare(bump, current) <= 0) throw new Error(`${bump} is not newer than ${current}`);
  return bump;
}

function compare(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}

/** Versions as the files state them now; all equal in a consistent tree. */
export function statedVersions(root = REPO_ROOT): Record<string, string> {
  const read = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8'));
  const lock = read('package-lock.json');
  return {
    'package.json': read('package.json').version,
    'manifest.json': read('manifest.json').version,
    'package-lock.json': lock.version,
    'package-lock.json packages[""]': lock.packages?.['']?.version,
  };
}

export interface BumpResult {
  from: string;
  to: string;
  files: string[];
}

/**
 * Writes the new version into every file and turns the CHANGELOG's "Unreleased" section into the release's
 * section (a new empty "Unreleased" above it). Refuses when the files disagree or the changelog has nothing
 * under "Unreleased": a release without notes is a release nobody can review.
 */
export function bumpVersion(bump: string, options: { root?: string; date?: string } = {}): BumpResult {
  const root = options.root ?? REPO_ROOT;
  const stated = statedVersions(root);
  const distinct = new Set(Object.values(stated));
  if (distinct.size !== 1) {
    throw new Error(
      `the files disagree: ${Object.entries(stated)
        .map(([file, version]) => `${file} ${version}`)
        .join(', ')}`,
    );
  }
  const from = stated['package.json'];
  const to = nextVersion(from, bump);
  const date = options.date ?? new Date().toISOString().slice(0, 10);

  const changelogFile = join(root, 'CHANGELOG.md');
  const changelog = readFileSync(changelogFile, 'utf8');
  const unreleased = /^## Unreleased\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(changelog);
  if (!unreleased?.[1].trim()) throw new Error('CHANGELOG.md has no entries under "## Unreleased"');
  if (new RegExp(`^## ${to.replace(/\./g, '\\.')} `, 'm').test(changelog)) {
    throw new Error(`CHANGELOG.md already has a section for ${to}`);
  }

  const edits: Array<[string, (json: Record<string, unknown>) => void]> = [
    [
      'package.json',
      (json) => {
        json.version = to;
      },
    ],
    [
      'manifest.json',
      (json) => {
        json.version = to;
      },
    ],
    [
      'package-lock.json',
      (json) => {
        json.version = to;
        const packages = json.packages as Record<string, { version?: string }> | undefined;
        if (packages?.['']) packages[''].version = to;
      },
    ],
  ];
  for (const [file, edit] of edits) {
    const path = join(root, file);
    const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    edit(json);
    writeFileSync(path, `${JSON.stringify(json, null, 2)}\n`);
  }
  writeFileSync(changelogFile, changelog.replace(/^## Unreleased\n/m, `## Unreleased\n\n## ${to} — ${date}\n`));
  return { from, to, files: [...edits.map(([file]) => file), 'CHANGELOG.md'] };
}
