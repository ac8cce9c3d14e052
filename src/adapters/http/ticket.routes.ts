// Tickets over the admin API, for the console's 工单 page: the filtered list (and its CSV/XLSX export), one ticket
// with its whole timeline and conversation, and the staff's chat commands, run through the same TicketService and
// announced in the ticket's group as if typed there. A ticket belongs to its grid node: staff reach their subtrees.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Authority, Grant, GrantNode, RoleRequirement } from '../../core/people/authority.ts';
import { ancestorCodes, isInSubtree, type GridNode } from '../../core/grid/grid.types.ts';
import { lookUpNode } from '../../core/grid/node-lookup.ts';
import { CAPABILITIES, ROLE_ZH } from '../../core/people/roles.ts';
import type { TicketFilter } from '../../core/ports/ticket.repository.ts';
import type { Store } from '../../core/ports/store.port.ts';
import type { StaffAction, StaffActionKind, StaffTicketActions } from '../../core/tickets/staff-actions.ts';
import { transferTargets } from '../../core/tickets/transfer-targets.ts';
import { TICKET_STATUSES, type TicketStatus } from '../../core/tickets/ticket.types.ts';
import { NOTE_MAX_CHARS } from '../../core/tickets/commands.ts';
import type { TicketToTopic } from '../../core/deliberation/ticket-to-topic.ts';
import { optionsProblem } from '../../core/deliberation/vote-parser.ts';
import { Reason, zhField } from './error-zh.ts';
import { defineRoute, HttpError, type RouteSpec } from './http-server.ts';
import { flag, limit } from './params.ts';
import { Names, messageView, oneTicketRow, ticketRows, ticketsCsv, ticketsXlsx, timelineView, type TicketRow } from './ticket-views.ts';

/** Any staff role reads the tickets of its subtree (a building head, its building's). */
export const TICKETS_READ: RoleRequirement = { atLeast: 'UNIT_HEAD' };

/**
 * The least role each action asks of the route; TicketService then applies the chat's own table (roles.ts), so a
 * department cannot supervise, and the refusal is logged on the ticket as in the chat.
 */
export const ACTION_ACCESS: Record<StaffActionKind, RoleRequirement> = {
  claim: { atLeast: 'UNIT_HEAD' },
  progress: { atLeast: 'UNIT_HEAD' },
  resolve: { atLeast: 'UNIT_HEAD' },
  assign: { atLeast: 'GRID_WORKER' },
  transfer: { atLeast: 'GRID_WORKER' },
  escalate: { atLeast: 'GRID_WORKER' },
  reject: { atLeast: 'GRID_WORKER' },
  recategorize: { atLeast: 'GRID_WORKER' },
  complex: { atLeast: 'GRID_WORKER' },
  merge: { atLeast: 'GRID_WORKER' },
  supervise: { atLeast: 'GRID_HEAD' },
};

const ticketNo = z.string().regex(/^[1-9]\d{0,8}$/, 'must be a ticket number (digits)').transform(Number);
const note = z.string().trim().max(NOTE_MAX_CHARS).optional().transform((v) => v ?? '');
const required = (what: string, zh: string) => zhField(z.string().trim().min(1, `${what} is required`).max(NOTE_MAX_CHARS), zh);

/** The body each action takes. */
const BODIES: { [K in StaffActionKind]: z.ZodType<Omit<Extract<StaffAction, { kind: K }>, 'kind'>> } = {
  claim: z.object({}),
  progress: z.object({ note: required('note', '进展情况') }),
  resolve: z.object({ note: required('note (the result)', '办理结果') }),
  assign: z.object({ personId: z.number().int().positive(), note }),
  transfer: z.object({ target: required('target (a department)', '转派部门'), note }),
  escalate: z.object({ note: required('note (the reason)', '上报原因') }),
  supervise: z.object({ note }),
  // 其他原因 says which: the group hears the note as the reason, else only “已驳回（其他原因）”
  reject: z.object({ reason: zhField(z.enum(['not_appeal', 'duplicate', 'other']), '驳回原因'), note }).superRefine((b, ctx) => {
    if (b.reason === 'other' && !b.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'is required when the reason is other', params: { zh: '请填写驳回说明' } });
  }),
  recategorize: z.object({ category: required('category', '新类别') }),
  complex: z.object({ note }),
  merge: z.object({ into: z.number().int().positive(), note }),
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A China-local calendar day as the instant it starts. */
const chinaDay = (field: string) =>
  z.string().regex(DAY, 'must be a date YYYY-MM-DD').transform((v, ctx) => {
    const d = new Date(`${v}T00:00:00+08:00`);
    if (Number.isNaN(d.getTime())) ctx.addIssue({ code: 'custom', message: `${field} is not a real date` });
    return d;
  }).optional();

