// 议事 end to end in real Wechaty on the mock puppet, run by the bot host as `linli start` runs it: a topic across the
// three groups of one grid, votes by quote-reply (a changed vote, and a resident of another grid replying to a
// forwarded post: not counted), the close, the decision announced, two 实事 items done one by one and the 公示; a
// resident's proposal seconded into a topic.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GridSpec } from '../../src/core/ports/grid.repository.ts';
import { SMALL_GRID } from '../support/small-grid.ts';
import { BOT_NAME, QUOTE_LINE, wechatHarness, type WechatHarness } from '../support/wechat-harness.ts';

const ROOMS = ['d1@chatroom', 'd2@chatroom', 'd3@chatroom'];
const OTHER = 'g2@chatroom';
const GRID: GridSpec = {
  ...SMALL_GRID,
  groups: [
    ...ROOMS.map((id, i) => ({ platform: 'WECHAT' as const, externalId: id, title: `东园一网格${i + 1}群`, nodeCode: i === 0 ? 'U1' : 'G1', tags: [] })),
    { platform: 'WECHAT', externalId: OTHER, title: '东园二网格业主群', nodeCode: 'G2', tags: [] },
  ],
};
const RESIDENTS = ['zhang', 'li', 'wang', 'zhao', 'qian', 'sun', 'zhou'].map((k) => ({ id: `wx-${k}`, name: `居民${k}` }));

