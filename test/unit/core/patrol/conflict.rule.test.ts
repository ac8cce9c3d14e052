import { describe, expect, it } from 'vitest';
import { conflictFinding } from '../../../../src/core/patrol/conflict.rule.ts';
import type { PatrolMessage } from '../../../../src/core/patrol/patrol.types.ts';
import { G20, msg, minutes } from './fixtures.ts';

const WANG = { senderExternalId: 'wx-wang', senderName: '王先生' };
const LIU = { senderExternalId: 'wx-liu', senderName: '刘女士' };
const ZHAO = { senderExternalId: 'wx-zhao', senderName: '赵大爷' };

function thread(lines: [typeof WANG, string][], gapMinutes = 1): PatrolMessage[] {
  return lines.map(([who, text], i) => msg(text, { ...who, sentAt: minutes(i * gapMinutes) }));
}

const QUARREL = thread([
  [WANG, '楼上的能不能别半夜拖椅子了'],
  [LIU, '我家根本没人拖椅子，别乱说'],
  [WANG, '不是你家是谁家？天天吵得睡不着'],
  [LIU, '你有病吧，自己睡不着怪别人'],
  [ZHAO, '大家都是邻居，别吵了'],
  [WANG, '你才有病，没素质'],
  [LIU, '你再骂一句试试，我报警了'],
]);

describe('conflict rule', () => {
  it('an escalating quarrel between two neighbours is one finding; a peacemaker does not break it', () => {
    const last = QUARREL[QUARREL.length - 1]!;
    const f = conflictFinding(last, G20, QUARREL);
    expect(f).toMatchObject({ rule: 'conflict', severity: 'HIGH', data: { senders: ['wx-liu', 'wx-wang'], messages: 6, violent: true } });
    expect(f?.summary).toBe('邻里争吵（东园小区20号楼睦邻群）：刘女士与王先生 6 分钟内往来 6 条，“你再骂一句试试，我报警了”');
  });

  it('the next message of the same quarrel in the same window has the same key', () => {
    const more = [...QUARREL, msg('你报啊，谁怕谁，神经病', { ...WANG, sentAt: minutes(7) })];
    const a = conflictFinding(QUARREL[QUARREL.length - 1]!, G20, QUARREL);
    const b = conflictFinding(more[more.length - 1]!, G20, more);
    expect(b?.dedupKey).toBe(a?.dedupKey);
  });

  it('without violence words it is MEDIUM', () => {
    const t = thread([
      [WANG, '你家狗又在电梯里撒尿了'],
      [LIU, '你看见了？别血口喷人'],
      [WANG, '监控都拍到了，真不要脸'],
      [LIU, '你才不要脸，管好你自己'],
      [WANG, '没素质就是没素质'],
      [LIU, '懒得理你，神经病'],
    ]);
    expect(conflictFinding(t[t.length - 1]!, G20, t)?.severity).toBe('MEDIUM');
  });

  it('a long friendly conversation between two neighbours is not a quarrel', () => {
    const t = thread([
      [WANG, '刘姐，你家孩子报了哪个兴趣班？'],
      [LIU, '报了学校旁边的美术班，老师挺好的'],
      [WANG, '一周几次啊？'],
      [LIU, '周三周六各一次，一次一个半小时'],
      [WANG, '那挺好，我家那个就是坐不住'],
      [LIU, '小孩子都这样，慢慢来'],
      [WANG, '下次一起去看看，带上我家小宝'],
      [LIU, '好啊，周六上午我带你过去'],
      [WANG, '谢谢刘姐'],
      [LIU, '客气啥，都是邻居'],
    ]);
    expect(conflictFinding(t[t.length - 1]!, G20, t)).toBeNull();
  });

  it('heated words without a back-and-forth are not a quarrel: one angry resident venting', () => {
    const t = thread([
      [WANG, '谁家又在楼道乱扔垃圾，真缺德'],
      [WANG, '没素质，骂都骂不醒'],
      [WANG, '再扔我就报警'],
      [LIU, '是啊太过分了'],
      [WANG, '有本事别让我抓到'],
      [WANG, '滚出我们小区'],
    ]);
    expect(conflictFinding(t[t.length - 1]!, G20, t)).toBeNull();
  });

  it('a slow exchange spread over an hour does not fit the 10-minute window', () => {
    const slow = QUARREL.map((m, i) => ({ ...m, sentAt: minutes(i * 10) }));
    expect(conflictFinding(slow[slow.length - 1]!, G20, slow)).toBeNull();
  });

  it('thresholds are configurable', () => {
    const short = QUARREL.slice(0, 4);
    expect(conflictFinding(short[3]!, G20, short)).toBeNull();
    expect(conflictFinding(short[3]!, G20, short, { minMessages: 4, minHeated: 1 })).not.toBeNull();
  });
});
