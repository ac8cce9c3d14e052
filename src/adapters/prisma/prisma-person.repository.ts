import type { Platform } from '../../core/messages/incoming-message.ts';
import type { Role } from '../../core/people/roles.ts';
import type { Person, PersonRepository } from '../../core/ports/person.repository.ts';
import type { Db } from './prisma-store.ts';
import { NOW_UTC, type Sql } from './sql.ts';

export class PrismaPersonRepository implements PersonRepository {
  constructor(
    private readonly db: Db,
    private readonly sql: Sql,
  ) {}

  async ensureByIdentity(platform: Platform, externalUserId: string, displayName: string) {
    // every message looks its sender up, and a new resident is created, in one statement each (see sql.ts). Of two
    // messages of a new resident at once, one creates the person; the other's person is removed and the first's used.
    const [row] = await this.sql.query<{ id: number; name: string; displayName: string | null; created: boolean; orphan: number | null }>(
      `WITH found AS (
         SELECT p.id, p.name, i."displayName" FROM "Identity" i JOIN "Person" p ON p.id = i."personId"
         WHERE i.platform = $1::"Platform" AND i."externalUserId" = $2),
       np AS (INSERT INTO "Person" (name, "createdAt") SELECT $3, ${NOW_UTC} WHERE NOT EXISTS (SELECT 1 FROM found) RETURNING id, name),
       ni AS (INSERT INTO "Identity" ("personId", platform, "externalUserId", "displayName", "createdAt")
              SELECT id, $1::"Platform", $2, $4, ${NOW_UTC} FROM np ON CONFLICT (platform, "externalUserId") DO NOTHING RETURNING "personId")
       SELECT id, name, "displayName", false AS created, NULL::int AS orphan FROM found
       UNION ALL
       SELECT np.id, np.name, NULL, ni."personId" IS NOT NULL, CASE WHEN ni."personId" IS NULL THEN np.id END FROM np LEFT JOIN ni ON ni."personId" = np.id`,
      [platform, externalUserId, displayName || externalUserId, displayName],
    );
    if (row && row.orphan === null) {
      if (!row.created && row.displayName !== displayName && displayName) {
        await this.sql.query(`UPDATE "Identity" SET "displayName" = $3 WHERE platform = $1::"Platform" AND "externalUserId" = $2`, [platform, externalUserId, displayName]);
      }
      return { id: row.id, name: row.name };
    }
    if (row?.orphan) await this.sql.query(`DELETE FROM "Person" WHERE id = $1`, [row.orphan]);
    const [again] = await this.sql.query<{ id: number; name: string }>(
      `SELECT p.id, p.name FROM "Identity" i JOIN "Person" p ON p.id = i."personId" WHERE i.platform = $1::"Platform" AND i."externalUserId" = $2`,
      [platform, externalUserId],
    );
    if (!again) throw new Error(`identity ${platform}:${externalUserId} was neither found nor created`);
    return again;
  }

