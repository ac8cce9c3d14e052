// The whole loop in Telegram groups: the real grammY bot (long polling through @grammyjs/runner, auto-retry) against a
// fake Bot API on node:http, a real store and the shipped triage model; then a broadcast to 30 Telegram groups within
// Telegram's limits, read from the fake's own record of when each send arrived.
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBroadcastService, telegramSendRate } from '../../src/adapters/broadcast/create-broadcast.ts';
import { createMemoryQueues } from '../../src/adapters/memory/memory-job-queues.ts';
import type { GridSpec } from '../../src/core/ports/grid.repository.ts';
import type { JobQueues } from '../../src/core/ports/job-queue.port.ts';
import type { Message } from 'grammy/types';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import { StaffTicketActions } from '../../src/core/tickets/staff-actions.ts';
import { FakeTelegram, type SentRecord } from '../support/fake-telegram.ts';
import { SMALL_GRID } from '../support/small-grid.ts';
import { telegramHarness, type TelegramHarness } from '../support/telegram-harness.ts';
import { waitUntil } from '../support/broadcast-fixtures.ts';

const G20 = '-1001';
const G2 = '-1002';
/** A second group of 20号楼: tests of their own there keep G20 within Telegram's 20 sends a minute into a group. */
const G20B = '-1006';
/** SMALL_GRID on Telegram: its groups as supergroups, every person with a Telegram id (2001 …). */
const GRID: GridSpec = {
  nodes: SMALL_GRID.nodes,
  groups: [
    { platform: 'TELEGRAM', externalId: G20, title: '东园20号楼睦邻群', nodeCode: 'U1', tags: ['睦邻群'] },
    { platform: 'TELEGRAM', externalId: G2, title: '东园二网格业主群', nodeCode: 'G2', tags: ['业主群'] },
    { platform: 'TELEGRAM', externalId: G20B, title: '东园20号楼业主二群', nodeCode: 'U1', tags: [] },
  ],
  people: SMALL_GRID.people.map((p, i) => ({ ...p, identities: [{ platform: 'TELEGRAM' as const, externalId: String(2001 + i) }] })),
};
const LIN = { id: 2001, name: '林网格员' };
const WU = { id: 2003, name: '吴网格员' };
const ZHANG = { id: 3001, name: '张阿姨' };
const LI = { id: 3002, name: '李先生' };
const plain = (s: SentRecord | undefined) => FakeTelegram.plain(s?.text ?? '');

