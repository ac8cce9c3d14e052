// The working-day calendar in three layers: the operator's holidays file (the State Council's arrangement, loaded the
// day it is published), then the `chinese-days` package, then — for a year neither knows — the statutory holidays.
import chineseDays from 'chinese-days';
import type { WorkCalendar } from '../../core/ports/work-calendar.port.ts';
import { boundedMemo } from '../../core/util/memo.ts';
import type { HolidayArrangement } from './holidays-file.ts';
import { statutoryHolidays } from './statutory-holidays.ts';

/** Whether the package ships the State Council arrangement for a year (every arrangement has official days off). */
export const packageHasYear = boundedMemo(
  (year: number): boolean => chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0,
  500,
);

export interface LayeredCalendar extends Required<WorkCalendar> {
  /** Where a date's answer comes from: the file's notice, the package, or the statutory rule alone. */
  sourceOf(localDate: string): { kind: 'file'; source: string } | { kind: 'package' } | { kind: 'statutory' };
}

const isWeekend = (localDate: string) => {
  const day = new Date(`${localDate}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
};
const yearOf = (localDate: string) => Number(localDate.slice(0, 4));

export function createLayeredCalendar(arrangements: readonly HolidayArrangement[] = []): LayeredCalendar {
  const byYear = new Map(arrangements.map((a) => [a.year, a]));
  // an arrangement may name days of the neighbouring years (元旦 around a weekend): every named date counts
  const named = new Map<string, boolean>();
  for (const a of arrangements) {
    for (const d of a.off) named.set(d, false);
    for (const d of a.work) named.set(d, true);
  }
  const isWorkday = boundedMemo((localDate: string): boolean => {
    const listed = named.get(localDate);
    if (listed !== undefined) return listed;
    const year = yearOf(localDate);
    // a file's year is complete: what it does not list is an ordinary day, statutory holidays still off
    if (!byYear.has(year) && packageHasYear(year)) return chineseDays.isWorkday(localDate);
    return !isWeekend(localDate) && !statutoryHolidays(year).has(localDate);
  });
  const sourceOf: LayeredCalendar['sourceOf'] = (localDate) => {
    const a = byYear.get(yearOf(localDate));
    if (a) return { kind: 'file', source: a.source };
    return packageHasYear(yearOf(localDate)) ? { kind: 'package' } : { kind: 'statutory' };
  };
  return {
    isWorkday,
    sourceOf,
    coverage(fromLocalDate, days) {
      const first = yearOf(fromLocalDate);
      const last = yearOf(new Date(Date.parse(`${fromLocalDate}T00:00:00Z`) + Math.max(0, days - 1) * 86_400_000).toISOString());
      const missing: number[] = [];
      for (let y = first; y <= last; y++) if (!byYear.has(y) && !packageHasYear(y)) missing.push(y);
      return missing;
    },
  };
}
