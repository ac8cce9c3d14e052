// Builds the pipeline from the configuration: the job queues (BullMQ when REDIS_URL is set, else in-process) under
// the configured prefix, the ingest and notify queues, the notify pace, and the queued outbox for the assistant.
import type { Config } from '../../config.ts';
import type { JobQueues } from '../../core/ports/job-queue.port.ts';
import type { Logger } from '../../core/ports/logger.port.ts';
import type { OutgoingMessage } from '../../core/ports/outbox.port.ts';
import type { Store } from '../../core/ports/store.port.ts';
import { NOTIFY_QUEUE } from '../../core/messages/outbox.ts';
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

export function createPipeline(cfg: Pick<Config, 'queue' | 'pipeline'>, parts: PipelineParts): BuiltPipeline {
  const logger = parts.logger.child({ component: 'pipeline' });
  const queues = parts.queues ?? createJobQueues(cfg, { prefix: cfg.pipeline.queuePrefix, logger });
  const pipeline = new Pipeline({
    store: parts.store,
    ingest: queues.queue<IngestJobData>(INGEST_QUEUE),
    notify: queues.queue<OutgoingMessage>(NOTIFY_QUEUE),
    logger,
    notifyLimiter: cfg.pipeline.notifyLimit,
    ingestRetry: parts.ingestRetry,
  });
  return { pipeline, queues, close: () => queues.close() };
}
