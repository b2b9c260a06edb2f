import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';

// One manifest.json at the top level; the Firefox variant is derived here because crxjs emits
// either `service_worker` (Chrome) or `scripts` (Firefox), never both.
type Target = 'chrome' | 'firefox';
const target: Target = process.env.LOKERAMAN_TARGET === 'firefox' ? 'firefox' : 'chrome';

// release.config.json holds every endpoint and key a build points at ($LOKERAMAN_RELEASE_CONFIG names
// another file). The build's first step (`lokeraman release config`) checked it against its schema and
// wrote what the build needs into src/generated/. With LOKERAMAN_RELEASE=1 (`npm run release`) this refuses
// a second time on a configuration that is not releasable (extra test keys are refused below for every
// build that is not a test build).
const releaseManifest = JSON.parse(
  readFileSync(resolve(import.meta.dirname, 'src/generated/release.manifest.json'), 'utf8'),
) as { geckoId: string; homepage: string; releasable: boolean };
if (process.env.LOKERAMAN_RELEASE === '1' && !releaseManifest.releasable) {
  throw new Error('not releasable: run `npx --no-install lokeraman release check`');
}

const testBuild = process.env.LOKERAMAN_TEST_BUILD === '1';
const extraKeys = process.env.LOKERAMAN_EXTRA_TRUSTED_KEYS ?? '';

// Extra trusted keys are for throwaway test keys only: a build that trusts one must be a test build, and says
// so in its manifest (version_name, shown on chrome://extensions and about:addons).
if (extraKeys && extraKeys !== '[]' && !testBuild) {
  throw new Error(
    'LOKERAMAN_EXTRA_TRUSTED_KEYS is set for a release build; set LOKERAMAN_TEST_BUILD=1 (test builds only) or unset it.',
  );
}

function manifestFor(browser: Target): ManifestV3Export {
  const base = JSON.parse(readFileSync(resolve(import.meta.dirname, 'manifest.json'), 'utf8'));
  const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8'));
  base.version = pkg.version;
  if (testBuild) base.version_name = `${pkg.version} test build${extraKeys && extraKeys !== '[]' ? ' (extra trusted keys)' : ''}`;
  if (releaseManifest.homepage) base.homepage_url = releaseManifest.homepage;
  if (browser === 'firefox') {
    base.background = { scripts: [base.background.service_worker], type: 'module' };
    base.browser_specific_settings = {
      gecko: {
        id: releaseManifest.geckoId,
        strict_min_version: '142.0',
        // Firefox's required declaration: LokerAman collects and transmits nothing.
        data_collection_permissions: { required: ['none'] },
      },
      // Firefox for Android is the only way in on most Indonesian job seekers' phones (Chrome for
      // Android runs no extensions). 142 is the first Android release with data_collection_permissions.
      gecko_android: { strict_min_version: '142.0' },
    };
  }
  return base;
}

/**
 * Preact's only innerHTML write is its `dangerouslySetInnerHTML` prop, which LokerAman never uses (post text
 * must never become HTML; test/repo.test.ts forbids the prop in src/). Removing that branch from the bundle
 * makes the rule a property of the shipped code, and leaves `web-ext lint` nothing to warn about. A
 * preact upgrade that changes the code fails the build here instead of quietly keeping the branch.
 */
export const PREACT_INNER_HTML = {
  from: '(l||y&&(h.__html==y.__html||h.__html==t.innerHTML)||(t.innerHTML=h.__html),r.__k=[])',
  to: '(function(){throw new Error("LokerAman: dangerouslySetInnerHTML is disabled")}())',
};

