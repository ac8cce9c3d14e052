// A message whose handling fails half-way (a send fails after the ticket was written) stays in the inbox; handling it
// again finishes the job once: no second ticket, no second event, no reply sent twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinli, type Linli } from '../../src/app.ts';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import { inProcessPipeline, type BuiltPipeline } from '../../src/adapters/pipeline/create-pipeline.ts';
import type { IncomingMessage } from '../../src/core/messages/incoming-message.ts';
import { MemoryChatGateway } from '../../src/adapters/memory/memory-chat.gateway.ts';
import type { ChatGateway, SendOptions } from '../../src/core/ports/chat-gateway.port.ts';
import type { Store } from '../../src/core/ports/store.port.ts';
import { freshStore } from '../support/databases.ts';
import { weekdayCalendar } from '../support/harness.ts';
import { scriptedTriage } from '../support/scripted-triage.ts';
import { SMALL_GRID } from '../support/small-grid.ts';

/** Lets the n-th send from now fail, as a network error would. */
class FlakyGateway implements ChatGateway {
  readonly platform = 'WECHAT' as const;
  private failAt = -1;
  private count = 0;
  constructor(readonly inner: MemoryChatGateway) {}
  failSend(nth: number) {
    this.failAt = this.count + nth;
  }
  private maybeFail() {
    if (++this.count === this.failAt) throw new Error('network down');
  }
  async sendToGroup(g: string, text: string, o?: SendOptions) {
    this.maybeFail();
    return this.inner.sendToGroup(g, text, o);
  }
  async sendDirect(u: string, text: string) {
    this.maybeFail();
    return this.inner.sendDirect(u, text);
  }
}

describe('handling a message again after a failure', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let linli: Linli;
  let pipeline: BuiltPipeline;
  /** Handled as the ingest worker does, without the queue: the failure comes back. */
  const handle = async (m: IncomingMessage) => (await linli.handleNow([m]))[0]!;
  /** The one inbox-retry reader: the pipeline queues the unhandled messages again; its worker handles them. */
  const retryUnhandled = async (olderThanMs: number) => {
    const n = await pipeline.pipeline.requeueUnhandled(olderThanMs);
    await pipeline.idle();
    return n;
  };
  const chat = new MemoryChatGateway('WECHAT');
  const flaky = new FlakyGateway(chat);
  let seq = 0;
  const msg = (from: { id: string; name: string }, text: string) => ({
    platform: 'WECHAT' as const,
    externalId: `m-${++seq}`,
    groupExternalId: 'room-20',
    sender: { externalId: from.id, name: from.name },
    text,
    sentAt: new Date(),
  });

  beforeAll(async () => {
    ({ store, dispose } = await freshStore('pglite'));
    await store.grid.importSpec(SMALL_GRID);
    const logger = createMemoryLogger().logger;
    pipeline = inProcessPipeline({ store, logger });
    linli = createLinli({
      store,
      triage: scriptedTriage([['井盖', { category: 'facility_repair' }]]),
      gateways: { WECHAT: flaky },
      logger,
      calendar: weekdayCalendar,
      inbox: pipeline.pipeline.inbox,
    });
    await pipeline.pipeline.startWorkers(['ingest'], 1, { assistant: linli.assistant });
  });
  afterAll(async () => {
    await pipeline.close();
    await dispose();
  });

  it('finishes a report whose receipt failed: one ticket, one receipt, one direct message', async () => {
    flaky.failSend(1);
    await expect(handle(msg({ id: 'wx-zhang', name: '张阿姨' }, '20号楼门口井盖坏了'))).rejects.toThrow('network down');
    expect(await store.tickets.list({})).toHaveLength(1);
    expect(chat.sent).toHaveLength(0);

    expect(await retryUnhandled(0)).toBe(1);
    expect(await store.tickets.list({})).toHaveLength(1);
    expect(chat.inGroup('room-20').map((m) => m.text)).toEqual([expect.stringMatching(/^已收到，工单 #1 已登记/)]);
    expect(chat.toUser('wx-lin').filter((m) => m.text.includes('新工单'))).toHaveLength(1);
    // a broken manhole cover is a hazard: the grid worker is also alerted, once
    expect(chat.toUser('wx-lin').filter((m) => m.text.includes('巡查提醒'))).toHaveLength(1);
    expect(await retryUnhandled(0)).toBe(0); // nothing left in the inbox
  });

  it('does not repeat a receipt that went out when the direct message after it failed', async () => {
    flaky.failSend(2);
    await expect(handle(msg({ id: 'wx-li', name: '李先生' }, '3号楼井盖也松了'))).rejects.toThrow();
    await retryUnhandled(0);
    const receipts = chat.inGroup('room-20').filter((m) => m.text.includes('#2'));
    expect(receipts).toHaveLength(1);
    expect(chat.toUser('wx-chen').filter((m) => m.text.includes('#2'))).toHaveLength(1);
  });

  it('applies a claim once even when its reply failed', async () => {
    flaky.failSend(1);
    await expect(handle(msg({ id: 'wx-lin', name: '林网格员' }, '认领 #1'))).rejects.toThrow();
    await retryUnhandled(0);
    const t = (await store.tickets.findByNumber(1))!;
    expect(t.status).toBe('ACCEPTED');
    expect((await store.tickets.events(t.id)).filter((e) => e.type === 'claimed')).toHaveLength(1);
    expect(chat.inGroup('room-20').filter((m) => m.text.includes('已由林网格员受理'))).toHaveLength(1);
  });
});
