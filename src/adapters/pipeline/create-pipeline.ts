// Builds the pipeline from the configuration: the job queues (BullMQ when REDIS_URL is set, else in-process) under
// the configured prefix, the ingest and notify queues (one per platform pace), and the queued outbox for the assistant.
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
  return { pipeline, queues, close: () => queues.close() };
}
