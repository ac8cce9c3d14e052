// One message naming several separate problems ("20号楼电梯又坏了，另外小区南门路灯不亮好几天了，还有21号楼楼道堆满了纸箱")
// becomes one ticket per problem, each with its own category, place, urgency and grid, and one reply listing them; a
// message about one problem in several clauses stays one ticket. Through the shipped local triage on a real store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import { createTriage } from '../../src/adapters/triage/create-triage.ts';
import type { Ticket } from '../../src/core/tickets/ticket.types.ts';
import { harness, LIN, ZHANG, type Harness } from '../support/harness.ts';
import { scriptedTriage } from '../support/scripted-triage.ts';
import { SMALL_GRID } from '../support/small-grid.ts';

const ROOM = 'room-20';
const G2_ROOM = 'room-g2';
const LIU = { id: 'wx-liu', name: '刘阿姨' };
const SUN = { id: 'wx-sun', name: '孙先生' };
const ZHAO = { id: 'wx-zhao', name: '赵大姐' };
const QIAN = { id: 'wx-qian', name: '钱师傅' };
const ZHOU = { id: 'wx-zhou', name: '周奶奶' };

/** The small grid and building 21 as a unit of the second grid: a problem there is the second grid's. */
const GRID = {
  ...SMALL_GRID,
  nodes: [...SMALL_GRID.nodes, { code: 'U2', name: '21号楼', level: 'UNIT' as const, parentCode: 'G2' }],
};

