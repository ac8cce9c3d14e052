// The bot's own standing in a Telegram group (my_chat_member), through the real grammY bot against the fake Bot API and
// a real PostgreSQL store: restricted so that it may not send, the group stops (broadcasts skip it with the reason,
// without trying) until it may send again, but its appeals still become tickets, told to the worker directly and
// nothing posted in the group; removed, the group stops with its own reason and its messages are ignored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBroadcastService } from '../../src/adapters/broadcast/create-broadcast.ts';
import { createMemoryQueues } from '../../src/adapters/memory/memory-job-queues.ts';
import type { GridSpec } from '../../src/core/ports/grid.repository.ts';
import type { JobQueues } from '../../src/core/ports/job-queue.port.ts';
import { waitUntil } from '../support/broadcast-fixtures.ts';
import { SMALL_GRID } from '../support/small-grid.ts';
import { telegramHarness, type TelegramHarness } from '../support/telegram-harness.ts';

const MUTED = '-1041';
const KICKED = '-1042';
const FINE = '-1043';
const GRID: GridSpec = {
  nodes: SMALL_GRID.nodes,
  groups: [
    { platform: 'TELEGRAM', externalId: MUTED, title: '东园20号楼睦邻群', nodeCode: 'U1', tags: [] },
    { platform: 'TELEGRAM', externalId: KICKED, title: '东园20号楼业主群', nodeCode: 'U1', tags: [] },
    { platform: 'TELEGRAM', externalId: FINE, title: '东园二网格业主群', nodeCode: 'G2', tags: [] },
  ],
  people: SMALL_GRID.people.map((p, i) => ({ ...p, identities: [{ platform: 'TELEGRAM' as const, externalId: String(2001 + i) }] })),
};
const ADMIN = { id: 3100, name: '群主' };
const ZHANG = { id: 3001, name: '张阿姨' };
const LIN = { id: 2001, name: '林网格员' };

