import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      'server-only': path.resolve(import.meta.dirname, 'test/empty-module.ts'),
      '@': path.resolve(import.meta.dirname),
    },
  },
  test: {
    include: ['{db,lib,server,components,app,test}/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Each file gets its own process and so its own database (see db/testing.ts).
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // scripts/test.mjs (npm test) names its report file in VITEST_JSON_REPORT and counts from it.
    reporters: process.env.CI || process.env.VITEST_JSON_REPORT ? ['default', ['json', { outputFile: process.env.VITEST_JSON_REPORT ?? 'test-results/vitest.json' }]] : ['default'],
  },
});
