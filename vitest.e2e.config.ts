import { defineConfig } from 'vitest/config';

// Real-browser layer: dist/chrome in Chromium (playwright-core), dist/firefox in Firefox ESR (puppeteer-core).
// One browser at a time on a 2-core machine.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
