// Deadline timers (时限): a reminder to the assignee at 80 % of the time to the accept or resolve deadline, and at the
// deadline an escalation one step up the grid with a new clock there; a daily digest for every worker. Timers are
// delayed jobs on the 'sla' queue, keyed by ticket, deadline and due date, so scheduling twice is harmless and a job
// whose deadline has since changed finds nothing to do. Nothing polls: after a restart or a lost queue, `reconcile`
// pages through the open tickets once and sets what is missing.
import type { GridRouter } from '../grid/routing.ts';
import type { Platform } from '../messages/incoming-message.ts';
import { systemClock, type Clock } from '../ports/clock.port.ts';
import { UnrecoverableJobError, type Job, type JobQueue, type JobQueues, type NewJob } from '../ports/job-queue.port.ts';
import type { Logger } from '../ports/logger.port.ts';
import type { Outbox } from '../ports/outbox.port.ts';
import type { Store } from '../ports/store.port.ts';
import type { WorkCalendar } from '../ports/work-calendar.port.ts';
import type { StaffTicketService } from '../tickets/staff-ticket.service.ts';
import type { TicketChangeListener } from '../tickets/ticket.service.ts';
import type { NewTicketEvent, Ticket } from '../tickets/ticket.types.ts';
import { atChinaTime, chinaDate, DEFAULT_SLA_POLICY, type SlaPolicy } from './deadlines.ts';
import { slaMessages } from './sla-messages.ts';
import {
  CLOCK_START_EVENTS,
  clockOf,
  digestKey,
  digestOf,
  isHhmm,
  nextDigest,
  plannedTimers,
  SLA_QUEUE,
  timerApplies,
  timerKey,
  timerKeys,
  type DigestJob,
  type SlaJobData,
  type SlaTimerJob,
} from './sla-timers.ts';

export interface SlaDeps {
  store: Store;
  tickets: StaffTicketService;
  router: GridRouter;
  queues: JobQueues;
  outbox: Outbox;
  /** The official calendar (the new clocks themselves are set by TicketService with the same calendar). */
  calendar: WorkCalendar;
  policy?: SlaPolicy;
  clock?: Clock;
  logger: Logger;
  /** Tickets read per page by `reconcile` (default 200). */
  pageSize?: number;
}

export interface ReconcileReport {
  /** Open tickets with due dates read. */
  tickets: number;
  /** Timer jobs added (an existing key is counted too: adding it is a no-op). */
  timers: number;
  /** Tickets already past their deadline, whose breach job was queued to run at once. */
  overdue: number;
}

export interface Sla {
  /** Subscribed to the ticket change bus (createLinli does it; see core/events). Never throws: failures are logged. */
  onTicketChange: TicketChangeListener;
  /** Consumes the 'sla' queue (from `startAfter` on, when given: timers fire where messages can be sent), then
   *  reconciles the timers with the store and schedules the next digest. */
  start(startAfter?: Promise<unknown>): Promise<void>;
  /** Stops consuming (closes the 'sla' queue object; delayed jobs stay in Redis). */
  stop(): Promise<void>;
  reconcile(): Promise<ReconcileReport>;
  /** The 'sla' job handler (what the queue's worker runs). */
  handle(job: Job<SlaJobData>): Promise<void>;
  scheduleDigest(): Promise<void>;
}

const JOB_ATTEMPTS = 5;
const JOB_BACKOFF_MS = 10_000;

