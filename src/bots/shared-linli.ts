// Several platforms in one process (WeChat and Telegram in one `linli start`) share one Linli: one assistant whose
// replies can reach every platform, one deadline engine, one set of pipeline workers. Each bot registers its gateway
// here; this, not the bots, starts and stops the shared parts.
import { createLinli, type Linli, type LinliParts } from '../app.ts';
import { inProcessPipeline, type BuiltPipeline } from '../adapters/pipeline/create-pipeline.ts';
import type { Platform } from '../core/messages/incoming-message.ts';
import type { ChatGateway } from '../core/ports/chat-gateway.port.ts';

export interface SharedLinli {
  linli: Linli;
  /** The one way in for both platforms' messages. */
  pipeline: BuiltPipeline;
  /** Filled by the bots as they are built; read when the workers start and at every send. */
  gateways: Partial<Record<Platform, ChatGateway>>;
  /** After every bot has started: the pipeline's ingest and notify workers (one per platform) and the deadline timers. */
  start(): Promise<void>;
  /** Before the bots stop: deadline timers, then the pipeline (running sends finish first). */
  stop(): Promise<void>;
}

export type BotParts = Omit<LinliParts, 'gateways'> & { pipeline?: BuiltPipeline };

/** Linli around a pipeline (one in process when none is given): messages are stored by the pipeline's inbox. */
function linliWithPipeline(parts: BotParts, gateways: Partial<Record<Platform, ChatGateway>>): { linli: Linli; pipeline: BuiltPipeline } {
  const pipeline = parts.pipeline ?? inProcessPipeline({ store: parts.store, logger: parts.logger });
  const linli = createLinli({
    ...parts,
    gateways,
    outbox: pipeline.queuedReplies ? pipeline.pipeline.outbox : parts.outbox,
    queues: parts.pipeline?.queues ?? parts.queues,
    inbox: pipeline.pipeline.inbox,
  });
  return { linli, pipeline };
}

/** The workers a process runs: ingest always, notify when replies go through the queue. */
export function startPipelineWorkers(pipeline: BuiltPipeline, linli: Linli, gateways: Partial<Record<Platform, ChatGateway>>): Promise<void> {
  return pipeline.pipeline.startWorkers(pipeline.queuedReplies ? ['ingest', 'notify'] : ['ingest'], 4, { assistant: linli.assistant, gateways });
}

export function createSharedLinli(parts: BotParts): SharedLinli {
  const gateways: Partial<Record<Platform, ChatGateway>> = {};
  const { linli, pipeline } = linliWithPipeline(parts, gateways);
  return {
    linli,
    pipeline,
    gateways,
    async start() {
      await startPipelineWorkers(pipeline, linli, gateways);
      await linli.sla?.start();
    },
    async stop() {
      await linli.sla?.stop();
      await pipeline.close();
    },
  };
}

/** A bot's Linli and pipeline: the shared ones (the bot's gateway joins them), or its own around its gateway. */
export function linliForBot(o: BotParts & { shared?: SharedLinli }, platform: Platform, gateway: ChatGateway): { linli: Linli; pipeline: BuiltPipeline } {
  if (o.shared) {
    o.shared.gateways[platform] = gateway;
    return { linli: o.shared.linli, pipeline: o.shared.pipeline };
  }
  return linliWithPipeline(o, { [platform]: gateway });
}
