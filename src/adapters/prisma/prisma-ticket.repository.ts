// Tickets and their append-only event log. Every change and its event are written in one transaction, guarded by
// the ticket's version so that two workers acting on the same ticket cannot both win.
import { DomainError, ErrorCode } from '../../core/errors.ts';
import type { OpenInNodesRequest, TicketFilter, TicketRepository, TicketWrite } from '../../core/ports/ticket.repository.ts';
import type {
  NewTicket,
  NewTicketEvent,
  Ticket,
  TicketEvent,
  TicketEventType,
  TicketPatch,
} from '../../core/tickets/ticket.types.ts';
import { OPEN_STATUSES } from '../../core/tickets/transitions.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { AWAITING_CLAIM } from '../../core/tickets/overdue.ts';
import type { Db } from './prisma-store.ts';
import { enumArray, NOW_UTC, overdueSql, pgText, ts, utc, type Sql } from './sql.ts';

// The statements every appeal runs (create, the duplicate and follow-up reads, the load count) are plain SQL (see
// sql.ts); the transitions stay on Prisma's transactions.
const TICKET_COLUMNS = `id, number, status::text AS status, category, summary, "placeText", "placeBuilding", "placeUnit", "placeRoom",
  urgency::text AS urgency, complex, "groupId", "gridNodeId", "reporterId", "assigneeId", "transferredTo", "escalationLevel",
  ${utc('"acceptDueAt"')} AS "acceptDueAt", ${utc('"resolveDueAt"')} AS "resolveDueAt", "reporterCount", "duplicateOfId",
  satisfaction::text AS satisfaction, result, version, ${utc('"createdAt"')} AS "createdAt", ${utc('"updatedAt"')} AS "updatedAt",
  ${utc('"acceptedAt"')} AS "acceptedAt", ${utc('"resolvedAt"')} AS "resolvedAt", ${utc('"closedAt"')} AS "closedAt"`;
const EVENT_COLUMNS = `id, "ticketId", type, "actorId", "messageId", "fromStatus"::text AS "fromStatus", "toStatus"::text AS "toStatus", note, data,
  ${utc('at')} AS at`;

type TicketRow = Prisma.TicketGetPayload<object>;
type EventRow = Prisma.TicketEventGetPayload<object>;

/** A place as the ticket's columns: every part written, an absent one cleared (a corrected place replaces the old). */
const placeColumns = (p: Ticket['place']) => ({
  placeBuilding: pgText(p.building ?? null), placeUnit: pgText(p.unit ?? null), placeRoom: pgText(p.room ?? null), placeText: pgText(p.text ?? null),
});

function toTicket(r: TicketRow): Ticket {
  const place: Ticket['place'] = {};
  if (r.placeBuilding) place.building = r.placeBuilding;
  if (r.placeUnit) place.unit = r.placeUnit;
  if (r.placeRoom) place.room = r.placeRoom;
  if (r.placeText) place.text = r.placeText;
  const { placeBuilding: _b, placeUnit: _u, placeRoom: _r, placeText: _t, ...rest } = r;
  return { ...rest, place };
}

function toEvent(r: EventRow): TicketEvent {
  return { ...r, type: r.type as TicketEvent['type'], data: (r.data as Record<string, unknown> | null) ?? null };
}