export function noInnerHtmlPlugin(): Plugin {
  return {
    name: 'lokeraman-no-inner-html',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]preact[\\/]dist[\\/]preact\.mjs$/.test(id)) return null;
      const count = code.split(PREACT_INNER_HTML.from).length - 1;
      if (count !== 1) {
        throw new Error(
          `preact's dangerouslySetInnerHTML branch not found exactly once (${count}) in ${id}; update PREACT_INNER_HTML in vite.config.ts`,
        );
      }
      return { code: code.replace(PREACT_INNER_HTML.from, PREACT_INNER_HTML.to), map: null };
    },
  };
}

/**
 * PRIVACY.md as an extension page (privacy.html), so the options page links to the policy that shipped with
 * this very build, offline and without a placeholder URL. Plain HTML, no script: headings, lists, paragraphs.
 */
export function privacyPagePlugin(): Plugin {
  return {
    name: 'lokeraman-privacy-page',
    generateBundle() {
      const markdown = readFileSync(resolve(import.meta.dirname, 'PRIVACY.md'), 'utf8');
      this.emitFile({ type: 'asset', fileName: 'privacy.html', source: privacyHtml(markdown) });
    },
  };
}

export function privacyHtml(markdown: string): string {
  const escapeHtml = (text: string) =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const inline = (text: string) =>
    escapeHtml(text)
      .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
      .replace(/`(.+?)`/g, '<code>$1</code>')
      .replace(/\*(.+?)\*/g, '<em>$1</em>');
  const html: string[] = [];
  for (const block of markdown.split(/\n\s*\n/)) {
    const lines = block.trim().split('\n');
    if (!lines[0]) continue;
    const heading = /^(#{1,3}) (.*)$/.exec(lines[0]);
    if (heading) html.push(`<h${heading[1].length}>${inline(heading[2])}</h${heading[1].length}>`);
    else if (lines[0].startsWith('- ')) {
      const items = block
        .trim()
        .split(/\n(?=- )/)
        .map((item) => `<li>${inline(item.slice(2).replace(/\s*\n\s*/g, ' '))}</li>`);
      html.push(`<ul>${items.join('')}</ul>`);
    } else html.push(`<p>${inline(lines.join(' '))}</p>`);
  }
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>LokerAman: privacy policy / kebijakan privasi</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:0 auto;padding:1rem;color:#1b1b1b}code{font-size:.9em}</style>
</head><body>
${html.join('\n')}
</body></html>
`;
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

export function buildLocaleMessages(
  dir: string,
): Record<'en' | 'id', Record<string, { message: string; description?: string }>> {
  const out: Record<'en' | 'id', Record<string, { message: string; description?: string }>> = { en: {}, id: {} };
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
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
  // The API is bound once to a parameter named `browser`, which page markup cannot reach, so the import
  // stays the literal `browser.runtime.getURL("…")` form that web-ext lint recognises as an extension URL
  // (an inline expression there is an UNSAFE_VAR_ASSIGNMENT warning).
  return `((browser)=>{${source.replaceAll('chrome.runtime.getURL(', 'browser.runtime.getURL(')}})(${LOADER_API});\n`;
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
        if (!fixed.includes(LOADER_API))
          throw new Error(`${file}: crxjs loader changed shape; update clobberProofLoaders`);
        writeFileSync(path, fixed);
      }
    },
  };
}

export default defineConfig({
  define: {
    // Only test builds set this (a release build refuses it above, and trusts release.config.json alone).
    __LOKERAMAN_EXTRA_TRUSTED_KEYS__: JSON.stringify(testBuild && extraKeys ? extraKeys : '[]'),
    // The browser-test build (dist/test/*): open shadow roots, a readiness marker, the service worker's test
    // hook (src/shared/build-flags.ts). Never set for dist/chrome, dist/firefox or the zips.
    __LOKERAMAN_TEST_BUILD__: JSON.stringify(testBuild),
  },
  plugins: [
    noInnerHtmlPlugin(),
    preact(),
    crx({ manifest: manifestFor(target), browser: target }),
    localesPlugin(),
    privacyPagePlugin(),
    clobberProofLoadersPlugin(),
  ],
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
