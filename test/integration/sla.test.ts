// Deadline timers end to end: the real TicketService and assistant on a PGlite store, the official calendar
// (chinese-days), a fake clock, and the in-process job queue.
//
// How simulated time drives the timers: the SLA service computes every job's delay from the injected Clock
// (delay = runAt − clock.now()). Days of simulated time cannot pass on the memory queue's real setTimeout, so the
// tests wrap the memory queue in a thin recorder (`simulatedQueues`) that notes each job's run time
// (fake now + delayMs) and passes add/remove on to the real memory queue; `runDue(t)` then moves the fake clock to each
// due job in order and calls `sla.handle` — the very handler the queue's worker runs — with the job the queue would
// have run, and removes it as the queue does on completion. One test runs `start()` on a plain memory queue to prove
// that the worker and reconcile work with real (zero) delays too.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLinli, type Linli } from '../../src/app.ts';
import { chineseDaysCalendar } from '../../src/adapters/calendar/chinese-days.calendar.ts';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import { MemoryChatGateway } from '../../src/adapters/memory/memory-chat.gateway.ts';
import { createMemoryQueues } from '../../src/adapters/memory/memory-job-queues.ts';
import type { JobOptions, JobQueue, JobQueues } from '../../src/core/ports/job-queue.port.ts';
import type { Outbox, OutgoingMessage } from '../../src/core/ports/outbox.port.ts';
import { createSla, type Sla } from '../../src/core/sla/sla.service.ts';
import { cachedScope } from '../../src/adapters/http/patrol.routes.ts';
import { ticketRows } from '../../src/adapters/http/ticket-views.ts';
import { OverviewService } from '../../src/core/stats/overview.service.ts';
import type { SlaJobData } from '../../src/core/sla/sla-timers.ts';
import type { Ticket } from '../../src/core/tickets/ticket.types.ts';
import { freshStore } from '../support/databases.ts';
import { scriptedTriage } from '../support/scripted-triage.ts';
import { SMALL_GRID } from '../support/small-grid.ts';

const ROOM = 'room-20';
const ZHANG = { id: 'wx-zhang', name: '张阿姨' };
const LIN = { id: 'wx-lin', name: '林网格员' };
const CHEN = { id: 'wx-chen', name: '陈网格员' };
const HUANG = 'wx-huang'; // community staff of C1
const XU = 'wx-xu'; // street staff of S1

/** China-local "YYYY-MM-DDTHH:MM" → instant. */
const cn = (local: string) => new Date(`${local}:00+08:00`);

const triage = scriptedTriage([
  // normal on purpose: these tests walk working-day deadlines; an urgent ticket's clock hours are in hazard-ticket.test.ts
  ['井盖', { category: 'facility_repair', summary: '20号楼门口污水井盖破损', urgency: 'normal' }],
  ['电梯', { category: 'facility_repair', summary: '电梯故障' }],
  ['路灯', { category: 'facility_repair', summary: '路灯不亮' }],
  ['噪音', { category: 'noise', summary: '夜间装修噪音' }],
]);

interface Scheduled {
  queue: string;
  id: string;
  name: string;
  data: unknown;
  runAt: number;
}

/** The memory queues, with a record of what is scheduled when (see the note at the top). */
function simulatedQueues(now: () => Date) {
  const real = createMemoryQueues();
  const scheduled = new Map<string, Scheduled>();
  const wrapped = new Map<string, JobQueue<unknown>>();
  const queues: JobQueues = {
    kind: 'memory',
    queue<T>(name: string): JobQueue<T> {
      let w = wrapped.get(name);
      if (!w) {
        const q = real.queue<unknown>(name);
        w = {
          name,
          async add(jobName: string, data: unknown, options: JobOptions = {}) {
            const id = await q.add(jobName, data, options);
            // an existing id is a no-op, as on the real queue
            if (!scheduled.has(id)) {
              scheduled.set(id, { queue: name, id, name: jobName, data: JSON.parse(JSON.stringify(data)), runAt: now().getTime() + (options.delayMs ?? 0) });
            }
            return id;
          },
          async addMany(jobs) {
            const ids: string[] = [];
            for (const j of jobs) ids.push(await this.add(j.name, j.data, j.options));
            return ids;
          },
          async remove(jobId: string) {
            scheduled.delete(jobId);
            await q.remove(jobId);
          },
          process: (h, o) => q.process(h, o),
          failed: (l) => q.failed(l),
          retry: (id) => q.retry(id),
          counts: () => q.counts(),
          close: () => q.close(),
        };
        wrapped.set(name, w);
      }
      return w as JobQueue<T>;
    },
    close: () => real.close(),
  };
  return { queues, scheduled };
}

