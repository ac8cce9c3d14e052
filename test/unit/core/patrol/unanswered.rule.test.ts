import { describe, expect, it } from 'vitest';
import { isOfficeTime, officeMinutesBetween } from '../../../../src/core/patrol/office-hours.ts';
import { findUnanswered, isQuestionText, type PendingQuestion } from '../../../../src/core/patrol/unanswered.rule.ts';
import { calendar, G20, msg } from './fixtures.ts';

/** China-local time on a date: cn('2026-11-20', '10:00'). */
const cn = (d: string, hm: string) => new Date(`${d}T${hm}:00+08:00`);
const pending = (text: string, sentAt: Date, over: Partial<PendingQuestion> = {}): PendingQuestion => ({
  message: msg(text, { sentAt }), group: G20, isAppeal: false, staffReplyAt: null, ...over,
});

describe('questions', () => {
  it.each(['请问电梯什么时候能修好？', '物业今天有人值班吗', '楼下的路灯还没修呢~', '停车费怎么交啊?'])('%s is a question', (t) => expect(isQuestionText(t)).toBe(true));
  it.each(['在吗？', '是吗', '真的吗？？', '谢谢大家', '电梯修好了，点赞', '好的呢'])('%s is not', (t) => expect(isQuestionText(t)).toBe(false));
});

describe('office hours', () => {
  it('counts only working-day minutes between 08:30 and 18:00 China time', () => {
    expect(officeMinutesBetween(calendar, cn('2026-11-20', '17:50'), cn('2026-11-23', '08:40'))).toBe(20); // Fri → Mon
    expect(officeMinutesBetween(calendar, cn('2026-11-20', '07:00'), cn('2026-11-20', '09:00'))).toBe(30);
    expect(officeMinutesBetween(calendar, cn('2026-09-30', '17:30'), cn('2026-10-08', '09:00'))).toBe(60); // 国庆
    expect(isOfficeTime(calendar, cn('2026-09-27', '10:00'))).toBe(true); // Sunday make-up day (调休)
    expect(isOfficeTime(calendar, cn('2026-11-21', '10:00'))).toBe(false); // Saturday
  });
});

describe('unanswered rule', () => {
  const now = cn('2026-11-20', '11:00');

  it('a question with no staff reply and no ticket after 30 office minutes is a finding, once per message', () => {
    const q = pending('请问小区的电动车充电桩什么时候装好？', cn('2026-11-20', '10:20'));
    const [f, ...rest] = findUnanswered([q], now, calendar);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'unanswered', severity: 'MEDIUM', messageId: q.message.id, dedupKey: `unanswered:${q.message.id}`, data: { officeMinutes: 40 } });
    expect(f?.summary).toBe('提问无人回复（东园小区20号楼睦邻群）：张阿姨：请问小区的电动车充电桩什么时候装好？');
  });

  it('an appeal flagged by triage counts even without a question mark', () => {
    const q = pending('楼下垃圾两天没人收了，臭得不行', cn('2026-11-20', '10:00'), { isAppeal: true });
    expect(findUnanswered([q], now, calendar)[0]?.summary).toMatch(/^诉求无人回应/);
  });

  it('is quiet when staff replied, a ticket exists, it is too early, or it is not a question', () => {
    const at = cn('2026-11-20', '10:00');
    expect(findUnanswered([pending('电梯什么时候修好？', at, { staffReplyAt: cn('2026-11-20', '10:05') })], now, calendar)).toEqual([]);
    expect(findUnanswered([pending('电梯什么时候修好？', at, { message: msg('电梯什么时候修好？', { sentAt: at, ticketId: 7 }) })], now, calendar)).toEqual([]);
    expect(findUnanswered([pending('电梯什么时候修好？', cn('2026-11-20', '10:45'))], now, calendar)).toEqual([]);
    expect(findUnanswered([pending('今天天气真好，大家出来晒太阳', at)], now, calendar)).toEqual([]);
  });

  it('a question asked on Friday evening waits for Monday morning; nothing is reported at night or at the weekend', () => {
    const q = pending('明天停水吗？', cn('2026-11-20', '19:00'));
    expect(findUnanswered([q], cn('2026-11-21', '10:00'), calendar)).toEqual([]); // Saturday
    expect(findUnanswered([q], cn('2026-11-23', '08:50'), calendar)).toEqual([]); // 20 office minutes
    expect(findUnanswered([q], cn('2026-11-23', '09:00'), calendar)).toHaveLength(1);
    expect(findUnanswered([q], cn('2026-11-23', '09:00'), calendar, { minutes: 60 })).toEqual([]);
  });
});
