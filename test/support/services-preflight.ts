// `npm test` runs this before the typecheck, so that a machine that lacks a test service hears it at once, in one
// line, rather than after the typecheck. The test run itself (test-services.ts) then starts what is missing.
import { existsSync } from 'node:fs';
import { CHROMIUM } from './browser.ts';
import { checkServices } from './service-check.ts';

let { problem } = await checkServices();
// the console's end-to-end tests need a real browser; nothing can start one that is not installed
if (!problem && !existsSync(CHROMIUM)) problem = `Chromium is not at ${CHROMIUM}: apt-get install -y chromium (.ci/run does), or set LINLI_TEST_CHROMIUM`;
if (problem) process.stderr.write(`linli tests: ${problem}\n`);
// at once: a failed Redis probe leaves ioredis's connect timer behind for a while
process.exit(problem ? 1 : 0);
