// The ticket change relay (REDIS_URL) when Redis stops answering: one line naming REDIS_URL per 30 s, as the job
// queues say it, not a warning for every reconnection of each of its two connections (about 20 in 15 s).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import { createRedisTicketRelay } from '../../src/adapters/redis/redis-ticket-relay.ts';
import { createBullmqQueues } from '../../src/adapters/bullmq/bullmq-job-queues.ts';
import { freePort } from '../support/reliability.ts';

describe('the ticket change relay on a Redis that does not answer', () => {
  it('logs the refused connection once per interval, not once per connection and retry', { timeout: 15_000 }, async () => {
    const port = await freePort();
    const { logger, lines } = createMemoryLogger('info');
    const relay = createRedisTicketRelay({ url: `redis://127.0.0.1:${port}`, prefix: `linli-test-${randomUUID().slice(0, 8)}`, logger });
    try {
      // both connections: the publisher, and the subscriber a console's process opens
      const listening = relay.listen(() => undefined).catch(() => undefined);
      const sending = relay.send({ type: 'ticket', ticketId: 1 } as never).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 4000));
      const said = lines().filter((l) => String(l.msg).includes('ECONNREFUSED'));
      expect(said).toHaveLength(1);
      expect(said[0]!.msg).toBe(`ticket change relay: connect ECONNREFUSED 127.0.0.1:${port} (Redis at REDIS_URL does not answer; the same error is logged again at most every 30 s)`);
      void listening;
      void sending;
    } finally {
      await relay.close();
    }
  });

  it('with the job queues on the same Redis (as in linli start): one line per interval in all, not one each', { timeout: 15_000 }, async () => {
    const port = await freePort();
    const url = `redis://127.0.0.1:${port}`;
    const { logger, lines } = createMemoryLogger('info');
    const prefix = `linli-test-${randomUUID().slice(0, 8)}`;
    const relay = createRedisTicketRelay({ url, prefix, logger });
    const queues = createBullmqQueues({ connection: url, prefix, logger });
    try {
      const sending = relay.send({ type: 'ticket', ticketId: 1 } as never).catch(() => undefined);
      const adding = queues.queue('ingest').add('x', {}).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 4000));
      const said = lines().filter((l) => String(l.msg).includes(`ECONNREFUSED 127.0.0.1:${port}`));
      expect(said).toHaveLength(1);
      expect(String(said[0]!.msg)).toMatch(/^(?:job queue|ticket change relay): connect ECONNREFUSED .*does not answer/);
      void sending;
      void adding;
    } finally {
      await relay.close();
      await queues.close().catch(() => undefined);
    }
  });
});
