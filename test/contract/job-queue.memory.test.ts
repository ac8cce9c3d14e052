import { expect, it } from 'vitest';
import { createMemoryQueues } from '../../src/adapters/memory/memory-job-queues.ts';
import { createJobQueues } from '../../src/adapters/queue/create-job-queues.ts';
import { jobQueueContract } from './job-queue.contract.ts';

jobQueueContract('memory', async () => createMemoryQueues());

it('createJobQueues picks the in-process queue without a Redis URL', async () => {
  const queues = createJobQueues({ queue: { kind: 'memory' } });
  expect(queues.kind).toBe('memory');
  await queues.close();
});