/** The WHERE clause of a ticket filter and its parameters ($1 …). */
function ticketWhere(filter: TicketFilter): { where: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  // the enum type, not text: the (gridNodeId, status) and (assigneeId, status) indexes then skip closed tickets
  if (filter.statuses) add((p) => `status = ANY(${p}::"TicketStatus"[])`, enumArray(filter.statuses));
  if (filter.gridNodeId !== undefined) add((p) => `"gridNodeId" = ${p}`, filter.gridNodeId);
  if (filter.gridNodeIds) add((p) => `"gridNodeId" = ANY(${p}::int[])`, [...filter.gridNodeIds]);
  if (filter.groupId !== undefined) add((p) => `"groupId" = ${p}`, filter.groupId);
  if (filter.duplicateOfId !== undefined) add((p) => `"duplicateOfId" = ${p}`, filter.duplicateOfId);
  if (filter.reporterId !== undefined) add((p) => `"reporterId" = ${p}`, filter.reporterId);
  if (filter.assigneeId !== undefined) add((p) => `"assigneeId" = ${p}`, filter.assigneeId);
  if (filter.since) add((p) => `"createdAt" >= ${p}::timestamp`, ts(filter.since));
  if (filter.until) add((p) => `"createdAt" < ${p}::timestamp`, ts(filter.until));
  if (filter.categories) add((p) => `category = ANY(${p}::text[])`, [...filter.categories]);
  if (filter.overdueAt) {
    // 超时 as core/tickets/overdue.ts defines it
    add((p) => `status = ANY(${p}::"TicketStatus"[])`, enumArray(OPEN_STATUSES));
    params.push(ts(filter.overdueAt), enumArray(AWAITING_CLAIM));
    where.push(overdueSql(`$${params.length - 1}`, `$${params.length}`));
  }
  const text = filter.text?.trim();
  if (text) {
    const no = /^#?(\d{1,9})$/.exec(text)?.[1];
    if (no) add((p) => `number = ${p}`, Number(no));
    // several words (separated by spaces, half- or full-width) each somewhere, in any order: "电梯 21号楼"
    else {
      for (const word of text.split(/\s+/u)) {
        // and in what the resident wrote (past the summary's 40 characters), unless the reader sees masked text and
        // the word has a digit (a phone or ID number is masked in the summary, raw in the message)
        const inMessages = filter.textInMessages === 'all' || (filter.textInMessages === 'withoutDigits' && !/\p{Nd}/u.test(word));
        add(
          (p) =>
            `(summary ILIKE ${p} OR "placeText" ILIKE ${p}` +
            (inMessages ? ` OR EXISTS (SELECT 1 FROM "Message" m WHERE m."ticketId" = "Ticket".id AND m.direction = 'IN' AND m.text ILIKE ${p})` : '') +
            ')',
          `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
        );
      }
    }
  }
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** A unique violation of the (message, type, part) key: the same message's event written by another worker meanwhile. */
function isCauseConflict(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown } | null;
  return err?.code === '23505' && String(err.message).includes('TicketEvent_messageId_type_part_key');
}

/** The unique key of an event's cause: its message, its type and the problem of the message it is about. */
const causeKey = (e: NewTicketEvent) => ({ messageId_type_part: { messageId: e.messageId!, type: e.type, part: e.part ?? 0 } });

function eventData(e: NewTicketEvent) {
  return {
    type: e.type,
    actorId: e.actorId,
    messageId: e.messageId,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    note: e.note,
    data: (e.data ?? undefined) as Prisma.InputJsonValue | undefined,
    ...(e.at ? { at: e.at } : {}),
    ...(e.part ? { part: e.part } : {}),
  };
}

export class PrismaTicketRepository implements TicketRepository {
  constructor(
    private readonly db: Db,
    private readonly sql: Sql,
  ) {}

  async create(t: NewTicket, event: NewTicketEvent) {
    const [ticket] = await this.createMany([{ ticket: t, event }]);
    return ticket!;
  }

  async createMany(items: readonly { ticket: NewTicket; event: NewTicketEvent }[]) {
    return (await this.createManyOnce(items)).map((w) => w.ticket);
  }

  async createManyOnce(items: readonly { ticket: NewTicket; event: NewTicketEvent }[]): Promise<TicketWrite[]> {
    try {
      return await this.insertMany(items);
    } catch (e) {
      // the same message's ticket created meanwhile by another worker: the second try finds it
      if (!isCauseConflict(e)) throw e;
      return this.insertMany(items);
    }
  }

  private async insertMany(items: readonly { ticket: NewTicket; event: NewTicketEvent }[]): Promise<TicketWrite[]> {
    if (items.length === 0) return [];
    // the tickets, their first events and the links from the residents' messages: one statement, so all or nothing.
    // Ids are drawn from the sequence first, in the given order, so that each event and link finds its ticket by id
    // (not by the order RETURNING happens to give). One JSON parameter carries the rows: 23 columns as arrays would
    // cost more to encode than JSON.stringify does.
    const rows = items.map(({ ticket: t, event: e }, i) => ({
      i,
      category: pgText(t.category),
      summary: pgText(t.summary),
      building: pgText(t.place.building ?? null),
      unit: pgText(t.place.unit ?? null),
      room: pgText(t.place.room ?? null),
      place: pgText(t.place.text ?? null),
      urgency: t.urgency,
      groupId: t.groupId,
      gridNodeId: t.gridNodeId,
      reporterId: t.reporterId,
      assigneeId: t.assigneeId ?? null,
      acceptDueAt: t.acceptDueAt ? ts(t.acceptDueAt) : null,
      resolveDueAt: t.resolveDueAt ? ts(t.resolveDueAt) : null,
      createdAt: t.createdAt ? ts(t.createdAt) : null,
      sourceMessageId: t.sourceMessageId ?? null,
      type: e.type,
      part: e.part ?? 0,
      actorId: e.actorId,
      messageId: e.messageId,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      note: e.note === null ? null : pgText(e.note),
      data: e.data ?? null,
      at: e.at ? ts(e.at) : null,
    }));
    // a row whose message already caused its event (the message handled again) creates nothing: its ticket is returned
    const created = await this.sql.query<TicketRow & { _repeat: boolean }>(
      `WITH input AS MATERIALIZED (
         SELECT nextval('"Ticket_id_seq"')::int AS tid, x.*,
           (SELECT "ticketId" FROM "TicketEvent" c WHERE c."messageId" = x."messageId" AND c.type = x.type AND c.part = x.part) AS prior FROM (
           SELECT * FROM json_to_recordset($1::json) AS r(i int, category text, summary text, building text, unit text, room text,
             place text, urgency text, "groupId" int, "gridNodeId" int, "reporterId" int, "assigneeId" int, "acceptDueAt" timestamp,
             "resolveDueAt" timestamp, "createdAt" timestamp, "sourceMessageId" int, type text, part int, "actorId" int, "messageId" int,
             "fromStatus" text, "toStatus" text, note text, data jsonb, at timestamp)
           ORDER BY i) x),
       t AS (
         INSERT INTO "Ticket" (id, category, summary, "placeBuilding", "placeUnit", "placeRoom", "placeText", urgency, "groupId", "gridNodeId",
           "reporterId", "assigneeId", "acceptDueAt", "resolveDueAt", "createdAt", "updatedAt")
         SELECT tid, category, summary, building, unit, room, place, urgency::"Urgency", "groupId", "gridNodeId", "reporterId", "assigneeId",
           "acceptDueAt", "resolveDueAt", COALESCE("createdAt", ${NOW_UTC}), ${NOW_UTC}
         FROM input WHERE prior IS NULL ORDER BY i
         RETURNING *),
       e AS (
         INSERT INTO "TicketEvent" ("ticketId", type, part, "actorId", "messageId", "fromStatus", "toStatus", note, data, at)
         SELECT tid, type, part, "actorId", "messageId", "fromStatus"::"TicketStatus", "toStatus"::"TicketStatus", note, data, COALESCE(at, ${NOW_UTC})
         FROM input WHERE prior IS NULL ORDER BY i),
       m AS (UPDATE "Message" SET "ticketId" = input.tid FROM input WHERE "Message".id = input."sourceMessageId" AND prior IS NULL),
       out AS (
         SELECT t.*, input.i AS _i, false AS _repeat FROM t JOIN input ON input.tid = t.id
         UNION ALL
         SELECT "Ticket".*, input.i, true FROM "Ticket" JOIN input ON input.prior = "Ticket".id)
       SELECT ${TICKET_COLUMNS}, _repeat AS "_repeat" FROM out ORDER BY _i`,
      [JSON.stringify(rows)],
    );
    if (created.length !== items.length) throw new Error(`created ${created.length} tickets of ${items.length}`);
    return created.map(({ _repeat, ...row }) => ({ ticket: toTicket(row), repeat: _repeat }));
  }

  async listOpenInNodes(requests: readonly OpenInNodesRequest[]) {
    const out: Ticket[][] = requests.map(() => []);
    // one lateral read per (request, node): with the node as an equality, PostgreSQL always reads the (gridNodeId,
    // status) index (an array of nodes built inside the statement has no size it can plan by, and on a small table
    // it scanned Ticket once per request). Each node gives at most the request's limit, so the newest `limit` of
    // their union, taken below, are the request's answer.
    const pairs = requests.flatMap((r, i) => [...new Set(r.gridNodeIds)].map((n) => ({ i, n, since: ts(r.since), limit: r.limit })));
    if (pairs.length === 0) return out;
    const rows = await this.sql.query<TicketRow & { _i: number }>(
      `SELECT q.i AS "_i", t.* FROM unnest($1::int[], $2::int[], $3::text[], $4::int[]) AS q(i, n, since, lim) CROSS JOIN LATERAL (
         SELECT ${TICKET_COLUMNS} FROM "Ticket"
         WHERE "gridNodeId" = q.n AND status = ANY($5::"TicketStatus"[]) AND "createdAt" >= q.since::timestamp
         ORDER BY number DESC LIMIT q.lim) t`,
      [pairs.map((p) => p.i), pairs.map((p) => p.n), pairs.map((p) => p.since), pairs.map((p) => p.limit), enumArray(OPEN_STATUSES)],
    );
    for (const { _i, ...row } of rows) out[_i]!.push(toTicket(row as TicketRow));
    return out.map((found, i) => found.sort((a, b) => b.number - a.number).slice(0, requests[i]!.limit));
  }

  async findByNumber(number: number) {
    const [r] = await this.sql.query<TicketRow>(`SELECT ${TICKET_COLUMNS} FROM "Ticket" WHERE number = $1`, [number]);
    return r ? toTicket(r) : null;
  }

  async findById(id: number) {
    const [r] = await this.sql.query<TicketRow>(`SELECT ${TICKET_COLUMNS} FROM "Ticket" WHERE id = $1`, [id]);
    return r ? toTicket(r) : null;
  }

  async update(id: number, expectedVersion: number, patch: TicketPatch, event: NewTicketEvent) {
    return (await this.updateOnce(id, expectedVersion, patch, event)).ticket;
  }

  async updateOnce(id: number, expectedVersion: number, patch: TicketPatch, event: NewTicketEvent): Promise<TicketWrite> {
    return this.db.$transaction(async (tx) => {
      // the event first: when its message already caused it, the change was made before and is not made again
      const { count: written } = await tx.ticketEvent
        .createMany({ data: [{ ticketId: id, ...eventData(event) }], skipDuplicates: true })
        .catch((e: unknown) => {
          // the event's ticket does not exist (foreign key): refused as the version check below would
          const err = e as { code?: unknown; message?: unknown } | null;
          if (err?.code === 'P2003' && String(err.message).includes('TicketEvent_ticketId_fkey')) {
            throw new DomainError(ErrorCode.TicketNotFound, `ticket id ${id} not found`, { id });
          }
          throw e;
        });
      if (written === 0) {
        const prior = await tx.ticketEvent.findUniqueOrThrow({ where: causeKey(event) });
        return { ticket: toTicket(await tx.ticket.findUniqueOrThrow({ where: { id: prior.ticketId } })), repeat: true };
      }
      const { place, ...rest } = patch;
      const { count } = await tx.ticket.updateMany({
        where: { id, version: expectedVersion },
        data: { ...rest, ...(place ? placeColumns(place) : {}), version: { increment: 1 } },
      });
      if (count === 0) {
        const exists = await tx.ticket.findUnique({ where: { id }, select: { number: true, version: true } });
        if (!exists) throw new DomainError(ErrorCode.TicketNotFound, `ticket id ${id} not found`, { id });
        throw new DomainError(ErrorCode.ConcurrentUpdate, `ticket #${exists.number} changed meanwhile`, {
          ticketNo: exists.number,
          expectedVersion,
          actualVersion: exists.version,
        });
      }
      return { ticket: toTicket(await tx.ticket.findUniqueOrThrow({ where: { id } })), repeat: false };
    });
  }

  async appendEvent(ticketId: number, event: NewTicketEvent) {
    const [written] = await this.db.ticketEvent.createManyAndReturn({ data: [{ ticketId, ...eventData(event) }], skipDuplicates: true });
    if (written) return toEvent(written);
    return toEvent(await this.db.ticketEvent.findUniqueOrThrow({ where: causeKey(event) }));
  }

  async eventCausedBy(messageId: number, type: TicketEvent['type'], part?: number) {
    const [e] = part === undefined
      ? await this.sql.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM "TicketEvent" WHERE "messageId" = $1 AND type = $2 ORDER BY id LIMIT 1`, [messageId, type])
      : await this.sql.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM "TicketEvent" WHERE "messageId" = $1 AND type = $2 AND part = $3 LIMIT 1`, [messageId, type, part]);
    return e ? toEvent(e) : null;
  }

  async events(ticketId: number) {
    const rows = await this.db.ticketEvent.findMany({ where: { ticketId }, orderBy: { id: 'asc' } });
    return rows.map(toEvent);
  }

  async missedDeadlines(ticketIds: readonly number[]): Promise<Set<number>> {
    if (ticketIds.length === 0) return new Set();
    // recordsMissedDeadline (core/tickets/overdue.ts) in SQL
    const rows = await this.sql.query<{ ticketId: number }>(
      `SELECT DISTINCT "ticketId" FROM "TicketEvent" WHERE "ticketId" = ANY($1::int[]) AND type = 'escalated' AND (data -> 'overdue') IS NOT NULL AND data -> 'overdue' <> 'null'::jsonb`,
      [[...ticketIds]],
    );
    return new Set(rows.map((r) => Number(r.ticketId)));
  }

  async openCountByAssignee(personIds: number[]) {
    const counts = new Map(personIds.map((id) => [id, 0]));
    if (personIds.length === 0) return counts;
    const rows = await this.sql.query<{ assigneeId: number; n: number }>(
      `SELECT "assigneeId", count(*)::int AS n FROM "Ticket" WHERE "assigneeId" = ANY($1::int[]) AND status = ANY($2::"TicketStatus"[]) GROUP BY "assigneeId"`,
      [personIds, enumArray(OPEN_STATUSES)],
    );
    for (const r of rows) counts.set(r.assigneeId, r.n);
    return counts;
  }

  async ticketCountsByGroup(groupIds: readonly number[], now: Date) {
    const counts = new Map(groupIds.map((id) => [id, { open: 0, unclaimed: 0, overdue: 0 }]));
    if (groupIds.length === 0) return counts;
    const rows = await this.sql.query<{ groupId: number; open: number; unclaimed: number; overdue: number }>(
      `SELECT "groupId", count(*)::int AS open, count(*) FILTER (WHERE status = ANY($3::"TicketStatus"[]))::int AS unclaimed,
         count(*) FILTER (WHERE ${overdueSql('$4', '$3')})::int AS overdue
       FROM "Ticket" WHERE "groupId" = ANY($1::int[]) AND status = ANY($2::"TicketStatus"[]) GROUP BY "groupId"`,
      [[...groupIds], enumArray(OPEN_STATUSES), enumArray(AWAITING_CLAIM), ts(now)],
    );
    for (const r of rows) counts.set(Number(r.groupId), { open: r.open, unclaimed: r.unclaimed, overdue: r.overdue });
    return counts;
  }

  async list(filter: TicketFilter) {
    const { where, params } = ticketWhere(filter);
    params.push(filter.limit ?? 100, filter.offset ?? 0);
    const rows = await this.sql.query<TicketRow>(
      `SELECT ${TICKET_COLUMNS} FROM "Ticket" ${where} ORDER BY number DESC LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return rows.map(toTicket);
  }

  async count(filter: TicketFilter) {
    const { where, params } = ticketWhere(filter);
    const rows = await this.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Ticket" ${where}`, params);
    return rows[0]?.n ?? 0;
  }

  async listOpenWithDeadlines(afterId: number, limit: number) {
    const rows = await this.db.ticket.findMany({
      where: {
        id: { gt: afterId },
        status: { in: [...OPEN_STATUSES] },
        OR: [{ acceptDueAt: { not: null } }, { resolveDueAt: { not: null } }],
      },
      orderBy: { id: 'asc' },
      take: limit,
    });
    return rows.map(toTicket);
  }

  async listOpenByAssignee(assigneeId: number, limit = 500) {
    const rows = await this.db.ticket.findMany({
      where: { assigneeId, status: { in: [...OPEN_STATUSES] } },
      orderBy: { number: 'asc' },
      take: limit,
    });
    return rows.map(toTicket);
  }

  async openAssigneeIds() {
    const rows = await this.db.ticket.findMany({
      where: { assigneeId: { not: null }, status: { in: [...OPEN_STATUSES] } },
      distinct: ['assigneeId'],
      select: { assigneeId: true },
      orderBy: { assigneeId: 'asc' },
    });
    return rows.flatMap((r) => (r.assigneeId === null ? [] : [r.assigneeId]));
  }

  async lastEventAt(ticketIds: readonly number[], types: readonly TicketEventType[]) {
    const result = new Map<number, Date>();
    if (ticketIds.length === 0 || types.length === 0) return result;
    const rows = await this.db.ticketEvent.groupBy({
      by: ['ticketId'],
      where: { ticketId: { in: [...ticketIds] }, type: { in: [...types] } },
      _max: { at: true },
    });
    for (const r of rows) if (r._max.at) result.set(r.ticketId, r._max.at);
    return result;
  }
}
