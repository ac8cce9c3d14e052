// The assistant's batch (what one ingest job hands over): each message once, a group's messages in order, and a failure
// that holds back only the rest of its own group; the batch again finishes what was left, nothing twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingMessage } from '../../src/core/messages/incoming-message.ts';
import type { Triage } from '../../src/core/ports/triage.port.ts';
import { harness, type Harness } from '../support/harness.ts';
import { scriptedTriage } from '../support/scripted-triage.ts';

const at = new Date('2026-11-20T04:16:00Z');
const msg = (id: string, group: string, text: string, from = 'wx-zhang'): IncomingMessage => ({
  platform: 'WECHAT',
  externalId: id,
  groupExternalId: group,
  sender: { externalId: from, name: from === 'wx-zhang' ? '张阿姨' : '李叔' },
  text,
  sentAt: new Date(at.getTime() + Number(id.replace(/\D/g, '')) * 1000),
});

describe.each(['pglite', 'postgres'] as const)('a batch of messages (%s)', (kind) => {
  let h: Harness;
  const inner = scriptedTriage([['坏了', { category: 'facility_repair' }]]);
  let failOn: string | null = null;
  const triage: Triage = {
    async classify(text, ctx) {
      if (failOn && text.includes(failOn)) throw new Error('triage hiccup');
      return inner.classify(text, ctx);
    },
  };

  beforeAll(async () => {
    h = await harness(triage, { kind });
  });
  afterAll(() => h.dispose());

  it('a failure holds back the rest of its group only; the retried batch finishes it, nothing twice', async () => {
    const batch = [
      msg('b1', 'room-20', '20号楼路灯坏了'),
      msg('b2', 'room-20', '21号楼门禁坏了'),
      msg('b3', 'room-20', '22号楼水管坏了', 'wx-li'),
      msg('b4', 'room-g2', '东门井盖坏了'),
    ];
    failOn = '门禁';
    await expect(h.handleNow(batch)).rejects.toThrow('triage hiccup');
    const stored = await Promise.all(batch.map((m) => h.store.messages.findByExternal('WECHAT', m.externalId)));
    expect(stored.map((m) => m!.handledAt !== null)).toEqual([true, false, false, true]);
    expect(stored.map((m) => m!.ticketId !== null)).toEqual([true, false, false, true]);

    failOn = null;
    const ids = stored.map((m) => m!.id);
    // the job again, as the pipeline queues it: with the stored ids
    const outcomes = await h.assistant.handleBatch(batch.map((m, i) => ({ msg: m, messageId: ids[i]!, groupId: stored[i]!.groupId! })));
    expect(outcomes.map((o) => o.kind)).toEqual(['duplicate', 'ticket', 'ticket', 'duplicate']);
    const tickets = await h.store.tickets.list({ limit: 10 });
    expect(tickets).toHaveLength(4);
    // in order within the group: the ticket numbers follow the messages
    const numberOf = async (id: string) => (await h.store.tickets.findById((await h.store.messages.findByExternal('WECHAT', id))!.ticketId!))!.number;
    expect(await numberOf('b2')).toBeLessThan(await numberOf('b3'));
    const receipts = h.chat.inGroup('room-20').filter((s) => s.text.startsWith('已收到'));
    expect(receipts).toHaveLength(3);
  });

  it('a message twice in one batch, or already handled, is handled once', async () => {
    const m = msg('b10', 'room-20', '23号楼电梯坏了');
    const before = h.chat.inGroup('room-20').length;
    const outcomes = await h.handleNow([m, { ...m }]);
    expect(outcomes.map((o) => o.kind)).toEqual(['ticket', 'duplicate']);
    expect((await h.handleNow([m]))[0]!.kind).toBe('duplicate');
    expect(h.chat.inGroup('room-20').length - before).toBe(1);
  });
});
