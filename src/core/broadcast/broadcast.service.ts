// The broadcast use-cases: preview, create (every delivery stored before the first send), dispatch as one queued job
// per group at the platform's send rate, the job that sends one group's copy, and pause / resume / cancel /
// resend-failed. A copy goes through the Outbox under the key bc:<broadcastId>:<groupId>, which the outbox records
// with the sent message: a re-run job, a second worker or a crash-and-resume never sends a group the same broadcast twice.
import { DomainError, ErrorCode } from '../errors.ts';
import type { Platform } from '../messages/incoming-message.ts';
import { asSent } from '../messages/outbox.ts';
import type { BroadcastRepository } from '../ports/broadcast.repository.ts';
import { isPermanentSendError } from '../ports/chat-gateway.port.ts';
import type { Clock } from '../ports/clock.port.ts';
import type { GridRepository } from '../ports/grid.repository.ts';
import type { GroupRepository } from '../ports/group.repository.ts';
import type { Job, JobQueue } from '../ports/job-queue.port.ts';
import type { Logger } from '../ports/logger.port.ts';
import type { MessageRepository } from '../ports/message.repository.ts';
import type { Outbox } from '../ports/outbox.port.ts';
import type { PersonRepository } from '../ports/person.repository.ts';
import { estimateBroadcast, type BroadcastEstimate, type SendPace, type SendRate } from './broadcast-estimate.ts';
import { BroadcastTargetResolver, type ResolvedTargets } from './broadcast-targets.ts';
import {
  deliveryKey,
  startJobId,
  type Broadcast,
  type BroadcastJob,
  type BroadcastStatus,
  type BroadcastTargets,
  type Delivery,
  type DeliveryCounts,
} from './broadcast.types.ts';

export const BROADCAST_QUEUE = 'broadcast';

/** The broadcast queue of a platform with its own send rate: `broadcast-telegram` (WeChat keeps `broadcast`). */
export const broadcastQueueName = (platform: Platform) => (platform === 'WECHAT' ? BROADCAST_QUEUE : `${BROADCAST_QUEUE}-${platform.toLowerCase()}`);

/** A platform's own broadcast queue and send rate. */
export interface BroadcastLane {
  queue: JobQueue<BroadcastJob>;
  rate: SendRate;
  jitterMs?: number;
  /** The account's least gap between two sends (WeChat's PacedSender), stated in the estimate; default 0. */
  intervalMs?: number;
}

/**
 * Codes this capability adds. errors.ts is shared; until it lists them, they travel in a DomainError as these strings
 * (the HTTP layer maps them to 404 / 422).
 */
export const BroadcastErrorCode = {
  NotFound: ErrorCode.BroadcastNotFound,
  NoTargets: ErrorCode.BroadcastNoTargets,
  Invalid: ErrorCode.BroadcastInvalid,
} as const;
const domainError = (code: ErrorCode, message: string, details: Record<string, unknown> = {}) => new DomainError(code, message, details);

export const SKIP_REASON = { cancelled: '发布已取消', inactive: '机器人不在群内（群已停用）', missing: '群已不存在' } as const;

/** An attempt began and never ended (its worker died) and the outbox has no record of the send: it may have gone out. */
export const UNCERTAIN_REASON = '发送结果不明：上次发送时进程中断。为免重复未自动重发，核实后可用 resend-failed 补发';

