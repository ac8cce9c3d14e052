// The bot host runs a platform it has no code for: a web chat from a folder of the tests, given to the host as
// `linli start` gives it WeChat and Telegram. An appeal posted there becomes a ticket, and the receipt and the
// worker's notice go out through the web chat's gateway.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import { createTriage } from '../../src/adapters/triage/create-triage.ts';
import { createBotHost, type BotHost } from '../../src/bots/bot-host.ts';
import { loadConfig } from '../../src/config.ts';
import type { GridSpec } from '../../src/core/ports/grid.repository.ts';
import type { Store } from '../../src/core/ports/store.port.ts';
import { freshStore } from '../support/databases.ts';
import { weekdayCalendar } from '../support/harness.ts';
import { SMALL_GRID } from '../support/small-grid.ts';
import { createPlatform, type WebChat } from '../support/platforms/web-chat/index.ts';

const ROOM = 'web-g2';
const GRID: GridSpec = { ...SMALL_GRID, groups: [{ platform: 'TELEGRAM', externalId: ROOM, title: '东园二网格网页群', nodeCode: 'G2', tags: [] }] };
/** 吴网格员, the worker of G2, reachable in the web chat. */
const WORKER = '1001';

describe('the bot host with a platform it did not know', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let web: WebChat;
  let host: BotHost;
  let stopped = false;

  beforeAll(async () => {
    ({ store, dispose } = await freshStore('pglite'));
    await store.grid.importSpec(GRID);
    const { logger } = createMemoryLogger('info');
    const triage = await createTriage({ triageModel: undefined, llm: undefined }, logger);
    web = await createPlatform({ config: loadConfig({}), logger });
    host = createBotHost([web], { store, triage, logger, calendar: weekdayCalendar });
    await host.start();
  });
  afterAll(async () => {
    if (!stopped) await host?.stop();
    await dispose?.();
  });

  it('turns an appeal posted in the web chat into a ticket and sends the receipt through the web chat', async () => {
    expect(host.gateways).toEqual({ TELEGRAM: web.gateway });
    web.post(ROOM, { id: 'v-zhang', name: '张阿姨' }, '楼下的路灯坏了好几天，晚上很黑，麻烦修一下');
    await host.settle();

    const receipt = web.gateway.inGroup(ROOM).at(-1)!;
    expect(receipt.rendered).toMatch(/^@张阿姨 已收到，工单 #(\d+) 已登记/);
    const no = Number(/#(\d+)/.exec(receipt.text)![1]);
    const ticket = await host.linli.tickets.get(no);
    expect(ticket.status).toBe('REPORTED');
    expect(ticket.groupId).toBe((await store.groups.findByExternal('TELEGRAM', ROOM))!.id);
    expect((await host.linli.tickets.timeline(ticket.id)).map((e) => e.type)).toEqual(['reported']);
    expect(web.gateway.toUser(WORKER).some((m) => m.text.includes(`新工单 #${no}`))).toBe(true);
  });

  it('hands its group events to the assistant: the bot added to a new room records the room, unmapped, under its title', async () => {
    web.addBot('web-new', '东园新楼网页群');
    await host.settle();
    const group = (await store.groups.findByExternal('TELEGRAM', 'web-new'))!;
    expect(group).toMatchObject({ title: '东园新楼网页群', active: true, gridNodeId: null });
    expect((await store.groups.listUnmapped()).map((g) => g.externalId)).toContain('web-new');
  });

  it('stops the platform, whose sends need its session, after the sends', async () => {
    web.post(ROOM, { id: 'v-li', name: '李先生' }, '小区东门的垃圾桶满了两天没人清运，味道很大');
    await host.stop();
    stopped = true;
    expect(web.gateway.inGroup(ROOM).at(-1)!.rendered).toMatch(/^@李先生 已收到，工单 #\d+ 已登记/);
    expect(web.history[0]).toBe('start');
    expect(web.history.at(-1)).toBe('stop');
    expect(web.history).not.toContain('send after stop');
  });
});

describe('a host prepared before its platforms start (a standby waiting for the account)', () => {
  it('connects the workers without taking a job, and handles what was queued meanwhile once the platform can send', async () => {
    const { store, dispose } = await freshStore('pglite');
    const { logger } = createMemoryLogger('info');
    try {
      await store.grid.importSpec(GRID);
      const triage = await createTriage({ triageModel: undefined, llm: undefined }, logger);
      const web = await createPlatform({ config: loadConfig({}), logger });
      const host = createBotHost([web], { store, triage, logger, calendar: weekdayCalendar });
      await host.prepare();
      await host.prepare(); // once per host: a second call connects nothing twice
      // a message queued while the other process still holds the account: stored, queued, not handled
      const message = { platform: 'TELEGRAM' as const, externalId: 'web-early', groupExternalId: ROOM, sender: { externalId: 'v-wang', name: '王奶奶' }, text: '3号楼电梯又停了，老人上不去楼', sentAt: new Date() };
      expect(await host.pipeline.pipeline.submit(message)).toBe('queued');
      await new Promise((r) => setTimeout(r, 300));
      expect(await store.tickets.list({})).toHaveLength(0);
      expect(web.history).toEqual([]);

      await host.start();
      await expect.poll(async () => (await store.tickets.list({})).length, { timeout: 10_000 }).toBe(1);
      await host.settle();
      expect(web.gateway.inGroup(ROOM).at(-1)!.rendered).toMatch(/^@王奶奶 已收到，工单 #\d+ 已登记/);
      await host.stop();
    } finally {
      await dispose();
    }
  });
});
