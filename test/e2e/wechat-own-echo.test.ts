// The bot's own messages, reported back by the puppet service, are dropped before Wechaty readies them: a send to a
// group of many residents loads none of them (Wechaty's Message.ready would load the room and every member's contact
// payload, only for the platform to drop the message as its own), while residents' messages still come, in order.
// Through the real puppet-service gRPC path: LinliPuppetService against the real server over the mock puppet.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import { createTriage } from '../../src/adapters/triage/create-triage.ts';
import { LinliPuppetService } from '../../src/adapters/wechaty/linli-puppet-service.ts';
import { createBotHost, type BotHost } from '../../src/bots/bot-host.ts';
import { WechatPlatform } from '../../src/bots/platforms/wechat/index.ts';
import type { GridSpec } from '../../src/core/ports/grid.repository.ts';
import type { Store } from '../../src/core/ports/store.port.ts';
import { tempDir } from '../support/cli.ts';
import { freshStore } from '../support/databases.ts';
import { startFakePuppetService, type FakePuppetService } from '../support/fake-puppet-service.ts';
import { weekdayCalendar } from '../support/harness.ts';
import { SMALL_GRID } from '../support/small-grid.ts';
import { waitUntil } from '../support/broadcast-fixtures.ts';

const BOT_NAME = '邻里助手';
const ROOM = 'own-echo@chatroom';
const GRID: GridSpec = {
  ...SMALL_GRID,
  groups: [{ platform: 'WECHAT', externalId: ROOM, title: '东园20号楼睦邻群', nodeCode: 'U1', tags: [] }],
};
const ZHANG = { id: 'wx-zhang', name: '张阿姨' };
const MEMBERS = Array.from({ length: 40 }, (_, i) => ({ id: `wx-own-${i}`, name: `业主${i}` }));
const memberIds = new Set(MEMBERS.map((m) => m.id));

