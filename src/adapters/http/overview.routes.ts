// The one-screen overview (社情民情一屏可览) and the live stream of ticket changes, over the caller's subtrees.
// GET /api/overview[?node=CODE] answers JSON (core/stats/overview.service.ts); GET /api/events is a stream of
// server-sent events: `ready` once, then `ticket` for every change inside the caller's subtrees, `heartbeat` between.
import { namedNode } from './params.ts';
import { z } from 'zod';
import type { GridScope } from '../../core/grid/grid-scope.ts';
import type { RoleRequirement } from '../../core/people/authority.ts';
import type { LiveFeed } from '../../core/stats/live-feed.ts';
import type { OverviewService } from '../../core/stats/overview.service.ts';
import { defineRoute, type RouteSpec } from './http-server.ts';

/**
 * Grid staff and above: the overview judges the people who handle tickets, and building heads (resident volunteers)
 * have the chat and the patrol list. ADMIN (rank 7) sees everything under the roots it holds.
 */
export const OVERVIEW_ACCESS: RoleRequirement = { atLeast: 'GRID_WORKER' };

export interface OverviewRouteParts {
  overview: OverviewService;
  scope: GridScope;
  live: LiveFeed;
  /** Heartbeat interval of the event stream (default 15 s). */
  heartbeatMs?: number;
}

const nodeCode = z.string().min(1).max(64);

export function overviewRoutes(o: OverviewRouteParts): RouteSpec[] {
  const named = (code: string) => namedNode(o.scope, code);
  return [
    defineRoute({
      method: 'GET',
      path: '/api/overview',
      query: z.object({ node: nodeCode.optional() }),
      // with ?node= the node must lie inside the caller's subtrees (403 otherwise); without, the caller's subtrees
      access: { role: OVERVIEW_ACCESS, scope: async (_p, q) => (q.node === undefined ? undefined : named(q.node)) },
      async handle({ query, scopes }) {
        const roots = query.node === undefined ? await Promise.all(scopes.map((s) => named(s.code))) : [await named(query.node)];
        return { body: await o.overview.overview(roots) };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/events',
      access: { role: OVERVIEW_ACCESS, scope: 'subtrees' },
      async handle({ scopes }) {
        return {
          stream: {
            heartbeatMs: o.heartbeatMs,
            open: (send) => {
              const stop = o.live.subscribe(scopes, (change) => send('ticket', change));
              send('ready', { scope: scopes.map((s) => s.code) });
              return stop;
            },
          },
        };
      },
    }),
  ];
}
