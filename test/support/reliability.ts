// Shared parts of the reliability tests (test/e2e/reliability-*.test.ts) and the ingest benchmark: a grid with one
// UNIT per building so that no two appeals merge, a message mix (≈10 % appeals the shipped model certainly detects),
// `linli worker` child processes, counts read straight from PostgreSQL, a private redis-server that can be killed and
// restarted, a TCP proxy in front of PostgreSQL that can refuse connections, and Redis key clean-up by prefix.
import { dropRedisPrefix as dropPrefix, TEST_REDIS_URL } from './redis.ts';
import { PG_ADMIN_URL } from './databases.ts';
import { spawn, type ChildProcess, type ChildProcessWithoutNullStreams } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { IncomingMessage } from '../../src/core/messages/incoming-message.ts';
import type { GridSpec } from '../../src/core/ports/grid.repository.ts';
import { ROOT } from './cli.ts';

export const SHARED_REDIS_URL = TEST_REDIS_URL;

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function waitFor(what: string, condition: () => Promise<boolean> | boolean, timeoutMs = 60_000, everyMs = 100) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

/**
 * A street › community › `grids` grids › `units` buildings (one UNIT and one group each, spread over the grids), one
 * grid worker per grid. Buildings are siblings, so appeals from two groups never merge as duplicates.
 */
export function reliabilityGrid(units: number, grids = 10): GridSpec {
  return {
    nodes: [
      { code: 'S1', name: '拱辰街道', level: 'STREET', parentCode: null },
      { code: 'C1', name: '东园社区', level: 'COMMUNITY', parentCode: 'S1' },
      ...Array.from({ length: grids }, (_, g) => ({ code: `G${g + 1}`, name: `东园第${g + 1}网格`, level: 'GRID' as const, parentCode: 'C1' })),
      ...Array.from({ length: units }, (_, u) => ({ code: `U${u + 1}`, name: `${u + 1}号楼`, level: 'UNIT' as const, parentCode: `G${(u % grids) + 1}` })),
    ],
    groups: Array.from({ length: units }, (_, u) => ({
      platform: 'WECHAT' as const,
      externalId: `room-${u + 1}`,
      title: `东园${u + 1}号楼睦邻群`,
      nodeCode: `U${u + 1}`,
      tags: ['睦邻群'],
    })),
    people: Array.from({ length: grids }, (_, g) => ({
      key: `wk-${g + 1}`,
      name: `网格员${g + 1}`,
      identities: [{ platform: 'WECHAT' as const, externalId: `wk-${g + 1}` }],
      roles: [{ role: 'GRID_WORKER' as const, nodeCode: `G${g + 1}` }],
    })),
  };
}

/** Everyday chatter the shipped model classifies as chatter with confidence ≥ 0.97 (checked with `linli triage classify`). */
export const CHATTER = ['早上好', '收到', '谢谢大家', '今天天气真不错', '大家吃了吗', '好的', '晚安'];

export const appealText = (building: number) => `${building}号楼电梯坏了，卡在三楼不动`;

export interface PlannedMessage {
  msg: IncomingMessage;
  appeal: boolean;
}

/**
 * `total` messages over `units` groups, `perGroup = total / units` each: the first of every group is its building's
 * appeal (from the resident `res-<u>`), the rest chatter from two neighbours. Interleaved across groups, as the
 * groups of a deployment talk at once. `tag` keeps external ids unique across runs on one database; `firstUnit` picks
 * the buildings (groups firstUnit … firstUnit + units − 1), so two runs on one database use different groups.
 */
export function plannedMessages(total: number, units: number, tag = 'm', firstUnit = 1): PlannedMessage[] {
  const perGroup = Math.ceil(total / units);
  const out: PlannedMessage[] = [];
  for (let k = 0; k < perGroup && out.length < total; k++) {
    for (let u = firstUnit; u < firstUnit + units && out.length < total; u++) {
      const appeal = k === 0;
      const sender = appeal ? `res-${u}` : `nb-${u}-${k % 2}`;
      out.push({
        appeal,
        msg: {
          platform: 'WECHAT',
          externalId: `${tag}-${u}-${k}`,
          groupExternalId: `room-${u}`,
          sender: { externalId: sender, name: sender },
          text: appeal ? appealText(u) : CHATTER[(u + k) % CHATTER.length]!,
          sentAt: new Date(),
        },
      });
    }
  }
  return out;
}

/** Runs `fn` over `items` with at most `limit` at once. */
export async function inParallel<T, R>(items: readonly T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      for (;;) {
        const i = next++;
        if (i >= items.length) return;
        results[i] = await fn(items[i]!, i);
      }
    }),
  );
  return results;
}

export interface WorkerChild {
  child: ChildProcessWithoutNullStreams;
  stderr(): string;
  exited: Promise<number | null>;
  /** Resolves once the worker printed that it runs; rejects if it exits first. */
  ready: Promise<void>;
}

