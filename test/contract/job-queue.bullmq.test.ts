// The JobQueue contract against BullMQ on a real Redis (LINLI_TEST_REDIS_URL, default the local one). Every run
// writes under its own key prefix and deletes that prefix's keys afterwards.
import { dropRedisPrefix, TEST_REDIS_URL } from '../support/redis.ts';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createBullmqQueues } from '../../src/adapters/bullmq/bullmq-job-queues.ts';
import { createJobQueues } from '../../src/adapters/queue/create-job-queues.ts';
import { jobQueueContract } from './job-queue.contract.ts';

const REDIS_URL = TEST_REDIS_URL;
const prefix = `linli-test-${process.pid}-${randomBytes(4).toString('hex')}`;

afterAll(() => dropRedisPrefix(prefix, REDIS_URL));

jobQueueContract('bullmq', async () => createBullmqQueues({ connection: REDIS_URL, prefix }));

describe('BullMQ queues across processes', () => {
  it('keep the order within a key when two deployments consume one queue', async () => {
    const a = createBullmqQueues({ connection: REDIS_URL, prefix, partitions: 2 });
    const b = createBullmqQueues({ connection: REDIS_URL, prefix, partitions: 2 });
    try {
      const seen: number[] = [];
      let running = 0;
      let overlap = false;
      const handler = async (job: { data: number }) => {
        if (++running > 1) overlap = true;
        await new Promise((r) => setTimeout(r, Math.random() * 4));
        seen.push(job.data);
        running--;
      };
      await a.queue<number>('shared').process(handler, { concurrency: 4 });
      await b.queue<number>('shared').process(handler, { concurrency: 4 });
      for (let i = 0; i < 30; i++) await a.queue<number>('shared').add('msg', i, { orderKey: 'room-1' });
      const deadline = Date.now() + 5000;
      while (seen.length < 30 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      expect(seen).toEqual(Array.from({ length: 30 }, (_, i) => i));
      expect(overlap).toBe(false);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

it('createJobQueues picks BullMQ when a Redis URL is configured', async () => {
  const queues = createJobQueues({ queue: { kind: 'redis', url: REDIS_URL } }, { prefix });
  expect(queues.kind).toBe('bullmq');
  const q = queues.queue<string>('factory');
  await q.add('x', 'hello');
  expect(await q.counts()).toMatchObject({ waiting: 1 });
  await queues.close();
});

describe('BullMQ queues on a Redis that does not answer', () => {
  it('log the refused connection once per interval, not once per queue, partition and retry', async () => {
    const { createMemoryLogger } = await import('../../src/adapters/logging/pino.logger.ts');
    const { freePort } = await import('../support/reliability.ts');
    const port = await freePort();
    const { logger, lines } = createMemoryLogger('info');
    const queues = createBullmqQueues({ connection: `redis://127.0.0.1:${port}`, prefix, logger });
    try {
      for (const name of ['ingest', 'notify', 'notify-telegram']) queues.queue(name);
      await new Promise((r) => setTimeout(r, 2500));
      const errors = lines().filter((l) => String(l.msg).includes('ECONNREFUSED'));
      // 3 queues × 17 (16 partitions + the queue) and the producer, each retried: hundreds of lines before
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.length).toBeLessThanOrEqual(2);
      expect(errors[0]!.msg).toBe(`job queue: connect ECONNREFUSED 127.0.0.1:${port} (Redis at REDIS_URL does not answer; the same error is logged again at most every 30 s)`);
    } finally {
      await queues.close().catch(() => undefined);
    }
  });
});
