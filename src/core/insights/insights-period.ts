// Periods of the insights in China time: a month "YYYY-MM" is [its first day 00:00, the next month's) in Asia/Shanghai.
import { monthCalendar } from './months.ts';

export const CHINA_UTC_OFFSET_MINUTES = 480;
const CHINA = monthCalendar(CHINA_UTC_OFFSET_MINUTES);
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
/**
 * The first year a month may be in: Date reads years 0–99 as 1900–1999 ("0025-11" became 1925-11), and no appeal
 * of this system is older.
 */
export const FIRST_YEAR = 2000;

export interface Period {
  from: Date;
  to: Date;
}

/** Whether a string is a month as the insights take it (YYYY-MM, from 2000-01). */
export function isMonth(s: string): boolean {
  const m = MONTH.exec(s);
  return m !== null && Number(m[1]) >= FIRST_YEAR;
}

/** The month's period; throws RangeError for anything but YYYY-MM. */
export function monthPeriod(month: string): Period {
  if (!isMonth(month)) throw new RangeError(`not a month (YYYY-MM, from ${FIRST_YEAR}-01): ${JSON.stringify(month)}`);
  const [from, to] = CHINA.range(month);
  return { from, to };
}

/** The China-time month (YYYY-MM) an instant falls in. */
export function monthOf(d: Date): string {
  return CHINA.key(d);
}

/** The month `n` months after `month` (n may be negative). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** The last full month before the instant: the month a proposal made now is about. */
export function lastFullMonth(now: Date): string {
  return addMonths(monthOf(now), -1);
}
