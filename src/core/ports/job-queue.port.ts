// Durable background work: the pipeline's stages (ingest, triage, ticket, notify, sla) are queues of jobs. Two
// implementations behind this port: BullMQ on Redis, and an in-process queue for the embedded sandbox.

export interface JobOptions {
  /** Idempotency key: adding a job whose id exists (waiting, delayed or active) does nothing. */
  jobId?: string;
  /** Run no earlier than this many milliseconds from now. */
  delayMs?: number;
  /** Total attempts, the first included (default 3). */
  attempts?: number;
  /** Base of exponential backoff between attempts, in milliseconds (default 1000). */
  backoffMs?: number;
  /** Jobs with the same key run one at a time, in the order they were added (e.g. a chat group). */
  orderKey?: string;
}

export interface Job<T> {
  id: string;
  name: string;
  data: T;
  /** Attempts made before this one. */
  attemptsMade: number;
}

export interface FailedJob<T = unknown> extends Job<T> {
  queue: string;
  failedReason: string;
  failedAt: Date | null;
}

export type JobHandler<T> = (job: Job<T>) => Promise<void>;

export interface WorkerOptions {
  concurrency?: number;
  /** At most `max` jobs started per `durationMs` across all workers of the queue. */
  limiter?: { max: number; durationMs: number };
}

/** Thrown by a handler for a job that must not be retried (bad input): it goes straight to the failed list. */
export class UnrecoverableJobError extends Error {
  override readonly name = 'UnrecoverableJobError';
}

export interface JobQueue<T = unknown> {
  readonly name: string;
  add(name: string, data: T, options?: JobOptions): Promise<string>;
  /** Removes a waiting or delayed job (e.g. a cancelled deadline timer); no-op when it does not exist. */
  remove(jobId: string): Promise<void>;
  /** Starts consuming. Several workers (processes) may consume one queue. */
  process(handler: JobHandler<T>, options?: WorkerOptions): Promise<void>;
  failed(limit?: number): Promise<FailedJob<T>[]>;
  /** Moves a failed job back to waiting. */
  retry(jobId: string): Promise<void>;
  /** Counts by state, for dashboards and tests. */
  counts(): Promise<{ waiting: number; delayed: number; active: number; completed: number; failed: number }>;
  close(): Promise<void>;
}

export interface JobQueues {
  readonly kind: 'bullmq' | 'memory';
  queue<T>(name: string): JobQueue<T>;
  close(): Promise<void>;
}
