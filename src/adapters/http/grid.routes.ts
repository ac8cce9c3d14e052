// The grid (网格) in the console: the caller's part of the hierarchy as a tree with the people and their roles (a
// volunteer's skills, each person's home);
// importing a grid file (a dry run previews the changes, or lists the line-numbered errors; nothing changes unless
// every line is right) and exporting the whole grid as the YAML `linli grid import` reads.
// Import and export concern the whole grid (people of every street): ADMIN only.
import { z } from 'zod';
import { diffGrid } from '../../core/grid/grid-diff.ts';
import { importGrid } from '../../core/grid/grid-import.ts';
import type { GridScope } from '../../core/grid/grid-scope.ts';
import { outline } from '../../core/grid/grid.types.ts';
import type { RoleRequirement } from '../../core/people/authority.ts';
import { ROLE_ZH } from '../../core/people/roles.ts';
import type { RoleHolder } from '../../core/ports/person.repository.ts';
import type { Store } from '../../core/ports/store.port.ts';
import { readGridRecords, writeGridYaml } from '../files/grid-file.ts';
import { defineRoute, type RouteSpec } from './http-server.ts';

/** Grid staff and above see the tree of their subtrees (a grid worker their grids, a street its street). */
export const GRID_TREE_ACCESS: RoleRequirement = { atLeast: 'GRID_WORKER' };
/** Import and export: the whole grid, with every street's people. */
export const GRID_FILE_ACCESS: RoleRequirement = { anyOf: ['ADMIN'] };

const ImportBody = z.object({
  /** The file's text (YAML, or CSV with nodes only). */
  text: z.string().min(1, 'must not be empty').max(60_000, 'must be at most 60000 characters'),
  format: z.enum(['yaml', 'csv']).default('yaml'),
  /** Validate and preview only. */
  dryRun: z.boolean().default(true),
  /** Name used in the error lines. */
  fileName: z.string().min(1).max(200).optional(),
});

/**
 * Who may import the grid file here (the page says so to everyone else): how many people hold ADMIN on a root node
 * (what GRID_FILE_ACCESS asks); with none, the roots' codes, for the line of the file that makes someone ADMIN.
 */
async function whoImports(store: Pick<Store, 'grid'>, holders: readonly RoleHolder[]): Promise<{ fileAdmins: number; gridRoots?: string[] }> {
  const admins = new Set<number>();
  // a grid has an ADMIN or two: their nodes are read one by one
  for (const h of holders) if (h.role === 'ADMIN' && (await store.grid.findById(h.gridNodeId))?.parentId === null) admins.add(h.person.id);
  if (admins.size > 0) return { fileAdmins: admins.size };
  return { fileAdmins: 0, gridRoots: (await store.grid.all()).filter((n) => n.parentId === null).map((n) => n.code) };
}

export function gridRoutes(store: Pick<Store, 'grid' | 'people'>, scope: GridScope): RouteSpec[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/api/grid/tree',
      access: { role: GRID_TREE_ACCESS, scope: 'subtrees' },
      async handle({ scopes }) {
        const nodes = await scope.nodesWithin(scopes);
        const ids = new Set(nodes.map((n) => n.id));
        const all = await store.people.allHolders();
        const holders = all.filter((h) => ids.has(h.gridNodeId));
        // a volunteer's skills, and where each person lives (the room: staff of the node's part of the grid see it)
        const extras = await store.grid.skillsAndHomes([...new Set(holders.map((h) => h.person.id))]);
        const nameOf = new Map(nodes.map((n) => [n.code, n.name]));
        const people = new Map<number, { personId: number; name: string; role: string; roleZh: string; skills: string[]; homes: { node: string; nodeName: string; room: string }[] }[]>();
        for (const h of holders) {
          const list = people.get(h.gridNodeId) ?? [];
          const x = extras.get(h.person.id);
          list.push({
            personId: h.person.id,
            name: h.person.name,
            role: h.role,
            roleZh: ROLE_ZH[h.role],
            skills: h.role === 'VOLUNTEER' ? (x?.skills ?? []) : [],
            homes: (x?.homes ?? []).map((m) => ({ node: m.nodeCode, nodeName: nameOf.get(m.nodeCode) ?? m.nodeCode, room: m.room })),
          });
          people.set(h.gridNodeId, list);
        }
        const files = await whoImports(store, all);
        return {
          body: {
            roots: scopes.map((s) => s.code),
            ...files,
            nodes: outline(nodes).map(({ node: n, parentCode }) => ({
              code: n.code,
              name: n.name,
              level: n.level,
              parentCode,
              people: people.get(n.id) ?? [],
            })),
          },
        };
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/grid/import',
      body: ImportBody,
      access: { role: GRID_FILE_ACCESS, scope: 'grid' },
      async handle({ body }) {
        const stored = await store.grid.exportSpec();
        // a refused file throws GridFileError: 422 GRID_INVALID with details.errors [{ line, message }]
        const { spec, applied } = await importGrid(store.grid, readGridRecords(body.text, body.format), {
          dryRun: body.dryRun,
          fileName: body.fileName ?? (body.format === 'csv' ? 'grid.csv' : 'grid.yaml'),
        });
        const diff = diffGrid(stored, spec);
        return { body: { applied, counts: { nodes: spec.nodes.length, groups: spec.groups.length, people: spec.people.length }, ...diff } };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/grid/export',
      access: { role: GRID_FILE_ACCESS, scope: 'grid' },
      async handle() {
        return {
          body: await store.grid.exportSpec(),
          render: async (spec: Parameters<typeof writeGridYaml>[0]) => ({ data: writeGridYaml(spec), type: 'application/yaml; charset=utf-8', filename: 'grid.yaml' }),
        };
      },
    }),
  ];
}
