// What WeChat costs the puppet: a send to a group of many residents, and the login's sync of every room, ask for no
// member's contact payload (a building's group has hundreds; an account a thousand groups), and a second login over
// the same store writes no group title that did not change. Real Wechaty on the mock puppet, counting its calls.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import { createTriage } from '../../src/adapters/triage/create-triage.ts';
import { createBotHost } from '../../src/bots/bot-host.ts';
import { WechatPlatform } from '../../src/bots/platforms/wechat/index.ts';
import type { Store } from '../../src/core/ports/store.port.ts';
import type { Triage } from '../../src/core/ports/triage.port.ts';
import { freshStore } from '../support/databases.ts';
import { weekdayCalendar } from '../support/harness.ts';
import { SMALL_GRID } from '../support/small-grid.ts';
import { BOT_NAME, wechatHarness, type WechatHarness } from '../support/wechat-harness.ts';
import { waitUntil } from '../support/broadcast-fixtures.ts';

const BOT_ID = 'wxid_linli_bot';

/** The contact ids the puppet was asked the payload of, through its public method or its raw lookup. */
function countContactPayloads(puppet: PuppetMock) {
  const asked: string[] = [];
  const payload = puppet.contactPayload.bind(puppet);
  const raw = puppet.contactRawPayload.bind(puppet);
  vi.spyOn(puppet, 'contactPayload').mockImplementation((id: string) => (asked.push(id), payload(id)));
  vi.spyOn(puppet, 'contactRawPayload').mockImplementation((id: string) => (asked.push(id), raw(id)));
  return asked;
}

describe('WeChat gateway: a send to a group of many asks for no member payload', () => {
  let h: WechatHarness;
  let puppet: PuppetMock;
  // two rooms of 60 residents each, the second for the mentions (a room sent to once is loaded by the echo of the send)
  const ROOM = 'big@chatroom';
  const ROOM2 = 'big2@chatroom';
  const residents = (room: number) => Array.from({ length: 60 }, (_, i) => ({ id: `wx-big${room}-${i}`, name: `业主${room}-${i}` }));
  const MEMBERS = residents(1);
  const MEMBERS2 = residents(2);
  /** The puppet's sends, in order, each with the contact payloads asked for before it. */
  let sends: { to: string; text: string; mentionIds?: string[]; payloadsBefore: string[] }[];
  let asked: string[];
  let seq = 0;

  beforeAll(async () => {
    h = await wechatHarness(SMALL_GRID);
    puppet = h.wechat.bot.puppet as PuppetMock;
    // the room appears after the login's sync: nothing has loaded it or its members
    for (const m of [...MEMBERS, ...MEMBERS2]) h.contacts.set(m.id, h.mocker.createContact(m));
    h.mocker.createRoom({ id: ROOM, topic: '东园大楼业主群', memberIdList: [BOT_ID, ...MEMBERS.map((m) => m.id)] });
    h.mocker.createRoom({ id: ROOM2, topic: '东园二号大楼业主群', memberIdList: [BOT_ID, ...MEMBERS2.map((m) => m.id)] });
    asked = countContactPayloads(puppet);
    sends = [];
    // a real puppet answers the id of the message it sent: the gateway returns it without asking its payload
    const send = puppet.messageSendText.bind(puppet);
    // (the mock's own signature drops the mention ids and answers no id; Wechaty's puppet interface has both)
    const sender = puppet as unknown as { messageSendText(to: string, text: string, mentionIds?: string[]): Promise<string | void> };
    vi.spyOn(sender, 'messageSendText').mockImplementation(async (to: string, text: string, mentionIds?: string[]) => {
      sends.push({ to, text, mentionIds, payloadsBefore: [...asked] });
      await send(to, text);
      return `sent-${++seq}`;
    });
  });
  afterAll(() => h?.dispose());

  it('sends the exact text to the room, loading none of its 60 members and not the sent message', async () => {
    const messagePayload = vi.spyOn(puppet, 'messagePayload');
    const ref = await h.wechat.gateway.sendToGroup(ROOM, '今晚八点停水，请提前储水。');
    // counted up to the send: after it, the mock's echo of the bot's own message is readied by Wechaty (Message.ready →
    // Room.find), which loads all 60 members in the background; a puppet that echoes own sends does the same
    expect(sends.at(-1)).toMatchObject({ to: ROOM, text: '今晚八点停水，请提前储水。', payloadsBefore: [] });
    expect(ref).toEqual({ externalId: `sent-${seq}` });
    expect(messagePayload.mock.calls.map(([id]) => id)).not.toContain(ref.externalId);
    await h.settle();
    expect(h.roomLog.get(ROOM)).toEqual(['今晚八点停水，请提前储水。']);
  });

  it('writes @names as Wechaty did (U+2005 between them, a space before the text) and passes the mentioned ids', async () => {
    const before = asked.length;
    const [a, b] = [MEMBERS2[3]!, MEMBERS2[41]!];
    await h.wechat.gateway.sendToGroup(ROOM2, '请到物业领取快递', { mentions: [{ externalId: a.id, name: a.name }, { externalId: b.id, name: b.name }] });
    const sent = sends.at(-1)!;
    expect(sent).toMatchObject({ to: ROOM2, text: `@${a.name}\u2005@${b.name} 请到物业领取快递`, mentionIds: [a.id, b.id] });
    // only the two mentioned residents' payloads, for their names
    expect(new Set(sent.payloadsBefore.slice(before))).toEqual(new Set([a.id, b.id]));
    await h.settle();
    expect(h.roomLog.get(ROOM2)).toEqual([`@${a.name}\u2005@${b.name} 请到物业领取快递`]);
  });

  it('sends a direct message to a known contact, returning the puppet id without loading the sent message', async () => {
    const messagePayload = vi.spyOn(puppet, 'messagePayload');
    const ref = await h.wechat.gateway.sendDirect('wx-lin', '您有一条新工单');
    expect(ref).toEqual({ externalId: `sent-${seq}` });
    expect(sends.at(-1)).toMatchObject({ to: 'wx-lin', text: '您有一条新工单' });
    expect(messagePayload.mock.calls.map(([id]) => id)).not.toContain(ref.externalId);
    await h.settle();
    expect(h.dmLog.get('wx-lin')).toContain('您有一条新工单');
  });
});

