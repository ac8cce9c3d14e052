// 三单式 service over the admin API, for the console's 志愿服务 page: the volunteers of the caller's part of the grid
// (or a node in it) with their points, the open service requests, one request with its steps, the month's ranking
// and the month's sheet as CSV. Grid staff and above read; residents and volunteers get 403. A resident's words
// (and any phone or ID number in what is returned) are masked by the server for everyone below COMMUNITY_STAFF.
import { z } from 'zod';
import type { GridScope } from '../../core/grid/grid-scope.ts';
import type { GridNode } from '../../core/grid/grid.types.ts';
import { isMonth, monthOf } from '../../core/insights/insights-period.ts';
import type { RoleRequirement } from '../../core/people/authority.ts';
import type { Store } from '../../core/ports/store.port.ts';
import { pointsCsv, pointsCsvName } from '../../core/service/points-export.ts';
import { monthRanking, OPEN_SERVICE, volunteerBoard } from '../../core/service/points-ranking.ts';
import { SERVICE_STATUS_ZH, type ServiceRequest, type ServiceStatus } from '../../core/service/service.types.ts';
import { defineRoute, HttpError, type RouteSpec } from './http-server.ts';
import { dbId, limit, namedNode } from './params.ts';

/** Grid staff and above read the service of their subtrees (building heads and volunteers are residents). */
export const SERVICE_READ: RoleRequirement = { atLeast: 'GRID_WORKER' };

export interface ServiceRouteParts {
  store: Pick<Store, 'grid' | 'groups' | 'people' | 'service'>;
  scope: GridScope;
  now?: () => Date;
}

const STATUSES = Object.keys(SERVICE_STATUS_ZH) as ServiceStatus[];
const month = z.string().refine(isMonth, 'must be a month YYYY-MM (01–12)').optional();
const nodeCode = z.string().min(1).max(64).optional();
const statusList = z
  .string()
  .refine((s) => s === 'open' || s.split(',').every((x) => STATUSES.includes(x as ServiceStatus)), `must be open or some of ${STATUSES.join(', ')}, comma-separated`)
  .optional();

