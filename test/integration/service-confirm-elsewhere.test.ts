// A requester's plain thanks confirms their request awaiting confirmation however it got there: turned DONE by another
// process on the same PostgreSQL database (two stores, two Linli: the bot's process and a worker), or by another desk on
// the same PGlite store, after this process had read the requester as having nothing waiting; and turned DONE earlier in
// the same batch. A request confirmed elsewhere is not confirmed again. (The OK/thanks lines of a batch are read once for
// the batch, see AwaitingConfirm in src/core/assistant/service-chat.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinli, type Linli } from '../../src/app.ts';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import { MemoryChatGateway } from '../../src/adapters/memory/memory-chat.gateway.ts';
import { openStore } from '../../src/adapters/prisma/prisma-store.ts';
import type { HandleOutcome } from '../../src/core/assistant/assistant.types.ts';
import type { IncomingMessage } from '../../src/core/messages/incoming-message.ts';
import type { Store } from '../../src/core/ports/store.port.ts';
import { createPostgresDatabase, freshStore } from '../support/databases.ts';
import { LIN, ZHANG, weekdayCalendar } from '../support/harness.ts';
import { scriptedTriage } from '../support/scripted-triage.ts';
import { LIU, SERVICE_GRID, VOLUNTEER_ROOM } from '../support/service-fixture.ts';

const ROOM = 'room-20';

describe.each(['pglite', 'postgres'] as const)('a thanks confirms a request turned DONE elsewhere (%s)', (kind) => {
  let here: Linli;
  let there: Linli;
  const closers: (() => Promise<void>)[] = [];
  let seq = 0;
  const msg = (group: string, from: { id: string; name: string }, text: string): IncomingMessage => ({
    platform: 'WECHAT',
    externalId: `in-${++seq}`,
    groupExternalId: group,
    sender: { externalId: from.id, name: from.name },
    text,
    sentAt: new Date(),
  });
  const say = async (linli: Linli, group: string, from: { id: string; name: string }, text: string): Promise<HandleOutcome> => (await linli.handleNow([msg(group, from, text)]))[0]!;
  const status = async (no: number) => (await here.store.service.findById(no))!.status;
  const linliOn = (store: Store) =>
    createLinli({ store, triage: scriptedTriage([]), gateways: { WECHAT: new MemoryChatGateway('WECHAT') }, logger: createMemoryLogger('error').logger, calendar: weekdayCalendar });
  /** A request of 张阿姨's in room-20, dispatched and taken by 刘志愿 (steps made by the other process). */
  const taken = async (text: string) => {
    const no = ((await say(there, ROOM, ZHANG, `求助 ${text}`)) as { requestNo: number }).requestNo;
    await say(there, ROOM, LIN, `派单 求助#${no} @刘志愿`);
    expect(await say(there, VOLUNTEER_ROOM, LIU, `接单 求助#${no}`)).toMatchObject({ action: 'take' });
    return no;
  };

  beforeAll(async () => {
    if (kind === 'postgres') {
      // two stores on one database, as `linli start` and `linli worker` are
      const db = await createPostgresDatabase();
      const a = await openStore({ kind: 'postgres', url: db.url });
      const b = await openStore({ kind: 'postgres', url: db.url });
      closers.push(() => a.close(), () => b.close(), () => db.drop());
      await a.grid.importSpec(SERVICE_GRID);
      here = linliOn(a);
      there = linliOn(b);
    } else {
      // PGlite lives in one process: two Linli (two desks) on the one store
      const { store, dispose } = await freshStore('pglite');
      closers.push(dispose);
      await store.grid.importSpec(SERVICE_GRID);
      here = linliOn(store);
      there = linliOn(store);
    }
  });
  afterAll(async () => {
    for (const close of closers) await close();
  });

  it('confirms after the other process marked it done, though this one had just read nothing waiting', async () => {
    const no = await taken('帮我代办一下老年证');
    // nothing waiting yet: a thanks here is chatter, read as such by this process
    expect(await say(here, ROOM, ZHANG, '收到，谢谢')).not.toMatchObject({ kind: 'service' });
    expect(await say(there, VOLUNTEER_ROOM, LIU, `完成 #${no} 已办好`)).toMatchObject({ action: 'done' });
    expect(await say(here, ROOM, ZHANG, '收到，谢谢')).toEqual({ kind: 'service', requestNo: no, action: 'confirm' });
    expect(await status(no)).toBe('CONFIRMED');
  });

  it('does not confirm one the requester confirmed through the other process', async () => {
    const no = await taken('帮我代领一下社保卡');
    expect(await say(there, VOLUNTEER_ROOM, LIU, `完成 #${no} 已办好`)).toMatchObject({ action: 'done' });
    expect(await say(there, ROOM, ZHANG, `确认 求助#${no}`)).toMatchObject({ action: 'confirm' });
    expect(await say(here, ROOM, ZHANG, '好的，谢谢')).not.toMatchObject({ kind: 'service' });
    expect(await status(no)).toBe('CONFIRMED');
  });

  it('confirms one marked done earlier in the same batch, in the same group', async () => {
    const no = await taken('帮我代办一下残疾证');
    const [done, thanks] = await here.handleNow([msg(ROOM, LIU, `完成 #${no} 已办好`), msg(ROOM, ZHANG, '收到，谢谢志愿者！')]);
    expect(done).toMatchObject({ action: 'done' });
    expect(thanks).toEqual({ kind: 'service', requestNo: no, action: 'confirm' });
    expect(await status(no)).toBe('CONFIRMED');
  });
});
