import { describe, expect, it } from 'vitest';
import { chineseDaysCalendar } from '../../../../src/adapters/calendar/chinese-days.calendar.ts';
import { addWorkdays, DEFAULT_SLA_POLICY, dueDates, formatDue, policyFor } from '../../../../src/core/sla/deadlines.ts';

// 2026 National Day: 10-01..10-07 off, with a make-up working day on Saturday 2026-10-10 (State Council notice).
describe('working-day deadlines on the official calendar', () => {
  it('skips a weekend', () => {
    const fri = new Date('2026-11-20T04:16:00Z'); // Friday 12:16 in China
    expect(formatDue(addWorkdays(chineseDaysCalendar, fri, 1, '18:00'))).toBe('11月23日18:00');
    expect(formatDue(addWorkdays(chineseDaysCalendar, fri, 3, '18:00'))).toBe('11月25日18:00');
  });

  it('skips the National Day holiday and counts the make-up Saturday', () => {
    const sep30 = new Date('2026-09-30T02:00:00Z');
    expect(chineseDaysCalendar.isWorkday('2026-10-05')).toBe(false);
    expect(chineseDaysCalendar.isWorkday('2026-10-10')).toBe(true);
    // off 10-01..10-07; next working days after 09-30: 10-08 (Thu), 10-09 (Fri), 10-10 (make-up Sat), 10-12 (Mon)
    expect(formatDue(addWorkdays(chineseDaysCalendar, sep30, 1, '18:00'))).toBe('10月8日18:00');
    expect(formatDue(addWorkdays(chineseDaysCalendar, sep30, 3, '18:00'))).toBe('10月10日18:00');
    expect(formatDue(addWorkdays(chineseDaysCalendar, sep30, 4, '18:00'))).toBe('10月12日18:00');
  });

  it('uses the China date, not the UTC date, to start counting', () => {
    // 2026-11-22 23:30 UTC is Monday 07:30 in China: one working day later is Tuesday
    const monMorning = new Date('2026-11-22T23:30:00Z');
    expect(formatDue(addWorkdays(chineseDaysCalendar, monMorning, 1, '18:00'))).toBe('11月24日18:00');
  });

  it('gives complex tickets five days and emergencies clock hours', () => {
    const from = new Date('2026-11-20T04:16:00Z');
    expect(formatDue(dueDates(chineseDaysCalendar, DEFAULT_SLA_POLICY, from, 'NORMAL', true).resolveDueAt)).toBe('11月27日18:00');
    const e = dueDates(chineseDaysCalendar, DEFAULT_SLA_POLICY, from, 'EMERGENCY');
    expect(e.resolveDueAt.getTime() - from.getTime()).toBe(2 * 3600_000);
  });

  it('applies a per-category policy', () => {
    const from = new Date('2026-11-20T04:16:00Z');
    const policy = { ...DEFAULT_SLA_POLICY, officeEnd: '17:30', byCategory: { fire_safety: { resolveWorkdays: 1 } } };
    expect(formatDue(dueDates(chineseDaysCalendar, policyFor(policy, 'fire_safety'), from, 'NORMAL').resolveDueAt)).toBe('11月23日17:30');
    expect(formatDue(dueDates(chineseDaysCalendar, policyFor(policy, 'noise'), from, 'NORMAL').resolveDueAt)).toBe('11月25日17:30');
  });
});
