// Periods of the insights in China time: a month "YYYY-MM" is [its first day 00:00, the next month's) in Asia/Shanghai.
const CN_OFFSET_MS = 8 * 3600_000;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export interface Period {
  from: Date;
  to: Date;
}

/** Whether a string is a month as the insights take it (YYYY-MM). */
export function isMonth(s: string): boolean {
  return MONTH.test(s);
}

/** The month's period; throws RangeError for anything but YYYY-MM. */
export function monthPeriod(month: string): Period {
  const m = MONTH.exec(month);
  if (!m) throw new RangeError(`not a month (YYYY-MM): ${JSON.stringify(month)}`);
  const y = Number(m[1]);
  const mo = Number(m[2]) - 1;
  return { from: new Date(Date.UTC(y, mo, 1) - CN_OFFSET_MS), to: new Date(Date.UTC(y, mo + 1, 1) - CN_OFFSET_MS) };
}

/** The China-time month (YYYY-MM) an instant falls in. */
export function monthOf(d: Date): string {
  return new Date(d.getTime() + CN_OFFSET_MS).toISOString().slice(0, 7);
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
