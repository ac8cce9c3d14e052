// Staff passwords, one-time sign-in secrets and console sessions in the store (hashes only).
import type { Platform } from '../../core/messages/incoming-message.ts';
import type { Role } from '../../core/people/roles.ts';
import type { SignInKind, StaffAccount, StaffAuthRepository } from '../../core/ports/staff-auth.repository.ts';
import type { AuditEntry, AuditOutcome, AuditRepository, NewAuditEntry } from '../../core/ports/audit.repository.ts';
import type { Db } from './prisma-store.ts';

const personFields = { id: true, key: true, name: true } as const;

export class PrismaStaffAuthRepository implements StaffAuthRepository {
  constructor(private readonly db: Db) {}

  personById(id: number) {
    return this.db.person.findUnique({ where: { id }, select: personFields });
  }

  personByKey(key: string) {
    return this.db.person.findUnique({ where: { key }, select: personFields });
  }

  async personByIdentity(platform: Platform, externalId: string) {
    const i = await this.db.identity.findUnique({ where: { platform_externalUserId: { platform, externalUserId: externalId } }, select: { person: { select: personFields } } });
    return i?.person ?? null;
  }

  async staffAccounts(now: Date): Promise<StaffAccount[]> {
    const rows = await this.db.person.findMany({
      // volunteers are residents who help: no console account
      where: { roles: { some: { role: { not: 'VOLUNTEER' } } } },
      orderBy: { key: 'asc' },
      select: {
        ...personFields,
        roles: { select: { role: true, gridNode: { select: { code: true } } }, orderBy: { id: 'asc' } },
        identities: { select: { platform: true, externalUserId: true }, orderBy: { id: 'asc' } },
        credential: { select: { personId: true } },
        _count: { select: { sessions: { where: { revokedAt: null, expiresAt: { gt: now } } } } },
      },
    });
    return rows.map((r) => ({
      id: r.id,
      key: r.key,
      name: r.name,
      roles: r.roles.map((x) => ({ role: x.role as Role, nodeCode: x.gridNode.code })),
      identities: r.identities.map((x) => ({ platform: x.platform as Platform, externalId: x.externalUserId })),
      hasPassword: r.credential !== null,
      activeSessions: r._count.sessions,
    }));
  }

  async passwordHash(personId: number) {
    return (await this.db.staffCredential.findUnique({ where: { personId } }))?.passwordHash ?? null;
  }

  async setPasswordHash(personId: number, passwordHash: string) {
    await this.db.staffCredential.upsert({ where: { personId }, create: { personId, passwordHash }, update: { passwordHash } });
  }

  createSecret(s: { personId: number; kind: SignInKind; secretHash: string; expiresAt: Date }) {
    return this.db.signInCode.create({ data: s });
  }

  latestSecret(personId: number, kind: SignInKind, now: Date) {
    return this.db.signInCode.findFirst({ where: { personId, kind, usedAt: null, expiresAt: { gt: now } }, orderBy: { id: 'desc' } });
  }

  secretByHash(kind: SignInKind, secretHash: string, now: Date) {
    return this.db.signInCode.findFirst({ where: { kind, secretHash, usedAt: null, expiresAt: { gt: now } } });
  }

  async countAttempt(id: number) {
    return (await this.db.signInCode.update({ where: { id }, data: { attempts: { increment: 1 } }, select: { attempts: true } })).attempts;
  }

  async useSecret(id: number, now: Date) {
    // conditional update: of two requests racing with the same code, one wins
    return (await this.db.signInCode.updateMany({ where: { id, usedAt: null }, data: { usedAt: now } })).count === 1;
  }

  createSession(s: { personId: number; tokenHash: string; method: string; expiresAt: Date; now: Date }) {
    return this.db.staffSession.create({
      data: { personId: s.personId, tokenHash: s.tokenHash, method: s.method, expiresAt: s.expiresAt, createdAt: s.now, lastSeenAt: s.now },
      omit: { tokenHash: true },
    });
  }

  sessionByHash(tokenHash: string) {
    return this.db.staffSession.findUnique({ where: { tokenHash }, omit: { tokenHash: true } });
  }

  async touchSession(id: number, now: Date) {
    await this.db.staffSession.update({ where: { id }, data: { lastSeenAt: now } });
  }

  async revokeSession(id: number, now: Date) {
    await this.db.staffSession.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
  }

  async revokeSessionsOf(personId: number, now: Date) {
    return (await this.db.staffSession.updateMany({ where: { personId, revokedAt: null, expiresAt: { gt: now } }, data: { revokedAt: now } })).count;
  }

  async purgeExpired(before: Date) {
    const secrets = await this.db.signInCode.deleteMany({ where: { expiresAt: { lt: before } } });
    const sessions = await this.db.staffSession.deleteMany({ where: { OR: [{ expiresAt: { lt: before } }, { revokedAt: { lt: before } }] } });
    return secrets.count + sessions.count;
  }
}

export class PrismaAuditRepository implements AuditRepository {
  constructor(private readonly db: Db) {}

  async record(e: NewAuditEntry) {
    await this.db.auditEntry.create({ data: { ...e, object: (e.object ?? undefined) as object | undefined } });
  }

  async list(filter: { personId?: number; limit?: number } = {}): Promise<AuditEntry[]> {
    const rows = await this.db.auditEntry.findMany({
      where: filter.personId !== undefined ? { personId: filter.personId } : {},
      orderBy: { id: 'desc' },
      take: filter.limit ?? 100,
    });
    return rows.map((r) => ({ ...r, object: (r.object as Record<string, unknown> | null) ?? null, outcome: r.outcome as AuditOutcome }));
  }
}
