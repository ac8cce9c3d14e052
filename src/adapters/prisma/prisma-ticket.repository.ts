// Tickets and their append-only event log. Every change and its event are written in one transaction, guarded by
// the ticket's version so that two workers acting on the same ticket cannot both win.
import { DomainError, ErrorCode } from '../../core/errors.ts';
import type { TicketFilter, TicketRepository } from '../../core/ports/ticket.repository.ts';
import type {
  NewTicket,
  NewTicketEvent,
  Ticket,
  TicketEvent,
  TicketEventType,
  TicketPatch,
  TicketStatus,
} from '../../core/tickets/ticket.types.ts';
import { OPEN_STATUSES } from '../../core/tickets/transitions.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { Db } from './prisma-store.ts';

type TicketRow = Prisma.TicketGetPayload<object>;
type EventRow = Prisma.TicketEventGetPayload<object>;

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
  };
}

export class PrismaTicketRepository implements TicketRepository {
  constructor(private readonly db: Db) {}

  async create(t: NewTicket, event: NewTicketEvent) {
    const row = await this.db.ticket.create({
      data: {
        category: t.category,
        summary: t.summary,
        placeBuilding: t.place.building ?? null,
        placeUnit: t.place.unit ?? null,
        placeRoom: t.place.room ?? null,
        placeText: t.place.text ?? null,
        urgency: t.urgency,
        groupId: t.groupId,
        gridNodeId: t.gridNodeId,
        reporterId: t.reporterId,
        assigneeId: t.assigneeId ?? null,
        acceptDueAt: t.acceptDueAt ?? null,
        resolveDueAt: t.resolveDueAt ?? null,
        ...(t.createdAt ? { createdAt: t.createdAt } : {}),
        events: { create: eventData(event) },
        ...(t.sourceMessageId ? { messages: { connect: { id: t.sourceMessageId } } } : {}),
      },
    });
    return toTicket(row);
  }

  async findByNumber(number: number) {
    const r = await this.db.ticket.findUnique({ where: { number } });
    return r && toTicket(r);
  }

  async findById(id: number) {
    const r = await this.db.ticket.findUnique({ where: { id } });
    return r && toTicket(r);
  }

  async update(id: number, expectedVersion: number, patch: TicketPatch, event: NewTicketEvent) {
    return this.db.$transaction(async (tx) => {
      const { count } = await tx.ticket.updateMany({
        where: { id, version: expectedVersion },
        data: { ...patch, version: { increment: 1 } },
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
      await tx.ticketEvent.create({ data: { ticketId: id, ...eventData(event) } });
      return toTicket(await tx.ticket.findUniqueOrThrow({ where: { id } }));
    });
  }

  async appendEvent(ticketId: number, event: NewTicketEvent) {
    return toEvent(await this.db.ticketEvent.create({ data: { ticketId, ...eventData(event) } }));
  }

  async eventCausedBy(messageId: number, type: TicketEvent['type']) {
    const e = await this.db.ticketEvent.findFirst({ where: { messageId, type }, orderBy: { id: 'asc' } });
    return e && toEvent(e);
  }

  async events(ticketId: number) {
    const rows = await this.db.ticketEvent.findMany({ where: { ticketId }, orderBy: { id: 'asc' } });
    return rows.map(toEvent);
  }

  async openCountByAssignee(personIds: number[]) {
    const rows = await this.db.ticket.groupBy({
      by: ['assigneeId'],
      where: { assigneeId: { in: personIds }, status: { in: [...OPEN_STATUSES] } },
      _count: { _all: true },
    });
    const counts = new Map(personIds.map((id) => [id, 0]));
    for (const r of rows) if (r.assigneeId !== null) counts.set(r.assigneeId, r._count._all);
    return counts;
  }

  async list(filter: TicketFilter) {
    const rows = await this.db.ticket.findMany({
      where: {
        ...(filter.statuses ? { status: { in: [...filter.statuses] } } : {}),
        ...(filter.gridNodeId !== undefined ? { gridNodeId: filter.gridNodeId } : {}),
        ...(filter.gridNodeIds ? { gridNodeId: { in: [...filter.gridNodeIds] } } : {}),
        ...(filter.groupId !== undefined ? { groupId: filter.groupId } : {}),
        ...(filter.reporterId !== undefined ? { reporterId: filter.reporterId } : {}),
        ...(filter.since ? { createdAt: { gte: filter.since } } : {}),
      },
      orderBy: { number: 'desc' },
      take: filter.limit ?? 100,
    });
    return rows.map(toTicket);
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
