// The broadcast HTTP API over real HTTP on 127.0.0.1 (random port): bearer tokens, grid-scoped authority, statuses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBroadcastService } from '../../src/adapters/broadcast/create-broadcast.ts';
import { tokenAuthenticator } from '../../src/adapters/http/authenticate.ts';
import { broadcastRoutes } from '../../src/adapters/http/broadcast.routes.ts';
import { createHttpServer, listen } from '../../src/adapters/http/http-server.ts';
import { cachedScope } from '../../src/adapters/http/patrol.routes.ts';
import { createMemoryQueues } from '../../src/adapters/memory/memory-job-queues.ts';
import { broadcastRepositoryOf } from '../../src/adapters/prisma/prisma-broadcast.repository.ts';
import { loadConfig } from '../../src/config.ts';
import type { JobQueues } from '../../src/core/ports/job-queue.port.ts';
import type { Store } from '../../src/core/ports/store.port.ts';
import { freshStore } from '../support/databases.ts';
import { BROADCAST_GRID, TestGateway, waitUntil } from '../support/broadcast-fixtures.ts';

describe('broadcast HTTP API', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let queues: JobQueues;
  let api: { url: string; close(): Promise<void> };
  const gateway = new TestGateway();

  const call = async (method: string, path: string, token?: string, body?: unknown) => {
    const res = await fetch(api.url + path, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };

  beforeAll(async () => {
    ({ store, dispose } = await freshStore('pglite'));
    await store.grid.importSpec(BROADCAST_GRID);
    queues = createMemoryQueues();
    const { service } = createBroadcastService({ store, queues, gateways: { WECHAT: gateway }, rate: { max: 50, durationMs: 100 }, attempts: 2, backoffMs: 10 });
    await service.startWorker(4);
    // the tokens come from the configuration, as in production
    const cfg = loadConfig({ LINLI_API_TOKENS: 'tok-xu:xu, tok-liu:liu,tok-huang:huang,tok-ghost:nobody' });
    const server = createHttpServer({ routes: broadcastRoutes(service, { scope: cachedScope(store), groups: store.groups }), authenticate: tokenAuthenticator(cfg.apiTokens, store) });
    api = await listen(server, 0, '127.0.0.1');
  });

  afterAll(async () => {
    await api?.close();
    await queues?.close();
    await dispose?.();
  });

  it('needs a known bearer token', async () => {
    expect((await call('GET', '/api/broadcasts/1')).status).toBe(401);
    expect((await call('GET', '/api/broadcasts/1', 'wrong')).status).toBe(401);
    expect((await call('GET', '/api/broadcasts/1', 'tok-ghost')).status).toBe(401); // token of a key not in the grid
    expect((await call('GET', '/api/nothing', 'tok-xu')).status).toBe(404);
  });

  it('previews with ?dryRun=1 without storing or sending', async () => {
    const r = await call('POST', '/api/broadcasts?dryRun=1', 'tok-xu', { text: '停水通知', targets: { nodeCode: 'C1', tags: ['睦邻群'] } });
    expect(r.status).toBe(200);
    expect(r.body.groups.map((g: { externalId: string }) => g.externalId).sort()).toEqual(['dy-1', 'dy-2', 'dy-g2']);
    expect(r.body.estimate).toMatchObject({ sends: 3, floorMs: 0 }); // 3 groups at 50 per 100 ms: the first window, at once
    expect(await broadcastRepositoryOf(store).list()).toHaveLength(0);
    expect(gateway.total).toBe(0);
    expect(r.body.masked).toBe(false);
  });

  it('tells the author that numbers in the notice will be masked', async () => {
    const r = await call('POST', '/api/broadcasts?dryRun=1', 'tok-xu', { text: '停水通知，有问题请联系王师傅 138 1234 5678', targets: { nodeCode: 'C1' } });
    expect(r.status).toBe(200);
    expect(r.body.masked).toBe(true);
    expect(r.body.text).not.toMatch(/1234/);
  });

  it('creates and sends, then reports status; bad input is 400/422', async () => {
    const r = await call('POST', '/api/broadcasts', 'tok-liu', { text: '西园燃气检修通知', targets: { nodeCode: 'G3' } });
    expect(r.status).toBe(201);
    const id = r.body.broadcast.id as number;
    expect(r.body.counts.total).toBe(2);
    await waitUntil(async () => (await call('GET', `/api/broadcasts/${id}`, 'tok-liu')).body.broadcast.status === 'DONE', 10_000, 'DONE');
    const s = await call('GET', `/api/broadcasts/${id}`, 'tok-liu');
    expect(s.body.counts).toMatchObject({ SENT: 2, total: 2 });
    expect(gateway.copies('xy-1')).toBe(1);
    // the street staff over S1 may look at it too; the community staff of C1 may not
    expect((await call('GET', `/api/broadcasts/${id}`, 'tok-xu')).status).toBe(200);
    expect((await call('GET', `/api/broadcasts/${id}`, 'tok-huang')).status).toBe(403);
    // a finished broadcast cannot be paused
    expect((await call('POST', `/api/broadcasts/${id}/pause`, 'tok-liu')).status).toBe(409);
    expect((await call('GET', '/api/broadcasts/9999', 'tok-xu')).status).toBe(404);
    expect((await call('POST', '/api/broadcasts', 'tok-xu', '{not json')).body.error.code).toBe('BAD_JSON');
    expect((await call('POST', '/api/broadcasts', 'tok-xu', '{not json')).status).toBe(400);
    expect((await call('POST', '/api/broadcasts', 'tok-xu', { text: '', targets: {} })).status).toBe(400);
    expect((await call('POST', '/api/broadcasts', 'tok-xu', { text: '通知', targets: { nodeCode: 'NOPE' } })).status).toBe(422);
  });

  it('refuses a body that is not JSON, too large, or sent without its content type, and storing nothing', async () => {
    const before = (await broadcastRepositoryOf(store).list()).length;
    const post = (body: string, type?: string) =>
      fetch(api.url + '/api/broadcasts', { method: 'POST', headers: { authorization: 'Bearer tok-xu', ...(type ? { 'content-type': type } : {}) }, body });
    const plain = await post(JSON.stringify({ text: '通知', targets: { nodeCode: 'C1' } }));
    expect(plain.status).toBe(400);
    expect(((await plain.json()) as { error: { message: string } }).error.message).toContain('application/json');
    const big = await post(JSON.stringify({ text: 'x'.repeat(70_000), targets: { nodeCode: 'C1' } }), 'application/json');
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({ error: { code: 'BODY_TOO_LARGE', message: expect.any(String), messageZh: '提交的内容过大' } });
    const wrong = await post(JSON.stringify({ text: '通知', targets: { nodeCode: 'C1', when: 'now' } }), 'application/json; charset=utf-8');
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: { message: string } }).error.message).toContain('targets');
    expect(await broadcastRepositoryOf(store).list()).toHaveLength(before);
  });

  it('is grid-scoped: outside the caller subtree is 403 and nothing is stored', async () => {
    const before = (await broadcastRepositoryOf(store).list()).length;
    const r = await call('POST', '/api/broadcasts', 'tok-liu', { text: '通知', targets: { nodeCode: 'C1' } });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('NOT_AUTHORIZED');
    // community staff of C1: not 西园 (C2), not the street above their community
    expect((await call('POST', '/api/broadcasts', 'tok-huang', { text: '通知', targets: { nodeCode: 'C2' } })).status).toBe(403);
    expect((await call('POST', '/api/broadcasts', 'tok-huang', { text: '通知', targets: { nodeCode: 'S1' } })).status).toBe(403);
    expect(await broadcastRepositoryOf(store).list()).toHaveLength(before);
  });

  it('refuses a scheduled time already past (400 naming scheduledAt, in Chinese), preview or send; a few seconds late is now', async () => {
    const before = (await broadcastRepositoryOf(store).list()).length;
    const sent = gateway.total;
    for (const path of ['/api/broadcasts?dryRun=1', '/api/broadcasts']) {
      for (const at of ['2020-01-01T08:00:00+08:00', new Date(Date.now() - 5 * 60_000).toISOString()]) {
        const r = await call('POST', path, 'tok-xu', { text: '东园通知', targets: { nodeCode: 'C1' }, scheduledAt: at });
        expect(r.status, `${path} ${at}`).toBe(400);
        expect(r.body.error).toMatchObject({ code: 'BROADCAST_SCHEDULE_PAST', field: 'scheduledAt', messageZh: '发送时间已过，请重新选择' });
      }
    }
    expect(await broadcastRepositoryOf(store).list()).toHaveLength(before);
    expect(gateway.total).toBe(sent);
    // the browser's clock a little behind the server's: within a minute it is "now", sent at once
    const late = await call('POST', '/api/broadcasts?dryRun=1', 'tok-xu', { text: '东园通知', targets: { nodeCode: 'C1' }, scheduledAt: new Date(Date.now() - 20_000).toISOString() });
    expect(late.status).toBe(200);
  });

  it('pause, resume, cancel and resend-failed over HTTP', async () => {
    gateway.failing.add('dy-2');
    const r = await call('POST', '/api/broadcasts', 'tok-xu', { text: '东园通知', targets: { nodeCode: 'C1' }, scheduledAt: new Date(Date.now() + 60_000).toISOString() });
    expect(r.status).toBe(201);
    const id = r.body.broadcast.id as number;
    expect(r.body.broadcast.status).toBe('SCHEDULED');
    expect((await call('POST', `/api/broadcasts/${id}/pause`, 'tok-xu')).body.broadcast.status).toBe('PAUSED');
    expect((await call('POST', `/api/broadcasts/${id}/cancel`, 'tok-xu')).body).toMatchObject({ broadcast: { status: 'CANCELLED' }, counts: { SKIPPED: 4 } });
    expect((await call('POST', `/api/broadcasts/${id}/resume`, 'tok-xu')).status).toBe(409);

    const r2 = await call('POST', '/api/broadcasts', 'tok-xu', { text: '东园通知（补发）', targets: { nodeCode: 'C1' } });
    const id2 = r2.body.broadcast.id as number;
    await waitUntil(async () => (await call('GET', `/api/broadcasts/${id2}`, 'tok-xu')).body.broadcast.status === 'DONE', 10_000, 'DONE');
    expect((await call('GET', `/api/broadcasts/${id2}`, 'tok-xu')).body.counts).toMatchObject({ SENT: 3, FAILED: 1 });
    gateway.failing.clear();
    expect((await call('POST', `/api/broadcasts/${id2}/resend-failed`, 'tok-xu')).status).toBe(200);
    await waitUntil(async () => (await call('GET', `/api/broadcasts/${id2}`, 'tok-xu')).body.counts.SENT === 4, 10_000, 'resent');
    expect(gateway.copies('dy-2')).toBe(1);
    expect(gateway.copies('dy-1')).toBe(1);
  });
});
