import { defineConfig } from 'vitest/config';
import SlowFirstSequencer from './test/support/sequencer.ts';

// what both projects below run with (they do not extend the root: its globalSetup would then run once per project)
const common = {
  exclude: ['test/eval/**', 'node_modules/**'],
  // generous: e2e tests spawn the CLI and Wechaty; on a loaded 2-core machine they can take tens of seconds
  testTimeout: 120_000,
  hookTimeout: 60_000,
  pool: 'forks' as const,
};

export default defineConfig({
  test: {
    // brings up a throwaway PostgreSQL and Redis when the configured ones do not answer (a fresh machine); once per run
    globalSetup: ['test/support/test-services.ts'],
    // two files at a time even on 2 cores (vitest's default is cores − 1 = 1): most files wait on processes, sockets
    // and timers rather than the CPU; LINLI_TEST_WORKERS overrides
    maxWorkers: Number(process.env.LINLI_TEST_WORKERS) || 2,
    fileParallelism: true,
    // slow kinds of file first, so that the suite does not end on one long e2e file (test/support/sequencer.ts)
    sequence: { sequencer: SlowFirstSequencer },
    projects: [
      // Unit and integration files run in reused workers (isolate: false): a worker process is reused from file to file
      // and the modules the files import (the triage and hazard models, the console, the store) are loaded once per
      // worker instead of once per file in a new process (docs/BENCHMARKS.md, session 18: test/unit 67 → 24 s,
      // test/integration 297 → 172 s). Each file makes its own stores, key prefixes and ports and closes them; none
      // mocks a module; the files that fake timers restore them after each test.
      { test: { ...common, name: 'reused', include: ['test/{unit,integration}/**/*.test.ts'], isolate: false } },
      // files that spawn CLIs, Wechaty, grammY and Chromium, and the store contracts: each in its own process, as before
      { test: { ...common, name: 'services', include: ['test/{contract,e2e}/**/*.test.ts'] } },
    ],
  },
});
