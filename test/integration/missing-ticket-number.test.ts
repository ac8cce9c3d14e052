// A worker writes 进度/办结 without the ticket's number ("进度 已经找到车主…", seen in a sandbox sweep): the bot said only
// "格式有误，请这样写：进度 #工单号 进展情况", though it knows which tickets in this group the worker has in hand. The
// reply now names them (nothing is applied on a guess: a note posted to the residents' group under the wrong ticket is
// worse than one more line typed). Real store (PGlite), in-memory chat, scripted triage.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, LIN, WU, ZHANG, type Harness } from '../support/harness.ts';
import { scriptedTriage } from '../support/scripted-triage.ts';

const ROOM = 'room-20';
const OTHER_ROOM = 'room-g2';

const triage = scriptedTriage([
  ['电梯', { category: 'facility_repair', summary: '电梯故障' }],
  ['路灯', { category: 'facility_repair', summary: '路灯不亮' }],
  ['垃圾', { category: 'sanitation', summary: '垃圾未清运' }],
]);

describe('a staff step without the ticket number', () => {
  let h: Harness;
  const numberIn = (reply: string) => Number(/#(\d+)/.exec(reply)![1]);
  beforeAll(async () => {
    h = await harness(triage);
  });
  afterAll(() => h.dispose());

  async function report(room: string, text: string): Promise<number> {
    h.newIn(room);
    await h.say(room, ZHANG, text);
    return numberIn(h.newIn(room)[0]!);
  }

  it('from a worker holding no ticket here: the usage line, as before', async () => {
    expect(await h.say(ROOM, LIN, '进度 已经找到车主了')).toEqual({ kind: 'refused', code: 'MALFORMED_COMMAND' });
    expect(h.newIn(ROOM)).toEqual(['@林网格员 格式有误，请这样写：进度 #工单号 进展情况']);
  });

  it('认领 alone from the worker a ticket here waits on: names it, claims nothing', async () => {
    const lamp = await report(ROOM, '楼下路灯又不亮了');
    h.newIn(ROOM);
    expect(await h.say(ROOM, LIN, '认领')).toEqual({ kind: 'refused', code: 'MALFORMED_COMMAND' });
    expect(h.newIn(ROOM)).toEqual([`@林网格员 请写明工单号：本群待您认领的工单是 #${lamp}，请这样写：认领 #${lamp}`]);
    expect((await h.tickets.get(lamp)).status).toBe('REPORTED');
    await h.say(ROOM, LIN, `驳回 #${lamp} 重复 已在处理`);
    h.newIn(ROOM);
  });

  it('from a worker holding one ticket in this group: names it, applies nothing', async () => {
    const lift = await report(ROOM, '3号楼电梯又坏了');
    await h.say(ROOM, LIN, `认领 #${lift}`);
    h.newIn(ROOM);
    expect(await h.say(ROOM, LIN, '进度 已经找到车主，让他把车推出去了')).toEqual({ kind: 'refused', code: 'MALFORMED_COMMAND' });
    expect(h.newIn(ROOM)).toEqual([`@林网格员 请写明工单号：您在本群办理中的工单是 #${lift}，请这样写：进度 #${lift} 进展情况`]);
    const t = await h.tickets.get(lift);
    expect((await h.tickets.timeline(t.id)).map((e) => e.type)).toEqual(['reported', 'claimed']);
  });

  it('with several in hand here: names them all, in number order, the newest in the example; one in another group is not named', async () => {
    const lamp = await report(ROOM, '楼下路灯不亮了好几天');
    await h.say(ROOM, LIN, `认领 #${lamp}`);
    const lift = (await h.store.tickets.list({ statuses: ['ACCEPTED'] })).map((t) => t.number).filter((n) => n !== lamp)[0]!;
    const elsewhere = await report(OTHER_ROOM, '门口垃圾三天没人收');
    await h.say(OTHER_ROOM, WU, `认领 #${elsewhere}`);
    h.newIn(ROOM);
    await h.say(ROOM, LIN, '办结 已修好');
    const [a, b] = [lift, lamp].sort((x, y) => x - y);
    expect(h.newIn(ROOM)).toEqual([`@林网格员 请写明工单号：您在本群办理中的工单有 #${a}、#${b}，请这样写：办结 #${b} 办理结果`]);
    // 吴 holds one in the other group only
    h.newIn(OTHER_ROOM);
    await h.say(ROOM, WU, '进度 在处理');
    expect(h.newIn(ROOM)).toEqual(['@吴网格员 格式有误，请这样写：进度 #工单号 进展情况']);
  });

  it('a resolved ticket waiting for the resident is no longer in hand', async () => {
    const accepted = (await h.store.tickets.list({ statuses: ['ACCEPTED'] })).filter((t) => t.assigneeId !== null);
    const mine = [];
    for (const t of accepted) if ((await h.store.people.findById(t.assigneeId!))?.name === LIN.name) mine.push(t.number);
    for (const n of mine) await h.say(ROOM, LIN, `办结 #${n} 已处理`);
    h.newIn(ROOM);
    await h.say(ROOM, LIN, '进度 再看看');
    expect(h.newIn(ROOM)).toEqual(['@林网格员 格式有误，请这样写：进度 #工单号 进展情况']);
  });
});
