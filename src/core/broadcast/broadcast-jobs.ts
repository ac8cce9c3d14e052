// The queue side of broadcasts, shared by the commands and the worker: which queue a group's copy goes to (one per
// platform with its own send rate), queuing the PENDING copies once each, and taking queued copies back out.
import type { Platform } from '../messages/incoming-message.ts';
import type { BroadcastRepository } from '../ports/broadcast.repository.ts';
import type { JobQueue, NewJob } from '../ports/job-queue.port.ts';
import { pushTo } from '../util/multimap.ts';
import type { SendRate } from './broadcast-estimate.ts';
import { deliveryKey, type BroadcastJob } from './broadcast.types.ts';

export const BROADCAST_QUEUE = 'broadcast';
/** Jobs queued per round trip when a broadcast is dispatched. */
const ADD_BATCH = 100;

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

export interface BroadcastJobsDeps {
  broadcasts: BroadcastRepository;
  /** The queue of WeChat and of every platform without a lane of its own. */
  queue: JobQueue<BroadcastJob>;
  platforms?: Partial<Record<Platform, BroadcastLane>>;
  /** Attempts per copy and the backoff base, given to each queued job. */
  attempts: number;
  backoffMs: number;
}

export class BroadcastJobs {
  constructor(private readonly d: BroadcastJobsDeps) {}

  /** The platforms' own queues besides the default one. */
  lanes(): BroadcastLane[] {
    return Object.values(this.d.platforms ?? {}).filter((l): l is BroadcastLane => l !== undefined && l.queue !== this.d.queue);
  }

  /**
   * One job per PENDING copy, on its platform's queue (job id bc:<id>:<groupId>, so queuing twice queues each once),
   * added in batches: the first window's sends can start after one round trip, not after a thousand.
   */
  async enqueuePending(broadcastId: number) {
    const byQueue = new Map<JobQueue<BroadcastJob>, NewJob<BroadcastJob>[]>();
    for (const { groupId, platform } of await this.d.broadcasts.pendingTargets(broadcastId)) {
      const queue = (platform && this.d.platforms?.[platform]?.queue) || this.d.queue;
      const options = { jobId: deliveryKey(broadcastId, groupId), attempts: this.d.attempts, backoffMs: this.d.backoffMs };
      pushTo(byQueue, queue, { name: 'send', data: { kind: 'send', broadcastId, groupId }, options });
    }
    for (const [queue, jobs] of byQueue) for (let i = 0; i < jobs.length; i += ADD_BATCH) await queue.addMany(jobs.slice(i, i + ADD_BATCH));
  }

  async pendingGroupIds(broadcastId: number) {
    return (await this.d.broadcasts.deliveries(broadcastId, ['PENDING'])).map((d) => d.groupId);
  }

  async removeJobs(broadcastId: number, groupIds: number[]) {
    const chunk = 50;
    for (let i = 0; i < groupIds.length; i += chunk) {
      const queues = [this.d.queue, ...this.lanes().map((l) => l.queue)];
      await Promise.all(groupIds.slice(i, i + chunk).flatMap((g) => queues.map((q) => q.remove(deliveryKey(broadcastId, g)))));
    }
  }
}