describe.each(['pglite', 'postgres'] as const)('a message naming several separate problems (%s)', (kind) => {
  let h: Harness;
  const ticketsOf = async (sender: { id: string }) => {
    const person = await h.store.people.ensureByIdentity('WECHAT', sender.id, '');
    return (await h.store.tickets.list({ reporterId: person.id })).sort((a, b) => a.number - b.number);
  };
  const nodeCode = async (t: Ticket) => (await h.store.grid.findById(t.gridNodeId))!.code;
  const gridOf = async (t: Ticket) => {
    const node = (await h.store.grid.findById(t.gridNodeId))!;
    return node.path.split('/').filter(Boolean)[2];
  };

  beforeAll(async () => {
    h = await harness(await createTriage({}, createMemoryLogger().logger), { grid: GRID, kind });
  });
  afterAll(() => h.dispose());

  it('opens one ticket per problem, routed by place, with one reply listing numbers and deadlines', async () => {
    h.newIn(ROOM);
    const out = await h.say(ROOM, ZHANG, '20号楼电梯又坏了，另外小区南门路灯不亮好几天了，还有21号楼楼道堆满了纸箱');
    expect(out.kind).toBe('ticket');
    const tickets = await ticketsOf(ZHANG);
    expect(tickets).toHaveLength(3);
    const [lift, lamp, boxes] = tickets as [Ticket, Ticket, Ticket];
    expect(lift).toMatchObject({ category: 'facility_repair', place: { building: '20' } });
    expect(lamp).toMatchObject({ category: 'facility_repair', place: { text: '南门' } });
    expect(boxes).toMatchObject({ category: 'fire_safety', place: { building: '21' } });
    expect(lift.summary).not.toMatch(/路灯|纸箱/);
    expect(boxes.summary).not.toMatch(/电梯|路灯/);
    // building 21 is the second grid's: its worker has it; the rest stay with the group's building
    expect([await nodeCode(lift), await nodeCode(lamp), await nodeCode(boxes)]).toEqual(['U1', 'U1', 'U2']);
    expect(new Set([await gridOf(lift), await gridOf(lamp), await gridOf(boxes)])).toEqual(new Set(['G1', 'G2']));
    expect((await h.store.people.findById(boxes.assigneeId!))!.name).toBe('吴网格员');
    const replies = h.newIn(ROOM);
    expect(replies).toHaveLength(1);
    const reply = replies[0]!;
    for (const t of tickets) expect(reply).toContain(`工单 #${t.number}`);
    expect(reply).toMatch(/^@张阿姨 已收到，您反映的 3 个问题已分别登记：/);
    expect(reply).toMatch(/前办结/);
    // each worker hears of their own ticket
    expect(h.chat.toUser('wx-wu').filter((m) => m.text.includes(`#${boxes.number}`))).toHaveLength(1);
    expect(h.chat.toUser('wx-wu').filter((m) => m.text.includes(`#${lift.number}`))).toHaveLength(0);
  });

  it('keeps one problem told in several clauses as one ticket', async () => {
    h.newIn(ROOM);
    const out = await h.say(ROOM, LIU, '3号楼电梯坏了，困了一个人，物业电话打不通');
    expect(out).toMatchObject({ kind: 'ticket', urgency: 'EMERGENCY' });
    expect(await ticketsOf(LIU)).toHaveLength(1);
    expect(h.newIn(ROOM)).toEqual([expect.stringMatching(/^@刘阿姨 已收到，工单 #\d+ 已登记/)]);
  });

  it('splits a numbered list of two problems in one place with different categories', async () => {
    h.newIn(ROOM);
    const out = await h.say(ROOM, SUN, '22号楼反映两个问题：1. 电梯按钮失灵了 2. 楼上装修天天电钻响到晚上十点');
    expect(out.kind).toBe('ticket');
    const tickets = await ticketsOf(SUN);
    expect(tickets.map((t) => t.category)).toEqual(['facility_repair', 'noise']);
    // the heading's place is each item's
    expect(tickets.map((t) => t.place.building)).toEqual(['22', '22']);
    expect(h.newIn(ROOM)).toHaveLength(1);
  });

  it('opens one ticket for a list where one item is no appeal (thanks, chatter)', async () => {
    const out = await h.say(ROOM, ZHAO, '1. 23号楼门口的井盖松了 2. 谢谢网格员一直以来的辛苦');
    expect(out.kind).toBe('ticket');
    expect(await ticketsOf(ZHAO)).toHaveLength(1);
  });

  it('keeps a hazard urgent on its own ticket, and tells to call 119, 120 or 110', async () => {
    h.newIn(ROOM);
    const out = await h.say(ROOM, QIAN, '①25号楼电梯又停了 ②地库里有一股煤气味');
    const tickets = await ticketsOf(QIAN);
    expect(tickets.map((t) => t.urgency)).toEqual(['NORMAL', 'EMERGENCY']);
    // the message's outcome carries the hazard, so the patrol alerts staff of it
    expect(out).toMatchObject({ kind: 'ticket', urgency: 'EMERGENCY', ticketId: tickets[1]!.id });
    const [reply] = h.newIn(ROOM);
    expect(reply).toMatch(/紧急/);
    expect(reply).toContain('119（火警）、120（急救）或 110（报警）');
  });

  it('joins a part to the same open problem a neighbour reported, and opens the others', async () => {
    h.newIn(G2_ROOM);
    const [, , boxes] = await ticketsOf(ZHANG);
    const out = await h.say(G2_ROOM, ZHOU, '1. 21号楼楼道堆满了纸箱 2. 小区北门的垃圾站好几天没人清运了');
    expect(out.kind).toBe('ticket');
    const mine = await ticketsOf(ZHOU);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.category).toBe('sanitation');
    expect((await h.tickets.get(boxes!.number)).reporterCount).toBe(2);
    const [reply] = h.newIn(G2_ROOM);
    expect(reply).toContain(`工单 #${boxes!.number}`);
    expect(reply).toContain(`工单 #${mine[0]!.number}`);
    expect(reply).toMatch(/加入关注/);
  });

  it('lets the reporter query and rate each ticket of the message on its own', async () => {
    const [lift, lamp] = (await ticketsOf(ZHANG)) as [Ticket, Ticket];
    h.newIn(ROOM);
    await h.say(ROOM, ZHANG, `查询 #${lamp.number}`);
    expect(h.newIn(ROOM)[0]).toMatch(new RegExp(`工单 #${lamp.number}`));
    // 查询 quoting the reply that lists three tickets does not pick one of them silently: it lists the resident's open
    // tickets here, each with its state, and the line to send
    const listing = h.chat.inGroup(ROOM).find((m) => m.text.includes('3 个问题'))!;
    await h.say(ROOM, ZHANG, '查询', { quoted: { text: listing.text, fromBot: true } });
    expect(h.newIn(ROOM)).toEqual([expect.stringMatching(/^@张阿姨 您在本群反映的在办工单：#\d+（[^）]+）、#\d+（[^）]+）、#\d+（[^）]+）。查询详情请发：查询 #\d+$/)]);
    // the worker resolves the lamp; the resident's 满意 quoting that notice rates the lamp only
    await h.say(ROOM, LIN, `认领 #${lamp.number}`);
    await h.say(ROOM, LIN, `办结 #${lamp.number} 路灯已换新`);
    const notice = h.chat.inGroup(ROOM).filter((m) => m.text.includes(`#${lamp.number}`)).at(-1)!;
    h.newIn(ROOM);
    await h.say(ROOM, ZHANG, '满意', { quoted: { text: notice.text, fromBot: true } });
    expect((await h.tickets.get(lamp.number)).satisfaction).toBe('SATISFIED');
    expect((await h.tickets.get(lift.number)).satisfaction).toBeNull();
  });

  it('takes a pasted copy of the listing reply as no new appeal', async () => {
    const before = (await ticketsOf(ZHANG)).length;
    const listing = h.chat.inGroup(ROOM).find((m) => m.text.includes('3 个问题'))!;
    const out = await h.say(ROOM, LIU, `邻里助手：${listing.text}`);
    expect(out.kind).not.toBe('ticket');
    expect(await ticketsOf(ZHANG)).toHaveLength(before);
    expect(await ticketsOf(LIU)).toHaveLength(1);
  });

  it('finishes a message that failed between its problems, once: no ticket twice, one reply', async () => {
    const WEI = { id: 'wx-wei', name: '魏先生' };
    const tickets = h.store.tickets;
    const nearby = tickets.listOpenInNodes.bind(tickets);
    // the store fails once the first problem's ticket is written (as a crash would): at the second problem's look for
    // the same open problem
    let calls = 0;
    tickets.listOpenInNodes = async (...args) => {
      if (++calls === 2) throw new Error('store down');
      return nearby(...args);
    };
    h.newIn(ROOM);
    const text = '1. 27号楼门口路灯不亮了 2. 28号楼楼下垃圾站太臭了';
    await expect(h.say(ROOM, WEI, text, { externalId: 'crash-1' })).rejects.toThrow('store down');
    tickets.listOpenInNodes = nearby;
    expect(await ticketsOf(WEI)).toHaveLength(1);
    expect(h.newIn(ROOM)).toEqual([]);
    const again = await h.say(ROOM, WEI, text, { externalId: 'crash-1' });
    expect(again.kind).toBe('ticket');
    const mine = await ticketsOf(WEI);
    expect(mine.map((t) => t.category)).toEqual(['facility_repair', 'sanitation']);
    const replies = h.newIn(ROOM);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain('2 个问题');
    // the first problem's ticket was found as this message's own, not taken for a new line about it
    expect(replies[0]).not.toContain('补充');
    expect((await h.tickets.timeline(mine[0]!.id)).map((e) => e.type)).toEqual(['reported']);
    // handled a third time (the inbox retried it): nothing new
    await h.say(ROOM, WEI, text, { externalId: 'crash-1' });
    expect(await ticketsOf(WEI)).toHaveLength(2);
    expect(h.newIn(ROOM)).toEqual([]);
  });
});

describe('a numbered list read whole as talk, with one item an appeal (scripted triage)', () => {
  let h: Harness;
  // the whole list reads as talk (its thanks outweigh its problem); its first item alone is a repair
  const triage = scriptedTriage([
    ['谢谢', { isAppeal: false, category: 'chatter' }],
    ['井盖', { category: 'facility_repair', place: { building: '23' } }],
    ['晚饭', { isAppeal: false, category: 'chatter' }],
  ]);
  beforeAll(async () => {
    h = await harness(triage, { grid: GRID });
  });
  afterAll(() => h.dispose());

  it('opens a ticket for the item that is an appeal, filed as that item reads', async () => {
    h.newIn(ROOM);
    const out = await h.say(ROOM, ZHAO, '1. 23号楼门口的井盖松了 2. 谢谢网格员一直以来的辛苦');
    expect(out.kind).toBe('ticket');
    const person = await h.store.people.ensureByIdentity('WECHAT', ZHAO.id, '');
    const tickets = await h.store.tickets.list({ reporterId: person.id });
    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({ category: 'facility_repair', place: { building: '23' } });
  });

  it('keeps a list of talk talk', async () => {
    expect((await h.say(ROOM, QIAN, '1. 今晚谁一起吃晚饭 2. 谢谢大家昨天帮忙')).kind).toBe('chatter');
  });
});
