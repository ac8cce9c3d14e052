// Each platform's replies go through its own notify queue at its own pace: WeChat's account pace on `notify`,
// Telegram's global limit on `notify-telegram`; one process runs a worker per platform whose gateway it holds.
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import { MemoryChatGateway } from '../../src/adapters/memory/memory-chat.gateway.ts';
import { createPipeline, type BuiltPipeline } from '../../src/adapters/pipeline/create-pipeline.ts';
import { NOTIFY_QUEUE, notifyQueueName } from '../../src/core/messages/outbox.ts';
import { ChatSendError } from '../../src/core/ports/chat-gateway.port.ts';
import { freshStore } from '../support/databases.ts';
import { waitUntil } from '../support/broadcast-fixtures.ts';

describe('notify per platform', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  async function setup(): Promise<{ built: BuiltPipeline; wechat: MemoryChatGateway; telegram: MemoryChatGateway }> {
    const { store, dispose } = await freshStore('pglite');
    cleanup.push(dispose);
    const { logger } = createMemoryLogger('silent');
    const built = createPipeline(
      {
        queue: { kind: 'memory' },
        pipeline: { queuePrefix: 'notify-test', notifyLimit: { max: 1, durationMs: 60_000 } },
        telegram: { apiRoot: 'http://127.0.0.1:1', globalPerSecond: 1000, groupPerMinute: 20, chatIntervalMs: 0 },
      },
      { store, logger },
    );
    cleanup.push(() => built.close());
    return { built, wechat: new MemoryChatGateway('WECHAT'), telegram: new MemoryChatGateway('TELEGRAM') };
  }

  it('queues Telegram replies on notify-telegram and sends them at Telegram’s pace, not the WeChat account’s', async () => {
    const { built, wechat, telegram } = await setup();
    const out = built.pipeline.outbox;
    for (let i = 1; i <= 3; i++) {
      await out.send({ key: `wx:${i}`, platform: 'WECHAT', to: { user: 'wx-lin' }, text: `微信 ${i}`, ticketId: null });
      await out.send({ key: `tg:${i}`, platform: 'TELEGRAM', to: { user: '2001' }, text: `电报 ${i}`, ticketId: null });
    }
    expect((await built.queues.queue(NOTIFY_QUEUE).counts()).waiting).toBe(3);
    expect((await built.queues.queue(notifyQueueName('TELEGRAM')).counts()).waiting).toBe(3);

    await built.pipeline.startWorkers(['notify'], 2, { gateways: { WECHAT: wechat, TELEGRAM: telegram } });
    await waitUntil(() => telegram.sent.length === 3, 10_000, 'three Telegram sends');
    expect(telegram.sent.map((m) => m.text)).toEqual(['电报 1', '电报 2', '电报 3']);
    // WeChat's pace here is one send a minute: its first went, the others wait their turn
    expect(wechat.sent.map((m) => m.text)).toEqual(['微信 1']);
  });

  it('fails a notify job at once when the platform refuses for good', async () => {
    const { built } = await setup();
    let calls = 0;
    const refusing = {
      platform: 'TELEGRAM' as const,
      async sendToGroup(): Promise<never> {
        calls++;
        throw new ChatSendError('Telegram refused to send to group -1: Forbidden: bot was kicked from the group chat (403)', 'NOT_IN_GROUP');
      },
      sendDirect: async () => ({ externalId: 'x' }),
    };
    await built.pipeline.outbox.send({ key: 'tg:kicked', platform: 'TELEGRAM', to: { group: '-1', groupId: 1 }, text: '通知', ticketId: null });
    await built.pipeline.startWorkers(['notify'], 1, { gateways: { TELEGRAM: refusing } });
    const q = built.queues.queue(notifyQueueName('TELEGRAM'));
    await waitUntil(async () => (await q.failed()).length === 1, 10_000, 'the failed job');
    expect(calls).toBe(1);
    expect((await q.failed())[0]!.failedReason).toMatch(/kicked/);
  });
});
