// Every route of the admin JSON API and the staff console's pages, served on 127.0.0.1, as `linli start` and the
// sandbox do.
import type { BroadcastService } from '../../core/broadcast/broadcast.service.ts';
import type { JobQueues } from '../../core/ports/job-queue.port.ts';
import type { Logger } from '../../core/ports/logger.port.ts';
import type { Outbox } from '../../core/ports/outbox.port.ts';
import type { Store } from '../../core/ports/store.port.ts';
import { StaffTicketActions } from '../../core/tickets/staff-actions.ts';
import type { StaffTicketService } from '../../core/tickets/staff-ticket.service.ts';
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
import { ticketRoutes } from './ticket.routes.ts';

export interface AdminApiParts {
  store: Store;
  queues: JobQueues;
  broadcast: BroadcastService;
  /** The running bot's ticket service and outbox: the console's ticket actions go through them. */
  tickets?: { service: StaffTicketService; outbox: Outbox; logger: Logger; botName?: string };
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
  const actions = o.tickets && new StaffTicketActions({ tickets: o.tickets.service, store: o.store, outbox: o.tickets.outbox, logger: o.tickets.logger });
  return [
    ...broadcastRoutes(o.broadcast),
    ...queueRoutes(o.queues),
    ...patrolRoutes(o.store, scope),
    ...ticketRoutes({ store: o.store, actions, botName: o.tickets?.botName }),
    ...overviewRoutes({ overview, scope, live, heartbeatMs: o.liveHeartbeatMs }),
  ];
}

/** Serves the admin API and the console on 127.0.0.1:port; `tokens` maps bearer tokens to person keys of the grid. */
export function serveAdminApi(o: AdminApiParts & { tokens: Record<string, string>; port: number; logger?: Logger }) {
  return listen(createHttpServer({ routes: adminRoutes(o), authenticate: tokenAuthenticator(o.tokens, o.store), logger: o.logger, console: true }), o.port);
}
