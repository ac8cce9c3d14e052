// Builds the pipeline from the configuration: the job queues (BullMQ when REDIS_URL is set, else in-process) under
// the configured prefix, the ingest and notify queues (one per platform pace), and the queued outbox for the assistant.
// Every bot has one: it is the only way a message comes in, with Redis or without.
import type { Config } from '../../config.ts';
import type { JobQueues } from '../../core/ports/job-queue.port.ts';
import type { Logger } from '../../core/ports/logger.port.ts';
import type { OutgoingMessage } from '../../core/ports/outbox.port.ts';
import type { Store } from '../../core/ports/store.port.ts';
import { NOTIFY_QUEUE, notifyQueueName } from '../../core/messages/outbox.ts';
import { INGEST_QUEUE, type IngestJobData } from '../../core/pipeline/ingest.handler.ts';
import { Pipeline, type PipelineDeps } from '../../core/pipeline/pipeline.ts';
import { createJobQueues } from '../queue/create-job-queues.ts';

export interface PipelineParts {
  store: Store;
  logger: Logger;
  /** Default: createJobQueues(cfg) with cfg.pipeline.queuePrefix. */
  queues?: JobQueues;
  ingestRetry?: PipelineDeps['ingestRetry'];
}

export interface BuiltPipeline {
  pipeline: Pipeline;
  queues: JobQueues;
  /**
   * Replies go through the notify queue (with Redis: sent where the platform is); in process they are sent at once
   * through the gateways, as the queue would add only a wait.
   */
  queuedReplies: boolean;
  /** In process: resolves once no ingest job waits or runs (tests, the sandbox, shutdown). With Redis: at once. */
  idle(): Promise<void>;
  /** Stops the workers (running jobs finish first) and lets go of the queues. */
  close(): Promise<void>;
}

/** Telegram's notify pace: its global limit (per-chat limits are kept by the gateway). */
export function telegramNotifyLimit(cfg: Partial<Pick<Config, 'telegram'>>): { max: number; durationMs: number } {
  return { max: cfg.telegram?.globalPerSecond ?? 30, durationMs: 1000 };
}

export function createPipeline(cfg: Pick<Config, 'queue' | 'pipeline'> & Partial<Pick<Config, 'telegram'>>, parts: PipelineParts): BuiltPipeline {
  const logger = parts.logger.child({ component: 'pipeline' });
  const queues = parts.queues ?? createJobQueues(cfg, { prefix: cfg.pipeline.queuePrefix, logger });
  const pipeline = new Pipeline({
    store: parts.store,
    ingest: queues.queue<IngestJobData>(INGEST_QUEUE),
    notify: queues.queue<OutgoingMessage>(NOTIFY_QUEUE),
    logger,
    notifyLimiter: cfg.pipeline.notifyLimit,
    // Telegram has its own queue and pace; a chat waiting out its per-chat limit holds one of the 16 sends in flight
    notifyByPlatform: { TELEGRAM: { queue: queues.queue<OutgoingMessage>(notifyQueueName('TELEGRAM')), limiter: telegramNotifyLimit(cfg), concurrency: 16 } },
    ingestRetry: parts.ingestRetry,
    ingestLanes: cfg.pipeline.ingestLanes,
  });
  const ingest = queues.queue<IngestJobData>(INGEST_QUEUE);
  const inProcess = cfg.queue.kind !== 'redis';
  let closed = false;
  const idle = async () => {
    // a job waiting out its retry backoff is not waited for: its message stays stored for the inbox retry
    // Redis: other processes work the queue too; closed: what had not started is dropped (it stays in the inbox)
    if (!inProcess) return;
    for (let c = await ingest.counts(); !closed && c.waiting + c.active > 0; c = await ingest.counts()) await new Promise((r) => setTimeout(r, 5));
  };
  const close = () => {
    closed = true;
    return queues.close();
  };
  return { pipeline, queues, queuedReplies: !inProcess, idle, close };
}

/** The pipeline of a bot given none: in-process queues of its own, the default pace. */
export function inProcessPipeline(parts: Omit<PipelineParts, 'queues'>): BuiltPipeline {
  return createPipeline({ queue: { kind: 'memory' }, pipeline: { queuePrefix: 'linli', notifyLimit: { max: 1, durationMs: 1500 } } }, parts);
}
