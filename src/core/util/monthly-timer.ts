// A run once a month on a configured day and China time, on a job queue: one delayed job per month (its id names the
// month), so two processes add it once; the run itself must make each of its sends once (outbox keys per month), so a
// restart or a retry sends nothing twice. A run missed while no process was up (the in-process queue forgets its jobs)
// is made at the next start in that month; a month that ended while its job waited is skipped, not sent late.
import { addMonths, monthOf } from '../insights/insights-period.ts';
import type { Clock } from '../ports/clock.port.ts';
import { UnrecoverableJobError, type Job, type JobQueues } from '../ports/job-queue.port.ts';
import type { Logger } from '../ports/logger.port.ts';
import { atChinaTime } from '../sla/deadlines.ts';

export interface MonthlyJob {
  /** The China-time month the run belongs to (what it reports is usually the month before). */
  runMonth: string;
}

export interface MonthlySchedule {
  /** Day of the month, 1–28. */
  day: number;
  /** China time, HH:MM. */
  at: string;
}

/** When a month's run is due. */
export function monthlyRunAt(runMonth: string, s: MonthlySchedule): Date {
  return atChinaTime(`${runMonth}-${String(s.day).padStart(2, '0')}`, s.at);
}

export interface MonthlyTimerDeps {
  queues: JobQueues;
  /** The queue the timer consumes (its own: the handler refuses other jobs). */
  queueName: string;
  /** Job ids are `${jobPrefix}:YYYY-MM`. */
  jobPrefix: string;
  schedule: MonthlySchedule;
  clock: Clock;
  log: Logger;
  /** Makes the month's run (each send keyed per month, so that a second run sends nothing). */
  run(runMonth: string): Promise<unknown>;
}

export interface MonthlyTimer {
  /** Consumes the queue (from `startAfter` on, when given) and sets this month's run (at once if its time has passed). */
  start(startAfter?: Promise<unknown>): Promise<void>;
  stop(): Promise<void>;
  /** The job handler: makes the run, then sets next month's. */
  handle(job: Job<MonthlyJob>): Promise<void>;
}

export function createMonthlyTimer(d: MonthlyTimerDeps): MonthlyTimer {
  const queue = d.queues.queue<MonthlyJob>(d.queueName);

  async function setRun(runMonth: string): Promise<void> {
    const delayMs = Math.max(0, monthlyRunAt(runMonth, d.schedule).getTime() - d.clock.now().getTime());
    await queue.add('monthly', { runMonth }, { jobId: `${d.jobPrefix}:${runMonth}`, delayMs, attempts: 5, backoffMs: 60_000 });
  }

  async function handle(job: Job<MonthlyJob>): Promise<void> {
    if (job.name !== 'monthly') throw new UnrecoverableJobError(`unknown ${d.queueName} job ${job.name}`);
    const { runMonth } = job.data;
    const dueAt = monthlyRunAt(runMonth, d.schedule);
    if (d.clock.now().getTime() < dueAt.getTime() - 60_000) {
      // a queue that woke too early must not send early, nor set the next month from here (and skip this one)
      return void d.log.error({ runMonth, dueAt }, `${d.jobPrefix} job ran before its time: not run`);
    }
    if (monthOf(d.clock.now()) === runMonth) await d.run(runMonth);
    await setRun(addMonths(runMonth, 1));
  }

  return {
    handle,
    async start(startAfter) {
      await queue.process(handle, { concurrency: 1, startAfter });
      await setRun(monthOf(d.clock.now()));
    },
    async stop() {
      await queue.close();
    },
  };
}
