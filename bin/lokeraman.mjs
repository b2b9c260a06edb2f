#!/usr/bin/env node
// Runs the built CLI (dist/cli/lokeraman.mjs, made by `node scripts/build-cli.mjs`); in a checkout
// that has not been built, runs the TypeScript source through tsx instead.
import { existsSync } from 'node:fs';

const built = new URL('../dist/cli/lokeraman.mjs', import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/cli/index.ts', import.meta.url).href);
}
