// `linli worker`: runs pipeline workers in this process until SIGINT/SIGTERM, against the shared Redis queues.
import type { Command } from 'commander';
import { createLogger } from '../adapters/logging/pino.logger.ts';
import { PIPELINE_STAGES, type PipelineStage } from '../core/pipeline/pipeline.ts';
import { action, config, untilStopSignal, UsageError, withStore } from './runtime.ts';

/** How often a worker queues again the messages stored while the queue was down. */
const REQUEUE_EVERY_MS = 60_000;

export function parseStages(list: string): PipelineStage[] {
  const names = list.split(',').map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) throw new UsageError('--queues: name at least one queue');
  for (const n of names) {
    if (!PIPELINE_STAGES.includes(n as PipelineStage)) throw new UsageError(`--queues: unknown queue "${n}" (one of ${PIPELINE_STAGES.join(', ')})`);
  }
  return [...new Set(names as PipelineStage[])];
}

export function parseConcurrency(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new UsageError(`--concurrency: a whole number from 1 to 256, not "${value}"`);
  return n;
}

export function registerWorkerCommand(program: Command) {
  program
    .command('worker')
    .description('run pipeline workers in this process until Ctrl-C (needs REDIS_URL)')
    .option('--queues <list>', `comma-separated stages to work on: ${PIPELINE_STAGES.join(', ')}`, 'ingest')
    .option('--concurrency <n>', 'jobs handled at once per queue in this process', '4')
    .action(
      action(async (opts: { queues: string; concurrency: string }) => {
        const stages = parseStages(opts.queues);
        const concurrency = parseConcurrency(opts.concurrency);
        const cfg = config();
        if (cfg.queue.kind !== 'redis') {
          throw new UsageError(
            'linli worker needs REDIS_URL: without Redis the queue is in-process and its workers run inside `linli start`.',
          );
        }
        if (stages.includes('notify')) {
          // Sending needs the bot's logged-in chat account, which lives in the `linli start` process; a worker here
          // would have no gateway and could only fail (or, worse, pretend to send).
          throw new UsageError(
            'the notify queue sends through the chat account of the bot, so its workers run inside `linli start` ' +
              '(started there automatically when REDIS_URL is set); run `linli worker --queues ingest` here.',
          );
        }
        // a Redis that does not answer now is said at once, in one line (BullMQ would retry, logging every queue)
        await (await import('../adapters/redis/redis-check.ts')).assertRedisAnswers(cfg.queue.url);
        // loaded here, not at the top: every `linli` command would otherwise load BullMQ and the assistant
        const [{ createLinli }, { createPipeline }, { createTriage }] = await Promise.all([
          import('../app.ts'),
          import('../adapters/pipeline/create-pipeline.ts'),
          import('../adapters/triage/create-triage.ts'),
        ]);
        await withStore(async (store) => {
          const logger = createLogger(cfg.logLevel).child({ process: 'worker' });
          const built = createPipeline(cfg, { store, logger });
          const triage = await createTriage(cfg, logger);
          const { assistant, ticketEvents } = createLinli({
            store,
            triage,
            gateways: {},
            logger,
            config: cfg,
            notifyAssigneeDirect: cfg.notifyAssigneeDirect,
            outbox: built.pipeline.outbox,
          });
          const requeue = async () => {
            try {
              const { messages, replies } = await built.pipeline.recover(REQUEUE_EVERY_MS);
              if (messages || replies) logger.info({ messages, replies }, 'stored messages and unsent replies queued again');
            } catch (e) {
              logger.warn({ err: e }, 'could not queue stored messages again; will try later');
            }
          };
          const timer = setInterval(() => void requeue(), REQUEUE_EVERY_MS);
          // the tickets this worker changes show live in the console of `linli start` (Redis pub/sub)
          const unbridge = await (await import('../adapters/redis/create-ticket-relay.ts')).bridgeTicketEvents(cfg, ticketEvents, logger);
          const close = async () => {
            clearInterval(timer);
            await unbridge();
            await built.close();
          };
          try {
            await built.pipeline.startWorkers(stages, concurrency, { assistant });
          } catch (e) {
            await close();
            throw e;
          }
          const running = `Linli worker running (${stages.join(', ')}; concurrency ${concurrency}; prefix ${cfg.pipeline.queuePrefix}); Ctrl-C to stop`;
          await untilStopSignal(() => console.error(running), async () => {
            console.error('Linli worker stopping: finishing running jobs');
            await close();
          });
        });
      }),
    );
}
