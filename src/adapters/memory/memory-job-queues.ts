// The in-process JobQueue for the embedded sandbox and unit tests: the same semantics as the BullMQ queues (proved by
// test/contract/job-queue.contract.ts), kept in this process's memory — nothing survives a restart.
import { randomUUID } from 'node:crypto';
import {
  UnrecoverableJobError,
  type FailedJob,
  type Job,
  type JobHandler,
  type JobOptions,
  type JobQueue,
  type JobQueues,
  type NewJob,
  type WorkerOptions,
} from '../../core/ports/job-queue.port.ts';
import { firstCallOnly } from '../../core/util/memo.ts';
import { SlidingWindowLimiter } from '../chat/sliding-window-limiter.ts';

const QUEUE_NAME = /^[\w.-]+$/;
const DEFAULT_ATTEMPTS = 3;
const DEFAULT_BACKOFF_MS = 1000;
/** Failed jobs kept for failed()/retry(); the oldest are dropped beyond this. */
const KEEP_FAILED = 10_000;

/** The longest delay one setTimeout can wait. */
const MAX_TIMER_MS = 2 ** 31 - 1;

type State = 'waiting' | 'delayed' | 'active' | 'failed';

interface Entry<T> {
  id: string;
  name: string;
  data: T;
  attempts: number;
  backoffMs: number;
  orderKey: string | undefined;
  attemptsMade: number;
  state: State;
  timer?: NodeJS.Timeout;
  failedReason?: string;
  failedAt?: Date;
}

class MemoryJobQueue<T> implements JobQueue<T> {
  /** Every job the queue knows, by id: an id present here is taken (see JobOptions.jobId). */
  private readonly jobs = new Map<string, Entry<T>>();
  /** Ready jobs in the order they became ready. */
  private waiting: Entry<T>[] = [];
  /** Failed jobs, oldest first. */
  private failedJobs: Entry<T>[] = [];
  private readonly busyKeys = new Set<string>();
  /** Start times inside the limiter's window (a sliding log: never more than `max` in any `durationMs`). */
  private starts: number[] = [];
  private pumpTimer: NodeJS.Timeout | undefined;
  private handler: JobHandler<T> | undefined;
  private processing = false;
  private concurrency = 1;
  private limiter: WorkerOptions['limiter'];
  /** The limiter as the handlers take it (WorkerOptions.limiterInHandler); pump then leaves the limit to them. */
  private handlerSlots: SlidingWindowLimiter | undefined;
  private coalesce: WorkerOptions<T>['coalesce'];
  private active = 0;
  private completed = 0;
  private closed = false;
  private idle: (() => void)[] = [];

  constructor(
    readonly name: string,
    private readonly onClosed: () => void,
  ) {}

  async addMany(jobs: readonly NewJob<T>[]): Promise<string[]> {
    const ids: string[] = [];
    for (const j of jobs) ids.push(await this.add(j.name, j.data, j.options));
    return ids;
  }

  async add(name: string, data: T, options: JobOptions = {}): Promise<string> {
    if (this.closed) throw new Error(`queue ${this.name} is closed`);
    if (options.jobId === '') throw new Error('jobId must not be empty');
    const id = options.jobId ?? randomUUID();
    if (this.jobs.has(id)) return id;
    const entry: Entry<T> = {
      id,
      name,
      // Stored as JSON like in Redis, so a handler that would break on the real queue (a Date, a class) breaks here too.
      data: data === undefined ? data : (JSON.parse(JSON.stringify(data)) as T),
      attempts: Math.max(1, options.attempts ?? DEFAULT_ATTEMPTS),
      backoffMs: options.backoffMs ?? DEFAULT_BACKOFF_MS,
      orderKey: options.orderKey,
      attemptsMade: 0,
      state: 'waiting',
    };
    this.jobs.set(id, entry);
    if (options.delayMs && options.delayMs > 0) this.delay(entry, options.delayMs);
    else this.makeReady(entry);
    return id;
  }

  async remove(jobId: string): Promise<void> {
    const entry = this.jobs.get(jobId);
    if (!entry || entry.state === 'active') return;
    clearTimeout(entry.timer);
    this.jobs.delete(jobId);
    this.waiting = this.waiting.filter((e) => e !== entry);
    this.failedJobs = this.failedJobs.filter((e) => e !== entry);
  }

  async process(handler: JobHandler<T>, options: WorkerOptions<T> = {}): Promise<void> {
    if (this.closed) throw new Error(`queue ${this.name} is closed`);
    if (this.processing) throw new Error(`queue ${this.name} is already being processed`);
    this.concurrency = Math.max(1, options.concurrency ?? 1);
    this.limiter = options.limiterInHandler ? undefined : options.limiter;
    const limiter = options.limiter;
    this.handlerSlots = options.limiterInHandler && limiter ? new SlidingWindowLimiter({ global: [limiter], perKey: () => [] }) : undefined;
    this.coalesce = options.coalesce;
    const begin = () => {
      this.handler = handler;
      this.pump();
    };
    // `processing` marks the queue taken at once; the handler (which pump needs) only from startAfter on
    this.processing = true;
    if (options.startAfter) options.startAfter.then(begin, () => undefined);
    else begin();
  }

  async failed(limit = 100): Promise<FailedJob<T>[]> {
    return this.failedJobs
      .slice(Math.max(0, this.failedJobs.length - limit))
      .reverse()
      .map((e) => ({
        id: e.id,
        name: e.name,
        data: e.data,
        attemptsMade: e.attemptsMade,
        queue: this.name,
        failedReason: e.failedReason ?? '',
        failedAt: e.failedAt ?? null,
      }));
  }

