// The pipeline: incoming chat messages become ingest jobs (handled by the assistant in any worker process) and
// everything the bot says becomes notify jobs (sent where the chat platform is, paced per bot account).
// A message is stored before it is queued, so a queue that is down loses nothing: requeueUnhandled queues it later.
//
// Throughput comes from batching (group commit): messages submitted while the previous flush runs are stored with one
// INSERT and queued as one job per ordering lane. A group's messages always go to the same lane (a hash of the group),
// and a lane's jobs run one at a time in order, so a group's messages are handled in the order they were submitted.
// At the worker, the jobs waiting in a lane behind the one starting are taken into it (the queue's coalesce), so a
// steady stream, queued a message or two per job, is handled in batches that grow with the backlog as a burst's do.
import { staleInbox } from '../messages/stored-to-incoming.ts';
import type { IncomingMessage, Platform } from '../messages/incoming-message.ts';
import { DirectOutbox, QueuedOutbox } from '../messages/outbox.ts';
import type { ChatGateway } from '../ports/chat-gateway.port.ts';
import type { JobQueue, WorkerOptions } from '../ports/job-queue.port.ts';
import type { Logger } from '../ports/logger.port.ts';
import type { Outbox, OutgoingMessage } from '../ports/outbox.port.ts';
import type { Store } from '../ports/store.port.ts';
import { createIngestHandler, mergeIngestJobs, parseIngestJob, toIngestMessage, type IngestAssistant, type IngestJobData, type IngestJobItem, type IngestMessageData } from './ingest.handler.ts';
import { GroupCommit } from '../util/group-commit.ts';
import { RefusedDataError } from '../errors.ts';
import { fnv1a } from '../util/fnv1a.ts';
import { MessageInbox } from './message-inbox.ts';
import { createNotifyHandler } from './notify.handler.ts';
import { pushTo } from '../util/multimap.ts';

export type PipelineStage = 'ingest' | 'notify';

export const PIPELINE_STAGES: readonly PipelineStage[] = ['ingest', 'notify'];

export interface PipelineDeps {
  store: Store;
  ingest: JobQueue<IngestJobData>;
  notify: JobQueue<OutgoingMessage>;
  logger: Logger;
  /** Sends started per window across every notify worker: the pace one bot account can take. */
  notifyLimiter: NonNullable<WorkerOptions['limiter']>;
  /**
   * Platforms with their own notify queue and pace (Telegram's limits are not the WeChat account's); the others share
   * `notify` at `notifyLimiter`. `concurrency`: at least this many sends at once (a chat held back by its own limit
   * holds one).
   */
  notifyByPlatform?: Partial<Record<Platform, NotifyLane>>;
  /**
   * Attempts and backoff base of ingest jobs (default 10 attempts from 1 s, doubling: a database away for up to about
   * eight minutes delays messages but does not fail them).
   */
  ingestRetry?: { attempts: number; backoffMs: number };
  /** How long submit waits for the queue before leaving the message to requeueUnhandled (default 5 s). */
  submitTimeoutMs?: number;
  /**
   * Ordering lanes of the ingest stage (default 8): at most this many batches are handled at once across all workers.
   * Change it only when the ingest queue is empty (a group would move to another lane mid-stream).
   */
  ingestLanes?: number;
  /** Most messages stored and queued in one flush (default 500). */
  maxBatch?: number;
  /**
   * How long submit keeps trying to store messages while the database is away (default 10 minutes, backoff from
   * 200 ms to 10 s): the messages wait in memory, in order, instead of being dropped; later ones wait behind them.
   */
  storeRetryMs?: number;
  /** Waits between store attempts (tests); default setTimeout. */
  sleep?: (ms: number) => Promise<void>;
}

/** A platform's own notify queue and its pace. */
export interface NotifyLane {
  queue: JobQueue<OutgoingMessage>;
  limiter: NonNullable<WorkerOptions['limiter']>;
  concurrency?: number;
}

/** What the workers of one process call: the assistant for ingest, the platforms' gateways for notify. */
export interface WorkerParts {
  assistant?: IngestAssistant;
  gateways?: Partial<Record<Platform, ChatGateway>>;
}

/** queued: an ingest job exists; stored: the queue failed, the message waits in the inbox; duplicate: handled before. */
export type SubmitResult = 'queued' | 'stored' | 'duplicate';

