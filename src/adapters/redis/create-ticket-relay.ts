// With REDIS_URL, every process of a deployment bridges its ticket change bus over Redis (the console of one sees live
// what the others change); without, there is one process and nothing to bridge.
import type { Config } from '../../config.ts';
import type { TicketEvents } from '../../core/events/ticket-events.ts';
import type { Logger } from '../../core/ports/logger.port.ts';
import { createRedisTicketRelay } from './redis-ticket-relay.ts';

/** Bridges `events` across the deployment's processes when Redis is configured; resolves to the function that stops it. */
export async function bridgeTicketEvents(cfg: Config, events: TicketEvents, logger: Logger): Promise<() => Promise<void>> {
  if (cfg.queue.kind !== 'redis') return async () => undefined;
  const relay = createRedisTicketRelay({ url: cfg.queue.url, prefix: cfg.pipeline.queuePrefix, logger });
  const stop = await events.bridge(relay);
  return async () => {
    stop();
    await relay.close();
  };
}