/** A chat platform's answer meaning the bot is not (or no longer) in the group: retrying cannot help. */
export function isBotNotInGroup(e: unknown): boolean {
  if (typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'NOT_IN_GROUP') return true;
  const msg = e instanceof Error ? e.message : String(e);
  return /not found \(is the bot still in it\?\)|not (a )?member|not in (the )?(group|room|chat)|kicked|不在群|已被移出/i.test(msg);
}

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
  private readonly attempts: number;
  private readonly backoffMs: number;
  private readonly now: () => Date;

  constructor(private readonly d: BroadcastServiceDeps) {
    this.targets = new BroadcastTargetResolver(d.grid, d.groups, d.people);
    this.attempts = Math.max(1, d.attempts ?? 3);
    this.backoffMs = d.backoffMs ?? 1000;
    this.now = () => (d.clock ? d.clock.now() : new Date());
  }

  /** The groups a broadcast would reach and when it would finish; nothing is stored. */
  async preview(input: BroadcastInput): Promise<BroadcastPreview> {
    this.validate(input);
    const resolved = await this.targets.resolve(input.authorId, input.targets);
    const start = input.scheduledAt && input.scheduledAt > this.now() ? input.scheduledAt : this.now();
    return { ...resolved, text: asSent(input.text.trim()), estimate: this.estimate(resolved.groups.map((g) => g.platform), start) };
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
    await this.enqueuePending(broadcastId);
    await this.d.broadcasts.finishIfDone(broadcastId, this.now());
    return this.get(broadcastId);
  }

  /** Starts this process's consumers of the broadcast queues, each at its platform's send rate. */
  async startWorker(concurrency = 4): Promise<void> {
    // a send is short: after a crash, the dead worker's claimed sends go back within seconds, not at the end of the run
    const reclaimAfterMs = 4000;
    await this.d.queue.process((job) => this.handle(job), { concurrency, limiter: this.d.rate, reclaimAfterMs });
    for (const lane of this.lanes()) await lane.queue.process((job) => this.handle(job), { concurrency, limiter: lane.rate, reclaimAfterMs });
  }

  private lanes(): BroadcastLane[] {
    return Object.values(this.d.platforms ?? {}).filter((l): l is BroadcastLane => l !== undefined && l.queue !== this.d.queue);
  }

  /** One job of the broadcast queue. Thin on purpose: everything it decides is in the store. */
  async handle(job: Job<BroadcastJob>): Promise<void> {
    const data = job.data;
    if (data.kind === 'start') {
      const b = await this.d.broadcasts.findById(data.broadcastId);
      if (b?.status === 'SCHEDULED') await this.dispatchDue(b.id);
      return;
    }
    await this.sendOne(data.broadcastId, data.groupId, job.attemptsMade);
  }

  async pause(broadcastId: number): Promise<Broadcast> {
    const b = await this.move(broadcastId, ['SENDING', 'SCHEDULED'], 'PAUSED');
    // Queued jobs would only find the broadcast paused and leave their delivery PENDING; removing them saves the
    // rate they would use. A job already running finishes its one send.
    await this.removeJobs(broadcastId, await this.pendingGroupIds(broadcastId));
    await this.d.queue.remove(startJobId(broadcastId));
    return b;
  }

  /** PAUSED → sending again; on a SENDING broadcast (its worker died) it queues the PENDING copies again. */
  async resume(broadcastId: number): Promise<Broadcast> {
    const b = await this.get(broadcastId);
    if (b.status === 'SENDING') {
      // A job of a dead worker may sit in the queue's failed list under the copy's id and would block adding it again.
      await this.removeJobs(broadcastId, await this.pendingGroupIds(broadcastId));
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
    await this.removeJobs(broadcastId, skipped);
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
    await this.removeJobs(broadcastId, groupIds);
    if (b.status === 'DONE') await this.d.broadcasts.transition(broadcastId, ['DONE'], 'SENDING', null);
    const after = await this.get(broadcastId);
    return { broadcast: after.status === 'SENDING' ? await this.dispatch(broadcastId) : after, groupIds };
  }

  async status(broadcastId: number): Promise<{ broadcast: Broadcast; counts: DeliveryCounts; deliveries: Delivery[] }> {
    const broadcast = await this.get(broadcastId);
    const [counts, deliveries] = await Promise.all([this.d.broadcasts.counts(broadcastId), this.d.broadcasts.deliveries(broadcastId)]);
    return { broadcast, counts, deliveries };
  }

  /** The broadcast, after checking that `personId` may act on it (its author, or STREET_STAFF/ADMIN over its groups). */
  async authorize(broadcastId: number, personId: number): Promise<Broadcast> {
    const b = await this.get(broadcastId);
    if (b.authorId === personId) return b;
    await this.targets.resolve(personId, { ...b.targets, groupIds: (await this.d.broadcasts.deliveries(broadcastId)).map((d) => d.groupId) });
    return b;
  }

  private async dispatchDue(broadcastId: number) {
    const sending = await this.d.broadcasts.transition(broadcastId, ['SCHEDULED'], 'SENDING');
    if (!sending) return;
    await this.enqueuePending(broadcastId);
    await this.d.broadcasts.finishIfDone(broadcastId, this.now());
  }

  private async sendOne(broadcastId: number, groupId: number, attemptsMade: number): Promise<void> {
    const { broadcasts } = this.d;
    const b = await broadcasts.findById(broadcastId);
    if (!b) return;
    if (b.status === 'CANCELLED') {
      await broadcasts.markSkipped(broadcastId, groupId, SKIP_REASON.cancelled);
      return;
    }
    if (b.status !== 'SENDING') return; // paused (or not started): stays PENDING for resume
    const group = await this.d.groups.findById(groupId);
    if (!group || !group.active) {
      await broadcasts.markSkipped(broadcastId, groupId, group ? SKIP_REASON.inactive : SKIP_REASON.missing);
      await broadcasts.finishIfDone(broadcastId, this.now());
      return;
    }
    const delivery = await broadcasts.findDelivery(broadcastId, groupId);
    if (!delivery || delivery.status !== 'PENDING') return; // already SENT, FAILED or SKIPPED
    const key = deliveryKey(broadcastId, groupId);
    // attempts > 0 with no reason: an earlier attempt began and never ended, so its worker died mid-send. If the outbox
    // recorded the send it went out; if not, it may still have reached the group (the platform accepted it, then the
    // worker died before the record): sending again could send twice, so the copy is left FAILED for a person to decide.
    if (delivery.attempts > 0 && delivery.reason === null) {
      if (await this.d.messages.outgoingSent(key)) await broadcasts.markSent(broadcastId, groupId, this.now());
      else await broadcasts.markFailed(broadcastId, groupId, UNCERTAIN_REASON);
      await broadcasts.finishIfDone(broadcastId, this.now());
      return;
    }
    if (!(await broadcasts.beginAttempt(broadcastId, groupId))) return;
    try {
      await this.d.outbox.send({ key, platform: group.platform, to: { group: group.externalId, groupId }, text: b.text, ticketId: null });
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      if (isBotNotInGroup(e)) {
        await broadcasts.markSkipped(broadcastId, groupId, reason);
      } else if (attemptsMade + 1 >= this.attempts || isPermanentSendError(e)) {
        await broadcasts.markFailed(broadcastId, groupId, reason);
      } else {
        this.d.logger?.warn({ broadcastId, groupId, attempt: attemptsMade + 1, err: e }, 'broadcast send failed; will retry');
        await broadcasts.noteFailure(broadcastId, groupId, reason); // this attempt ended: the next one may send
        throw e; // the queue retries with backoff
      }
      this.d.logger?.warn({ broadcastId, groupId, reason }, 'broadcast copy not delivered');
      await broadcasts.finishIfDone(broadcastId, this.now());
      return;
    }
    await broadcasts.markSent(broadcastId, groupId, this.now());
    await broadcasts.finishIfDone(broadcastId, this.now());
  }

  private async enqueuePending(broadcastId: number) {
    const pending = await this.pendingGroupIds(broadcastId);
    const platformOf = this.d.platforms ? new Map((await this.d.groups.list()).map((g) => [g.id, g.platform])) : null;
    for (const groupId of pending) {
      const p = platformOf?.get(groupId);
      const queue = (p && this.d.platforms?.[p]?.queue) || this.d.queue;
      await queue.add('send', { kind: 'send', broadcastId, groupId }, { jobId: deliveryKey(broadcastId, groupId), attempts: this.attempts, backoffMs: this.backoffMs });
    }
  }

  private async pendingGroupIds(broadcastId: number) {
    return (await this.d.broadcasts.deliveries(broadcastId, ['PENDING'])).map((d) => d.groupId);
  }

  private async removeJobs(broadcastId: number, groupIds: number[]) {
    const chunk = 50;
    for (let i = 0; i < groupIds.length; i += chunk) {
      const queues = [this.d.queue, ...this.lanes().map((l) => l.queue)];
      await Promise.all(groupIds.slice(i, i + chunk).flatMap((g) => queues.map((q) => q.remove(deliveryKey(broadcastId, g)))));
    }
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
  }
}