describe('Telegram bot on a fake Bot API', () => {
  let h: TelegramHarness;
  const last = (chat: string) => h.fake.lastSentTo(chat);

  beforeAll(async () => {
    h = await telegramHarness(GRID);
  });
  afterAll(() => h?.dispose());

  it('answers an appeal with a receipt (number, deadline), replying to it and mentioning the resident', async () => {
    const appeal = h.fake.say(G20, ZHANG, '20号楼107室门口的污水井盖破损严重，快塌下去了，物业能否帮忙更换一下？');
    await h.settle();
    const receipt = last(G20)!;
    expect(plain(receipt)).toMatch(/^@张阿姨 已收到，工单 #\d+ 已登记（设施维修，加急），网格员将于 2 小时内受理.*前办结/);
    expect(receipt.text).toContain(`<a href="tg://user?id=${ZHANG.id}">张阿姨</a>`);
    expect(receipt.parseMode).toBe('HTML');
    expect(receipt.replyTo).toEqual({ message_id: appeal.message_id, allow_sending_without_reply: true });
    // the on-duty worker hears about it directly
    const no = Number(/#(\d+)/.exec(receipt.text)![1]);
    expect(h.fake.sentTo(LIN.id).some((m) => plain(m).includes(`新工单 #${no}`))).toBe(true);
  });

  it('follows a group upgraded to a supergroup: same mapping and tickets under the new id, even after the new chat spoke first', async () => {
    const OLD = '-3001';
    const NEW = '-1003001';
    await h.linli.store.grid.importSpec({ ...GRID, groups: [...GRID.groups, { platform: 'TELEGRAM', externalId: OLD, title: '东园21号楼睦邻群', nodeCode: 'U1', tags: [] }] });
    h.fake.group(OLD, '东园21号楼睦邻群');
    h.fake.group(NEW, '东园21号楼睦邻群');
    h.fake.say(OLD, ZHANG, '21号楼楼道灯坏了，晚上黑乎乎的');
    await h.settle();
    const first = Number(/#(\d+)/.exec(last(OLD)!.text)![1]);
    // the new chat's first message arrives before the old chat's notice, as Telegram may deliver them
    h.fake.say(NEW, ZHANG, '大家好');
    await h.settle();
    h.fake.push({ message: h.fake.message(OLD, ZHANG, { migrate_to_chat_id: Number(NEW) } as never) } as never);
    h.fake.push({ message: h.fake.message(NEW, ZHANG, { migrate_from_chat_id: Number(OLD) } as never) } as never);
    await h.settle();
    const groups = h.linli.store.groups;
    expect(await groups.findByExternal('TELEGRAM', OLD)).toBeNull();
    const moved = (await groups.findByExternal('TELEGRAM', NEW))!;
    expect(moved).toMatchObject({ title: '东园21号楼睦邻群', active: true });
    expect(moved.gridNodeId).not.toBeNull();
    expect((await groups.listUnmapped()).map((g) => g.externalId)).not.toContain(NEW);
    expect((await h.linli.tickets.get(first)).groupId).toBe(moved.id);
    // the group goes on working under its new id: an appeal gets a receipt there, a command on the old ticket works
    h.fake.say(NEW, ZHANG, '21号楼门口井盖也坏了，很危险');
    await h.settle();
    expect(plain(last(NEW))).toMatch(/^@张阿姨 已收到，工单 #\d+/);
    h.fake.say(NEW, LIN, `认领 #${first}`);
    await h.settle();
    expect(plain(last(NEW))).toContain(`工单 #${first} 已由林网格员受理`);
  });

  it('follows an upgrade it hears of only by a refused send: a receipt and a broadcast copy reach the new id once, and the group follows', async () => {
    const [OLD, NEW, OLD2, NEW2] = ['-3002', '-1003002', '-3003', '-1003003'];
    const upgraded = [{ platform: 'TELEGRAM' as const, externalId: OLD, title: '东园22号楼睦邻群', nodeCode: 'U1', tags: [] }, { platform: 'TELEGRAM' as const, externalId: OLD2, title: '东园23号楼睦邻群', nodeCode: 'U1', tags: [] }];
    await h.linli.store.grid.importSpec({ ...GRID, groups: [...GRID.groups, ...upgraded] });
    for (const [id, title] of [[OLD, '东园22号楼睦邻群'], [NEW, '东园22号楼睦邻群'], [OLD2, '东园23号楼睦邻群'], [NEW2, '东园23号楼睦邻群']] as const) h.fake.group(id, title);
    // a resident's appeal arrives, then the group is upgraded before the bot answers: the old chat refuses sends, and
    // the service messages are still on their way (or were lost while the bot was away)
    h.fake.migrated.set(OLD, NEW);
    h.fake.say(OLD, ZHANG, '22号楼3单元的水管爆了，楼道里全是水');
    await h.settle();
    expect(h.fake.sentTo(OLD)).toEqual([]);
    expect(h.fake.sentTo(NEW).map(plain)).toEqual([expect.stringMatching(/^@张阿姨 已收到，工单 #\d+ 已登记/)]);
    const group = (await h.linli.store.groups.findByExternal('TELEGRAM', NEW))!;
    expect(group).toMatchObject({ title: '东园22号楼睦邻群', active: true });
    expect(await h.linli.store.groups.findByExternal('TELEGRAM', OLD)).toBeNull();
    expect(h.logs().some((l) => l.msg === 'group upgraded to a supergroup: it keeps its mapping under the new id' && l.to === NEW)).toBe(true);

    // a broadcast to a group upgraded unheard of: its copy is refused at the old id and sent to the new one, once
    h.fake.migrated.set(OLD2, NEW2);
    const queues = createMemoryQueues();
    try {
      const { service, broadcasts } = createBroadcastService({ store: h.linli.store, queues, gateways: { TELEGRAM: h.telegram.gateway }, rate: { max: 30, durationMs: 1000 }, jitterMs: 0 });
      await service.startWorker(2);
      const author = (await broadcasts.personByKey('xu'))!.id;
      const target = (await h.linli.store.groups.findByExternal('TELEGRAM', OLD2))!.id;
      const { broadcast } = await service.create({ authorId: author, text: '【通知】23号楼明天上午停水检修', targets: { groupIds: [target] } });
      await service.dispatch(broadcast.id);
      await waitUntil(async () => (await broadcasts.findById(broadcast.id))!.status === 'DONE', 20_000, 'broadcast DONE');
      await h.settle();
      expect(await broadcasts.counts(broadcast.id)).toMatchObject({ SENT: 1, SKIPPED: 0, FAILED: 0 });
      expect(h.fake.sentTo(NEW2).map((m) => m.text)).toEqual(['【通知】23号楼明天上午停水检修']);
      expect(h.fake.sentTo(OLD2)).toEqual([]);
      expect((await h.linli.store.groups.findByExternal('TELEGRAM', NEW2))?.title).toBe('东园23号楼睦邻群');
    } finally {
      await queues.close();
    }
  });

  it('answers in the forum topic an appeal was posted in, and tells the worker\'s claim and result there', async () => {
    const FORUM = '-1004';
    await h.linli.store.grid.importSpec({ ...GRID, groups: [...GRID.groups, { platform: 'TELEGRAM', externalId: FORUM, title: '东园24号楼业主论坛', nodeCode: 'U1', tags: [] }] });
    h.fake.group(FORUM, '东园24号楼业主论坛', { forum: true });
    const TOPIC = 41;
    const appeal = h.fake.say(FORUM, ZHANG, '24号楼2单元的电梯按钮失灵了，按了没反应', h.fake.inTopic(FORUM, TOPIC));
    await h.settle();
    const receipt = last(FORUM)!;
    expect(plain(receipt)).toMatch(/^@张阿姨 已收到，工单 #\d+ 已登记/);
    expect(receipt).toMatchObject({ thread: TOPIC, threadParam: TOPIC, replyTo: { message_id: appeal.message_id } });
    const no = Number(/#(\d+)/.exec(receipt.text)![1]);
    // the worker claims and resolves in the General topic: both are told in the resident's topic
    h.fake.say(FORUM, LIN, `认领 #${no}`);
    await h.settle();
    expect(plain(last(FORUM))).toContain(`工单 #${no} 已由林网格员受理`);
    expect(last(FORUM)!.thread).toBe(TOPIC);
    h.fake.say(FORUM, LIN, `办结 #${no} 按钮已更换`);
    await h.settle();
    const result = last(FORUM)!;
    expect(plain(result)).toContain(`工单 #${no} 已办结：按钮已更换。`);
    expect(result.thread).toBe(TOPIC);
    // she rates it by replying there: the thanks comes in her topic too
    h.fake.reply(FORUM, ZHANG, '满意', { messageId: result.messageId, text: plain(result), thread: TOPIC });
    await h.settle();
    expect(plain(last(FORUM))).toBe(`@张阿姨 感谢您的评价（满意），工单 #${no} 已关闭。`);
    expect(last(FORUM)!.thread).toBe(TOPIC);
    expect((await h.linli.tickets.get(no)).status).toBe('CLOSED');

    // a topic deleted since its appeal: the claim is told in the group's General topic, once, rather than nowhere
    h.fake.say(FORUM, LI, '24号楼北门的门禁坏了，刷卡进不去', h.fake.inTopic(FORUM, 42));
    await h.settle();
    const other = Number(/#(\d+)/.exec(last(FORUM)!.text)![1]);
    h.fake.deletedThreads.add(`${FORUM}:42`);
    const sends = h.fake.sentTo(FORUM).length;
    h.fake.say(FORUM, LIN, `认领 #${other}`);
    await h.settle();
    const told = h.fake.sentTo(FORUM).slice(sends);
    expect(told.map((m) => [plain(m), m.thread])).toEqual([[expect.stringContaining(`工单 #${other} 已由林网格员受理`), undefined]]);

    // a result given in the console is told in the appeal's topic as well
    h.fake.say(FORUM, LI, '24号楼南门的路灯不亮了，晚上很黑', h.fake.inTopic(FORUM, 43));
    await h.settle();
    const third = Number(/#(\d+)/.exec(last(FORUM)!.text)![1]);
    const actions = new StaffTicketActions({ tickets: h.linli.tickets, store: h.linli.store, outbox: h.linli.outbox, logger: createMemoryLogger('silent').logger });
    const lin = (await h.linli.store.people.ensureByIdentity('TELEGRAM', String(LIN.id), LIN.name)).id;
    await actions.run(third, { personId: lin, name: LIN.name }, { kind: 'resolve', note: '灯泡已更换' }, 'console:forum');
    await h.settle();
    expect([plain(last(FORUM)), last(FORUM)!.thread]).toEqual([expect.stringContaining(`工单 #${third} 已办结：灯泡已更换。`), 43]);
  });

  it('runs the loop by replies: the worker claims by replying 收到, resolves, the resident rates 满意', async () => {
    h.fake.say(G20, ZHANG, '3号楼电梯又坏了，卡在5楼不动');
    await h.settle();
    const receipt = last(G20)!;
    const no = Number(/#(\d+)/.exec(receipt.text)![1]);

    h.fake.reply(G20, LIN, '收到', { messageId: receipt.messageId, text: plain(receipt) });
    await h.settle();
    expect(plain(last(G20))).toMatch(new RegExp(`^@张阿姨 工单 #${no} 已由林网格员受理`));

    // a thank-you in reply to the bot is a quote, not a new appeal
    const before = h.fake.sentTo(G20).length;
    h.fake.reply(G20, ZHANG, '好的谢谢', { messageId: last(G20)!.messageId });
    await h.settle();
    expect(h.fake.sentTo(G20).length).toBe(before);

    h.fake.say(G20, LIN, `办结 #${no} 电梯已修复`);
    await h.settle();
    const closing = last(G20)!;
    expect(plain(closing)).toBe(`@张阿姨 工单 #${no} 已办结：电梯已修复。请回复本消息“满意”“基本满意”或“不满意”，您的评价是我们改进的依据。`);

    h.fake.reply(G20, ZHANG, '满意', { messageId: closing.messageId });
    await h.settle();
    expect(plain(last(G20))).toBe(`@张阿姨 感谢您的评价（满意），工单 #${no} 已关闭。`);
    const t = await h.linli.tickets.get(no);
    expect(t.status).toBe('CLOSED');
    const events = await h.linli.tickets.timeline(t.id);
    expect(events.map((e) => e.type)).toEqual(['reported', 'claimed', 'resolved', 'closed']);
  });

  it('lets the worker claim and resolve by replying to the resident\'s own appeal, not only to the receipt', async () => {
    const appeal = h.fake.say(G20, ZHANG, '20号楼地下车库入口的卷帘门坏了，卡在一半升不上去');
    await h.settle();
    const no = Number(/#(\d+)/.exec(last(G20)!.text)![1]);
    // a neighbour's 收到 to it is no claim, and nothing to answer
    const sends = h.fake.sentTo(G20).length;
    h.fake.reply(G20, LI, '收到', { messageId: appeal.message_id, fromBot: false, text: appeal.text });
    await h.settle();
    expect(h.fake.sentTo(G20).length).toBe(sends);
    expect((await h.linli.tickets.get(no)).status).toBe('REPORTED');

    h.fake.reply(G20, LIN, '收到，马上过去看', { messageId: appeal.message_id, fromBot: false, text: appeal.text });
    await h.settle();
    expect(plain(last(G20))).toMatch(new RegExp(`^@张阿姨 工单 #${no} 已由林网格员受理`));
    h.fake.reply(G20, LIN, '办结 卷帘门电机已修好', { messageId: appeal.message_id, fromBot: false, text: appeal.text });
    await h.settle();
    expect(plain(last(G20))).toMatch(new RegExp(`^@张阿姨 工单 #${no} 已办结：卷帘门电机已修好。`));
    expect((await h.linli.tickets.get(no)).status).toBe('RESOLVED');
  });

  it('answers /start and /help (Telegram\'s own commands) with how to tell a problem; another bot\'s command stays quiet', async () => {
    const ask = '您好，请直接说明遇到的问题，例如“3号楼电梯停了”，我会为您登记。';
    const command = (text: string) => h.fake.say(G20, LI, text, { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] } as never);
    for (const text of ['/start', `/help@${h.fake.bot.username}`]) {
      const m = command(text);
      await h.settle();
      expect(plain(last(G20))).toBe(`@李先生 ${ask}`);
      expect(last(G20)!.replyTo?.message_id).toBe(m.message_id);
    }
    const sends = h.fake.sentTo(G20).length;
    command('/help@other_bot');
    await h.settle();
    expect(h.fake.sentTo(G20).length).toBe(sends);
  });

  it('reads an edited message: chatter edited into an appeal is registered, an appeal edited after its receipt adds to its ticket', async () => {
    const he = { id: 3005, name: '何师傅' };
    const edit = (m: { message_id: number; date: number; chat: unknown; from?: unknown }, text: string, at: number) =>
      h.fake.push({ edited_message: { ...m, text, edit_date: at } } as never);
    const hello = h.fake.say(G20, he, '大家好呀');
    await h.settle();
    const before = h.fake.sentTo(G20).length;
    edit(hello, '21号楼门口的下水道堵了，污水都漫到路上了', hello.date + 30);
    await h.settle();
    expect(h.fake.sentTo(G20).length).toBe(before + 1);
    const receipt = last(G20)!;
    expect(plain(receipt)).toMatch(/^@何师傅 已收到，工单 #\d+ 已登记/);
    expect(receipt.replyTo?.message_id).toBe(hello.message_id);

    // an appeal corrected after its receipt ("电剃" → "电梯", "困了人" said): the same ticket, with the corrected words
    const ma = { id: 3006, name: '马阿姨' };
    const appeal = h.fake.say(G20, ma, '22号楼的电剃又坏了');
    await h.settle();
    const no = Number(/#(\d+)/.exec(last(G20)!.text)![1]);
    const sends = h.fake.sentTo(G20).length;
    edit(appeal, '22号楼的电梯又坏了，里面困了人', appeal.date + 20);
    await h.settle();
    expect(h.fake.sentTo(G20).slice(sends).map(plain).filter((s) => s.includes('已收到'))).toEqual([]);
    expect(plain(last(G20))).toContain(`工单 #${no}`);
    const t = await h.linli.tickets.get(no);
    const events = await h.linli.tickets.timeline(t.id);
    expect(events.map((e) => e.type)).toEqual(['reported', 'supplemented']);
    expect(JSON.stringify(events)).toContain('里面困了人');
  });

  it('runs a worker\'s edited command once: a typo corrected into a command applies, a command edited again is not run twice', async () => {
    const edit = (m: Message, text: string, after: number) => h.fake.push({ edited_message: { ...m, text, edit_date: m.date + after } } as never);
    h.fake.say(G20B, { id: 3007, name: '周大姐' }, '20号楼5单元楼道的声控灯坏了，晚上上楼看不见');
    await h.settle();
    const no = Number(/#(\d+)/.exec(last(G20B)!.text)![1]);
    const typo = h.fake.say(G20B, LIN, `认岭 #${no}`);
    await h.settle();
    expect((await h.linli.tickets.get(no)).status).toBe('REPORTED');
    edit(typo, `认领 #${no}`, 10);
    await h.settle();
    expect(plain(last(G20B))).toContain(`工单 #${no} 已由林网格员受理`);
    // edited again (a word added): claimed already by this very message, nothing to run nor to refuse
    const sends = h.fake.sentTo(G20B).length;
    edit(typo, `认领 #${no} 马上到`, 20);
    await h.settle();
    expect(h.fake.sentTo(G20B).slice(sends).map(plain)).toEqual([]);
    // a result edited after it was applied (its words fixed): resolved once, told once
    const done = h.fake.say(G20B, LIN, `办结 #${no} 灯泡已更换`);
    await h.settle();
    const told = h.fake.sentTo(G20B).length;
    edit(done, `办结 #${no} 声控灯已更换，试过了`, 15);
    await h.settle();
    expect(h.fake.sentTo(G20B).slice(told).map(plain)).toEqual([]);
    const events = await h.linli.tickets.timeline((await h.linli.tickets.get(no)).id);
    expect(events.map((e) => e.type)).toEqual(['reported', 'claimed', 'resolved']);

    // a result said by replying to the receipt, without the number, then edited: the edit is about the same ticket
    h.fake.say(G20B, { id: 3009, name: '郑大爷' }, '20号楼6单元门口的台阶塌了一块，老人容易摔倒');
    await h.settle();
    const receipt = last(G20B)!;
    const second = Number(/#(\d+)/.exec(receipt.text)![1]);
    const byReply = h.fake.reply(G20B, LIN, '办结 台阶已修补', { messageId: receipt.messageId, text: plain(receipt) });
    await h.settle();
    expect(plain(last(G20B))).toContain(`工单 #${second} 已办结：台阶已修补。`);
    const after = h.fake.sentTo(G20B).length;
    h.fake.push({ edited_message: { ...byReply, text: '办结 台阶已用水泥修补', edit_date: byReply.date + 30 } } as never);
    await h.settle();
    expect(h.fake.sentTo(G20B).slice(after).map(plain)).toEqual([]);
  });

  it('lets a worker claim a ticket opened by an edited appeal by replying to the message (Telegram keeps its id)', async () => {
    const sun = { id: 3008, name: '孙老师' };
    const hello = h.fake.say(G20B, sun, '早上好各位');
    await h.settle();
    h.fake.push({ edited_message: { ...hello, text: '20号楼后门的消防通道被电动车堵死了，消防车进不来', edit_date: hello.date + 40 } } as never);
    await h.settle();
    expect(plain(last(G20B))).toMatch(/^@孙老师 已收到，工单 #\d+ 已登记/);
    const no = Number(/#(\d+)/.exec(last(G20B)!.text)![1]);
    h.fake.reply(G20B, LIN, '收到', { messageId: hello.message_id, fromBot: false, text: '20号楼后门的消防通道被电动车堵死了，消防车进不来' });
    await h.settle();
    expect(plain(last(G20B))).toMatch(new RegExp(`^@孙老师 工单 #${no} 已由林网格员受理`));
    expect((await h.linli.tickets.get(no)).status).not.toBe('REPORTED');
  });

  it('opens no ticket for a channel\'s post: the linked channel\'s own post in the group, or one a resident forwards', async () => {
    const channel = { id: -100777, type: 'channel', title: '东园社区居委会' };
    const origin = { type: 'channel', chat: channel, message_id: 12, date: Math.floor(Date.now() / 1000) };
    const telegram = { id: 777000, name: 'Telegram' };
    const sends = h.fake.sentTo(G20).length;
    h.fake.say(G20, telegram, '25号楼3单元门口的污水井盖破损严重，快塌下去了', { sender_chat: channel, is_automatic_forward: true, forward_origin: origin } as never);
    h.fake.say(G20, LI, '26号楼楼道的灯坏了，物业明天来修', { forward_origin: { ...origin, message_id: 13 } } as never);
    await h.settle();
    expect(h.fake.sentTo(G20).slice(sends).map(plain)).toEqual([]);
  });

  it('reads a photo whose caption describes a problem as an appeal; a photo without one alone stays quiet', async () => {
    const chen = { id: 3004, name: '陈阿姨' };
    const photo = [{ file_id: 'p1', file_unique_id: 'u1', width: 800, height: 600 }];
    const before = h.fake.sentTo(G20).length;
    h.fake.push({ message: h.fake.message(G20, chen, { photo } as never) } as never);
    await h.settle();
    expect(h.fake.sentTo(G20).length).toBe(before);

    const shot = h.fake.message(G20, chen, { photo, caption: '楼下垃圾堆了三天没人清，臭得不行' } as never);
    h.fake.push({ message: shot } as never);
    await h.settle();
    const receipt = last(G20)!;
    expect(plain(receipt)).toMatch(/^@陈阿姨 已收到，工单 #\d+ 已登记/);
    expect(receipt.replyTo?.message_id).toBe(shot.message_id);
    // a second photo from her just after is a picture of the same problem: added to her ticket, no second receipt
    const sends = h.fake.sentTo(G20).length;
    h.fake.push({ message: h.fake.message(G20, chen, { photo, caption: '就是这堆' } as never) } as never);
    await h.settle();
    expect(h.fake.sentTo(G20).length).toBe(sends);
    const no = Number(/#(\d+)/.exec(receipt.text)![1]);
    const events = await h.linli.tickets.timeline((await h.linli.tickets.get(no)).id);
    expect(events.map((e) => e.type)).toEqual(['reported', 'supplemented']);
  });

  it('stays silent in a group that is not mapped, and lists it as pending under its title', async () => {
    h.fake.group('-1009', '新建的楼栋群');
    h.fake.botMembership('-1009', 'member', ZHANG);
    h.fake.say('-1009', ZHANG, '电梯坏了，困了人');
    await h.settle();
    expect(h.fake.sentTo('-1009')).toEqual([]);
    const pending = await h.linli.store.groups.listUnmapped();
    expect(pending.map((g) => [g.platform, g.externalId, g.title])).toContainEqual(['TELEGRAM', '-1009', '新建的楼栋群']);
  });

  it('waits out a 429 (retry_after) and delivers the receipt once', async () => {
    h.fake.failWith429(G2, 1);
    const calls = h.fake.calls.length;
    h.fake.say(G2, LI, '小区东门的路灯坏了好几天了，晚上很黑');
    await h.settle();
    const receipts = h.fake.sentTo(G2).filter((s) => plain(s).includes('已收到'));
    expect(receipts).toHaveLength(1);
    const attempts = h.fake.calls.slice(calls).filter((c) => c.method === 'sendMessage' && String(c.payload.chat_id) === G2);
    expect(attempts).toHaveLength(2);
    // the retry came after the second Telegram asked for (a lower bound: a loaded machine only makes it later)
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it('records members and titles, and the bot removed from a group (then ignores it)', async () => {
    const wang = { id: 3003, name: '王大爷' };
    const joined = h.fake.message(G2, LI, { new_chat_members: [h.fake.user(wang)] });
    h.fake.push({ message: joined } as never);
    h.fake.push({ message: h.fake.message(G2, LI, { new_chat_title: '东园二网格邻里群' }) } as never);
    await h.settle();
    const group = (await h.linli.store.groups.findByExternal('TELEGRAM', G2))!;
    expect(group.title).toBe('东园二网格邻里群');
    expect(await h.linli.store.people.ensureByIdentity('TELEGRAM', String(wang.id), '王大爷')).toMatchObject({ name: '王大爷' });

    h.fake.botMembership(G2, 'kicked', WU);
    await h.settle();
    expect((await h.linli.store.groups.findByExternal('TELEGRAM', G2))!.active).toBe(false);
    expect(h.logs().some((l) => l.msg === 'bot removed from a group')).toBe(true);
    const sends = h.fake.sent.length;
    h.fake.say(G2, LI, '楼下垃圾三天没人清运了，臭气熏天');
    await h.settle();
    expect(h.fake.sent.length).toBe(sends);
  });
});

describe('Telegram startup', () => {
  it('fails with a clear error naming TELEGRAM_BOT_TOKEN when the token is refused', async () => {
    const fake = new FakeTelegram();
    const apiRoot = await fake.start();
    const { TelegramPlatform } = await import('../../src/bots/platforms/telegram/index.ts');
    const { createBotHost } = await import('../../src/bots/bot-host.ts');
    const { createMemoryLogger } = await import('../../src/adapters/logging/pino.logger.ts');
    const { freshStore } = await import('../support/databases.ts');
    const { store, dispose } = await freshStore('pglite');
    try {
      const { logger } = createMemoryLogger('silent');
      const triage = { classify: async () => { throw new Error('unused'); } } as never;
      // as `linli start` runs it: the host starts the platform, and the platform's StartupError comes through
      const bad = createBotHost([new TelegramPlatform({ logger, telegram: { token: '999:wrong', apiRoot, globalPerSecond: 30, groupPerMinute: 20, chatIntervalMs: 0 } })], { store, triage, logger });
      await expect(bad.start()).rejects.toMatchObject({ name: 'StartupError', message: expect.stringMatching(/TELEGRAM_BOT_TOKEN/) });
      await fake.close();
      // nothing listens there any more: said at once, not after the 30 s deadline, and without the token
      const gone = createBotHost([new TelegramPlatform({
        logger,
        telegram: { token: fake.token, apiRoot, globalPerSecond: 30, groupPerMinute: 20, chatIntervalMs: 0 },
      })], { store, triage, logger });
      const t0 = Date.now();
      const refused = await gone.start().then(() => null, (e: Error) => e);
      expect(Date.now() - t0).toBeLessThan(5000);
      expect(refused).toMatchObject({ name: 'StartupError', message: `Telegram Bot API at ${apiRoot} cannot be reached (connect ECONNREFUSED ${new URL(apiRoot).host}): check TELEGRAM_API_ROOT and the network` });
      expect(refused!.message).not.toContain(fake.token);
      // a server that takes the connection and never answers: the deadline
      const silent = createServer(() => undefined);
      await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
      try {
        const mute = createBotHost([new TelegramPlatform({
          logger, startTimeoutMs: 1500,
          telegram: { token: fake.token, apiRoot: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`, globalPerSecond: 30, groupPerMinute: 20, chatIntervalMs: 0 },
        })], { store, triage, logger });
        await expect(mute.start()).rejects.toMatchObject({ name: 'StartupError', message: expect.stringMatching(/did not answer within 1500 ms.*TELEGRAM_API_ROOT/) });
      } finally {
        silent.close();
      }
    } finally {
      await fake.close();
      await dispose();
    }
  });
});

describe('a Telegram broadcast to 30 groups', () => {
  const N = 30;
  const RATE = 10; // per second: small, so the run takes a few seconds and the limit is visible
  const INTERVAL = 1000; // ms between two messages into one chat
  const groups = Array.from({ length: N }, (_, i) => String(-2000 - i));
  const KICKED = groups[7]!;
  const MUTED = groups[12]!;
  const grid: GridSpec = {
    nodes: [
      { code: 'S', name: '拱辰街道', level: 'STREET', parentCode: null },
      { code: 'C', name: '东园社区', level: 'COMMUNITY', parentCode: 'S' },
    ],
    groups: groups.map((id, i) => ({ platform: 'TELEGRAM' as const, externalId: id, title: `${i + 1}号楼睦邻群`, nodeCode: 'C', tags: ['睦邻群'] })),
    people: [{ key: 'ss', name: '街道工作人员', identities: [{ platform: 'TELEGRAM', externalId: '4001' }], roles: [{ role: 'STREET_STAFF', nodeCode: 'S' }] }],
  };
  let h: TelegramHarness;
  let queues: JobQueues;

  beforeAll(async () => {
    h = await telegramHarness(grid, { limits: { globalPerSecond: RATE, chatIntervalMs: INTERVAL } });
    queues = createMemoryQueues();
  });
  afterAll(async () => {
    await queues?.close();
    await h?.dispose();
  });

  it('keeps the global and per-chat limits, sends each group once, and skips the groups the bot was kicked from or may not write in', async () => {
    h.fake.forbidden.add(KICKED);
    h.fake.muted.add(MUTED);
    const cfg = { telegram: { token: h.fake.token, apiRoot: h.fake.url, globalPerSecond: RATE, groupPerMinute: 20, chatIntervalMs: INTERVAL } };
    // WeChat's pace is far slower: the Telegram groups must be estimated and sent at Telegram's rate
    const { service, broadcasts } = createBroadcastService({
      store: h.linli.store,
      queues,
      gateways: { TELEGRAM: h.telegram.gateway },
      rate: { max: 1, durationMs: 1500 },
      jitterMs: 1000,
      platformRates: { TELEGRAM: telegramSendRate(cfg) },
    });
    await service.startWorker(8);
    const author = (await broadcasts.personByKey('ss'))!.id;
    const input = { authorId: author, text: '【通知】本周六上午9点消防演练，请勿惊慌 <3号楼> & 地库', targets: { nodeCode: 'S' } };
    const preview = await service.preview(input);
    expect(preview.groups).toHaveLength(N);
    expect(preview.estimate.floorMs).toBe((Math.ceil(N / RATE) - 1) * 1000); // the first window's sends go at once
    expect(preview.estimate.jitterAllowanceMs).toBe(0);

    const sentBefore = h.fake.sent.length;
    const t0 = Date.now();
    const { broadcast } = await service.create(input);
    await service.dispatch(broadcast.id);
    // meanwhile, replies pile up in one group: they keep that chat's pace
    const burst = Promise.all([1, 2, 3].map((i) => h.telegram.gateway.sendToGroup(groups[0]!, `第${i}条提醒`)));
    await waitUntil(async () => (await broadcasts.findById(broadcast.id))!.status === 'DONE', 60_000, 'broadcast DONE');
    await burst;
    const elapsed = Date.now() - t0;

    const counts = await broadcasts.counts(broadcast.id);
    expect(counts).toMatchObject({ SENT: N - 2, SKIPPED: 2, FAILED: 0, PENDING: 0 });
    const skipped = await broadcasts.deliveries(broadcast.id, ['SKIPPED']);
    expect(skipped).toHaveLength(2);
    expect(skipped.map((d) => d.reason)).toEqual(expect.arrayContaining([
      expect.stringMatching(new RegExp(`group ${KICKED}: .*\\(403\\); the bot is not in this group$`)),
      expect.stringMatching(new RegExp(`group ${MUTED}: .*not enough rights.*\\(400\\); the bot may not send messages in this group$`)),
    ]));

    const sends = h.fake.sent.slice(sentBefore);
    for (const g of groups) {
      const copies = sends.filter((s) => s.chatId === g && s.text.startsWith('【通知】'));
      expect(copies, g).toHaveLength(g === KICKED || g === MUTED ? 0 : 1);
    }
    expect(sends.find((s) => s.text.startsWith('【通知】'))!.text).toContain('&lt;3号楼&gt; &amp; 地库');

    // Exactly, on the limiter's record of when it let each send go: never RATE+1 within a second, one chat's sends a
    // full interval apart.
    const granted = h.telegram.gateway.limiter.granted.filter((g) => g.at >= t0);
    expect(granted.length).toBe(sends.length + 2); // the refused copies took their turns too
    for (let i = 0; i + RATE < granted.length; i++) expect(granted[i + RATE]!.at - granted[i]!.at, `grants ${i}..${i + RATE}`).toBeGreaterThanOrEqual(1000);
    const oneChat = granted.filter((g) => g.key === groups[0]).map((g) => g.at);
    expect(oneChat).toHaveLength(4);
    for (let i = 1; i < oneChat.length; i++) expect(oneChat[i]! - oneChat[i - 1]!).toBeGreaterThanOrEqual(INTERVAL);
    // And as Telegram sees it, counted per window of the fake's arrival times. The fake shares this process's event
    // loop with the embedded database, whose queries block it for a while now and then, so arrivals bunch up behind a
    // block: the check leaves room for that and no more (without the limiter all 30 arrive within a few hundred ms).
    const at = sends.map((s) => s.at).sort((a, b) => a - b);
    const busiest = Math.max(...at.map((t) => at.filter((u) => u >= t && u < t + 1000).length));
    expect(busiest).toBeLessThanOrEqual(RATE * 2);
    expect(at.at(-1)! - at[0]!).toBeGreaterThanOrEqual((Math.ceil(at.length / RATE) - 1) * 1000 - 500);
    const one = sends.filter((s) => s.chatId === groups[0]).map((s) => s.at);
    expect(one).toHaveLength(4);
    for (let i = 1; i < one.length; i++) expect(one[i]! - one[i - 1]!).toBeGreaterThanOrEqual(INTERVAL / 2);

    const floor = preview.estimate.floorMs;
    console.log(`telegram broadcast: ${N} groups at ${RATE}/s, finished in ${elapsed} ms, floor ${floor} ms, ratio ${(elapsed / floor).toFixed(2)}; busiest second at the fake: ${busiest}`);
  });
});
