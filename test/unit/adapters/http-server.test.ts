// The admin API's server on a real port with made-up routes: the order of its checks (401 → 403 → 400 → scope →
// handler), masking for junior staff, and what reaches the log: a refusal at info, a real failure at error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHttpServer, defineRoute, HttpError, listen } from '../../../src/adapters/http/http-server.ts';
import { dbId } from '../../../src/adapters/http/params.ts';
import { createMemoryLogger } from '../../../src/adapters/logging/pino.logger.ts';
import { DomainError, ErrorCode } from '../../../src/core/errors.ts';
import { Authority } from '../../../src/core/people/authority.ts';

const ROOT = { id: 1, code: 'S1', path: '/S1/', parentId: null };
const G1 = { id: 2, code: 'G1', path: '/S1/C1/G1/', parentId: 3 };
const G2 = { id: 4, code: 'G2', path: '/S1/C1/G2/', parentId: 3 };
const PEOPLE: Record<string, Authority> = {
  worker: new Authority(1, [{ role: 'GRID_WORKER', node: G1 }]),
  office: new Authority(2, [{ role: 'COMMUNITY_STAFF', node: G1 }]),
  admin: new Authority(3, [{ role: 'ADMIN', node: ROOT }]),
  resident: new Authority(4, []),
};

describe('admin API server', () => {
  const { logger, lines } = createMemoryLogger('debug');
  let api: { url: string; close(): Promise<void> };
  let handled = 0;
  const call = async (path: string, who?: string) => {
    const r = await fetch(api.url + path, { headers: who ? { authorization: `Bearer ${who}` } : {} });
    return { status: r.status, body: (await r.json()) as any };
  };

  beforeAll(async () => {
    const routes = [
      defineRoute({
        method: 'GET',
        path: '/things/:id',
        params: z.object({ id: dbId }),
        access: { role: { atLeast: 'GRID_WORKER' }, scope: async ({ id }) => (id === 1 ? G1 : id === 2 ? G2 : Promise.reject(new HttpError(404, 'THING_NOT_FOUND', `no thing ${id}`))) },
        async handle({ params }) {
          handled++;
          return { body: { id: params.id, note: '业主电话 13812345678', at: new Date('2026-12-05T00:00:00Z') } };
        },
      }),
      defineRoute({ method: 'GET', path: '/boom', access: { role: { anyOf: ['ADMIN'] }, scope: 'grid' }, handle: () => Promise.reject(new Error('database is on fire')) }),
      defineRoute({
        method: 'GET',
        path: '/refused',
        access: { role: { anyOf: ['ADMIN'] }, scope: 'grid' },
        handle: () => Promise.reject(new DomainError(ErrorCode.NotAuthorized, 'not yours')),
      }),
    ];
    api = await listen(createHttpServer({ routes, authenticate: async (t) => PEOPLE[t] ?? null, logger }), 0);
  });
  afterAll(() => api?.close());

  it('checks the token, then the role, then the parameters, then the object, before the handler', async () => {
    expect((await call('/things/abc')).status).toBe(401);
    expect((await call('/things/abc', 'resident')).status).toBe(403); // a resident learns nothing about the input
    expect((await call('/things/abc', 'worker')).body).toEqual({ error: { code: 'BAD_REQUEST', message: 'param id: must be a positive whole number', messageZh: '编号格式不正确' } });
    expect((await call('/things/9', 'worker')).status).toBe(404);
    expect((await call('/things/2', 'worker')).status).toBe(403); // G2 is beside the worker's G1
    expect(handled).toBe(0);
    expect((await call('/things/1', 'worker')).status).toBe(200);
    expect((await call('/things/1/', 'worker')).status).toBe(200); // a trailing slash names the same route
    expect(handled).toBe(2);
  });

  it('masks numbers for a grid worker, not for community staff; dates stay dates', async () => {
    expect((await call('/things/1', 'worker')).body).toEqual({ id: 1, note: '业主电话 138****5678', at: '2026-12-05T00:00:00.000Z' });
    expect((await call('/things/1', 'office')).body.note).toBe('业主电话 13812345678');
  });

  it('logs a refusal at info without a stack, and a real failure at error with it', async () => {
    const before = lines().length;
    expect((await call('/refused', 'admin')).status).toBe(403);
    expect((await call('/things/%E0%A4%A', 'worker')).status).toBe(400);
    const refusals = lines().slice(before);
    expect(refusals.map((l) => l.level)).toEqual([30, 30]);
    expect(JSON.stringify(refusals)).not.toContain('stack');

    expect(await call('/boom', 'admin')).toEqual({ status: 500, body: { error: { code: 'INTERNAL', message: 'internal error', messageZh: '服务器出错，请稍后再试' } } });
    const failure = lines().at(-1)!;
    expect(failure.level).toBe(50);
    expect(JSON.stringify(failure)).toContain('database is on fire');
  });
});
