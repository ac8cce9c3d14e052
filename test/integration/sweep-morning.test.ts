// A busy morning in the building groups, through the shipped local triage: what residents and workers typed in the
// sandbox and the bot misread (sweep 5b).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import { createTriage } from '../../src/adapters/triage/create-triage.ts';
import { harness, LI, LIN, ZHANG, type Harness } from '../support/harness.ts';

const ROOM = 'room-20';

describe('a busy morning through the shipped triage', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(await createTriage({ triageModel: undefined, llm: undefined }, createMemoryLogger().logger));
  });
  afterAll(() => h.dispose());
  beforeEach(() => void h.newIn(ROOM));

  it('a line of only punctuation or bare @ signs opens no ticket (？？？ and ！！！ were tickets with a blank summary)', async () => {
    for (const text of ['？？？', '???', '！！！', '@ @ @', '？']) {
      expect(await h.say(ROOM, LI, text), text).toEqual({ kind: 'chatter' });
    }
    expect(h.newIn(ROOM)).toEqual([]);
    expect(await h.store.tickets.list({})).toEqual([]);
    // a real appeal still is one
    expect((await h.say(ROOM, ZHANG, '20号楼东侧的路灯坏了好几天了')).kind).toBe('ticket');
  });

  it('a resident correcting their appeal a minute later ("不对，是21号楼") adds to it; it opened a second ticket', async () => {
    const first = (await h.say(ROOM, LI, '20号楼3单元楼道的灯不亮了，上下楼看不见')) as { kind: string; ticketNo: number };
    expect(first.kind).toBe('ticket');
    h.newIn(ROOM);
    const dm = h.chat.sent.length;
    expect(await h.say(ROOM, LI, '不对，是21号楼')).toEqual({ kind: 'supplemented', ticketNo: first.ticketNo, ticketId: expect.any(Number) });
    // the place is corrected (no grid node is named 21号楼 here: it stays where it was)
    expect(h.newIn(ROOM)).toEqual([`@李先生 已将工单 #${first.ticketNo} 的地点更正为21号楼。`]);
    // the worker it went to reads the correction too
    expect(h.chat.sent.slice(dm).filter((m) => 'user' in m.to).map((m) => m.rendered)).toEqual([`工单 #${first.ticketNo} 反映人更正地点为21号楼：不对，是21号楼`]);
    const t = await h.tickets.get(first.ticketNo);
    expect(t.place).toEqual({ building: '21', text: '21号楼' });
    expect((await h.tickets.timeline(t.id)).at(-1)).toMatchObject({ type: 'supplemented', note: '不对，是21号楼', data: { place: { from: '20号楼3单元楼道', to: '21号楼' } } });
    // a correction that names no place is added as words
    expect(await h.say(ROOM, LI, '不对，是楼道最里面那盏')).toMatchObject({ kind: 'supplemented', ticketNo: first.ticketNo });
    expect(h.newIn(ROOM)).toEqual([`@李先生 已将您的更正补充到工单 #${first.ticketNo}：不对，是楼道最里面那盏`]);
    expect((await h.tickets.get(first.ticketNo)).place).toEqual({ building: '21', text: '21号楼' });
    // a longer correction with a phone and an ID number in it: kept with the ticket, the numbers masked in what is said
    const more = '不对，是21号楼3单元，有事打我电话13812345678，身份证350304198001011234';
    const before = h.chat.sent.length;
    expect(await h.say(ROOM, LI, more)).toMatchObject({ kind: 'supplemented', ticketNo: first.ticketNo });
    expect(h.newIn(ROOM)).toEqual([`@李先生 已将工单 #${first.ticketNo} 的地点更正为21号楼3单元。`]);
    const toWorker = h.chat.sent.slice(before).filter((m) => 'user' in m.to).map((m) => m.rendered).join('\n');
    expect(toWorker).toContain('138****5678');
    expect(toWorker).not.toMatch(/13812345678|198001011234/);
  });

  it("a reply quoting the receipt of one's own ticket adds the detail to it; it opened a new ticket", async () => {
    const first = (await h.say(ROOM, ZHANG, '20号楼电梯又坏了，停在8楼不动')) as { kind: string; ticketNo: number };
    expect(first.kind).toBe('ticket');
    const receipt = h.newIn(ROOM)[0]!;
    expect(receipt).toContain(`工单 #${first.ticketNo} 已登记`);
    const detail = '补充一下，是2单元那部电梯，按钮都不亮';
    // later than the follow-up window: the quote says which ticket
    for (let i = 0; i < 10; i++) await h.say('room-g2', LI, '大家早上好');
    expect(await h.say(ROOM, ZHANG, detail, { quoted: { text: receipt, fromBot: true } })).toEqual({ kind: 'supplemented', ticketNo: first.ticketNo, ticketId: expect.any(Number) });
    expect(h.newIn(ROOM)).toEqual([`@张阿姨 已补充到工单 #${first.ticketNo}，网格员会一并查看。`]);
    // quoting the claim of it, whatever triage makes of the words (another kind of problem, a question): about it
    await h.say(ROOM, LIN, `认领 #${first.ticketNo}`);
    const claim = h.newIn(ROOM).at(-1)!;
    expect(claim).toContain(`工单 #${first.ticketNo} 已由林网格员受理`);
    expect(await h.say(ROOM, ZHANG, '水已经漫到2单元门口了', { quoted: { text: claim, fromBot: true } })).toMatchObject({ kind: 'supplemented', ticketNo: first.ticketNo });
    h.newIn(ROOM);
    expect(await h.say(ROOM, ZHANG, '大概什么时候能来修？', { quoted: { text: claim, fromBot: true } })).toMatchObject({ kind: 'supplemented', ticketNo: first.ticketNo });
    expect(h.newIn(ROOM)).toEqual([expect.stringMatching(new RegExp(`^@张阿姨 工单 #${first.ticketNo}（设施维修）：处理中，林网格员负责，时限 .+。已转告网格员。$`))]);
    expect(await h.store.tickets.list({ statuses: ['REPORTED'], since: new Date(0) })).not.toContainEqual(expect.objectContaining({ summary: expect.stringContaining('什么时候') }));
    // a thanks quoting it is conversation
    expect(await h.say(ROOM, ZHANG, '好的，谢谢', { quoted: { text: receipt, fromBot: true } })).toEqual({ kind: 'chatter' });
    expect(h.newIn(ROOM)).toEqual([]);
    // a neighbour quoting it is no reporter: their words are read as any line
    expect((await h.say(ROOM, LI, '补充一下，是2单元那部电梯，按钮都不亮了', { quoted: { text: receipt, fromBot: true } })).kind).not.toBe('supplemented');
  });

  it('a worker\'s 進度 (traditional) and a voice-typed 办节 #N are the commands; both were silent chatter', async () => {
    const t = (await h.say(ROOM, ZHANG, '20号楼楼顶水箱漏水，楼梯间全是水')) as { kind: string; ticketNo: number };
    expect(t.kind).toBe('ticket');
    h.newIn(ROOM);
    expect(await h.say(ROOM, LIN, `進度 #${t.ticketNo} 电工下午到`)).toEqual({ kind: 'command', command: 'progress', ticketNo: t.ticketNo });
    expect(h.newIn(ROOM)).toContain(`工单 #${t.ticketNo} 进展：电工下午到`);
    expect(await h.say(ROOM, LIN, `办节 ＃${t.ticketNo} 水箱阀门已更换`)).toEqual({ kind: 'command', command: 'resolve', ticketNo: t.ticketNo });
    expect((await h.tickets.get(t.ticketNo)).status).toBe('RESOLVED');
    // "查一下#N" asks after it as 查询 does
    h.newIn(ROOM);
    expect(await h.say(ROOM, ZHANG, `查一下#${t.ticketNo}`)).toEqual({ kind: 'command', command: 'query', ticketNo: t.ticketNo });
    expect(await h.say(ROOM, ZHANG, '查一下快递到了没')).not.toMatchObject({ kind: 'command' });
    // the same sounds in a sentence stay words
    expect((await h.say(ROOM, LI, '办节日活动的通知看到了吗')).kind).not.toBe('command');
  });

  it('three neighbours on one broken lamp (东侧 / 东边, then 同问 with a story) are one ticket; so is 停水 asked again', async () => {
    const WANG = { id: 'wx-wang', name: '王大爷' };
    const first = (await h.say(ROOM, ZHANG, '21号楼东侧的路灯坏了好几天了，晚上黑乎乎的，老人走路不安全')) as { kind: string; ticketNo: number };
    expect(first.kind).toBe('ticket');
    expect(await h.say(ROOM, LI, '21号楼东边那个路灯晚上不亮，好几天了')).toMatchObject({ kind: 'joined', ticketNo: first.ticketNo });
    expect(await h.say(ROOM, WANG, '同问，21号楼路灯是不是坏了？昨晚差点摔一跤')).toMatchObject({ kind: 'joined', ticketNo: first.ticketNo });
    expect((await h.tickets.get(first.ticketNo)).reporterCount).toBe(3);
    const water = (await h.say(ROOM, LI, '21号楼今天一直停水，到现在还没来水')) as { kind: string; ticketNo: number };
    expect(water.kind).toBe('ticket');
    expect(await h.say(ROOM, WANG, '21号楼也停水了吗？我家也没水')).toMatchObject({ kind: 'joined', ticketNo: water.ticketNo });
  });

  it('办结 typed in another group: that group hears where it was told, not the resident\'s rating request', async () => {
    const t = (await h.say(ROOM, ZHANG, '20号楼2单元楼道窗户玻璃碎了，风很大')) as { kind: string; ticketNo: number };
    expect(t.kind).toBe('ticket');
    h.newIn(ROOM);
    h.newIn('room-g2');
    await h.say('room-g2', LIN, `办结 #${t.ticketNo} 玻璃已更换`);
    const there = h.newIn('room-g2');
    expect(there).toHaveLength(2);
    expect(there[0]).toMatch(new RegExp(`^@林网格员 已在「东园20号楼睦邻群」告知：工单 #${t.ticketNo} 已由林网格员受理，将于 .+ 前办结。$`));
    expect(there[1]).toBe(`@林网格员 已在「东园20号楼睦邻群」告知：工单 #${t.ticketNo} 已办结：玻璃已更换。`);
    // the resident's group has the full text, asking them to rate
    expect(h.newIn(ROOM).at(-1)).toBe(`@张阿姨 工单 #${t.ticketNo} 已办结：玻璃已更换。请回复本消息“满意”“基本满意”或“不满意”，您的评价是我们改进的依据。`);
  });

  it('the reporter\'s 不满意 / 满意 typed without quoting rates their one ticket awaiting a rating (it was silent)', async () => {
    const ZHAO = { id: 'wx-zhao', name: '赵女士' };
    const t = (await h.say(ROOM, ZHAO, '20号楼1单元门禁坏了，刷卡没反应')) as { kind: string; ticketNo: number };
    expect(t.kind).toBe('ticket');
    await h.say(ROOM, LIN, `办结 #${t.ticketNo} 门禁已修好`);
    h.newIn(ROOM);
    // a neighbour's words are not a rating
    expect(await h.say(ROOM, LI, '不满意')).toEqual({ kind: 'chatter' });
    expect(await h.say(ROOM, ZHAO, '不满意，刷卡还是时好时坏')).toEqual({ kind: 'command', command: 'rate', ticketNo: t.ticketNo });
    expect(h.newIn(ROOM)).toEqual([`@赵女士 抱歉没有让您满意，工单 #${t.ticketNo} 已重新打开，网格员会尽快再次处理。`]);
    await h.say(ROOM, LIN, `办结 #${t.ticketNo} 已更换读卡器`);
    h.newIn(ROOM);
    expect(await h.say(ROOM, ZHAO, '满意，谢谢')).toEqual({ kind: 'command', command: 'rate', ticketNo: t.ticketNo });
    expect(h.newIn(ROOM)).toEqual([`@赵女士 感谢您的评价（满意），工单 #${t.ticketNo} 已关闭。`]);
    // nothing awaits a rating now: a later 满意 is conversation
    expect(await h.say(ROOM, ZHAO, '满意')).toEqual({ kind: 'chatter' });
  });

  it('with several of their tickets awaiting a rating, an unquoted 满意 asks which', async () => {
    const a = (await h.say(ROOM, ZHANG, '20号楼6楼消防栓玻璃碎了')) as { ticketNo: number };
    await h.say(ROOM, LIN, `办结 #${a.ticketNo} 已更换`);
    const waiting = (await h.store.tickets.list({ reporterId: (await h.store.people.ensureByIdentity('WECHAT', ZHANG.id, ZHANG.name)).id, statuses: ['RESOLVED'] })).map((t) => t.number).sort((x, y) => x - y);
    expect(waiting.length).toBeGreaterThan(1);
    h.newIn(ROOM);
    expect(await h.say(ROOM, ZHANG, '满意')).toMatchObject({ kind: 'refused' });
    expect(h.newIn(ROOM)).toEqual([`@张阿姨 您有${waiting.length}个工单待评价（${waiting.map((n) => `#${n}`).join('、')}），请引用对应的办结消息回复，或发送“评价 #${waiting.at(-1)} 满意”。`]);
  });

  it('a resident telling their open problem again later is answered with their ticket (it was silently kept)', async () => {
    const t = (await h.say(ROOM, LI, '20号楼地下车库入口积水很深，车开不进去')) as { kind: string; ticketNo: number };
    expect(t.kind).toBe('ticket');
    for (let i = 0; i < 10; i++) await h.say('room-g2', ZHANG, '大家早上好');
    h.newIn(ROOM);
    const dm = h.chat.sent.length;
    expect(await h.say(ROOM, LI, '20号楼车库入口积水还是很深，车还是开不进去')).toMatchObject({ kind: 'supplemented', ticketNo: t.ticketNo });
    expect(h.newIn(ROOM)).toEqual([`@李先生 您反映的问题已登记为工单 #${t.ticketNo}，已补充记录，网格员会一并查看。`]);
    expect(h.chat.sent.slice(dm).filter((m) => 'user' in m.to).map((m) => m.rendered)).toEqual([`工单 #${t.ticketNo} 反映人补充：20号楼车库入口积水还是很深，车还是开不进去`]);
  });

  it('the reporter quoting the 办结 message with "还是没水" reopens the ticket, as 不满意 would (it opened a new ticket)', async () => {
    const t = (await h.say(ROOM, LI, '20号楼6楼今天一直没水，到现在还没来水')) as { kind: string; ticketNo: number };
    expect(t.kind).toBe('ticket');
    await h.say(ROOM, LIN, `办结 #${t.ticketNo} 已恢复供水`);
    const closing = h.newIn(ROOM).at(-1)!;
    expect(closing).toContain('已办结');
    // a thanks quoting it is no complaint
    expect(await h.say(ROOM, LI, '还是很感谢你们', { quoted: { text: closing, fromBot: true } })).not.toMatchObject({ command: 'rate' });
    expect((await h.tickets.get(t.ticketNo)).status).toBe('RESOLVED');
    h.newIn(ROOM);
    const out = await h.say(ROOM, LI, '还是没水啊，水龙头一滴都没有', { quoted: { text: closing, fromBot: true } });
    expect(out).toEqual({ kind: 'command', command: 'rate', ticketNo: t.ticketNo });
    expect(h.newIn(ROOM)).toEqual([`@李先生 抱歉没有让您满意，工单 #${t.ticketNo} 已重新打开，网格员会尽快再次处理。`]);
    expect((await h.tickets.get(t.ticketNo)).status).toBe('REOPENED');
    expect(h.chat.toUser(LIN.id).at(-1)?.text).toContain(`工单 #${t.ticketNo} 居民评价不满意，已重新打开：还是没水啊，水龙头一滴都没有。`);
  });
});
