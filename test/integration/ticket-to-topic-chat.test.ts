// 转议题 in the group: a resident's appeal about the e-bike shed is a ticket; a resident cannot turn it into a topic
// (one polite line, the ticket stays open); the community's staff can, over the community: the ticket is closed with
// a 'deliberated' event naming the topic, its reporter is told in their group, the topic remembers its ticket and
// is posted in the community's groups. The same command again, or the same message handled again, makes nothing new.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, HUANG, LIN, ZHANG, type Harness } from '../support/harness.ts';
import { scriptedTriage } from '../support/scripted-triage.ts';
import type { StoreKind } from '../support/databases.ts';
import { DELIBERATION_GRID, G1_GROUPS, OUTSIDE_GROUP } from '../support/deliberation-fixture.ts';

const [B20] = G1_GROUPS;

describe.each<StoreKind>(['pglite', 'postgres'])('转议题 in the groups on %s', (kind) => {
  let h: Harness;
  let ticketNo = 0;

  beforeAll(async () => {
    h = await harness(scriptedTriage([['车棚', { category: 'facility_repair', summary: '20号楼旁电动车没处充电，想建车棚' }]]), { kind, now: new Date('2026-12-07T01:00:00Z') });
    await h.store.grid.importSpec(DELIBERATION_GRID);
    const out = await h.say(B20!, ZHANG, '20号楼旁边电动车没地方充电，能不能建个车棚？');
    expect(out).toMatchObject({ kind: 'ticket' });
    ticketNo = (out as { ticketNo: number }).ticketNo;
    h.newIn(B20!);
  });
  afterAll(() => h.dispose());

  it('refuses a resident politely and leaves the ticket open', async () => {
    expect(await h.say(B20!, ZHANG, `转议题 #${ticketNo}`)).toEqual({ kind: 'refused', code: 'NOT_AUTHORIZED' });
    expect(h.newIn(B20!)).toEqual([expect.stringContaining('此操作需由负责该范围的工作人员办理')]);
    expect((await h.store.tickets.findByNumber(ticketNo))!.status).toBe('REPORTED');
    expect(await h.store.deliberation.list({})).toEqual([]);
  });

  it('a grid worker cannot open it over the community (not staff there)', async () => {
    expect(await h.say(B20!, LIN, `转议题 #${ticketNo} 社区`)).toEqual({ kind: 'refused', code: 'NOT_AUTHORIZED' });
    expect((await h.store.tickets.findByNumber(ticketNo))!.status).toBe('REPORTED');
  });

  it('community staff turn it into a topic over the community, titled and with options of their own', async () => {
    const out = await h.say(B20!, HUANG, `转议题 #${ticketNo} 社区 是否在20号楼旁建电动车充电棚 / 建 / 不建`);
    expect(out).toMatchObject({ kind: 'topic', action: 'from-ticket' });
    const topicNo = (out as { topicNo: number }).topicNo;
    const topic = (await h.store.deliberation.findById(topicNo))!;
    const ticket = (await h.store.tickets.findByNumber(ticketNo))!;
    expect(topic).toMatchObject({ status: 'OPEN', title: '是否在20号楼旁建电动车充电棚', options: ['建', '不建'], sourceTicketId: ticket.id, gridNodeId: (await h.store.grid.findByCode('C1'))!.id });
    expect(ticket.status).toBe('CLOSED');
    const event = (await h.store.tickets.events(ticket.id)).at(-1)!;
    expect(event).toMatchObject({ type: 'deliberated', fromStatus: 'REPORTED', toStatus: 'CLOSED', data: { topicId: topicNo } });
    expect(event.note).toContain(`转为议题#${topicNo}`);
    // in the reporter's group: the topic, the staff's receipt and one line to the reporter
    const said = h.newIn(B20!);
    expect(said.filter((t) => t.includes(`【议题#${topicNo}】`))).toHaveLength(1);
    expect(said).toContainEqual(expect.stringContaining(`工单 #${ticketNo} 已转为议题#${topicNo}，已发布到4个群`));
    // to the reporter by name
    expect(said.filter((t) => t.startsWith(`@张阿姨 您反映的工单 #${ticketNo} 需要居民共同商议，已转为议题#${topicNo}`))).toHaveLength(1);
    // the community's other groups, the outside one included, got the topic
    expect(h.newIn(OUTSIDE_GROUP).filter((t) => t.includes(`【议题#${topicNo}】`))).toHaveLength(1);
  });

  it('the same again makes nothing new', async () => {
    const [topic] = await h.store.deliberation.list({});
    const out = await h.say(B20!, HUANG, `转议题 #${ticketNo} 社区`);
    expect(out).toMatchObject({ kind: 'topic', topicNo: topic!.id });
    const said = h.newIn(B20!);
    expect(said).toEqual([expect.stringContaining(`已转为议题#${topic!.id}`)]); // the receipt only
    expect(await h.store.deliberation.list({})).toHaveLength(1);
    const ticket = (await h.store.tickets.findByNumber(ticketNo))!;
    expect((await h.store.tickets.events(ticket.id)).filter((e) => e.type === 'deliberated')).toHaveLength(1);
    // the service asked again with the first message's cause (a redelivery after a crash): the same topic, not fresh
    const huang = await h.store.people.ensureByIdentity('WECHAT', HUANG.id, HUANG.name);
    const again = await h.ticketToTopic.run(ticketNo, { personId: huang.id, name: HUANG.name }, { community: true }, null);
    expect(again).toMatchObject({ fresh: false, topic: { id: topic!.id } });
    expect(h.newIn(B20!)).toEqual([]);
  });

  it('refuses a ticket that is already finished', async () => {
    const out = await h.say(B20!, ZHANG, '20号楼车棚顶棚漏雨了');
    const no = (out as { ticketNo: number }).ticketNo;
    await h.say(B20!, LIN, `驳回 #${no} 已由物业修好`);
    expect((await h.store.tickets.findByNumber(no))!.status).toBe('REJECTED');
    h.newIn(B20!);
    expect(await h.say(B20!, HUANG, `转议题 #${no}`)).toEqual({ kind: 'refused', code: 'ILLEGAL_TRANSITION' });
    expect(h.newIn(B20!)).toEqual([expect.stringContaining(`工单 #${no} 当前状态不能转为议题`)]);
  });

  it('answers a ticket number that does not exist', async () => {
    expect(await h.say(B20!, HUANG, '转议题 #9999')).toEqual({ kind: 'refused', code: 'TICKET_NOT_FOUND' });
    expect(h.newIn(B20!)).toEqual([expect.stringContaining('未找到工单 #9999')]);
  });
});
