// A resident asks after their ticket in plain words, without quoting the bot and without knowing 查询 (seen in the lead's
// sandbox sweep, session 18): "我报的楼道灯怎么样了？有人管吗" and "#143 进展如何" got no answer at all. They are now
// answered with where the ticket stands, and the worker holding it hears that the resident asked (as a quoted question
// is). A resident typing a staff command ("办结 #3") was taught its format ("格式有误，请这样写：办结 #工单号 办理结果")
// as if they could use it; they are told it is staff's to do. Real store (PGlite), in-memory chat, scripted triage.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, LI, LIN, ZHANG, type Harness } from '../support/harness.ts';
import { scriptedTriage } from '../support/scripted-triage.ts';

const ROOM = 'room-20';

const triage = scriptedTriage([
  ['楼道灯', { category: 'facility_repair', summary: '楼道灯不亮' }],
  ['垃圾', { category: 'sanitation', summary: '垃圾未清运' }],
]);

describe('a resident asks after their ticket in plain words', () => {
  let h: Harness;
  let lamp = 0;
  const numberIn = (reply: string) => Number(/#(\d+)/.exec(reply)![1]);
  beforeAll(async () => {
    h = await harness(triage);
  });
  afterAll(() => h.dispose());

  it('with no ticket of theirs here: "我报的…怎么样了" says so and opens none', async () => {
    expect(await h.say(ROOM, ZHANG, '我之前反映的那个事情怎么样了？')).toEqual({ kind: 'chatter' });
    expect(h.newIn(ROOM)).toEqual(['@张阿姨 您在本群暂无在办的工单。如有问题，请直接说明情况和位置。']);
    expect(await h.store.tickets.list({})).toEqual([]);
  });

  it('"我报的楼道灯怎么样了？有人管吗": where it stands, told to the worker, no second ticket', async () => {
    await h.say(ROOM, ZHANG, '3号楼楼道灯坏了好几天了，晚上黑漆漆的');
    lamp = numberIn(h.newIn(ROOM)[0]!);
    for (let i = 0; i < 12; i++) await h.say(ROOM, LI, `大家好 ${i}`); // past the follow-up window
    const asked = await h.say(ROOM, ZHANG, '我报的楼道灯怎么样了？有人管吗');
    expect(asked).toMatchObject({ kind: 'supplemented', ticketNo: lamp });
    expect(h.newIn(ROOM)).toEqual([expect.stringMatching(new RegExp(`^@张阿姨 工单 #${lamp}（设施维修）：已登记，林网格员负责，时限 .+。已转告网格员。$`))]);
    expect(await h.store.tickets.list({})).toHaveLength(1);
  });

  it('"什么时候能来修啊" with no subject, or the same kind of problem named: about their open ticket, not a new one', async () => {
    expect(await h.say(ROOM, ZHANG, '什么时候能来修啊')).toMatchObject({ kind: 'supplemented', ticketNo: lamp });
    expect(h.newIn(ROOM)).toEqual([expect.stringMatching(new RegExp(`^@张阿姨 工单 #${lamp}（设施维修）：已登记.*。已转告网格员。$`))]);
    expect(await h.say(ROOM, ZHANG, '楼道灯到底什么时候能修好')).toMatchObject({ kind: 'supplemented', ticketNo: lamp });
    h.newIn(ROOM);
    expect(await h.store.tickets.list({})).toHaveLength(1);
  });

  it('"#N 进展如何" from its reporter: the same answer; the worker holding it reads the question', async () => {
    await h.say(ROOM, LIN, `认领 #${lamp}`);
    h.newIn(ROOM);
    const before = h.chat.toUser(LIN.id).length;
    expect(await h.say(ROOM, ZHANG, `#${lamp} 进展如何`)).toMatchObject({ kind: 'supplemented', ticketNo: lamp });
    expect(h.newIn(ROOM)).toEqual([expect.stringMatching(new RegExp(`^@张阿姨 工单 #${lamp}（设施维修）：处理中，林网格员负责，时限 .+。已转告网格员。$`))]);
    expect(h.chat.toUser(LIN.id).slice(before).map((m) => m.rendered)).toEqual([`工单 #${lamp} 反映人询问进度：#${lamp} 进展如何`]);
  });

  it('a neighbour asking "#N 怎么样了" about it: where it stands, nothing added to it', async () => {
    const t = await h.tickets.get(lamp);
    const events = (await h.tickets.timeline(t.id)).length;
    await h.say(ROOM, LI, `#${lamp} 怎么样了`);
    expect(h.newIn(ROOM)).toEqual([expect.stringMatching(new RegExp(`^@李先生 工单 #${lamp}（设施维修）：处理中，林网格员负责`))]);
    expect((await h.tickets.timeline(t.id)).filter((e) => e.type !== 'queried')).toHaveLength(events);
  });

  it('a resident typing a staff command is told it is staff work, not taught its format', async () => {
    expect(await h.say(ROOM, ZHANG, `办结 #${lamp}`)).toMatchObject({ kind: 'refused' });
    expect(h.newIn(ROOM)).toEqual(['@张阿姨 抱歉，此操作需由负责该网格的工作人员办理。']);
    await h.say(ROOM, ZHANG, '驳回');
    expect(h.newIn(ROOM)).toEqual(['@张阿姨 抱歉，此操作需由负责该网格的工作人员办理。']);
    // a worker still gets the format line for a command they may use
    await h.say(ROOM, LIN, `办结 #${lamp}`);
    expect(h.newIn(ROOM)).toEqual(['@林网格员 格式有误，请这样写：办结 #工单号 办理结果']);
    // and is told who may, for one they may not (督办 is the grid head's and above)
    await h.say(ROOM, LIN, '督办');
    expect(h.newIn(ROOM)).toEqual([expect.stringMatching(/^@林网格员 抱歉，督办需由.+办理。$/)]);
  });

  it('a question naming another kind of problem is that problem, reported', async () => {
    expect(await h.say(ROOM, ZHANG, '门口的垃圾什么时候能清走啊')).toMatchObject({ kind: 'ticket' });
    h.newIn(ROOM);
    // two open now: a plain "我报的…" asks which
    await h.say(ROOM, ZHANG, '我反映的那个事情有人管吗');
    expect(h.newIn(ROOM)).toEqual([expect.stringMatching(/^@张阿姨 您在本群有2个在办工单（#\d+、#\d+），请注明工单号，如“查询 #\d+”。$/)]);
  });

  it('查询 alone: the asker\'s own open tickets here (a resident: reported; staff: in their charge)', async () => {
    await h.say(ROOM, ZHANG, '查询');
    expect(h.newIn(ROOM)).toEqual([expect.stringMatching(/^@张阿姨 您在本群反映的在办工单：#\d+（处理中）、#\d+（已登记）。查询详情请发：查询 #\d+$/)]);
    await h.say(ROOM, LIN, '查询');
    // the 垃圾 ticket went to whoever the grid routes 环境卫生 to: 林 has the lamp only
    expect(h.newIn(ROOM)).toEqual([expect.stringMatching(new RegExp(`^@林网格员 工单 #${lamp}（设施维修）：处理中，林网格员负责，时限 .+。$`))]);
    await h.say(ROOM, LI, '查询');
    expect(h.newIn(ROOM)).toEqual(['@李先生 您在本群暂无在办的工单。如有问题，请直接说明情况和位置。']);
    await h.say(ROOM, LIN, `办结 #${lamp} 已修好`);
    h.newIn(ROOM);
    await h.say(ROOM, ZHANG, '查询');
    expect(h.newIn(ROOM)).toEqual([expect.stringMatching(/^@张阿姨 工单 #\d+（环境卫生）：已登记.*。$/)]);
  });

  it('chatter with the same words is left alone', async () => {
    expect(await h.say(ROOM, LI, '今天天气怎么样了？')).toEqual({ kind: 'chatter' });
    expect(await h.say(ROOM, LI, '我说的那个饭店怎么样了，好吃吗')).toEqual({ kind: 'chatter' });
    expect(h.newIn(ROOM)).toEqual([]);
  });
});