export class Pipeline {
  /** The outbox for the assistant: each reply becomes a keyed notify job. */
  readonly outbox: Outbox;
  private readonly queued: QueuedOutbox;
  private readonly retry: { attempts: number; backoffMs: number };
  private readonly lanes: number;
  private readonly batches: GroupCommit<IncomingMessage, SubmitResult>;
  /** Where every incoming message is stored and its group resolved, once (see MessageInbox). */
  readonly inbox: MessageInbox;

  constructor(private readonly d: PipelineDeps) {
    const lanes: Partial<Record<Platform, JobQueue<OutgoingMessage>>> = {};
    for (const [p, lane] of Object.entries(d.notifyByPlatform ?? {}) as [Platform, NotifyLane][]) lanes[p] = lane.queue;
    this.queued = new QueuedOutbox(d.notify, lanes, d.store.pendingSends);
    this.outbox = this.queued;
    this.retry = d.ingestRetry ?? { attempts: 10, backoffMs: 1000 };
    this.lanes = Math.max(1, Math.floor(d.ingestLanes ?? 8));
    this.inbox = new MessageInbox({ store: d.store, logger: d.logger, storeRetryMs: d.storeRetryMs, sleep: d.sleep });
    // a message the database refuses is set apart (its batch halved until it stands alone) and fails alone
    this.batches = new GroupCommit((msgs) => this.flush(msgs), { maxBatch: d.maxBatch ?? 500, itemError: (e) => e instanceof RefusedDataError });
  }

  /**
   * Stores the message, then queues it; one group's messages are handled one at a time, in the order submitted.
   * Messages submitted together are stored and queued together.
   */
  submit(msg: IncomingMessage): Promise<SubmitResult> {
    return this.batches.submit(msg);
  }

  private async flush(msgs: readonly IncomingMessage[]): Promise<SubmitResult[]> {
    const { logger } = this.d;
    const saved = await this.inbox.save(msgs);
    const results: SubmitResult[] = saved.map((s) => (s.handled ? 'duplicate' : 'queued'));
    const byLane = new Map<number, { index: number; data: IngestMessageData }[]>();
    const queuedIds = new Set<number>();
    saved.forEach((s, index) => {
      if (results[index] === 'duplicate' || queuedIds.has(s.item.messageId)) return;
      queuedIds.add(s.item.messageId);
      const lane = this.laneOf(s.item.msg);
      const data = toIngestMessage(s.item);
      pushTo(byLane, lane, { index, data });
    });
    await Promise.all(
      [...byLane].map(async ([lane, items]) => {
        try {
          await this.enqueue(lane, items.map((i) => i.data));
        } catch (e) {
          logger.error(
            { err: e, lane, messageIds: items.map((i) => i.data.messageId) },
            'ingest queue unavailable: the message is stored and will be queued again from the inbox',
          );
          for (const i of items) results[i.index] = 'stored';
        }
      }),
    );
    return results;
  }

  /** Forget a group's remembered row id (it moved to a new platform id, or a row was folded into another). */
  forgetGroup(platform: Platform, externalId: string): void {
    this.inbox.forgetGroup(platform, externalId);
  }

  /** FNV-1a of the group: stable across processes and versions, so every submitter puts a group in the same lane. */
  private laneOf(msg: IncomingMessage): number {
    return fnv1a(`${msg.platform}:${msg.groupExternalId}`) % this.lanes;
  }

  /**
   * Queues again the stored messages that were never handled: a message whose job failed for good is offered again
   * by retrying that job (it leaves the failed list); one whose job never reached the queue gets a new job per lane,
   * its id made of the messages', so a set still waiting is not queued twice. Returns how many messages were offered.
   */
  async requeueUnhandled(olderThanMs = 60_000, limit = 200): Promise<number> {
    const stale = await staleInbox(this.d.store, olderThanMs, limit);
    if (stale.length === 0) return 0;
    const jobOf = new Map<number, string>();
    for (const job of await this.d.ingest.failed(1000)) {
      let items: IngestJobItem[];
      try {
        items = parseIngestJob(job.data);
      } catch {
        continue; // a malformed job stays parked for a person to look at
      }
      for (const i of items) if (i.messageId !== undefined && !jobOf.has(i.messageId)) jobOf.set(i.messageId, job.id);
    }
    const retried = new Set<string>();
    const byLane = new Map<number, IngestMessageData[]>();
    for (const { stored, group, msg } of stale) {
      const failedJob = jobOf.get(stored.id);
      if (failedJob !== undefined) {
        if (!retried.has(failedJob)) await this.d.ingest.retry(failedJob);
        retried.add(failedJob);
        continue;
      }
      const lane = this.laneOf(msg);
      pushTo(byLane, lane, toIngestMessage({ msg, messageId: stored.id, groupId: group.id }));
    }
    for (const [lane, items] of byLane) await this.enqueue(lane, items, 'requeue');
    return stale.length;
  }

