// Outages under load (issue #5), with a `linli worker --queues ingest` child and this process playing the bot
// (submitting, and sending receipts through a MemoryChatGateway):
//   (a) Redis dies mid-run and comes back ~3 s later, empty (a private redis-server without persistence): submit keeps
//       the messages (they are stored first), the workers reconnect, requeueUnhandled (what the bot runs at login)
//       queues what was stored while Redis was down or lost with it, and every message ends handled once;
//   (b) PostgreSQL is unreachable for 10 s (the worker's DATABASE_URL goes through a TCP proxy that drops and refuses
//       connections; the shared server is never stopped): jobs fail and wait for their retry with backoff, and after
//       PostgreSQL returns every message is handled once.
// Outcomes are asserted, not timings; timings are printed.
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import { MemoryChatGateway } from '../../src/adapters/memory/memory-chat.gateway.ts';
import { createPipeline, type BuiltPipeline } from '../../src/adapters/pipeline/create-pipeline.ts';
import { openStore } from '../../src/adapters/prisma/prisma-store.ts';
import { NOTIFY_QUEUE } from '../../src/core/messages/outbox.ts';
import { INGEST_QUEUE } from '../../src/core/pipeline/ingest.handler.ts';
import type { SubmitResult } from '../../src/core/pipeline/pipeline.ts';
import type { Store } from '../../src/core/ports/store.port.ts';
import { createPostgresDatabase } from '../support/databases.ts';
import {
  dropRedisPrefix,
  killIfRunning,
  pgProxy,
  plannedMessages,
  privateRedis,
  reliabilityGrid,
  SHARED_REDIS_URL,
  sleep,
  spawnWorker,
  storeCounter,
  waitFor,
  type PlannedMessage,
  type WorkerChild,
} from '../support/reliability.ts';

const TOTAL = 1000;
const UNITS = TOTAL / 10;
const SUBMIT_EVERY_MS = 10; // 100 messages/s, open loop

interface World {
  db: Awaited<ReturnType<typeof createPostgresDatabase>>;
  store: Store;
  counter: ReturnType<typeof storeCounter>;
  chat: MemoryChatGateway;
  built?: BuiltPipeline;
  workers: WorkerChild[];
  cleanups: (() => Promise<void>)[];
}

const worlds: World[] = [];

async function world(): Promise<World> {
  const db = await createPostgresDatabase();
  const store = await openStore({ kind: 'postgres', url: db.url });
  await store.grid.importSpec(reliabilityGrid(UNITS));
  const w: World = { db, store, counter: storeCounter(db.url), chat: new MemoryChatGateway('WECHAT'), workers: [], cleanups: [] };
  worlds.push(w);
  return w;
}

async function dispose(w: World) {
  for (const c of w.workers) killIfRunning(c.child);
  await w.built?.close().catch(() => undefined);
  for (const c of w.cleanups.reverse()) await c().catch(() => undefined);
  await w.counter.close();
  await w.store.close();
  await w.db.drop();
}

afterEach(async () => {
  for (const w of worlds.splice(0)) await dispose(w);
}, 60_000);
afterAll(async () => {
  for (const w of worlds.splice(0)) await dispose(w);
});

/** Starts this process's side: the pipeline on `redisUrl` and the notify worker sending to the memory chat. */
async function playBot(w: World, redisUrl: string, prefix: string) {
  w.built = createPipeline(
    { queue: { kind: 'redis', url: redisUrl }, pipeline: { queuePrefix: prefix, notifyLimit: { max: 100_000, durationMs: 1000 } } },
    { store: w.store, logger: createMemoryLogger('fatal').logger },
  );
  await w.built.pipeline.startWorkers(['notify'], 4, { gateways: { WECHAT: w.chat } });
  return w.built;
}

