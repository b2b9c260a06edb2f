import { defineConfig } from 'vitest/config';

// Unit layer: engine, adapters against saved markup, rule examples, repo meta-tests.
// Browser tests live in test/e2e and run through vitest.e2e.config.ts after a build.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**', 'dist/**'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
