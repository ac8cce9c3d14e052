// 每月一题 over the admin API, for the console's 每月一题 page: the month's problems of the caller's part of the grid
// (or a node in it), one problem, and the topics staff mark from them — each with a lead and a task list whose tasks
// are tickets. Grid staff read; community staff and above mark, set the lead and add tasks. Evidence is masked by
// the service for everyone (a proposal is shown on screens and circulated).
import { z } from 'zod';
import { lastFullMonth, isMonth, monthOf } from '../../core/insights/insights-period.ts';
import type { Problem } from '../../core/insights/insights.types.ts';
import type { MonthlyTopicService } from '../../core/insights/monthly-topic.service.ts';
import type { GridNode } from '../../core/grid/grid.types.ts';
import type { GridScope } from '../../core/grid/grid-scope.ts';
import type { Authority, RoleRequirement } from '../../core/people/authority.ts';
import type { MonthlyTopic, TopicProblem } from '../../core/ports/monthly-topic.repository.ts';
import type { Store } from '../../core/ports/store.port.ts';
import type { ProblemsCache } from '../insights/problems-cache.ts';
import { ANALYSED_TOP } from '../insights/problems-cache.ts';
import { defineRoute, HttpError, type RouteSpec } from './http-server.ts';
import { dbId, namedNode } from './params.ts';
import { zhField } from './error-zh.ts';
import { Names, oneTicketRow } from './ticket-views.ts';
import { assignableTo, takerGrants } from './ticket.routes.ts';

/** Grid staff and above read the problems of their subtrees (building heads are resident volunteers). */
export const INSIGHTS_READ: RoleRequirement = { atLeast: 'GRID_WORKER' };
/** Marking the month's topic, its lead and its tasks: office staff (not departments, which are handed tasks). */
export const TOPICS_WRITE: RoleRequirement = { anyOf: ['COMMUNITY_STAFF', 'STREET_STAFF', 'LEADER', 'ADMIN'] };

export interface InsightsRouteParts {
  store: Pick<Store, 'grid' | 'groups' | 'people' | 'tickets' | 'topics'>;
  scope: GridScope;
  problems: ProblemsCache;
  topics: MonthlyTopicService;
  /** Tasks are tickets: without the running ticket service (a read-only deployment) the task route is not mounted. */
  canAddTasks: boolean;
  now?: () => Date;
}

const month = z.string().refine(isMonth, 'must be a month YYYY-MM (01–12), from 2000-01');
const top = z
  .string()
  .regex(/^\d{1,3}$/, `must be a whole number from 1 to ${ANALYSED_TOP}`)
  .transform(Number)
  .refine((n) => n >= 1 && n <= ANALYSED_TOP, `must be a whole number from 1 to ${ANALYSED_TOP}`)
  .optional();
const nodeCode = z.string().min(1).max(64);
const problemKey = z.string().min(1).max(200);
const text = (max: number) => z.string().trim().min(1).max(max);

const topicBody = z.object({ month, node: nodeCode, key: problemKey });
const leadBody = z
  .object({ leadDepartment: z.string().trim().max(60).nullable().optional(), leadPersonId: z.number().int().positive().max(2_147_483_647).nullable().optional() })
  .refine((b) => b.leadDepartment !== undefined || b.leadPersonId !== undefined, 'leadDepartment or leadPersonId is required');
// the console's task and lead boxes stop at these lengths and count up to them (web/console/insights.js)
const taskBody = z.object({ text: zhField(text(500), '任务内容'), assigneeId: z.number().int().positive().max(2_147_483_647).optional(), complex: z.boolean().optional() });

type Grid = Pick<GridNode, 'id' | 'code' | 'name'>;

