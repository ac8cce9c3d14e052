import type { Platform } from '../../core/messages/incoming-message.ts';
import type { Role } from '../../core/people/roles.ts';
import type { Person, PersonRepository } from '../../core/ports/person.repository.ts';
import type { Db } from './prisma-store.ts';
import { NOW_UTC, pgText, type Sql } from './sql.ts';

export class PrismaPersonRepository implements PersonRepository {
  constructor(
    private readonly db: Db,
    private readonly sql: Sql,
  ) {}

  async ensureByIdentity(platform: Platform, externalUserId: string, displayName: string) {
    const [person] = await this.ensureManyByIdentity(platform, [{ externalId: externalUserId, name: displayName }]);
    return person!;
  }

  async ensureManyByIdentity(platform: Platform, given: readonly { externalId: string; name: string }[]) {
    // NUL characters, which PostgreSQL refuses, are dropped (one such name would fail the whole batch)
    const accounts = given.map((a) => ({ externalId: pgText(a.externalId), name: pgText(a.name) }));
    const byExternalId = new Map(accounts.map((a) => [a.externalId, a]));
    const unique = [...byExternalId.values()];
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
      const wanted = byExternalId.get(r.eid)!.name;
      if (r.status === 'found' && wanted && r.displayName !== wanted) renamed.push({ eid: r.eid, name: wanted });
    }
    const raced = rows.filter((r) => r.status === 'raced');
    if (raced.length > 0) {
      // another message created these at the same moment: drop our spare persons, take theirs
      await this.sql.query(`DELETE FROM "Person" WHERE id = ANY($1::int[])`, [raced.map((r) => r.id)]);
      const theirs = await this.sql.query<{ eid: string; id: number; name: string }>(
        `SELECT i."externalUserId" AS eid, p.id, p.name FROM "Identity" i JOIN "Person" p ON p.id = i."personId"
         WHERE i.platform = $1::"Platform" AND i."externalUserId" = ANY($2::text[])`,
        [platform, raced.map((r) => r.eid)],
      );
      for (const r of theirs) byEid.set(r.eid, { id: r.id, name: r.name });
    }
    if (renamed.length > 0) {
      await this.sql.query(
        `UPDATE "Identity" i SET "displayName" = x.name FROM unnest($2::text[], $3::text[]) AS x(eid, name)
         WHERE i.platform = $1::"Platform" AND i."externalUserId" = x.eid`,
        [platform, renamed.map((r) => r.eid), renamed.map((r) => r.name)],
      );
    }
    return accounts.map((a) => {
      const person = byEid.get(a.externalId);
      if (!person) throw new Error(`identity ${platform}:${a.externalId} was neither found nor created`);
      return person;
    });
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

  async assignments(personId: number) {
    return this.db.roleAssignment.findMany({ where: { personId }, select: { role: true, gridNodeId: true }, orderBy: { id: 'asc' } });
  }

  async holders(gridNodeIds: number[], roles: readonly Role[]) {
    const rows = await this.db.roleAssignment.findMany({
      where: { gridNodeId: { in: gridNodeIds }, role: { in: [...roles] } },
      include: { person: true },
      orderBy: [{ personId: 'asc' }],
    });
    return rows.map((r) => ({ person: { id: r.person.id, name: r.person.name }, role: r.role, gridNodeId: r.gridNodeId, key: r.person.key }));
  }

  async allHolders() {
    const rows = await this.sql.query<{ personId: number; name: string; key: string | null; role: Role; gridNodeId: number }>(
      `SELECT r."personId", p.name, p.key, r.role::text AS role, r."gridNodeId" FROM "RoleAssignment" r JOIN "Person" p ON p.id = r."personId"
       ORDER BY r."personId", r.id`,
    );
    return rows.map((r) => ({ person: { id: r.personId, name: r.name }, role: r.role, gridNodeId: r.gridNodeId, key: r.key }));
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
