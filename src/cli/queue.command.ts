// `linli queue`: look into the pipeline's queues on Redis: failed jobs, moving one back, counts by state.
import type { Command } from 'commander';
import type { JobQueues } from '../core/ports/job-queue.port.ts';
import { PIPELINE_STAGES } from '../core/pipeline/pipeline.ts';
import { notifyQueueName } from '../core/messages/outbox.ts';
import { action, config, UsageError } from './runtime.ts';
import { forTerminal, jsonForTerminal } from './terminal-text.ts';

/** The pipeline's queues: ingest, notify, and Telegram's own notify queue. */
const QUEUE_NAMES: readonly string[] = [...PIPELINE_STAGES, notifyQueueName('TELEGRAM')];

/** As many failed jobs as the queues keep. */
const ALL_FAILED = 10_000;

async function withQueues(fn: (queues: JobQueues) => Promise<void>): Promise<void> {
  const cfg = config();
  if (cfg.queue.kind !== 'redis') {
    throw new UsageError('linli queue needs REDIS_URL: without Redis the queue is in-process and exists only inside `linli start`.');
  }
  await (await import('../adapters/redis/redis-check.ts')).assertRedisAnswers(cfg.queue.url);
  const { createJobQueues } = await import('../adapters/queue/create-job-queues.ts'); // BullMQ: loaded when used
  const queues = createJobQueues(cfg, { prefix: cfg.pipeline.queuePrefix });
  try {
    await fn(queues);
  } finally {
    await queues.close();
  }
}

function queueNames(queue: string | undefined): readonly string[] {
  if (queue === undefined) return QUEUE_NAMES;
  if (!QUEUE_NAMES.includes(queue)) {
    throw new UsageError(`--queue: unknown queue "${queue}" (one of ${QUEUE_NAMES.join(', ')})`);
  }
  return [queue];
}

export function registerQueueCommands(program: Command) {
  const queue = program.command('queue').description('the pipeline queues on Redis: failed jobs, retry, counts');

  queue
    .command('failed')
    .description('list failed jobs, most recent first: id, queue, attempts, reason')
    .option('--queue <name>', `only this queue (${QUEUE_NAMES.join(', ')})`)
    .option('--limit <n>', 'at most this many per queue', '100')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { queue?: string; limit: string; json?: boolean }) => {
        const names = queueNames(opts.queue);
        const limit = Number(opts.limit);
        if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit: a positive whole number, not "${opts.limit}"`);
        await withQueues(async (queues) => {
          const lists = await Promise.all(names.map((n) => queues.queue(n).failed(limit)));
          // job data (residents' words) stays out of the listing; `failedReason` says what went wrong
          const rows = lists.flat().map((j) => ({
            id: j.id,
            queue: j.queue,
            attempts: j.attemptsMade,
            reason: j.failedReason,
            failedAt: j.failedAt?.toISOString() ?? null,
          }));
          if (opts.json) return console.log(jsonForTerminal(rows));
          if (rows.length === 0) return console.log('no failed jobs');
          for (const r of rows) console.log(`${forTerminal(r.id)}\t${r.queue}\t${r.attempts} attempts\t${r.failedAt ?? ''}\t${forTerminal(r.reason)}`);
        });
      }),
    );

  queue
    .command('retry')
    .argument('<id>', 'job id, as `linli queue failed` prints it')
    .option('--queue <name>', `the job's queue (default: whichever holds it)`)
    .description('move one failed job back to waiting, its attempts reset')
    .action(
      action(async (id: string, opts: { queue?: string }) => {
        const names = queueNames(opts.queue);
        await withQueues(async (queues) => {
          for (const name of names) {
            const q = queues.queue(name);
            if (!(await q.failed(ALL_FAILED)).some((j) => j.id === id)) continue;
            await q.retry(id);
            console.log(`job ${id} moved back to queue ${name}`);
            return;
          }
          throw new UsageError(`no failed job ${id} in ${names.join(', ')}`);
        });
      }),
    );

  queue
    .command('counts')
    .description('jobs by state in each queue')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { json?: boolean }) => {
        await withQueues(async (queues) => {
          const counts = Object.fromEntries(await Promise.all(QUEUE_NAMES.map(async (n) => [n, await queues.queue(n).counts()] as const)));
          if (opts.json) return console.log(JSON.stringify(counts, null, 2));
          console.log('queue\twaiting\tdelayed\tactive\tfailed\tcompleted');
          for (const [n, c] of Object.entries(counts)) console.log(`${n}\t${c.waiting}\t${c.delayed}\t${c.active}\t${c.failed}\t${c.completed}`);
        });
      }),
    );
}
