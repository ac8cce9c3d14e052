// A scheduled broadcast outlives its process: PGlite + the in-process queue (which keeps nothing when its process
// ends) and PostgreSQL + BullMQ on Redis (own key prefix, whose delayed job survives by itself). After the "restart"
// (the first queues closed, new ones opened), BroadcastService.recover() gives the broadcast its start job back, it
// fires at its time and each group gets it once; cancelled before its time, nothing is left to fire.
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBroadcastService } from '../../src/adapters/broadcast/create-broadcast.ts';
import { createBullmqQueues } from '../../src/adapters/bullmq/bullmq-job-queues.ts';
import { createMemoryQueues } from '../../src/adapters/memory/memory-job-queues.ts';
import { broadcastRepositoryOf } from '../../src/adapters/prisma/prisma-broadcast.repository.ts';
import type { JobQueues } from '../../src/core/ports/job-queue.port.ts';
import type { Store } from '../../src/core/ports/store.port.ts';
import { freshStore, type StoreKind } from '../support/databases.ts';
import { BROADCAST_GRID, dropRedisPrefix, REDIS_URL, TestGateway, waitUntil } from '../support/broadcast-fixtures.ts';

const prefix = `linli-bc-restart-${process.pid}-${randomBytes(4).toString('hex')}`;
afterAll(() => dropRedisPrefix(`${prefix}*`));

const variants: { name: string; store: StoreKind; queue: 'memory' | 'bullmq' }[] = [
  { name: 'PGlite + in-process queue', store: 'pglite', queue: 'memory' },
  { name: 'PostgreSQL + BullMQ', store: 'postgres', queue: 'bullmq' },
];

describe.each(variants)('a scheduled broadcast across a restart on $name', ({ store: storeKind, queue: queueKind }) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let gateway: TestGateway;
  let testPrefix = prefix;
  let xu = 0;
  const opened: JobQueues[] = [];

  /** One process's broadcast side: its queues, service and started worker. */
  async function process_() {
    const queues = queueKind === 'memory' ? createMemoryQueues() : createBullmqQueues({ connection: REDIS_URL, prefix: testPrefix });
    opened.push(queues);
    const { service } = createBroadcastService({ store, queues, gateways: { WECHAT: gateway }, rate: { max: 50, durationMs: 100 }, attempts: 2, backoffMs: 20 });
    await service.startWorker(4);
    return { queues, service, delayed: async () => (await queues.queue('broadcast').counts()).delayed };
  }

  beforeEach(async () => {
    testPrefix = `${prefix}-${randomBytes(3).toString('hex')}`;
    ({ store, dispose } = await freshStore(storeKind));
    await store.grid.importSpec(BROADCAST_GRID);
    xu = (await broadcastRepositoryOf(store).personByKey('xu'))!.id;
    gateway = new TestGateway();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((q) => q.close()));
    await dispose();
  });

  it('fires at its time after the process that scheduled it is gone, once per group', async () => {
    const sentAt: number[] = [];
    gateway.onSent = () => sentAt.push(Date.now());
    const first = await process_();
    // 4 s ahead: the restart below must happen before it, even on a loaded machine
    const scheduledAt = new Date(Date.now() + 4000);
    const { broadcast } = await first.service.publish({ authorId: xu, text: '定时通知：周六消防演练', targets: { nodeCode: 'G3' }, scheduledAt });
    expect(broadcast.status).toBe('SCHEDULED');
    expect(await first.delayed()).toBe(1);
    await first.queues.close();

    const second = await process_();
    // the in-process queue lost the start job with its process; Redis kept it
    expect(await second.delayed()).toBe(queueKind === 'memory' ? 0 : 1);
    expect(await second.service.recover()).toEqual([broadcast.id]);
    expect(await second.delayed()).toBe(1); // queued again under its id: still one
    await waitUntil(async () => (await second.service.status(broadcast.id)).broadcast.status === 'DONE', 20_000, 'DONE');
    expect(gateway.copies('xy-1')).toBe(1);
    expect(gateway.copies('xy-2')).toBe(1);
    expect(gateway.total).toBe(2);
    expect(Math.min(...sentAt)).toBeGreaterThanOrEqual(scheduledAt.getTime() - 25); // not before its time
  });

  it('cancelled before its time after a restart: no start job is left, nothing is sent', async () => {
    const first = await process_();
    const { broadcast } = await first.service.publish({ authorId: xu, text: '定时通知', targets: { nodeCode: 'C1' }, scheduledAt: new Date(Date.now() + 3_600_000) });
    await first.queues.close();
    const second = await process_();
    await second.service.recover();
    expect(await second.delayed()).toBe(1);
    await second.service.cancel(broadcast.id);
    expect(await second.delayed()).toBe(0);
    const s = await second.service.status(broadcast.id);
    expect(s.broadcast.status).toBe('CANCELLED');
    expect(s.counts).toMatchObject({ SKIPPED: 4, PENDING: 0 });
    // a later restart finds nothing to queue
    expect(await second.service.recover()).toEqual([]);
    expect(gateway.total).toBe(0);
  });
});