export function createSla(d: SlaDeps): Sla {
  const policy = { ...DEFAULT_SLA_POLICY, ...d.policy };
  const reminderAt = policy.reminderAt ?? 0.8;
  const digestAt = policy.digestAt ?? '08:30';
  if (!(reminderAt > 0 && reminderAt < 1)) throw new Error(`SLA reminderAt must be between 0 and 1, got ${reminderAt}`);
  if (!isHhmm(digestAt)) throw new Error(`SLA digestAt must be "HH:MM", got ${JSON.stringify(digestAt)}`);
  const clock = d.clock ?? systemClock;
  const log = d.logger.child({ component: 'sla' });
  const pageSize = d.pageSize ?? 200;
  const queue: JobQueue<SlaJobData> = d.queues.queue<SlaJobData>(SLA_QUEUE);
  let stopped = false;

  const timerJob = (name: string, data: SlaJobData, jobId: string, runAt: Date): NewJob<SlaJobData> => ({
    name,
    data,
    options: { jobId, delayMs: Math.max(0, runAt.getTime() - clock.now().getTime()), attempts: JOB_ATTEMPTS, backoffMs: JOB_BACKOFF_MS },
  });

  /** When the ticket's current clock started: the latest report, escalation, transfer or reopening. */
  async function clockStart(t: Ticket): Promise<Date> {
    if (t.status === 'REPORTED') return t.createdAt;
    return (await d.store.tickets.lastEventAt([t.id], CLOCK_START_EVENTS)).get(t.id) ?? t.createdAt;
  }

  /**
   * Adds the ticket's timers. A reminder whose time has passed is skipped on a change (it fired or was not due), but
   * on reconcile it is sent at once if the deadline is still ahead (it may have been lost; the outbox key keeps a
   * repeated one single). A breach whose time has passed runs at once.
   */
  async function schedule(t: Ticket, start: Date, reconciling: boolean): Promise<{ timers: number; overdue: boolean }> {
    const now = clock.now().getTime();
    const jobs: NewJob<SlaJobData>[] = [];
    let overdue = false;
    for (const p of plannedTimers(t, start, reminderAt)) {
      if (p.name === 'remind' && p.runAt.getTime() <= now && (!reconciling || p.data.dueAt <= now)) continue;
      if (p.name === 'breach' && p.data.dueAt <= now) overdue = true;
      jobs.push(timerJob(p.name, p.data, p.key, p.runAt));
    }
    // a ticket's timers in one round trip
    await queue.addMany(jobs);
    return { timers: jobs.length, overdue };
  }

  async function onTicketChange(ticket: Ticket, event: NewTicketEvent): Promise<void> {
    if (stopped) return;
    try {
      const current = clockOf(ticket.status);
      // claimed: the accept timers go; resolved, closed, rejected: all of them
      if (current !== 'accept') for (const key of timerKeys(ticket, current === 'resolve' ? ['accept'] : ['accept', 'resolve'])) await queue.remove(key);
      if (!current) return;
      const start = CLOCK_START_EVENTS.includes(event.type) ? (event.at ?? clock.now()) : await clockStart(ticket);
      await schedule(ticket, start, false);
    } catch (err) {
      // the ticket change is committed; reconcile at the next start sets what is missing
      log.error({ err, ticketNo: ticket.number, event: event.type }, 'could not set deadline timers');
    }
  }

  async function reconcile(): Promise<ReconcileReport> {
    const report: ReconcileReport = { tickets: 0, timers: 0, overdue: 0 };
    let afterId = 0;
    for (;;) {
      const page = await d.store.tickets.listOpenWithDeadlines(afterId, pageSize);
      if (page.length === 0) break;
      const starts = await d.store.tickets.lastEventAt(
        page.filter((t) => t.status !== 'REPORTED').map((t) => t.id),
        CLOCK_START_EVENTS,
      );
      for (const t of page) {
        const r = await schedule(t, t.status === 'REPORTED' ? t.createdAt : (starts.get(t.id) ?? t.createdAt), true);
        report.tickets++;
        report.timers += r.timers;
        if (r.overdue) report.overdue++;
      }
      afterId = page.at(-1)!.id;
      if (page.length < pageSize) break;
    }
    log.info({ ...report }, 'deadline timers reconciled');
    return report;
  }

  /** A direct message to a person, on the platform of the ticket's group when they have an account there. */
  async function direct(personId: number, text: string, key: string, ticket: Ticket | null): Promise<boolean> {
    const ids = await d.store.people.identities(personId);
    let platform: Platform | undefined;
    if (ticket?.groupId) platform = (await d.store.groups.findById(ticket.groupId))?.platform;
    const id = ids.find((i) => i.platform === platform) ?? ids[0];
    if (!id) {
      log.warn({ personId, ticketNo: ticket?.number ?? null }, 'no account to send a direct message to');
      return false;
    }
    await d.outbox.send({ key, platform: id.platform, to: { user: id.externalId }, text, ticketId: ticket?.id ?? null });
    return true;
  }

  async function remind(job: SlaTimerJob, key: string): Promise<void> {
    const t = await d.store.tickets.findById(job.ticketId);
    if (!t || !timerApplies(t, job)) return void log.debug({ key }, 'stale reminder ignored');
    if (clock.now().getTime() >= job.dueAt) return; // too late to remind: the breach handles it
    if (t.assigneeId === null) return void log.warn({ ticketNo: t.number }, 'reminder: ticket has no assignee');
    await direct(t.assigneeId, slaMessages.reminder(t, job.clock, new Date(job.dueAt)), `${key}:${t.assigneeId}`, t);
    log.info({ ticketNo: t.number, clock: job.clock, personId: t.assigneeId }, 'deadline reminder sent');
  }

  async function breach(job: SlaTimerJob, key: string): Promise<void> {
    const t = await d.store.tickets.findById(job.ticketId);
    const dueAt = new Date(job.dueAt);
    if (!t) return void log.debug({ key }, 'breach: ticket gone');
    if (!timerApplies(t, job)) {
      // a retry after the escalation was stored but a message failed: send what is missing (outbox keys dedupe)
      const done = (await d.store.tickets.events(t.id)).findLast((e) => e.type === 'escalated' && (e.data?.overdue as { key?: string } | undefined)?.key === key);
      if (!done) return void log.debug({ key }, 'stale breach ignored');
      const chain = await d.router.escalationChain(t.gridNodeId);
      const step = chain.find((s) => s.level === done.data?.level);
      const notified = Array.isArray(done.data?.notified) ? (done.data.notified as number[]) : [];
      for (const personId of notified) await direct(personId, slaMessages.escalatedToYou(t, job.clock, step), `${key}:${personId}`, t);
      return;
    }
    const r = await d.tickets.escalateOverdue(t.number, slaMessages.overdueReason(job.clock, dueAt), {
      key,
      clock: job.clock,
      dueAt: dueAt.toISOString(),
    });
    const people = r.step?.people ?? [];
    if (!r.escalated) {
      // nobody above: tell the top level (or the assignee) once per deadline
      const to = people.length ? people.map((p) => p.id) : t.assigneeId !== null ? [t.assigneeId] : [];
      for (const personId of to) await direct(personId, slaMessages.overdueAtTop(t, job.clock, dueAt), `${key}:${personId}`, t);
      log.warn({ ticketNo: t.number, clock: job.clock }, 'overdue at the top of the chain');
      return;
    }
    for (const p of people) await direct(p.id, slaMessages.escalatedToYou(r.ticket, job.clock, r.step), `${key}:${p.id}`, r.ticket);
    // the one who held it hears it is no longer theirs (unless they are among those it went to)
    if (t.assigneeId !== null && t.assigneeId !== r.ticket.assigneeId && !people.some((p) => p.id === t.assigneeId)) {
      const holder = r.ticket.assigneeId !== null ? ((await d.store.people.findById(r.ticket.assigneeId))?.name ?? null) : null;
      await direct(t.assigneeId, slaMessages.escalatedAway(r.ticket, job.clock, r.step, holder), `${key}:from:${t.assigneeId}`, r.ticket);
    }
    if (people.length === 0) log.warn({ ticketNo: t.number, level: r.step?.level ?? null }, 'escalated to a level with nobody assigned');
  }

  async function scheduleDigestAfter(after: Date): Promise<void> {
    const next = nextDigest(after, digestAt);
    const job = timerJob('digest', { date: next.date }, digestKey(next.date), next.at);
    await queue.add(job.name, job.data, job.options);
  }

  async function digest(job: DigestJob): Promise<void> {
    const now = clock.now();
    const scheduledAt = atChinaTime(job.date, digestAt);
    // a digest of a past day (the process was down) is not sent late; the next one is scheduled either way
    if (job.date >= chinaDate(now)) {
      let sent = 0;
      for (const personId of await d.store.tickets.openAssigneeIds()) {
        const tickets = await d.store.tickets.listOpenByAssignee(personId);
        if (tickets.length === 0) continue;
        const missed = await d.store.tickets.missedDeadlines(tickets.map((t) => t.id));
        if (await direct(personId, slaMessages.digest(job.date, digestOf(tickets, now, missed)), `${digestKey(job.date)}:${personId}`, null)) sent++;
      }
      log.info({ date: job.date, sent }, 'daily digest sent');
    }
    await scheduleDigestAfter(new Date(Math.max(now.getTime(), scheduledAt.getTime())));
  }

  async function handle(job: Job<SlaJobData>): Promise<void> {
    switch (job.name) {
      case 'remind':
      case 'breach': {
        const data = job.data as SlaTimerJob;
        const key = timerKey(data.ticketId, data.clock, job.name, data.dueAt);
        return job.name === 'remind' ? remind(data, key) : breach(data, key);
      }
      case 'digest':
        return digest(job.data as DigestJob);
      default:
        throw new UnrecoverableJobError(`unknown sla job ${job.name}`);
    }
  }

  return {
    onTicketChange,
    reconcile,
    handle,
    scheduleDigest: () => scheduleDigestAfter(clock.now()),
    async start(startAfter) {
      await queue.process(handle, { concurrency: 1, startAfter });
      await reconcile();
      await scheduleDigestAfter(clock.now());
    },
    async stop() {
      stopped = true;
      await queue.close();
    },
  };
}

export { SLA_QUEUE, timerKey };