export function serviceRoutes(o: ServiceRouteParts): RouteSpec[] {
  const { store, scope } = o;
  const now = o.now ?? (() => new Date());
  const named = (code: string) => namedNode(scope, code);
  const byNode = async (_p: unknown, q: { node?: string }) => (q.node === undefined ? undefined : named(q.node));
  /** The nodes of the asked part: the subtree of ?node=, else all of the caller's subtrees. */
  const within = async (node: string | undefined, scopes: readonly { code: string }[]) => {
    const roots = node === undefined ? await Promise.all(scopes.map((s) => named(s.code))) : [await named(node)];
    return { roots, nodes: await scope.nodesWithin(roots) };
  };
  const scopeView = (roots: readonly GridNode[]) => roots.map((r) => ({ code: r.code, name: r.name, level: r.level }));
  const monthOfQuery = (m: string | undefined) => {
    const current = monthOf(now());
    if (m !== undefined && m > current) throw new HttpError(400, 'BAD_REQUEST', `query month: ${m} has not begun (the latest is ${current})`, `${m} 尚未开始，最近可查看 ${current}`);
    return m ?? current;
  };
  const names = () => {
    const cache = new Map<number, Promise<string | null>>();
    return (id: number | null) => {
      if (id === null) return Promise.resolve(null);
      if (!cache.has(id)) cache.set(id, store.people.findById(id).then((p) => p?.name ?? `#${id}`));
      return cache.get(id)!;
    };
  };

  async function requestRows(rows: readonly ServiceRequest[], nodes: ReadonlyMap<number, GridNode>) {
    const name = names();
    const groups = new Map((await store.groups.findManyById([...new Set(rows.flatMap((r) => (r.groupId === null ? [] : [r.groupId])))])).map((g) => [g.id, g]));
    const at = now().getTime();
    return Promise.all(
      rows.map(async (r) => {
        const n = nodes.get(r.gridNodeId) ?? (await store.grid.findById(r.gridNodeId));
        const g = r.groupId === null ? undefined : groups.get(r.groupId);
        return {
          id: r.id,
          status: r.status,
          statusZh: SERVICE_STATUS_ZH[r.status],
          kind: r.kind,
          summary: r.summary,
          text: r.text,
          node: n ? { code: n.code, name: n.name } : null,
          group: g ? { id: g.id, title: g.title } : null,
          requester: { id: r.requesterId, name: await name(r.requesterId) },
          volunteer: r.volunteerId === null ? null : { id: r.volunteerId, name: await name(r.volunteerId) },
          pooled: r.pooled,
          createdAt: r.createdAt,
          ageHours: Math.max(0, Math.floor((at - r.createdAt.getTime()) / 3_600_000)),
        };
      }),
    );
  }

  async function board(query: { month?: string; node?: string }, scopes: readonly { code: string }[]) {
    const m = monthOfQuery(query.month);
    const { roots, nodes } = await within(query.node, scopes);
    const rows = await volunteerBoard(store, { month: m, gridNodeIds: nodes.map((n) => n.id) });
    return { month: m, roots, nodes: new Map(nodes.map((n) => [n.id, n])), rows };
  }

  return [
    defineRoute({
      method: 'GET',
      path: '/api/service/volunteers',
      query: z.object({ month, node: nodeCode }),
      access: { role: SERVICE_READ, scope: byNode },
      async handle({ query, scopes }) {
        const b = await board(query, scopes);
        const items = b.rows.map(({ gridNodeId, ...r }) => {
          const n = b.nodes.get(gridNodeId);
          return { ...r, node: n ? { code: n.code, name: n.name } : null };
        });
        return { body: { month: b.month, scope: scopeView(b.roots), items } };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/service/points',
      query: z.object({ month, node: nodeCode }),
      access: { role: SERVICE_READ, scope: byNode },
      async handle({ query, scopes }) {
        const m = monthOfQuery(query.month);
        const { roots, nodes } = await within(query.node, scopes);
        const r = await monthRanking(store, { month: m, gridNodeIds: nodes.map((n) => n.id) });
        return { body: { month: m, period: r.period, scope: scopeView(roots), ranking: r.ranking } };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/service/points.csv',
      query: z.object({ month, node: nodeCode }),
      access: { role: SERVICE_READ, scope: byNode },
      async handle({ query, scopes }) {
        const b = await board(query, scopes);
        return {
          body: b.rows,
          render: async (rows: typeof b.rows) => ({
            data: pointsCsv(b.month, rows, (id) => b.nodes.get(id)?.name ?? `#${id}`),
            type: 'text/csv; charset=utf-8',
            filename: pointsCsvName(b.month),
          }),
        };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/service/requests',
      query: z.object({ node: nodeCode, status: statusList, limit: limit(200) }),
      access: { role: SERVICE_READ, scope: byNode },
      async handle({ query, scopes }) {
        const { roots, nodes } = await within(query.node, scopes);
        const statuses = query.status === undefined || query.status === 'open' ? OPEN_SERVICE : (query.status.split(',') as ServiceStatus[]);
        const rows = await store.service.list({ gridNodeIds: nodes.map((n) => n.id), statuses, limit: query.limit });
        return { body: { scope: scopeView(roots), items: await requestRows(rows, new Map(nodes.map((n) => [n.id, n]))) } };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/service/requests/:id',
      params: z.object({ id: dbId }),
      access: {
        role: SERVICE_READ,
        scope: async ({ id }) => {
          const r = await store.service.findById(id);
          if (!r) throw new HttpError(404, 'SERVICE_REQUEST_NOT_FOUND', `no service request ${id}`);
          return store.grid.findById(r.gridNodeId);
        },
      },
      async handle({ params }) {
        const r = (await store.service.findById(params.id))!;
        const [[row], events] = await Promise.all([requestRows([r], new Map()), store.service.events(r.id)]);
        const name = names();
        return {
          body: {
            request: { ...row, result: r.result, rating: r.rating, takenAt: r.takenAt, doneAt: r.doneAt, confirmedAt: r.confirmedAt },
            events: await Promise.all(events.map(async (e) => ({ kind: e.kind, actor: await name(e.actorId), note: e.note, at: e.at }))),
          },
        };
      },
    }),
  ];
}
