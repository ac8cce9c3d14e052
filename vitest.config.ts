import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/eval/**', 'node_modules/**'],
    // generous: e2e tests spawn the CLI and Wechaty; on a loaded 2-core machine they can take tens of seconds
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: true,
  },
});
