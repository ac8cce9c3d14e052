// Patrol findings over the admin JSON API: the list `linli patrol findings` shows, and acknowledging or closing one.
// A finding belongs to its group's grid node: staff see and act on the findings of their own subtrees only.
import { z } from 'zod';
import { GridScope } from '../../core/grid/grid-scope.ts';
import { GridRouter } from '../../core/grid/routing.ts';
import { PATROL_RULES, PATROL_SEVERITIES, type PatrolFinding } from '../../core/patrol/patrol.types.ts';
import type { RoleRequirement } from '../../core/people/authority.ts';
import type { Store } from '../../core/ports/store.port.ts';
import { defineRoute, HttpError, type RouteSpec } from './http-server.ts';
import { dbId, flag, limit } from './params.ts';

/** Any staff role over the finding's group node reads it: a building head sees what the patrol found in the building. */
export const FINDINGS_ACCESS: RoleRequirement = { atLeast: 'UNIT_HEAD' };
/**
 * Acknowledging or closing a finding settles it for everyone: grid staff and above. A building head is a resident
 * volunteer; a fire hazard is not closed by them.
 */
export const FINDINGS_SETTLE: RoleRequirement = { atLeast: 'GRID_WORKER' };

/** How far back the messages of a finding reach. */
const MESSAGES_BEFORE_MS = 6 * 3600_000;

type PatrolStore = Pick<Store, 'patrol' | 'groups' | 'grid' | 'people' | 'tickets'>;

/** A grid scope of its own, from a few-seconds snapshot of the grid and the groups (the admin API passes its one). */
export const cachedScope = (store: PatrolStore, cacheMs = 5000) =>
  new GridScope(new GridRouter(store.grid, store.people, store.tickets, { cacheMs }), store.groups, { cacheMs });

/**
 * The list reads the groups inside the caller's subtrees from `scope`'s snapshot (the grid router's and a
 * short-lived group list), not the whole grid and group table per request.
 */
export function patrolRoutes(store: PatrolStore, scope: GridScope = cachedScope(store)): RouteSpec[] {
  const nodeOfFinding = async ({ id }: { id: number }) => {
    const f = await store.patrol.findById(id);
    if (!f) throw new HttpError(404, 'FINDING_NOT_FOUND', `no patrol finding ${id}`);
    const g = await store.groups.findById(f.groupId);
    return g?.gridNodeId ? store.grid.findById(g.gridNodeId) : null;
  };
  const setStatus = (status: 'ACKNOWLEDGED' | 'CLOSED', action: string) =>
    defineRoute({
      method: 'POST',
      path: `/api/patrol/findings/:id/${action}`,
      params: z.object({ id: dbId }),
      access: { role: FINDINGS_SETTLE, scope: nodeOfFinding },
      async handle({ params }) {
        const f = await store.patrol.setStatus(params.id, status);
        if (!f) throw new HttpError(404, 'FINDING_NOT_FOUND', `no patrol finding ${params.id}`);
        return { body: f };
      },
    });
  return [
    defineRoute({
      method: 'GET',
      path: '/api/patrol/findings',
      query: z.object({ open: flag, limit: limit(100), rule: z.enum(PATROL_RULES).optional(), severity: z.enum(PATROL_SEVERITIES).optional() }),
      access: { role: FINDINGS_ACCESS, scope: 'subtrees' },
      async handle({ query, scopes }) {
        const groupIds = (await scope.groupsWithin(scopes)).map((g) => g.id);
        const all = await store.patrol.list({ openOnly: query.open, limit: query.limit, groupIds, rule: query.rule });
        const list = query.severity ? all.filter((f: PatrolFinding) => f.severity === query.severity) : all;
        // each finding's ticket by its number (what staff know it by, and what the console links to)
        const ids = [...new Set(list.flatMap((f) => (f.ticketId === null ? [] : [f.ticketId])))];
        const numbers = new Map((await Promise.all(ids.map((id) => store.tickets.findById(id)))).flatMap((t) => (t ? [[t.id, t.number] as const] : [])));
        return { body: list.map((f) => ({ ...f, ticketNumber: f.ticketId === null ? null : (numbers.get(f.ticketId) ?? null) })) };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/patrol/findings/:id/messages',
      params: z.object({ id: dbId }),
      access: { role: FINDINGS_ACCESS, scope: nodeOfFinding },
      // the group's messages around the finding (up to MESSAGES_BEFORE_MS before it was made), the flagged one marked
      async handle({ params }) {
        const f = (await store.patrol.findById(params.id))!;
        const g = await store.groups.findById(f.groupId);
        const until = new Date(f.updatedAt.getTime() + 60_000);
        const messages = await store.patrol.groupMessages(f.groupId, new Date(f.createdAt.getTime() - MESSAGES_BEFORE_MS), until, 50);
        // the ticket of the finding, or the one its message became (a fire is reported and patrolled at once)
        const ticketId = f.ticketId ?? messages.find((m) => m.id === f.messageId)?.ticketId ?? null;
        const ticket = ticketId ? await store.tickets.findById(ticketId) : null;
        return {
          body: {
            finding: f,
            ticketNumber: ticket?.number ?? null,
            group: g ? { id: g.id, title: g.title, platform: g.platform } : null,
            messages: messages.map((m) => ({ id: m.id, senderName: m.senderName, text: m.text, sentAt: m.sentAt, ticketId: m.ticketId, flagged: m.id === f.messageId })),
          },
        };
      },
    }),
    setStatus('ACKNOWLEDGED', 'ack'),
    setStatus('CLOSED', 'close'),
  ];
}