  /**
   * What the bot runs at login and every minute: queues again the messages never handled and the replies never sent
   * that the queue lost (see requeueUnhandled and requeueUnsent).
   */
  async recover(olderThanMs = 60_000): Promise<{ messages: number; replies: number }> {
    const messages = await this.requeueUnhandled(olderThanMs);
    const replies = await this.requeueUnsent(olderThanMs);
    return { messages, replies };
  }

  /**
   * Queues again what the bot was to say and has not said: a reply recorded in the outbox table more than
   * `olderThanMs` ago whose job was lost (a Redis restarted without its data). The job id is the message's key, so a
   * job still waiting, running or failed is not doubled, and the notify worker skips a message already sent. Replies
   * pending for more than `giveUpMs` (default 2 days: their job failed for good) are forgotten. Returns how many were offered.
   */
  async requeueUnsent(olderThanMs = 60_000, limit = 500, giveUpMs = 2 * 24 * 3600_000): Promise<number> {
    const now = Date.now();
    const forgotten = await this.d.store.pendingSends.forgetBefore(new Date(now - giveUpMs));
    if (forgotten > 0) this.d.logger.warn({ forgotten }, 'replies pending for too long were forgotten: see `linli queue failed`');
    const pending = await this.d.store.pendingSends.list(new Date(now - giveUpMs), new Date(now - olderThanMs), limit);
    for (const m of pending) await this.queued.enqueue(m);
    return pending.length;
  }

  /** Starts this process's workers for the named stages: connected now, taking jobs from `startAfter` on when given. */
  async startWorkers(stages: readonly PipelineStage[], concurrency: number, parts: WorkerParts, startAfter?: Promise<unknown>): Promise<void> {
    const { logger } = this.d;
    for (const stage of new Set(stages)) {
      if (stage === 'ingest') {
        if (!parts.assistant) throw new Error('the ingest worker needs the assistant');
        // a lane's jobs waiting behind the one starting join it: under a steady stream (a job per message or two) the
        // worker still handles batches as large as a burst's
        await this.d.ingest.process(createIngestHandler(parts.assistant, this.inbox, logger.child({ stage })), {
          concurrency,
          coalesce: mergeIngestJobs(this.d.maxBatch ?? 500),
          startAfter,
        });
      } else {
        const gateways = parts.gateways ?? {};
        const platforms = (Object.keys(gateways) as Platform[]).filter((p) => gateways[p]);
        if (platforms.length === 0) throw new Error('the notify worker needs a chat gateway: it runs where the platform is');
        // one worker per notify queue given a gateway, each at its platform's pace
        const workers = new Map<JobQueue<OutgoingMessage>, { lane?: NotifyLane; gateways: Partial<Record<Platform, ChatGateway>> }>();
        for (const p of platforms) {
          const lane = this.d.notifyByPlatform?.[p];
          const queue = lane?.queue ?? this.d.notify;
          const w = workers.get(queue) ?? { lane, gateways: {} };
          w.gateways[p] = gateways[p];
          workers.set(queue, w);
        }
        for (const [queue, w] of workers) {
          const direct = new DirectOutbox(w.gateways, this.d.store.messages, { pending: this.d.store.pendingSends, groups: this.d.store.groups, logger: this.d.logger });
          await queue.process(createNotifyHandler(direct), {
            concurrency: Math.max(concurrency, w.lane?.concurrency ?? 0),
            limiter: w.lane?.limiter ?? this.d.notifyLimiter,
            startAfter,
          });
          if (workers.size > 1) logger.info({ stage, queue: queue.name, platforms: Object.keys(w.gateways) }, 'notify worker started');
        }
      }
      logger.info({ stage, concurrency }, 'pipeline worker started');
    }
  }

  private async enqueue(lane: number, messages: IngestMessageData[], why: 'batch' | 'requeue' = 'batch'): Promise<void> {
    const ids = messages.map((m) => m.messageId!);
    const add = this.d.ingest.add('messages', { messages }, {
      jobId: `${why}:${ids[0]}-${ids[ids.length - 1]}:${ids.length}`,
      orderKey: `ingest-lane:${lane}`,
      ...this.retry,
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeoutMs = this.d.submitTimeoutMs ?? 5000;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`ingest queue did not answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([add, timeout]);
    } finally {
      clearTimeout(timer);
      add.catch(() => undefined); // a late failure after the timeout was already reported
    }
  }
}
