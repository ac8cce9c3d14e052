// Real Wechaty on the mock puppet, run by the bot host as `linli start` runs it, over a real store: residents and workers are mock contacts speaking in mock rooms.
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import { createTriage } from '../../src/adapters/triage/create-triage.ts';
import type { GridSpec } from '../../src/core/ports/grid.repository.ts';
import type { Logger } from '../../src/core/ports/logger.port.ts';
import type { Triage } from '../../src/core/ports/triage.port.ts';
import type { Linli } from '../../src/app.ts';
import { createBotHost, type BotHost } from '../../src/bots/bot-host.ts';
import { WechatPlatform } from '../../src/bots/platforms/wechat/index.ts';
import { freshStore, type StoreKind } from './databases.ts';
import { weekdayCalendar } from './harness.ts';

export const BOT_NAME = '邻里助手';
export const QUOTE_LINE = '- - - - - - - - - - - - - - -';

type Mocker = InstanceType<typeof mock.Mocker>;
type ContactMock = ReturnType<Mocker['createContact']>;
type RoomMock = ReturnType<Mocker['createRoom']>;

export interface WechatHarness {
  /** The host running WeChat alone, and its Linli. */
  host: BotHost;
  linli: Linli;
  wechat: WechatPlatform;
  mocker: Mocker;
  contacts: Map<string, ContactMock>;
  rooms: Map<string, RoomMock>;
  /** What the bot said, per room id and per direct-message recipient. */
  roomLog: Map<string, string[]>;
  dmLog: Map<string, string[]>;
  logs: () => Record<string, unknown>[];
  logger: Logger;
  say(roomId: string, who: string, text: string): Promise<void>;
  /** Quote-replies to the bot's latest message in the room, as WeChat shows it. */
  quoteBot(roomId: string, who: string, text: string): Promise<void>;
  settle(): Promise<void>;
  dispose(): Promise<void>;
}

export async function wechatHarness(
  grid: GridSpec,
  opts: { kind?: StoreKind; triage?: Triage; sendIntervalMs?: number; sendJitterMs?: number; sendInFlight?: number; extraContacts?: { id: string; name: string }[] } = {},
): Promise<WechatHarness> {
  const { store, dispose } = await freshStore(opts.kind ?? 'pglite');
  await store.grid.importSpec(grid);
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  const { logger, lines } = createMemoryLogger('info');
  const triage = opts.triage ?? (await createTriage({ triageModel: undefined, llm: undefined }, logger));

  const contacts = new Map<string, ContactMock>();
  const botUser = mocker.createContact({ id: 'wxid_linli_bot', name: BOT_NAME });
  contacts.set(botUser.id, botUser);
  for (const p of grid.people) {
    const wx = p.identities.find((i) => i.platform === 'WECHAT');
    if (wx) contacts.set(wx.externalId, mocker.createContact({ id: wx.externalId, name: p.name }));
  }
  for (const c of opts.extraContacts ?? []) contacts.set(c.id, mocker.createContact({ id: c.id, name: c.name }));
  const rooms = new Map<string, RoomMock>();
  for (const g of grid.groups.filter((x) => x.platform === 'WECHAT')) {
    rooms.set(g.externalId, mocker.createRoom({ id: g.externalId, topic: g.title, memberIdList: [...contacts.keys()] }));
  }

  const roomLog = new Map<string, string[]>();
  const dmLog = new Map<string, string[]>();
  const push = (m: Map<string, string[]>, k: string, v: string) => m.set(k, [...(m.get(k) ?? []), v]);
  const wechat = new WechatPlatform({
    logger,
    botName: BOT_NAME,
    puppet,
    wechat: { sendIntervalMs: opts.sendIntervalMs ?? 0, sendJitterMs: opts.sendJitterMs ?? 0, sendInFlight: opts.sendInFlight ?? 4, loginTimeoutMs: 10_000 },
    onPuppetStarted: () => mocker.login(botUser),
    onOwnMessage: (room, to, text) => (room ? push(roomLog, room, text) : to && push(dmLog, to, text)),
  });
  const host = createBotHost([wechat], { store, triage, logger, calendar: weekdayCalendar });
  await host.start();

  const settle = () => host.settle();
  const contact = (id: string) => {
    const c = contacts.get(id);
    if (!c) throw new Error(`no mock contact ${id}`);
    return c;
  };
  return {
    host, linli: host.linli, wechat, mocker, contacts, rooms, roomLog, dmLog, logs: lines, logger, settle,
    async say(roomId, who, text) {
      contact(who).say(text).to(rooms.get(roomId));
      await settle();
    },
    async quoteBot(roomId, who, text) {
      const last = roomLog.get(roomId)?.at(-1) ?? '';
      contact(who).say(`「${BOT_NAME}：${last}」\n${QUOTE_LINE}\n${text}`).to(rooms.get(roomId));
      await settle();
    },
    async dispose() {
      await host.stop();
      await dispose();
    },
  };
}
