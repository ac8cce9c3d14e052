import type { Platform } from '../../core/messages/incoming-message.ts';
import type { Role } from '../../core/people/roles.ts';
import type { PersonRepository } from '../../core/ports/person.repository.ts';
import type { Db } from './prisma-store.ts';
import type { Sql } from './sql.ts';

export class PrismaPersonRepository implements PersonRepository {
  constructor(
    private readonly db: Db,
    private readonly sql: Sql,
  ) {}

  async ensureByIdentity(platform: Platform, externalUserId: string, displayName: string) {
    const where = { platform_externalUserId: { platform, externalUserId } };
    // every message looks its sender up: plain SQL (see sql.ts); a new resident is created through Prisma
    const [found] = await this.sql.query<{ id: number; name: string; displayName: string }>(
      `SELECT p.id, p.name, i."displayName" FROM "Identity" i JOIN "Person" p ON p.id = i."personId"
       WHERE i.platform = $1::"Platform" AND i."externalUserId" = $2`,
      [platform, externalUserId],
    );
    if (found) {
      if (found.displayName !== displayName && displayName) {
        await this.sql.query(`UPDATE "Identity" SET "displayName" = $3 WHERE platform = $1::"Platform" AND "externalUserId" = $2`, [platform, externalUserId, displayName]);
      }
      return { id: found.id, name: found.name };
    }
    try {
      const person = await this.db.person.create({
        data: { name: displayName || externalUserId, identities: { create: { platform, externalUserId, displayName } } },
      });
      return { id: person.id, name: person.name };
    } catch (e) {
      // two messages from a new resident at once: the other insert won, use its person
      const again = await this.db.identity.findUnique({ where, include: { person: true } });
      if (again) return { id: again.person.id, name: again.person.name };
      throw e;
    }
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

  async assignRole(personId: number, role: Role, gridNodeId: number) {
    await this.db.roleAssignment.upsert({
      where: { personId_role_gridNodeId: { personId, role, gridNodeId } },
      create: { personId, role, gridNodeId },
      update: {},
    });
  }
}
