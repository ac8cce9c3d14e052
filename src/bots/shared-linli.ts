// Several platforms in one process (WeChat and Telegram in one `linli start`) share one Linli: one assistant whose
// replies can reach every platform, one deadline engine, one set of pipeline workers. Each bot registers its gateway
// here; this, not the bots, starts and stops the shared parts.
import { createLinli, type Linli, type LinliParts } from '../app.ts';
import type { BuiltPipeline } from '../adapters/pipeline/create-pipeline.ts';
import type { Platform } from '../core/messages/incoming-message.ts';
import type { ChatGateway } from '../core/ports/chat-gateway.port.ts';

export interface SharedLinli {
  linli: Linli;
  /** Filled by the bots as they are built; read when the workers start and at every send. */
  gateways: Partial<Record<Platform, ChatGateway>>;
  /** After every bot has started: the pipeline's ingest and notify workers (one per platform) and the deadline timers. */
  start(): Promise<void>;
  /** Before the bots stop: deadline timers, then the pipeline (running sends finish first). */
  stop(): Promise<void>;
}

export function createSharedLinli(parts: Omit<LinliParts, 'gateways'> & { pipeline?: BuiltPipeline }): SharedLinli {
  const gateways: Partial<Record<Platform, ChatGateway>> = {};
  const linli = createLinli({
    ...parts,
    gateways,
    outbox: parts.pipeline?.pipeline.outbox ?? parts.outbox,
    queues: parts.pipeline?.queues ?? parts.queues,
  });
  return {
    linli,
    gateways,
    async start() {
      await parts.pipeline?.pipeline.startWorkers(['ingest', 'notify'], 4, { assistant: linli.assistant, gateways });
      await linli.sla?.start();
    },
    async stop() {
      await linli.sla?.stop();
      await parts.pipeline?.close();
    },
  };
}

/** A bot's Linli: the shared one (the bot's gateway joins it), or its own around its gateway and pipeline. */
export function linliForBot(
  o: Omit<LinliParts, 'gateways'> & { pipeline?: BuiltPipeline; shared?: SharedLinli },
  platform: Platform,
  gateway: ChatGateway,
): Linli {
  if (o.shared) {
    o.shared.gateways[platform] = gateway;
    return o.shared.linli;
  }
  return createLinli({ ...o, gateways: { [platform]: gateway }, outbox: o.pipeline?.pipeline.outbox ?? o.outbox, queues: o.pipeline?.queues ?? o.queues });
}
