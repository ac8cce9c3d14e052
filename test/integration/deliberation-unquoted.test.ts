// Votes as older residents write them: "同意" or "1" typed without quoting the topic's post. With one topic open over
// the group it counts there; with several, one line asks to quote (or to write 议题#N 同意); ordinary chat, longer
// messages and quotes of a neighbour stay what they were. A quote of the bot's own line about a vote (a refusal that
// did not name the topic) is read as about that topic.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, LIN, ZHANG, LI, type Harness } from '../support/harness.ts';
import { scriptedTriage } from '../support/scripted-triage.ts';
import { DELIBERATION_GRID, G1_GROUPS } from '../support/deliberation-fixture.ts';

const [B20, G1A] = G1_GROUPS;
const WANG = { id: 'wx-wang', name: '王大爷' };
const ZHAO = { id: 'wx-zhao', name: '赵女士' };
const ZHOU = { id: 'wx-zhou', name: '周阿姨' };

describe('议事: votes typed without quoting', () => {
  let h: Harness;
  let building = 0;
  beforeAll(async () => {
    h = await harness(scriptedTriage([]), { now: new Date('2026-12-07T01:00:00Z') });
    await h.store.grid.importSpec(DELIBERATION_GRID);
  });
  afterAll(() => h.dispose());

  it('while no topic is open anywhere, short chat lines are not looked at as votes (one read per few seconds, not per line)', async () => {
    const list = h.store.deliberation.list.bind(h.store.deliberation);
    let reads = 0;
    h.store.deliberation.list = (q) => (reads++, list(q));
    try {
      for (const text of ['好的', '1', '同意', '谢谢', '哈哈']) expect(await h.say(G1A, ZHAO, text)).not.toMatchObject({ kind: 'topic' });
      expect(reads).toBeLessThanOrEqual(1);
    } finally {
      h.store.deliberation.list = list;
    }
  });

  it('with one topic open over the group, a bare 同意 / 1 / 反对 with a short reason counts there', async () => {
    building = ((await h.say(B20, LIN, '议题 楼栋 20号楼单元门安装门禁')) as { topicNo: number }).topicNo;
    h.newIn(B20);
    expect(await h.say(B20, ZHANG, '同意')).toEqual({ kind: 'topic', topicNo: building, action: 'vote' });
    expect(await h.say(B20, LI, '1')).toEqual({ kind: 'topic', topicNo: building, action: 'vote' });
    expect(await h.say(B20, WANG, '反对，太吵了')).toEqual({ kind: 'topic', topicNo: building, action: 'vote' });
    expect(h.newIn(B20)).toEqual([]); // counted silently, as quoted votes are
    // ordinary chat is not a vote: a longer message, a question, a quote of a neighbour
    expect(await h.say(B20, ZHAO, '我同意楼上说的，不过物业到底什么时候来修电梯啊大家知道吗')).not.toMatchObject({ kind: 'topic' });
    expect(await h.say(B20, ZHAO, '同意？')).not.toMatchObject({ kind: 'topic' });
    await h.say(B20, LI, '明天停水吗');
    expect(await h.say(B20, ZHAO, '同意', { quoted: { text: '明天停水吗', fromBot: false } })).not.toMatchObject({ kind: 'topic' });
    expect((await h.deliberation.liveTally(building)).counts).toEqual([2, 1, 0]);
    // a group the topic does not cover: nothing open there, "同意" is chat
    expect(await h.say(G1A, ZHAO, '同意')).not.toMatchObject({ kind: 'topic' });
  });

  it('with several topics open, asks to quote the post or name the topic; 议题#N 同意 counts', async () => {
    const grid = ((await h.say(G1A, LIN, '议题 网格 东园一网格增设快递柜')) as { topicNo: number }).topicNo;
    h.newIn(B20);
    expect(await h.say(B20, ZHAO, '同意')).toMatchObject({ kind: 'refused' });
    const ask = h.newIn(B20).at(-1)!;
    expect(ask).toContain(`议题#${building}、议题#${grid}正在投票`);
    expect(ask).toContain('请引用要投票的议题消息回复');
    // quoting that line with 同意 still does not say which: asked again, nothing counted
    const askLine = h.chat.inGroup(B20).at(-1)!;
    expect(await h.say(B20, ZHAO, '同意', { quotedExternalId: askLine.externalId })).toMatchObject({ kind: 'refused' });
    expect(h.newIn(B20).at(-1)).toContain('请引用要投票的议题消息回复');
    expect(await h.say(B20, ZHAO, `议题#${grid} 同意`)).toEqual({ kind: 'topic', topicNo: grid, action: 'vote' });
    expect(await h.say(B20, ZHAO, `议题 #${building} 反对`)).toEqual({ kind: 'topic', topicNo: building, action: 'vote' });
    // in a grid group only the grid's topic is open: a bare vote counts there
    expect(await h.say(G1A, WANG, '1')).toEqual({ kind: 'topic', topicNo: grid, action: 'vote' });
    expect((await h.deliberation.liveTally(grid)).counts).toEqual([2, 0, 0]);
    expect((await h.deliberation.liveTally(building)).counts).toEqual([2, 2, 0]);
    expect(await h.deliberation.recountFromMessages(grid)).toEqual(await h.deliberation.liveTally(grid));
  });

  it("a quote of the bot's line about a vote (not counted: household unregistered) is a reply to that topic", async () => {
    const no = ((await h.say(B20, LIN, '议题 楼栋 一户一票 20号楼楼道装声控灯')) as { topicNo: number }).topicNo;
    const post = h.chat.inGroup(B20).filter((m) => m.text.includes(`【议题#${no}】`)).at(-1)!.externalId;
    await h.say(B20, ZHOU, '1', { quotedExternalId: post });
    const refusal = h.chat.inGroup(B20).at(-1)!;
    expect(refusal.text).toContain('户号尚未登记');
    expect(refusal.text).toContain(`议题#${no}`);
    expect(await h.say(B20, ZHOU, '同意', { quotedExternalId: refusal.externalId })).toEqual({ kind: 'topic', topicNo: no, action: 'vote' });
    // WeChat carries the quoted text only
    expect(await h.say(B20, ZHOU, '同意', { quoted: { text: refusal.text, fromBot: true } })).toEqual({ kind: 'topic', topicNo: no, action: 'vote' });
  });
});
