// Authorisation of every admin route over real HTTP on the demo grid: a table of (token × route × object inside or
// outside the token's subtree) → status, then what list routes return to whom, masking, and retry of a missing job.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../support/broadcast-fixtures.ts';
import { call, PHONE, PHONE_MASKED, startAdminApi, type AdminApiFixture, type Who } from '../support/admin-api.ts';

describe('admin API authorisation', () => {
  let f: AdminApiFixture;
  beforeAll(async () => {
    f = await startAdminApi();
    await f.queues.queue('ingest').add('handle', { n: 1 }, { jobId: 'WECHAT:m-1' });
    await waitUntil(async () => (await f.queues.queue('ingest').counts()).failed === 1, 10_000, 'the job failed');
  });
  afterAll(() => f?.close());

  const everyone: (Who | null)[] = [null, 'resident', 'unitHead', 'gw1', 'gw2', 'gridHead', 'cs', 'csXy', 'street', 'admin'];
  type Row = [method: string, path: string, expected: Partial<Record<Who | 'none', number>>];
  // objects: a finding in DY-G01 (unit B20), one in DY-G02, one in XY-G01; 东园社区 = DY-G01 + DY-G02
  const table: Row[] = [
    ['GET', '/api/patrol/findings', { unitHead: 200, gw1: 200, gw2: 200, gridHead: 200, cs: 200, csXy: 200, street: 200, admin: 200 }],
    ['GET', '/api/patrol/findings?open=1&limit=5', { unitHead: 200, gw1: 200, gw2: 200, gridHead: 200, cs: 200, csXy: 200, street: 200, admin: 200 }],
    ['POST', '/api/patrol/findings/{dyG01}/ack', { unitHead: 403, gw1: 200, gw2: 403, gridHead: 200, cs: 200, csXy: 403, street: 200, admin: 200 }],
    ['POST', '/api/patrol/findings/{dyG01}/close', { unitHead: 403, gw1: 200, gw2: 403, gridHead: 200, cs: 200, csXy: 403, street: 200, admin: 200 }],
    ['POST', '/api/patrol/findings/{dyG02}/close', { unitHead: 403, gw1: 403, gw2: 200, gridHead: 200, cs: 200, csXy: 403, street: 200, admin: 200 }],
    ['POST', '/api/patrol/findings/{xyG01}/ack', { unitHead: 403, gw1: 403, gw2: 403, gridHead: 403, cs: 403, csXy: 200, street: 200, admin: 200 }],
    ['POST', '/api/patrol/findings/2147483647/ack', { unitHead: 403, gw1: 404, gw2: 404, gridHead: 404, cs: 404, csXy: 404, street: 404, admin: 404 }],
    ['GET', '/api/queues', { admin: 200 }],
    ['GET', '/api/queues/ingest/failed', { admin: 200 }],
    ['GET', '/api/queues/nope/failed', { admin: 404 }],
    ['POST', '/api/queues/ingest/retry/WECHAT%3Ano-such-job', { admin: 404 }],
    // community staff broadcast too (their own community's groups: see below)
    ['GET', '/api/broadcasts/1', { cs: 404, csXy: 404, street: 404, admin: 404 }],
    ['POST', '/api/broadcasts/1/pause', { cs: 404, csXy: 404, street: 404, admin: 404 }],
    ['POST', '/api/broadcasts?dryRun=1', { cs: 400, csXy: 400, street: 400, admin: 400 }], // no body
    // routes are not discoverable without a token; with one, an unknown route is 404
    ['GET', '/api/nothing', { unitHead: 404, gw1: 404, gw2: 404, gridHead: 404, cs: 404, csXy: 404, street: 404, admin: 404, resident: 404 }],
    ['GET', '/', { unitHead: 404, gw1: 404, gw2: 404, gridHead: 404, cs: 404, csXy: 404, street: 404, admin: 404, resident: 404 }],
  ];

  /** '{dyG01}' → the id of the finding in DY-G01 */
  const resolve = (path: string) => path.replace(/\{(\w+)\}/g, (_, k: keyof AdminApiFixture['findings']) => String(f.findings[k]));

  it.each(table)('%s %s', async (method, path, expected) => {
    const got: Record<string, number> = {};
    const want: Record<string, number> = {};
    for (const who of everyone) {
      const key = who ?? 'none';
      // no token: 401; a token of a person below what the route needs: 403 (residents on every route)
      want[key] = expected[key] ?? (who === null ? 401 : 403);
      got[key] = (await call(f.url, method, resolve(path), who)).status;
    }
    expect(got).toEqual(want);
  });

  it('a broadcast to 东园社区 (preview): its own community staff, the street and the ADMIN; not 西园社区 staff, grid staff or residents', async () => {
    const got: Record<string, number> = {};
    for (const who of everyone) {
      got[who ?? 'none'] = (await call(f.url, 'POST', '/api/broadcasts?dryRun=1', who, { text: '明天停水，请提前储水', targets: { nodeCode: '350304001001' } })).status;
    }
    expect(got).toEqual({ none: 401, resident: 403, unitHead: 403, gw1: 403, gw2: 403, gridHead: 403, cs: 200, csXy: 403, street: 200, admin: 200 });
    const refused = await call(f.url, 'POST', '/api/broadcasts?dryRun=1', 'csXy', { text: '明天停水', targets: { nodeCode: '350304001001' } });
    expect(refused.body.error).toMatchObject({ code: 'NOT_AUTHORIZED', reason: 'OUTSIDE_SCOPE', messageZh: '东园社区不在您的管辖范围内，只能发往本人负责范围内的群' });
  });

  it('a 401 asks for a bearer token and a 403 says which role is needed, in the error shape', async () => {
    const r = await fetch(f.url + '/api/queues');
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toBe('Bearer');
    expect(await r.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.any(String), messageZh: '请先登录' } });
    const denied = await call(f.url, 'GET', '/api/queues', 'street');
    expect(denied.body).toEqual({ error: { code: 'NOT_AUTHORIZED', reason: 'ROLE_REQUIRED', message: expect.stringContaining('ADMIN'), messageZh: '您的角色无权进行此操作' } });
  });

  it('lists to each person only the findings of groups in their subtrees', async () => {
    const seen = async (who: Who) => ((await call(f.url, 'GET', '/api/patrol/findings', who)).body as { id: number }[]).map((x) => x.id).sort((a, b) => a - b);
    const { dyG01, dyG02, xyG01 } = f.findings;
    expect(await seen('unitHead')).toEqual([dyG01]);
    expect(await seen('gw1')).toEqual([dyG01]);
    expect(await seen('gw2')).toEqual([dyG02]);
    expect(await seen('cs')).toEqual([dyG01, dyG02]);
    expect(await seen('csXy')).toEqual([xyG01]);
    expect(await seen('street')).toEqual([dyG01, dyG02, xyG01]);
    expect(await seen('admin')).toEqual([dyG01, dyG02, xyG01]);
  });

  it('masks phone numbers for staff below COMMUNITY_STAFF, not for the office', async () => {
    const text = async (who: Who) => JSON.stringify((await call(f.url, 'GET', '/api/patrol/findings', who)).body);
    for (const who of ['unitHead', 'gw1', 'gridHead'] as const) {
      const body = await text(who);
      expect(body).toContain(PHONE_MASKED);
      expect(body).not.toContain(PHONE);
    }
    const ack = await call(f.url, 'POST', `/api/patrol/findings/${f.findings.dyG01}/ack`, 'gw1');
    expect(JSON.stringify(ack.body)).not.toContain(PHONE);
    for (const who of ['cs', 'street', 'admin'] as const) expect(await text(who)).toContain(PHONE);
  });

  it('retries a failed job for the ADMIN; a job id that does not exist is 404', async () => {
    expect((await call(f.url, 'POST', '/api/queues/ingest/retry/WECHAT%3Am-2', 'admin')).status).toBe(404);
    f.fixIngest();
    const r = await call(f.url, 'POST', '/api/queues/ingest/retry/WECHAT%3Am-1', 'admin');
    expect(r).toEqual({ status: 200, body: { retried: 'WECHAT:m-1' } });
    await waitUntil(() => f.handled() === 1, 10_000, 'the retried job ran');
    // retried once: a second retry finds no failed job
    expect((await call(f.url, 'POST', '/api/queues/ingest/retry/WECHAT%3Am-1', 'admin')).status).toBe(404);
  });
});

