// Durable background work: the pipeline's stages (ingest, triage, ticket, notify, sla) are queues of jobs. Two
// implementations behind this port: BullMQ on Redis, and an in-process queue for the embedded sandbox.

export interface JobOptions {
  /**
   * Idempotency key: adding a job whose id exists (waiting, delayed, active, or failed and kept for `retry`) does
   * nothing; once the job has completed (or was removed) the id may be used again. Any non-empty string.
   */
  jobId?: string;
  /** Run no earlier than this many milliseconds from now. */
  delayMs?: number;
  /** Total attempts, the first included (default 3). */
  attempts?: number;
  /** Base of exponential backoff between attempts, in milliseconds (default 1000). */
  backoffMs?: number;
  /**
   * Jobs with the same key run one at a time, in the order they were added (e.g. a chat group). A job waiting for
   * its next attempt (backoff) or its delay does not hold back the later jobs of its key.
   */
  orderKey?: string;
}

export interface Job<T> {
  id: string;
  name: string;
  data: T;
  /** Attempts made before this one. */
  attemptsMade: number;
  /**
   * Present when the worker's limiter is taken by the handler (WorkerOptions.limiterInHandler): waits for one start in
   * the limiter's log and records it. Later calls in the same run take no further slot (they wait for the first's).
   */
  takeLimiterSlot?: () => Promise<void>;
}

export interface FailedJob<T = unknown> extends Job<T> {
  queue: string;
  failedReason: string;
  failedAt: Date | null;
}

export type JobHandler<T> = (job: Job<T>) => Promise<void>;

export interface WorkerOptions<T = unknown> {
  /** Handlers running at once in this process (default 1). */
  concurrency?: number;
  /** At most `max` jobs started per `durationMs` across all workers of the queue. */
  limiter?: { max: number; durationMs: number };
  /**
   * The limiter counts what the handler starts, not the job: the job runs as soon as concurrency allows, and its
   * handler calls `job.takeLimiterSlot()` right before the limited action (a send handed to the platform). A job whose
   * handler never calls it (nothing to send) uses no slot, and a job that waits elsewhere first (a paced account's
   * turn) holds none while it waits: a worker that dies leaves no starts in the log that sent nothing.
   */
  limiterInHandler?: boolean;
  /**
   * How soon a job whose worker died (SIGKILL, a lost machine) is handed to another worker, in ms (default 10 000).
   * A running job keeps its claim as long as its process lives; only a dead or frozen process loses it. Short jobs
   * that must not stall a long run (a broadcast's sends) ask for less. The in-process queue ignores it.
   */
  reclaimAfterMs?: number;
  /**
   * Merges a key's backlog into one job: when a job with an orderKey starts its first attempt, the jobs of the same key
   * waiting right behind it (on their first attempt too) are taken into it, in order, while `coalesce(data so far,
   * next job's data)` returns the combined data; it returns undefined to stop (the batch is full, the next job is of
   * another kind). The handler then gets one job (the first's id and name) carrying the combined data; the taken jobs
   * leave the queue and count as completed, and a failure retries, then fails, the combined job as a whole. Order
   * within a key is kept: only jobs that would have run next, one after another, are taken.
   */
  coalesce?: (data: T, next: T) => T | undefined;
  /**
   * Claim no job before this settles: `process` connects at once (it resolves once the workers are ready) and
   * the handlers start when it resolves, never if it rejects. For a worker that may only run once something else is
   * up (a broadcast's sends need the chat account logged in), so connecting and logging in overlap.
   */
  startAfter?: Promise<unknown>;
  /**
   * This queue's jobs never carry an orderKey (a broadcast's copies): the worker consumes its unordered jobs only, and
   * BullMQ spares the partition workers (one Redis connection each) and their start-up. A job added with an orderKey
   * to such a queue waits for a worker without this option.
   */
  unordered?: boolean;
}

/** Thrown by a handler for a job that must not be retried (bad input): it goes straight to the failed list. */
export class UnrecoverableJobError extends Error {
  override readonly name = 'UnrecoverableJobError';
}

/** A job to add: what `add` takes, as one value. */
export interface NewJob<T> {
  name: string;
  data: T;
  options?: JobOptions;
}

export interface JobQueue<T = unknown> {
  readonly name: string;
  add(name: string, data: T, options?: JobOptions): Promise<string>;
  /** `add` for many jobs in one round trip where the queue can (BullMQ: one pipeline); ids in the given order. */
  addMany(jobs: readonly NewJob<T>[]): Promise<string[]>;
  /**
   * Removes a waiting, delayed or failed job (e.g. a cancelled deadline timer); no-op when it does not exist or is
   * active (a running job is not interrupted).
   */
  remove(jobId: string): Promise<void>;
  /** Starts consuming (once per queue object). Several workers (processes) may consume one queue. */
  process(handler: JobHandler<T>, options?: WorkerOptions<T>): Promise<void>;
  /** Failed jobs, most recently failed first (default limit 100). */
  failed(limit?: number): Promise<FailedJob<T>[]>;
  /** Moves a failed job back to waiting with its attempts reset; false (and nothing done) when no failed job has this id. */
  retry(jobId: string): Promise<boolean>;
  /**
   * Counts by state, for dashboards and tests; `completed` counts jobs completed so far (they are not kept), jobs taken
   * into another by `coalesce` included.
   */
  counts(): Promise<{ waiting: number; delayed: number; active: number; completed: number; failed: number }>;
  close(): Promise<void>;
}

export interface JobQueues {
  readonly kind: 'bullmq' | 'memory';
  /** The queue of this name (letters, digits, `.`, `_`, `-`), the same object on every call until it is closed. */
  queue<T>(name: string): JobQueue<T>;
  close(): Promise<void>;
}
