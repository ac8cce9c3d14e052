// Urgent tickets have their own deadlines: accepted within clock hours, resolved within fewer working days.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICY, dueDates, policyFor } from '../../../../src/core/sla/deadlines.ts';
import { calendar } from '../patrol/fixtures.ts';

/** Friday 2026-11-20 17:30 China time. */
const FRIDAY_EVENING = new Date('2026-11-20T09:30:00Z');

describe('urgent deadlines', () => {
  it('by default: accept within 2 hours (even after office hours), resolve by the next working day 18:00', () => {
    const d = dueDates(calendar, DEFAULT_SLA_POLICY, FRIDAY_EVENING, 'URGENT');
    expect(d.acceptDueAt.toISOString()).toBe('2026-11-20T11:30:00.000Z');
    expect(d.resolveDueAt.toISOString()).toBe('2026-11-23T10:00:00.000Z');
  });

  it('differs from a normal ticket and from an emergency', () => {
    const normal = dueDates(calendar, DEFAULT_SLA_POLICY, FRIDAY_EVENING, 'NORMAL');
    const urgent = dueDates(calendar, DEFAULT_SLA_POLICY, FRIDAY_EVENING, 'URGENT');
    const emergency = dueDates(calendar, DEFAULT_SLA_POLICY, FRIDAY_EVENING, 'EMERGENCY');
    expect(urgent.acceptDueAt < normal.acceptDueAt).toBe(true);
    expect(urgent.resolveDueAt < normal.resolveDueAt).toBe(true);
    expect(emergency.acceptDueAt < urgent.acceptDueAt).toBe(true);
  });

  it('follows the configured policy, per category too; a complex urgent ticket gets the complex days', () => {
    const policy = { ...DEFAULT_SLA_POLICY, urgentAcceptHours: 4, byCategory: { fire_safety: { urgentAcceptHours: 1, urgentResolveWorkdays: 2 } } };
    expect(dueDates(calendar, policyFor(policy, 'noise'), FRIDAY_EVENING, 'URGENT').acceptDueAt.toISOString()).toBe('2026-11-20T13:30:00.000Z');
    const fire = dueDates(calendar, policyFor(policy, 'fire_safety'), FRIDAY_EVENING, 'URGENT');
    expect(fire.acceptDueAt.toISOString()).toBe('2026-11-20T10:30:00.000Z');
    expect(fire.resolveDueAt.toISOString()).toBe('2026-11-24T10:00:00.000Z');
    expect(dueDates(calendar, DEFAULT_SLA_POLICY, FRIDAY_EVENING, 'URGENT', true).resolveDueAt.toISOString()).toBe('2026-11-27T10:00:00.000Z');
  });
});
