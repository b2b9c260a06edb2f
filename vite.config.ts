import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';

// One manifest.json at the top level; the Firefox variant is derived here because crxjs emits
// either `service_worker` (Chrome) or `scripts` (Firefox), never both.
type Target = 'chrome' | 'firefox';
const target: Target = process.env.LOKERAMAN_TARGET === 'firefox' ? 'firefox' : 'chrome';

const GECKO_ID = 'lokeraman@lokeraman.org';

function manifestFor(browser: Target): ManifestV3Export {
  const base = JSON.parse(readFileSync(resolve(import.meta.dirname, 'manifest.json'), 'utf8'));
  const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8'));
  base.version = pkg.version;
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

export default defineConfig({
  define: {
    // Only test builds set this; a production build trusts the keys in src/shared/trusted-keys.json alone.
    __LOKERAMAN_EXTRA_TRUSTED_KEYS__: JSON.stringify(process.env.LOKERAMAN_EXTRA_TRUSTED_KEYS ?? '[]'),
  },
  plugins: [preact(), crx({ manifest: manifestFor(target), browser: target }), localesPlugin()],
  build: {
    // Test builds (e.g. the rule-update e2e with an extra trusted key) go to their own folder.
    outDir: process.env.LOKERAMAN_OUT_DIR ?? `dist/${target}`,
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
