// Office hours on the official calendar (China time, working days): an unanswered question counts only the minutes
// in which someone was expected to answer.
import { chinaDate } from '../sla/deadlines.ts';
import type { WorkCalendar } from '../ports/work-calendar.port.ts';

export interface OfficeHours {
  /** China-local "HH:MM". */
  start: string;
  end: string;
}

export const DEFAULT_OFFICE_HOURS: OfficeHours = { start: '08:30', end: '18:00' };

const CN_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;
/** Longer spans are cut: nobody needs to know a question waited more than 60 days. */
const MAX_DAYS = 60;

function atChinaTime(localDate: string, hhmm: string): number {
  return new Date(`${localDate}T${hhmm}:00Z`).getTime() - CN_OFFSET_MS;
}

function nextDay(localDate: string): string {
  return new Date(new Date(`${localDate}T00:00:00Z`).getTime() + DAY_MS).toISOString().slice(0, 10);
}

export function isOfficeTime(calendar: WorkCalendar, at: Date, hours: OfficeHours = DEFAULT_OFFICE_HOURS): boolean {
  const day = chinaDate(at);
  const t = at.getTime();
  return calendar.isWorkday(day) && t >= atChinaTime(day, hours.start) && t < atChinaTime(day, hours.end);
}

/** Minutes of office time between two instants (0 when `to` is not after `from`). */
export function officeMinutesBetween(calendar: WorkCalendar, from: Date, to: Date, hours: OfficeHours = DEFAULT_OFFICE_HOURS): number {
  if (to <= from) return 0;
  let total = 0;
  let day = chinaDate(from);
  const last = chinaDate(to);
  for (let i = 0; i <= MAX_DAYS; i++) {
    if (calendar.isWorkday(day)) {
      const start = Math.max(from.getTime(), atChinaTime(day, hours.start));
      const end = Math.min(to.getTime(), atChinaTime(day, hours.end));
      if (end > start) total += end - start;
    }
    if (day === last) break;
    day = nextDay(day);
  }
  return Math.floor(total / 60_000);
}
