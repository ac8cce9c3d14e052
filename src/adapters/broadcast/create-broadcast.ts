// Wires the broadcast use-cases: the store's repositories, a DirectOutbox over the given chat gateways, and the
// `broadcast` queue of the given JobQueues (in-process or BullMQ) at WeChat's send rate, `broadcast-telegram` at Telegram's.
import { BROADCAST_QUEUE, broadcastQueueName, type BroadcastLane } from '../../core/broadcast/broadcast-jobs.ts';
import { BroadcastService } from '../../core/broadcast/broadcast.service.ts';
import type { SendRate } from '../../core/broadcast/broadcast-estimate.ts';
import type { BroadcastJob } from '../../core/broadcast/broadcast.types.ts';
import { DirectOutbox } from '../../core/messages/outbox.ts';
import type { Platform } from '../../core/messages/incoming-message.ts';
import type { Config } from '../../config.ts';
import type { BroadcastRepository } from '../../core/ports/broadcast.repository.ts';
import type { ChatGateway } from '../../core/ports/chat-gateway.port.ts';
import type { JobQueues } from '../../core/ports/job-queue.port.ts';
import type { Logger } from '../../core/ports/logger.port.ts';
import type { Store } from '../../core/ports/store.port.ts';
import { broadcastRepositoryOf } from '../prisma/prisma-broadcast.repository.ts';

export interface BroadcastWiring {
  store: Store;
  queues: JobQueues;
  gateways: Partial<Record<Platform, ChatGateway>>;
  /** The send rate of WeChat (and of any platform without its own in `platformRates`). */
  rate: SendRate;
  /** WeChat's pace per send (the gateway's least gap + random jitter), for the estimate. */
  intervalMs?: number;
  jitterMs?: number;
  /** Platforms with their own queue (`broadcast-telegram`) and rate, e.g. { TELEGRAM: telegramSendRate(cfg) }. */
  platformRates?: Partial<Record<Platform, SendRate>>;
  attempts?: number;
  backoffMs?: number;
  logger?: Logger;
  /** Default: the store's (see broadcastRepositoryOf). */
  broadcasts?: BroadcastRepository;
}

/** Telegram's broadcast rate: its global limit (30 messages/s by default; one copy per group never meets the group limits). */
export function telegramSendRate(cfg: Pick<Config, 'telegram'>): SendRate {
  return { max: cfg.telegram.globalPerSecond, durationMs: 1000 };
}

function lanes(w: BroadcastWiring): Partial<Record<Platform, BroadcastLane>> | undefined {
  const entries = Object.entries(w.platformRates ?? {}) as [Platform, SendRate][];
  if (entries.length === 0) return undefined;
  const out: Partial<Record<Platform, BroadcastLane>> = {};
  for (const [p, rate] of entries) out[p] = { queue: w.queues.queue<BroadcastJob>(broadcastQueueName(p)), rate, intervalMs: 0, jitterMs: 0 };
  return out;
}

export function createBroadcastService(w: BroadcastWiring): { service: BroadcastService; broadcasts: BroadcastRepository } {
  const broadcasts = w.broadcasts ?? broadcastRepositoryOf(w.store);
  const service = new BroadcastService({
    broadcasts,
    groups: w.store.groups,
    grid: w.store.grid,
    people: w.store.people,
    outbox: new DirectOutbox(w.gateways, w.store.messages),
    messages: w.store.messages,
    queue: w.queues.queue<BroadcastJob>(BROADCAST_QUEUE),
    rate: w.rate,
    intervalMs: w.intervalMs,
    jitterMs: w.jitterMs,
    platforms: lanes(w),
    attempts: w.attempts,
    backoffMs: w.backoffMs,
    logger: w.logger?.child({ part: 'broadcast' }),
  });
  return { service, broadcasts };
}
