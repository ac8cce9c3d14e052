import { describe, expect, it } from 'vitest';
import { evaluateMessage, type MessageContext } from '../../../../src/core/patrol/evaluate-message.ts';
import { G20, msg, minutes } from './fixtures.ts';

const ctx = (over: Partial<MessageContext> = {}): MessageContext => ({ joinedAt: null, senderIsStaff: false, senderRecent: [], groupRecent: [], ...over });

describe('evaluateMessage', () => {
  it('runs every message rule: a newcomer ad that also mentions a hazard yields two findings', () => {
    const m = msg('兼职日结，楼道堆满了我的货，欢迎来拿');
    // a newcomer: joined an hour before (an unknown join time no longer makes one)
    expect(evaluateMessage(m, G20, ctx({ joinedAt: minutes(-60) })).map((f) => f.rule).sort()).toEqual(['hazard', 'spam']);
  });

  it('staff may report a hazard, but are never spam or a quarrel', () => {
    const staff = { senderExternalId: 'wx-lin', senderName: '林网格员' };
    const other = { senderExternalId: 'wx-wang', senderName: '王先生' };
    const recent = ['你有病吧', '你才有病', '骂你怎么了', '滚', '神经病', '报警了'].map((t, i) => msg(t, { ...(i % 2 ? other : staff), sentAt: minutes(i) }));
    expect(evaluateMessage(msg('2栋着火了，大家快下楼', staff), G20, ctx({ senderIsStaff: true })).map((f) => f.severity)).toEqual(['CRITICAL']);
    expect(evaluateMessage(msg('兼职日结 https://x.cn/a', staff), G20, ctx({ senderIsStaff: true }))).toEqual([]);
    expect(evaluateMessage(recent[4]!, G20, ctx({ senderIsStaff: true, joinedAt: new Date(0), groupRecent: recent }))).toEqual([]);
  });
});
