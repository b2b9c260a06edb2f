import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';

// One manifest.json at the top level; the Firefox variant is derived here because crxjs emits
// either `service_worker` (Chrome) or `scripts` (Firefox), never both.
type Target = 'chrome' | 'firefox';
const target: Target = process.env.LOKERAMAN_TARGET === 'firefox' ? 'firefox' : 'chrome';

const GECKO_ID = 'lokeraman@lokeraman.org';
const testBuild = process.env.LOKERAMAN_TEST_BUILD === '1';
const extraKeys = process.env.LOKERAMAN_EXTRA_TRUSTED_KEYS ?? '';

// Extra trusted keys are for throwaway test keys only: a build that trusts one must be a test build, and says
// so in its manifest (version_name, shown on chrome://extensions and about:addons).
if (extraKeys && extraKeys !== '[]' && !testBuild) {
  throw new Error('LOKERAMAN_EXTRA_TRUSTED_KEYS is set for a release build; set LOKERAMAN_TEST_BUILD=1 (test builds only) or unset it.');
}

function manifestFor(browser: Target): ManifestV3Export {
  const base = JSON.parse(readFileSync(resolve(import.meta.dirname, 'manifest.json'), 'utf8'));
  const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8'));
  base.version = pkg.version;
  if (testBuild) base.version_name = `${pkg.version} test build${extraKeys && extraKeys !== '[]' ? ' (extra trusted keys)' : ''}`;
  if (browser === 'firefox') {
    base.background = { scripts: [base.background.service_worker], type: 'module' };
    base.browser_specific_settings = {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '142.0',
        // Firefox's required declaration: LokerAman collects and transmits nothing.
        data_collection_permissions: { required: ['none'] },
      },
    };
  }
  return base;
}

/**
 * UI strings live in src/locales/<area>.json as { key: { en, id, description? } } so each part of
 * the extension owns its own file; this plugin merges them into the browser's _locales format.
 */
export function localesPlugin(): Plugin {
  return {
    name: 'lokeraman-locales',
    generateBundle() {
      const messages = buildLocaleMessages(resolve(import.meta.dirname, 'src/locales'));
      for (const [lang, table] of Object.entries(messages)) {
        this.emitFile({
          type: 'asset',
          fileName: `_locales/${lang}/messages.json`,
          source: `${JSON.stringify(table, null, 2)}\n`,
        });
      }
    },
  };
}

export function buildLocaleMessages(dir: string): Record<'en' | 'id', Record<string, { message: string; description?: string }>> {
  const out: Record<'en' | 'id', Record<string, { message: string; description?: string }>> = { en: {}, id: {} };
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.json')).sort()) {
    const table = JSON.parse(readFileSync(resolve(dir, file), 'utf8')) as Record<
      string,
      { en: string; id: string; description?: string }
    >;
    for (const [key, entry] of Object.entries(table)) {
      for (const lang of ['en', 'id'] as const) {
        if (out[lang][key]) throw new Error(`src/locales/${file}: message key "${key}" is defined twice`);
        out[lang][key] = { message: entry[lang], ...(entry.description ? { description: entry.description } : {}) };
      }
    }
  }
  return out;
}

/**
 * The content-script loaders crxjs writes call `chrome.runtime.getURL`. On a page with `<form id="chrome">`
 * Chromium leaves `chrome` undefined in the content script's world and the name resolves to the page's form
 * (DOM clobbering), so the loader throws and the content script never runs. This rewrites the call to take the
 * API from an own property of the script's global (`browser` or `chrome`), which page markup cannot create;
 * see src/shared/browser-native.ts for the same rule in our own code. The first read of both names also
 * pins the API on the global when it runs before the page has markup (src/content/api-pin.ts).
 */
const LOADER_API =
  '((n)=>{try{void globalThis.chrome;void globalThis.browser}catch{}for(const k of n){const d=Object.getOwnPropertyDescriptor(globalThis,k);const v=d&&("value" in d?d.value:d.get&&d.get.call(globalThis));if(v&&v.runtime&&typeof v.runtime.getURL==="function")return v}throw new Error("no WebExtension API")})(["browser","chrome"])';

export function clobberProofLoaders(source: string): string {
  return source.replaceAll('chrome.runtime.getURL(', `${LOADER_API}.runtime.getURL(`);
}

function clobberProofLoadersPlugin(): Plugin {
  let outDir = '';
  return {
    name: 'lokeraman-clobber-proof-loaders',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle() {
      const assets = join(outDir, 'assets');
      for (const file of readdirSync(assets).filter((name) => /-loader-[\w-]+\.js$/.test(name))) {
        const path = join(assets, file);
        const source = readFileSync(path, 'utf8');
        const fixed = clobberProofLoaders(source);
        if (!fixed.includes(LOADER_API)) throw new Error(`${file}: crxjs loader changed shape; update clobberProofLoaders`);
        writeFileSync(path, fixed);
      }
    },
  };
}

export default defineConfig({
  define: {
    // Only test builds set this; a production build trusts the keys in src/shared/trusted-keys.json alone.
    __LOKERAMAN_EXTRA_TRUSTED_KEYS__: JSON.stringify(testBuild && extraKeys ? extraKeys : '[]'),
    // The browser-test build (dist/test/*): open shadow roots, a readiness marker, the service worker's test
    // hook (src/shared/build-flags.ts). Never set for dist/chrome, dist/firefox or the zips.
    __LOKERAMAN_TEST_BUILD__: JSON.stringify(testBuild),
  },
  plugins: [preact(), crx({ manifest: manifestFor(target), browser: target }), localesPlugin(), clobberProofLoadersPlugin()],
  build: {
    // Test builds (e.g. the rule-update e2e with an extra trusted key) go to their own folder.
    outDir: process.env.LOKERAMAN_OUT_DIR || `dist/${target}`,
    emptyOutDir: true,
    // Readable output helps store reviewers; size is measured gzipped in the benchmark.
    minify: true,
    sourcemap: false,
    // The content script loads the verdict dialog with a dynamic import(); Vite's preload helper
    // would add <link rel="modulepreload"> tags for its chunks to the host page's <head>, visible to
    // the page and subject to its CSP (violation reports would name the extension). Extension
    // pages load from disk, so they lose nothing by it.
    modulePreload: false,
    target: 'es2022',
    rollupOptions: {
      input: {
        popup: resolve(import.meta.dirname, 'src/ui/popup/index.html'),
        options: resolve(import.meta.dirname, 'src/ui/options/index.html'),
      },
    },
  },
});
