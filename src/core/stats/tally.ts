// What one ticket event adds to the daily roll-ups. The live counter (a subscriber of the ticket change bus) and the
// rebuild (from the stored event log) both ask this one function, so a rebuild gives what was counted live.
import { chinaDate } from '../sla/deadlines.ts';
import type { Ticket, TicketEvent } from '../tickets/ticket.types.ts';
import type { Counts } from './stats.types.ts';

export type TalliedEvent = Pick<TicketEvent, 'type' | 'data'> & { at: Date };
export type TalliedTicket = Pick<Ticket, 'acceptDueAt' | 'resolveDueAt'>;

/**
 * The deadline a claim or a result is judged by: the one in force when it was made, which the ticket service writes
 * into the event (`data.dueAt`). Events written before it did fall back to the ticket's own deadline.
 */
function dueAt(e: TalliedEvent, fallback: Date | null): Date | null {
  const d = e.data?.dueAt;
  if (typeof d === 'string') return new Date(d);
  if (d === null) return null;
  return fallback;
}

const onTime = (e: TalliedEvent, due: Date | null) => (due === null || e.at.getTime() <= due.getTime() ? 1 : 0);

/** The counters an event adds (none for progress notes, queries, joins …). */
export function tally(e: TalliedEvent, t: TalliedTicket): Partial<Counts> | null {
  switch (e.type) {
    case 'reported':
      return { reported: 1 };
    case 'claimed':
      return { accepted: 1, acceptedOnTime: onTime(e, dueAt(e, t.acceptDueAt)) };
    case 'unclaimed': {
      // the claim it takes back is counted no more
      const claimedAt = typeof e.data?.claimedAt === 'string' ? new Date(e.data.claimedAt) : e.at;
      return { accepted: -1, acceptedOnTime: 0 - onTime({ ...e, at: claimedAt }, dueAt(e, t.acceptDueAt)) };
    }
    case 'resolved':
      return { resolved: 1, resolvedOnTime: onTime(e, dueAt(e, t.resolveDueAt)) };
    case 'closed':
      // closing is the resident's 满意 / 基本满意
      return { closed: 1, rated: 1, satisfied: 1 };
    case 'reopened':
      return { reopened: 1, rated: 1 };
    case 'rejected':
      return { rejected: 1 };
    case 'escalated': {
      const clock = (e.data?.overdue as { clock?: unknown } | undefined)?.clock;
      return { escalated: 1, ...(clock === 'accept' ? { acceptOverdue: 1 } : clock === 'resolve' ? { resolveOverdue: 1 } : {}) };
    }
    default:
      return null;
  }
}

/** The roll-up day of an event: its date in China. */
export const statDay = (at: Date): string => chinaDate(at);

/**
 * The day an event's counts go to: its own, except for a claim taken back, which is subtracted on the day the claim
 * was counted (an edit on Tuesday of Monday's 认领 leaves Monday with no claim, and Tuesday with no minus one).
 */
export function talliedDay(e: TalliedEvent): string {
  if (e.type === 'unclaimed' && typeof e.data?.claimedAt === 'string') {
    const claimedAt = new Date(e.data.claimedAt);
    if (!Number.isNaN(claimedAt.getTime())) return statDay(claimedAt);
  }
  return statDay(e.at);
}
