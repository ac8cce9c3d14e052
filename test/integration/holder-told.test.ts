// Sandbox sweep, session 17: a grid worker blew the whistle (吹哨) on a ticket, the community's staff member was told to
// coordinate it, then the worker rejected it — and the staff member who now held it heard nothing. And the bot wrote
// a worker's question mark and full stop before its own ("原因：不归我们管吧？。", "已办结：车已推走。。"). Real store
// (PGlite), in-memory chat, scripted triage; the chat command and the console's action alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import { StaffTicketActions } from '../../src/core/tickets/staff-actions.ts';
import { harness, HUANG, LIN, ZHANG, type Harness } from '../support/harness.ts';
import { scriptedTriage } from '../support/scripted-triage.ts';

const ROOM = 'room-20';
const triage = scriptedTriage([
  ['水龙头', { category: 'utilities', summary: '厨房水龙头滴水' }],
  ['路灯', { category: 'facility_repair', summary: '路灯不亮' }],
]);

describe('the holder hears when someone else rejects; the worker’s own stop is kept once', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(triage);
  });
  afterAll(() => h.dispose());
  const numberIn = (reply: string) => Number(/#(\d+)/.exec(reply)![1]);
  const dmsTo = (who: { id: string }) => h.chat.toUser(who.id).map((m) => m.text);

  async function report(text: string): Promise<number> {
    h.newIn(ROOM);
    await h.say(ROOM, ZHANG, text);
    return numberIn(h.newIn(ROOM)[0]!);
  }

  it('吹哨 with a question: the reason keeps its question mark, no 。 after it', async () => {
    const no = await report('我家厨房水龙头一直滴水');
    await h.say(ROOM, LIN, `吹哨 #${no} 水龙头是住户家里的，不归我们管吧？`);
    expect(dmsTo(HUANG).at(-1)).toBe(`工单 #${no}（厨房水龙头滴水）已上报到您这一级，原因：水龙头是住户家里的，不归我们管吧？请协调办理。`);
  });

  it('the worker then rejects it in the chat: the community staff member holding it is told', async () => {
    const t = (await h.store.tickets.list({ statuses: ['ESCALATED'] }))[0]!;
    const before = dmsTo(HUANG).length;
    await h.say(ROOM, LIN, `驳回 #${t.number} 户内设施，请自行联系维修。`);
    expect((await h.tickets.get(t.number)).status).toBe('REJECTED');
    expect(h.newIn(ROOM).at(-1)).toBe(`@张阿姨 工单 #${t.number} 已驳回（户内设施，请自行联系维修）。如有疑问，请联系网格员。`);
    expect(dmsTo(HUANG).slice(before)).toEqual([`您负责的工单 #${t.number} 已由林网格员驳回：户内设施，请自行联系维修。无需再办理。`]);
    // the one who rejected it is not told of their own step
    expect(dmsTo(LIN).join('\n')).not.toContain('已由林网格员驳回');
  });

  it('the same from the console', async () => {
    const no = await report('楼下路灯不亮了');
    await h.say(ROOM, LIN, `认领 #${no}`);
    const huang = await h.store.people.ensureByIdentity('WECHAT', HUANG.id, HUANG.name);
    const lin = await h.store.people.ensureByIdentity('WECHAT', LIN.id, LIN.name);
    const actions = new StaffTicketActions({ tickets: h.tickets, store: h.store, outbox: h.outbox, logger: createMemoryLogger().logger });
    const before = dmsTo(LIN).length;
    const r = await actions.run(no, { personId: huang.id, name: huang.name }, { kind: 'reject', reason: 'other', note: '属供电所职责' }, 'console:reject');
    expect(r.direct).toBe(1);
    expect(dmsTo(LIN).slice(before)).toEqual([`您负责的工单 #${no} 已由黄主任驳回：属供电所职责。无需再办理。`]);
    expect(lin.id).not.toBe(huang.id);
  });

  it('办结 with the worker’s own full stop: one 。', async () => {
    const no = await report('20号楼门口路灯不亮');
    await h.say(ROOM, LIN, `办结 #${no} 灯泡已更换。`);
    expect(h.newIn(ROOM).at(-1)).toMatch(new RegExp(`^@张阿姨 工单 #${no} 已办结：灯泡已更换。请回复本消息`));
  });
});
