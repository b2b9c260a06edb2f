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
        expect(existsSync(join(ROOT, 'src/sites', adapter.id, 'selectors.ts')), 'add src/sites/<id>/selectors.ts').toBe(
          true,
        );
        expect(
          existsSync(join(ROOT, 'src/sites', adapter.id, 'adapter.test.ts')),
          'add src/sites/<id>/adapter.test.ts',
        ).toBe(true);
        const fixtures = join(ROOT, 'test/fixtures/sites', adapter.id);
        const cases = existsSync(fixtures)
          ? readdirSync(fixtures).filter((name) => existsSync(join(fixtures, name, 'expected.json')))
          : [];
        expect(cases.length, `add test/fixtures/sites/${adapter.id}/<case>/page.html + expected.json`).toBeGreaterThan(
          0,
        );
      });

      it('has sample URLs that it claims', () => {
        expect(adapter.sampleUrls.length, 'list at least two sampleUrls').toBeGreaterThanOrEqual(2);
        if (adapter.matches.length === 0) return; // the generic extractor runs only on request
        for (const url of adapter.sampleUrls) {
          expect(
            urlMatches(adapter, url),
            `Is ${url} a ${adapter.name} page? Yes → fix matches/isPostPage. No → remove it.`,
          ).toBe(true);
        }
        for (const url of adapter.notUrls) {
          expect(urlMatches(adapter, url), `${adapter.name} must not claim ${url}: tighten matches/isPostPage`).toBe(
            false,
          );
        }
      });

      it('is listed in the README supported-sites table', () => {
        expect(readme, `add a row for \`${adapter.id}\` to README "Supported sites"`).toMatch(
          new RegExp(`\\|\\s*\`${adapter.id}\`\\s*\\|`),
        );
      });
    });
  }

  it('each sample URL is claimed by exactly one site adapter', () => {
    for (const adapter of siteAdapters) {
      for (const url of adapter.sampleUrls) {
        const claimants = siteAdapters
          .filter((candidate) => urlMatches(candidate, url))
          .map((candidate) => candidate.id);
        expect(claimants, `${url} should belong to ${adapter.id} only`).toEqual([adapter.id]);
      }
    }
  });

  it('manifest content_scripts matches are exactly the adapters’ match patterns', () => {
    const declared = new Set<string>(
      manifest.content_scripts.flatMap((script: { matches: string[] }) => script.matches),
    );
    const wanted = new Set(siteAdapters.flatMap((adapter) => adapter.matches));
    expect([...declared].sort(), 'copy the adapters’ matches into manifest.json content_scripts[0].matches').toEqual(
      [...wanted].sort(),
    );
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

// What ships is the built manifest (crxjs adds web_accessible_resources and rewrites content scripts), so the
// least-privilege checks run on dist/chrome/manifest.json too (npm test and land.sh build first).
describe('built manifest (dist/chrome/manifest.json)', () => {
  const builtPath = join(ROOT, 'dist/chrome/manifest.json');
  const built = () => {
    expect(existsSync(builtPath), 'run `npm run build` first').toBe(true);
    return JSON.parse(readFileSync(builtPath, 'utf8')) as {
      permissions: string[];
      host_permissions?: string[];
      content_scripts: Array<{ matches: string[]; js: string[] }>;
      web_accessible_resources?: Array<{ matches: string[]; resources: string[]; use_dynamic_url?: boolean }>;
      version_name?: string;
    };
  };

  /** Every chunk a loader's module pulls in (static and dynamic imports), by file name under dist/chrome. */
  function importClosure(entry: string): Set<string> {
    const seen = new Set<string>();
    const queue = [entry];
    while (queue.length > 0) {
      const file = queue.pop() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      const source = readFileSync(join(ROOT, 'dist/chrome', file), 'utf8');
      for (const match of source.matchAll(/(?:from|import\()\s*["'`]\.\/([\w.-]+\.js)["'`]/g))
        queue.push(`assets/${match[1]}`);
    }
    return seen;
  }

  /** The module a crxjs loader imports (assets/…-loader-….js → assets/….js). */
  function loaderTarget(loader: string): string {
    const source = readFileSync(join(ROOT, 'dist/chrome', loader), 'utf8');
    const match = /getURL\("([^"]+)"\)/.exec(source);
    expect(match, `${loader}: no getURL("…") import`).not.toBeNull();
    return (match as RegExpExecArray)[1] as string;
  }

  it('asks for nothing more than the source manifest, and is not a test build', () => {
    const manifestBuilt = built();
    expect(JSON.stringify(manifestBuilt)).not.toContain('<all_urls>');
    expect(manifestBuilt.host_permissions ?? []).toEqual([]);
    expect([...manifestBuilt.permissions].sort()).toEqual([...manifest.permissions].sort());
    expect(manifestBuilt.version_name, 'dist/chrome must be a release build').toBeUndefined();
  });

  it('exposes as web-accessible only the chunks its content-script loaders import, to the sites those scripts run on', () => {
    const manifestBuilt = built();
    const war = manifestBuilt.web_accessible_resources ?? [];
    // Web-accessible matches are origins (path "/*"): crxjs turns https://*.linkedin.com/jobs/* into https://*.linkedin.com/*.
    const origin = (pattern: string) => pattern.replace(/^([\w*]+:\/\/[^/]+)\/.*$/, '$1/*');
    const siteMatches = [
      ...new Set(manifest.content_scripts.flatMap((script: { matches: string[] }) => script.matches.map(origin))),
    ].sort();
    const loaders = manifestBuilt.content_scripts
      .flatMap((script) => script.js)
      .filter((file) => /-loader-/.test(file));
    expect(loaders.length).toBeGreaterThan(0);
    const needed = new Set(loaders.flatMap((loader) => [...importClosure(loaderTarget(loader))]));
    for (const entry of war) {
      for (const resource of entry.resources) {
        expect(resource, 'only JavaScript chunks under assets/').toMatch(/^assets\/[\w.-]+\.js$/);
      }
      const onSites = [...entry.matches].sort().join(' ') === siteMatches.join(' ');
      if (onSites) {
        // Exactly what the content scripts' loaders import (main chunk, shared chunks, the lazy dialog).
        for (const resource of entry.resources)
          expect(needed.has(resource), `${resource} is not imported by a content script`).toBe(true);
      } else {
        // The on-demand checker (injected through activeTab on any page) needs its chunks on every origin.
        // use_dynamic_url would hide them from probing pages, but Chromium resolves a dynamic-URL module's
        // relative imports against the fixed id, so crxjs's chunked scripts fail to load with it (SECURITY.md).
        expect(entry.matches.sort()).toEqual(['http://*/*', 'https://*/*']);
        const onDemand = (manifestBuilt.web_accessible_resources ?? [])
          .flatMap((w) => w.resources)
          .find((r) => /on-demand/.test(r));
        expect(onDemand, 'the all-origins entry belongs to the on-demand checker').toBeDefined();
        const closure = importClosure(onDemand as string);
        for (const resource of entry.resources)
          expect(closure.has(resource), `${resource} is not imported by the on-demand checker`).toBe(true);
      }
    }
  });
});
