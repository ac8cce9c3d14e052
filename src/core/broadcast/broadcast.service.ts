// The broadcast commands: preview, create (every delivery stored before the first send), dispatch as one queued job
// per group at the platform's send rate, pause / resume / cancel / resend-failed, status and authorize. The jobs are
// sent by the BroadcastWorker (broadcast.worker.ts), as BullMQ splits a Queue from its Worker.
import { setTimeout as sleep } from 'node:timers/promises';
import { DomainError, ErrorCode } from '../errors.ts';
import type { Platform } from '../messages/incoming-message.ts';
import { asSent } from '../messages/outbox.ts';
import { chinaDate } from '../sla/deadlines.ts';
import { stripControlChars } from '../util/control-chars.ts';
import type { BroadcastRepository } from '../ports/broadcast.repository.ts';
import type { Clock } from '../ports/clock.port.ts';
import type { GridRepository } from '../ports/grid.repository.ts';
import type { GroupRepository } from '../ports/group.repository.ts';
import type { JobQueue } from '../ports/job-queue.port.ts';
import type { Logger } from '../ports/logger.port.ts';
import type { MessageRepository } from '../ports/message.repository.ts';
import type { Outbox } from '../ports/outbox.port.ts';
import type { PersonRepository } from '../ports/person.repository.ts';
import { estimateBroadcast, type BroadcastEstimate, type SendPace, type SendRate } from './broadcast-estimate.ts';
import { BroadcastJobs, type BroadcastLane } from './broadcast-jobs.ts';
import { BroadcastTargetResolver, type ResolvedTargets } from './broadcast-targets.ts';
import { BroadcastWorker, SKIP_REASON } from './broadcast.worker.ts';
import {
  startJobId,
  type Broadcast,
  type BroadcastJob,
  type BroadcastStatus,
  type BroadcastTargets,
  type Delivery,
  type DeliveryCounts,
} from './broadcast.types.ts';

/**
 * Codes this capability adds. errors.ts is shared; until it lists them, they travel in a DomainError as these strings
 * (the HTTP layer maps them to 404 / 422).
 */
export const BroadcastErrorCode = {
  NotFound: ErrorCode.BroadcastNotFound,
  NoTargets: ErrorCode.BroadcastNoTargets,
  Invalid: ErrorCode.BroadcastInvalid,
  SchedulePast: ErrorCode.BroadcastSchedulePast,
} as const;
/** How far in the past a scheduled time may lie and still count as "now" (clocks of browser and server differ). */
export const SCHEDULE_SLACK_MS = 60_000;
const domainError = (code: ErrorCode, message: string, details: Record<string, unknown> = {}) => new DomainError(code, message, details);

export interface BroadcastInput {
  authorId: number;
  text: string;
  targets: BroadcastTargets;
  /** Send no earlier than this; past or absent = now. */
  scheduledAt?: Date | null;
}

export interface BroadcastPreview extends ResolvedTargets {
  /** The text as the groups will read it: the outbox masks mobile and ID numbers in everything the bot sends. */
  text: string;
  /** The masker changed numbers in the text: the author is told, since the groups will not read them. */
  masked: boolean;
  estimate: BroadcastEstimate;
}

export interface BroadcastServiceDeps {
  broadcasts: BroadcastRepository;
  groups: GroupRepository;
  grid: GridRepository;
  people: PersonRepository;
  outbox: Outbox;
  /** Where the outbox records what was sent: read to settle an attempt that a dead worker left unfinished. */
  messages: Pick<MessageRepository, 'outgoingSent'>;
  queue: JobQueue<BroadcastJob>;
  /** The platform's send rate (the queue's limiter). */
  rate: SendRate;
  /**
   * Platforms with their own queue and send rate (Telegram: its global limit, not the WeChat account's pace); the
   * others use `queue` at `rate`. A group's copy goes to its platform's queue, and the preview uses that rate.
   */
  platforms?: Partial<Record<Platform, BroadcastLane>>;
  /** The account's pace per send on top of `rate` (WeChat: least gap + random jitter), stated in the estimate; default 0. */
  intervalMs?: number;
  jitterMs?: number;
  /** Attempts per group before its delivery is FAILED (default 3), backoff base (default 1000 ms). */
  attempts?: number;
  backoffMs?: number;
  clock?: Clock;
  logger?: Logger;
}

const MAX_TEXT = 2000;

export class BroadcastService {
  private readonly targets: BroadcastTargetResolver;
  private readonly jobs: BroadcastJobs;
  private readonly worker: BroadcastWorker;
  private readonly now: () => Date;