/** Records what is sent; a key already sent is sent once (as the real outboxes do). */
function recordingOutbox(now: () => Date) {
  const sent: (OutgoingMessage & { at: Date })[] = [];
  const outbox: Outbox = {
    async send(m) {
      if (!sent.some((s) => s.key === m.key)) sent.push({ ...m, at: now() });
    },
  };
  const to = (user: string) => sent.filter((m) => 'user' in m.to && m.to.user === user);
  return { outbox, sent, to };
}

interface World {
  linli: Linli;
  sla: Sla;
  clock: { now: () => Date; set(d: Date): void };
  scheduled: Map<string, Scheduled>;
  sent: ReturnType<typeof recordingOutbox>['sent'];
  to: (user: string) => ReturnType<typeof recordingOutbox>['sent'];
  /** A fresh SLA on a fresh queue: what a restart after a Redis flush sees. */
  loseQueue(): Promise<void>;
  report(text: string, from?: { id: string; name: string }): Promise<Ticket>;
  say(from: { id: string; name: string }, text: string): Promise<void>;
  /** Runs the due jobs in time order up to `until` (jobs they add included), moving the clock to each. */
  runDue(until: Date, only?: (s: Scheduled) => boolean): Promise<Scheduled[]>;
  timers(ticket: Ticket): Scheduled[];
  dispose(): Promise<void>;
}

const worlds: World[] = [];
afterEach(async () => {
  for (const w of worlds.splice(0)) await w.dispose();
});

async function world(start: Date): Promise<World> {
  const { store, dispose } = await freshStore('pglite');
  await store.grid.importSpec(SMALL_GRID);
  let now = start;
  const clock = { now: () => now, set: (d: Date) => void (now = d) };
  const { logger } = createMemoryLogger();
  const rec = recordingOutbox(clock.now);
  let sla: Sla | undefined;
  const linli = createLinli({
    store,
    triage,
    gateways: { WECHAT: new MemoryChatGateway('WECHAT') },
    logger,
    calendar: chineseDaysCalendar,
    clock,
    onTicketChange: (t, e) => sla!.onTicketChange(t, e),
  });
  let sim = simulatedQueues(clock.now);
  const openedQueues = [sim.queues];
  const make = () =>
    createSla({ store, tickets: linli.tickets, router: linli.router, queues: sim.queues, outbox: rec.outbox, calendar: chineseDaysCalendar, clock, logger });
  sla = make();
  let seq = 0;
  const w: World = {
    linli,
    get sla() {
      return sla!;
    },
    clock,
    get scheduled() {
      return sim.scheduled;
    },
    sent: rec.sent,
    to: rec.to,
    async loseQueue() {
      sim = simulatedQueues(clock.now);
      openedQueues.push(sim.queues);
      sla = make();
    },
    async say(from, text) {
      await linli.handleNow([{
        platform: 'WECHAT',
        externalId: `in-${++seq}`,
        groupExternalId: ROOM,
        sender: { externalId: from.id, name: from.name },
        text,
        sentAt: now,
      }]);
    },
    async report(text, from = ZHANG) {
      await w.say(from, text);
      return (await store.tickets.list({ limit: 1 }))[0]!;
    },
    async runDue(until, only = () => true) {
      const ran: Scheduled[] = [];
      for (;;) {
        const next = [...sim.scheduled.values()].filter((s) => s.runAt <= until.getTime() && only(s)).sort((a, b) => a.runAt - b.runAt)[0];
        if (!next) break;
        if (next.runAt > now.getTime()) now = new Date(next.runAt);
        // the queue drops a job once its handler has run
        await sim.queues.queue(next.queue).remove(next.id);
        await sla!.handle({ id: next.id, name: next.name, data: next.data as SlaJobData, attemptsMade: 0 });
        ran.push(next);
      }
      if (until.getTime() > now.getTime()) now = until;
      return ran;
    },
    timers: (t) => [...sim.scheduled.values()].filter((s) => s.id.startsWith(`sla:${t.id}:`)),
    async dispose() {
      for (const q of openedQueues) await q.close();
      await dispose();
    },
  };
  worlds.push(w);
  return w;
}

