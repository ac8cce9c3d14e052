import { defineConfig } from 'vitest/config';
import SlowFirstSequencer from './test/support/sequencer.ts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/eval/**', 'node_modules/**'],
    // brings up a throwaway PostgreSQL and Redis when the configured ones do not answer (a fresh machine)
    globalSetup: ['test/support/test-services.ts'],
    // generous: e2e tests spawn the CLI and Wechaty; on a loaded 2-core machine they can take tens of seconds
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // two files at a time even on 2 cores (vitest's default is cores − 1 = 1): most files wait on processes, sockets
    // and timers rather than the CPU; LINLI_TEST_WORKERS overrides
    maxWorkers: Number(process.env.LINLI_TEST_WORKERS) || 2,
    fileParallelism: true,
    // slow kinds of file first, so that the suite does not end on one long e2e file (test/support/sequencer.ts)
    sequence: { sequencer: SlowFirstSequencer },
  },
});
