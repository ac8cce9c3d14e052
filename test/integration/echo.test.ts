// Echoes: residents paste a copy of the bot's own words (a copied chat record "邻里助手：…", a forwarded receipt, a
// worker's 新工单 notice, a patrol alert) into a group. The danger quoted in it was reported already: no new ticket,
// no new hazard finding, no alert. Real local triage (createTriage) on a real (PGlite) store.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import { createTriage } from '../../src/adapters/triage/create-triage.ts';
import { CHEN, harness, LI, LIN, ZHANG, type Harness } from '../support/harness.ts';

const ROOM = 'room-20';
const OTHER = 'room-g2';
const ticketNo = (reply: string) => Number(/#(\d+)/.exec(reply)![1]);

describe('a copy of the bot’s own words pasted into a group', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(await createTriage({}, createMemoryLogger().logger));
  });
  afterAll(() => h.dispose());
  beforeEach(() => void h.newIn(ROOM));

  const counts = async () => ({ tickets: (await h.store.tickets.list({})).length, hazards: (await h.store.patrol.list({ rule: 'hazard' })).length, huang: h.chat.toUser('wx-huang').length });

  it('a copied 新工单 notice with the bot’s name in front: no new ticket, no hazard finding, no alert', async () => {
    expect((await h.say(ROOM, ZHANG, '20号楼3楼楼道里有很浓的煤气味，大家快来看看')).kind).toBe('ticket');
    const no = ticketNo(h.newIn(ROOM)[0]!);
    const notice = h.chat.toUser('wx-lin').map((m) => m.text).find((t) => t.startsWith(`新工单 #${no}`))!;
    expect(notice).toContain('煤气味');
    const before = await counts();
    // another group (another hour's worth of dedup would not help there): before, a new emergency ticket and an alert
    const out = await h.say(OTHER, LI, `邻里助手：${notice}`);
    expect(out).toEqual({ kind: 'chatter', echo: true });
    expect(await counts()).toEqual(before);
    expect(h.newIn(OTHER)).toEqual([]);
  });

  it('the same notice pasted without the bot’s name (matched against what the bot sent): still an echo', async () => {
    const notice = h.chat.toUser('wx-lin').map((m) => m.text).find((t) => t.startsWith('新工单 #') && t.includes('煤气味'))!;
    const before = await counts();
    expect(await h.say(OTHER, LI, `${notice}\n`)).toEqual({ kind: 'chatter', echo: true });
    expect(await counts()).toEqual(before);
  });

  it('a pasted 飞线充电 patrol alert: no ticket, no new alert', async () => {
    expect((await h.say(ROOM, ZHANG, '楼道里有人飞线给电动车充电，电线都拖到一楼了，太危险了')).kind).toBe('ticket');
    const alert = h.chat.toUser('wx-huang').map((m) => m.text).findLast((t) => t.includes('疑似飞线充电'))!;
    expect(alert).toBeDefined();
    const before = await counts();
    expect(await h.say(OTHER, LI, alert)).toEqual({ kind: 'chatter', echo: true });
    expect(await counts()).toEqual(before);
  });

  it('the reporter pasting the receipt of their own open ticket: kept with it, no new ticket and no reply', async () => {
    expect((await h.say(ROOM, ZHANG, '2号楼地下车库入口有很浓的煤气味，好像是管子漏了')).kind).toBe('ticket');
    const receipt = h.newIn(ROOM)[0]!;
    const t = await h.tickets.get(ticketNo(receipt));
    const before = await counts();
    const events = (await h.store.tickets.events(t.id)).length;
    const out = await h.say(ROOM, ZHANG, `邻里助手：${receipt}`);
    expect(out).toEqual({ kind: 'chatter', echo: true });
    expect((await counts()).tickets).toBe(before.tickets);
    // the bot's words are no 补充信息 in the ticket's history (the message is still linked to it, for its chat record)
    expect((await h.store.tickets.events(t.id)).length).toBe(events);
    expect(h.newIn(ROOM)).toEqual([]);
    // someone else pasting it is chatter
    expect(await h.say(ROOM, LI, receipt)).toEqual({ kind: 'chatter', echo: true });
  });

  it('a resident’s own words naming a ticket are no echo: a new danger in another group still opens a ticket and alerts', async () => {
    const [t] = await h.store.tickets.list({ limit: 1 });
    const before = await counts();
    const out = await h.say(OTHER, LI, `工单 #${t!.number} 还是没人来，3号楼煤气味更重了`);
    expect(out.kind).toBe('ticket');
    const after = await counts();
    expect(after.tickets).toBe(before.tickets + 1);
    expect(after.hazards).toBe(before.hazards + 1);
    expect(after.huang).toBeGreaterThan(before.huang);
  });

  it('the bot’s name and a colon before a resident’s own words is someone addressing the bot, not a copy', async () => {
    const out = await h.say(OTHER, LI, '邻里助手：5号楼电梯坏了，困在半路下不来');
    expect(out.kind).toBe('ticket');
  });

  it('staff forwarding a ticket’s words, its assignee above all, are not joined as reporters; a resident still is', async () => {
    const text = '20号楼2单元电梯又坏了，困在半路下不来了，快来人';
    expect((await h.say(ROOM, ZHANG, text)).kind).toBe('ticket');
    const t = await h.tickets.get(ticketNo(h.newIn(ROOM)[0]!));
    const assignee = (await h.store.people.findById(t.assigneeId!))!;
    const [mine, other] = assignee.name === LIN.name ? [LIN, CHEN] : [CHEN, LIN];
    expect(await h.say(ROOM, mine, text)).toEqual({ kind: 'chatter' });
    expect(await h.say(ROOM, other, `转：${text}`)).toEqual({ kind: 'chatter' });
    expect(h.newIn(ROOM)).toEqual([]);
    expect((await h.tickets.get(t.number)).reporterCount).toBe(1);
    expect((await h.say(ROOM, LI, text)).kind).toBe('joined');
    expect((await h.tickets.get(t.number)).reporterCount).toBe(2);
  });

  it('a copy with the sender’s own words after it: the own words are read as theirs (ticket, hazard and alert), the copy is not', async () => {
    const notice = h.chat.toUser('wx-lin').map((m) => m.text).find((t) => t.startsWith('新工单 #') && t.includes('煤气味'))!;
    const before = await counts();
    // (this group's gas finding of the hour exists already: the danger in the own words is another kind)
    const out = await h.say(OTHER, LI, `${notice}\n这个还是没人来，二网格6号楼楼道里也有人飞线给电动车充电`);
    expect(out.kind).toBe('ticket');
    const t = await h.tickets.get((out as { ticketNo: number }).ticketNo);
    expect(t.summary).not.toContain('新工单');
    const after = await counts();
    expect(after.tickets).toBe(before.tickets + 1);
    expect(after.hazards).toBe(before.hazards + 1);
    expect(after.huang).toBeGreaterThan(before.huang);
    const [finding] = (await h.store.patrol.list({ rule: 'hazard' })).filter((f) => f.ticketId === t.id || f.summary.includes('6号楼'));
    expect(finding?.summary).toContain('6号楼');
    expect(finding?.summary).not.toContain('新工单');
    // the reporter's own words on their own ticket's copy: kept with it, and the patrol reads them
    const [mine] = await h.store.tickets.list({ reporterId: (await h.store.people.ensureByIdentity('WECHAT', ZHANG.id, ZHANG.name)).id, limit: 1 });
    const receipt = h.chat.inGroup(ROOM).map((m) => m.text).find((x) => x.includes(`工单 #${mine!.number} 已登记`))!.replace(/^@\S+\s/u, '');
    const own = await h.say(ROOM, ZHANG, `${receipt} 还是没人来管`);
    expect(own).toEqual({ kind: 'supplemented', ticketNo: mine!.number, ticketId: mine!.id });
  });
});
