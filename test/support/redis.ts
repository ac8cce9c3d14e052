// Redis for tests: the shared server, and removing one test's keys (never anything else's).
import { Redis } from 'ioredis';
import { testRedisUrl } from './service-urls.ts';

export const TEST_REDIS_URL = testRedisUrl();

/** Deletes every key under `prefix:` (never anything else: the Redis is shared). */
export async function dropRedisPrefix(prefix: string, url = TEST_REDIS_URL): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 3 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
