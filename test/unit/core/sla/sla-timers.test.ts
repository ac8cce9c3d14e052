import { describe, expect, it } from 'vitest';
import { slaMessages } from '../../../../src/core/sla/sla-messages.ts';
import {
  clockOf,
  digestKey,
  digestOf,
  nextDigest,
  plannedTimers,
  reminderTime,
  timerApplies,
  timerKey,
  timerKeys,
} from '../../../../src/core/sla/sla-timers.ts';
import type { Ticket } from '../../../../src/core/tickets/ticket.types.ts';

const created = new Date('2026-11-20T04:16:00Z'); // Friday 12:16 in China
const ticket = (over: Partial<Ticket> = {}): Ticket => ({
  id: 7,
  number: 12,
  status: 'REPORTED',
  category: 'facility_repair',
  summary: '井盖破损',
  place: {},
  urgency: 'NORMAL',
  complex: false,
  groupId: 1,
  gridNodeId: 1,
  reporterId: 1,
  assigneeId: 2,
  transferredTo: null,
  escalationLevel: 0,
  acceptDueAt: new Date('2026-11-23T10:00:00Z'),
  resolveDueAt: new Date('2026-11-25T10:00:00Z'),
  reporterCount: 1,
  duplicateOfId: null,
  satisfaction: null,
  result: null,
  version: 0,
  createdAt: created,
  updatedAt: created,
  acceptedAt: null,
  resolvedAt: null,
  closedAt: null,
  ...over,
});

describe('which deadline a ticket waits on', () => {
  it('waits to be accepted when reported, reopened, transferred or escalated; to be resolved when accepted', () => {
    for (const s of ['REPORTED', 'REOPENED', 'TRANSFERRED', 'ESCALATED'] as const) expect(clockOf(s)).toBe('accept');
    expect(clockOf('ACCEPTED')).toBe('resolve');
    for (const s of ['RESOLVED', 'CLOSED', 'REJECTED'] as const) expect(clockOf(s)).toBeNull();
  });
});

describe('timer plan', () => {
  it('keys a timer by ticket, deadline, kind and due date, so a changed deadline is a new job', () => {
    const due = new Date('2026-11-23T10:00:00Z');
    expect(timerKey(7, 'accept', 'breach', due)).toBe(`sla:7:accept-breach:${due.getTime()}`);
    expect(timerKey(7, 'accept', 'breach', due.getTime())).toBe(timerKey(7, 'accept', 'breach', due));
    expect(timerKey(7, 'accept', 'breach', new Date(due.getTime() + 1))).not.toBe(timerKey(7, 'accept', 'breach', due));
    expect(digestKey('2026-11-23')).toBe('sla:digest:2026-11-23');
  });

  it('reminds at 80% of the time from the clock start and breaches at the deadline', () => {
    const t = ticket();
    const [remind, breach] = plannedTimers(t, created, 0.8);
    // Friday 04:16Z → Monday 10:00Z is 77h44m; 80% of it is 62h11.2m
    expect(remind).toMatchObject({ name: 'remind', data: { ticketId: 7, clock: 'accept', dueAt: t.acceptDueAt!.getTime() } });
    expect(remind!.runAt.toISOString()).toBe('2026-11-22T18:27:12.000Z');
    expect(breach).toMatchObject({ name: 'breach', runAt: t.acceptDueAt, key: `sla:7:accept-breach:${t.acceptDueAt!.getTime()}` });
  });

  it('uses the resolve deadline once accepted and plans nothing for a finished ticket', () => {
    expect(plannedTimers(ticket({ status: 'ACCEPTED' }), created, 0.8).map((p) => p.data.dueAt)).toEqual([
      Date.parse('2026-11-25T10:00:00Z'),
      Date.parse('2026-11-25T10:00:00Z'),
    ]);
    expect(plannedTimers(ticket({ status: 'RESOLVED' }), created, 0.8)).toEqual([]);
    expect(plannedTimers(ticket({ acceptDueAt: null }), created, 0.8)).toEqual([]);
  });

  it('lists the keys to cancel from the current due dates', () => {
    expect(timerKeys(ticket(), ['accept'])).toEqual([
      `sla:7:accept-remind:${Date.parse('2026-11-23T10:00:00Z')}`,
      `sla:7:accept-breach:${Date.parse('2026-11-23T10:00:00Z')}`,
    ]);
    expect(timerKeys(ticket())).toHaveLength(4);
  });

  it('never reminds before the clock started', () => {
    expect(reminderTime(new Date(10_000), new Date(5_000), 0.8).getTime()).toBe(10_000);
  });
});

