// `linli start` logs in to WeChat before its bot host is built (a restart's broadcast can send sooner): what the
// account hands meanwhile (the rooms listed at login, a resident's message) is held, in order, and handed to the host
// once it starts. Real Wechaty on the mock puppet, a real store.
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import { createTriage } from '../../src/adapters/triage/create-triage.ts';
import { createBotHost } from '../../src/bots/bot-host.ts';
import type { GridSpec } from '../../src/core/ports/grid.repository.ts';
import { startEarly } from '../../src/bots/early-platform.ts';
import { WechatPlatform } from '../../src/bots/platforms/wechat/index.ts';
import { freshStore } from '../support/databases.ts';
import { weekdayCalendar } from '../support/harness.ts';
import { SMALL_GRID } from '../support/small-grid.ts';

// the mock puppet tells a room from a contact by the @ in its id
const ROOM = '20@chatroom';
const NEW_ROOM = 'new@chatroom';
const GRID: GridSpec = { ...SMALL_GRID, groups: [{ platform: 'WECHAT', externalId: ROOM, title: '东园20号楼睦邻群', nodeCode: 'U1', tags: ['睦邻群'] }] };

describe('a WeChat platform started before its host', () => {
  it('sends once logged in, holds every event until the host starts, then hands them all in order', { timeout: 60_000 }, async () => {
    const { store, dispose } = await freshStore('pglite');
    const { logger } = createMemoryLogger('info');
    try {
      await store.grid.importSpec(GRID);
      const mocker = new mock.Mocker();
      const bot = mocker.createContact({ id: 'wxid_linli_bot', name: '邻里助手' });
      const zhang = mocker.createContact({ id: 'wx-zhang', name: '张阿姨' });
      const room = mocker.createRoom({ id: ROOM, topic: '东园20号楼睦邻群', memberIdList: [bot.id, zhang.id] });
      mocker.createRoom({ id: NEW_ROOM, topic: '新来的群', memberIdList: [bot.id, zhang.id] });
      const said: string[] = [];
      const wechat = new WechatPlatform({
        logger,
        botName: '邻里助手',
        puppet: new PuppetMock({ mocker }),
        wechat: { sendIntervalMs: 0, sendJitterMs: 0, sendInFlight: 4, loginTimeoutMs: 10_000 },
        onPuppetStarted: () => mocker.login(bot),
        onOwnMessage: (r, _to, text) => r === ROOM && said.push(text),
      });

      const early = startEarly(wechat);
      await early.sendable!();
      // logged in, no host yet: the gateway sends (a resumed broadcast), and what comes in is held, not handled
      await early.gateway.sendToGroup(ROOM, '【通知】燃气安全检查');
      await expect.poll(() => said.length).toBe(1);
      zhang.say('3号楼电梯又停了，老人上不去楼').to(room);
      await expect.poll(() => early.received, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
      await new Promise((r) => setTimeout(r, 200));
      expect(await store.tickets.list({})).toHaveLength(0);
      expect((await store.groups.list()).map((g) => g.externalId)).not.toContain(NEW_ROOM);

      const triage = await createTriage({ triageModel: undefined, llm: undefined }, logger);
      const host = createBotHost([early], { store, triage, logger, calendar: weekdayCalendar });
      await host.start();
      await host.sendable;
      await expect.poll(async () => (await store.tickets.list({})).length, { timeout: 10_000 }).toBe(1);
      await host.settle();
      // the room listed at login is recorded under its title; the message became a ticket, answered in its room
      const fresh = (await store.groups.list()).find((g) => g.externalId === NEW_ROOM);
      expect(fresh?.title).toBe('新来的群');
      expect(said.at(-1)).toMatch(/^@张阿姨 已收到，工单 #\d+ 已登记/);
      // after the start, events go straight to the host
      zhang.say('楼道灯坏了三天了，晚上看不见').to(room);
      await expect.poll(async () => (await store.tickets.list({})).length, { timeout: 10_000 }).toBe(2);
      await host.stop();
    } finally {
      await dispose();
    }
  });

  it('a platform that cannot log in fails the host start with its error', { timeout: 30_000 }, async () => {
    const { store, dispose } = await freshStore('pglite');
    const { logger } = createMemoryLogger('info');
    try {
      const mocker = new mock.Mocker();
      const wechat = new WechatPlatform({
        logger,
        botName: '邻里助手',
        puppet: new PuppetMock({ mocker }),
        // no login: the platform gives up after its timeout
        wechat: { sendIntervalMs: 0, sendJitterMs: 0, sendInFlight: 4, loginTimeoutMs: 300 },
      });
      const early = startEarly(wechat);
      await expect(early.sendable!()).rejects.toThrow(/did not log in/);
      const triage = await createTriage({ triageModel: undefined, llm: undefined }, logger);
      const host = createBotHost([early], { store, triage, logger, calendar: weekdayCalendar });
      await expect(host.start()).rejects.toThrow(/did not log in/);
    } finally {
      await dispose();
    }
  });
});
