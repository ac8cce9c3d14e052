import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { createLayeredCalendar, packageHasYear } from '../../../../src/adapters/calendar/layered.calendar.ts';
import { parseHolidaysText } from '../../../../src/adapters/calendar/holidays-file.ts';
import { addWorkdays, DEFAULT_SLA_POLICY, dueDates, formatDue } from '../../../../src/core/sla/deadlines.ts';

const cn = (s: string) => new Date(`${s}+08:00`);

describe('the layered working-day calendar (holidays file → chinese-days → statutory holidays)', () => {
  it('knows which years the package has an arrangement for without being told', () => {
    const years = Array.from({ length: 40 }, (_, i) => 2000 + i).filter(packageHasYear);
    expect(years.length).toBeGreaterThan(10);
    // the package's years are one run ending in the newest; the next year has no data
    const last = years.at(-1)!;
    expect(years).toEqual(Array.from({ length: years.length }, (_, i) => last - years.length + 1 + i));
    expect(chineseDays.getHolidaysInRange(`${last + 1}-01-01`, `${last + 1}-12-31`, false)).toEqual([]);
  });

  it('agrees with the package wherever it has data', () => {
    const calendar = createLayeredCalendar();
    for (let d = Date.parse('2026-01-01'); d < Date.parse('2027-01-01'); d += 86_400_000) {
      const day = new Date(d).toISOString().slice(0, 10);
      expect([day, calendar.isWorkday(day)]).toEqual([day, chineseDays.isWorkday(day)]);
    }
  });

  it('does not count 元旦 2027 as a working day: reported 2026-12-31 17:00, accept due 2027-01-04 18:00', () => {
    const calendar = createLayeredCalendar();
    expect(calendar.isWorkday('2027-01-01')).toBe(false);
    const due = dueDates(calendar, DEFAULT_SLA_POLICY, cn('2026-12-31T17:00'), 'NORMAL');
    expect(due.acceptDueAt.toISOString()).toBe(cn('2027-01-04T18:00').toISOString());
    expect(formatDue(due.resolveDueAt)).toBe('1月6日18:00');
  });

  it('keeps the 2027 Spring Festival off: a ticket of Thursday 2027-02-04 resolves after 初三', () => {
    const calendar = createLayeredCalendar();
    for (const d of ['2027-02-05', '2027-02-08']) expect(calendar.isWorkday(d)).toBe(false); // 除夕 Fri, 初三 Mon
    expect(calendar.isWorkday('2027-02-09')).toBe(true);
    const from = cn('2027-02-04T10:00');
    expect(formatDue(addWorkdays(calendar, from, 1, '18:00'))).toBe('2月9日18:00');
    expect(formatDue(dueDates(calendar, DEFAULT_SLA_POLICY, from, 'NORMAL', true).resolveDueAt)).toBe('2月15日18:00');
  });

  it("lets the operator's file override: a make-up Saturday becomes a working day, extra days go off", () => {
    const file = parseHolidaysText(
      'year: 2027\nsource: 国办发明电〔2026〕X号\noff: ["2027-01-01", "2027-02-05..2027-02-11"]\nwork: ["2027-02-20"]\n',
      'holidays.yaml',
    );
    const calendar = createLayeredCalendar(file);
    expect(calendar.isWorkday('2027-02-20')).toBe(true); // a Saturday, made a working day
    expect(calendar.isWorkday('2027-02-10')).toBe(false); // a Wednesday, off by the arrangement only
    expect(calendar.isWorkday('2027-02-13')).toBe(false); // an ordinary Saturday
    expect(calendar.isWorkday('2027-10-01')).toBe(false); // statutory days the file leaves out stay off
    // reported Friday 02-19 after hours: the make-up Saturday counts
    expect(formatDue(addWorkdays(calendar, cn('2027-02-19T19:00'), 1, '18:00'))).toBe('2月20日18:00');
    expect(formatDue(addWorkdays(createLayeredCalendar(), cn('2027-02-19T19:00'), 1, '18:00'))).toBe('2月22日18:00');
  });

  it('takes the file over the package for a year the package has', () => {
    const calendar = createLayeredCalendar(parseHolidaysText('year: 2026\nsource: test\noff: ["2026-12-30"]\nwork: []\n', 'h.yaml'));
    expect(chineseDays.isWorkday('2026-12-30')).toBe(true);
    expect(calendar.isWorkday('2026-12-30')).toBe(false);
    expect(calendar.isWorkday('2026-12-29')).toBe(true);
  });

  it('tells which years within a window have no official arrangement loaded', () => {
    const last = Array.from({ length: 40 }, (_, i) => 2000 + i).filter(packageHasYear).at(-1)!;
    const calendar = createLayeredCalendar();
    expect(calendar.coverage(`${last}-12-01`, 60)).toEqual([last + 1]);
    expect(calendar.coverage(`${last}-06-01`, 60)).toEqual([]);
    expect(calendar.coverage(`${last}-12-01`, 800)).toEqual([last + 1, last + 2, last + 3]);
    const loaded = createLayeredCalendar(parseHolidaysText(`year: ${last + 1}\nsource: x\noff: []\nwork: []\n`, 'h.yaml'));
    expect(loaded.coverage(`${last}-12-01`, 60)).toEqual([]);
  });
});
