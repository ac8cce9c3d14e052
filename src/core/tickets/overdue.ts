// 超时: one definition for the ticket list's 仅超时 filter and badge, the overview's open overdue count and the ranking's
// 超时 column. A ticket is overdue while it is open and has missed any of its deadlines: one past now (the resolve
// deadline, or the accept deadline while it waits to be claimed), or one it missed before — the deadline clock then
// escalated it (上报) with a new deadline, and records the miss on that `escalated` event as `data.overdue`. The new
// deadline does not undo the miss: the ticket stays overdue until it is resolved, rejected or closed.
// The store runs the same test in SQL (adapters/prisma/sql.ts, OVERDUE_SQL); the store contract pins the two together.
import type { Ticket, TicketEvent, TicketStatus } from './ticket.types.ts';
import { OPEN_STATUSES } from './transitions.ts';

/** States in which a ticket waits to be claimed: its accept deadline runs. */
export const AWAITING_CLAIM: readonly TicketStatus[] = OPEN_STATUSES.filter((s) => s !== 'ACCEPTED');

/** The event by which the deadline clock escalated a ticket that missed a deadline (超时上报). */
export function recordsMissedDeadline(e: Pick<TicketEvent, 'type' | 'data'>): boolean {
  return e.type === 'escalated' && e.data?.overdue !== undefined && e.data.overdue !== null;
}

/** A deadline in force that has passed. */
export function pastDue(t: Pick<Ticket, 'status' | 'acceptDueAt' | 'resolveDueAt'>, now: Date): boolean {
  return (t.resolveDueAt !== null && t.resolveDueAt < now) || (AWAITING_CLAIM.includes(t.status) && t.acceptDueAt !== null && t.acceptDueAt < now);
}

/** 超时: open, and past a deadline now or escalated for missing one (`missedBefore`: the store's answer for it). */
export function isOverdue(t: Pick<Ticket, 'status' | 'acceptDueAt' | 'resolveDueAt'>, now: Date, missedBefore: boolean): boolean {
  return OPEN_STATUSES.includes(t.status) && (missedBefore || pastDue(t, now));
}
