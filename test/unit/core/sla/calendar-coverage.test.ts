import { describe, expect, it } from 'vitest';
import { missingArrangementWarning } from '../../../../src/core/sla/calendar-coverage.ts';
import type { WorkCalendar } from '../../../../src/core/ports/work-calendar.port.ts';

// a calendar with arrangements up to 2026 (what chinese-days 1.5.7 has)
const upTo = (last: number): WorkCalendar => ({
  isWorkday: () => true,
  coverage(from, days) {
    const end = new Date(Date.parse(`${from}T00:00:00Z`) + (days - 1) * 86_400_000).toISOString().slice(0, 4);
    const years: number[] = [];
    for (let y = Number(from.slice(0, 4)); y <= Number(end); y++) if (y > last) years.push(y);
    return years;
  },
});

describe('the warning about years without an official holiday arrangement', () => {
  it('warns when the next 60 days reach a year without an arrangement', () => {
    const w = missingArrangementWarning(upTo(2026), new Date('2026-12-05T09:00:00+08:00'));
    expect(w).toBe(
      'no official holiday arrangement for 2027 is loaded; deadlines after 2026-12-31 use the statutory holidays only (no 调休). Load it with `holidays:` in the config file.',
    );
  });

  it('names every such year and counts days in China time', () => {
    expect(missingArrangementWarning(upTo(2026), new Date('2027-12-20T10:00:00+08:00'))).toMatch(/for 2027 and 2028 is loaded; deadlines after 2026-12-31/);
    // 2026-11-02 23:30 UTC is 11-03 in China: 60 days reach 2027-01-01
    expect(missingArrangementWarning(upTo(2026), new Date('2026-11-02T23:30:00Z'))).toMatch(/2027/);
    expect(missingArrangementWarning(upTo(2026), new Date('2026-11-02T12:00:00Z'))).toBeUndefined();
  });

  it('is silent for a calendar that knows every year', () => {
    expect(missingArrangementWarning(upTo(2030), new Date('2026-12-05T09:00:00+08:00'))).toBeUndefined();
    expect(missingArrangementWarning({ isWorkday: () => true }, new Date('2026-12-05T09:00:00+08:00'))).toBeUndefined();
  });
});
