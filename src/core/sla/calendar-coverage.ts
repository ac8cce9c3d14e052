// Whether deadlines soon reach a year whose official holiday arrangement (放假安排) is not loaded: there they count the
// statutory holidays only, without 调休. Said at start, and on demand (the console, `linli sla due`).
import type { WorkCalendar } from '../ports/work-calendar.port.ts';
import { chinaDate } from './deadlines.ts';

/** How far ahead deadlines are checked: further than any working-day deadline reaches. */
export const COVERAGE_WINDOW_DAYS = 60;

/** The years without an arrangement among the `days` China-local days from `now` (empty when the calendar knows all). */
export function yearsWithoutArrangement(calendar: WorkCalendar, now: Date, days = COVERAGE_WINDOW_DAYS): number[] {
  return calendar.coverage?.(chinaDate(now), days) ?? [];
}

/** The operator's warning (English, for the log and stderr), or undefined when every year ahead is covered. */
export function missingArrangementWarning(calendar: WorkCalendar, now: Date, days = COVERAGE_WINDOW_DAYS): string | undefined {
  const years = yearsWithoutArrangement(calendar, now, days);
  if (years.length === 0) return undefined;
  const list = years.length === 1 ? String(years[0]) : `${years.slice(0, -1).join(', ')} and ${years.at(-1)}`;
  return (
    `no official holiday arrangement for ${list} is loaded; deadlines after ${years[0]! - 1}-12-31 use the statutory ` +
    'holidays only (no 调休). Load it with `holidays:` in the config file.'
  );
}
