// The chat groups in the console: every group inside the caller's subtrees with its platform, node, tags, whether
// the bot is in it and its last message; the groups the bot is in that no node has yet (the bot stays silent there),
// and mapping one of them to a node, as `linli groups pending` / `linli groups map` do.
import { z } from 'zod';
import type { GridScope } from '../../core/grid/grid-scope.ts';
import type { RoleRequirement } from '../../core/people/authority.ts';
import type { Group } from '../../core/ports/group.repository.ts';
import type { Store } from '../../core/ports/store.port.ts';
import { zhUnknownGridCode } from './error-zh.ts';
import { defineRoute, HttpError, type RouteSpec } from './http-server.ts';
import { dbId } from './params.ts';

/** Grid staff and above: a grid worker sees the groups of their grids, a community its community. */
export const GROUPS_ACCESS: RoleRequirement = { atLeast: 'GRID_WORKER' };
/**
 * Unmapped groups are on no node, so they belong to nobody's subtree: street staff and above see the list and map a
 * group to a node inside their own street (the target node is the route's scope).
 */
export const GROUPS_MAP_ACCESS: RoleRequirement = { atLeast: 'STREET_STAFF' };

const nodeCode = z.string().min(1).max(64);

type GroupsStore = Pick<Store, 'groups' | 'grid' | 'patrol' | 'tickets'>;

export function groupsRoutes(store: GroupsStore, scope: GridScope): RouteSpec[] {
  const activity = async (groups: readonly Group[]) => (groups.length ? store.patrol.groupActivity(groups.map((g) => g.id)) : new Map());
  const view = (g: Group, last: Date | null | undefined, node: { code: string; name: string } | null) => ({
    id: g.id,
    platform: g.platform,
    externalId: g.externalId,
    title: g.title,
    node,
    tags: g.tags,
    botPresent: g.active,
    lastActivityAt: last ?? null,
  });
  return [
    defineRoute({
      method: 'GET',
      path: '/api/groups',
      access: { role: GROUPS_ACCESS, scope: 'subtrees' },
      async handle({ scopes }) {
        const [groups, nodes] = await Promise.all([scope.groupsWithin(scopes), scope.nodesWithin(scopes)]);
        const byId = new Map(nodes.map((n) => [n.id, n]));
        const [last, tickets] = await Promise.all([activity(groups), store.tickets.ticketCountsByGroup(groups.map((g) => g.id), new Date())]);
        // with dozens of groups, the counts say which need the caller: open, not yet claimed, 超时
        const body = groups.map((g) => {
          const n = byId.get(g.gridNodeId!);
          return { ...view(g, last.get(g.id)?.lastMessageAt, n ? { code: n.code, name: n.name } : null), tickets: tickets.get(g.id)! };
        });
        body.sort((a, b) => (a.node?.code ?? '').localeCompare(b.node?.code ?? '') || a.id - b.id);
        return { body };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/groups/pending',
      access: { role: GROUPS_MAP_ACCESS, scope: 'subtrees' },
      async handle() {
        const groups = await store.groups.listUnmapped();
        const last = await activity(groups);
        return { body: groups.map((g) => view(g, last.get(g.id)?.lastMessageAt, null)) };
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/groups/:id/map/:node',
      params: z.object({ id: dbId, node: nodeCode }),
      access: {
        role: GROUPS_MAP_ACCESS,
        scope: async ({ node }: { node: string }) => {
          const n = await store.grid.findByCode(node);
          if (!n) throw new HttpError(404, 'GRID_NODE_NOT_FOUND', `no grid node ${node}`, zhUnknownGridCode(node));
          return n;
        },
      },
      async handle({ params }) {
        const g = await store.groups.findById(params.id);
        if (!g) throw new HttpError(404, 'GROUP_NOT_FOUND', `no group ${params.id}`);
        // a mapped group lies in someone's subtree: moving it is a grid import, not a pick from the pending list
        if (g.gridNodeId !== null) throw new HttpError(409, 'GROUP_ALREADY_MAPPED', `group ${params.id} is mapped already (change it by grid import)`);
        const node = (await store.grid.findByCode(params.node))!;
        const mapped = await store.groups.mapToNode(g.id, node.id);
        return { body: view(mapped, null, { code: node.code, name: node.name }) };
      },
    }),
  ];
}
