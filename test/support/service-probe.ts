// Quick checks that a PostgreSQL or Redis answers at a URL (connect plus a real round trip, short timeouts), a free
// local port, and whether a command is on PATH.
import { accessSync, constants, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { Redis } from 'ioredis';

const reason = (e: unknown) => (e instanceof Error ? e.message || (e as { code?: string }).code || e.name : String(e));

/** null when PostgreSQL answers `SELECT 1` at `url` within `timeoutMs`, else why not. */
export async function probePostgres(url: string, timeoutMs = 2000): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (e) {
    return reason(e);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** null when Redis answers PING at `url` within `timeoutMs`, else why not. */
export async function probeRedis(url: string, timeoutMs = 2000): Promise<string | null> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  let lastError: unknown;
  redis.on('error', (e) => (lastError = e));
  try {
    await redis.connect();
    await redis.ping();
    return null;
  } catch (e) {
    return reason(lastError ?? e);
  } finally {
    redis.disconnect();
  }
}

/** A TCP port nothing listens on right now (on 127.0.0.1). */
export function freeLocalPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** The full path of `command` found on PATH (as the shell would run it), or null. */
export function onPath(command: string, pathVar = process.env.PATH ?? ''): string | null {
  for (const dir of pathVar.split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return null;
}
