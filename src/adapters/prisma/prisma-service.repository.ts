// 三单式 service requests, their events and posts, and the points ledger. Rows made by a chat message are unique by
// that message, and each credit by its source key, so a redelivered message changes nothing.
import type { ServicePostRef, ServiceRepository } from '../../core/ports/service.repository.ts';
import type { NewServiceRequest, PointsEntry, ServiceChanges, ServiceEvent, ServiceStatus } from '../../core/service/service.types.ts';
import { onceOrNull as once } from './prisma-errors.ts';
import type { Db } from './prisma-store.ts';
import type { Sql } from './sql.ts';

const period = (from?: Date, to?: Date) => (from || to ? { at: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } } : {});

export class PrismaServiceRepository implements ServiceRepository {
  constructor(
    private readonly db: Db,
    private readonly sql: Sql,
  ) {}

  create(r: NewServiceRequest) {
    return once(() => this.db.serviceRequest.create({ data: { ...r, status: 'REQUESTED' } }));
  }

  findById(id: number) {
    return this.db.serviceRequest.findUnique({ where: { id } });
  }

  findBySource(messageId: number) {
    return this.db.serviceRequest.findUnique({ where: { sourceMessageId: messageId } });
  }

  list(q: { gridNodeIds?: readonly number[]; statuses?: readonly ServiceStatus[]; volunteerId?: number; requesterId?: number; groupId?: number; limit?: number }) {
    return this.db.serviceRequest.findMany({
      where: {
        ...(q.gridNodeIds ? { gridNodeId: { in: [...q.gridNodeIds] } } : {}),
        ...(q.statuses ? { status: { in: [...q.statuses] } } : {}),
        ...(q.volunteerId !== undefined ? { volunteerId: q.volunteerId } : {}),
        ...(q.requesterId !== undefined ? { requesterId: q.requesterId } : {}),
        ...(q.groupId !== undefined ? { groupId: q.groupId } : {}),
      },
      orderBy: { id: 'desc' },
      take: q.limit ?? 100,
    });
  }

  async awaitingConfirm(pairs: readonly { groupId: number; requesterId: number }[]) {
    if (!pairs.length) return [];
    // plain SQL: it runs for every batch of messages holding an OK or a thanks (see sql.ts)
    return this.sql.query<{ id: number; groupId: number; requesterId: number }>(
      `SELECT r.id, r."groupId", r."requesterId" FROM "ServiceRequest" r
       JOIN (SELECT DISTINCT g, p FROM unnest($1::int[], $2::int[]) AS q(g, p)) q ON r."groupId" = q.g AND r."requesterId" = q.p
       WHERE r.status = 'DONE'::"ServiceStatus" ORDER BY r.id DESC`,
      [pairs.map((x) => x.groupId), pairs.map((x) => x.requesterId)],
    );
  }

  async transition(id: number, from: readonly ServiceStatus[], to: ServiceStatus, changes: ServiceChanges) {
    const n = await this.db.serviceRequest.updateMany({ where: { id, status: { in: [...from] } }, data: { ...changes, status: to } });
    return n.count === 0 ? null : this.findById(id);
  }

  async addEvent(e: Omit<ServiceEvent, 'id'>) {
    return (await once(() => this.db.serviceEvent.create({ data: e }))) !== null;
  }

  events(requestId: number) {
    return this.db.serviceEvent.findMany({ where: { requestId }, orderBy: { id: 'asc' } });
  }

  async addPost(p: ServicePostRef) {
    await once(() => this.db.servicePost.create({ data: p }));
  }

  async posts(requestId: number) {
    const rows = await this.db.servicePost.findMany({ where: { requestId }, orderBy: { id: 'asc' } });
    return rows.map(({ requestId, groupId, kind, sourceKey }) => ({ requestId, groupId, kind, sourceKey }));
  }

  async credit(e: Omit<PointsEntry, 'id'>) {
    return (await once(() => this.db.pointsEntry.create({ data: e }))) !== null;
  }

  ledger(q: { personId?: number; from?: Date; to?: Date; limit?: number }) {
    return this.db.pointsEntry.findMany({
      where: { ...(q.personId !== undefined ? { personId: q.personId } : {}), ...period(q.from, q.to) },
      orderBy: { id: 'desc' },
      take: q.limit ?? 1000,
    });
  }

  async totals(q: { from?: Date; to?: Date; personIds?: readonly number[] }) {
    const rows = await this.db.pointsEntry.groupBy({
      by: ['personId'],
      where: { ...(q.personIds ? { personId: { in: [...q.personIds] } } : {}), ...period(q.from, q.to) },
      _sum: { points: true },
      _count: { _all: true },
    });
    return rows
      .map((r) => ({ personId: r.personId, points: r._sum.points ?? 0, entries: r._count._all }))
      .sort((a, b) => b.points - a.points || a.personId - b.personId);
  }

  async volunteers(gridNodeIds: readonly number[]) {
    const rows = await this.db.roleAssignment.findMany({
      where: { gridNodeId: { in: [...gridNodeIds] }, role: 'VOLUNTEER' },
      include: { person: true },
      orderBy: [{ personId: 'asc' }],
    });
    return rows.map((r) => ({ personId: r.person.id, name: r.person.name, skills: r.person.skills, gridNodeId: r.gridNodeId }));
  }
}
