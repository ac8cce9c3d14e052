// Every route of the admin JSON API, and serving them on 127.0.0.1, as `linli start` and the sandbox do.
import type { BroadcastService } from '../../core/broadcast/broadcast.service.ts';
import type { JobQueues } from '../../core/ports/job-queue.port.ts';
import type { Logger } from '../../core/ports/logger.port.ts';
import type { Store } from '../../core/ports/store.port.ts';
import { tokenAuthenticator } from './authenticate.ts';
import { broadcastRoutes } from './broadcast.routes.ts';
import { createHttpServer, listen, type RouteSpec } from './http-server.ts';
import { patrolRoutes } from './patrol.routes.ts';
import { queueRoutes } from './queue.routes.ts';

export interface AdminApiParts {
  store: Store;
  queues: JobQueues;
  broadcast: BroadcastService;
}

export function adminRoutes(o: AdminApiParts): RouteSpec[] {
  return [...broadcastRoutes(o.broadcast), ...queueRoutes(o.queues), ...patrolRoutes(o.store)];
}

/** Serves the admin API on 127.0.0.1:port; `tokens` maps bearer tokens to person keys of the grid. */
export function serveAdminApi(o: AdminApiParts & { tokens: Record<string, string>; port: number; logger?: Logger }) {
  return listen(createHttpServer({ routes: adminRoutes(o), authenticate: tokenAuthenticator(o.tokens, o.store), logger: o.logger }), o.port);
}
