import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES_DIR } from './build';
import { freshPrebuiltBundle, versionText } from './prebuilt';

function bundleAt(seconds: number): string {
  const file = join(mkdtempSync(join(tmpdir(), 'lokeraman-prebuilt-')), 'rules.bundle.json');
  writeFileSync(file, '{"version":"9.9.9+test"}');
  utimesSync(file, seconds, seconds);
  return file;
}

describe('freshPrebuiltBundle', () => {
  it('uses a bundle newer than every rule file and the compiler', () => {
    const future = Date.now() / 1000 + 3600;
    const file = bundleAt(future);
    expect(freshPrebuiltBundle(DEFAULT_RULES_DIR, file)).toBe(file);
  });

  it('compiles again when a rule file is newer than the bundle', () => {
    expect(freshPrebuiltBundle(DEFAULT_RULES_DIR, bundleAt(1))).toBeNull();
  });

  it('never stands in for another rules folder, nor when there is no bundle', () => {
    const future = Date.now() / 1000 + 3600;
    expect(freshPrebuiltBundle(mkdtempSync(join(tmpdir(), 'lokeraman-rules-')), bundleAt(future))).toBeNull();
    expect(freshPrebuiltBundle(DEFAULT_RULES_DIR, join(tmpdir(), 'no-such-bundle.json'))).toBeNull();
  });
});

describe('versionText', () => {
  it('names the package version and a rule-set version', () => {
    expect(versionText()).toMatch(/^lokeraman \d+\.\d+\.\d+\nrules \S+/);
  });
});
