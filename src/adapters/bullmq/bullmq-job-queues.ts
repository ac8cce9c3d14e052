// The JobQueue port on Redis with BullMQ: durable jobs shared by every process of a deployment. Its behaviour is
// pinned by test/contract/job-queue.contract.ts, which the in-process queue passes too.
//
// Order per key. BullMQ (open source) has no groups, so a logical queue `name` is P+1 BullMQ queues: `name` for jobs
// without an orderKey, consumed with the worker's concurrency, and partitions `name#p0` … `name#p{P-1}`; a job with an
// orderKey goes to partition hash(orderKey) % P, and each partition has a global concurrency of 1 (BullMQ's
// setGlobalConcurrency, enforced in Redis), so the jobs of one key start one after another in the order they were
// added, across all processes, while keys in different partitions run in parallel. The trade-offs:
//   - keys that share a partition wait for each other (head-of-line blocking): at most P keys make progress at once;
//   - each process holds P+1 blocking Redis connections per consumed queue (one per BullMQ Worker; 1 for a queue
//     consumed `unordered`, whose jobs carry no orderKey);
//   - P must not change while ordered jobs are queued (a key would move to another partition mid-stream);
//   - a job waiting for its retry (backoff) does not hold back its key: BullMQ moves it to `delayed` and the partition
//     goes on with the next job;
//   - a partition worker claims its job before a concurrency slot or a limiter slot is free, so counts().active can
//     include jobs that are claimed but not yet running.
// The limiter is ours, not BullMQ's: BullMQ's applies to one BullMQ queue (not to the P+1 of a logical queue) and is a
// fixed window, which lets up to 2×max jobs start within one duration across a window boundary. Ours is a sliding log
// of start times in Redis, on Redis' clock, shared by every worker of the logical queue.
import { randomUUID } from 'node:crypto';
import { Queue, UnrecoverableError, Worker, type Job as BullJob, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
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
import type { Logger } from '../../core/ports/logger.port.ts';
import { fnv1a } from '../../core/util/fnv1a.ts';
import { firstCallOnly } from '../../core/util/memo.ts';
import { pushTo } from '../../core/util/multimap.ts';
import { redisErrorReporter } from '../redis/redis-error-report.ts';

export interface BullmqQueuesOptions {
  /** Redis URL, e.g. redis://127.0.0.1:6379. */
  connection: string;
  /** First part of every Redis key written (default `linli`): deployments and test runs with different prefixes never meet. */
  prefix?: string;
  /** Partition queues for jobs with an orderKey (default 16); change it only when the queues are drained. */
  partitions?: number;
  /** Where connection and worker errors go (default: stderr). */
  logger?: Logger;
}

const QUEUE_NAME = /^[\w.-]+$/;
const DEFAULT_ATTEMPTS = 3;
const DEFAULT_BACKOFF_MS = 1000;
/** Failed jobs kept per BullMQ queue for failed()/retry(); completed jobs are removed at once (their ids free again). */
const KEEP_FAILED = 10_000;
/** coalesce reads a partition's waiting jobs this many at a time, and looks no further than COALESCE_SCAN. */
const COALESCE_PAGE = 100;
const COALESCE_SCAN = 1000;

/**
 * Sliding-log limiter: KEYS[1] is a sorted set of start times. Returns 0 and records a start when fewer than ARGV[1]
 * jobs started in the last ARGV[2] ms, else the ms until the oldest of them leaves the window.
 */
const TAKE_START_SLOT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window)
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return math.max(1, tonumber(oldest[2]) + window - now)
`;

/** BullMQ refuses integer ids and ids with ':'; those (and ids with '%') are stored as '%' + encodeURIComponent(id). */
function toBullId(id: string): string {
  return /[:%]/.test(id) || /^-?\d+$/.test(id) ? `%${encodeURIComponent(id)}` : id;
}

function fromBullId(id: string | undefined): string {
  if (id === undefined) return '';
  return id.startsWith('%') ? decodeURIComponent(id.slice(1)) : id;
}

/** The partition of an order key: the same in every process (see fnv1a). */
const partitionOf = (key: string, partitions: number): number => fnv1a(key) % partitions;

/** Handlers running at once in this process, across the main queue and the partitions. */
class Slots {
  private readonly waiters: (() => void)[] = [];
  constructor(private free: number) {}
  async acquire(): Promise<void> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiters.push(resolve));
  }
  release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.free++;
  }
}

interface Shared {
  prefix: string;
  partitions: number;
  producer: Redis;
  consumer(): Redis;
  report(error: Error, where: string): void;
}

class BullmqJobQueue<T> implements JobQueue<T> {
  private readonly main: Queue;
  private readonly parts: Queue[];
  private workers: Worker[] = [];
  private processing = false;
  private closing: Promise<void> | undefined;

  constructor(
    readonly name: string,
    private readonly shared: Shared,
    private readonly onClosed: () => void,
  ) {
    const open = (queueName: string) => {
      const q = new Queue(queueName, {
        connection: shared.producer,
        prefix: shared.prefix,
        defaultJobOptions: { removeOnComplete: true, removeOnFail: { count: KEEP_FAILED } },
      });
      q.on('error', (e) => shared.report(e, `queue ${queueName}`));
      return q;
    };
    this.main = open(name);
    this.parts = Array.from({ length: shared.partitions }, (_, i) => open(`${name}#p${i}`));
  }

  private get all(): Queue[] {
    return [this.main, ...this.parts];
  }

  async add(name: string, data: T, options: JobOptions = {}): Promise<string> {
    const [id] = await this.addMany([{ name, data, options }]);
    return id!;
  }

  async addMany(jobs: readonly NewJob<T>[]): Promise<string[]> {
    const ids: string[] = [];
    const byTarget = new Map<Queue, { name: string; data: T; opts: JobsOptions }[]>();
    for (const { name, data, options = {} } of jobs) {
      if (options.jobId === '') throw new Error('jobId must not be empty');
      // Always our own id: BullMQ's generated ids are counters per BullMQ queue and would repeat across partitions.
      const id = options.jobId ?? randomUUID();
      ids.push(id);
      const target = options.orderKey === undefined ? this.main : this.parts[partitionOf(options.orderKey, this.parts.length)]!;
      pushTo(byTarget, target, {
        name,
        data,
        opts: {
          jobId: toBullId(id),
          delay: options.delayMs && options.delayMs > 0 ? options.delayMs : undefined,
          attempts: Math.max(1, options.attempts ?? DEFAULT_ATTEMPTS),
          backoff: { type: 'exponential', delay: options.backoffMs ?? DEFAULT_BACKOFF_MS },
          // kept with the job (BullMQ keeps options it does not know): coalesce takes only jobs of the same key
          ...(options.orderKey === undefined ? {} : { orderKey: options.orderKey }),
        } as JobsOptions,
      });
    }
    // one BullMQ queue: one add, or one pipelined addBulk (a job of one key stays behind the earlier ones of that key)
    await Promise.all(
      [...byTarget].map(([target, list]) => (list.length === 1 ? target.add(list[0]!.name, list[0]!.data, list[0]!.opts) : target.addBulk(list))),
    );
    return ids;
  }

  async remove(jobId: string): Promise<void> {
    // Not knowing the job's orderKey, ask every BullMQ queue; BullMQ itself leaves an active (locked) job alone.
    await Promise.all(this.all.map((q) => q.remove(toBullId(jobId))));
  }

  async process(handler: JobHandler<T>, options: WorkerOptions<T> = {}): Promise<void> {
    if (this.closing) throw new Error(`queue ${this.name} is closed`);
    if (this.processing) throw new Error(`queue ${this.name} is already being processed`);
    this.processing = true;
    const concurrency = Math.max(1, options.concurrency ?? 1);
    const slots = new Slots(concurrency);
    const limiter = options.limiter;
    const consumer = this.shared.consumer();
    const limiterKey = `${this.shared.prefix}:${this.name}#starts`;
    const reclaimMs = Math.max(1000, options.reclaimAfterMs ?? 10_000);
    // settled here, at once, so a rejection is handled (it means: never start)
    const go = options.startAfter?.then(
      () => true,
      () => false,
    );

    /** A slot now (0), or how long to wait before asking again. */
    const ask = async () => Number(await consumer.eval(TAKE_START_SLOT, 1, limiterKey, limiter!.max, limiter!.durationMs, randomUUID()));
    const askForSlot = async () => {
      for (let wait = await ask(); wait > 0; wait = await ask()) await new Promise((resolve) => setTimeout(resolve, wait));
    };
    // Once the window is full, this process's jobs wait for a slot one at a time, in the order they came, the others
    // here: not each polling Redis when a slot frees (a window's worth of handlers would all wake for the one slot).
    // While nobody waits, a job asks at once (a window's first sends go side by side).
    let line: Promise<void> = Promise.resolve();
    let waiting = 0;
    const takeSlot = async () => {
      if (!limiter) return;
      if (waiting === 0 && (await ask()) <= 0) return;
      waiting++;
      const mine = line.then(askForSlot);
      line = mine.catch(() => undefined);
      try {
        await mine;
      } finally {
        waiting--;
      }
    };
    // the handler takes its slot where the limited action starts (WorkerOptions.limiterInHandler), else the job does
    const inHandler = limiter !== undefined && options.limiterInHandler === true;
    const run = async (bullJob: BullJob): Promise<void> => {
      await slots.acquire();
      try {
        if (!inHandler) await takeSlot();
        const { name, attemptsMade } = bullJob;
        const data = options.coalesce ? await this.takeBehind(bullJob, options.coalesce) : (bullJob.data as T);
        const job: Job<T> = { id: fromBullId(bullJob.id), name, data, attemptsMade };
        if (inHandler) job.takeLimiterSlot = firstCallOnly(takeSlot);
        await handler(job);
      } catch (err) {
        if (err instanceof UnrecoverableJobError) throw new UnrecoverableError(err.message);
        throw err instanceof Error ? err : new Error(String(err));
      } finally {
        slots.release();
      }
    };

    const parts = options.unordered ? [] : this.parts;
    await Promise.all(parts.map((q) => q.setGlobalConcurrency(1)));
    if (this.closing) return;
    const start = (queueName: string, workerConcurrency: number) => {
      const w = new Worker(queueName, run, {
        connection: consumer,
        prefix: this.shared.prefix,
        concurrency: workerConcurrency,
        // Counts completions (counts().completed) atomically with them, although completed jobs are not kept.
        metrics: { maxDataPoints: 60 },
        // A dead worker's jobs go back after 10 s (or reclaimAfterMs) instead of BullMQ's 30 s: ordered partitions
        // (one job at a time) would otherwise stand still that long after a crash. Locks are renewed every half of
        // that while a job runs; the stall check runs as often.
        lockDuration: reclaimMs,
        stalledInterval: Math.max(500, Math.floor(reclaimMs / 2)),
        autorun: !options.startAfter,
      });
      w.on('error', (e) => this.shared.report(e, `worker ${queueName}`));
      return w;
    };
    this.workers = [start(this.main.name, concurrency), ...parts.map((q) => start(q.name, 1))];
    await Promise.all(this.workers.map((w) => w.waitUntilReady()));
    const workers = this.workers;
    void go?.then((ok) => {
      if (!ok || this.closing) return;
      for (const w of workers) w.run().catch((e: unknown) => this.shared.report(e instanceof Error ? e : new Error(String(e)), `worker ${w.name}`));
    });
  }

  /**
   * WorkerOptions.coalesce: takes the first-attempt jobs of the job's key waiting behind it in its partition into it.
   * Safe because a partition runs one job at a time across all workers: while this job is active, nobody else takes
   * the waiting ones. The combined data is written to the job before the taken jobs are removed, so a crash in between
   * only hands some messages over twice (the ingest handler handles each once).
   */
  private async takeBehind(bullJob: BullJob, merge: (data: T, next: T) => T | undefined): Promise<T> {
    const own = bullJob.data as T;
    let data = own;
    const key = (bullJob.opts as { orderKey?: string }).orderKey;
    const part = this.parts.find((q) => q.name === bullJob.queueName);
    if (key === undefined || !part || bullJob.attemptsMade > 0) return data;
    const taken: BullJob[] = [];
    try {
      scan: for (let start = 0; start < COALESCE_SCAN; start += COALESCE_PAGE) {
        const page = await part.getJobs(['wait'], start, start + COALESCE_PAGE - 1, true);
        for (const next of page) {
          if (!next || next.id === bullJob.id || (next.opts as { orderKey?: string }).orderKey !== key) continue;
          const merged = next.attemptsMade === 0 ? merge(data, next.data as T) : undefined;
          if (merged === undefined) break scan;
          data = merged;
          taken.push(next);
        }
        if (page.length < COALESCE_PAGE) break;
      }
      if (taken.length === 0) return data;
      await bullJob.updateData(data);
    } catch (e) {
      // Redis hiccup before the combined data was written: the job runs alone, the others stay where they are
      this.shared.report(e instanceof Error ? e : new Error(String(e)), `coalesce ${part.name}`);
      return own;
    }
    // a job that could not be removed runs again later: its messages are handled once (the handler skips handled ones)
    const removed = await Promise.all(
      taken.map((j) =>
        j.remove().then(
          () => 1,
          (e: Error) => (this.shared.report(e, `coalesce ${part.name}`), 0),
        ),
      ),
    );
    await this.shared.producer.incrby(this.takenKey, removed.reduce((a: number, b) => a + b, 0)).catch(() => undefined);
    return data;
  }

  /** Jobs taken into others by coalesce: counts().completed includes them. */
  private get takenKey(): string {
    return `${this.shared.prefix}:${this.name}#taken`;
  }

  async failed(limit = 100): Promise<FailedJob<T>[]> {
    if (limit <= 0) return [];
    const lists = await Promise.all(this.all.map((q) => q.getFailed(0, limit - 1)));
    return lists
      .flat()
      .filter((j): j is BullJob => j !== undefined && j !== null)
      .map((j) => ({
        id: fromBullId(j.id),
        name: j.name,
        data: j.data as T,
        attemptsMade: j.attemptsMade,
        queue: this.name,
        failedReason: j.failedReason ?? '',
        failedAt: j.finishedOn ? new Date(j.finishedOn) : null,
      }))
      .sort((a, b) => (b.failedAt?.getTime() ?? 0) - (a.failedAt?.getTime() ?? 0))
      .slice(0, limit);
  }

  async retry(jobId: string): Promise<boolean> {
    const found = await Promise.all(this.all.map((q) => q.getJob(toBullId(jobId))));
    let retried = false;
    for (const job of found) {
      if (job && (await job.isFailed())) {
        await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
        retried = true;
      }
    }
    return retried;
  }

  async counts() {
    const [states, metrics, taken] = await Promise.all([
      Promise.all(this.all.map((q) => q.getJobCounts('wait', 'prioritized', 'delayed', 'active', 'failed'))),
      Promise.all(this.all.map((q) => q.getMetrics('completed', 0, 0))),
      this.shared.producer.get(this.takenKey),
    ]);
    const c = { waiting: 0, delayed: 0, active: 0, completed: Number(taken ?? 0), failed: 0 };
    for (const s of states) {
      c.waiting += (s.wait ?? 0) + (s.prioritized ?? 0);
      c.delayed += s.delayed ?? 0;
      c.active += s.active ?? 0;
      c.failed += s.failed ?? 0;
    }
    for (const m of metrics) c.completed += m.meta.count;
    return c;
  }

  /** Waits for running handlers (BullMQ's Worker.close), then lets go of the queues; the connections stay shared. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.all(this.workers.map((w) => w.close()));
      await Promise.all(this.all.map((q) => q.close()));
      this.onClosed();
    })();
    return this.closing;
  }
}

/** BullMQ queues on one Redis: one shared connection for producing, one for workers (plus one blocking per Worker). */
export function createBullmqQueues(options: BullmqQueuesOptions): JobQueues {
  const prefix = options.prefix ?? 'linli';
  const partitions = Math.max(1, Math.floor(options.partitions ?? 16));
  // every queue, partition and connection reports a Redis that does not answer, on each retry: said once per interval
  const report = redisErrorReporter({ what: 'job queue', logger: options.logger });
  const connect = (role: string, maxRetriesPerRequest: number | null) => {
    const redis = new Redis(options.connection, { maxRetriesPerRequest, connectionName: `linli-${role}` });
    redis.on('error', (e: Error) => report(e, `redis ${role}`));
    return redis;
  };
  const producer = connect('producer', 20);
  let consumer: Redis | undefined;
  const shared: Shared = {
    prefix,
    partitions,
    producer,
    // Workers need maxRetriesPerRequest: null: their blocking commands must wait through reconnections.
    consumer: () => (consumer ??= connect('worker', null)),
    report,
  };
  const queues = new Map<string, BullmqJobQueue<unknown>>();
  let closing: Promise<void> | undefined;

  return {
    kind: 'bullmq',
    queue<T>(name: string): JobQueue<T> {
      if (closing) throw new Error('job queues are closed');
      if (!QUEUE_NAME.test(name)) throw new Error(`invalid queue name ${JSON.stringify(name)}: use letters, digits, . _ -`);
      let q = queues.get(name);
      if (!q) {
        const created: BullmqJobQueue<unknown> = new BullmqJobQueue<unknown>(name, shared, () => {
          if (queues.get(name) === created) queues.delete(name);
        });
        queues.set(name, created);
        q = created;
      }
      return q as JobQueue<T>;
    },
    close() {
      closing ??= (async () => {
        await Promise.all([...queues.values()].map((q) => q.close()));
        for (const redis of [producer, consumer]) {
          if (!redis) continue;
          if (redis.status === 'ready') await redis.quit();
          else redis.disconnect();
        }
      })();
      return closing;
    },
  };
}