  async retry(jobId: string): Promise<boolean> {
    const entry = this.jobs.get(jobId);
    if (!entry || entry.state !== 'failed') return false;
    this.failedJobs = this.failedJobs.filter((e) => e !== entry);
    entry.attemptsMade = 0;
    entry.failedReason = undefined;
    entry.failedAt = undefined;
    this.makeReady(entry);
    return true;
  }

  async counts() {
    const c = { waiting: 0, delayed: 0, active: 0, completed: this.completed, failed: 0 };
    for (const e of this.jobs.values()) c[e.state]++;
    return c;
  }

  /** Stops starting jobs, drops the delayed ones (memory is not durable) and waits for the running handlers. */
  async close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      clearTimeout(this.pumpTimer);
      for (const e of this.jobs.values()) clearTimeout(e.timer);
      this.onClosed();
    }
    if (this.active > 0) await new Promise<void>((resolve) => this.idle.push(resolve));
  }

  private delay(entry: Entry<T>, ms: number): void {
    entry.state = 'delayed';
    if (this.closed) return;
    // a timer longer than 2^31 − 1 ms fires at once (Node): a month's wait (the monthly 每月一题) is waited in steps
    const step = Math.min(ms, MAX_TIMER_MS);
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      if (ms > step) this.delay(entry, ms - step);
      else this.makeReady(entry);
    }, step);
  }

  private makeReady(entry: Entry<T>): void {
    entry.state = 'waiting';
    this.waiting.push(entry);
    this.pump();
  }

  /** Starts as many ready jobs as concurrency, key order and the limiter allow. */
  private pump(): void {
    if (!this.handler || this.closed) return;
    while (this.active < this.concurrency) {
      const entry = this.waiting.find((e) => e.orderKey === undefined || !this.busyKeys.has(e.orderKey));
      if (!entry) return;
      if (this.limiter) {
        const now = Date.now();
        const { max, durationMs } = this.limiter;
        this.starts = this.starts.filter((t) => t > now - durationMs);
        const oldest = this.starts[0];
        if (this.starts.length >= max && oldest !== undefined) {
          if (!this.pumpTimer) {
            this.pumpTimer = setTimeout(() => {
              this.pumpTimer = undefined;
              this.pump();
            }, oldest + durationMs - now);
          }
          return;
        }
        this.starts.push(now);
      }
      this.start(entry, this.handler);
    }
  }

  private start(entry: Entry<T>, handler: JobHandler<T>): void {
    this.waiting = this.waiting.filter((e) => e !== entry);
    entry.state = 'active';
    this.active++;
    if (entry.orderKey !== undefined) this.busyKeys.add(entry.orderKey);
    if (entry.orderKey !== undefined && entry.attemptsMade === 0 && this.coalesce) this.takeBehind(entry, this.coalesce);
    const job: Job<T> = { id: entry.id, name: entry.name, data: entry.data, attemptsMade: entry.attemptsMade };
    const slots = this.handlerSlots;
    if (slots) job.takeLimiterSlot = firstCallOnly(() => slots.acquire(''));
    Promise.resolve()
      .then(() => handler(job))
      .then(
        () => {
          this.jobs.delete(entry.id);
          this.completed++;
        },
        (err: unknown) => this.fail(entry, err),
      )
      .finally(() => {
        this.active--;
        if (entry.orderKey !== undefined) this.busyKeys.delete(entry.orderKey);
        if (this.active === 0) for (const resolve of this.idle.splice(0)) resolve();
        this.pump();
      });
  }

  /** Takes the first-attempt jobs of the entry's key waiting behind it into it, in order (see WorkerOptions.coalesce). */
  private takeBehind(entry: Entry<T>, merge: (data: T, next: T) => T | undefined): void {
    const taken = new Set<Entry<T>>();
    for (const next of this.waiting) {
      if (next.orderKey !== entry.orderKey) continue;
      const data = next.attemptsMade === 0 ? merge(entry.data, next.data) : undefined;
      if (data === undefined) break;
      entry.data = data;
      taken.add(next);
    }
    if (taken.size === 0) return;
    this.waiting = this.waiting.filter((e) => !taken.has(e));
    for (const e of taken) this.jobs.delete(e.id);
    this.completed += taken.size;
  }

  private fail(entry: Entry<T>, err: unknown): void {
    entry.attemptsMade++;
    if (err instanceof UnrecoverableJobError || entry.attemptsMade >= entry.attempts) {
      entry.state = 'failed';
      entry.failedReason = err instanceof Error ? err.message : String(err);
      entry.failedAt = new Date();
      this.failedJobs.push(entry);
      const dropped = this.failedJobs.length > KEEP_FAILED ? this.failedJobs.shift() : undefined;
      if (dropped) this.jobs.delete(dropped.id);
      return;
    }
    this.delay(entry, entry.backoffMs * 2 ** (entry.attemptsMade - 1));
  }
}

/** In-process queues; `close()` waits for running handlers and drops what has not started. */
export function createMemoryQueues(): JobQueues {
  const queues = new Map<string, MemoryJobQueue<unknown>>();
  let closed = false;
  return {
    kind: 'memory',
    queue<T>(name: string): JobQueue<T> {
      if (closed) throw new Error('job queues are closed');
      if (!QUEUE_NAME.test(name)) throw new Error(`invalid queue name ${JSON.stringify(name)}: use letters, digits, . _ -`);
      let q = queues.get(name);
      if (!q) {
        const created: MemoryJobQueue<unknown> = new MemoryJobQueue<unknown>(name, () => {
          if (queues.get(name) === created) queues.delete(name);
        });
        queues.set(name, created);
        q = created;
      }
      return q as JobQueue<T>;
    },
    async close() {
      closed = true;
      await Promise.all([...queues.values()].map((q) => q.close()));
    },
  };
}