/** Submits one message every SUBMIT_EVERY_MS whatever happens (the chat does not wait for Redis). */
async function submitPaced(built: BuiltPipeline, planned: PlannedMessage[]): Promise<SubmitResult[]> {
  const start = Date.now();
  const all: Promise<SubmitResult>[] = [];
  for (const [i, p] of planned.entries()) {
    const wait = start + i * SUBMIT_EVERY_MS - Date.now();
    if (wait > 0) await sleep(wait);
    all.push(built.pipeline.submit({ ...p.msg, sentAt: new Date() }));
  }
  return Promise.all(all);
}

/** Every message handled once, one ticket per appeal, one receipt per ticket recorded and one seen by the chat. */
async function expectEachHandledOnce(w: World, planned: PlannedMessage[]) {
  const appeals = planned.filter((p) => p.appeal).length;
  const built = w.built!;
  await waitFor('the queues to be empty', async () => {
    const [i, n] = await Promise.all([built.queues.queue(INGEST_QUEUE).counts(), built.queues.queue(NOTIFY_QUEUE).counts()]);
    return i.waiting + i.active + i.delayed + n.waiting + n.active + n.delayed === 0;
  }, 60_000, 250); // nothing queued, delayed or running: nothing more can come
  expect(await w.counter.counts()).toEqual({ incoming: TOTAL, handled: TOTAL, tickets: appeals, receipts: appeals, receiptTickets: appeals });
  expect(await w.counter.mismatches()).toBe(0);
  const receipts = w.chat.sent.filter((s) => s.text.startsWith('已收到'));
  expect(receipts).toHaveLength(appeals);
  expect(new Set(receipts.map((s) => /#(\d+)/.exec(s.text)![1])).size).toBe(appeals);
  expect(new Set(receipts.map((s) => ('group' in s.to ? s.to.group : ''))).size).toBe(appeals);
}

describe('reliability: outages', () => {
  it('Redis killed mid-run and restarted empty after 3 s: every message is handled once', { timeout: 240_000 }, async () => {
    const w = await world();
    const redis = await privateRedis();
    w.cleanups.push(() => redis.stop());
    const prefix = `linli-test-rel-redis-${process.pid}-${randomBytes(4).toString('hex')}`;
    const worker = spawnWorker({ REDIS_URL: redis.url, DATABASE_URL: w.db.url, LINLI_QUEUE_PREFIX: prefix }, 8);
    w.workers.push(worker);
    await worker.ready;
    const built = await playBot(w, redis.url, prefix);
    const planned = plannedMessages(TOTAL, UNITS, 'redis');
    const t0 = Date.now();
    const submitting = submitPaced(built, planned);

    await waitFor('30 % handled', async () => (await w.counter.handled()) >= TOTAL * 0.3, 120_000, 25);
    const handledAtKill = await w.counter.handled();
    await redis.kill();
    const killedAt = Date.now();
    await sleep(3000);
    await redis.start();
    const restartedAt = Date.now();

    const results = await submitting;
    const submittedAt = Date.now();
    const tally = results.reduce<Record<string, number>>((a, r) => ((a[r] = (a[r] ?? 0) + 1), a), {});
    // nothing is lost at the door: every submit either queued the message or left it stored for the requeue
    expect(results.every((r) => r === 'queued' || r === 'stored')).toBe(true);
    expect(await w.counter.counts()).toMatchObject({ incoming: TOTAL });

    // what the bot does once the queue is back (its retryInbox at login): queue again what was stored and not handled
    let offered = 0;
    let rounds = 0;
    await waitFor(
      'every message handled after the requeue',
      async () => {
        if ((await w.counter.handled()) === TOTAL) return true;
        offered += (await built.pipeline.recover(0)).messages;
        rounds++;
        return false;
      },
      120_000,
      2000,
    );
    const handledAt = Date.now();
    expect(worker.child.exitCode).toBeNull();
    // receipts whose notify jobs died with Redis are queued again from the outbox table, as the bot's timer does
    let replies = 0;
    await waitFor('every receipt sent', async () => {
      replies += (await built.pipeline.recover(0)).replies;
      return w.chat.sent.filter((s) => s.text.startsWith('已收到')).length >= TOTAL / 10;
    }, 60_000, 1000);
    await expectEachHandledOnce(w, planned);
    console.info(
      `[reliability-outage redis] killed at ${handledAtKill}/${TOTAL} handled (${((killedAt - t0) / 1000).toFixed(1)} s), restarted ${((restartedAt - killedAt) / 1000).toFixed(1)} s later; ` +
        `submit results ${JSON.stringify(tally)}, all submitted at ${((submittedAt - t0) / 1000).toFixed(1)} s; requeueUnhandled offered ${offered} in ${rounds} rounds; replies queued again from the outbox table ${replies}; ` +
        `all handled at ${((handledAt - t0) / 1000).toFixed(1)} s`,
    );
  });

  it('PostgreSQL unreachable for 10 s: jobs retry with backoff and every message is handled once', { timeout: 240_000 }, async () => {
    const w = await world();
    const proxy = await pgProxy();
    w.cleanups.push(() => proxy.close());
    const prefix = `linli-test-rel-pg-${process.pid}-${randomBytes(4).toString('hex')}`;
    w.cleanups.push(() => dropRedisPrefix(SHARED_REDIS_URL, prefix));
    const worker = spawnWorker({ REDIS_URL: SHARED_REDIS_URL, DATABASE_URL: proxy.via(w.db.url), LINLI_QUEUE_PREFIX: prefix }, 8);
    w.workers.push(worker);
    await worker.ready;
    // this process stores through its own connection: only the worker loses PostgreSQL
    const built = await playBot(w, SHARED_REDIS_URL, prefix);
    const ingest = built.queues.queue(INGEST_QUEUE);
    const planned = plannedMessages(TOTAL, UNITS, 'pg');
    const t0 = Date.now();
    const submitting = submitPaced(built, planned);

    await waitFor('30 % handled', async () => (await w.counter.handled()) >= TOTAL * 0.3, 120_000, 25);
    const handledAtDown = await w.counter.handled();
    proxy.down();
    const downAt = Date.now();
    let maxDelayed = 0;
    while (Date.now() - downAt < 10_000) {
      maxDelayed = Math.max(maxDelayed, (await ingest.counts()).delayed);
      await sleep(250);
    }
    const handledWhileDown = (await w.counter.handled()) - handledAtDown;
    proxy.up();
    const upAt = Date.now();

    const results = await submitting;
    expect(results.every((r) => r === 'queued')).toBe(true);
    await waitFor('every message handled', async () => (await w.counter.handled()) === TOTAL, 120_000, 250);
    const handledAt = Date.now();
    expect(worker.child.exitCode).toBeNull();
    expect(maxDelayed).toBeGreaterThan(0); // jobs failed and waited for their retry
    expect(proxy.refused).toBeGreaterThan(0); // the worker kept trying to reconnect
    const failed = await ingest.failed();
    expect(failed.map((f) => `${f.id}: ${f.failedReason}`)).toEqual([]); // no job ran out of attempts
    // receipts whose notify jobs died with Redis are queued again from the outbox table, as the bot's timer does
    let replies = 0;
    await waitFor('every receipt sent', async () => {
      replies += (await built.pipeline.recover(0)).replies;
      return w.chat.sent.filter((s) => s.text.startsWith('已收到')).length >= TOTAL / 10;
    }, 60_000, 1000);
    await expectEachHandledOnce(w, planned);
    console.info(
      `[reliability-outage pg] down at ${handledAtDown}/${TOTAL} handled (${((downAt - t0) / 1000).toFixed(1)} s) for ${((upAt - downAt) / 1000).toFixed(1)} s; ` +
        `handled while down ${handledWhileDown}, at most ${maxDelayed} jobs waiting for a retry, ${proxy.refused} connections refused; ` +
        `all handled at ${((handledAt - t0) / 1000).toFixed(1)} s (${((handledAt - upAt) / 1000).toFixed(1)} s after PostgreSQL returned)`,
    );
  });
});
