// The broadcast worker: consumes the broadcast queues and sends one group's copy per job through the Outbox under the
// key bc:<broadcastId>:<groupId>, which the outbox records with the sent message: a re-run job, a second worker or a
// crash-and-resume never sends a group the same broadcast twice. A scheduled broadcast's start job also lands here.
import type { BroadcastRepository } from '../ports/broadcast.repository.ts';
import { isPermanentSendError, sendErrorCode } from '../ports/chat-gateway.port.ts';
import type { GroupRepository } from '../ports/group.repository.ts';
import type { Job, JobQueue } from '../ports/job-queue.port.ts';
import type { Logger } from '../ports/logger.port.ts';
import type { MessageRepository } from '../ports/message.repository.ts';
import type { Outbox } from '../ports/outbox.port.ts';
import { broadcastConcurrency, type SendRate } from './broadcast-estimate.ts';
import type { BroadcastJobs } from './broadcast-jobs.ts';
import { deliveryKey, type BroadcastJob } from './broadcast.types.ts';

/** Why a copy is skipped without trying: `muted`, the bot is in the group but may not send there (Group.muted). */
export const SKIP_REASON = { cancelled: '发布已取消', inactive: '机器人不在群内（群已停用）', muted: '机器人在群内不能发言（被禁言或仅管理员可发言）', missing: '群已不存在' } as const;

/** An attempt began and never ended (its worker died) and the outbox has no record of the send: it may have gone out. */
export const UNCERTAIN_REASON = '发送结果不明：上次发送时进程中断。为免重复未自动重发，核实后可用 resend-failed 补发';

export interface BroadcastWorkerDeps {
  broadcasts: BroadcastRepository;
  groups: GroupRepository;
  outbox: Outbox;
  /** Where the outbox records what was sent: read to settle an attempt that a dead worker left unfinished. */
  messages: Pick<MessageRepository, 'outgoingSent'>;
  queue: JobQueue<BroadcastJob>;
  /** The platform's send rate (the queue's limiter). */
  rate: SendRate;
  /** The account's least gap between two sends on the default queue (WeChat's PacedSender); default 0. */
  intervalMs?: number;
  /** Attempts per group before its delivery is FAILED (at least 1). */
  attempts: number;
  now: () => Date;
  logger?: Logger;
}

export class BroadcastWorker {
  constructor(
    private readonly d: BroadcastWorkerDeps,
    private readonly jobs: BroadcastJobs,
  ) {}

  /**
   * Starts this process's consumers of the broadcast queues, each at its platform's send rate, side by side.
   * `concurrency` per queue defaults to broadcastConcurrency(rate, pace): a window's sends start together, and where
   * the account's own pace is the slower, few copies wait in the gateway (a copy whose send began in a worker that dies
   * is left FAILED as uncertain). `startAfter`: connect now, take copies once it resolves (the chat account logged in).
   */
  async start(concurrency?: number, startAfter?: Promise<unknown>): Promise<void> {
    // a send is short: after a crash, the dead worker's claimed sends go back within seconds, not at the end of the run
    const reclaimAfterMs = 4000;
    const consume = (queue: JobQueue<BroadcastJob>, rate: SendRate, intervalMs = 0) =>
      queue.process((job) => this.handle(job), {
        concurrency: concurrency ?? broadcastConcurrency(rate, intervalMs),
        // the rate counts copies handed to the platform, taken at the handover (below), not jobs started: a copy waiting
        // for its turn in a paced account, or skipped, holds no slot, and a worker that dies leaves no slot that sent nothing
        limiter: rate,
        limiterInHandler: true,
        reclaimAfterMs,
        startAfter,
        unordered: true,
      });
    await Promise.all([
      consume(this.d.queue, this.d.rate, this.d.intervalMs),
      ...this.jobs.lanes().map((lane) => consume(lane.queue, lane.rate, lane.intervalMs)),
    ]);
  }

  /** One job of the broadcast queue. Thin on purpose: everything it decides is in the store. */
  async handle(job: Job<BroadcastJob>): Promise<void> {
    const data = job.data;
    if (data.kind === 'start') {
      const b = await this.d.broadcasts.findById(data.broadcastId);
      if (b?.status === 'SCHEDULED') await this.dispatchDue(b.id);
      return;
    }
    await this.sendOne(data.broadcastId, data.groupId, job.attemptsMade, job.takeLimiterSlot);
  }

