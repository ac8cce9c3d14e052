// Broadcasts and their deliveries on PostgreSQL / PGlite. Status changes are conditional updates (updateMany with the
// expected status in the WHERE), so concurrent workers and a pause or cancel from elsewhere never overwrite each other.
import type { Broadcast, BroadcastStatus, BroadcastTargets, DeliveryCounts, DeliveryStatus } from '../../core/broadcast/broadcast.types.ts';
import type { BroadcastRepository, NewBroadcast } from '../../core/ports/broadcast.repository.ts';
import type { Store } from '../../core/ports/store.port.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { Db } from './prisma-store.ts';

type BroadcastRow = Prisma.BroadcastGetPayload<object>;

const toBroadcast = (r: BroadcastRow): Broadcast => ({
  id: r.id,
  authorId: r.authorId,
  text: r.text,
  targets: (r.targets ?? {}) as BroadcastTargets,
  scheduledAt: r.scheduledAt,
  status: r.status,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  finishedAt: r.finishedAt,
});

export class PrismaBroadcastRepository implements BroadcastRepository {
  constructor(private readonly db: Db) {}

  async create(input: NewBroadcast) {
    const groupIds = [...new Set(input.groupIds)];
    return this.db.$transaction(async (tx) => {
      const row = await tx.broadcast.create({
        data: {
          authorId: input.authorId,
          text: input.text,
          targets: input.targets as Prisma.InputJsonValue,
          scheduledAt: input.scheduledAt,
          status: input.status,
        },
      });
      const deliveries = await tx.delivery.createManyAndReturn({ data: groupIds.map((groupId) => ({ broadcastId: row.id, groupId })) });
      deliveries.sort((x, y) => x.groupId - y.groupId);
      return { broadcast: toBroadcast(row), deliveries };
    });
  }

  async findById(id: number) {
    const r = await this.db.broadcast.findUnique({ where: { id } });
    return r && toBroadcast(r);
  }

  async list(limit = 50) {
    return (await this.db.broadcast.findMany({ orderBy: { id: 'desc' }, take: limit })).map(toBroadcast);
  }

  async listByStatus(statuses: readonly BroadcastStatus[]) {
    return (await this.db.broadcast.findMany({ where: { status: { in: [...statuses] } }, orderBy: { id: 'asc' } })).map(toBroadcast);
  }

  async transition(id: number, from: readonly BroadcastStatus[], status: BroadcastStatus, finishedAt?: Date | null) {
    const { count } = await this.db.broadcast.updateMany({
      where: { id, status: { in: [...from] } },
      data: { status, ...(finishedAt !== undefined ? { finishedAt } : {}) },
    });
    return count === 0 ? null : this.findById(id);
  }

  async finishIfDone(id: number, at: Date) {
    const { count } = await this.db.broadcast.updateMany({
      where: { id, status: 'SENDING', deliveries: { none: { status: 'PENDING' } } },
      data: { status: 'DONE', finishedAt: at },
    });
    return count === 1;
  }

  deliveries(broadcastId: number, statuses?: readonly DeliveryStatus[]) {
    return this.db.delivery.findMany({
      where: { broadcastId, ...(statuses ? { status: { in: [...statuses] } } : {}) },
      orderBy: { groupId: 'asc' },
    });
  }

  async pendingTargets(broadcastId: number) {
    const rows = await this.db.delivery.findMany({ where: { broadcastId, status: 'PENDING' }, select: { groupId: true }, orderBy: { groupId: 'asc' } });
    const groups = await this.db.group.findMany({ where: { id: { in: rows.map((r) => r.groupId) } }, select: { id: true, platform: true } });
    const platformOf = new Map(groups.map((g) => [g.id, g.platform]));
    // a delivery whose group is gone is still queued: the worker skips it as missing
    return rows.map((r) => ({ groupId: r.groupId, platform: platformOf.get(r.groupId) ?? null }));
  }

  findDelivery(broadcastId: number, groupId: number) {
    return this.db.delivery.findUnique({ where: { broadcastId_groupId: { broadcastId, groupId } } });
  }

  async beginNextAttempt(broadcastId: number, groupId: number) {
    const rows = await this.db.delivery.updateManyAndReturn({
      where: { broadcastId, groupId, status: 'PENDING', OR: [{ attempts: 0 }, { reason: { not: null } }] },
      data: { attempts: { increment: 1 }, reason: null },
      select: { attempts: true },
    });
    return rows[0]?.attempts ?? null;
  }

  async noteFailure(broadcastId: number, groupId: number, reason: string) {
    await this.db.delivery.updateMany({ where: { broadcastId, groupId, status: 'PENDING' }, data: { reason } });
  }

  async markSent(broadcastId: number, groupId: number, at: Date) {
    await this.db.delivery.updateMany({ where: { broadcastId, groupId }, data: { status: 'SENT', sentAt: at, reason: null } });
  }

  async markFailed(broadcastId: number, groupId: number, reason: string) {
    await this.db.delivery.updateMany({ where: { broadcastId, groupId, status: 'PENDING' }, data: { status: 'FAILED', reason } });
  }

  async markSkipped(broadcastId: number, groupId: number, reason: string) {
    await this.db.delivery.updateMany({ where: { broadcastId, groupId, status: 'PENDING' }, data: { status: 'SKIPPED', reason } });
  }

  async skipPending(broadcastId: number, reason: string) {
    return this.db.$transaction(async (tx) => {
      const rows = await tx.delivery.findMany({ where: { broadcastId, status: 'PENDING' }, select: { groupId: true } });
      await tx.delivery.updateMany({ where: { broadcastId, status: 'PENDING' }, data: { status: 'SKIPPED', reason } });
      return rows.map((r) => r.groupId);
    });
  }

  async reopenFailed(broadcastId: number) {
    return this.db.$transaction(async (tx) => {
      const rows = await tx.delivery.findMany({ where: { broadcastId, status: 'FAILED' }, select: { groupId: true } });
      await tx.delivery.updateMany({ where: { broadcastId, status: 'FAILED' }, data: { status: 'PENDING' } });
      return rows.map((r) => r.groupId);
    });
  }

  async counts(broadcastId: number): Promise<DeliveryCounts> {
    const rows = await this.db.delivery.groupBy({ by: ['status'], where: { broadcastId }, _count: { _all: true } });
    const c: DeliveryCounts = { PENDING: 0, SENT: 0, FAILED: 0, SKIPPED: 0, total: 0 };
    for (const r of rows) {
      c[r.status] = r._count._all;
      c.total += r._count._all;
    }
    return c;
  }

  async personByKey(key: string) {
    const p = await this.db.person.findUnique({ where: { key } });
    return p && { id: p.id, name: p.name };
  }
}

/** The store's broadcast repository. */
export function broadcastRepositoryOf(store: Store): BroadcastRepository {
  return store.broadcasts;
}
