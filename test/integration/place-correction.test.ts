// A resident corrects where their problem is ("不对，是21号楼"): the ticket's place changes, and an unaccepted ticket
// goes to the grid of the place named, its new worker told and the one it left told it is not theirs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import { createTriage } from '../../src/adapters/triage/create-triage.ts';
import { harness, LI, LIN, WU, ZHANG, type Harness } from '../support/harness.ts';
import { SMALL_GRID } from '../support/small-grid.ts';

const ROOM = 'room-20';
const GRID = { ...SMALL_GRID, nodes: [...SMALL_GRID.nodes, { code: 'U2', name: '21号楼', level: 'UNIT' as const, parentCode: 'G2' }] };
const dmsTo = (h: Harness, from: number, name: string) =>
  h.chat.sent.slice(from).filter((m) => 'user' in m.to && JSON.stringify(m.to).includes(name)).map((m) => m.rendered);

describe('a correction of the place', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(await createTriage({ triageModel: undefined, llm: undefined }, createMemoryLogger().logger), { grid: GRID });
  });
  afterAll(() => h.dispose());

  it('moves a ticket nobody accepted to the grid of the building named, and tells both workers', async () => {
    const first = (await h.say(ROOM, LI, '20号楼3单元楼道的灯不亮了，上下楼看不见')) as { kind: string; ticketNo: number };
    expect(first.kind).toBe('ticket');
    const before = await h.tickets.get(first.ticketNo);
    const nodes = await h.store.grid.all();
    const code = (id: number) => nodes.find((n) => n.id === id)?.code;
    expect(code(before.gridNodeId)).toBe('U1');
    const lin = await h.store.people.ensureByIdentity('WECHAT', LIN.id, LIN.name);
    const wu = await h.store.people.ensureByIdentity('WECHAT', WU.id, WU.name);
    expect(before.assigneeId).toBe(lin.id);
    h.newIn(ROOM);
    const sent = h.chat.sent.length;
    expect(await h.say(ROOM, LI, '不对，是21号楼')).toMatchObject({ kind: 'supplemented', ticketNo: first.ticketNo });
    expect(h.newIn(ROOM)).toEqual([`@李先生 已将工单 #${first.ticketNo} 的地点更正为21号楼。`]);
    const after = await h.tickets.get(first.ticketNo);
    expect(code(after.gridNodeId)).toBe('U2');
    expect(after.assigneeId).toBe(wu.id);
    expect(after.place).toEqual({ building: '21', text: '21号楼' });
    expect(after.status).toBe('REPORTED');
    // the deadlines stay those the receipt gave
    expect(after.acceptDueAt).toEqual(before.acceptDueAt);
    expect(dmsTo(h, sent, WU.id)).toEqual([expect.stringContaining(`新工单 #${first.ticketNo}`)]);
    expect(dmsTo(h, sent, LIN.id)).toEqual([`工单 #${first.ticketNo} 反映人更正地点为21号楼（不对，是21号楼），已转由该处网格员办理，您无需处理。`]);
    // the new worker may claim it; the old one no longer may
    expect(await h.tickets.mayClaim(first.ticketNo, wu.id)).toBe(true);
    expect(await h.tickets.mayClaim(first.ticketNo, lin.id)).toBe(false);
  });

  it('keeps an accepted ticket with its holder: only the place changes, and the holder reads it', async () => {
    const first = (await h.say(ROOM, ZHANG, '20号楼2单元门口的下水道堵了，污水往外冒')) as { kind: string; ticketNo: number };
    expect(first.kind).toBe('ticket');
    await h.say(ROOM, LIN, `认领 #${first.ticketNo}`);
    const claimed = await h.tickets.get(first.ticketNo);
    expect(claimed.status).toBe('ACCEPTED');
    h.newIn(ROOM);
    const sent = h.chat.sent.length;
    expect(await h.say(ROOM, ZHANG, '说错了，应该是3单元')).toMatchObject({ kind: 'supplemented', ticketNo: first.ticketNo });
    expect(h.newIn(ROOM)).toEqual([`@张阿姨 已将工单 #${first.ticketNo} 的地点更正为20号楼3单元。`]);
    const after = await h.tickets.get(first.ticketNo);
    expect(after.gridNodeId).toBe(claimed.gridNodeId);
    expect(after.assigneeId).toBe(claimed.assigneeId);
    expect(after.place).toMatchObject({ building: '20', unit: '3', text: '20号楼3单元' });
    expect(dmsTo(h, sent, LIN.id)).toEqual([`工单 #${first.ticketNo} 反映人更正地点为20号楼3单元：说错了，应该是3单元`]);
    // one event records it, with the place it was and the place it is
    const events = (await h.tickets.timeline(after.id)).filter((e) => e.type === 'supplemented');
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toEqual({ place: { from: '20号楼2单元门口', to: '20号楼3单元' } });
  });
});