describe('a timer that fires', () => {
  const job = { ticketId: 7, clock: 'accept' as const, dueAt: Date.parse('2026-11-23T10:00:00Z') };
  it('applies while the ticket waits on the same deadline', () => {
    expect(timerApplies(ticket(), job)).toBe(true);
  });
  it('is stale once the ticket was claimed, finished, deleted or given a new due date', () => {
    expect(timerApplies(ticket({ status: 'ACCEPTED' }), job)).toBe(false);
    expect(timerApplies(ticket({ status: 'CLOSED' }), job)).toBe(false);
    expect(timerApplies(null, job)).toBe(false);
    expect(timerApplies(ticket({ status: 'ESCALATED', acceptDueAt: new Date('2026-11-24T10:00:00Z') }), job)).toBe(false);
  });
});

describe('daily digest', () => {
  it('is next at 08:30 China time: today if still ahead, else tomorrow', () => {
    // 2026-11-20 00:00Z is 08:00 in China
    expect(nextDigest(new Date('2026-11-20T00:00:00Z'), '08:30')).toEqual({ date: '2026-11-20', at: new Date('2026-11-20T00:30:00Z') });
    expect(nextDigest(new Date('2026-11-20T00:30:00Z'), '08:30')).toEqual({ date: '2026-11-21', at: new Date('2026-11-21T00:30:00Z') });
    // 23:00Z on the 20th is already the 21st in China
    expect(nextDigest(new Date('2026-11-20T23:00:00Z'), '08:30').date).toBe('2026-11-21');
  });

  it('sorts open tickets into due today and overdue by the deadline each waits on', () => {
    const now = new Date('2026-11-23T00:30:00Z'); // Monday 08:30 China
    const overdue = ticket({ number: 1, acceptDueAt: new Date('2026-11-20T10:00:00Z') });
    const today = ticket({ number: 2 }); // accept due Monday 18:00
    const acceptedLater = ticket({ number: 3, status: 'ACCEPTED' }); // resolve due Wednesday
    const c = digestOf([overdue, today, acceptedLater], now);
    expect(c.overdue.map((t) => t.number)).toEqual([1]);
    expect(c.dueToday.map((t) => t.number)).toEqual([2]);
    expect(slaMessages.digest('2026-11-23', c)).toBe('今日工单（11月23日）：在办 3 件；今日到期 1 件：#2；已超时 1 件：#1。');
    expect(slaMessages.digest('2026-11-23', digestOf([acceptedLater], now))).toBe('今日工单（11月23日）：在办 1 件；今日无到期。');
  });

  it('counts a ticket escalated for missing a deadline as overdue, whatever its new deadline (as the list and the overview do)', () => {
    const now = new Date('2026-11-23T00:30:00Z');
    const escalated = ticket({ id: 7, number: 7 }); // its new accept deadline is Monday 18:00, at the community
    expect(digestOf([escalated], now, new Set([7])).overdue.map((t) => t.number)).toEqual([7]);
    expect(digestOf([escalated], now, new Set([7])).dueToday).toEqual([]);
  });
});

describe('messages', () => {
  it('reminds in one short sentence', () => {
    expect(slaMessages.reminder(ticket(), 'resolve', new Date('2026-11-25T10:00:00Z'))).toBe('工单 #12（设施维修）将于 11月25日18:00 到期，请尽快办理。');
    expect(slaMessages.reminder(ticket(), 'accept', new Date('2026-11-23T10:00:00Z'))).toBe('工单 #12（设施维修）将于 11月23日18:00 到期，请尽快认领。');
  });
});
