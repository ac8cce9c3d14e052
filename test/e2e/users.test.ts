// `linli users` through bin/linli.js on PostgreSQL: list staff, set a password (refusing residents and short ones),
// sign in with it over the API, end the sessions, and read the audit log those steps wrote.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApiOptions } from '../../src/adapters/http/admin-api.ts';
import { createHttpServer, listen } from '../../src/adapters/http/http-server.ts';
import { createMemoryQueues } from '../../src/adapters/memory/memory-job-queues.ts';
import { openStore } from '../../src/adapters/prisma/prisma-store.ts';
import type { BroadcastService } from '../../src/core/broadcast/broadcast.service.ts';
import { ROOT, runCli } from '../support/cli.ts';
import { createPostgresDatabase } from '../support/databases.ts';

describe('linli users', () => {
  let db: { url: string; drop(): Promise<void> };
  let env: Record<string, string>;
  beforeAll(async () => {
    db = await createPostgresDatabase();
    env = { DATABASE_URL: db.url };
    expect((await runCli(['grid', 'import', path.join(ROOT, 'data/demo-grid.yaml')], { env })).code).toBe(0);
  });
  afterAll(() => db?.drop());

  it('lists staff, sets a password that signs in, revokes the sessions, and audits it', { timeout: 120_000 }, async () => {
    const list = await runCli(['users', 'list'], { env });
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^ss-fangzhiming\t方志明\tSTREET_STAFF@350304001\taccounts:WECHAT\tpassword:no\tsessions:0$/m);
    expect(list.stdout).toMatch(/^gw-linxiuzhen\t林秀珍\tGRID_WORKER@DY-G01\taccounts:WECHAT,TELEGRAM\t/m);
    expect(list.stdout).not.toContain('r-zhangguohua'); // residents have no console account
    expect(list.stdout).not.toContain('v-chenaiping'); // nor volunteers

    const resident = await runCli(['users', 'set-password', 'r-zhangguohua'], { env, input: 'correct horse battery\n' });
    expect(resident).toMatchObject({ code: 2, stderr: expect.stringContaining('residents and volunteers have no console account') });
    const unknown = await runCli(['users', 'set-password', 'nobody'], { env, input: 'correct horse battery\n' });
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringContaining('no person with key nobody') });
    const short = await runCli(['users', 'set-password', 'ss-fangzhiming'], { env, input: 'short\n' });
    expect(short).toMatchObject({ code: 2, stderr: expect.stringContaining('at least 10 characters') });
    const set = await runCli(['users', 'set-password', 'ss-fangzhiming'], { env, input: 'correct horse battery\n' });
    expect(set.stderr).toBe('');
    expect(set).toMatchObject({ code: 0, stdout: expect.stringContaining('password set for 方志明 (ss-fangzhiming); 0 session(s) ended') });

    // the API over the same database accepts the password
    const store = await openStore({ kind: 'postgres', url: db.url });
    const queues = createMemoryQueues();
    const { options } = adminApiOptions({ store, queues, broadcast: {} as BroadcastService, tokens: {} });
    const api = await listen(createHttpServer(options), 0);
    try {
      const signIn = await fetch(api.url + '/api/auth/password', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key: 'ss-fangzhiming', password: 'correct horse battery' }) });
      expect(signIn.status).toBe(200);
      const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      expect((await fetch(api.url + '/api/auth/me', { headers: { cookie } })).status).toBe(200);
      expect((await runCli(['users', 'list'], { env })).stdout).toMatch(/^ss-fangzhiming\t.*password:yes\tsessions:1$/m);

      const revoked = await runCli(['users', 'revoke-sessions', 'ss-fangzhiming'], { env });
      expect(revoked).toMatchObject({ code: 0, stdout: '1 session(s) of 方志明 (ss-fangzhiming) ended\n' });
      expect((await fetch(api.url + '/api/auth/me', { headers: { cookie } })).status).toBe(401);
    } finally {
      await api.close();
      await queues.close();
      await store.close();
    }

    const audit = await runCli(['users', 'audit', '--json', '--limit', '3'], { env });
    expect(audit.code).toBe(0);
    const rows = JSON.parse(audit.stdout) as { action: string; outcome: string; object: Record<string, unknown> }[];
    expect(rows.map((r) => [r.action, r.outcome])).toEqual([
      ['cli.users.revoke-sessions', 'ok'],
      ['auth.password', 'ok'],
      ['cli.users.set-password', 'ok'],
    ]);
    expect(rows[0]!.object).toMatchObject({ key: 'ss-fangzhiming', ended: 1 });
    // the text listing names the person who signed in as the operator knows them, not by a row id
    const text = await runCli(['users', 'audit', '--limit', '3'], { env });
    expect(text.stdout.split('\n')[1]).toMatch(/^\S+\tss-fangzhiming 方志明\tSTREET_STAFF@350304001\tauth\.password\t/);
  });
});