const list = (known: readonly string[] | null, what: string) =>
  z.string().trim().min(1, `must name at least one ${what}`)
    .refine((v) => !known || v.split(',').every((s) => known.includes(s.trim())), `must be a comma-separated list of: ${known?.join(', ')}`)
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .optional();

export const listQuery = z.object({
  status: list(TICKET_STATUSES, 'status'),
  category: list(null, 'category'),
  /** A grid node by its code (DY-G01) or its name (东园社区第一网格, or a part of it the caller sees only once: 第一网格). */
  node: z.string().trim().regex(/^[\p{L}\p{M}\p{N}\p{P}\p{S} ]{1,64}$/u, "must be a grid node's code or name (1 to 64 letters, digits or punctuation)").optional(),
  overdue: flag,
  /** Only the tickets the caller holds (their assignee). */
  mine: flag,
  /** Only the tickets of this group (its id, as /api/groups lists it). */
  group: z.string().regex(/^[1-9]\d{0,8}$/, "must be a group's id (digits)").transform(Number).optional(),
  from: chinaDay('from'),
  to: chinaDay('to'),
  q: z.string().max(100).optional(),
  limit: limit(50),
  offset: z.string().regex(/^\d{1,6}$/, 'must be a whole number from 0 to 999999').transform(Number).optional().transform((n) => n ?? 0),
}).superRefine((q, ctx) => {
  // a range picked backwards would only answer an empty list
  if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from', params: { zh: '截止日期早于起始日期，请重新选择' } });
});

export interface TicketRouteParts {
  store: Pick<Store, 'tickets' | 'grid' | 'groups' | 'people' | 'messages'>;
  /** Without it (a read-only deployment, some tests) the action routes are not mounted. */
  actions?: StaffTicketActions;
  /** 转议题 (POST /api/tickets/:no/topic); not mounted without it. */
  toTopic?: TicketToTopic;
  botName?: string;
  now?: () => Date;
}

/** The roles on this node or above it that let people take its tickets, with their nodes. */
async function takers(store: Pick<Store, 'grid' | 'people'>, gridNodeId: number) {
  const node = await store.grid.findById(gridNodeId);
  if (!node) return [];
  const line = await store.grid.findByCodes([...ancestorCodes(node), node.code]);
  const holders = await store.people.holders(line.map((n) => n.id), CAPABILITIES.claim);
  return holders.map((h) => ({ ...h, node: line.find((n) => n.id === h.gridNodeId)! })).filter((h) => h.node);
}

/**
 * Who may take a ticket on this node (for 指派): holders of a claiming role on the node or above it; given the caller,
 * only those the caller may hand it to (Authority.mayHandTo), as the assign route checks.
 */
export async function assignableTo(store: Pick<Store, 'grid' | 'people'>, gridNodeId: number, caller?: Authority) {
  const seen = new Set<number>();
  return (await takers(store, gridNodeId))
    .filter((h) => !caller || caller.mayHandTo([{ role: h.role, node: h.node }]))
    .filter((h) => !seen.has(h.person.id) && seen.add(h.person.id))
    .map((h) => ({ id: h.person.id, name: h.person.name, role: h.role, roleZh: ROLE_ZH[h.role], node: h.node.name }));
}

/** The roles of one person that let them take a ticket on this node (undefined: none, the service's 422). */
export async function takerGrants(store: Pick<Store, 'grid' | 'people'>, gridNodeId: number, personId: number): Promise<Grant[] | undefined> {
  const grants = (await takers(store, gridNodeId)).filter((h) => h.person.id === personId).map((h) => ({ role: h.role, node: h.node }));
  return grants.length ? grants : undefined;
}

/** The departments a ticket on this node may be transferred to (转派), nearest first: the console's picker. */
export async function transferTargetsOf(store: Pick<Store, 'grid' | 'people'>, gridNodeId: number) {
  const node = await store.grid.findById(gridNodeId);
  if (!node) return [];
  const line = (await store.grid.findByCodes([...ancestorCodes(node), node.code])).sort((a, b) => b.path.length - a.path.length);
  const targets = transferTargets(await store.people.holders(line.map((n) => n.id), ['DEPARTMENT']), line.map((n) => n.id));
  return targets.map((d) => ({ id: d.personId, name: d.name, key: d.key, node: line.find((n) => n.id === d.gridNodeId)?.name ?? '' }));
}