/** "#1024" → 1024 (a ticket's evidence), else null (an appeal from a file). */
const ticketNoOf = (id: string) => (/^#(\d+)$/.exec(id) ? Number(id.slice(1)) : null);

function gridsView(grids: { gridNodeId: number; count: number }[], nodes: ReadonlyMap<number, Grid>) {
  return grids.map((g) => ({ code: nodes.get(g.gridNodeId)?.code ?? null, name: nodes.get(g.gridNodeId)?.name ?? `#${g.gridNodeId}`, count: g.count }));
}

function problemView(p: Problem, nodes: ReadonlyMap<number, Grid>, topic: MonthlyTopic | undefined) {
  const { evidence, grids, leadDepartment, ...figures } = p;
  return {
    ...figures,
    grids: gridsView(grids, nodes),
    leadDepartment: leadDepartment ?? null,
    evidence: evidence.map((e) => ({ id: e.id, time: e.time, text: e.text, ticketNo: ticketNoOf(e.id) })),
    topic: topic ? { id: topic.id } : null,
  };
}

export function insightsRoutes(o: InsightsRouteParts): RouteSpec[] {
  const { store, scope } = o;
  const now = o.now ?? (() => new Date());
  const named = (code: string) => namedNode(scope, code);
  const rootsOf = async (node: string | undefined, scopes: { code: string }[]) =>
    node === undefined ? Promise.all(scopes.map((s) => named(s.code))) : [await named(node)];
  /** The month asked for (default: the last full month); the running month may be asked, a later one may not. */
  const monthOfQuery = (m: string | undefined) => {
    const current = monthOf(now());
    if (m === undefined) return lastFullMonth(now());
    if (m > current) throw new HttpError(400, 'BAD_REQUEST', `query month: ${m} has not begun (the latest is ${current})`, `${m} 尚未开始，最近可查看 ${current}`);
    return m;
  };
  const nodeMap = async (roots: readonly GridNode[]) => new Map((await scope.nodesWithin(roots)).map((n) => [n.id, n] as const));
  const topicById = async (id: number) => {
    const t = await store.topics.findById(id);
    if (!t) throw new HttpError(404, 'TOPIC_NOT_FOUND', `no topic ${id}`);
    return t;
  };
  const topicOf = async ({ id }: { id: number }) => store.grid.findById((await topicById(id)).gridNodeId);
  /** Where a topic is read: its node, and the grids its problem lies in (a street's topic, by the community concerned). */
  const topicReadAt = async ({ id }: { id: number }) => {
    const places = await Promise.all((await o.topics.taskNodes(await topicById(id))).map((n) => store.grid.findById(n)));
    return places.filter((n): n is GridNode => n !== null);
  };
  const problemIn = async (roots: GridNode[], m: string, key: string) => {
    const report = await o.problems.report(roots, m);
    const p = report.problems.find((x) => x.key === key);
    if (!p) throw new HttpError(404, 'PROBLEM_NOT_FOUND', `no problem ${key} in ${m}`);
    return p;
  };

  async function topicView(t: MonthlyTopic, withTasks: boolean) {
    const names = new Names(store);
    const node = await names.node(t.gridNodeId);
    const nodes = new Map<number, Grid>();
    for (const g of t.problem.grids) {
      const n = await names.node(g.gridNodeId);
      if (n) nodes.set(n.id, n);
    }
    const tasks = await store.topics.tasks([t.id]);
    const at = now();
    const taskRows = [];
    for (const k of tasks) {
      const ticket = await store.tickets.findById(k.ticketId);
      if (ticket) taskRows.push({ id: k.id, text: k.text, createdAt: k.createdAt, ticket: await oneTicketRow(ticket, store, at, names) });
    }
    const p: TopicProblem = t.problem;
    return {
      id: t.id,
      month: t.month,
      node: node ? { code: node.code, name: node.name, level: node.level } : null,
      title: t.title,
      problem: { ...p, grids: gridsView(p.grids, nodes), evidence: p.evidence.map((e) => ({ ...e, ticketNo: ticketNoOf(e.id) })) },
      leadDepartment: t.leadDepartment,
      lead: t.leadPersonId === null ? null : { id: t.leadPersonId, name: await names.person(t.leadPersonId) },
      createdBy: { id: t.createdById, name: await names.person(t.createdById) },
      createdAt: t.createdAt,
      tasks: withTasks ? taskRows : undefined,
      taskCount: taskRows.length,
      openTasks: taskRows.filter((r) => !['RESOLVED', 'CLOSED', 'REJECTED'].includes(r.ticket.status)).length,
    };
  }

  const routes: RouteSpec[] = [
    defineRoute({
      method: 'GET',
      path: '/api/insights/problems',
      query: z.object({ month: month.optional(), node: nodeCode.optional(), top }),
      access: { role: INSIGHTS_READ, scope: async (_p, q) => (q.node === undefined ? undefined : named(q.node)) },
      async handle({ query, scopes }) {
        const m = monthOfQuery(query.month);
        const roots = await rootsOf(query.node, scopes);
        const [report, nodes] = await Promise.all([o.problems.report(roots, m), nodeMap(roots)]);
        const topics = await o.topics.visibleIn([...nodes.values()], m);
        return {
          body: {
            month: m,
            period: report.period,
            scope: roots.map((r) => ({ code: r.code, name: r.name, level: r.level })),
            appealsInPeriod: report.appealsInPeriod,
            appealsRead: report.appealsRead,
            problems: report.problems.slice(0, query.top ?? 10).map((p) => problemView(p, nodes, topics.find((t) => t.problemKey === p.key))),
            topics: topics.map((t) => ({ id: t.id, title: t.title, key: t.problemKey, node: nodes.get(t.gridNodeId)?.code ?? null })),
          },
        };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/insights/problems/:key',
      params: z.object({ key: problemKey }),
      query: z.object({ month: month.optional(), node: nodeCode.optional() }),
      access: { role: INSIGHTS_READ, scope: async (_p, q) => (q.node === undefined ? undefined : named(q.node)) },
      async handle({ params, query, scopes }) {
        const m = monthOfQuery(query.month);
        const roots = await rootsOf(query.node, scopes);
        const [p, nodes] = await Promise.all([problemIn(roots, m, params.key), nodeMap(roots)]);
        const topics = await o.topics.visibleIn([...nodes.values()], m);
        return { body: { month: m, scope: roots.map((r) => ({ code: r.code, name: r.name, level: r.level })), problem: problemView(p, nodes, topics.find((t) => t.problemKey === p.key)) } };
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/insights/topics',
      body: topicBody,
      // the node named in the body must lie in the caller's subtrees, under the write role
      access: { role: TOPICS_WRITE, scope: async (_p, _q, b) => named(b.node) },
      async handle({ body, authority }) {
        if (body.month > monthOf(now())) throw new HttpError(400, 'BAD_REQUEST', `body month: ${body.month} has not begun`);
        const node = await named(body.node);
        const problem = await problemIn([node], body.month, body.key);
        const me = await store.people.findById(authority.personId);
        const topic = await o.topics.mark(body.month, node, problem, { personId: authority.personId, name: me?.name ?? `#${authority.personId}` });
        return { status: 201, body: { topic: await topicView(topic, true) } };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/insights/topics',
      query: z.object({ month: month.optional(), node: nodeCode.optional() }),
      access: { role: INSIGHTS_READ, scope: async (_p, q) => (q.node === undefined ? undefined : named(q.node)) },
      async handle({ query, scopes }) {
        const roots = await rootsOf(query.node, scopes);
        const nodes = await nodeMap(roots);
        const topics = await o.topics.visibleIn([...nodes.values()], query.month);
        return { body: { items: await Promise.all(topics.map((t) => topicView(t, true))) } };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/insights/topics/:id',
      params: z.object({ id: dbId }),
      access: { role: INSIGHTS_READ, scope: topicReadAt },
      async handle({ params, authority }) {
        const t = await o.topics.get(params.id);
        const [view, assignable, departments] = await Promise.all([topicView(t, true), assignableToTopic(t, authority), departmentsOver(t.gridNodeId)]);
        return { body: { topic: view, assignable, departments } };
      },
    }),
    defineRoute({
      method: 'PATCH',
      path: '/api/insights/topics/:id',
      params: z.object({ id: dbId }),
      body: leadBody,
      access: { role: TOPICS_WRITE, scope: topicOf },
      async handle({ params, body }) {
        const t = await o.topics.setLead(params.id, { leadDepartment: body.leadDepartment === '' ? null : body.leadDepartment, leadPersonId: body.leadPersonId });
        return { body: { topic: await topicView(t, true) } };
      },
    }),
  ];

  /**
   * Who may take a topic's tasks: those who may take tickets on one of its places (the grid workers of the affected
   * buildings too) or on its own node; each with the node a task given to them opens on (the first that fits). Given the
   * caller: only those the caller may hand a task to (the page's picker).
   */
  async function assignableToTopic(t: MonthlyTopic, caller?: Authority) {
    const seen = new Map<number, Awaited<ReturnType<typeof assignableTo>>[number] & { taskNodeId: number }>();
    for (const nodeId of await o.topics.taskNodes(t)) {
      for (const p of await assignableTo(store, nodeId, caller)) if (!seen.has(p.id)) seen.set(p.id, { ...p, taskNodeId: nodeId });
    }
    return [...seen.values()];
  }

  /** The departments on the node's line (its own and those above it): the lead's choices. */
  async function departmentsOver(gridNodeId: number) {
    const chain = await scope.chain(gridNodeId);
    const holders = await store.people.holders(chain.map((n) => n.id), ['DEPARTMENT']);
    return [...new Map(holders.map((h) => [h.person.id, { id: h.person.id, name: h.person.name }])).values()];
  }

  if (o.canAddTasks) {
    routes.push(
      defineRoute({
        method: 'POST',
        path: '/api/insights/topics/:id/tasks',
        params: z.object({ id: dbId }),
        body: taskBody,
        access: {
          role: TOPICS_WRITE,
          scope: topicOf,
          // a task's 承办人: only someone at or below the caller's role, inside the caller's subtree (as 指派 a ticket)
          handsTo: async ({ id }, _q, b) => {
            const personId = (b as { assigneeId?: number }).assigneeId;
            if (personId === undefined) return undefined;
            const chosen = (await assignableToTopic(await o.topics.get(id))).find((p) => p.id === personId);
            return chosen ? takerGrants(store, chosen.taskNodeId, personId) : undefined;
          },
        },
        async handle({ params, body, authority }) {
          const t = await o.topics.get(params.id);
          // checked before the ticket is opened: a refused assignee leaves no ticket behind
          const chosen = body.assigneeId === undefined ? undefined : (await assignableToTopic(t)).find((p) => p.id === body.assigneeId);
          if (body.assigneeId !== undefined && !chosen) {
            throw new HttpError(422, 'NO_ASSIGNEE', `person ${body.assigneeId} cannot take tickets on the topic's places or grid node`);
          }
          const me = await store.people.findById(authority.personId);
          const r = await o.topics.addTask(t, { ...body, ...(chosen ? { gridNodeId: chosen.taskNodeId } : {}) }, { personId: authority.personId, name: me?.name ?? `#${authority.personId}` });
          return { status: 201, body: { task: { id: r.task.id, text: r.task.text, createdAt: r.task.createdAt, ticket: await oneTicketRow(r.ticket, store, now()) } } };
        },
      }),
    );
  }
  return routes;
}
