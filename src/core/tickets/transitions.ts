// The ticket state machine. Every move is in this table; anything else is refused with ILLEGAL_TRANSITION.
import { DomainError, ErrorCode } from '../errors.ts';
import type { TicketStatus } from './ticket.types.ts';

export type TicketMove = 'claim' | 'resolve' | 'transfer' | 'escalate' | 'reject' | 'close' | 'reopen' | 'deliberate';

const OPEN_FOR_WORK: readonly TicketStatus[] = ['REPORTED', 'REOPENED', 'TRANSFERRED', 'ESCALATED'];

export const TRANSITIONS: Record<TicketMove, { from: readonly TicketStatus[]; to: TicketStatus }> = {
  // reported/reopened/transferred/escalated tickets wait for someone to claim them
  claim: { from: OPEN_FOR_WORK, to: 'ACCEPTED' },
  resolve: { from: ['ACCEPTED'], to: 'RESOLVED' },
  transfer: { from: ['REPORTED', 'ACCEPTED', 'REOPENED', 'ESCALATED'], to: 'TRANSFERRED' },
  escalate: { from: ['REPORTED', 'ACCEPTED', 'REOPENED', 'TRANSFERRED'], to: 'ESCALATED' },
  reject: { from: ['REPORTED', 'ACCEPTED', 'REOPENED', 'TRANSFERRED', 'ESCALATED'], to: 'REJECTED' },
  // the resident's verdict on a resolved ticket: satisfied closes, unsatisfied reopens
  close: { from: ['RESOLVED'], to: 'CLOSED' },
  reopen: { from: ['RESOLVED'], to: 'REOPENED' },
  // 转议题: an open ticket that needs the residents' decision, not a repair, is closed and carried on as a topic
  deliberate: { from: ['REPORTED', 'ACCEPTED', 'REOPENED', 'TRANSFERRED', 'ESCALATED'], to: 'CLOSED' },
};

/** States in which progress notes may be added. */
export const IN_HAND: readonly TicketStatus[] = ['ACCEPTED', 'TRANSFERRED', 'ESCALATED', 'REOPENED'];
export const TERMINAL: readonly TicketStatus[] = ['CLOSED', 'REJECTED'];
export const OPEN_STATUSES: readonly TicketStatus[] = ['REPORTED', 'ACCEPTED', 'REOPENED', 'TRANSFERRED', 'ESCALATED'];

export function canMove(from: TicketStatus, move: TicketMove): boolean {
  return TRANSITIONS[move].from.includes(from);
}

/** The target state of a legal move; throws ILLEGAL_TRANSITION otherwise. */
export function nextStatus(from: TicketStatus, move: TicketMove, ticketNo?: number): TicketStatus {
  if (!canMove(from, move)) {
    throw new DomainError(ErrorCode.IllegalTransition, `cannot ${move} a ticket in state ${from}`, {
      from,
      move,
      ticketNo,
    });
  }
  return TRANSITIONS[move].to;
}
