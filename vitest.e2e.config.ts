import { defineConfig } from 'vitest/config';

// Real-Chromium layer: loads dist/chrome with playwright-core. One Chromium at a time on a 2-core machine.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
