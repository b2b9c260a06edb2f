// Meta-tests: conventions that review should not have to remember. Messages say what to do.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapters, siteAdapters } from '../src/sites/index';
import { urlMatches } from '../src/sites/match-pattern';

const ROOT = resolve(import.meta.dirname, '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));

describe('site adapters', () => {
  const folders = readdirSync(join(ROOT, 'src/sites')).filter((name) =>
    statSync(join(ROOT, 'src/sites', name)).isDirectory(),
  );

  it('every folder in src/sites is a registered adapter with the folder name as id', () => {
    expect(adapters.map((adapter) => adapter.id).sort()).toEqual(folders.sort());
  });

  for (const adapter of adapters) {
    describe(adapter.id, () => {
      it('has selectors.ts, a test file and at least one fixture case with expected.json', () => {
        expect(existsSync(join(ROOT, 'src/sites', adapter.id, 'selectors.ts')), 'add src/sites/<id>/selectors.ts').toBe(true);
        expect(existsSync(join(ROOT, 'src/sites', adapter.id, 'adapter.test.ts')), 'add src/sites/<id>/adapter.test.ts').toBe(true);
        const fixtures = join(ROOT, 'test/fixtures/sites', adapter.id);
        const cases = existsSync(fixtures) ? readdirSync(fixtures).filter((name) => existsSync(join(fixtures, name, 'expected.json'))) : [];
        expect(cases.length, `add test/fixtures/sites/${adapter.id}/<case>/page.html + expected.json`).toBeGreaterThan(0);
      });

      it('has sample URLs that it claims', () => {
        expect(adapter.sampleUrls.length, 'list at least two sampleUrls').toBeGreaterThanOrEqual(2);
        if (adapter.matches.length === 0) return; // the generic extractor runs only on request
        for (const url of adapter.sampleUrls) {
          expect(urlMatches(adapter, url), `Is ${url} a ${adapter.name} page? Yes → fix matches/isPostPage. No → remove it.`).toBe(true);
        }
        for (const url of adapter.notUrls) {
          expect(urlMatches(adapter, url), `${adapter.name} must not claim ${url}: tighten matches/isPostPage`).toBe(false);
        }
      });

      it('is listed in the README supported-sites table', () => {
        expect(readme, `add a row for \`${adapter.id}\` to README "Supported sites"`).toMatch(new RegExp(`\\|\\s*\`${adapter.id}\`\\s*\\|`));
      });
    });
  }

  it('each sample URL is claimed by exactly one site adapter', () => {
    for (const adapter of siteAdapters) {
      for (const url of adapter.sampleUrls) {
        const claimants = siteAdapters.filter((candidate) => urlMatches(candidate, url)).map((candidate) => candidate.id);
        expect(claimants, `${url} should belong to ${adapter.id} only`).toEqual([adapter.id]);
      }
    }
  });

  it('manifest content_scripts matches are exactly the adapters’ match patterns', () => {
    const declared = new Set<string>(manifest.content_scripts.flatMap((script: { matches: string[] }) => script.matches));
    const wanted = new Set(siteAdapters.flatMap((adapter) => adapter.matches));
    expect([...declared].sort(), 'copy the adapters’ matches into manifest.json content_scripts[0].matches').toEqual([...wanted].sort());
  });
});

describe('manifest least privilege', () => {
  it('never asks for all URLs and only for permissions the README explains', () => {
    const text = JSON.stringify(manifest);
    expect(text).not.toContain('<all_urls>');
    expect(text).not.toMatch(/"\*:\/\/\*\/\*"|"https?:\/\/\*\/\*"/);
    expect(manifest.host_permissions ?? []).toEqual([]);
    for (const permission of manifest.permissions) {
      expect(readme, `explain the "${permission}" permission in README "Permissions"`).toContain(`\`${permission}\``);
    }
  });
});
