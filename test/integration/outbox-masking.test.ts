// The outbox is the one way out: a message queued for the notify workers is masked before it is queued (no phone
// number in the queue), and one queued raw before the fix is masked when the worker sends it. Real in-process queue,
// real PGlite store, in-memory chat.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryChatGateway } from '../../src/adapters/memory/memory-chat.gateway.ts';
import { createMemoryQueues } from '../../src/adapters/memory/memory-job-queues.ts';
import { DirectOutbox, QueuedOutbox } from '../../src/core/messages/outbox.ts';
import { createNotifyHandler } from '../../src/core/pipeline/notify.handler.ts';
import type { JobQueues } from '../../src/core/ports/job-queue.port.ts';
import type { OutgoingMessage } from '../../src/core/ports/outbox.port.ts';
import type { Store } from '../../src/core/ports/store.port.ts';
import { freshStore } from '../support/databases.ts';
import { waitUntil } from '../support/broadcast-fixtures.ts';

describe('queued sends are masked', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let queues: JobQueues;
  const chat = new MemoryChatGateway('WECHAT');
  const queuedTexts: string[] = [];

  beforeAll(async () => {
    ({ store, dispose } = await freshStore('pglite'));
    queues = createMemoryQueues();
    const direct = new DirectOutbox({ WECHAT: chat }, store.messages);
    const send = createNotifyHandler(direct);
    await queues.queue<OutgoingMessage>('notify').process(async (job) => {
      queuedTexts.push((job.data as OutgoingMessage).text);
      await send(job as never);
    });
  });
  afterAll(async () => {
    await queues.close();
    await dispose();
  });

  it('masks before queueing, and masks (and cleans of control characters) a raw job left in the queue when it is sent', async () => {
    const queue = queues.queue<OutgoingMessage>('notify');
    const outbox = new QueuedOutbox(queue);
    await outbox.send({ key: 'q:1', platform: 'WECHAT', to: { user: 'wx-lin' }, text: '业主电话 １３８ １２３４ ５６７８', ticketId: null });
    // queued before the outbox masked: the worker still sends it masked
    await queue.add('send', { key: 'q:2', platform: 'WECHAT', to: { user: 'wx-lin' }, text: '旧任务\u001b[31m 0086 13912345678\u0007', ticketId: null }, { jobId: 'q:2' });
    await waitUntil(async () => chat.toUser('wx-lin').length === 2, 10_000, 'two sends');

    expect(queuedTexts).toEqual(['业主电话 １３８****５６７８', '旧任务\u001b[31m 0086 13912345678\u0007']);
    expect(chat.toUser('wx-lin').map((m) => m.text)).toEqual(['业主电话 １３８****５６７８', '旧任务 0086 139****5678']);
  });
});

describe('the direct outbox sends a key once', () => {
  it('skips a key sent before, and looks for it only when the send is not its first attempt', async () => {
    const { store, dispose } = await freshStore('pglite');
    try {
      const chat = new MemoryChatGateway('WECHAT');
      let looks = 0;
      const messages = Object.create(store.messages, {
        outgoingSent: { value: (key: string) => (looks++, store.messages.outgoingSent(key)) },
      }) as Store['messages'];
      const outbox = new DirectOutbox({ WECHAT: chat }, messages);
      const m: OutgoingMessage = { key: 'bc:1:7', platform: 'WECHAT', to: { user: 'wx-lin' }, text: '通知', ticketId: null };
      await outbox.send(m, { firstAttempt: true });
      expect(looks).toBe(0);
      await outbox.send(m); // a retry: the key was sent, nothing goes out again
      expect(looks).toBe(1);
      expect(chat.toUser('wx-lin')).toHaveLength(1);
    } finally {
      await dispose();
    }
  });
});
