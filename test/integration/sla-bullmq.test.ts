// Deadline timers on real BullMQ (Redis, a prefix of this run's own): the delayed reminder and breach jobs fire through
// BullMQ's own worker, and a restart — same prefix, or the prefix flushed — reconciles the timers from the store.
//
// Short real delays come from the policy and the clock, not from sleeping: with acceptWorkdays 0 a ticket is due at the
// end of office hours of its own day, and the clock stands a few seconds before that end.
import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLinli, type Linli } from '../../src/app.ts';
import { createBullmqQueues } from '../../src/adapters/bullmq/bullmq-job-queues.ts';
import { createLayeredCalendar } from '../../src/adapters/calendar/layered.calendar.ts';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import { MemoryChatGateway } from '../../src/adapters/memory/memory-chat.gateway.ts';
import type { JobQueues } from '../../src/core/ports/job-queue.port.ts';
import type { Outbox, OutgoingMessage } from '../../src/core/ports/outbox.port.ts';
import { DEFAULT_SLA_POLICY, type SlaPolicies } from '../../src/core/sla/deadlines.ts';
import { createSla, type Sla } from '../../src/core/sla/sla.service.ts';
import { SLA_QUEUE, type SlaTimerJob } from '../../src/core/sla/sla-timers.ts';
import type { Ticket } from '../../src/core/tickets/ticket.types.ts';
import { freshStore } from '../support/databases.ts';
import { dropRedisPrefix, TEST_REDIS_URL } from '../support/redis.ts';
import { scriptedTriage } from '../support/scripted-triage.ts';
import { SMALL_GRID } from '../support/small-grid.ts';

const cn = (local: string) => new Date(`${local}+08:00`);
const ZHANG = { id: 'wx-zhang', name: '张阿姨' };
const HUANG = 'wx-huang'; // community staff of C1: the first step of the escalation chain
const triage = scriptedTriage([['路灯', { category: 'facility_repair', summary: '20号楼门口路灯不亮' }]]);

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function world(now: Date, policy: SlaPolicies) {
  const prefix = `linli-test-sla-${process.pid}-${randomBytes(4).toString('hex')}`;
  cleanups.push(() => dropRedisPrefix(prefix));
  const { store, dispose } = await freshStore('pglite');
  cleanups.push(dispose);
  await store.grid.importSpec(SMALL_GRID);
  let at = now;
  const clock = { now: () => at, set: (d: Date) => void (at = d) };
  const { logger } = createMemoryLogger('warn');
  const sent: OutgoingMessage[] = [];
  const outbox: Outbox = { send: async (m) => void (sent.some((s) => s.key === m.key) || sent.push(m)) };
  const calendar = createLayeredCalendar();
  let sla: Sla | undefined;
  const linli: Linli = createLinli({
    store, triage, logger, clock, calendar, policy, outbox,
    gateways: { WECHAT: new MemoryChatGateway('WECHAT') },
    onTicketChange: async (t, e) => void (await sla?.onTicketChange(t, e)),
  });
  /** A process: BullMQ queues on the prefix and a started deadline engine (what `linli start` runs). */
  const startProcess = async () => {
    const queues: JobQueues = createBullmqQueues({ connection: TEST_REDIS_URL, prefix });
    const engine = createSla({ store, tickets: linli.tickets, router: linli.router, queues, outbox, calendar, policy, clock, logger });
    let stopping: Promise<void> | undefined;
    const stop = () => (stopping ??= engine.stop().then(() => queues.close()));
    cleanups.push(stop);
    // subscribed before start, as createLinli does: start's reconcile may escalate at once, and the escalation's change
    // must reach this engine, not the stopped one
    sla = engine;
    await engine.start();
    return { queues, stop };
  };
  const inspector = new Queue(SLA_QUEUE, { connection: { url: TEST_REDIS_URL }, prefix });
  cleanups.push(() => inspector.close());
  /** The delayed timers of a ticket as Redis holds them. */
  const timers = async (t: Ticket) =>
    (await inspector.getDelayed())
      .filter((j) => (j.data as SlaTimerJob).ticketId === t.id)
      .map((j) => `${j.name}:${(j.data as SlaTimerJob).clock}:${(j.data as SlaTimerJob).dueAt}`)
      .sort();
  let seq = 0;
  const report = async (text: string) => {
    await linli.handleNow([{
      platform: 'WECHAT', externalId: `in-${++seq}`, groupExternalId: 'room-20', sender: { externalId: ZHANG.id, name: ZHANG.name }, text, sentAt: clock.now(),
    }]);
    return (await store.tickets.list({ limit: 1 }))[0]!;
  };
  const to = (user: string) => sent.filter((m) => 'user' in m.to && m.to.user === user);
  const identityOf = async (personId: number) => (await store.people.identities(personId))[0]!.externalId;
  return { store, clock, sent, to, report, timers, startProcess, prefix, identityOf };
}

