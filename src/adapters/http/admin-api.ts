// Every route of the admin JSON API, and serving them on 127.0.0.1, as `linli start` and the sandbox do.
import type { BroadcastService } from '../../core/broadcast/broadcast.service.ts';
import type { JobQueues } from '../../core/ports/job-queue.port.ts';
import type { Logger } from '../../core/ports/logger.port.ts';
import type { Store } from '../../core/ports/store.port.ts';
import { tokenAuthenticator } from './authenticate.ts';
import { broadcastRoutes } from './broadcast.routes.ts';
import { createHttpServer, listen, type RouteSpec } from './http-server.ts';
import { cachedScope, patrolRoutes } from './patrol.routes.ts';
import { overviewRoutes } from './overview.routes.ts';
import { TicketEvents } from '../../core/events/ticket-events.ts';
import { systemClock, type Clock } from '../../core/ports/clock.port.ts';
import { LiveFeed } from '../../core/stats/live-feed.ts';
import { OverviewService } from '../../core/stats/overview.service.ts';
import { queueRoutes } from './queue.routes.ts';

export interface AdminApiParts {
  store: Store;
  queues: JobQueues;
  broadcast: BroadcastService;
  /** The bus the process's Linli publishes ticket changes on (the live view); without it the stream stays quiet. */
  ticketEvents?: TicketEvents;
  clock?: Clock;
  logger?: Logger;
  /** Heartbeat interval of GET /api/events (default 15 s). */
  liveHeartbeatMs?: number;
}

const quiet: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {}, child: () => quiet };

export function adminRoutes(o: AdminApiParts): RouteSpec[] {
  const logger = o.logger ?? quiet;
  // one snapshot of the grid and the groups (a few seconds old at most) for every route that reads a caller's subtrees
  const scope = cachedScope(o.store);
  const overview = new OverviewService({ stats: o.store.stats, scope, clock: o.clock ?? systemClock });
  const live = new LiveFeed(o.ticketEvents ?? new TicketEvents(logger), scope, logger);
  return [
    ...broadcastRoutes(o.broadcast),
    ...queueRoutes(o.queues),
    ...patrolRoutes(o.store, scope),
    ...overviewRoutes({ overview, scope, live, heartbeatMs: o.liveHeartbeatMs }),
  ];
}

/** Serves the admin API on 127.0.0.1:port; `tokens` maps bearer tokens to person keys of the grid. */
export function serveAdminApi(o: AdminApiParts & { tokens: Record<string, string>; port: number; logger?: Logger }) {
  return listen(createHttpServer({ routes: adminRoutes(o), authenticate: tokenAuthenticator(o.tokens, o.store), logger: o.logger }), o.port);
}
