// Picks the JobQueue implementation from the configuration: BullMQ when REDIS_URL is set, else the in-process queue.
import type { Config } from '../../config.ts';
import type { JobQueues } from '../../core/ports/job-queue.port.ts';
import type { Logger } from '../../core/ports/logger.port.ts';
import { createBullmqQueues } from '../bullmq/bullmq-job-queues.ts';
import { createMemoryQueues } from '../memory/memory-job-queues.ts';

export interface JobQueuesExtras {
  /** Redis key prefix (default `linli`); give each deployment sharing a Redis its own. */
  prefix?: string;
  logger?: Logger;
}

export function createJobQueues(cfg: Pick<Config, 'queue'>, extras: JobQueuesExtras = {}): JobQueues {
  if (cfg.queue.kind === 'redis') {
    return createBullmqQueues({ connection: cfg.queue.url, prefix: extras.prefix, logger: extras.logger });
  }
  return createMemoryQueues();
}
