// Builds the maintainer CLI into one ESM file, dist/cli/lokeraman.mjs, which bin/lokeraman.mjs runs.
// Packages (yaml, zod, recheck) stay external: the CLI runs from the repository after `npm ci`, and
// recheck ships native/worker files that must not be bundled.
import { builtinModules } from 'node:module';
import { build } from 'vite';

const external = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

await build({
  configFile: false,
  logLevel: 'warn',
  // The extension's public/ folder (icons) has nothing to do with the CLI.
  publicDir: false,
  build: {
    ssr: 'src/cli/index.ts',
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: {
      external: (id) => external.includes(id) || /^(yaml|zod|recheck)(\/|$)/.test(id),
      output: { format: 'es', entryFileNames: 'lokeraman.mjs', codeSplitting: false },
    },
  },
});
