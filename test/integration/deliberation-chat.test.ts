// 议事 through the assistant, as residents and staff write it in three groups of one grid: a topic opened, votes by
// reply (a changed vote, an outsider's, staff's, option 7 of 3, after close), the tally posted at close, the decision
// announced, two 实事 items done one by one and the 公示; a proposal seconded into a topic; bad input refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, LIN, ZHANG, LI, type Harness } from '../support/harness.ts';
import { scriptedTriage } from '../support/scripted-triage.ts';
import { DELIBERATION_GRID, G1_GROUPS, OUTSIDE_GROUP } from '../support/deliberation-fixture.ts';

const [B20, G1A, G1B] = G1_GROUPS;
const WANG = { id: 'wx-wang', name: '王大爷' };
const ZHAO = { id: 'wx-zhao', name: '赵女士' };
const OUT = { id: 'wx-out', name: '外群居民' };

describe('议事 in the groups', () => {
  let h: Harness;
  let topicNo = 0;
  /** The bot's last post about topic `no` in a group: what residents reply to. */
  const postIn = (group: string, no: number, marker = `【议题#${no}】`) => {
    const m = h.chat.inGroup(group).filter((x) => x.text.includes(marker)).at(-1);
    if (!m) throw new Error(`no post ${marker} in ${group}`);
    return m.externalId;
  };
  const vote = (group: string, who: { id: string; name: string }, text: string) => h.say(group, who, text, { quotedExternalId: postIn(group, topicNo) });

  beforeAll(async () => {
    h = await harness(scriptedTriage([]), { now: new Date('2026-12-07T01:00:00Z') });
    await h.store.grid.importSpec(DELIBERATION_GRID);
    // the platform reported who is in the groups: eight residents across the three (王大爷 in two), and the worker
    const at = new Date('2026-12-01T00:00:00Z');
    const members: [string, string[]][] = [[B20!, ['wx-zhang', 'wx-r1', 'wx-lin']], [G1A!, ['wx-li', 'wx-r2', 'wx-wang']], [G1B!, ['wx-wang', 'wx-zhao', 'wx-r3', 'wx-r4']]];
    for (const [room, ids] of members) {
      const g = (await h.store.groups.findByExternal('WECHAT', room))!;
      for (const id of ids) await h.store.groups.memberJoined(g.id, id, id, at);
    }
  });
  afterAll(() => h.dispose());

  it('staff open a topic over the grid from a building group: posted in its three groups, stating the rule', async () => {
    const out = await h.say(B20, LIN, '议题 网格 是否在3号楼旁建电动车充电棚');
    expect(out).toMatchObject({ kind: 'topic', action: 'open' });
    topicNo = (out as { topicNo: number }).topicNo;
    for (const g of G1_GROUPS) {
      const post = h.newIn(g).find((t) => t.includes(`【议题#${topicNo}】`));
      expect(post).toContain('选项：1.同意 2.反对 3.弃权');
      expect(post).toContain('一人一票，过半数通过');
      expect(post).toContain('回复本消息');
    }
    expect(h.newIn(OUTSIDE_GROUP)).toEqual([]);
    expect(h.chat.inGroup(B20).at(-1)!.rendered).toContain(`议题#${topicNo}已发布到3个群`);
  });

  it('a resident cannot open a topic', async () => {
    expect(await h.say(G1A, ZHANG, '议题 拆掉东门围墙')).toEqual({ kind: 'refused', code: 'NOT_AUTHORIZED' });
    expect(h.newIn(G1A).at(-1)).toContain('此操作需由负责该范围的工作人员办理');
  });

  it('takes votes by reply: counted ones silently, the rest with one short line', async () => {
    expect(await vote(B20, ZHANG, '1')).toEqual({ kind: 'topic', topicNo, action: 'vote' });
    await vote(G1A, LI, '同意');
    await vote(G1B, WANG, '反对');
    await vote(G1B, ZHAO, '同意');
    await vote(B20, ZHANG, '2'); // changed her mind
    expect(h.newIn(B20)).toEqual([]);
    expect(h.newIn(G1B)).toEqual([]);
    // a resident of another grid replies to a forwarded post in their own group
    await h.say(OUTSIDE_GROUP, OUT, '1', { quoted: { text: h.chat.inGroup(G1A).find((m) => m.text.includes(`【议题#${topicNo}】`))!.text, fromBot: true } });
    expect(h.newIn(OUTSIDE_GROUP).at(-1)).toContain(`不在议题#${topicNo}范围内的群，投票不计入`);
    await vote(G1A, LIN, '1');
    expect(h.newIn(G1A).at(-1)).toContain(`工作人员不参与议题#${topicNo}投票`);
    await vote(G1A, LI, '7');
    expect(h.newIn(G1A).at(-1)).toContain(`议题#${topicNo}没有第7项，请回复 1-3`);
    expect(await vote(G1B, WANG, '车棚建在东门更方便，收费标准是多少？')).toEqual({ kind: 'topic', topicNo, action: 'comment' });
    // nothing a resident writes changes the rule: a reply that tries is only a comment
    await vote(G1B, WANG, '议题规则改成一户一票');
    const live = await h.deliberation.liveTally(topicNo);
    expect(live.counts).toEqual([2, 2, 0]);
    expect(live.ignored).toMatchObject({ outside: 1, staff: 1 });
    expect(await h.deliberation.recountFromMessages(topicNo)).toEqual(live);
    expect(await h.store.deliberation.commentCount(topicNo)).toBe(2);
    expect((await h.store.deliberation.findById(topicNo))!.counting).toBe('PERSON');
    // a step the topic is not ready for says why (it said only 当前不能进行此操作)
    expect(await h.say(G1A, LIN, `拟办 #${topicNo} 建车棚`)).toMatchObject({ kind: 'refused', code: 'ILLEGAL_TRANSITION' });
    expect(h.newIn(G1A).at(-1)).toContain(`议题#${topicNo}正在投票，截止后再拟办。`);
    expect(await h.say(G1A, LIN, `实事 #${topicNo} 清理楼道 / 林网格员 / 12月20日`)).toMatchObject({ kind: 'refused', code: 'ILLEGAL_TRANSITION' });
    expect(h.newIn(G1A).at(-1)).toContain(`议题#${topicNo}正在投票，截止后再拟办。`);
  });

  it('posts the tally at close; a later vote gets one line and changes nothing; the decision is announced', async () => {
    await h.deliberation.close(topicNo);
    for (const g of G1_GROUPS) expect(h.newIn(g).join('\n')).toContain(`【议题#${topicNo}·计票结果】`);
    const tallyText = h.chat.inGroup(G1A).at(-1)!.text;
    expect(tallyText).toContain('同意2，反对2，弃权0；共4人投票，参与率50%。'); // 4 of the 8 residents among the members
    expect(tallyText).toContain('无选项过半数，未通过');
    await vote(G1A, LI, '反对');
    expect(h.newIn(G1A).at(-1)).toContain(`议题#${topicNo}已截止`);
    expect((await h.deliberation.liveTally(topicNo)).counts).toEqual([2, 2, 0]);
    expect(await h.say(G1A, ZHANG, `拟办 #${topicNo} 建`)).toEqual({ kind: 'refused', code: 'NOT_AUTHORIZED' });
    expect(await h.say(G1A, LIN, `拟办 #${topicNo} 暂缓建设，下月召开楼栋议事会再议选址。`)).toMatchObject({ kind: 'topic', action: 'decide' });
    for (const g of G1_GROUPS) expect(h.newIn(g).join('\n')).toContain(`【议题#${topicNo}·拟办意见公告】`);
    // the vote did not pass (2 to 2): the announcement says so before the 拟办意见
    expect(h.chat.inGroup(G1A).at(-1)!.text).toContain('表决未通过，以下为社区的拟办意见：\n暂缓建设');
  });

  it('keeps a 实事清单: two items, progress posted as each is done, the 公示 when both are', async () => {
    await h.say(G1A, LIN, `实事 #${topicNo} 召开楼栋议事会 / 林网格员 / 12月20日`);
    expect(h.newIn(G1A).at(-1)).toMatch(/已将“召开楼栋议事会”列入议题#\d+的实事清单（实事#(\d+)），责任人：林网格员，12月20日18:00前完成/);
    await h.say(G1A, LIN, `实事 #${topicNo} 勘察选址 / 物业公司 / 12-25`);
    // a due date already past is refused (it was accepted, then escalated at once); 12月1日 written on 12月7日 too
    for (const due of ['2026-12-04', '12月1日']) {
      expect(await h.say(G1A, LIN, `实事 #${topicNo} 清理楼道 / 林网格员 / ${due}`), due).toMatchObject({ kind: 'refused', code: 'MALFORMED_COMMAND' });
      expect(h.newIn(G1A).at(-1)).toContain('截止日期已过，请填写今天以后的日期');
    }
    const tasks = await h.store.deliberation.tasks(topicNo);
    expect(tasks.map((t) => [t.ownerPersonId !== null, t.ownerDepartment])).toEqual([[true, null], [false, '物业公司']]);
    await h.say(G1A, LIN, `完成 实事#${tasks[0]!.id}`);
    for (const g of G1_GROUPS) expect(h.newIn(g).join('\n')).toContain('“召开楼栋议事会”已完成（1/2）');
    await h.say(G1A, LIN, `完成 实事#${tasks[0]!.id}`); // again: nothing more
    expect(h.newIn(G1B)).toEqual([]);
    await h.say(G1A, LIN, `完成 实事#${tasks[1]!.id}`);
    for (const g of G1_GROUPS) expect(h.newIn(g).join('\n')).toContain(`【议题#${topicNo}·办理结果公示】`);
    expect((await h.store.deliberation.findById(topicNo))!.status).toBe('DONE');
    expect(await h.say(G1A, LIN, '完成 实事#999')).toEqual({ kind: 'refused', code: 'TOPIC_NOT_FOUND' });
    expect(h.newIn(G1A).at(-1)).toContain('未找到实事#999');
  });

  it('a resident proposal becomes a topic when seconded by five residents', async () => {
    const out = await h.say(G1B, ZHAO, '提议 小区增设快递柜');
    const no = (out as { topicNo: number }).topicNo;
    expect(h.newIn(G1B).at(-1)).toContain(`【议题#${no}·提议】小区增设快递柜`);
    const proposal = h.chat.inGroup(G1B).at(-1)!.externalId;
    // the proposer cannot second their own proposal, and is told so (not "您已附议过")
    await h.say(G1B, ZHAO, '附议', { quotedExternalId: proposal });
    expect(h.newIn(G1B).at(-1)).toContain(`您是议题#${no}的提议人，无需附议`);
    // nor does a grid worker who lives elsewhere second it: staff do not vote on it either
    await h.say(G1B, LIN, '附议', { quotedExternalId: proposal });
    expect(h.newIn(G1B).at(-1)).toContain('工作人员不参与附议');
    expect(await h.store.deliberation.seconds((await h.store.deliberation.findById(no))!.id)).toHaveLength(0);
    const people = [ZHANG, LI, WANG, { id: 'wx-s4', name: '居民4' }];
    for (const p of people) await h.say(G1B, p, '附议', { quotedExternalId: proposal });
    expect(h.newIn(G1B).at(-1)).toContain(`已附议议题#${no}（4/5）`);
    await h.say(G1B, LI, '附议', { quotedExternalId: proposal });
    expect(h.newIn(G1B).at(-1)).toContain(`您已附议过议题#${no}`);
    expect(await h.say(G1B, { id: 'wx-s5', name: '居民5' }, `附议 #${no}`)).toMatchObject({ kind: 'topic', action: 'second' });
    expect((await h.store.deliberation.findById(no))!.status).toBe('OPEN');
    for (const g of G1_GROUPS) expect(h.newIn(g).join('\n')).toContain(`【议题#${no}】小区增设快递柜`);
  });

  it('一户一票 in a building: a voter registered elsewhere hears the topic is for that building; one registered nowhere, to register', async () => {
    const out = await h.say(B20, LIN, '议题 楼栋 一户一票 20号楼楼道装声控灯');
    const no = (out as { topicNo: number }).topicNo;
    expect(h.newIn(B20).join('\n')).toContain('一户一票');
    const post = postIn(B20, no);
    const u1 = (await h.store.grid.findByCode('U1'))!.id;
    const g2 = (await h.store.grid.findByCode('G2'))!.id;
    const home = async (who: { id: string; name: string }, node: number, room: string) =>
      h.store.deliberation.setResidence((await h.store.people.ensureByIdentity('WECHAT', who.id, who.name)).id, node, room);
    const SUN = { id: 'wx-sun', name: '孙先生' }; // lives in 20号楼
    const QIAN = { id: 'wx-qian', name: '钱女士' }; // lives in the second grid, not in 20号楼
    const ZHOU = { id: 'wx-zhou', name: '周阿姨' }; // registered nowhere
    const SUN_WIFE = { id: 'wx-sun-wife', name: '孙太太' }; // the same flat
    await home(SUN, u1, '20-301');
    await home(SUN_WIFE, u1, '20-301');
    await home(QIAN, g2, '5-502');
    await h.say(B20, SUN, '1', { quotedExternalId: post });
    expect(h.newIn(B20)).toEqual([]);
    // his wife in the same flat votes too: the household's one vote is now hers, and she is told (not silently replaced)
    await h.say(B20, SUN_WIFE, '2', { quotedExternalId: post });
    expect(h.newIn(B20).at(-1)).toBe(`@孙太太 议题#${no}一户一票，您家已有家人投过票，本户以您这次的选择为准。`);
    await h.say(B20, SUN, '1', { quotedExternalId: post });
    expect(h.newIn(B20).at(-1)).toBe(`@孙先生 议题#${no}一户一票，您家已有家人投过票，本户以您这次的选择为准。`);
    await h.say(B20, QIAN, '1', { quotedExternalId: post });
    expect(h.newIn(B20).at(-1)).toBe(`@钱女士 议题#${no}仅限20号楼范围内的住户表决，您登记的住处不在此范围，投票不计入。`);
    await h.say(B20, ZHOU, '1', { quotedExternalId: post });
    expect(h.newIn(B20).at(-1)).toContain('您的户号尚未登记，投票暂不计入，请联系网格员登记');
    expect((await h.deliberation.liveTally(no)).counts).toEqual([1, 0, 0]);
  });

  it('一人一票 in a building: a member registered in another grid hears the topic is for that building; unregistered members still count', async () => {
    const FENG = { id: 'wx-feng', name: '冯先生' }; // lives in the second grid, is in 20号楼's group
    const LU = { id: 'wx-lu', name: '陆阿姨' }; // lives in 20号楼
    const b20 = (await h.store.groups.findByExternal('WECHAT', B20!))!;
    for (const p of [FENG, LU]) await h.store.groups.memberJoined(b20.id, p.id, p.name, new Date('2026-12-01T00:00:00Z'));
    const out = await h.say(B20, LIN, '议题 楼栋 20号楼单元门更换密码锁');
    const no = (out as { topicNo: number }).topicNo;
    expect(h.newIn(B20).join('\n')).toContain('一人一票');
    const post = postIn(B20, no);
    const person = async (who: { id: string; name: string }) => (await h.store.people.ensureByIdentity('WECHAT', who.id, who.name)).id;
    await h.store.deliberation.setResidence(await person(FENG), (await h.store.grid.findByCode('G2'))!.id, '5-101');
    await h.store.deliberation.setResidence(await person(LU), (await h.store.grid.findByCode('U1'))!.id, '20-502');
    await h.say(B20, FENG, '1', { quotedExternalId: post });
    expect(h.newIn(B20).at(-1)).toBe(`@冯先生 议题#${no}仅限20号楼范围内的住户表决，您登记的住处不在此范围，投票不计入。`);
    // 张阿姨 is registered nowhere (as most residents are): counted, silently; 陆阿姨 lives in the building
    await h.say(B20, ZHANG, '1', { quotedExternalId: post });
    await h.say(B20, LU, '2', { quotedExternalId: post });
    expect(h.newIn(B20)).toEqual([]);
    const live = await h.deliberation.liveTally(no);
    expect(live.counts).toEqual([1, 1, 0]);
    expect(live.ignored).toMatchObject({ elsewhere: 1 });
    // the electorate: 张阿姨, wx-r1 and 陆阿姨 (冯先生 lives elsewhere, 林 is staff)
    expect(live.electorate).toBe(3);
    expect(await h.deliberation.recountFromMessages(no)).toEqual(live);
    await h.deliberation.close(no);
    expect(h.chat.inGroup(B20).at(-1)!.text).toContain('同意1，反对1，弃权0；共2人投票，参与率66.7%。');
  });

  it('refuses bad input with one short line', async () => {
    expect(await h.say(G1A, LIN, '拟办 #9999 同意')).toEqual({ kind: 'refused', code: 'TOPIC_NOT_FOUND' });
    expect(h.newIn(G1A).at(-1)).toContain('未找到议题#9999');
    expect(await h.say(G1A, LIN, '议题 标题 / 只有一个选项')).toEqual({ kind: 'refused', code: 'MALFORMED_COMMAND' });
    expect(h.newIn(G1A).at(-1)).toContain("请至少写两个选项（最多九个），用“/”隔开；不写选项则默认 同意/反对/弃权。"); // what is wrong, not only 格式不对
    // options a reply cannot tell apart: refused, saying why, and no topic is opened
    const before = (await h.store.deliberation.list({})).length;
    expect(await h.say(G1A, LIN, '议题 大门位置 / 东门 / 东门')).toEqual({ kind: 'refused', code: 'MALFORMED_COMMAND' });
    expect(h.newIn(G1A).at(-1)).toBe('@林网格员 选项“东门”重复了，请给每个选项不同的名称。');
    expect(await h.say(G1A, LIN, '议题 选哪个方案 / 1 / 2 / 3')).toEqual({ kind: 'refused', code: 'MALFORMED_COMMAND' });
    expect(h.newIn(G1A).at(-1)).toBe('@林网格员 选项“1”是纯数字，会与按编号投票混淆，请改用文字，例如“方案一 / 方案二”。');
    expect((await h.store.deliberation.list({})).length).toBe(before);
  });
});
