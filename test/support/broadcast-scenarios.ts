// Broadcast runs to measure and to test: N mock groups under one street, sent at a given rate, in this process
// (PGlite + in-process queue) or by a worker process that is SIGKILLed part-way and replaced (PostgreSQL + BullMQ).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBroadcastService } from '../../src/adapters/broadcast/create-broadcast.ts';
import { createBullmqQueues } from '../../src/adapters/bullmq/bullmq-job-queues.ts';
import { createMemoryQueues } from '../../src/adapters/memory/memory-job-queues.ts';
import { broadcastRepositoryOf } from '../../src/adapters/prisma/prisma-broadcast.repository.ts';
import { openStore } from '../../src/adapters/prisma/prisma-store.ts';
import { estimateBroadcast, NO_PACE, type SendRate } from '../../src/core/broadcast/broadcast-estimate.ts';
import type { ChatGateway } from '../../src/core/ports/chat-gateway.port.ts';
import type { GridSpec } from '../../src/core/ports/grid.repository.ts';
import type { Store } from '../../src/core/ports/store.port.ts';
import type { DeliveryCounts } from '../../src/core/broadcast/broadcast.types.ts';
import { dropRedisPrefix, REDIS_URL } from './broadcast-fixtures.ts';
import { createPostgresDatabase } from './databases.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** One street, 10 communities, `groups` groups spread over them (`room-<i><suffix>`), and the street's staff member `ss`. */
export function bulkGrid(groups: number, suffix = ''): GridSpec {
  const nodes: GridSpec['nodes'] = [{ code: 'S', name: '拱辰街道', level: 'STREET', parentCode: null }];
  for (let c = 0; c < 10; c++) nodes.push({ code: `C${c}`, name: `社区${c}`, level: 'COMMUNITY', parentCode: 'S' });
  return {
    nodes,
    groups: Array.from({ length: groups }, (_, i) => ({ platform: 'WECHAT' as const, externalId: `room-${i}${suffix}`, title: `${i}号楼睦邻群`, nodeCode: `C${i % 10}`, tags: ['睦邻群'] })),
    people: [{ key: 'ss', name: '街道工作人员', identities: [], roles: [{ role: 'STREET_STAFF', nodeCode: 'S' }] }],
  };
}

export interface RunResult {
  groups: number;
  /** From just before `create` (which stores the deliveries) to the broadcast seen DONE, and to its last send. */
  elapsedMs: number;
  lastSendMs: number;
  /** The least possible time to the last send (the estimate's floor: the first window's sends go at once). */
  floorMs: number;
  ratio: number;
  /** Messages the platform accepted, and groups that got more than one. */
  accepted: number;
  duplicates: number;
  counts: DeliveryCounts;
  /** Deliveries left FAILED as uncertain (an attempt cut by the kill, not recorded), and how many of those did arrive. */
  uncertain?: number;
  uncertainArrived?: number;
  killedAfter?: number;
  /** After the kill: ms from the kill to the fresh worker ready, and to its first send; the longest pause between sends. */
  restart?: { readyMs: number; firstSendMs: number; longestGapMs: number };
  /** CPU time (user + system) per copy sent, from create to the kill: the sending process, and the local gateway's. */
  cpuPerCopyMs?: { sender: number; gateway: number };
}

const waitFor = async (check: () => Promise<boolean> | boolean, timeoutMs: number, what: string) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

/** All groups in this process: PGlite store, in-process queue, an in-memory platform counting messages per group. */
export async function runInProcess(groups: number, rate: SendRate, concurrency = 8): Promise<RunResult> {
  const store = await openStore({ kind: 'pglite', dataDir: null });
  const queues = createMemoryQueues();
  try {
    await store.grid.importSpec(bulkGrid(groups));
    const got = new Map<string, number>();
    let lastSendAt = 0;
    const gateway: ChatGateway = {
      platform: 'WECHAT',
      async sendToGroup(room) {
        got.set(room, (got.get(room) ?? 0) + 1);
        lastSendAt = Date.now();
        return { externalId: `m-${room}-${got.get(room)}` };
      },
      sendDirect: async () => ({ externalId: 'unused' }),
    };
    const { service, broadcasts } = createBroadcastService({ store, queues, gateways: { WECHAT: gateway }, rate });
    await service.startWorker(concurrency);
    const author = (await broadcasts.personByKey('ss'))!.id;
    // the author sees the preview (groups, estimate) first, as in the console; the clock starts at create
    await service.preview({ authorId: author, text: '【通知】本周六上午9点消防演练', targets: { nodeCode: 'S' } });
    const t0 = Date.now();
    const { broadcast } = await service.create({ authorId: author, text: '【通知】本周六上午9点消防演练', targets: { nodeCode: 'S' } });
    await service.dispatch(broadcast.id);
    await waitFor(async () => (await broadcasts.findById(broadcast.id))!.status === 'DONE', 600_000, 'DONE');
    const elapsedMs = Date.now() - t0;
    const floorMs = estimateBroadcast(groups, rate, NO_PACE, new Date()).floorMs;
    const accepted = [...got.values()].reduce((a, b) => a + b, 0);
    return { groups, elapsedMs, lastSendMs: lastSendAt - t0, floorMs, ratio: elapsedMs / floorMs, accepted, duplicates: [...got.values()].filter((n) => n > 1).length, counts: await broadcasts.counts(broadcast.id) };
  } finally {
    await queues.close();
    await store.close();
  }
}

