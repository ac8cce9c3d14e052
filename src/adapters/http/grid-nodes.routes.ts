// GET /api/grid/nodes: the grid nodes inside the caller's subtrees, each with its parent and how many active groups
// are mapped inside it, plus the tags and platforms of those groups — what a picker of targets (批量发布) or a tree
// of the grid needs. `?root=CODE` narrows to that node's subtree, which must lie inside the caller's (403 otherwise).
import { namedNode } from './params.ts';
import { z } from 'zod';
import type { GridScope } from '../../core/grid/grid-scope.ts';
import { isInSubtree, outline, type GridNode } from '../../core/grid/grid.types.ts';
import type { RoleRequirement } from '../../core/people/authority.ts';
import { defineRoute, type RouteSpec } from './http-server.ts';

/** Any staff role reads the part of the grid it covers (a building head: its building). */
export const GRID_NODES_ACCESS: RoleRequirement = { atLeast: 'UNIT_HEAD' };

const nodeCode = z.string().min(1).max(64);

export function gridNodeRoutes(scope: GridScope): RouteSpec[] {
  const named = (code: string) => namedNode(scope, code);
  return [
    defineRoute({
      method: 'GET',
      path: '/api/grid/nodes',
      query: z.object({ root: nodeCode.optional() }),
      access: { role: GRID_NODES_ACCESS, scope: async (_p, q) => (q.root === undefined ? undefined : named(q.root)) },
      async handle({ query, scopes }) {
        const roots = query.root === undefined ? scopes : [await named(query.root)];
        const nodes = await scope.nodesWithin(roots);
        const groups = (await scope.groupsWithin(roots)).filter((g) => g.active);
        const byId = new Map<number, GridNode>(nodes.map((n) => [n.id, n]));
        const groupNodes = groups.map((g) => byId.get(g.gridNodeId!)).filter((n): n is GridNode => n !== undefined);
        return {
          body: {
            roots: roots.map((r) => r.code),
            nodes: outline(nodes).map(({ node: n, parentCode }) => ({
              code: n.code,
              name: n.name,
              level: n.level,
              parentCode,
              depth: n.path.split('/').filter(Boolean).length,
              groups: groupNodes.filter((g) => isInSubtree(g, n)).length,
            })),
            tags: [...new Set(groups.flatMap((g) => g.tags))].sort(),
            platforms: [...new Set(groups.map((g) => g.platform))].sort(),
          },
        };
      },
    }),
  ];
}
