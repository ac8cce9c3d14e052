// Deadlines in working days (时限): accept in 1, resolve in 3, complex in 5, counted on the official calendar from the
// day after the report and due at the end of office hours; emergencies run on clock hours, urgent tickets are accepted
// within clock hours and resolved within fewer working days.
import type { WorkCalendar } from '../ports/work-calendar.port.ts';
import type { Urgency } from '../tickets/ticket.types.ts';
import { boundedMemo } from '../util/memo.ts';

export interface SlaPolicy {
  acceptWorkdays: number;
  resolveWorkdays: number;
  complexWorkdays: number;
  /** China-local end of office hours, "HH:MM". */
  officeEnd: string;
  emergencyAcceptMinutes: number;
  emergencyResolveHours: number;
  /** Urgent tickets (飞线充电, 井盖快塌, a whole building without water): accepted within clock hours (default 2) … */
  urgentAcceptHours?: number;
  /** … and resolved within working days (default 1). */
  urgentResolveWorkdays?: number;
  /** Reminder to the assignee at this fraction of the time from the clock's start to a deadline (default 0.8). */
  reminderAt?: number;
  /** China-local time, "HH:MM", of the daily digest to each worker (default "08:30"). */
  digestAt?: string;
}

/** A policy with per-category overrides, e.g. fire_safety: { resolveWorkdays: 1 }. */
export type SlaPolicies = SlaPolicy & { byCategory?: Record<string, Partial<SlaPolicy>> };

/** The policy that applies to one category. */
export function policyFor(policy: SlaPolicies, category: string): SlaPolicy {
  const own = policy.byCategory?.[category];
  return own ? { ...policy, ...own } : policy;
}

export const DEFAULT_SLA_POLICY: SlaPolicy = {
  acceptWorkdays: 1,
  resolveWorkdays: 3,
  complexWorkdays: 5,
  officeEnd: '18:00',
  emergencyAcceptMinutes: 30,
  emergencyResolveHours: 2,
  urgentAcceptHours: 2,
  urgentResolveWorkdays: 1,
  reminderAt: 0.8,
  digestAt: '08:30',
};

/** China has one time zone and no daylight saving: UTC+8 all year. */
const CN_OFFSET_MS = 8 * 3600_000;

export function chinaDate(d: Date): string {
  return new Date(d.getTime() + CN_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant of a China-local date (YYYY-MM-DD) and time (HH:MM). */
export function atChinaTime(localDate: string, hhmm: string): Date {
  return new Date(new Date(`${localDate}T${hhmm}:00Z`).getTime() - CN_OFFSET_MS);
}

/** The calendar day after a YYYY-MM-DD date (remembered: every deadline steps through several days). */
export const nextDay = boundedMemo((localDate: string): string =>
  new Date(new Date(`${localDate}T00:00:00Z`).getTime() + 86_400_000).toISOString().slice(0, 10),
);

/** End of office hours on the n-th working day after the day of `from`. */
export function addWorkdays(calendar: WorkCalendar, from: Date, n: number, officeEnd: string): Date {
  let day = chinaDate(from);
  let left = n;
  for (let guard = 0; left > 0; guard++) {
    if (guard > 400) throw new Error('calendar has no working day within 400 days');
    day = nextDay(day);
    if (calendar.isWorkday(day)) left--;
  }
  return atChinaTime(day, officeEnd);
}

/** The same time of day on the last working day before `due`'s day: a reminder one working day ahead. */
export function workdayBefore(calendar: WorkCalendar, due: Date): Date {
  const dueDay = chinaDate(due);
  let day = dueDay;
  for (let guard = 0; ; guard++) {
    if (guard > 400) throw new Error('calendar has no working day within 400 days');
    day = new Date(new Date(`${day}T00:00:00Z`).getTime() - 86_400_000).toISOString().slice(0, 10);
    if (calendar.isWorkday(day)) break;
  }
  return new Date(due.getTime() - (atChinaTime(dueDay, '00:00').getTime() - atChinaTime(day, '00:00').getTime()));
}

export function dueDates(
  calendar: WorkCalendar,
  policy: SlaPolicy,
  from: Date,
  urgency: Urgency,
  complex = false,
): { acceptDueAt: Date; resolveDueAt: Date } {
  if (urgency === 'EMERGENCY') {
    return {
      acceptDueAt: new Date(from.getTime() + policy.emergencyAcceptMinutes * 60_000),
      resolveDueAt: new Date(from.getTime() + policy.emergencyResolveHours * 3600_000),
    };
  }
  if (urgency === 'URGENT') {
    return {
      acceptDueAt: new Date(from.getTime() + (policy.urgentAcceptHours ?? 2) * 3600_000),
      resolveDueAt: addWorkdays(calendar, from, complex ? policy.complexWorkdays : policy.urgentResolveWorkdays ?? 1, policy.officeEnd),
    };
  }
  return {
    acceptDueAt: addWorkdays(calendar, from, policy.acceptWorkdays, policy.officeEnd),
    resolveDueAt: addWorkdays(calendar, from, complex ? policy.complexWorkdays : policy.resolveWorkdays, policy.officeEnd),
  };
}

/** "11月24日18:00", China-local, as residents read it. */
export function formatDue(d: Date): string {
  const local = new Date(d.getTime() + CN_OFFSET_MS);
  const hh = String(local.getUTCHours()).padStart(2, '0');
  const mm = String(local.getUTCMinutes()).padStart(2, '0');
  return `${local.getUTCMonth() + 1}月${local.getUTCDate()}日${hh}:${mm}`;
}