export function ticketRoutes(o: TicketRouteParts): RouteSpec[] {
  const { store } = o;
  const now = o.now ?? (() => new Date());
  const nodeOfTicket = async ({ no }: { no: number }) => {
    const t = await store.tickets.findByNumber(no);
    if (!t) throw new HttpError(404, 'TICKET_NOT_FOUND', `no ticket #${no}`, `工单 #${no} 不存在`);
    return store.grid.findById(t.gridNodeId);
  };

  /**
   * The node a list filter names (the tickets page takes names; params.ts namedNode, codes only, serves the other
   * routes), found as core/grid/node-lookup.ts says; none is 404, several are 400 listing them.
   */
  async function nodeByCodeOrName(text: string, scopes: GrantNode[]): Promise<GrantNode> {
    const r = await lookUpNode(store.grid, text, scopes);
    if ('found' in r) return r.found;
    if ('none' in r) throw new HttpError(404, 'GRID_NODE_NOT_FOUND', `no grid node ${text} (by code or name)`, `未找到该网格：${text}${/[A-Za-z]/.test(text) && /^[\x21-\x7e]+$/.test(text) ? '（编码区分大小写）' : ''}`);
    const candidates = r.ambiguous;
    const twice = (n: GridNode) => candidates.filter((c) => c.name === n.name).length > 1;
    const names = candidates.slice(0, 5).map((n) => (twice(n) ? `${n.name}（${n.code}）` : n.name)).join('、');
    const more = candidates.length > 5 ? `等 ${candidates.length} 个` : '';
    throw new HttpError(400, 'GRID_NODE_AMBIGUOUS', `query node: ${text} names ${candidates.length} grid nodes; give a code or a whole name`,
      `“${text}”对应多个网格：${names}${more}，请输入完整名称或网格编码`);
  }

  /** The filter of a list request, inside the caller's subtrees (a node outside them is refused). */
  async function filterOf(q: z.output<typeof listQuery>, scopes: GrantNode[], authority: Authority): Promise<TicketFilter> {
    let roots: GrantNode[] = scopes;
    if (q.group !== undefined) {
      const group = await store.groups.findById(q.group);
      const node = group?.gridNodeId ? await store.grid.findById(group.gridNodeId) : null;
      if (!node) throw new HttpError(404, 'GROUP_NOT_FOUND', `no group ${q.group} with a grid node`, `未找到该群（${q.group}）`);
      if (!scopes.some((s) => isInSubtree(node, s))) throw new HttpError(403, 'NOT_AUTHORIZED', `group ${q.group} is outside your part of the grid`, undefined, Reason.OutsideScope);
    }
    if (q.node) {
      const node = await nodeByCodeOrName(q.node, scopes);
      if (!scopes.some((s) => isInSubtree(node, s))) throw new HttpError(403, 'NOT_AUTHORIZED', `grid node ${q.node} is outside your part of the grid`, undefined, Reason.OutsideScope);
      roots = [node];
    }
    const ids = new Set<number>();
    for (const r of roots) for (const n of await store.grid.subtree(r.code)) ids.add(n.id);
    const until = q.to ? new Date(q.to.getTime() + 86_400_000) : undefined;
    return {
      gridNodeIds: [...ids],
      groupId: q.group,
      assigneeId: q.mine ? authority.personId : undefined,
      statuses: q.status as TicketStatus[] | undefined,
      categories: q.category,
      overdueAt: q.overdue ? now() : undefined,
      since: q.from,
      until,
      text: q.q,
      // what the resident wrote is stored raw: below community staff a word with a digit is not looked for in it
      textInMessages: authority.unmasked ? 'all' : 'withoutDigits',
    };
  }

  async function rows(filter: TicketFilter): Promise<TicketRow[]> {
    return ticketRows(await store.tickets.list(filter), store, now());
  }

  const exportRoute = (format: 'csv' | 'xlsx') =>
    defineRoute({
      method: 'GET',
      path: `/api/tickets.${format}`,
      query: listQuery,
      access: { role: TICKETS_READ, scope: 'subtrees' },
      async handle({ query, scopes, authority }) {
        const filter = await filterOf(query, scopes, authority);
        const body = await rows({ ...filter, limit: 10_000 });
        const stamp = now().toISOString().slice(0, 10);
        return {
          body,
          render: async (r: TicketRow[]) =>
            format === 'csv'
              ? { data: ticketsCsv(r), type: 'text/csv; charset=utf-8', filename: `工单-${stamp}.csv` }
              : { data: await ticketsXlsx(r), type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename: `工单-${stamp}.xlsx` },
        };
      },
    });

  const routes: RouteSpec[] = [
    defineRoute({
      method: 'GET',
      path: '/api/tickets',
      query: listQuery,
      access: { role: TICKETS_READ, scope: 'subtrees' },
      async handle({ query, scopes, authority }) {
        const filter = await filterOf(query, scopes, authority);
        const [items, total] = await Promise.all([rows({ ...filter, limit: query.limit, offset: query.offset }), store.tickets.count(filter)]);
        return { body: { total, limit: query.limit, offset: query.offset, items } };
      },
    }),
    exportRoute('csv'),
    exportRoute('xlsx'),
    defineRoute({
      method: 'GET',
      path: '/api/tickets/:no',
      params: z.object({ no: ticketNo }),
      access: { role: TICKETS_READ, scope: nodeOfTicket },
      async handle({ params, authority }) {
        const t = (await store.tickets.findByNumber(params.no))!;
        const names = new Names(store);
        const [events, messages, assignable, transferTargets] = await Promise.all([
          store.tickets.events(t.id), store.messages.ofTicket(t.id, 500), assignableTo(store, t.gridNodeId, authority), transferTargetsOf(store, t.gridNodeId),
        ]);
        return {
          body: {
            ticket: await oneTicketRow(t, store, now(), names),
            timeline: await timelineView(events, names),
            messages: messages.map((m) => messageView(m, o.botName ?? '邻里助手')),
            assignable,
            transferTargets,
          },
        };
      },
    }),
  ];
  if (o.toTopic) routes.push(toTopicRoute(o.toTopic, store, nodeOfTicket, now));
  const actions = o.actions;
  if (!actions) return routes;
  for (const kind of Object.keys(BODIES) as StaffActionKind[]) {
    routes.push(
      defineRoute({
        method: 'POST',
        path: `/api/tickets/:no/${kind}`,
        params: z.object({ no: ticketNo }),
        body: BODIES[kind],
        access: {
          role: ACTION_ACCESS[kind],
          scope: nodeOfTicket,
          // 指派: only to someone at or below the caller's role, inside the caller's subtree
          handsTo: kind === 'assign' ? async ({ no }, _q, b) => {
            const t = await store.tickets.findByNumber(no);
            return t ? takerGrants(store, t.gridNodeId, (b as { personId: number }).personId) : undefined;
          } : undefined,
        },
        async handle({ params, body, authority }) {
          const me = await store.people.findById(authority.personId);
          const action = { kind, ...(body as object) } as StaffAction;
          const r = await actions.run(params.no, { personId: authority.personId, name: me?.name ?? `#${authority.personId}` }, action, `console:${randomUUID()}`);
          return { body: { ticket: await oneTicketRow(r.ticket, store, now()), posted: r.posted, direct: r.direct } };
        },
      }),
    );
  }
  return routes;
}

