// What the Redis ticket relay sends: a change with its dates as dates again on the other side, and chat text that
// looks like an encoded date staying text.
import { describe, expect, it } from 'vitest';
import { decodeChange, encodeChange } from '../../../src/adapters/redis/redis-ticket-relay.ts';
import type { TicketChange } from '../../../src/core/events/ticket-events.ts';

describe('the ticket relay codec', () => {
  it('keeps dates and leaves date-like text alone', () => {
    const at = new Date('2026-12-07T01:00:00.000Z');
    const change = {
      ticket: { number: 7, summary: '{"$date":"2026-12-07T01:00:00.000Z"}', createdAt: at, acceptDueAt: null, updatedAt: new Date(at.getTime() + 1) },
      event: { type: 'reported', at, note: '2026-12-07T01:00:00.000Z', fromStatus: null, toStatus: 'REPORTED' },
    } as unknown as TicketChange;
    const back = decodeChange(encodeChange(change));
    expect(back).toEqual(change);
    expect(back.ticket.createdAt).toBeInstanceOf(Date);
    expect(back.ticket.acceptDueAt).toBeNull();
    expect(typeof back.ticket.summary).toBe('string');
    expect(typeof back.event.note).toBe('string');
  });
});
