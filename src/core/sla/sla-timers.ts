// Deadline timers as data: which delayed jobs a ticket needs in its current state, their keys and run times, and
// whether a job that fires still applies. Pure functions; the SLA service puts them on the 'sla' job queue.
import type { Ticket, TicketEventType, TicketStatus } from '../tickets/ticket.types.ts';
import { atChinaTime, chinaDate, nextDay } from './deadlines.ts';

export const SLA_QUEUE = 'sla';

/** Which deadline a timer watches: accepting (claiming) the ticket, or resolving it. */
export type SlaClock = 'accept' | 'resolve';
export type SlaTimerName = 'remind' | 'breach';

export interface SlaTimerJob {
  ticketId: number;
  clock: SlaClock;
  /** The deadline the timer was set for, in epoch milliseconds (JSON-safe). */
  dueAt: number;
}

export interface DigestJob {
  /** China-local date (YYYY-MM-DD) the digest is for. */
  date: string;
}

export type SlaJobData = SlaTimerJob | DigestJob;

export interface PlannedTimer {
  name: SlaTimerName;
  key: string;
  data: SlaTimerJob;
  runAt: Date;
}

/** Events that start a new clock (TicketService sets fresh due dates with them): the reminder counts from the latest. */
export const CLOCK_START_EVENTS: readonly TicketEventType[] = ['reported', 'escalated', 'transferred', 'reopened'];

/** Waiting to be claimed → accept deadline; in hand → resolve deadline; resolved or finished → none. */
export function clockOf(status: TicketStatus): SlaClock | null {
  switch (status) {
    case 'REPORTED':
    case 'REOPENED':
    case 'TRANSFERRED':
    case 'ESCALATED':
      return 'accept';
    case 'ACCEPTED':
      return 'resolve';
    default:
      return null;
  }
}

export function dueOf(ticket: Pick<Ticket, 'acceptDueAt' | 'resolveDueAt'>, clock: SlaClock): Date | null {
  return clock === 'accept' ? ticket.acceptDueAt : ticket.resolveDueAt;
}

/** `sla:<ticketId>:<clock>-<name>:<dueAt ms>`: scheduling twice is one job; a changed deadline is a new job. */
export function timerKey(ticketId: number, clock: SlaClock, name: SlaTimerName, dueAt: Date | number): string {
  return `sla:${ticketId}:${clock}-${name}:${typeof dueAt === 'number' ? dueAt : dueAt.getTime()}`;
}

export function digestKey(date: string): string {
  return `sla:digest:${date}`;
}

/** The reminder's time: `fraction` of the way from the clock's start to the deadline (never before the start). */
export function reminderTime(start: Date, dueAt: Date, fraction: number): Date {
  const span = Math.max(0, dueAt.getTime() - start.getTime());
  return new Date(start.getTime() + Math.round(span * fraction));
}

/** The reminder and breach timers of the ticket's current deadline (none when it has none to watch). */
export function plannedTimers(ticket: Ticket, clockStart: Date, reminderAt: number): PlannedTimer[] {
  const clock = clockOf(ticket.status);
  if (!clock) return [];
  const due = dueOf(ticket, clock);
  if (!due) return [];
  const data: SlaTimerJob = { ticketId: ticket.id, clock, dueAt: due.getTime() };
  return [
    { name: 'remind', key: timerKey(ticket.id, clock, 'remind', due), data, runAt: reminderTime(clockStart, due, reminderAt) },
    { name: 'breach', key: timerKey(ticket.id, clock, 'breach', due), data, runAt: due },
  ];
}

/** Keys of every timer the ticket's current due dates could have: removed when it leaves their state. */
export function timerKeys(ticket: Ticket, clocks: readonly SlaClock[] = ['accept', 'resolve']): string[] {
  const keys: string[] = [];
  for (const clock of clocks) {
    const due = dueOf(ticket, clock);
    if (due) for (const name of ['remind', 'breach'] as const) keys.push(timerKey(ticket.id, clock, name, due));
  }
  return keys;
}

/**
 * Whether a timer still applies to the ticket as it is now: it waits on the same deadline (status and due date
 * unchanged). A job set before a claim, an escalation or a new due date is stale and does nothing.
 */
export function timerApplies(ticket: Ticket | null, job: SlaTimerJob): boolean {
  if (!ticket) return false;
  if (clockOf(ticket.status) !== job.clock) return false;
  return dueOf(ticket, job.clock)?.getTime() === job.dueAt;
}

/** The next digest after `now`: today's at `hhmm` (China-local) if still ahead, else tomorrow's. */
export function nextDigest(now: Date, hhmm: string): { date: string; at: Date } {
  const today = chinaDate(now);
  const at = atChinaTime(today, hhmm);
  if (at.getTime() > now.getTime()) return { date: today, at };
  const tomorrow = nextDay(today);
  return { date: tomorrow, at: atChinaTime(tomorrow, hhmm) };
}

export interface DigestCounts {
  open: Ticket[];
  dueToday: Ticket[];
  overdue: Ticket[];
}

/**
 * Sorts a worker's open tickets for the digest by the deadline each is waiting on now. `missed`: tickets escalated for
 * missing a deadline (超时上报), overdue whatever their new deadline (one definition of 超时: tickets/overdue.ts).
 */
export function digestOf(tickets: readonly Ticket[], now: Date, missed: ReadonlySet<number> = new Set()): DigestCounts {
  const today = chinaDate(now);
  const dueToday: Ticket[] = [];
  const overdue: Ticket[] = [];
  for (const t of tickets) {
    if (missed.has(t.id)) {
      overdue.push(t);
      continue;
    }
    const clock = clockOf(t.status);
    const due = clock ? dueOf(t, clock) : null;
    if (!due) continue;
    if (due.getTime() <= now.getTime()) overdue.push(t);
    else if (chinaDate(due) === today) dueToday.push(t);
  }
  return { open: [...tickets], dueToday, overdue };
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
export function isHhmm(s: string): boolean {
  return HHMM.test(s);
}
