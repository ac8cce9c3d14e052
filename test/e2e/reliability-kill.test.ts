// Crash safety of the pipeline (issue #5): 2,000 messages (10 % appeals the shipped model detects, the rest chatter)
// are submitted into BullMQ + PostgreSQL; the `linli worker` that handles them is SIGKILLed once ≈40 % are handled and
// a new one is started. This process plays the bot: it submits and runs the notify worker on a MemoryChatGateway.
// Afterwards every message is handled once in effect: all stored and handled, one ticket per appeal, one receipt per
// ticket recorded and one seen by the chat.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import { MemoryChatGateway } from '../../src/adapters/memory/memory-chat.gateway.ts';
import { createPipeline, type BuiltPipeline } from '../../src/adapters/pipeline/create-pipeline.ts';
import { openStore } from '../../src/adapters/prisma/prisma-store.ts';
import { INGEST_QUEUE } from '../../src/core/pipeline/ingest.handler.ts';
import { NOTIFY_QUEUE } from '../../src/core/messages/outbox.ts';
import type { Store } from '../../src/core/ports/store.port.ts';
import { createPostgresDatabase } from '../support/databases.ts';
import {
  dropRedisPrefix,
  inParallel,
  killIfRunning,
  plannedMessages,
  reliabilityGrid,
  SHARED_REDIS_URL,
  spawnWorker,
  storeCounter,
  waitFor,
  type WorkerChild,
} from '../support/reliability.ts';

// 2,000 (it was 5,000): what is checked is "once each" across the kill, and at 2,000 the kill still lands near 40 %
// (≈950 handled) with jobs active in the dead worker, which the new one takes over once their locks expire (≈10 s
// after the kill). Not 1,000: there the kill came after ≈870 handled and nothing was left active to reclaim.
// LINLI_RELIABILITY_MESSAGES=5000 runs the old size.
const TOTAL = Number(process.env.LINLI_RELIABILITY_MESSAGES ?? 2000);
const UNITS = TOTAL / 10; // one appeal per building group, nine lines of chatter
const prefix = `linli-test-rel-kill-${process.pid}-${randomBytes(4).toString('hex')}`;

describe('reliability: a worker killed mid-run', () => {
  let db: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let store: Store;
  let counter: ReturnType<typeof storeCounter>;
  let built: BuiltPipeline | undefined;
  const workers: WorkerChild[] = [];

  beforeAll(async () => {
    db = await createPostgresDatabase();
    store = await openStore({ kind: 'postgres', url: db.url });
    await store.grid.importSpec(reliabilityGrid(UNITS));
    counter = storeCounter(db.url);
  }, 120_000);

  afterAll(async () => {
    for (const w of workers) killIfRunning(w.child);
    await built?.close();
    await counter?.close();
    await store?.close();
    await db?.drop();
    await dropRedisPrefix(SHARED_REDIS_URL, prefix);
  }, 60_000);

  it(`handles ${TOTAL} messages once each across a SIGKILL of the ingest worker`, { timeout: 240_000 }, async () => {
    const env = { REDIS_URL: SHARED_REDIS_URL, DATABASE_URL: db.url, LINLI_QUEUE_PREFIX: prefix };
    const t0 = Date.now();
    const first = spawnWorker(env, 8);
    workers.push(first);
    await first.ready;

    const chat = new MemoryChatGateway('WECHAT');
    built = createPipeline(
      { queue: { kind: 'redis', url: SHARED_REDIS_URL }, pipeline: { queuePrefix: prefix, notifyLimit: { max: 100_000, durationMs: 1000 } } },
      { store, logger: createMemoryLogger('warn').logger },
    );
    await built.pipeline.startWorkers(['notify'], 4, { gateways: { WECHAT: chat } });

    const planned = plannedMessages(TOTAL, UNITS, 'kill');
    const appeals = planned.filter((p) => p.appeal).length;
    const submitting = inParallel(planned, 16, (p) => built!.pipeline.submit(p.msg));

    // SIGKILL the worker once ≈40 % are handled
    await waitFor('40 % handled', async () => (await counter.handled()) >= TOTAL * 0.4, 120_000, 25);
    const handledAtKill = await counter.handled();
    first.child.kill('SIGKILL');
    await first.exited;
    const killedAt = Date.now();
    const second = spawnWorker(env, 8);
    workers.push(second);
    await second.ready;

    const results = await submitting;
    const submitted = Date.now();
    expect(results.filter((r) => r !== 'queued')).toEqual([]);

    await waitFor(
      'every message handled and every receipt sent',
      async () => {
        const c = await counter.counts();
        return c.handled === TOTAL && c.tickets === appeals && chat.sent.filter((s) => s.text.startsWith('已收到')).length >= appeals;
      },
      180_000,
      250,
    );
    const drained = Date.now();
    // anything late (a repeated job, a repeated send) would still be queued, delayed or running (a dead worker's job
    // counts as active until it is reclaimed): once the queues are empty, nothing more can come
    await waitFor('the queues to be empty', async () => {
      const [i, n] = await Promise.all([built!.queues.queue(INGEST_QUEUE).counts(), built!.queues.queue(NOTIFY_QUEUE).counts()]);
      return i.waiting + i.active + i.delayed + n.waiting + n.active + n.delayed === 0;
    }, 60_000, 250);

    const c = await counter.counts();
    expect(c).toEqual({ incoming: TOTAL, handled: TOTAL, tickets: appeals, receipts: appeals, receiptTickets: appeals });
    expect(await counter.mismatches()).toBe(0);
    const receipts = chat.sent.filter((s) => s.text.startsWith('已收到'));
    expect(receipts).toHaveLength(appeals);
    const numbers = receipts.map((s) => /#(\d+)/.exec(s.text)![1]);
    expect(new Set(numbers).size).toBe(appeals);
    const rooms = receipts.map((s) => ('group' in s.to ? s.to.group : ''));
    expect(new Set(rooms).size).toBe(appeals);
    expect((await built.queues.queue(INGEST_QUEUE).failed()).length).toBe(0);
    expect((await built.queues.queue(NOTIFY_QUEUE).failed()).length).toBe(0);

    console.info(
      `[reliability-kill] ${TOTAL} messages (${appeals} appeals): killed at ${handledAtKill} handled (${((killedAt - t0) / 1000).toFixed(1)} s), ` +
        `all submitted at ${((submitted - t0) / 1000).toFixed(1)} s, all handled and receipted at ${((drained - t0) / 1000).toFixed(1)} s ` +
        `(${((drained - killedAt) / 1000).toFixed(1)} s after the kill); chat saw ${chat.sent.length} sends`,
    );
    killIfRunning(second.child, 'SIGTERM');
    expect(await second.exited).toBe(0);
  });
});
