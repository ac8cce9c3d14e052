import { describe, expect, it } from 'vitest';
import { ratesOf, zeroCounts } from '../../../../src/core/stats/stats.types.ts';
import { statDay, tally } from '../../../../src/core/stats/tally.ts';

const due = new Date('2026-12-08T10:00:00Z');
const ticket = { acceptDueAt: due, resolveDueAt: due };
const at = (iso: string) => new Date(iso);

describe('tally', () => {
  it('judges a claim and a result by the deadline the event records, else by the ticket\'s', () => {
    expect(tally({ type: 'claimed', at: at('2026-12-08T10:00:00Z'), data: null }, ticket)).toEqual({ accepted: 1, acceptedOnTime: 1 });
    expect(tally({ type: 'claimed', at: at('2026-12-08T10:00:01Z'), data: null }, ticket)).toEqual({ accepted: 1, acceptedOnTime: 0 });
    // the deadline in force then (a later clock moved the ticket's own)
    expect(tally({ type: 'resolved', at: at('2026-12-08T11:00:00Z'), data: { dueAt: '2026-12-08T09:00:00.000Z' } }, ticket)).toEqual({ resolved: 1, resolvedOnTime: 0 });
    expect(tally({ type: 'resolved', at: at('2026-12-09T11:00:00Z'), data: { dueAt: null } }, ticket)).toEqual({ resolved: 1, resolvedOnTime: 1 });
  });

  it('counts a claim taken back no more, as it was counted (on time or late by its own time)', () => {
    expect(tally({ type: 'unclaimed', at: at('2026-12-09T10:00:00Z'), data: { claimedAt: '2026-12-08T09:00:00.000Z', dueAt: '2026-12-08T10:00:00.000Z' } }, ticket)).toEqual({ accepted: -1, acceptedOnTime: -1 });
    expect(tally({ type: 'unclaimed', at: at('2026-12-09T10:00:00Z'), data: { claimedAt: '2026-12-08T11:00:00.000Z', dueAt: '2026-12-08T10:00:00.000Z' } }, ticket)).toEqual({ accepted: -1, acceptedOnTime: 0 });
  });

  it('counts ratings, escalations by the clock, and nothing for notes', () => {
    expect(tally({ type: 'closed', at: due, data: { satisfaction: 'BASIC' } }, ticket)).toEqual({ closed: 1, rated: 1, satisfied: 1 });
    expect(tally({ type: 'reopened', at: due, data: { satisfaction: 'UNSATISFIED' } }, ticket)).toEqual({ reopened: 1, rated: 1 });
    expect(tally({ type: 'escalated', at: due, data: { overdue: { clock: 'accept' } } }, ticket)).toEqual({ escalated: 1, acceptOverdue: 1 });
    expect(tally({ type: 'escalated', at: due, data: { overdue: { clock: 'resolve' } } }, ticket)).toEqual({ escalated: 1, resolveOverdue: 1 });
    expect(tally({ type: 'escalated', at: due, data: { level: 'COMMUNITY' } }, ticket)).toEqual({ escalated: 1 });
    expect(tally({ type: 'progress', at: due, data: null }, ticket)).toBeNull();
    expect(tally({ type: 'recategorized', at: due, data: null }, ticket)).toBeNull();
  });

  it('puts an event on its China date', () => {
    expect(statDay(at('2026-12-08T15:59:59Z'))).toBe('2026-12-08');
    expect(statDay(at('2026-12-08T16:00:00Z'))).toBe('2026-12-09');
  });
});

describe('ratesOf', () => {
  it('divides as README defines, null without a denominator', () => {
    const c = { ...zeroCounts(), accepted: 3, acceptedOnTime: 1, acceptOverdue: 1, resolved: 3, resolvedOnTime: 2, rated: 4, satisfied: 3, reopened: 1 };
    expect(ratesOf(c)).toEqual({ response: 0.25, onTimeResolution: 0.6667, satisfaction: 0.75, reopen: 0.3333 });
    expect(ratesOf(zeroCounts())).toEqual({ response: null, onTimeResolution: null, satisfaction: null, reopen: null });
  });
});
