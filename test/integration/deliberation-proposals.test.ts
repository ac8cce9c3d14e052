// The same proposal sent again (or nearly again) is not opened twice: the resident is pointed at the one there is,
// to second it. Another building's, or another matter's, proposal is its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, LIN, ZHANG, LI, type Harness } from '../support/harness.ts';
import { scriptedTriage } from '../support/scripted-triage.ts';
import { DELIBERATION_GRID, G1_GROUPS, OUTSIDE_GROUP } from '../support/deliberation-fixture.ts';

const [B20, G1A] = G1_GROUPS;
const WANG = { id: 'wx-wang', name: '王大爷' };
const ZHAO = { id: 'wx-zhao', name: '赵女士' };

describe('议事: identical proposals', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(scriptedTriage([]), { now: new Date('2026-12-07T01:00:00Z') });
    await h.store.grid.importSpec(DELIBERATION_GRID);
  });
  afterAll(() => h.dispose());

  it('an unquoted 附议 where no proposal is collecting seconds says so (not "格式不对")', async () => {
    expect(await h.say(G1A, LI, '附议')).toEqual({ kind: 'refused', code: 'NO_PROPOSAL' });
    expect(h.newIn(G1A).at(-1)).toBe('@李先生 目前没有正在征集附议的提议，如需附议请发送“附议 #议题号”。');
  });

  it('a second, and a near copy, point at the first proposal; a different one is opened', async () => {
    const first = await h.say(B20, ZHANG, '提议 21号楼单元门安装门禁系统');
    const no = (first as { topicNo: number }).topicNo;
    h.newIn(B20);
    expect(await h.say(B20, LI, '提议 21号楼单元门安装门禁系统')).toEqual({ kind: 'refused', code: 'TOPIC_EXISTS' });
    expect(h.newIn(B20).at(-1)).toBe(`@李先生 已有相同提议：议题#${no}，回复“附议 #${no}”即可支持。`);
    expect(await h.say(B20, WANG, '提议 21号楼单元门加装门禁系统')).toEqual({ kind: 'refused', code: 'TOPIC_EXISTS' });
    expect(h.newIn(B20).at(-1)).toContain(`已有相同提议：议题#${no}`);
    // from the grid's group too: the proposal in the building's group is on a node below, so not the same scope
    expect(await h.say(G1A, WANG, '提议 21号楼单元门安装门禁系统')).toMatchObject({ kind: 'topic', action: 'propose' });
    // another matter in the same building, and the same words in another grid, are proposals of their own
    expect(await h.say(B20, LI, '提议 21号楼单元门安装监控')).toMatchObject({ kind: 'topic', action: 'propose' });
    expect(await h.say(OUTSIDE_GROUP, LI, '提议 21号楼单元门安装门禁系统')).toMatchObject({ kind: 'topic', action: 'propose' });
    const proposals = await h.store.deliberation.list({ statuses: ['PROPOSED'] });
    expect(proposals.filter((t) => t.title.includes('门禁'))).toHaveLength(3);
    // the line names the proposal: 附议 #N seconds it
    expect(await h.say(B20, LI, `附议 #${no}`)).toMatchObject({ kind: 'topic', topicNo: no, action: 'second' });
  });

  it("staff told they do not second can quote that line with 受理提议: it names the proposal", async () => {
    const no = ((await h.say(B20, ZHANG, '提议 20号楼楼顶加装防水层')) as { topicNo: number }).topicNo;
    const post = h.chat.inGroup(B20).filter((m) => m.text.includes(`【议题#${no}·提议】`)).at(-1)!.externalId;
    await h.say(B20, LIN, '附议', { quotedExternalId: post });
    const line = h.chat.inGroup(B20).at(-1)!;
    expect(line.text).toContain('工作人员不参与附议');
    expect(await h.say(B20, LIN, '受理提议', { quotedExternalId: line.externalId })).toMatchObject({ kind: 'topic', topicNo: no, action: 'accept' });
    expect((await h.store.deliberation.findById(no))!.status).toBe('OPEN');
  });

  it('an unquoted 附议 seconds the one proposal over the group; with several it asks which, naming them', async () => {
    // in the grid's group only 王大爷's grid-wide proposal is collecting seconds
    const [grid] = await h.store.deliberation.list({ statuses: ['PROPOSED'], gridNodeIds: [(await h.store.grid.findByCode('G1'))!.id] });
    h.newIn(G1A);
    expect(await h.say(G1A, ZHANG, '附议')).toEqual({ kind: 'topic', topicNo: grid!.id, action: 'second' });
    expect(h.newIn(G1A).at(-1)).toBe(`@张阿姨 已附议议题#${grid!.id}（1/5）。`);
    // a second proposal there: which one is meant cannot be told, so it asks, naming both; nothing is seconded
    const other = ((await h.say(G1A, LI, '提议 小区增设快递柜')) as { topicNo: number }).topicNo;
    h.newIn(G1A);
    const seconds = async () => (await h.store.deliberation.seconds(grid!.id)).length + (await h.store.deliberation.seconds(other)).length;
    expect(await h.say(G1A, ZHAO, '附议！')).toEqual({ kind: 'refused', code: 'AMBIGUOUS_TOPIC' });
    const ask = h.chat.inGroup(G1A).at(-1)!;
    expect(ask.rendered).toBe(`@赵女士 目前有议题#${grid!.id}、议题#${other}在征集附议，请引用要附议的提议消息回复“附议”，或发送“附议 #${grid!.id}”。`);
    // quoting that line still does not say which: asked again
    expect(await h.say(G1A, ZHAO, '附议', { quotedExternalId: ask.externalId })).toEqual({ kind: 'refused', code: 'AMBIGUOUS_TOPIC' });
    expect(await seconds()).toBe(1);
    expect(await h.say(G1A, ZHAO, `附议 #${other}`)).toEqual({ kind: 'topic', topicNo: other, action: 'second' });
    // staff writing 受理提议 without a number are asked the same way
    expect(await h.say(G1A, LIN, '受理提议')).toEqual({ kind: 'refused', code: 'AMBIGUOUS_TOPIC' });
    expect(h.newIn(G1A).at(-1)).toBe(`@林网格员 目前有议题#${grid!.id}、议题#${other}在征集附议，请引用要受理的提议消息回复“受理提议”，或发送“受理提议 #${grid!.id}”。`);
  });

  it('受理提议 on a topic already voting says so plainly, and what can be done', async () => {
    const [open] = await h.store.deliberation.list({ statuses: ['OPEN'] });
    const no = open!.id;
    expect(await h.say(B20, LIN, `受理提议 #${no}`)).toEqual({ kind: 'refused', code: 'ILLEGAL_TRANSITION' });
    expect(h.newIn(B20).at(-1)).toBe(`@林网格员 议题#${no}已在表决中，无需受理；截止后可发送“拟办 #${no} 意见”。`);
    // a resident seconding it is still told to vote
    expect(await h.say(B20, ZHANG, `附议 #${no}`)).toEqual({ kind: 'refused', code: 'ILLEGAL_TRANSITION' });
    expect(h.newIn(B20).at(-1)).toContain(`议题#${no}已开始投票`);
    // closed, then decided: each says where it stands and the step that fits
    await h.deliberation.close(no);
    h.newIn(B20);
    await h.say(B20, LIN, `受理提议 #${no}`);
    expect(h.newIn(B20).at(-1)).toBe(`@林网格员 议题#${no}已截止计票，无需受理；可发送“拟办 #${no} 意见”。`);
    await h.say(B20, LIN, `拟办 #${no} 本月内施工`);
    h.newIn(B20);
    await h.say(B20, LIN, `受理提议 #${no}`);
    expect(h.newIn(B20).at(-1)).toBe(`@林网格员 议题#${no}已拟办，无需受理；可发送“实事 #${no} 任务 / 责任人 / 截止日期”安排办理。`);
  });

  it('staff opening a topic that is already voting are told it exists (议题#N，投票中), not how to vote; a resident is told how', async () => {
    const opened = await h.say(B20, LIN, '议题 20号楼门口加装雨棚');
    expect(opened).toMatchObject({ kind: 'topic', action: 'open' });
    const no = (opened as { topicNo: number }).topicNo;
    h.newIn(B20);
    expect(await h.say(B20, LIN, '议题 20号楼门口加装雨棚')).toEqual({ kind: 'refused', code: 'TOPIC_EXISTS' });
    expect(h.newIn(B20).at(-1)).toBe(`@林网格员 已有相同议题：议题#${no}（投票中），无需重复发起。`);
    // a resident proposing it is pointed at the vote
    expect(await h.say(B20, WANG, '提议 20号楼门口加装雨棚')).toEqual({ kind: 'refused', code: 'TOPIC_EXISTS' });
    expect(h.newIn(B20).at(-1)).toContain(`发送“议题#${no} 同意”`);
  });
});