  constructor(private readonly d: BroadcastServiceDeps) {
    this.targets = new BroadcastTargetResolver(d.grid, d.groups, d.people);
    const attempts = Math.max(1, d.attempts ?? 3);
    this.now = () => (d.clock ? d.clock.now() : new Date());
    this.jobs = new BroadcastJobs({ ...d, attempts, backoffMs: d.backoffMs ?? 1000 });
    this.worker = new BroadcastWorker({ ...d, attempts, now: this.now }, this.jobs);
  }

  /** The groups a broadcast would reach and when it would finish; nothing is stored. */
  async preview(input: BroadcastInput): Promise<BroadcastPreview> {
    this.validate(input);
    const resolved = await this.targets.resolve(input.authorId, input.targets);
    const start = input.scheduledAt && input.scheduledAt > this.now() ? input.scheduledAt : this.now();
    const text = asSent(input.text.trim());
    return { ...resolved, text, masked: text !== stripControlChars(input.text.trim()), estimate: this.estimate(resolved.groups.map((g) => g.platform), start) };
  }

  /** Each platform sends at its own rate, side by side with the others: the slowest one sets the finish. */
  private estimate(platforms: Platform[], start: Date): BroadcastEstimate {
    const counts = new Map<Platform, number>();
    for (const p of platforms) counts.set(p, (counts.get(p) ?? 0) + 1);
    const pace = (l: { intervalMs?: number; jitterMs?: number }): SendPace => ({ intervalMs: l.intervalMs ?? 0, jitterMs: l.jitterMs ?? 0 });
    const per = [...counts].map(([p, n]) => {
      const lane = this.d.platforms?.[p];
      return { p, e: estimateBroadcast(n, lane?.rate ?? this.d.rate, pace(lane ?? this.d), start) };
    });
    if (per.length === 0) return estimateBroadcast(0, this.d.rate, pace(this.d), start);
    if (per.length === 1) return per[0]!.e;
    const slowest = per.reduce((a, b) => (b.e.estimatedMs > a.e.estimatedMs ? b : a)).e;
    const label: Record<Platform, string> = { WECHAT: '微信', TELEGRAM: 'Telegram' };
    return { ...slowest, sends: platforms.length, explanation: per.map(({ p, e }) => `${label[p]}：${e.explanation}`).join('；') };
  }

  /** Stores the broadcast and one PENDING delivery per target group (one transaction); sends nothing. */
  async create(input: BroadcastInput): Promise<{ broadcast: Broadcast; deliveries: Delivery[]; preview: BroadcastPreview }> {
    const preview = await this.preview(input);
    if (preview.groups.length === 0) throw domainError(BroadcastErrorCode.NoTargets, 'no active mapped group matches these targets', { targets: input.targets });
    const scheduled = input.scheduledAt && input.scheduledAt > this.now() ? input.scheduledAt : null;
    const { broadcast, deliveries } = await this.d.broadcasts.create({
      authorId: input.authorId,
      text: input.text.trim(),
      targets: input.targets,
      scheduledAt: scheduled,
      status: scheduled ? 'SCHEDULED' : 'DRAFT',
      groupIds: preview.groups.map((g) => g.id),
    });
    this.d.logger?.info({ broadcastId: broadcast.id, groups: deliveries.length, scheduledAt: scheduled }, 'broadcast created');
    return { broadcast, deliveries, preview };
  }

  /** Create, then dispatch: the one-click publish. */
  async publish(input: BroadcastInput) {
    const created = await this.create(input);
    return { ...created, broadcast: await this.dispatch(created.broadcast.id) };
  }

  /**
   * Starts sending: a scheduled broadcast gets one delayed start job at its time; otherwise it becomes SENDING and
   * each PENDING delivery gets a job (id bc:<id>:<groupId>, so dispatching twice queues each group once).
   */
  async dispatch(broadcastId: number): Promise<Broadcast> {
    const b = await this.get(broadcastId);
    if (b.status === 'SCHEDULED' && b.scheduledAt && b.scheduledAt > this.now()) {
      await this.d.queue.add('start', { kind: 'start', broadcastId }, { jobId: startJobId(broadcastId), delayMs: b.scheduledAt.getTime() - this.now().getTime() });
      return b;
    }
    const sending = await this.d.broadcasts.transition(broadcastId, ['DRAFT', 'SCHEDULED', 'SENDING'], 'SENDING');
    if (!sending) return b; // paused, cancelled or done meanwhile: nothing to start
    await this.jobs.enqueuePending(broadcastId);
    await this.d.broadcasts.finishIfDone(broadcastId, this.now());
    return this.get(broadcastId);
  }

