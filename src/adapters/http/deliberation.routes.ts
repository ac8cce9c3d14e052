// 议事 over the admin API, for the console's 议事 pages: the topics of the caller's part of the grid, one topic whole
// (topic-views.ts), and the staff's steps — open a topic over a node (posted in its groups), accept a resident's
// proposal (受理提议: it opens), close it early, record
// the 拟办意见 (announced), add a 实事 item and mark one done — through the bot's own DeliberationService and
// TopicTasks, which check, as in the chat, that the caller is staff over the topic's scope. Grid staff and above read;
// topic staff (TOPIC_STAFF) act. Without the running bot's service (a read-only deployment) the steps are not mounted.
import { z } from 'zod';
import type { DeliberationService } from '../../core/deliberation/deliberation.service.ts';
import type { TopicRevisit } from '../../core/deliberation/topic-revisit.ts';
import { TOPIC_STAFF } from '../../core/deliberation/topic-scope.ts';
import type { TopicTasks } from '../../core/deliberation/topic-tasks.ts';
import { TOPIC_STATUSES, type TopicStatus } from '../../core/deliberation/topic.types.ts';
import type { GridScope } from '../../core/grid/grid-scope.ts';
import type { RoleRequirement } from '../../core/people/authority.ts';
import type { Store } from '../../core/ports/store.port.ts';
import { optionsProblem } from '../../core/deliberation/vote-parser.ts';
import { defineRoute, HttpError, type RouteSpec } from './http-server.ts';
import { zhField } from './error-zh.ts';
import { dbId, limit, namedNode } from './params.ts';
import { Names } from './ticket-views.ts';
import { TopicViews } from './topic-views.ts';

/** Grid staff and above read the topics of their subtrees (building heads are residents: they vote). */
export const DELIBERATION_READ: RoleRequirement = { atLeast: 'GRID_WORKER' };
/** Who opens, closes, decides and keeps the 实事清单: the roles the chat's 议题/拟办/实事 accept. */
export const DELIBERATION_WRITE: RoleRequirement = { anyOf: TOPIC_STAFF };

export interface DeliberationRouteParts {
  store: Pick<Store, 'deliberation' | 'grid' | 'groups' | 'people' | 'messages'>;
  scope: GridScope;
  service: DeliberationService;
  revisit: TopicRevisit;
  /** The bot's 实事清单 keeper; without it (read-only) no step is mounted. */
  tasks?: TopicTasks;
  now?: () => Date;
}

const nodeCode = z.string().min(1).max(64);
const statuses = z
  .string()
  .trim()
  .min(1, 'must name at least one status')
  .refine((v) => v.split(',').every((s) => TOPIC_STATUSES.includes(s.trim() as TopicStatus)), `must be a comma-separated list of: ${TOPIC_STATUSES.join(', ')}`)
  .transform((v) => v.split(',').map((s) => s.trim() as TopicStatus))
  .optional();
// the console's forms stop at the same lengths and count down to them (web/console/deliberation.js)
const TOPIC_TITLE_MAX = 200;
const DECISION_MAX = 1000;
const TASK_TEXT_MAX = 200;
const TASK_OWNER_MAX = 60;
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

const openBody = z
  .object({
    node: nodeCode,
    title: zhField(text(TOPIC_TITLE_MAX), '议题标题'),
    /** Empty or absent: 同意 / 反对 / 弃权. */
    options: z
      .array(text(40))
      .max(9, 'at most 9 options')
      .refine((o) => o.length !== 1, { message: 'give no options (同意/反对/弃权) or 2 to 9', params: { zh: '请至少填写两个选项，或留空（默认 同意/反对/弃权）' } })
      .refine((o) => optionsProblem(o)?.kind !== 'duplicate', { message: 'options must differ', params: { zh: '选项不能重复' } })
      .refine((o) => optionsProblem(o)?.kind !== 'numeric', { message: 'options must not be numbers (a reply "2" votes for option 2)', params: { zh: '选项不能是数字（居民回复数字即投第几项）' } })
      .optional(),
    windowHours: z.number().int().min(1).max(30 * 24),
    counting: z.enum(['PERSON', 'HOUSEHOLD']),
    rule: z.enum(['MAJORITY', 'QUORUM']),
    quorumPct: z.number().int().min(1).max(100).optional(),
  })
  .strict()
  .refine((b) => b.rule !== 'QUORUM' || b.quorumPct !== undefined, { message: 'is required when rule is QUORUM', path: ['quorumPct'] });
const decisionBody = z.object({ text: zhField(text(DECISION_MAX), '拟办意见') }).strict();
const taskBody = z
  .object({
    text: zhField(text(TASK_TEXT_MAX), '实事事项'),
    /** A staff member's name over the scope, else a department. */
    owner: zhField(text(TASK_OWNER_MAX), '责任人'),
    due: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').optional(),
  })
  .strict();