const ticket = (w: World, t: Ticket) => w.linli.tickets.get(t.number);

describe('deadline timers (National Day 2026 on the official calendar)', () => {
  it('reminds at 80%, escalates an overdue ticket to the community and then the street, each with a new clock', async () => {
    // Friday 2026-09-25 is the Mid-Autumn holiday, the weekend follows: the first working day is Monday the 28th
    const w = await world(cn('2026-09-25T10:00'));
    const t = await w.report('20号楼门口的污水井盖破损严重，快塌下去了');
    expect(t.acceptDueAt).toEqual(cn('2026-09-28T18:00'));
    expect(t.resolveDueAt).toEqual(cn('2026-09-30T18:00'));
    const reminderAt = new Date(t.createdAt.getTime() + 0.8 * (t.acceptDueAt!.getTime() - t.createdAt.getTime()));
    expect(reminderAt).toEqual(cn('2026-09-28T02:00')); // 80% of 80 hours
    expect(w.timers(t).map((s) => [s.id, new Date(s.runAt)])).toEqual([
      [`sla:${t.id}:accept-remind:${t.acceptDueAt!.getTime()}`, reminderAt],
      [`sla:${t.id}:accept-breach:${t.acceptDueAt!.getTime()}`, t.acceptDueAt],
    ]);

    await w.runDue(new Date(reminderAt.getTime() - 1));
    expect(w.to(LIN.id)).toEqual([]);
    await w.runDue(reminderAt);
    expect(w.to(LIN.id).map((m) => [m.text, m.at])).toEqual([[`工单 #${t.number}（设施维修）将于 9月28日18:00 到期，请尽快认领。`, reminderAt]]);
    expect((await ticket(w, t)).status).toBe('REPORTED');

    // breach at Monday 18:00: up to the community, whose new clock counts from now
    await w.runDue(cn('2026-09-28T18:00'));
    const atCommunity = await ticket(w, t);
    const huang = await w.linli.store.people.ensureByIdentity('WECHAT', HUANG, '黄主任');
    expect(atCommunity).toMatchObject({ status: 'ESCALATED', escalationLevel: 1, assigneeId: huang.id });
    expect(atCommunity.acceptDueAt).toEqual(cn('2026-09-29T18:00'));
    expect(atCommunity.resolveDueAt).toEqual(cn('2026-10-08T18:00')); // 9-29, 9-30, then the holiday to 10-07
    expect(w.to(HUANG).map((m) => [m.text, m.at])).toEqual([
      [`工单 #${t.number}（设施维修）超时未受理，已上报社区：20号楼门口污水井盖破损。请于 9月29日18:00 前认领。`, cn('2026-09-28T18:00')],
    ]);
    // the grid worker who held it hears it is no longer theirs, and whose it is now
    expect(w.to(LIN.id).at(-1)!.text).toBe(`工单 #${t.number}（设施维修）超时未受理，已上报社区，改由黄主任办理。如已在处理，请与其联系。`);
    const escalated = (await w.linli.tickets.timeline(t.id)).filter((e) => e.type === 'escalated');
    expect(escalated).toHaveLength(1);
    expect(escalated[0]).toMatchObject({ actorId: null, fromStatus: 'REPORTED', toStatus: 'ESCALATED', data: { level: 'COMMUNITY', notified: [huang.id] } });
    expect(escalated[0]!.note).toBe('超时未受理（时限 9月28日18:00），自动上报');
    expect(w.timers(t).map((s) => s.id)).toEqual([
      `sla:${t.id}:accept-remind:${atCommunity.acceptDueAt!.getTime()}`,
      `sla:${t.id}:accept-breach:${atCommunity.acceptDueAt!.getTime()}`,
    ]);

    // the community is reminded at 80% of its 24 hours, then the ticket goes on to the street
    await w.runDue(cn('2026-09-29T13:11'));
    expect(w.to(HUANG)).toHaveLength(1);
    await w.runDue(cn('2026-09-29T13:12'));
    expect(w.to(HUANG).at(-1)!.text).toBe(`工单 #${t.number}（设施维修）将于 9月29日18:00 到期，请尽快认领。`);
    await w.runDue(cn('2026-09-29T18:00'));
    const atStreet = await ticket(w, t);
    expect(atStreet).toMatchObject({ status: 'ESCALATED', escalationLevel: 2 });
    expect(atStreet.acceptDueAt).toEqual(cn('2026-09-30T18:00'));
    expect(atStreet.resolveDueAt).toEqual(cn('2026-10-09T18:00'));
    expect(w.to(XU).map((m) => m.text)).toEqual([
      `工单 #${t.number}（设施维修）超时未受理，已上报街道：20号楼门口污水井盖破损。请于 9月30日18:00 前认领。`,
    ]);
    // the community's holder is told in turn; the grid worker heard only the reminder and the hand-over: nothing stale fired
    expect(w.to(HUANG).at(-1)!.text).toMatch(new RegExp(`^工单 #${t.number}（设施维修）超时未受理，已上报街道，改由.+办理。`));
    expect(w.to(LIN.id)).toHaveLength(2);
  });

  it('cancels the accept timers on a claim and every timer on resolution: no reminder arrives', async () => {
    // Wednesday before the holiday: accept on Thursday 10-08, resolve on the make-up Saturday 10-10
    const w = await world(cn('2026-09-30T09:00'));
    const t = await w.report('3号楼电梯坏了');
    expect(t.acceptDueAt).toEqual(cn('2026-10-08T18:00'));
    expect(t.resolveDueAt).toEqual(cn('2026-10-10T18:00'));
    const acceptBreach = w.timers(t).find((s) => s.name === 'breach')!;

    w.clock.set(cn('2026-09-30T10:00'));
    await w.say(LIN, `认领 #${t.number}`);
    expect(w.timers(t).map((s) => s.id)).toEqual([
      `sla:${t.id}:resolve-remind:${t.resolveDueAt!.getTime()}`,
      `sla:${t.id}:resolve-breach:${t.resolveDueAt!.getTime()}`,
    ]);
    // the resolve reminder counts from the report: 80% of 9-30 09:00 → 10-10 18:00
    expect(new Date(w.timers(t)[0]!.runAt)).toEqual(cn('2026-10-08T16:12'));

    // a job that was already running when the claim came in finds nothing to do
    w.clock.set(t.acceptDueAt!);
    await w.sla.handle({ id: acceptBreach.id, name: 'breach', data: acceptBreach.data as SlaJobData, attemptsMade: 0 });
    expect((await ticket(w, t)).status).toBe('ACCEPTED');

    await w.say(LIN, `办结 #${t.number} 电梯已修好`);
    expect((await ticket(w, t)).status).toBe('RESOLVED');
    expect(w.timers(t)).toEqual([]);
    await w.runDue(cn('2026-10-31T00:00'));
    expect(w.sent).toEqual([]);
    expect((await ticket(w, t)).escalationLevel).toBe(0);
  });

  it('reconciles after the queue is lost: re-creates the timers and fires an overdue one once', async () => {
    const w = await world(cn('2026-09-25T10:00'));
    const late = await w.report('20号楼井盖坏了');
    w.clock.set(cn('2026-09-25T10:05'));
    const inHand = await w.report('路灯不亮', { id: 'wx-li', name: '李先生' });
    await w.say(CHEN, `认领 #${inHand.number}`);
    const lostKeys = [...w.scheduled.keys()].sort();

    // Redis flushed (or the sandbox restarted): nothing is scheduled; meanwhile the first ticket's deadline passed
    await w.loseQueue();
    w.clock.set(cn('2026-09-29T12:00'));
    expect(w.scheduled.size).toBe(0);
    expect(await w.sla.reconcile()).toEqual({ tickets: 2, timers: 3, overdue: 1 });
    const accepted = await ticket(w, inHand);
    expect([...w.scheduled.keys()].sort()).toEqual(
      lostKeys.filter((k) => !k.includes(`:${late.id}:accept-remind`) && !k.startsWith(`sla:${inHand.id}:accept`)),
    );
    // the resolve reminder keeps its time: 80% from the report (9-25 10:05) to 9-30 18:00
    expect(new Date(w.scheduled.get(`sla:${inHand.id}:resolve-remind:${accepted.resolveDueAt!.getTime()}`)!.runAt)).toEqual(cn('2026-09-29T16:25'));
    expect(w.scheduled.get(`sla:${late.id}:accept-breach:${late.acceptDueAt!.getTime()}`)!.runAt).toBe(cn('2026-09-29T12:00').getTime());

    // a second reconcile (a second process starting) adds nothing
    await w.sla.reconcile();
    expect(w.scheduled.size).toBe(3);

    await w.runDue(cn('2026-09-29T12:00'));
    const escalated = await ticket(w, late);
    expect(escalated).toMatchObject({ status: 'ESCALATED', escalationLevel: 1 });
    expect(escalated.acceptDueAt).toEqual(cn('2026-09-30T18:00')); // new clock from 9-29 12:00
    expect(w.to(HUANG)).toHaveLength(1);

    // reconciling again after the escalation does not escalate again
    await w.loseQueue();
    expect(await w.sla.reconcile()).toMatchObject({ tickets: 2, overdue: 0 });
    await w.runDue(cn('2026-09-29T12:00'));
    expect((await ticket(w, late)).escalationLevel).toBe(1);
    expect((await w.linli.tickets.timeline(late.id)).filter((e) => e.type === 'escalated')).toHaveLength(1);
    expect(w.to(HUANG)).toHaveLength(1);
  });

  it('start() consumes the sla queue and reconciles: an overdue ticket is escalated by the worker itself', async () => {
    const w = await world(cn('2026-09-25T10:00'));
    const t = await w.report('20号楼井盖坏了');
    w.clock.set(cn('2026-09-28T18:30'));
    const queues = createMemoryQueues(); // a plain memory queue, as in the sandbox
    const { logger } = createMemoryLogger();
    const sla = createSla({
      store: w.linli.store, tickets: w.linli.tickets, router: w.linli.router, queues,
      outbox: { send: async (m) => void w.sent.push({ ...m, at: w.clock.now() }) },
      calendar: chineseDaysCalendar, clock: w.clock, logger,
    });
    try {
      await sla.start();
      await vi.waitFor(async () => expect((await ticket(w, t)).escalationLevel).toBe(1), { timeout: 5000, interval: 20 });
      await vi.waitFor(() => expect(w.to(HUANG)).toHaveLength(1), { timeout: 5000, interval: 20 });
      // the digest for tomorrow morning is waiting as a delayed job
      expect((await queues.queue('sla').counts()).delayed).toBe(1);
    } finally {
      await sla.stop();
      await queues.close();
    }
  });

  it('walks the whole chain across the holiday and stops at the top, telling the leader once', async () => {
    const w = await world(cn('2026-09-25T10:00'));
    const t = await w.report('20号楼井盖坏了');
    await w.runDue(cn('2026-10-31T00:00'));
    const levels = (await w.linli.tickets.timeline(t.id)).filter((e) => e.type === 'escalated').map((e) => [e.data?.level, e.at]);
    // each level has one working day to accept; the holiday 10-01..10-07 is skipped
    expect(levels).toEqual([
      ['COMMUNITY', cn('2026-09-28T18:00')],
      ['STREET', cn('2026-09-29T18:00')],
      ['DEPARTMENT', cn('2026-09-30T18:00')],
      ['LEADER', cn('2026-10-08T18:00')],
    ]);
    const top = await ticket(w, t);
    expect(top).toMatchObject({ status: 'ESCALATED', escalationLevel: 4 });
    expect(w.to('wx-boss').map((m) => m.text)).toEqual([
      `工单 #${t.number}（设施维修）超时未受理，已上报分管领导：20号楼门口污水井盖破损。请于 10月9日18:00 前认领。`,
      `工单 #${t.number}（设施维修）将于 10月9日18:00 到期，请尽快认领。`,
      `工单 #${t.number}（设施维修）超时未受理（时限 10月9日18:00），已无更高层级可上报，请督促办理。`,
    ]);
    expect(w.timers(t)).toEqual([]);
    // a restart does not repeat the message to the top (same outbox key)
    await w.loseQueue();
    await w.sla.reconcile();
    await w.runDue(cn('2026-10-31T00:00'));
    expect(w.to('wx-boss')).toHaveLength(3);
  });

  it('a ticket escalated for missing its deadline stays 超时 under its new deadline: the list filter, the overview and the ranking agree', async () => {
    const w = await world(cn('2026-09-25T10:00'));
    const store = w.linli.store;
    const late = await w.report('20号楼门口的污水井盖破损严重，快塌下去了');
    const raised = await w.report('3号楼电梯停了');
    // 吹哨 by a person is no missed deadline
    await w.say(LIN, `吹哨 #${raised.number} 需要社区协调`);
    await w.runDue(cn('2026-09-28T18:00'), (s) => s.id.startsWith(`sla:${late.id}:`));
    const now = w.clock.now();
    const after = await ticket(w, late);
    expect(after).toMatchObject({ status: 'ESCALATED', escalationLevel: 1 });
    expect(after.acceptDueAt!.getTime()).toBeGreaterThan(now.getTime()); // a new deadline, not yet past

    const scope = cachedScope(store);
    const overdueNos = async (at: Date) => (await store.tickets.list({ overdueAt: at })).map((t) => t.number);
    const rows = async (at: Date) => (await ticketRows(await store.tickets.list({}), store, at)).filter((r) => r.overdue).map((r) => r.number);
    const overview = async (at: Date) => new OverviewService({ stats: store.stats, scope, clock: { now: () => at } }).overview([(await scope.node('S1'))!]);
    expect(await overdueNos(now)).toEqual([late.number]);
    expect(await store.tickets.count({ overdueAt: now })).toBe(1);
    expect(await rows(now)).toEqual([late.number]);
    const o = await overview(now);
    expect(o.today.overdue).toBe(1);
    expect(o.open).toEqual({ total: 2, overdue: 1 });
    expect(o.ranking.rows).toEqual([expect.objectContaining({ code: 'C1', open: 2, overdue: 1 })]);

    // claimed at last: still open, still 超时 (beside the 吹哨'd ticket, now past its own accept deadline); resolved: no longer
    w.clock.set(cn('2026-09-29T09:00'));
    await w.say({ id: HUANG, name: '黄主任' }, `认领 #${late.number}`);
    expect((await ticket(w, late)).status).toBe('ACCEPTED');
    expect(await overdueNos(w.clock.now())).toEqual([raised.number, late.number]);
    expect((await overview(w.clock.now())).open.overdue).toBe(2);
    await w.say({ id: HUANG, name: '黄主任' }, `办结 #${late.number} 已更换井盖`);
    expect(await overdueNos(w.clock.now())).toEqual([raised.number]);
    expect(await rows(w.clock.now())).toEqual([raised.number]);
    const later = await overview(w.clock.now());
    expect(later.open).toEqual({ total: 1, overdue: 1 });
    expect(later.ranking.rows[0]).toMatchObject({ code: 'C1', open: 1, overdue: 1 });
  });

  it('gives a new clock on every hand-over (吹哨, 转派, 重新打开) and keeps 吹哨 for staff', async () => {
    const w = await world(cn('2026-09-25T10:00'));
    const t = await w.report('20号楼井盖坏了');
    w.clock.set(cn('2026-09-29T10:00'));
    await w.say(ZHANG, `吹哨 #${t.number} 太慢了`);
    expect(await ticket(w, t)).toMatchObject({ status: 'REPORTED', escalationLevel: 0 });
    expect((await w.linli.tickets.timeline(t.id)).at(-1)).toMatchObject({ type: 'denied' });

    await w.say(LIN, `吹哨 #${t.number} 需要社区协调`);
    const raised = await ticket(w, t);
    expect(raised).toMatchObject({ status: 'ESCALATED', escalationLevel: 1 });
    expect([raised.acceptDueAt, raised.resolveDueAt]).toEqual([cn('2026-09-30T18:00'), cn('2026-10-09T18:00')]);
    // the new timers count from the 吹哨; the old ones were for other due dates and find nothing to do
    expect(w.timers(t).map((s) => [s.name, new Date(s.runAt)])).toEqual(
      expect.arrayContaining([
        ['remind', cn('2026-09-30T11:36')],
        ['breach', cn('2026-09-30T18:00')],
      ]),
    );
    await w.runDue(cn('2026-09-28T18:00'));
    expect((await ticket(w, t)).escalationLevel).toBe(1);

    w.clock.set(cn('2026-09-30T09:00'));
    await w.say({ id: HUANG, name: '黄主任' }, `转派 #${t.number} 城管 占道`);
    const transferred = await ticket(w, t);
    expect(transferred.status).toBe('TRANSFERRED');
    expect(transferred.acceptDueAt).toEqual(cn('2026-10-08T18:00'));

    w.clock.set(cn('2026-10-08T09:00'));
    await w.say({ id: 'wx-cg', name: '城管中队' }, `办结 #${t.number} 已清理`);
    w.clock.set(cn('2026-10-08T10:00'));
    await w.say(ZHANG, `评价 #${t.number} 不满意`);
    const reopened = await ticket(w, t);
    expect(reopened.status).toBe('REOPENED');
    expect([reopened.acceptDueAt, reopened.resolveDueAt]).toEqual([cn('2026-10-09T18:00'), cn('2026-10-12T18:00')]);
    expect(w.timers(t).filter((s) => s.id.includes(`:${reopened.acceptDueAt!.getTime()}`)).map((s) => s.name)).toEqual(['remind', 'breach']);
  });

  it('sends each worker a morning digest of open, due-today and overdue tickets, once per day', async () => {
    const w = await world(cn('2026-09-24T10:00')); // Thursday
    const t1 = await w.report('20号楼井盖坏了'); // → 林 (accept due Monday: Friday is the Mid-Autumn holiday)
    w.clock.set(cn('2026-09-25T10:00'));
    const t2 = await w.report('3号楼电梯坏了'); // → 陈 (林 has one)
    const t3 = await w.report('东门路灯不亮'); // → 林 (a tie, lower id)
    const t4 = await w.report('楼上装修噪音'); // → 陈, then claimed by 林
    await w.say(LIN, `认领 #${t4.number}`);
    expect((await ticket(w, t1)).acceptDueAt).toEqual(cn('2026-09-28T18:00'));
    expect((await ticket(w, t4)).resolveDueAt).toEqual(cn('2026-09-30T18:00'));

    await w.sla.scheduleDigest();
    await w.sla.scheduleDigest(); // keyed by date: still one
    const digests = () => [...w.scheduled.values()].filter((s) => s.name === 'digest');
    expect(digests().map((s) => [s.id, new Date(s.runAt)])).toEqual([['sla:digest:2026-09-26', cn('2026-09-26T08:30')]]);

    // run the digests only (not the deadline timers) through Tuesday morning
    const ran = await w.runDue(cn('2026-09-29T09:00'), (s) => s.name === 'digest');
    expect(ran.map((s) => s.id)).toEqual(['sla:digest:2026-09-26', 'sla:digest:2026-09-27', 'sla:digest:2026-09-28', 'sla:digest:2026-09-29']);
    expect(digests().map((s) => s.id)).toEqual(['sla:digest:2026-09-30']);

    const monday = (user: string) => w.to(user).filter((m) => m.key.startsWith('sla:digest:2026-09-28:')).map((m) => m.text);
    expect(monday(LIN.id)).toEqual([`今日工单（9月28日）：在办 3 件；今日到期 2 件：#${t1.number}、#${t3.number}。`]);
    expect(monday(CHEN.id)).toEqual([`今日工单（9月28日）：在办 1 件；今日到期 1 件：#${t2.number}。`]);
    const tuesday = w.to(LIN.id).filter((m) => m.key.startsWith('sla:digest:2026-09-29:')).map((m) => m.text);
    expect(tuesday).toEqual([`今日工单（9月29日）：在办 3 件；今日无到期；已超时 2 件：#${t1.number}、#${t3.number}。`]);
    // one message per worker per day
    expect(w.to(LIN.id).filter((m) => m.key.startsWith('sla:digest:'))).toHaveLength(4);
  });
});