/** 转议题: staff who may dispatch the ticket turn it into a topic over its node (or its community: `community: true`). */
export const TO_TOPIC_ACCESS: RoleRequirement = { atLeast: 'GRID_WORKER' };
const toTopicBody = z.object({
  title: z.string().trim().max(200).optional(),
  options: z
    .array(z.string().trim().min(1).max(50))
    .max(9)
    .refine((o) => o.length !== 1 && !optionsProblem(o), {
      message: 'options: none, or 2 to 9 different ones, not numbers (a reply "2" votes for option 2)',
      params: { zh: '请填写 2 到 9 个不同的选项（不能是数字），或留空（默认 同意/反对/弃权）' },
    })
    .optional(),
  community: z.boolean().optional(),
});

function toTopicRoute(toTopic: TicketToTopic, store: TicketRouteParts['store'], nodeOfTicket: (p: { no: number }) => Promise<GrantNode | null>, now: () => Date): RouteSpec {
  return defineRoute({
    method: 'POST',
    path: '/api/tickets/:no/topic',
    params: z.object({ no: ticketNo }),
    body: toTopicBody,
    access: { role: TO_TOPIC_ACCESS, scope: nodeOfTicket },
    async handle({ params, body, authority }) {
      const me = await store.people.findById(authority.personId);
      const r = await toTopic.run(params.no, { personId: authority.personId, name: me?.name ?? `#${authority.personId}` }, body, null);
      return { body: { ticket: await oneTicketRow(r.ticket, store, now()), topic: { id: r.topic.id, title: r.topic.title, status: r.topic.status }, groups: r.groups, fresh: r.fresh } };
    },
  });
}