describe('议事 in WeChat groups', () => {
  let h: WechatHarness;
  let topicNo = 0;
  const log = (room: string) => h.roomLog.get(room) ?? [];
  /** Quote-replies to the bot's post that contains `marker` (WeChat quotes carry its text). */
  const quote = async (room: string, who: string, marker: string, text: string, fromRoom = room) => {
    const post = log(fromRoom).filter((t) => t.includes(marker)).at(-1);
    if (!post) throw new Error(`no post ${marker} in ${fromRoom}`);
    h.contacts.get(who)!.say(`「${BOT_NAME}：${post}」\n${QUOTE_LINE}\n${text}`).to(h.rooms.get(room));
    await h.settle();
  };

  beforeAll(async () => {
    h = await wechatHarness(GRID, { extraContacts: RESIDENTS });
  }, 60_000);
  afterAll(() => h?.dispose());

  it('posts a grid worker\'s topic in the three groups of the grid, not elsewhere', async () => {
    await h.say(ROOMS[0]!, 'wx-lin', '议题 网格 2天 是否在3号楼旁建电动车充电棚');
    const post = log(ROOMS[1]!).find((t) => t.includes('【议题#'))!;
    topicNo = Number(/议题#(\d+)/.exec(post)![1]);
    for (const r of ROOMS) expect(log(r).some((t) => t.startsWith(`【议题#${topicNo}】是否在3号楼旁建电动车充电棚`) && t.includes('一人一票'))).toBe(true);
    expect(log(OTHER)).toEqual([]);
  });

  it('counts votes by quote-reply, the latest of each resident; an outsider is told, not counted', async () => {
    const marker = `【议题#${topicNo}】`;
    await quote(ROOMS[0]!, 'wx-zhang', marker, '1');
    await quote(ROOMS[1]!, 'wx-li', marker, '同意');
    await quote(ROOMS[2]!, 'wx-wang', marker, '2');
    await quote(ROOMS[2]!, 'wx-zhao', marker, '同意');
    await quote(ROOMS[0]!, 'wx-wang', marker, '同意'); // changed, from another group of the grid
    await quote(ROOMS[1]!, 'wx-qian', marker, '建在东门外吧，别占消防通道');
    await quote(OTHER, 'wx-sun', marker, '反对', ROOMS[1]!); // a forwarded post answered in grid 2's group
    expect(log(OTHER).at(-1)).toContain(`不在议题#${topicNo}范围内的群，投票不计入`);
    const live = await h.linli.deliberation.liveTally(topicNo);
    expect(live.counts).toEqual([4, 0, 0]);
    expect(live.ignored.outside).toBe(1);
    expect(await h.linli.deliberation.recountFromMessages(topicNo)).toEqual(live);
    expect(await h.linli.store.deliberation.commentCount(topicNo)).toBe(1);
  });

  it('posts the tally at close, announces the decision, and keeps the 实事清单 to its 公示', async () => {
    await h.linli.deliberation.close(topicNo);
    await h.settle();
    for (const r of ROOMS) expect(log(r).some((t) => t.includes(`【议题#${topicNo}·计票结果】`) && t.includes('同意4，反对0，弃权0；共4人投票') && t.includes('“同意”过半数，通过'))).toBe(true);
    await h.say(ROOMS[1]!, 'wx-lin', `拟办 #${topicNo} 由物业在3号楼东侧建充电棚，12月底前完工。`);
    for (const r of ROOMS) expect(log(r).some((t) => t.startsWith(`【议题#${topicNo}·拟办意见公告】`))).toBe(true);
    await h.say(ROOMS[1]!, 'wx-lin', `实事 #${topicNo} 建充电棚 / 物业公司 / 12月25日`);
    await h.say(ROOMS[1]!, 'wx-lin', `实事 #${topicNo} 清理消防通道 / 林网格员 / 12月15日`);
    const tasks = await h.linli.store.deliberation.tasks(topicNo);
    expect(tasks).toHaveLength(2);
    // the property company's item passes its deadline (what its timer runs then): it goes up to the community; the
    // topic's worker and the community staff hear of it directly; the groups do not
    await h.linli.runTopicTimer({ topicId: topicNo, name: 'task-due', taskId: tasks[0]!.id, level: 0 });
    await h.settle();
    const overdue = `议题#${topicNo}的实事#${tasks[0]!.id}“建充电棚”（责任人：物业公司）逾期未完成，已上报社区，请督促办理；`;
    expect(h.dmLog.get('wx-lin')).toContainEqual(expect.stringContaining(overdue));
    expect(h.dmLog.get('wx-huang')).toContainEqual(expect.stringContaining(overdue));
    expect((await h.linli.store.deliberation.findTask(tasks[0]!.id))!.escalationLevel).toBe(1);
    expect(log(ROOMS[0]!).some((t) => t.includes('逾期'))).toBe(false);
    await h.say(ROOMS[1]!, 'wx-lin', `完成 实事#${tasks[1]!.id}`);
    for (const r of ROOMS) expect(log(r).some((t) => t.includes('“清理消防通道”已完成（1/2）'))).toBe(true);
    expect(log(ROOMS[0]!).some((t) => t.includes('办理结果公示'))).toBe(false);
    await h.say(ROOMS[1]!, 'wx-lin', `完成 实事#${tasks[0]!.id}`);
    for (const r of ROOMS) expect(log(r).some((t) => t.startsWith(`【议题#${topicNo}·办理结果公示】`))).toBe(true);
    expect((await h.linli.store.deliberation.findById(topicNo))!.status).toBe('DONE');
    // a done item's deadline passing later says nothing
    const before = h.dmLog.get('wx-lin')!.length;
    await h.linli.runTopicTimer({ topicId: topicNo, name: 'task-due', taskId: tasks[1]!.id });
    await h.settle();
    expect(h.dmLog.get('wx-lin')!.length).toBe(before);
  });

  it('asks the voters to rate the result a week after the 公示 and reports the ratings to the staff', async () => {
    await h.linli.runTopicTimer({ topicId: topicNo, name: 'revisit' });
    await h.settle();
    const marker = `【议题#${topicNo}·回访】`;
    for (const r of ROOMS) expect(log(r).some((t) => t.startsWith(marker) && t.includes('满意 / 基本满意 / 不满意'))).toBe(true);
    await quote(ROOMS[0]!, 'wx-zhang', marker, '满意');
    expect(log(ROOMS[0]!).at(-1)).toContain('感谢您的评价');
    await quote(ROOMS[1]!, 'wx-li', marker, '基本满意，充电棚有点小');
    await quote(ROOMS[2]!, 'wx-wang', marker, '不满意');
    await quote(ROOMS[2]!, 'wx-wang', marker, '满意'); // changed: the latest counts
    await quote(ROOMS[1]!, 'wx-qian', marker, '满意'); // commented but did not vote
    expect(log(ROOMS[1]!).at(-1)).toContain('本次回访请参与投票的居民评价');
    await h.linli.runTopicTimer({ topicId: topicNo, name: 'report' });
    await h.settle();
    expect(h.dmLog.get('wx-lin')).toContain(`议题#${topicNo}“是否在3号楼旁建电动车充电棚”回访结果：满意2，基本满意1，不满意0（4位投票居民中3位评价）。`);
  });

  it("turns a resident's proposal into a topic when five residents second it", async () => {
    await h.say(ROOMS[2]!, 'wx-zhou', '提议 小区增设快递柜');
    const proposal = log(ROOMS[2]!).at(-1)!;
    const no = Number(/议题#(\d+)/.exec(proposal)![1]);
    expect(proposal).toContain('·提议】小区增设快递柜');
    for (const who of ['wx-zhang', 'wx-li', 'wx-wang', 'wx-zhao', 'wx-qian']) await quote(ROOMS[2]!, who, `【议题#${no}·提议】`, '附议');
    expect((await h.linli.store.deliberation.findById(no))!.status).toBe('OPEN');
    for (const r of ROOMS) expect(log(r).some((t) => t.startsWith(`【议题#${no}】小区增设快递柜`))).toBe(true);
  });
});