/** Starts `linli worker --queues ingest` with the given environment (REDIS_URL, DATABASE_URL, LINLI_QUEUE_PREFIX). */
export function spawnWorker(env: Record<string, string>, concurrency = 8): WorkerChild {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/linli.js'), 'worker', '--queues', 'ingest', '--concurrency', String(concurrency)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'warn', ...env },
  });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  child.stdout.resume();
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = (async () => {
    await waitFor('the worker to start', () => err.includes('Linli worker running') || child.exitCode !== null || child.signalCode !== null, 60_000, 50);
    if (!err.includes('Linli worker running')) throw new Error(`linli worker exited before running:\n${err.slice(-2000)}`);
  })();
  return { child, stderr: () => err, exited, ready };
}

export function killIfRunning(p: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGKILL') {
  if (p && p.exitCode === null && p.signalCode === null) p.kill(signal);
}

/** Deletes every key under `prefix:` of the Redis at `url`. */
export const dropRedisPrefix = (url: string, prefix: string): Promise<void> => dropPrefix(prefix, url);

export interface PipelineCounts {
  incoming: number;
  handled: number;
  tickets: number;
  /** Receipts recorded as sent (OUT, to a group, "已收到，工单 …"). */
  receipts: number;
  /** Distinct tickets among them. */
  receiptTickets: number;
}

/** What the store says, read with plain SQL (a pool of its own, on the database's direct URL). */
export function storeCounter(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const one = async (sql: string) => Number((await pool.query<{ n: string }>(sql)).rows[0]!.n);
  return {
    handled: () => one(`SELECT count(*) AS n FROM "Message" WHERE direction = 'IN' AND "handledAt" IS NOT NULL`),
    async counts(): Promise<PipelineCounts> {
      const r = await pool.query<Record<keyof PipelineCounts, string>>(`
        SELECT
          (SELECT count(*) FROM "Message" WHERE direction = 'IN') AS incoming,
          (SELECT count(*) FROM "Message" WHERE direction = 'IN' AND "handledAt" IS NOT NULL) AS handled,
          (SELECT count(*) FROM "Ticket") AS tickets,
          (SELECT count(*) FROM "Message" WHERE direction = 'OUT' AND "groupId" IS NOT NULL AND text LIKE '已收到%') AS receipts,
          (SELECT count(DISTINCT "ticketId") FROM "Message" WHERE direction = 'OUT' AND "groupId" IS NOT NULL AND text LIKE '已收到%') AS "receiptTickets"`);
      const row = r.rows[0]!;
      return {
        incoming: Number(row.incoming),
        handled: Number(row.handled),
        tickets: Number(row.tickets),
        receipts: Number(row.receipts),
        receiptTickets: Number(row.receiptTickets),
      };
    },
    /** Tickets whose source message is not an appeal text, or appeal messages without a ticket. */
    async mismatches(): Promise<number> {
      return one(`SELECT count(*) AS n FROM "Message" WHERE direction = 'IN' AND ((text LIKE '%电梯坏了%') <> ("ticketId" IS NOT NULL))`);
    },
    close: () => pool.end(),
  };
}

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** A redis-server of this test only, without persistence: killing it loses every key, as a crashed cache would. */
export async function privateRedis() {
  const port = await freePort();
  let proc: ChildProcess | undefined;
  const url = `redis://127.0.0.1:${port}`;
  const ping = async () => {
    const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    r.on('error', () => undefined);
    try {
      await r.connect();
      return (await r.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      r.disconnect();
    }
  };
  const start = async () => {
    proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await waitFor(`redis-server on port ${port}`, ping, 10_000, 50);
  };
  const kill = async () => {
    const p = proc;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    const gone = new Promise((r) => p.once('exit', r));
    p.kill('SIGKILL');
    await gone;
  };
  await start();
  return { url, port, start, kill, stop: kill };
}

/**
 * A TCP proxy to PostgreSQL: `down()` closes every open connection and refuses new ones (as a server that went away),
 * `up()` accepts again. Counts refused connection attempts.
 */
export async function pgProxy(target = { host: new URL(PG_ADMIN_URL).hostname, port: Number(new URL(PG_ADMIN_URL).port || 5432) }) {
  const port = await freePort();
  const sockets = new Set<net.Socket>();
  let refusing = false;
  let refused = 0;
  const server = net.createServer((client) => {
    if (refusing) {
      refused++;
      client.destroy();
      return;
    }
    const upstream = net.connect(target.port, target.host);
    sockets.add(client);
    sockets.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port,
    /** The database URL with host and port replaced by the proxy's. */
    via(url: string) {
      const u = new URL(url);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString();
    },
    down() {
      refusing = true;
      for (const s of sockets) s.destroy();
      sockets.clear();
    },
    up() {
      refusing = false;
    },
    get refused() {
      return refused;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
