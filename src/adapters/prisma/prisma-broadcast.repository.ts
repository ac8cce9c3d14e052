// Broadcasts and their deliveries on PostgreSQL / PGlite. Status changes are conditional updates (the expected status in
// the WHERE), so concurrent workers and a pause or cancel from elsewhere never overwrite each other.
// What every copy runs (its broadcast read, its attempt begun, sent, the broadcast finished) and the create are plain SQL
// (sql.ts: a fraction of Prisma's CPU per statement, one statement text whatever the count); the rest is Prisma.
import type { Broadcast, BroadcastStatus, BroadcastTargets, DeliveryCounts, DeliveryStatus } from '../../core/broadcast/broadcast.types.ts';
import type { BroadcastRepository, NewBroadcast } from '../../core/ports/broadcast.repository.ts';
import type { Store } from '../../core/ports/store.port.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { Db } from './prisma-store.ts';
import { NOW_UTC, ts, utc, type Sql } from './sql.ts';

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

/** Every column of a broadcast, timestamps as Dates (see sql.ts). */
const BROADCAST_COLUMNS = `id, "authorId", text, targets, ${utc('"scheduledAt"')} AS "scheduledAt", status::text AS status,
  ${utc('"createdAt"')} AS "createdAt", ${utc('"updatedAt"')} AS "updatedAt", ${utc('"finishedAt"')} AS "finishedAt"`;

export class PrismaBroadcastRepository implements BroadcastRepository {
  constructor(
    private readonly db: Db,
    private readonly sql: Sql,
  ) {}

  async create(input: NewBroadcast) {
    const groupIds = [...new Set(input.groupIds)].sort((a, b) => a - b);
    // one statement (atomic), whatever the number of groups: the broadcast, then a PENDING delivery per group
    const [row] = await this.sql.query<BroadcastRow & { deliveryIds: number[] | null }>(
      `WITH b AS (
         INSERT INTO "Broadcast" ("authorId", text, targets, "scheduledAt", status, "createdAt", "updatedAt")
         VALUES ($1, $2, $3::jsonb, $4::timestamp, $5::"BroadcastStatus", ${NOW_UTC}, ${NOW_UTC})
         RETURNING *
       ), d AS (
         INSERT INTO "Delivery" ("broadcastId", "groupId") SELECT b.id, g FROM b, unnest($6::int[]) AS g RETURNING id, "groupId"
       )
       SELECT ${BROADCAST_COLUMNS}, (SELECT array_agg(d.id ORDER BY d."groupId") FROM d) AS "deliveryIds" FROM b`,
      [input.authorId, input.text, JSON.stringify(input.targets), input.scheduledAt ? ts(input.scheduledAt) : null, input.status, groupIds],
    );
    const ids = row!.deliveryIds ?? [];
    const broadcast = toBroadcast(row!);
    const deliveries = groupIds.map((groupId, i) => ({ id: ids[i]!, broadcastId: broadcast.id, groupId, status: 'PENDING' as const, reason: null, attempts: 0, sentAt: null }));
    return { broadcast, deliveries };
  }

  async findById(id: number) {
    const [r] = await this.sql.query<BroadcastRow>(`SELECT ${BROADCAST_COLUMNS} FROM "Broadcast" WHERE id = $1`, [id]);
    return r ? toBroadcast(r) : null;
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
    const done = await this.sql.query<{ id: number }>(
      `UPDATE "Broadcast" SET status = 'DONE', "finishedAt" = $2::timestamp, "updatedAt" = ${NOW_UTC}
       WHERE id = $1 AND status = 'SENDING' AND NOT EXISTS (SELECT 1 FROM "Delivery" WHERE "broadcastId" = $1 AND status = 'PENDING')
       RETURNING id`,
      [id, ts(at)],
    );
    return done.length === 1;
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
    // an attempt begins only after the last one ended: never begun (0), or ended with its reason noted
    const rows = await this.sql.query<{ attempts: number }>(
      `UPDATE "Delivery" SET attempts = attempts + 1, reason = NULL
       WHERE "broadcastId" = $1 AND "groupId" = $2 AND status = 'PENDING' AND (attempts = 0 OR reason IS NOT NULL)
       RETURNING attempts`,
      [broadcastId, groupId],
    );
    return rows[0]?.attempts ?? null;
  }

  async noteFailure(broadcastId: number, groupId: number, reason: string) {
    await this.db.delivery.updateMany({ where: { broadcastId, groupId, status: 'PENDING' }, data: { reason } });
  }

  async markSent(broadcastId: number, groupId: number, at: Date) {
    await this.sql.query(`UPDATE "Delivery" SET status = 'SENT', "sentAt" = $3::timestamp, reason = NULL WHERE "broadcastId" = $1 AND "groupId" = $2`, [
      broadcastId,
      groupId,
      ts(at),
    ]);
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
