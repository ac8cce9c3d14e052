// A group where the bot may not send (restricted: Group.muted) still has its appeals registered: the bot still reads
// it, so an appeal there becomes a ticket and reaches its worker by direct message, and staff commands there work; but
// nothing is posted in the group (it cannot), each post skipped and logged. A group the bot was removed from stays
// ignored. Real store (PGlite), in-memory chat, scripted triage.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import { StaffTicketActions } from '../../src/core/tickets/staff-actions.ts';
import { harness, HUANG, LI, LIN, ZHANG, type Harness } from '../support/harness.ts';
import { scriptedTriage } from '../support/scripted-triage.ts';
import { SMALL_GRID } from '../support/small-grid.ts';

const MUTED = 'room-20';
const REMOVED = 'room-g2';
const STAFF = 'room-staff';
const GRID = { ...SMALL_GRID, groups: [...SMALL_GRID.groups, { platform: 'WECHAT' as const, externalId: STAFF, title: '东园社区工作群', nodeCode: 'C1', tags: [] }] };
const SKIPPED = 'the bot may not send messages in this group (muted): the post is skipped';

const triage = scriptedTriage([
  ['井盖', { category: 'facility_repair', summary: '20号楼107室门口污水井盖破损', place: { building: '20', room: '107', text: '20号楼107室门口' }, urgency: 'urgent' }],
  ['电梯', { category: 'facility_repair', summary: '电梯故障' }],
  ['路灯', { category: 'facility_repair', summary: '路灯不亮' }],
]);