describe('WeChat through the puppet service: the bot\'s own messages are dropped before Wechaty readies them', () => {
  let gateway: FakePuppetService;
  let store: Store;
  let disposeStore: () => Promise<void>;
  let host: BotHost;
  let puppet: LinliPuppetService;
  let wechat: WechatPlatform;
  /** What the gateway's account sent, in order. */
  const sent: { to: string; text: string }[] = [];
  /** The contact ids the gateway was asked the payload of. */
  const asked: string[] = [];
  /** Messages that reached the platform: Wechaty's 'message' listeners, and the platform's own-message hook. */
  const reached: { self: boolean; text: string }[] = [];
  const own: string[] = [];
  /** The ids of the 'message' events the puppet passed on to Wechaty, in order. */
  const passed: string[] = [];
  /** The ids of the 'message' events the gateway reported to the puppet, in order (before it decides on them). */
  const arrived: string[] = [];

  beforeAll(async () => {
    gateway = await startFakePuppetService({ token: `insecure_linli_own_echo_${process.pid}`, botName: BOT_NAME, onSend: (to, text) => sent.push({ to, text }) });
    const { mocker } = gateway;
    for (const p of GRID.people) {
      const wx = p.identities.find((i) => i.platform === 'WECHAT');
      if (wx) mocker.createContact({ id: wx.externalId, name: p.name });
    }
    for (const c of [ZHANG, ...MEMBERS]) mocker.createContact(c);
    mocker.createRoom({ id: ROOM, topic: '东园20号楼睦邻群', memberIdList: [gateway.bot.id, ZHANG.id, ...MEMBERS.map((m) => m.id)] });
    const server = gateway.puppet;
    const payload = server.contactPayload.bind(server);
    const raw = server.contactRawPayload.bind(server);
    server.contactPayload = (id: string) => (asked.push(id), payload(id));
    server.contactRawPayload = (id: string) => (asked.push(id), raw(id));

    ({ store, dispose: disposeStore } = await freshStore('pglite'));
    await store.grid.importSpec(GRID);
    const { logger } = createMemoryLogger('info');
    const triage = await createTriage({ triageModel: undefined, llm: undefined }, logger);
    puppet = new LinliPuppetService({ token: gateway.token, endpoint: gateway.endpoint, tls: { disable: true }, cacheDir: path.join(tempDir(), 'cache') });
    wechat = new WechatPlatform({
      logger,
      botName: BOT_NAME,
      puppet,
      wechat: { sendIntervalMs: 0, sendJitterMs: 0, sendInFlight: 4, loginTimeoutMs: 30_000 },
      onOwnMessage: (_room, _to, text) => own.push(text),
    });
    wechat.bot.on('message', (msg) => void reached.push({ self: msg.self(), text: msg.text() }));
    puppet.on('message', ({ messageId }) => void passed.push(messageId));
    const emit = puppet.emit;
    puppet.emit = ((event: string, ...args: unknown[]) => {
      if (event === 'message') arrived.push((args[0] as { messageId: string }).messageId);
      return emit.call(puppet, event, ...args);
    }) as typeof puppet.emit;
    host = createBotHost([wechat], { store, triage, logger, calendar: weekdayCalendar });
    await host.start();
  });
  afterAll(async () => {
    await host?.stop();
    await gateway?.stop();
    await disposeStore?.();
  });

  /** Runs `fn` counting the payloads the puppet reads of messages (talker ids), then restores the reader. */
  async function countingReads<T>(fn: (read: string[]) => Promise<T>): Promise<T> {
    const read: string[] = [];
    const messagePayload = puppet.messagePayload.bind(puppet);
    puppet.messagePayload = async (id: string) => {
      const p = await messagePayload(id);
      read.push(p.talkerId);
      return p;
    };
    try {
      return await fn(read);
    } finally {
      puppet.messagePayload = messagePayload;
    }
  }

  it('a send to a room of 40 residents loads none of them, and its echo is dropped without reading its payload', async () => {
    await countingReads(async (read) => {
      const before = arrived.length;
      const ids: string[] = [];
      for (const text of ['今晚八点停水，请提前储水。', '明早九点恢复供水。']) {
        ids.push((await wechat.gateway.sendToGroup(ROOM, text)).externalId);
      }
      expect(sent.map((s) => s.text)).toEqual(['今晚八点停水，请提前储水。', '明早九点恢复供水。']);
      // the gateway reports both sends back; the puppet knows them by the ids its sends returned
      await waitUntil(() => ids.every((id) => arrived.slice(before).includes(id)), 30_000, 'the echoes of both sends');
      await (puppet as unknown as { messages: Promise<void> }).messages;
      // an echo passed on would now be readied by Wechaty (the room, then each member) and handed to the platform
      await new Promise((r) => setTimeout(r, 1500));
      expect(read).toEqual([]); // no round trip to the gateway for a message this process sent
      expect(asked.filter((id) => memberIds.has(id))).toEqual([]);
      expect(passed).toEqual([]);
      expect(reached).toEqual([]);
      expect(own).toEqual([]);
    });
  });

  it('a send to a room where the bot is asks the gateway only its member list first (not the room\'s payload)', async () => {
    const room = 'own-echo-2@chatroom';
    gateway.mocker.createRoom({ id: room, topic: '东园21号楼睦邻群', memberIdList: [gateway.bot.id, ZHANG.id] });
    const server = gateway.puppet;
    const calls: string[] = [];
    const rawPayload = server.roomRawPayload.bind(server);
    const memberList = server.roomMemberList.bind(server);
    server.roomRawPayload = (id: string) => (id === room && calls.push('payload'), rawPayload(id));
    server.roomMemberList = (id: string) => (id === room && calls.push('members'), memberList(id));
    try {
      await wechat.gateway.sendToGroup(room, '本周六上午消防检查，请配合。');
      expect(sent.at(-1)).toEqual({ to: room, text: '本周六上午消防检查，请配合。' });
      expect(calls).toEqual(['members']);
      // a room whose list lacks the bot is still refused, and an unknown one (its payload then asked) as well
      gateway.mocker.createRoom({ id: 'own-echo-left@chatroom', topic: '已退群', memberIdList: [ZHANG.id] });
      await expect(wechat.gateway.sendToGroup('own-echo-left@chatroom', '通知')).rejects.toMatchObject({ code: 'NOT_IN_GROUP' });
      await expect(wechat.gateway.sendToGroup('never-there@chatroom', '通知')).rejects.toMatchObject({ code: 'NOT_IN_GROUP' });
    } finally {
      server.roomRawPayload = rawPayload;
      server.roomMemberList = memberList;
    }
  });

  it('a message the account sent elsewhere (the phone) is read once and dropped as its own', async () => {
    await countingReads(async (read) => {
      const { ContactMock, RoomMock } = gateway.mocker;
      const before = arrived.length;
      ContactMock.load(gateway.bot.id).say('我在手机上发的一条通知').to(RoomMock.load(ROOM));
      await waitUntil(() => arrived.length > before, 30_000, 'the message from the phone');
      await waitUntil(() => read.includes(gateway.bot.id), 30_000, 'its payload read');
      await (puppet as unknown as { messages: Promise<void> }).messages;
      await new Promise((r) => setTimeout(r, 1500));
      expect(passed).toEqual([]);
      expect(reached).toEqual([]);
    });
  });

  it('a resident\'s two messages in that room are passed on in order and both reach the platform, each a ticket', async () => {
    const { ContactMock, RoomMock } = gateway.mocker;
    const first = '20号楼107室门口的污水井盖破损严重，快塌下去了，物业能否帮忙更换一下？';
    const second = '3号楼电梯又坏了，卡在5楼不动';
    ContactMock.load(ZHANG.id).say(first).to(RoomMock.load(ROOM));
    ContactMock.load(ZHANG.id).say(second).to(RoomMock.load(ROOM));
    const receipts = () => sent.filter((s) => s.to === ROOM && /工单 #\d+ 已登记/.test(s.text));
    await waitUntil(() => receipts().length >= 2, 30_000, 'a receipt for each message');
    await host.settle();
    // the puppet passes them on in the order the gateway sent them (and none of the receipts' echoes)
    const texts = await Promise.all(passed.map(async (id) => (await puppet.messagePayload(id)).text));
    expect(texts).toEqual([first, second]);
    // Wechaty readies each message on its own, so the first (which loads the room) may reach the platform second
    expect(reached).toHaveLength(2);
    expect(reached).toEqual(expect.arrayContaining([{ self: false, text: first }, { self: false, text: second }]));
    const nos = receipts().map((s) => Number(/#(\d+)/.exec(s.text)![1]));
    const tickets = await Promise.all(nos.map((no) => host.linli.tickets.get(no)));
    expect(tickets).toHaveLength(2);
    expect(tickets.map((t) => t.summary)).toEqual(expect.arrayContaining([expect.stringContaining('井盖'), expect.stringContaining('电梯')]));
    // the receipts' own echoes were dropped as well
    expect(own).toEqual([]);
  });
});
