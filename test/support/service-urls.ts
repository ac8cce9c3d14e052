// Where the tests find PostgreSQL and Redis: LINLI_TEST_PG_URL and LINLI_TEST_REDIS_URL, else the local defaults.
// The global setup (test-services.ts) points these at throwaway servers when nothing answers there.
export const DEFAULT_TEST_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';
export const DEFAULT_TEST_REDIS_URL = 'redis://127.0.0.1:6379';

export const testPgUrl = (): string => process.env.LINLI_TEST_PG_URL || DEFAULT_TEST_PG_URL;
export const testRedisUrl = (): string => process.env.LINLI_TEST_REDIS_URL || DEFAULT_TEST_REDIS_URL;

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}