  async ensureManyByIdentity(platform: Platform, accounts: readonly { externalId: string; name: string }[]) {
    const unique = [...new Map(accounts.map((a) => [a.externalId, a])).values()];
    if (unique.length === 0) return [];
    // found ones with their stored name; missing ones get a person id from the sequence first, so that each new
    // identity is paired with its own person in the same statement
    const rows = await this.sql.query<{ eid: string; id: number; name: string; displayName: string | null; status: 'found' | 'created' | 'raced' }>(
      `WITH input AS (SELECT * FROM unnest($2::text[], $3::text[]) AS x(eid, name)),
       found AS (
         SELECT i."externalUserId" AS eid, p.id, p.name, i."displayName" FROM "Identity" i JOIN "Person" p ON p.id = i."personId"
         WHERE i.platform = $1::"Platform" AND i."externalUserId" IN (SELECT eid FROM input)),
       missing AS (SELECT eid, name, nextval(pg_get_serial_sequence('"Person"', 'id'))::int AS pid FROM input WHERE eid NOT IN (SELECT eid FROM found)),
       np AS (INSERT INTO "Person" (id, name, "createdAt") SELECT pid, COALESCE(NULLIF(name, ''), eid), ${NOW_UTC} FROM missing RETURNING id),
       ni AS (INSERT INTO "Identity" ("personId", platform, "externalUserId", "displayName", "createdAt")
              SELECT m.pid, $1::"Platform", m.eid, m.name, ${NOW_UTC} FROM missing m JOIN np ON np.id = m.pid
              ON CONFLICT (platform, "externalUserId") DO NOTHING RETURNING "externalUserId")
       SELECT eid, id, name, "displayName", 'found' AS status FROM found
       UNION ALL
       SELECT m.eid, m.pid, COALESCE(NULLIF(m.name, ''), m.eid), m.name, CASE WHEN ni."externalUserId" IS NULL THEN 'raced' ELSE 'created' END
       FROM missing m LEFT JOIN ni ON ni."externalUserId" = m.eid`,
      [platform, unique.map((a) => a.externalId), unique.map((a) => a.name)],
    );
    const byEid = new Map<string, Person>();
    const renamed: { eid: string; name: string }[] = [];
    for (const r of rows) {
      if (r.status === 'raced') continue;
      byEid.set(r.eid, { id: r.id, name: r.name });
      const wanted = unique.find((a) => a.externalId === r.eid)!.name;
      if (r.status === 'found' && wanted && r.displayName !== wanted) renamed.push({ eid: r.eid, name: wanted });
    }
    const raced = rows.filter((r) => r.status === 'raced');
    if (raced.length > 0) {
      // another message created these at the same moment: drop our spare persons, take theirs
      await this.sql.query(`DELETE FROM "Person" WHERE id = ANY($1::int[])`, [raced.map((r) => r.id)]);
      for (const r of raced) byEid.set(r.eid, await this.ensureByIdentity(platform, r.eid, unique.find((a) => a.externalId === r.eid)!.name));
    }
    if (renamed.length > 0) {
      await this.sql.query(
        `UPDATE "Identity" i SET "displayName" = x.name FROM unnest($2::text[], $3::text[]) AS x(eid, name)
         WHERE i.platform = $1::"Platform" AND i."externalUserId" = x.eid`,
        [platform, renamed.map((r) => r.eid), renamed.map((r) => r.name)],
      );
    }
    return accounts.map((a) => byEid.get(a.externalId)!);
  }

  async findById(id: number) {
    const p = await this.db.person.findUnique({ where: { id } });
    return p && { id: p.id, name: p.name };
  }

  async identities(personId: number) {
    const rows = await this.db.identity.findMany({ where: { personId }, orderBy: { id: 'asc' } });
    return rows.map((r) => ({ platform: r.platform, externalId: r.externalUserId, displayName: r.displayName, personId }));
  }

  async rolesOn(personId: number, gridNodeIds: number[]): Promise<Role[]> {
    const rows = await this.db.roleAssignment.findMany({
      where: { personId, gridNodeId: { in: gridNodeIds } },
      select: { role: true },
      distinct: ['role'],
    });
    return rows.map((r) => r.role);
  }

  async holders(gridNodeIds: number[], roles: readonly Role[]) {
    const rows = await this.db.roleAssignment.findMany({
      where: { gridNodeId: { in: gridNodeIds }, role: { in: [...roles] } },
      include: { person: true },
      orderBy: [{ personId: 'asc' }],
    });
    return rows.map((r) => ({ person: { id: r.person.id, name: r.person.name }, role: r.role, gridNodeId: r.gridNodeId }));
  }

  async allHolders() {
    const rows = await this.sql.query<{ personId: number; name: string; role: Role; gridNodeId: number }>(
      `SELECT r."personId", p.name, r.role::text AS role, r."gridNodeId" FROM "RoleAssignment" r JOIN "Person" p ON p.id = r."personId"
       ORDER BY r."personId", r.id`,
    );
    return rows.map((r) => ({ person: { id: r.personId, name: r.name }, role: r.role, gridNodeId: r.gridNodeId }));
  }

  async identitiesOfMany(personIds: readonly number[]) {
    if (personIds.length === 0) return [];
    const rows = await this.sql.query<{ personId: number; platform: Platform; externalUserId: string; displayName: string }>(
      `SELECT "personId", platform::text AS platform, "externalUserId", "displayName" FROM "Identity" WHERE "personId" = ANY($1::int[]) ORDER BY id`,
      [personIds],
    );
    return rows.map((r) => ({ platform: r.platform, externalId: r.externalUserId, displayName: r.displayName, personId: r.personId }));
  }

  async assignRole(personId: number, role: Role, gridNodeId: number) {
    await this.db.roleAssignment.upsert({
      where: { personId_role_gridNodeId: { personId, role, gridNodeId } },
      create: { personId, role, gridNodeId },
      update: {},
    });
  }
}