/** A broadcast worker process (test/support/broadcast-worker.ts, see its env), once it is ready. */
export function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/support/broadcast-worker.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d) => String(d).includes('ready') && resolve(child));
    child.once('exit', (code) => reject(new Error(`worker exited (${code}) before it was ready: ${err}`)));
  });
}

/** The record's lines: `<room> <epoch ms>` per message the platform accepted. */
const records = (file: string) =>
  (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []).map((l) => {
    const [room = '', at = '0'] = l.split(' ');
    return { room, at: Number(at) };
  });
const lines = (file: string) => records(file).map((r) => r.room);

/**
 * A worker process sends the broadcast, is SIGKILLed once `killAt` (0–1) of the groups have a message, and a fresh
 * worker process resumes. Counts what the platform accepted per group, across both processes. With `standby`, a
 * second worker runs from the start beside the first (both take jobs, within the one shared rate) and no worker is
 * started after the kill: the survivor goes on, and takes the dead worker's claimed sends once their lock lapses.
 */
export async function runKillAndResume(groups: number, rate: SendRate, killAt = 0.5, log: (s: string) => void = () => {}, opts: { standby?: boolean } = {}): Promise<RunResult> {
  const db = await createPostgresDatabase();
  const prefix = `linli-bc-kill-${process.pid}-${randomBytes(4).toString('hex')}`;
  const record = path.join(tmpdir(), `${prefix}.log`);
  let store: Store | undefined;
  const queues = createBullmqQueues({ connection: REDIS_URL, prefix });
  const children: ChildProcess[] = [];
  try {
    store = await openStore({ kind: 'postgres', url: db.url });
    await store.grid.importSpec(bulkGrid(groups));
    const env = { DATABASE_URL: db.url, REDIS_URL, BC_PREFIX: prefix, BC_RECORD: record, BC_RATE_MAX: String(rate.max), BC_RATE_MS: String(rate.durationMs), LOG_LEVEL: 'silent' };
    // this process only creates and queues; the workers send
    const { service, broadcasts } = createBroadcastService({ store, queues, gateways: {}, rate });
    const author = (await broadcasts.personByKey('ss'))!.id;
    const first = await startWorker(env);
    children.push(first);
    if (opts.standby) children.push(await startWorker(env));
    // the author sees the preview (groups, estimate) first, as in the console; the clock starts at create
    await service.preview({ authorId: author, text: '【通知】燃气安全检查', targets: { nodeCode: 'S' } });
    const t0 = Date.now();
    const { broadcast } = await service.create({ authorId: author, text: '【通知】燃气安全检查', targets: { nodeCode: 'S' } });
    await service.dispatch(broadcast.id);
    await waitFor(() => lines(record).length >= groups * killAt, 600_000, 'half of the sends');
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const killedAt = Date.now();
    const killedAfter = lines(record).length;
    log(`worker SIGKILLed after ${killedAfter} messages (${((killedAt - t0) / 1000).toFixed(1)} s); ${opts.standby ? 'the standby worker goes on' : 'starting a fresh worker'}`);
    if (!opts.standby) children.push(await startWorker({ ...env, BC_RESUME: String(broadcast.id) }));
    const readyMs = opts.standby ? 0 : Date.now() - killedAt;
    await waitFor(async () => (await broadcasts.findById(broadcast.id))!.status === 'DONE', 600_000, 'DONE after resume');
    const elapsedMs = Date.now() - t0;
    const lastSendMs = statSync(record).mtimeMs - t0; // the workers append one line per send
    const times = records(record).map((r) => r.at);
    const firstAfter = times.find((t) => t > killedAt);
    const longestGapMs = times.reduce((g, t, i) => (i === 0 ? 0 : Math.max(g, t - times[i - 1]!)), 0);
    const restart = { readyMs, firstSendMs: firstAfter === undefined ? NaN : firstAfter - killedAt, longestGapMs };
    log(`${opts.standby ? '' : `fresh worker ready ${readyMs} ms after the kill, `}first send after the kill ${restart.firstSendMs} ms; longest pause between sends ${longestGapMs} ms`);
    const floorMs = estimateBroadcast(groups, rate, NO_PACE, new Date()).floorMs;
    const got = new Map<string, number>();
    for (const room of lines(record)) got.set(room, (got.get(room) ?? 0) + 1);
    const repo = broadcastRepositoryOf(store);
    const failed = await repo.deliveries(broadcast.id, ['FAILED']);
    const byId = new Map((await store.groups.list()).map((g) => [g.id, g.externalId]));
    return {
      groups,
      elapsedMs,
      lastSendMs,
      floorMs,
      ratio: elapsedMs / floorMs,
      accepted: lines(record).length,
      duplicates: [...got.values()].filter((n) => n > 1).length,
      counts: await repo.counts(broadcast.id),
      uncertain: failed.length,
      uncertainArrived: failed.filter((d) => got.has(byId.get(d.groupId) ?? '')).length,
      killedAfter,
      restart,
    };
  } finally {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode === null && c.signalCode === null ? new Promise((r) => c.once('exit', r)) : undefined)));
    await queues.close();
    await store?.close();
    await db.drop();
    await dropRedisPrefix(prefix);
    rmSync(record, { force: true });
  }
}
