import type { Group, GroupRepository } from '../../core/ports/group.repository.ts';
import type { Platform } from '../../core/messages/incoming-message.ts';
import type { Db } from './prisma-store.ts';
import type { Sql } from './sql.ts';

const COLUMNS = `id, platform::text AS platform, "externalId", title, "gridNodeId", tags, active, muted`;

const toGroup = (g: Group & Record<string, unknown>): Group => ({
  id: g.id,
  platform: g.platform,
  externalId: g.externalId,
  title: g.title,
  gridNodeId: g.gridNodeId,
  tags: g.tags,
  active: g.active,
  muted: g.muted,
});

export class PrismaGroupRepository implements GroupRepository {
  constructor(
    private readonly db: Db,
    private readonly sql: Sql,
  ) {}

  // the two lookups every message makes: plain SQL (see sql.ts)
  async findByExternal(platform: Platform, externalId: string) {
    const [g] = await this.sql.query<Group>(`SELECT ${COLUMNS} FROM "Group" WHERE platform = $1::"Platform" AND "externalId" = $2`, [platform, externalId]);
    return g ?? null;
  }

  async findManyByExternal(refs: readonly { platform: Platform; externalId: string }[]) {
    if (refs.length === 0) return [];
    return this.sql.query<Group>(
      `SELECT ${COLUMNS} FROM "Group" WHERE (platform, "externalId") IN (SELECT p::"Platform", eid FROM unnest($1::text[], $2::text[]) AS x(p, eid))`,
      [refs.map((r) => r.platform), refs.map((r) => r.externalId)],
    );
  }

  async findById(id: number) {
    const [g] = await this.sql.query<Group>(`SELECT ${COLUMNS} FROM "Group" WHERE id = $1`, [id]);
    return g ?? null;
  }

  async findManyById(ids: readonly number[]) {
    if (ids.length === 0) return [];
    return this.sql.query<Group>(`SELECT ${COLUMNS} FROM "Group" WHERE id = ANY($1::int[]) ORDER BY id`, [ids]);
  }

  async upsertSeen(platform: Platform, externalId: string, title: string) {
    const g = await this.db.group.upsert({
      where: { platform_externalId: { platform, externalId } },
      create: { platform, externalId, title },
      update: { title },
    });
    return toGroup(g);
  }

  async moveExternal(platform: Platform, fromExternalId: string, toExternalId: string) {
    return this.db.$transaction(async (tx) => {
      const old = await tx.group.findUnique({ where: { platform_externalId: { platform, externalId: fromExternalId } } });
      if (!old) return null;
      const clash = await tx.group.findUnique({ where: { platform_externalId: { platform, externalId: toExternalId } } });
      if (clash) {
        await tx.message.updateMany({ where: { groupId: clash.id }, data: { groupId: old.id } });
        await tx.ticket.updateMany({ where: { groupId: clash.id }, data: { groupId: old.id } });
        await tx.patrolFinding.updateMany({ where: { groupId: clash.id }, data: { groupId: old.id } });
        await tx.delivery.deleteMany({ where: { groupId: clash.id } });
        const known = new Set((await tx.groupMember.findMany({ where: { groupId: old.id }, select: { externalUserId: true } })).map((m) => m.externalUserId));
        await tx.groupMember.deleteMany({ where: { groupId: clash.id, externalUserId: { in: [...known] } } });
        await tx.groupMember.updateMany({ where: { groupId: clash.id }, data: { groupId: old.id } });
        await tx.group.delete({ where: { id: clash.id } });
      }
      return toGroup(await tx.group.update({ where: { id: old.id }, data: { externalId: toExternalId, active: true, muted: false } }));
    });
  }

  async mapToNode(groupId: number, gridNodeId: number) {
    return toGroup(await this.db.group.update({ where: { id: groupId }, data: { gridNodeId } }));
  }

  async listUnmapped() {
    return (await this.db.group.findMany({ where: { gridNodeId: null, active: true }, orderBy: { id: 'asc' } })).map(toGroup);
  }

  async rename(groupId: number, title: string) {
    await this.db.group.update({ where: { id: groupId }, data: { title } });
  }

  async setActive(groupId: number, active: boolean, opts: { muted?: boolean } = {}) {
    await this.db.group.update({ where: { id: groupId }, data: { active, muted: !active && opts.muted === true } });
  }

  async memberJoined(groupId: number, externalUserId: string, displayName: string, at: Date) {
    await this.db.groupMember.upsert({
      where: { groupId_externalUserId: { groupId, externalUserId } },
      create: { groupId, externalUserId, displayName, joinedAt: at },
      update: { displayName, joinedAt: at, leftAt: null },
    });
  }

  async memberLeft(groupId: number, externalUserId: string, at: Date) {
    await this.db.groupMember.updateMany({ where: { groupId, externalUserId, leftAt: null }, data: { leftAt: at } });
  }

  memberCount(groupId: number) {
    return this.db.groupMember.count({ where: { groupId, leftAt: null } });
  }

  async list() {
    return (await this.db.group.findMany({ orderBy: { id: 'asc' } })).map(toGroup);
  }
}