  /**
   * After a start, before or after startWorker: finds again the work a queue may have lost with its process (the
   * in-process queue keeps nothing; BullMQ keeps its jobs, and adding them again is a no-op under their ids). A
   * SCHEDULED broadcast gets its delayed start job back, or starts when its time passed meanwhile; a SENDING one has
   * its PENDING copies queued again (a copy whose send was cut off is settled by the worker as ever: sent if the
   * outbox recorded it, else FAILED as uncertain, never sent twice). Call it only where the real gateways are: a
   * broadcast is sent by whoever recovers it. Returns the ids it queued work for.
   */
  async recover(): Promise<number[]> {
    const ids: number[] = [];
    for (const b of await this.d.broadcasts.listByStatus(['SCHEDULED', 'SENDING'])) {
      await this.dispatch(b.id);
      ids.push(b.id);
    }
    if (ids.length) this.d.logger?.info({ broadcastIds: ids }, 'broadcasts queued again after start');
    return ids;
  }

  /**
   * recover(), once the broadcast queues have nothing waiting or running, or after `atMostMs` (default 10 minutes):
   * for a queue that keeps its jobs across processes (BullMQ). There a dead process's copies are still queued and its
   * successor sends them at once; queuing them all again first (a no-op under their ids, but a read and a write per
   * copy) would only slow those sends. What recover() is for there (a process that died while it queued a broadcast,
   * a start job lost with a flushed Redis) is then sent after the rest. Resolves with recover()'s ids, or with [] when
   * `signal` aborts first (the process stopping).
   */
  async recoverWhenIdle(options: { everyMs?: number; atMostMs?: number; signal?: AbortSignal } = {}): Promise<number[]> {
    const { everyMs = 1000, atMostMs = 600_000, signal } = options;
    const queues = [this.d.queue, ...Object.values(this.d.platforms ?? {}).map((l) => l.queue)];
    const until = this.now().getTime() + atMostMs;
    for (;;) {
      // a queue that cannot answer now is asked again (closed by the stop: the signal says so)
      const busy = await Promise.all(queues.map((q) => q.counts())).then(
        (counts) => counts.some((c) => c.waiting + c.active > 0),
        () => true,
      );
      if (signal?.aborted) return [];
      if (!busy || this.now().getTime() >= until) return this.recover();
      await sleep(everyMs, undefined, { signal }).catch(() => undefined); // an abort ends the wait at once
    }
  }

  /**
   * Starts this process's BroadcastWorker: the consumers of the broadcast queues, each at its platform's send rate
   * (concurrency per queue: default broadcastConcurrency, broadcast-estimate.ts). With `startAfter` they connect now
   * and take copies once it resolves (the chat accounts logged in).
   */
  async startWorker(concurrency?: number, startAfter?: Promise<unknown>): Promise<void> {
    await this.worker.start(concurrency, startAfter);
  }

  async pause(broadcastId: number): Promise<Broadcast> {
    const b = await this.move(broadcastId, ['SENDING', 'SCHEDULED'], 'PAUSED');
    // Queued jobs would only find the broadcast paused and leave their delivery PENDING; removing them saves the
    // rate they would use. A job already running finishes its one send.
    await this.jobs.removeJobs(broadcastId, await this.jobs.pendingGroupIds(broadcastId));
    await this.d.queue.remove(startJobId(broadcastId));
    return b;
  }

  /** PAUSED → sending again; on a SENDING broadcast (its worker died) it queues the PENDING copies again. */
  async resume(broadcastId: number): Promise<Broadcast> {
    const b = await this.get(broadcastId);
    if (b.status === 'SENDING') {
      // A job of a dead worker may sit in the queue's failed list under the copy's id and would block adding it again.
      await this.jobs.removeJobs(broadcastId, await this.jobs.pendingGroupIds(broadcastId));
      return this.dispatch(broadcastId);
    }
    const due = !b.scheduledAt || b.scheduledAt <= this.now();
    await this.move(broadcastId, ['PAUSED'], due ? 'SENDING' : 'SCHEDULED');
    return this.dispatch(broadcastId);
  }

