// One look at Redis before a command that needs it: a Redis that does not answer is said in one line naming
// REDIS_URL, instead of BullMQ's connection error for every queue (hundreds of lines) or a worker retrying forever.
import { Redis } from 'ioredis';
import { StartupError } from '../../bots/startup-error.ts';

/** The URL as the operator may see it: without a password. */
export function redisUrlForDisplay(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.toString().replace(/\/$/, '');
  } catch {
    return 'the URL';
  }
}

/** Connects once and pings; throws a StartupError (exit 1, no stack) saying what is wrong. */
export async function assertRedisAnswers(url: string, timeoutMs = 5_000): Promise<void> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  let last: unknown;
  redis.on('error', (e) => (last = e));
  try {
    await redis.connect();
    await redis.ping();
  } catch (e) {
    const err = (last ?? e) as Error;
    throw new StartupError(`cannot connect to Redis (REDIS_URL ${redisUrlForDisplay(url)}): ${err.message}; is Redis running there?`, { cause: err });
  } finally {
    redis.disconnect();
  }
}
