import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../../../src/core/errors.ts';
import { TICKET_STATUSES, type TicketStatus } from '../../../../src/core/tickets/ticket.types.ts';
import { canMove, nextStatus, TRANSITIONS, type TicketMove } from '../../../../src/core/tickets/transitions.ts';

describe('ticket transition table', () => {
  const legal: [TicketStatus, TicketMove, TicketStatus][] = [
    ['REPORTED', 'claim', 'ACCEPTED'],
    ['REOPENED', 'claim', 'ACCEPTED'],
    ['TRANSFERRED', 'claim', 'ACCEPTED'],
    ['ESCALATED', 'claim', 'ACCEPTED'],
    ['ACCEPTED', 'resolve', 'RESOLVED'],
    ['RESOLVED', 'close', 'CLOSED'],
    ['RESOLVED', 'reopen', 'REOPENED'],
    ['ACCEPTED', 'transfer', 'TRANSFERRED'],
    ['ACCEPTED', 'escalate', 'ESCALATED'],
    ['REPORTED', 'reject', 'REJECTED'],
  ];
  it.each(legal)('%s --%s--> %s', (from, move, to) => {
    expect(nextStatus(from, move)).toBe(to);
  });

  it('closed and rejected tickets are final', () => {
    for (const move of Object.keys(TRANSITIONS) as TicketMove[]) {
      expect(canMove('CLOSED', move)).toBe(false);
      expect(canMove('REJECTED', move)).toBe(false);
    }
  });

  it('a ticket is resolved only after someone has it in hand, and rated only when resolved', () => {
    const notAccepted = TICKET_STATUSES.filter((s) => s !== 'ACCEPTED');
    for (const s of notAccepted) expect(canMove(s, 'resolve')).toBe(false);
    for (const s of TICKET_STATUSES.filter((x) => x !== 'RESOLVED')) {
      expect(canMove(s, 'close')).toBe(false);
      expect(canMove(s, 'reopen')).toBe(false);
    }
  });

  it('refuses an illegal move with ILLEGAL_TRANSITION and the details to explain it', () => {
    let error: unknown;
    try {
      nextStatus('CLOSED', 'claim', 12);
    } catch (e) {
      error = e;
    }
    expect(isDomainError(error, 'ILLEGAL_TRANSITION')).toBe(true);
    expect((error as { details: unknown }).details).toEqual({ from: 'CLOSED', move: 'claim', ticketNo: 12 });
  });
});
