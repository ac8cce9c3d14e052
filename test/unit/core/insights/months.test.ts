// Months in a fixed offset (the store's tickets, China time) agree with the China calendar whatever the process's zone;
// the local calendar follows the process's zone (a file's times).
import { describe, expect, it } from 'vitest';
import { monthCalendar } from '../../../../src/core/insights/months.ts';

const CHINA = monthCalendar(480);

describe('monthCalendar', () => {
  it('puts an instant in its China-time month, at both edges of the month', () => {
    expect(CHINA.key(new Date('2026-10-31T15:59:59.999Z'))).toBe('2026-10');
    expect(CHINA.key(new Date('2026-10-31T16:00:00.000Z'))).toBe('2026-11'); // 2026-11-01 00:00 in Beijing
    expect(CHINA.start(new Date('2026-11-20T03:00:00Z')).toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(CHINA.range('2026-12')).toEqual([new Date('2026-11-30T16:00:00Z'), new Date('2026-12-31T16:00:00Z')]);
  });

  it('adds months across a year, keeping the day and time of day in China time', () => {
    const start = new Date('2026-10-31T16:00:00Z'); // 2026-11-01 00:00
    expect(CHINA.add(start, -12).toISOString()).toBe('2025-10-31T16:00:00.000Z');
    expect(CHINA.add(start, 2).toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(CHINA.between(CHINA.add(start, -2), start)).toEqual(['2026-09', '2026-10']);
  });

  it('is the local calendar without an offset', () => {
    const local = monthCalendar();
    const d = new Date(2026, 10, 1, 0, 0, 0);
    expect(local.key(d)).toBe('2026-11');
    expect(local.start(new Date(2026, 10, 20)).getTime()).toBe(d.getTime());
    expect(local.range('2026-11')[0].getTime()).toBe(d.getTime());
  });
});

describe('insights months', () => {
  it('refuses years before 2000 (Date would read 0025-11 as 1925-11)', async () => {
    const { isMonth, monthPeriod } = await import('../../../../src/core/insights/insights-period.ts');
    for (const m of ['0000-01', '0025-11', '1999-12']) {
      expect(isMonth(m), m).toBe(false);
      expect(() => monthPeriod(m)).toThrow(RangeError);
    }
    expect(isMonth('2000-01')).toBe(true);
    expect(monthPeriod('2026-11').from.toISOString()).toBe('2026-10-31T16:00:00.000Z');
  });
});