describe('the bot restricted or removed in a Telegram group', () => {
  let h: TelegramHarness;
  let queues: JobQueues;
  const group = async (chat: string) => (await h.linli.store.groups.findByExternal('TELEGRAM', chat))!;
  const sendsTo = (chat: string) => h.fake.calls.filter((c) => c.method === 'sendMessage' && String(c.payload.chat_id) === chat).length;
  const logged = (msg: string, chat: string) => h.logs().filter((l) => l.msg === msg && l.externalId === chat).length;

  beforeAll(async () => {
    h = await telegramHarness(GRID, { kind: 'postgres', limits: { groupPerMinute: 1000 } });
    queues = createMemoryQueues();
  }, 60_000);
  afterAll(async () => {
    await queues?.close();
    await h?.dispose();
  });

  it('stops posting in a group where it may not send (a broadcast skips it with the reason, without trying) yet registers its appeals; able again, it is active', async () => {
    const { service, broadcasts } = createBroadcastService({ store: h.linli.store, queues, gateways: { TELEGRAM: h.telegram.gateway }, rate: { max: 30, durationMs: 1000 }, jitterMs: 0 });
    await service.startWorker(2);
    const author = (await broadcasts.personByKey('xu'))!.id;
    const ids = [(await group(MUTED)).id, (await group(KICKED)).id, (await group(FINE)).id];
    // the broadcast is written while all three are active; then the bot is muted in one and removed from another
    const { broadcast } = await service.create({ authorId: author, text: '【通知】明天上午9点停水检修', targets: { groupIds: ids } });
    h.fake.botMembership(MUTED, 'restricted', ADMIN, { canSend: false });
    h.fake.botMembership(KICKED, 'kicked', ADMIN);
    await h.settle();
    expect(await group(MUTED)).toMatchObject({ active: false, muted: true });
    expect(await group(KICKED)).toMatchObject({ active: false, muted: false });
    expect(logged('bot may not send messages in a group: it is skipped until it may', MUTED)).toBe(1);
    // staff are told, as when it is removed
    const told = (needle: string) => h.fake.calls.filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) > 0 && String(c.payload.text).includes(needle)).length;
    await waitUntil(() => told('助手被移出群') > 0 && told('助手在群内不能发言') > 0, 10_000, 'the staff told of both');

    const before = { muted: sendsTo(MUTED), kicked: sendsTo(KICKED) };
    await service.dispatch(broadcast.id);
    await waitUntil(async () => (await broadcasts.findById(broadcast.id))!.status === 'DONE', 20_000, 'broadcast DONE');
    expect(await broadcasts.counts(broadcast.id)).toMatchObject({ SENT: 1, SKIPPED: 2, FAILED: 0 });
    const skipped = new Map((await broadcasts.deliveries(broadcast.id, ['SKIPPED'])).map((d) => [d.groupId, d.reason]));
    expect(skipped.get(ids[0]!)).toBe('机器人在群内不能发言（被禁言或仅管理员可发言）');
    expect(skipped.get(ids[1]!)).toBe('机器人不在群内（群已停用）');
    // neither was tried
    expect({ muted: sendsTo(MUTED), kicked: sendsTo(KICKED) }).toEqual(before);
    // named again: left out, saying why
    const preview = await service.preview({ authorId: author, text: '【通知】', targets: { groupIds: [ids[0]!] } });
    expect(preview.ignored).toEqual([{ ref: ids[0], reason: '机器人在群内不能发言' }]);

    // restricted, the bot still receives the group's messages: an appeal becomes a ticket, its worker is told directly,
    // a staff reply to it claims it, and nothing is posted in the group (not even tried: Telegram would refuse it)
    h.fake.muted.add(MUTED);
    const tickets = async () => h.linli.store.tickets.list({ groupId: ids[0]! });
    const appeal = h.fake.say(MUTED, ZHANG, '20号楼107室门口的污水井盖破损严重，快塌下去了，物业能否帮忙更换一下？');
    await h.settle();
    const [ticket] = await tickets();
    expect(ticket).toMatchObject({ status: 'REPORTED', groupId: ids[0] });
    await waitUntil(() => h.fake.sentTo(LIN.id).some((m) => m.text.includes(`新工单 #${ticket!.number}`)), 10_000, 'the worker told directly');
    h.fake.reply(MUTED, LIN, '收到', { messageId: appeal.message_id, fromBot: false, text: appeal.text });
    await h.settle();
    expect((await h.linli.tickets.get(ticket!.number)).status).toBe('ACCEPTED');
    h.fake.say(KICKED, ZHANG, '20号楼电梯坏了，困人了，快来人');
    await h.settle();
    expect(await tickets()).toHaveLength(1);
    expect(await h.linli.store.tickets.list({ groupId: ids[1]! })).toEqual([]);
    expect({ muted: sendsTo(MUTED), kicked: sendsTo(KICKED) }).toEqual(before);
    expect(h.logs().filter((l) => l.msg === 'the bot may not send messages in this group (muted): the post is skipped' && l.groupId === ids[0])).not.toHaveLength(0);
    h.fake.muted.delete(MUTED);

    // it may send again (its restriction lifted): active again, and logged once
    h.fake.botMembership(MUTED, 'restricted', ADMIN, { canSend: true, from: 'restricted' });
    await h.settle();
    expect(await group(MUTED)).toMatchObject({ active: true, muted: false });
    expect(logged('bot may send messages in a group again', MUTED)).toBe(1);
    // muted again, then made a member: active again
    h.fake.botMembership(MUTED, 'restricted', ADMIN, { canSend: false });
    await h.settle();
    expect(await group(MUTED)).toMatchObject({ active: false, muted: true });
    h.fake.botMembership(MUTED, 'member', ADMIN, { from: 'restricted' });
    await h.settle();
    expect(await group(MUTED)).toMatchObject({ active: true, muted: false });
    expect(logged('bot may not send messages in a group: it is skipped until it may', MUTED)).toBe(2);
    expect(logged('bot may send messages in a group again', MUTED)).toBe(2);
    const again = await service.create({ authorId: author, text: '【通知】停水检修已结束', targets: { groupIds: [ids[0]!] } });
    await service.dispatch(again.broadcast.id);
    await waitUntil(async () => (await broadcasts.findById(again.broadcast.id))!.status === 'DONE', 20_000, 'second broadcast DONE');
    expect(await broadcasts.counts(again.broadcast.id)).toMatchObject({ SENT: 1, SKIPPED: 0 });
    expect(h.fake.sentTo(MUTED).map((s) => s.text)).toEqual(['【通知】停水检修已结束']);
  });
});
