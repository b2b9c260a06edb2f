// One version everywhere: the repository's files agree, and `lokeraman version bump` moves them together with
// the changelog and the rule-set version that derives from package.json.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleVersion } from '../src/tooling/build';
import { bumpVersion, nextVersion, statedVersions } from '../src/tooling/version';

const ROOT = resolve(import.meta.dirname, '..');

function copyOfRepoFiles(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lk-version-'));
  for (const file of ['package.json', 'package-lock.json', 'manifest.json', 'CHANGELOG.md']) {
    cpSync(join(ROOT, file), join(dir, file));
  }
  return dir;
}

describe('version', () => {
  it('package.json, manifest.json and package-lock.json state the same version', () => {
    expect(new Set(Object.values(statedVersions())).size).toBe(1);
  });

  it('the changelog has a section for the current version', () => {
    const version = statedVersions()['package.json'];
    expect(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8')).toMatch(
      new RegExp(`^## ${version.replace(/\./g, '\\.')} — \\d{4}-\\d{2}-\\d{2}$`, 'm'),
    );
  });

  it('next versions', () => {
    expect(nextVersion('0.1.9', 'patch')).toBe('0.1.10');
    expect(nextVersion('0.1.9', 'minor')).toBe('0.2.0');
    expect(nextVersion('0.1.9', 'major')).toBe('1.0.0');
    expect(nextVersion('0.1.9', '0.3.0')).toBe('0.3.0');
    expect(() => nextVersion('0.1.9', '0.1.9')).toThrow(/not newer/);
    expect(() => nextVersion('0.1.9', 'v2')).toThrow(/expected/);
  });

  it('bump moves package.json, both manifests, the lock file, the rule-set version and the changelog together', () => {
    const dir = copyOfRepoFiles();
    const result = bumpVersion('minor', { root: dir, date: '2026-12-05' });
    expect(result.to).toMatch(/^\d+\.\d+\.0$/);
    expect(new Set(Object.values(statedVersions(dir)))).toEqual(new Set([result.to]));
    // The Firefox manifest and the rule set take package.json's version at build time.
    expect(bundleVersion(new Date(Date.UTC(2026, 11, 5, 9, 15)), dir)).toBe(`${result.to}+20261205.0915`);
    const changelog = readFileSync(join(dir, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toMatch(
      new RegExp(`^## Unreleased\\n\\n## ${result.to.replace(/\./g, '\\.')} — 2026-12-05\\n`, 'm'),
    );
    // Nothing left to release: a second bump is refused until notes are written.
    expect(() => bumpVersion('patch', { root: dir })).toThrow(/no entries under "## Unreleased"/);
  });

  it('bump refuses when the files already disagree', () => {
    const dir = copyOfRepoFiles();
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, version: '9.9.9' }));
    expect(() => bumpVersion('patch', { root: dir })).toThrow(/disagree: .*manifest\.json 9\.9\.9/);
  });
});