export function deliberationRoutes(o: DeliberationRouteParts): RouteSpec[] {
  const { store, scope, service } = o;
  const now = o.now ?? (() => new Date());
  const views = new TopicViews({ store, service, revisit: o.revisit, now });
  const named = (code: string) => namedNode(scope, code);
  /** The node of the topic a path names: its scope decides who reaches it. */
  const topicNode = async ({ id }: { id: number }) => {
    const t = await store.deliberation.findById(id);
    if (!t) throw new HttpError(404, 'TOPIC_NOT_FOUND', `no topic #${id}`);
    return store.grid.findById(t.gridNodeId);
  };
  const detail = async (id: number, personId: number) => views.detail((await store.deliberation.findById(id))!, personId);
  const IdParam = z.object({ id: dbId });

  const routes: RouteSpec[] = [
    defineRoute({
      method: 'GET',
      path: '/api/topics',
      query: z.object({ status: statuses, node: nodeCode.optional(), limit: limit(50) }),
      access: { role: DELIBERATION_READ, scope: async (_p, q) => (q.node === undefined ? undefined : named(q.node)) },
      async handle({ query, scopes }) {
        const roots = query.node === undefined ? scopes : [await named(query.node)];
        const nodes = await scope.nodesWithin(roots);
        const topics = await store.deliberation.list({ gridNodeIds: nodes.map((n) => n.id), statuses: query.status, limit: query.limit });
        const names = new Names(store);
        const items = [];
        for (const t of topics) items.push(await views.row(t, names));
        return { body: { scope: roots.map((r) => ({ code: r.code, name: nodes.find((n) => n.id === r.id)?.name ?? r.code })), items } };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/topics/:id',
      params: IdParam,
      access: { role: DELIBERATION_READ, scope: topicNode },
      async handle({ params, authority }) {
        return { body: await detail(params.id, authority.personId) };
      },
    }),
  ];
  const topicStep = (step: string, run: (id: number, staffId: number) => Promise<unknown>) =>
    defineRoute({
      method: 'POST',
      path: `/api/topics/:id/${step}`,
      params: IdParam,
      access: { role: DELIBERATION_WRITE, scope: topicNode },
      async handle({ params, authority }) {
        await run(params.id, authority.personId);
        return { body: await detail(params.id, authority.personId) };
      },
    });
  const tasks = o.tasks;
  if (!tasks) return routes;
  routes.push(
    defineRoute({
      method: 'POST',
      path: '/api/topics',
      body: openBody,
      access: { role: DELIBERATION_WRITE, scope: async (_p, _q, b) => named(b.node) },
      async handle({ body, authority }) {
        const node = (await scope.node(body.node))!;
        // a topic over a part of the grid without groups would be put to nobody
        if (!(await service.scopes.of(node.id)).groups.length) throw new HttpError(422, 'GROUP_NOT_MAPPED', `no active group is mapped inside ${body.node}`);
        const { topic, groups } = await service.open(
          {
            gridNodeId: node.id, title: body.title, options: body.options ?? [], windowHours: body.windowHours, rule: body.rule,
            quorumPct: body.rule === 'QUORUM' ? body.quorumPct! : null, counting: body.counting, createdById: authority.personId, sourceMessageId: null,
          },
          null,
        );
        return { status: 201, body: { ...(await detail(topic.id, authority.personId)), posted: groups } };
      },
    }),
    // the steps on one topic that answer with its page: staff over the topic's scope, as in the chat
    topicStep('accept', (id, staffId) => service.accept(id, staffId)),
    topicStep('close', (id, staffId) => service.closeEarly(id, staffId)),
    defineRoute({
      method: 'POST',
      path: '/api/topics/:id/decision',
      params: IdParam,
      body: decisionBody,
      access: { role: DELIBERATION_WRITE, scope: topicNode },
      async handle({ params, body, authority }) {
        await service.decide(params.id, authority.personId, body.text);
        return { body: await detail(params.id, authority.personId) };
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/topics/:id/tasks',
      params: IdParam,
      body: taskBody,
      access: { role: DELIBERATION_WRITE, scope: topicNode },
      async handle({ params, body, authority }) {
        const r = await tasks.add(params.id, authority.personId, { text: body.text, owner: body.owner, due: body.due }, null);
        await tasks.announce(r.topic, r.task, r.owner);
        return { status: 201, body: { ...(await detail(params.id, authority.personId)), task: { id: r.task.id, owner: r.owner } } };
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/topics/:id/tasks/:taskId/done',
      params: z.object({ id: dbId, taskId: dbId }),
      access: { role: DELIBERATION_WRITE, scope: topicNode },
      async handle({ params, authority }) {
        const task = await store.deliberation.findTask(params.taskId);
        if (!task || task.topicId !== params.id) throw new HttpError(404, 'TOPIC_NOT_FOUND', `no item 实事#${params.taskId} on topic #${params.id}`);
        const r = await tasks.finish(task.id, authority.personId);
        return { body: { ...(await detail(params.id, authority.personId)), allDone: r.allDone } };
      },
    }),
  );
  return routes;
}