describe('deadline timers on BullMQ', { timeout: 120_000 }, () => {
  it('fires the delayed reminder and breach jobs through the BullMQ worker', async () => {
    // due today at 18:00 (acceptWorkdays 0); the clock stands 12 s before: reminder in 6 s, breach in 12 s (real time)
    const policy = { ...DEFAULT_SLA_POLICY, acceptWorkdays: 0, reminderAt: 0.5 };
    const w = await world(cn('2026-09-25T17:59:48'), policy); // a Friday, a working day
    await w.startProcess();
    const t = await w.report('20号楼门口路灯坏了，快来看看');
    expect(t.acceptDueAt).toEqual(cn('2026-09-25T18:00:00'));
    // both timers wait in Redis as delayed jobs
    expect(await w.timers(t)).toEqual([`breach:accept:${t.acceptDueAt!.getTime()}`, `remind:accept:${t.acceptDueAt!.getTime()}`]);
    const assignee = await w.identityOf(t.assigneeId!);

    await vi.waitFor(() => expect(w.to(assignee)).toHaveLength(1), { timeout: 20_000, interval: 50 });
    expect(w.to(assignee)[0]!.text).toContain(`#${t.number}`);
    expect(w.to(HUANG)).toHaveLength(0);
    // the next morning (a Monday): the escalation's new clock runs to 18:00 of that day, not again at once
    w.clock.set(cn('2026-09-28T09:00:00'));

    await vi.waitFor(async () => expect((await w.store.tickets.findById(t.id))!.escalationLevel).toBe(1), { timeout: 20_000, interval: 50 });
    await vi.waitFor(() => expect(w.to(HUANG)).toHaveLength(1), { timeout: 5000, interval: 50 });
    const escalated = (await w.store.tickets.findById(t.id))!;
    expect(escalated).toMatchObject({ status: 'ESCALATED', acceptDueAt: cn('2026-09-28T18:00:00') });
    expect(await w.timers(t)).toContain(`breach:accept:${cn('2026-09-28T18:00:00').getTime()}`);
  });

  it('reconciles on restart: a flushed prefix gets the timers back, an overdue one fires once', async () => {
    const w = await world(cn('2026-09-25T10:00:00'), DEFAULT_SLA_POLICY);
    const first = await w.startProcess();
    const t = await w.report('20号楼门口路灯坏了');
    expect(t.acceptDueAt).toEqual(cn('2026-09-28T18:00:00')); // Friday's report, due Monday
    const before = await w.timers(t);
    expect(before).toHaveLength(2);

    // a second process on the same prefix: the timers are there already, reconcile adds nothing
    const second = await w.startProcess();
    expect(await w.timers(t)).toEqual(before);
    expect((await second.queues.queue(SLA_QUEUE).counts()).delayed).toBe(3); // two timers and the next digest
    await second.stop();
    await first.stop();

    // Redis flushed while down: a restart re-creates the timers from the store
    await dropRedisPrefix(w.prefix);
    expect(await w.timers(t)).toEqual([]);
    const third = await w.startProcess();
    expect(await w.timers(t)).toEqual(before);
    await third.stop();

    // down past the deadline (Monday 18:00) and flushed again: the restart escalates at once, through the worker, once
    await dropRedisPrefix(w.prefix);
    w.clock.set(cn('2026-09-29T12:00:00'));
    await w.startProcess();
    await vi.waitFor(async () => expect((await w.store.tickets.findById(t.id))!.escalationLevel).toBe(1), { timeout: 20_000, interval: 50 });
    await vi.waitFor(() => expect(w.to(HUANG)).toHaveLength(1), { timeout: 5000, interval: 50 });
    const escalated = (await w.store.tickets.findById(t.id))!;
    expect(escalated.acceptDueAt).toEqual(cn('2026-09-30T18:00:00')); // a new clock from Tuesday noon
    // the new level's timer is queued by the SLA's subscription to the committed change, just after the write
    await vi.waitFor(async () => expect(await w.timers(t)).toContain(`breach:accept:${escalated.acceptDueAt!.getTime()}`), { timeout: 5000, interval: 50 });
    expect((await w.store.tickets.events(t.id)).filter((e) => e.type === 'escalated')).toHaveLength(1);
  });
});
