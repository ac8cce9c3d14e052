// The Store port's console-account repositories (staffAuth, audit), as part of the store contract: run against PGlite
// and PostgreSQL by store.contract.ts, on its SMALL_GRID.
import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/ports/store.port.ts';

export function staffAuthContract(store: () => Store) {
  describe('staff sign-in (staffAuth)', () => {
    const t0 = new Date('2026-12-01T02:00:00Z');
    const later = (ms: number) => new Date(t0.getTime() + ms);

    it('finds a person by key or by any of their accounts, and lists staff with their sign-in state', async () => {
      const s = store();
      const wu = await s.staffAuth.personByKey('wu');
      expect(wu).toMatchObject({ key: 'wu', name: '吴网格员' });
      expect(await s.staffAuth.personByIdentity('TELEGRAM', '1001')).toEqual(wu);
      expect(await s.staffAuth.personById(wu!.id)).toEqual(wu);
      expect(await s.staffAuth.personByKey('nobody')).toBeNull();
      expect(await s.staffAuth.personByIdentity('WECHAT', 'wx-nobody')).toBeNull();
      const accounts = await s.staffAuth.staffAccounts(t0);
      expect(accounts.find((a) => a.key === 'wu')).toMatchObject({
        roles: [{ role: 'GRID_WORKER', nodeCode: 'G2' }],
        identities: [{ platform: 'WECHAT', externalId: 'wx-wu' }, { platform: 'TELEGRAM', externalId: '1001' }],
        hasPassword: false,
        activeSessions: 0,
      });
      // a resident met in chat holds no role and is not listed
      const resident = await s.people.ensureByIdentity('WECHAT', 'wx-resident-auth', '居民');
      expect(accounts.some((a) => a.id === resident.id)).toBe(false);
    });

    it('keeps one password hash per person, replaced when set again', async () => {
      const s = store();
      const lin = (await s.staffAuth.personByKey('lin'))!;
      expect(await s.staffAuth.passwordHash(lin.id)).toBeNull();
      await s.staffAuth.setPasswordHash(lin.id, 'scrypt$1');
      await s.staffAuth.setPasswordHash(lin.id, 'scrypt$2');
      expect(await s.staffAuth.passwordHash(lin.id)).toBe('scrypt$2');
      expect((await s.staffAuth.staffAccounts(t0)).find((a) => a.key === 'lin')?.hasPassword).toBe(true);
    });

    it('serves the newest live secret, counts wrong tries and lets a secret be used once', async () => {
      const s = store();
      const chen = (await s.staffAuth.personByKey('chen'))!;
      const old = await s.staffAuth.createSecret({ personId: chen.id, kind: 'CODE', secretHash: 'h-old', expiresAt: later(300_000) });
      const code = await s.staffAuth.createSecret({ personId: chen.id, kind: 'CODE', secretHash: 'h-new', expiresAt: later(300_000) });
      expect(old.id).toBeLessThan(code.id);
      expect(await s.staffAuth.latestSecret(chen.id, 'CODE', t0)).toMatchObject({ id: code.id, secretHash: 'h-new', attempts: 0, usedAt: null });
      expect(await s.staffAuth.latestSecret(chen.id, 'LINK', t0)).toBeNull();
      expect(await s.staffAuth.countAttempt(code.id)).toBe(1);
      expect(await s.staffAuth.countAttempt(code.id)).toBe(2);
      expect(await s.staffAuth.useSecret(code.id, t0)).toBe(true);
      expect(await s.staffAuth.useSecret(code.id, t0)).toBe(false);
      // used: the older one is the newest live secret now; past its expiry, none
      expect((await s.staffAuth.latestSecret(chen.id, 'CODE', t0))?.id).toBe(old.id);
      expect(await s.staffAuth.latestSecret(chen.id, 'CODE', later(300_000))).toBeNull();

      const link = await s.staffAuth.createSecret({ personId: chen.id, kind: 'LINK', secretHash: 'h-link', expiresAt: later(60_000) });
      expect((await s.staffAuth.secretByHash('LINK', 'h-link', t0))?.id).toBe(link.id);
      expect(await s.staffAuth.secretByHash('CODE', 'h-link', t0)).toBeNull();
      expect(await s.staffAuth.secretByHash('LINK', 'h-link', later(60_000))).toBeNull();
      await s.staffAuth.useSecret(link.id, t0);
      expect(await s.staffAuth.secretByHash('LINK', 'h-link', t0)).toBeNull();
    });

    it('stores sessions by the hash of their token, touches and revokes them', async () => {
      const s = store();
      const huang = (await s.staffAuth.personByKey('huang'))!;
      const a = await s.staffAuth.createSession({ personId: huang.id, tokenHash: 'sess-a', method: 'CODE', expiresAt: later(3_600_000), now: t0 });
      const b = await s.staffAuth.createSession({ personId: huang.id, tokenHash: 'sess-b', method: 'PASSWORD', expiresAt: later(3_600_000), now: t0 });
      expect(a).toMatchObject({ personId: huang.id, method: 'CODE', revokedAt: null, lastSeenAt: t0, createdAt: t0 });
      expect(a).not.toHaveProperty('tokenHash');
      expect(await s.staffAuth.sessionByHash('sess-a')).toEqual(a);
      expect(await s.staffAuth.sessionByHash('sess-x')).toBeNull();
      await s.staffAuth.touchSession(a.id, later(60_000));
      expect((await s.staffAuth.sessionByHash('sess-a'))?.lastSeenAt).toEqual(later(60_000));
      expect((await s.staffAuth.staffAccounts(t0)).find((x) => x.key === 'huang')?.activeSessions).toBe(2);
      await s.staffAuth.revokeSession(a.id, later(1000));
      expect((await s.staffAuth.sessionByHash('sess-a'))?.revokedAt).toEqual(later(1000));
      expect(await s.staffAuth.revokeSessionsOf(huang.id, later(2000))).toBe(1);
      expect((await s.staffAuth.sessionByHash('sess-b'))?.revokedAt).toEqual(later(2000));
      expect(await s.staffAuth.revokeSessionsOf(huang.id, later(3000))).toBe(0);
      expect(b.id).toBeGreaterThan(a.id);
    });
  });

  describe('staff sign-in housekeeping', () => {
    it('deletes secrets and sessions ended before a time, and nothing live', async () => {
      const s = store();
      const boss = (await s.staffAuth.personByKey('boss'))!;
      const t = new Date('2026-11-01T00:00:00Z');
      const at = (days: number) => new Date(t.getTime() + days * 86_400_000);
      await s.staffAuth.createSecret({ personId: boss.id, kind: 'CODE', secretHash: 'purge-old', expiresAt: at(0) });
      await s.staffAuth.createSecret({ personId: boss.id, kind: 'LINK', secretHash: 'purge-live', expiresAt: at(30) });
      const old = await s.staffAuth.createSession({ personId: boss.id, tokenHash: 'purge-s-old', method: 'CODE', expiresAt: at(0), now: at(-1) });
      const revoked = await s.staffAuth.createSession({ personId: boss.id, tokenHash: 'purge-s-revoked', method: 'CODE', expiresAt: at(30), now: at(-1) });
      await s.staffAuth.revokeSession(revoked.id, at(0));
      await s.staffAuth.createSession({ personId: boss.id, tokenHash: 'purge-s-live', method: 'CODE', expiresAt: at(30), now: at(0) });
      expect(await s.staffAuth.purgeExpired(at(1))).toBeGreaterThanOrEqual(3);
      expect(await s.staffAuth.secretByHash('LINK', 'purge-live', at(1))).not.toBeNull();
      expect(await s.staffAuth.sessionByHash('purge-s-old')).toBeNull();
      expect(await s.staffAuth.sessionByHash('purge-s-revoked')).toBeNull();
      expect(await s.staffAuth.sessionByHash('purge-s-live')).not.toBeNull();
      expect(old.id).toBeGreaterThan(0);
    });
  });

  describe('audit log', () => {
    it('records entries and lists them newest first, per person or all', async () => {
      const s = store();
      const xu = (await s.staffAuth.personByKey('xu'))!;
      await s.audit.record({ personId: xu.id, roles: ['STREET_STAFF@S1'], action: 'POST /api/patrol/findings/:id/ack', route: '/api/patrol/findings/7/ack', object: { id: '7' }, outcome: 'ok', status: 200, ip: '127.0.0.1' });
      await s.audit.record({ personId: null, roles: [], action: 'auth.code', route: '/api/auth/code', object: null, outcome: 'denied', status: 202, ip: null });
      const all = await s.audit.list({ limit: 2 });
      expect(all.map((e) => e.action)).toEqual(['auth.code', 'POST /api/patrol/findings/:id/ack']);
      expect(all[1]).toMatchObject({ personId: xu.id, roles: ['STREET_STAFF@S1'], object: { id: '7' }, outcome: 'ok', status: 200, ip: '127.0.0.1', at: expect.any(Date) });
      expect(all[0]!.object).toBeNull();
      expect((await s.audit.list({ personId: xu.id })).map((e) => e.route)).toEqual(['/api/patrol/findings/7/ack']);
    });
  });
}
