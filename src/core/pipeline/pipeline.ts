// The pipeline: incoming chat messages become ingest jobs (handled by the assistant in any worker process) and
// everything the bot says becomes notify jobs (sent where the chat platform is, paced per bot account).
// A message is stored before it is queued, so a queue that is down loses nothing: requeueUnhandled queues it later.
import { storedToIncoming } from '../messages/stored-to-incoming.ts';
import type { HandleOutcome } from '../assistant/assistant.ts';
import type { IncomingMessage, Platform } from '../messages/incoming-message.ts';
import { DirectOutbox, QueuedOutbox } from '../messages/outbox.ts';
import type { ChatGateway } from '../ports/chat-gateway.port.ts';
import type { JobQueue, WorkerOptions } from '../ports/job-queue.port.ts';
import type { Logger } from '../ports/logger.port.ts';
import type { StoredMessage } from '../ports/message.repository.ts';
import type { Outbox, OutgoingMessage } from '../ports/outbox.port.ts';
import type { Store } from '../ports/store.port.ts';
import { createIngestHandler, ingestJobId, toIngestJob, type IngestJobData } from './ingest.handler.ts';
import { createNotifyHandler } from './notify.handler.ts';

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
   * Attempts and backoff base of ingest jobs (default 10 attempts from 1 s, doubling: a database away for up to about
   * eight minutes delays messages but does not fail them).
   */
  ingestRetry?: { attempts: number; backoffMs: number };
  /** How long submit waits for the queue before leaving the message to requeueUnhandled (default 5 s). */
  submitTimeoutMs?: number;
}

/** What the workers of one process call: the assistant for ingest, the platforms' gateways for notify. */
export interface WorkerParts {
  assistant?: { handle(msg: IncomingMessage): Promise<HandleOutcome> };
  gateways?: Partial<Record<Platform, ChatGateway>>;
}

/** queued: an ingest job exists; stored: the queue failed, the message waits in the inbox; duplicate: handled before. */
export type SubmitResult = 'queued' | 'stored' | 'duplicate';

export class Pipeline {
  /** The outbox for the assistant: each reply becomes a keyed notify job. */
  readonly outbox: Outbox;
  private readonly retry: { attempts: number; backoffMs: number };

  constructor(private readonly d: PipelineDeps) {
    this.outbox = new QueuedOutbox(d.notify);
    this.retry = d.ingestRetry ?? { attempts: 10, backoffMs: 1000 };
  }

  /** Stores the message, then queues it; one group's messages are handled one at a time, in the order submitted. */
  async submit(msg: IncomingMessage): Promise<SubmitResult> {
    const { store } = this.d;
    const group =
      (await store.groups.findByExternal(msg.platform, msg.groupExternalId)) ??
      (await store.groups.upsertSeen(msg.platform, msg.groupExternalId, msg.groupExternalId));
    const { message, duplicate } = await store.messages.saveIncoming(msg, group.id);
    if (duplicate && message.handledAt) return 'duplicate';
    try {
      await this.enqueue(msg);
      return 'queued';
    } catch (e) {
      this.d.logger.error(
        { err: e, messageId: message.id, platform: msg.platform, externalId: msg.externalId },
        'ingest queue unavailable: the message is stored and will be queued again from the inbox',
      );
      return 'stored';
    }
  }

  /**
   * Queues again the stored messages that were never handled (the queue was down at submit time): the job id is the
   * message's, so one still waiting, running or failed is not queued twice. Returns how many were offered.
   */
  async requeueUnhandled(olderThanMs = 60_000, limit = 200): Promise<number> {
    const stale = await this.d.store.messages.listUnhandled(new Date(Date.now() - olderThanMs), limit);
    let offered = 0;
    for (const m of stale) {
      const group = m.groupId ? await this.d.store.groups.findById(m.groupId) : null;
      if (!group || !m.senderExternalId) {
        await this.d.store.messages.markHandled(m.id);
        continue;
      }
      const msg = storedToIncoming(m, group.externalId, m.senderExternalId);
      // a job that exhausted its attempts keeps its id, so adding it again would do nothing: move it back instead
      await this.d.ingest.retry(ingestJobId(msg));
      await this.enqueue(msg);
      offered++;
    }
    return offered;
  }

  /** Starts this process's workers for the named stages. */
  async startWorkers(stages: readonly PipelineStage[], concurrency: number, parts: WorkerParts): Promise<void> {
    const { logger } = this.d;
    for (const stage of new Set(stages)) {
      if (stage === 'ingest') {
        if (!parts.assistant) throw new Error('the ingest worker needs the assistant');
        await this.d.ingest.process(createIngestHandler(parts.assistant, logger.child({ stage })), { concurrency });
      } else {
        const gateways = parts.gateways ?? {};
        if (Object.keys(gateways).length === 0) throw new Error('the notify worker needs a chat gateway: it runs where the platform is');
        const direct = new DirectOutbox(gateways, this.d.store.messages);
        await this.d.notify.process(createNotifyHandler(direct), { concurrency, limiter: this.d.notifyLimiter });
      }
      logger.info({ stage, concurrency }, 'pipeline worker started');
    }
  }

  private async enqueue(msg: IncomingMessage): Promise<void> {
    const add = this.d.ingest.add('message', toIngestJob(msg), {
      jobId: ingestJobId(msg),
      orderKey: `${msg.platform}:${msg.groupExternalId}`,
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
