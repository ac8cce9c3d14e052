// `npm test` runs this before the typecheck, so that a machine that lacks a test service hears it at once, in one
// line, rather than after the typecheck. The test run itself (test-services.ts) then starts what is missing.
import { checkServices } from './service-check.ts';

const { problem } = await checkServices();
if (problem) process.stderr.write(`linli tests: ${problem}\n`);
// at once: a failed Redis probe leaves ioredis's connect timer behind for a while
process.exit(problem ? 1 : 0);