  private async dispatchDue(broadcastId: number) {
    const sending = await this.d.broadcasts.transition(broadcastId, ['SCHEDULED'], 'SENDING');
    if (!sending) return;
    await this.jobs.enqueuePending(broadcastId);
    await this.d.broadcasts.finishIfDone(broadcastId, this.d.now());
  }

  private async sendOne(broadcastId: number, groupId: number, attemptsMade: number, takeSlot?: () => Promise<void>): Promise<void> {
    const { broadcasts, now } = this.d;
    const b = await broadcasts.findById(broadcastId);
    if (!b) return;
    if (b.status === 'CANCELLED') {
      await broadcasts.markSkipped(broadcastId, groupId, SKIP_REASON.cancelled);
      return;
    }
    if (b.status !== 'SENDING') return; // paused (or not started): stays PENDING for resume
    const group = await this.d.groups.findById(groupId);
    if (!group || !group.active) {
      await broadcasts.markSkipped(broadcastId, groupId, !group ? SKIP_REASON.missing : group.muted ? SKIP_REASON.muted : SKIP_REASON.inactive);
      await broadcasts.finishIfDone(broadcastId, now());
      return;
    }
    const key = deliveryKey(broadcastId, groupId);
    // The copy's attempt begins when it is handed to the platform (after its turn in a paced account), not when the job
    // starts: a copy still waiting for its turn when this process dies was never begun, and the next worker sends it.
    const begin = async () => {
      await takeSlot?.();
      if ((await broadcasts.beginNextAttempt(broadcastId, groupId)) === null) throw new AttemptNotBegun();
    };
    // The platform refused the copy for certain and the gateway waits to send it again (Telegram's 429): the attempt
    // ends as not sent, so a crash during the wait leaves the copy for the next worker, not uncertain; the gateway
    // calls begin() again before the re-send.
    const refused = (refusal: Error) => broadcasts.noteFailure(broadcastId, groupId, refusal.message);
    try {
      // a job's first run has sent nothing under its key unless an earlier attempt began, and then begin() refuses:
      // the outbox need not look for an earlier send
      await this.d.outbox.send({ key, platform: group.platform, to: { group: group.externalId, groupId }, text: b.text, ticketId: null }, { firstAttempt: attemptsMade === 0, beforeSend: begin, refused });
    } catch (e) {
      if (e instanceof AttemptNotBegun) {
        await this.settleUnfinished(broadcastId, groupId, key);
        return;
      }
      const reason = e instanceof Error ? e.message : String(e);
      // decided by the gateway's code alone: the bot not in the group is no failure of the send, the group is skipped
      if (sendErrorCode(e) === 'NOT_IN_GROUP') {
        await broadcasts.markSkipped(broadcastId, groupId, reason);
      } else if (attemptsMade + 1 >= this.d.attempts || isPermanentSendError(e)) {
        await broadcasts.markFailed(broadcastId, groupId, reason);
      } else {
        this.d.logger?.warn({ broadcastId, groupId, attempt: attemptsMade + 1, err: e }, 'broadcast send failed; will retry');
        await broadcasts.noteFailure(broadcastId, groupId, reason); // this attempt ended: the next one may send
        throw e; // the queue retries with backoff
      }
      this.d.logger?.warn({ broadcastId, groupId, reason }, 'broadcast copy not delivered');
      await broadcasts.finishIfDone(broadcastId, now());
      return;
    }
    await broadcasts.markSent(broadcastId, groupId, now());
    await broadcasts.finishIfDone(broadcastId, now());
  }

  /**
   * The copy's attempt could not begin: it is no longer PENDING (another worker finished it), or an attempt began and
   * never ended, so its worker died mid-send. If the outbox recorded the send it went out; if not, it may still have
   * reached the group (the platform accepted it, then the worker died before the record): sending again could send
   * twice, so the copy is left FAILED for a person to decide.
   */
  private async settleUnfinished(broadcastId: number, groupId: number, key: string): Promise<void> {
    const { broadcasts, now } = this.d;
    const delivery = await broadcasts.findDelivery(broadcastId, groupId);
    if (!delivery || delivery.status !== 'PENDING') return; // already SENT, FAILED or SKIPPED
    if (await this.d.messages.outgoingSent(key)) await broadcasts.markSent(broadcastId, groupId, now());
    else await broadcasts.markFailed(broadcastId, groupId, UNCERTAIN_REASON);
    await broadcasts.finishIfDone(broadcastId, now());
  }
}

/** A copy's attempt cannot begin (see settleUnfinished): nothing was sent. */
class AttemptNotBegun extends Error {
  constructor() {
    super('the copy has an unfinished attempt or is no longer pending');
  }
}