  /** Stops for good: queued copies are not sent (their deliveries become SKIPPED); what was sent stays sent. */
  async cancel(broadcastId: number): Promise<Broadcast> {
    const b = await this.move(broadcastId, ['DRAFT', 'SCHEDULED', 'SENDING', 'PAUSED'], 'CANCELLED', this.now());
    await this.d.queue.remove(startJobId(broadcastId));
    const skipped = await this.d.broadcasts.skipPending(broadcastId, SKIP_REASON.cancelled);
    await this.jobs.removeJobs(broadcastId, skipped);
    return b;
  }

  /**
   * Sends again to the groups whose delivery FAILED, and only to them. A failed copy was never recorded as sent, so
   * its key is free; a SENT or SKIPPED one is untouched.
   */
  async resendFailed(broadcastId: number): Promise<{ broadcast: Broadcast; groupIds: number[] }> {
    const b = await this.get(broadcastId);
    if (b.status === 'CANCELLED') throw new DomainError(ErrorCode.IllegalTransition, `broadcast ${broadcastId} is cancelled`, { broadcastId, status: b.status });
    const groupIds = await this.d.broadcasts.reopenFailed(broadcastId);
    if (groupIds.length === 0) return { broadcast: b, groupIds };
    // The finished job of a failed copy is gone from the queue; remove() covers one kept in the failed list.
    await this.jobs.removeJobs(broadcastId, groupIds);
    if (b.status === 'DONE') await this.d.broadcasts.transition(broadcastId, ['DONE'], 'SENDING', null);
    const after = await this.get(broadcastId);
    return { broadcast: after.status === 'SENDING' ? await this.dispatch(broadcastId) : after, groupIds };
  }

  /** The newest broadcasts (at most `limit`), with their copies counted, for a list; the caller filters by scope. */
  async list(limit = 50): Promise<{ broadcast: Broadcast; counts: DeliveryCounts }[]> {
    const all = await this.d.broadcasts.list(limit);
    return Promise.all(all.map(async (broadcast) => ({ broadcast, counts: await this.d.broadcasts.counts(broadcast.id) })));
  }

  async status(broadcastId: number): Promise<{ broadcast: Broadcast; counts: DeliveryCounts; deliveries: Delivery[] }> {
    const broadcast = await this.get(broadcastId);
    const [counts, deliveries] = await Promise.all([this.d.broadcasts.counts(broadcastId), this.d.broadcasts.deliveries(broadcastId)]);
    return { broadcast, counts, deliveries };
  }

  /** The broadcast, after checking that `personId` may act on it (its author, or a broadcast role over its groups). */
  async authorize(broadcastId: number, personId: number): Promise<Broadcast> {
    const b = await this.get(broadcastId);
    if (b.authorId === personId) return b;
    await this.targets.resolve(personId, { ...b.targets, groupIds: (await this.d.broadcasts.deliveries(broadcastId)).map((d) => d.groupId) });
    return b;
  }


  private async move(id: number, from: readonly BroadcastStatus[], to: BroadcastStatus, finishedAt?: Date | null): Promise<Broadcast> {
    const moved = await this.d.broadcasts.transition(id, from, to, finishedAt);
    if (moved) return moved;
    const b = await this.get(id);
    throw new DomainError(ErrorCode.IllegalTransition, `broadcast ${id} is ${b.status}; it cannot become ${to}`, { broadcastId: id, from: b.status, to });
  }

  private async get(id: number): Promise<Broadcast> {
    const b = await this.d.broadcasts.findById(id);
    if (!b) throw domainError(BroadcastErrorCode.NotFound, `broadcast ${id} not found`, { broadcastId: id });
    return b;
  }

  private validate(input: BroadcastInput) {
    const text = input.text.trim();
    if (!text) throw domainError(BroadcastErrorCode.Invalid, 'the text of a broadcast must not be empty');
    if (text.length > MAX_TEXT) throw domainError(BroadcastErrorCode.Invalid, `the text of a broadcast is at most ${MAX_TEXT} characters`);
    const t = input.targets;
    if (!t.nodeCode && !t.groupIds?.length) throw domainError(BroadcastErrorCode.Invalid, 'name a grid node (nodeCode) or groups (groupIds) to send to');
    if (input.scheduledAt && input.scheduledAt.getTime() < this.now().getTime() - SCHEDULE_SLACK_MS) {
      throw domainError(BroadcastErrorCode.SchedulePast, `the scheduled time ${chinaDate(input.scheduledAt)} ${new Date(input.scheduledAt.getTime() + 8 * 3600_000).toISOString().slice(11, 16)} (China time) has passed; choose a time from now on`, {
        field: 'scheduledAt', scheduledAt: input.scheduledAt.toISOString(), now: this.now().toISOString(),
      });
    }
  }
}