describe('appeals in a group where the bot may not send', () => {
  let h: Harness;
  let mutedId: number;
  beforeAll(async () => {
    h = await harness(triage, { grid: GRID });
    mutedId = (await h.store.groups.findByExternal('WECHAT', MUTED))!.id;
    await h.assistant.botMuted('WECHAT', MUTED, '东园20号楼睦邻群');
    await h.assistant.membersLeft('WECHAT', REMOVED, [], true);
  });
  afterAll(() => h.dispose());

  const handled = async (externalId: string) => {
    const stored = (await h.store.messages.findByExternal('WECHAT', externalId))!;
    return (await h.store.messages.handlingOf([stored.id]))[0]!.handledAt;
  };
  const skippedLogs = () => h.logs().filter((l) => l.msg === SKIPPED);

  it('registers an appeal as a ticket, tells the worker directly, posts nothing in the group and marks the message handled', async () => {
    expect(await h.store.groups.findById(mutedId)).toMatchObject({ active: false, muted: true });
    const out = await h.say(MUTED, ZHANG, '20号楼107室门口的污水井盖破损严重，快塌下去了，请尽快处理');
    expect(out.kind).toBe('ticket');
    const no = (out as { ticketNo: number }).ticketNo;
    const t = await h.tickets.get(no);
    expect(t).toMatchObject({ status: 'REPORTED', groupId: mutedId, urgency: 'URGENT' });
    // the worker is told as for any ticket; a hazard alerts the grid by direct message too
    expect(h.chat.toUser(LIN.id).some((m) => m.text.includes(`新工单 #${no}`))).toBe(true);
    expect(h.chat.toUser(LIN.id).some((m) => m.text.includes('巡查提醒：井盖缺损'))).toBe(true);
    // the staff's alert that the bot may not send says what still happens there
    expect(h.chat.toUser(LIN.id)[0]!.text).toBe('巡查提醒：助手在群内不能发言（东园20号楼睦邻群）：群内诉求仍会登记并私信告知网格员，但助手无法在群内回复，请联系群主解除禁言');
    // nothing tried in the group: the receipt is skipped, logged once with the group id, at info level
    expect(h.chat.inGroup(MUTED)).toEqual([]);
    expect(skippedLogs()).toHaveLength(1);
    expect(skippedLogs()[0]).toMatchObject({ level: 30, groupId: mutedId });
    expect(await handled('in-1')).not.toBeNull();

    // a neighbour with the same problem joins the ticket, as usual, without a word in the group
    const joined = await h.say(MUTED, LI, '20号楼107室门口污水井盖破损快塌了，太危险了');
    expect(joined).toMatchObject({ kind: 'joined', ticketNo: no });
    expect(h.chat.inGroup(MUTED)).toEqual([]);
  });

  it('carries out staff commands said there by reply, posting nothing there, and answers the staff member directly', async () => {
    const t = (await h.store.tickets.list({ groupId: mutedId }))[0]!;
    const dmsBefore = h.chat.toUser(LIN.id).length;
    // 林网格员 replies to 张阿姨's appeal (there is no receipt to quote): 收到 claims it
    const claim = await h.say(MUTED, LIN, '收到', { quotedExternalId: 'in-1' });
    expect(claim).toMatchObject({ kind: 'command', command: 'claim', ticketNo: t.number });
    expect((await h.tickets.get(t.number)).status).toBe('ACCEPTED');
    const progress = await h.say(MUTED, LIN, `进度 #${t.number} 已联系物业，下午更换`);
    expect(progress).toMatchObject({ kind: 'command', ticketNo: t.number });
    const done = await h.say(MUTED, LIN, `办结 #${t.number} 井盖已更换`);
    expect(done).toMatchObject({ kind: 'command', command: 'resolve', ticketNo: t.number });
    expect((await h.tickets.get(t.number)).status).toBe('RESOLVED');
    expect(h.chat.inGroup(MUTED)).toEqual([]);
    // what the group would have heard comes to the worker directly, saying the residents were not told
    const told = `助手在「东园20号楼睦邻群」内不能发言，未能在群内告知居民，请另行联系：工单 #${t.number}`;
    expect(h.chat.toUser(LIN.id).slice(dmsBefore).map((m) => m.text)).toEqual([
      expect.stringMatching(new RegExp(`^${told} 已由林网格员受理`)),
      expect.stringMatching(new RegExp(`^${told} 进展：已联系物业，下午更换`)),
      expect.stringMatching(new RegExp(`^${told} 已办结`)),
    ]);
    // a refusal said there reaches them the same way
    await h.say(MUTED, LIN, '办结 #999 好了');
    expect(h.chat.toUser(LIN.id).at(-1)!.text).toMatch(/^助手在「东园20号楼睦邻群」内不能发言，私信回复您：.*#999/);
    // a resident's line there is never answered by direct message
    expect(h.chat.toUser(ZHANG.id)).toEqual([]);
    for (const id of ['in-3', 'in-4', 'in-5']) expect(await handled(id)).not.toBeNull();
    expect(skippedLogs().length).toBeGreaterThan(1);
    expect(skippedLogs().every((l) => l.groupId === mutedId && l.level === 30)).toBe(true);
    expect(h.logs().filter((l) => (l.level as number) >= 50)).toEqual([]);
  });

  it('says so, not "told", when a command said elsewhere or a console action would post in the muted group', async () => {
    const out = await h.say(MUTED, ZHANG, '20号楼门口路灯不亮了，晚上很黑');
    expect(out.kind).toBe('ticket');
    const no = (out as { ticketNo: number }).ticketNo;
    h.newIn(STAFF);
    await h.say(STAFF, LIN, `进度 #${no} 已报修，明天来修`);
    // the progress note claims it too: neither reached the resident
    expect(h.newIn(STAFF)).toEqual([
      expect.stringMatching(new RegExp(`^@林网格员 助手在「东园20号楼睦邻群」内不能发言，未能在群内告知居民，请另行联系：工单 #${no} 已由林网格员受理`)),
      `@林网格员 助手在「东园20号楼睦邻群」内不能发言，未能在群内告知居民，请另行联系：工单 #${no} 进展：已报修，明天来修`,
    ]);
    const huang = await h.store.people.ensureByIdentity('WECHAT', HUANG.id, HUANG.name);
    const actions = new StaffTicketActions({ tickets: h.tickets, store: h.store, outbox: h.outbox, logger: createMemoryLogger('warn').logger });
    const r = await actions.run(no, { personId: huang.id, name: huang.name }, { kind: 'progress', note: '物业已派人' }, 'console:1');
    // nothing was posted: the console does not show it as told in the group
    expect(r.posted).toEqual([]);
    expect(r.direct).toBe(1);
    expect(h.chat.inGroup(MUTED)).toEqual([]);
  });

  it('still ignores a group the bot was removed from', async () => {
    expect(await h.store.groups.findByExternal('WECHAT', REMOVED)).toMatchObject({ active: false, muted: false });
    const before = (await h.store.tickets.list({})).length;
    const out = await h.say(REMOVED, ZHANG, '3号楼电梯又坏了，困人了');
    expect(out).toEqual({ kind: 'ignored', reason: 'inactive' });
    expect(await h.store.tickets.list({})).toHaveLength(before);
    expect(h.chat.inGroup(REMOVED)).toEqual([]);
  });

  it('answers in the group again once the bot may send there', async () => {
    await h.assistant.membersJoined('WECHAT', MUTED, '东园20号楼睦邻群', [], true);
    expect(await h.store.groups.findById(mutedId)).toMatchObject({ active: true, muted: false });
    const logged = skippedLogs().length;
    const out = await h.say(MUTED, LI, '3号楼电梯又坏了');
    expect(out.kind).toBe('ticket');
    expect(h.chat.inGroup(MUTED).map((m) => m.rendered)).toEqual([expect.stringMatching(/^@李先生 已收到，工单 #\d+ 已登记/)]);
    expect(skippedLogs()).toHaveLength(logged);
  });
});

describe('posts for a group the bot was removed from', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(triage, { grid: GRID });
  });
  afterAll(() => h.dispose());

  it('are skipped in one place, and a worker acting elsewhere hears the resident was not told', async () => {
    // a ticket opened while the bot was there; then the bot is removed
    const out = await h.say(REMOVED, ZHANG, '东园二网格那边路灯不亮了');
    expect(out.kind).toBe('ticket');
    const no = (out as { ticketNo: number }).ticketNo;
    await h.assistant.membersLeft('WECHAT', REMOVED, [], true);
    h.newIn(REMOVED);
    h.newIn(STAFF);
    const wu = { id: 'wx-wu', name: '吴网格员' };
    await h.say(STAFF, wu, `办结 #${no} 已更换灯泡`);
    // nothing tried in the group, each post skipped once at info with the group id
    expect(h.chat.inGroup(REMOVED).slice(1)).toEqual([]);
    const skipped = h.logs().filter((l) => l.msg === 'the bot is no longer in this group (removed): the post is skipped');
    expect(skipped.length).toBeGreaterThan(0);
    expect(skipped[0]).toMatchObject({ level: 30, groupId: (await h.store.groups.findByExternal('WECHAT', REMOVED))!.id });
    // the worker is told the resident was not told, not "已在「…」告知"
    const said = h.newIn(STAFF).join('\n');
    expect(said).toContain('助手已不在「东园二网格业主群」内，未能在群内告知居民，请另行联系');
    expect(said).not.toMatch(/已在「东园二网格业主群」告知/);
    expect((await h.tickets.get(no)).status).toBe('RESOLVED');
  });
});