describe('WeChat login: the room sync and the titles it writes', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let triage: Triage;
  const ROOMS = Array.from({ length: 6 }, (_, r) => ({
    id: `sync-${r}@chatroom`,
    topic: `东园${r + 1}号楼睦邻群`,
    members: Array.from({ length: 8 }, (_, i) => ({ id: `wx-s${r}-${i}`, name: `住户${r}-${i}` })),
  }));
  const memberIds = new Set(ROOMS.flatMap((r) => r.members.map((m) => m.id)));

  /** One `linli start` with WeChat alone over the store, its account in the rooms as titled; resolves once synced. */
  async function run(topics: Record<string, string> = {}) {
    const mocker = new mock.Mocker();
    const puppet = new PuppetMock({ mocker });
    const { logger, lines } = createMemoryLogger('info');
    const bot = mocker.createContact({ id: BOT_ID, name: BOT_NAME });
    for (const r of ROOMS) {
      for (const m of r.members) mocker.createContact(m);
      mocker.createRoom({ id: r.id, topic: topics[r.id] ?? r.topic, memberIdList: [BOT_ID, ...r.members.map((m) => m.id)] });
    }
    const asked = countContactPayloads(puppet);
    const wechat = new WechatPlatform({
      logger,
      botName: BOT_NAME,
      puppet,
      wechat: { sendIntervalMs: 0, sendJitterMs: 0, sendInFlight: 4, loginTimeoutMs: 10_000 },
      onPuppetStarted: () => mocker.login(bot),
    });
    const host = createBotHost([wechat], { store, triage, logger, calendar: weekdayCalendar });
    await host.start();
    const syncs = () => lines().filter((l) => l.msg === 'rooms synced');
    await waitUntil(() => syncs().length > 0, 20_000, 'the room sync');
    await host.idle();
    return {
      host, asked, mocker, puppet, synced: syncs()[0],
      /** Logs the account out and in again, as after a dropped session; resolves once that login's sync is handled. */
      async relogin() {
        const before = syncs().length;
        await puppet.logout();
        mocker.login(bot);
        await waitUntil(() => syncs().length > before, 20_000, 'the sync of the new login');
        await host.idle();
      },
    };
  }

  beforeAll(async () => {
    ({ store, dispose } = await freshStore('pglite'));
    triage = await createTriage({ triageModel: undefined, llm: undefined }, createMemoryLogger('silent').logger);
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await dispose?.();
  });

  it('records every room under its title, loading no member payload', async () => {
    const { host, asked, synced } = await run();
    try {
      expect(synced).toMatchObject({ rooms: ROOMS.length });
      const groups = await store.groups.list();
      for (const r of ROOMS) expect(groups.find((g) => g.platform === 'WECHAT' && g.externalId === r.id)?.title).toBe(r.topic);
      expect(asked.filter((id) => memberIds.has(id))).toEqual([]);
    } finally {
      await host.stop();
    }
  });

  it('a second start over the same store writes only the title that changed', async () => {
    const renamed = ROOMS[2]!;
    const upsertSeen = vi.spyOn(store.groups, 'upsertSeen');
    const { host, synced } = await run({ [renamed.id]: '东园3号楼邻里群' });
    try {
      expect(synced).toMatchObject({ rooms: ROOMS.length });
      expect(upsertSeen.mock.calls).toEqual([['WECHAT', renamed.id, '东园3号楼邻里群']]);
      expect((await store.groups.findByExternal('WECHAT', renamed.id))?.title).toBe('东园3号楼邻里群');
      expect((await store.groups.findByExternal('WECHAT', ROOMS[0]!.id))?.title).toBe(ROOMS[0]!.topic);
    } finally {
      upsertSeen.mockRestore();
      await host.stop();
    }
  });

  it('a room renamed while running is not written again by the next login\'s sync, nor is any other', async () => {
    const upsertSeen = vi.spyOn(store.groups, 'upsertSeen');
    const { host, mocker, relogin } = await run({ [ROOMS[2]!.id]: '东园3号楼邻里群' });
    try {
      expect(upsertSeen).not.toHaveBeenCalled(); // the store already had these titles
      const room = ROOMS[4]!;
      const { RoomMock, ContactMock } = mocker;
      RoomMock.load(room.id).topic('东园5号楼议事群').by(ContactMock.load(room.members[0]!.id));
      await host.settle();
      expect((await store.groups.findByExternal('WECHAT', room.id))?.title).toBe('东园5号楼议事群');
      upsertSeen.mockClear();
      await relogin();
      expect(upsertSeen).not.toHaveBeenCalled();
    } finally {
      upsertSeen.mockRestore();
      await host.stop();
    }
  });
});
