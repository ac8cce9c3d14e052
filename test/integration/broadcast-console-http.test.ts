// What the console's 批量发布 page reads over real HTTP (127.0.0.1, random port), through the admin API as `linli start`
// mounts it: GET /api/grid/nodes (the picker), GET /api/broadcasts (the list), the copies named by group, and the
// refusals — 401 without credentials, 403 across the grid boundary (a grid worker, a street staff member outside
// their subtree, a community's staff outside their community, a resident), 400 naming the field — a community's staff
// sending to their own groups, and a scheduled broadcast cancelled before its start job fires.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBroadcastService } from '../../src/adapters/broadcast/create-broadcast.ts';
import { adminRoutes } from '../../src/adapters/http/admin-api.ts';
import { tokenAuthenticator } from '../../src/adapters/http/authenticate.ts';
import { createHttpServer, listen } from '../../src/adapters/http/http-server.ts';
import { createMemoryQueues } from '../../src/adapters/memory/memory-job-queues.ts';
import { broadcastRepositoryOf } from '../../src/adapters/prisma/prisma-broadcast.repository.ts';
import type { GridSpec } from '../../src/core/ports/grid.repository.ts';
import type { JobQueues } from '../../src/core/ports/job-queue.port.ts';
import type { Store } from '../../src/core/ports/store.port.ts';
import { freshStore } from '../support/databases.ts';
import { BROADCAST_GRID, TestGateway, waitUntil } from '../support/broadcast-fixtures.ts';

/** The broadcast grid plus a grid worker of G1 (东园第一网格), the community staff of 西园 (C2) and a resident. */
const GRID: GridSpec = {
  ...BROADCAST_GRID,
  people: [
    ...BROADCAST_GRID.people,
    { key: 'gw', name: '林网格员', identities: [], roles: [{ role: 'GRID_WORKER', nodeCode: 'G1' }] },
    { key: 'cai', name: '蔡主任', identities: [], roles: [{ role: 'COMMUNITY_STAFF', nodeCode: 'C2' }] },
    { key: 'res', name: '张阿姨', identities: [{ platform: 'WECHAT', externalId: 'wx-zhang' }], roles: [] },
  ],
};
const TOKENS = { 'tok-xu': 'xu', 'tok-liu': 'liu', 'tok-huang': 'huang', 'tok-admin': 'admin', 'tok-gw': 'gw', 'tok-cai': 'cai', 'tok-res': 'res' };

describe('the 批量发布 page over HTTP', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let queues: JobQueues;
  let api: { url: string; close(): Promise<void> };
  const gateway = new TestGateway();

  const call = async (method: string, path: string, token?: string, body?: unknown) => {
    const res = await fetch(api.url + path, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };
  const stored = async () => (await broadcastRepositoryOf(store).list()).length;

  beforeAll(async () => {
    ({ store, dispose } = await freshStore('pglite'));
    await store.grid.importSpec(GRID);
    queues = createMemoryQueues();
    const { service } = createBroadcastService({ store, queues, gateways: { WECHAT: gateway }, rate: { max: 50, durationMs: 100 }, attempts: 2, backoffMs: 10 });
    await service.startWorker(4);
    const server = createHttpServer({ routes: adminRoutes({ store, queues, broadcast: service }), authenticate: tokenAuthenticator(TOKENS, store) });
    api = await listen(server, 0, '127.0.0.1');
  });
  afterAll(async () => {
    await api?.close();
    await queues?.close();
    await dispose?.();
  });

  it('needs credentials: 401 on the list, the picker and a preview', async () => {
    expect((await call('GET', '/api/broadcasts')).status).toBe(401);
    expect((await call('GET', '/api/grid/nodes')).status).toBe(401);
    expect((await call('GET', '/api/grid/nodes', 'wrong')).status).toBe(401);
    expect((await call('POST', '/api/broadcasts?dryRun=1', undefined, { text: '通知', targets: { nodeCode: 'C1' } })).status).toBe(401);
  });

  it('the picker shows the nodes, group counts, tags and platforms inside the caller subtrees only', async () => {
    const xu = await call('GET', '/api/grid/nodes', 'tok-xu');
    expect(xu.status).toBe(200);
    expect(xu.body.roots).toEqual(['S1']);
    expect(xu.body.nodes.map((n: { code: string; groups: number; parentCode: string | null }) => [n.code, n.groups, n.parentCode])).toEqual([
      ['S1', 6, null], ['C1', 4, 'S1'], ['G1', 3, 'C1'], ['G2', 1, 'C1'], ['C2', 2, 'S1'], ['G3', 2, 'C2'],
    ]);
    expect(xu.body.tags).toEqual(['业主群', '睦邻群']);
    expect(xu.body.platforms).toEqual(['WECHAT']);

    const liu = await call('GET', '/api/grid/nodes', 'tok-liu');
    expect(liu.body.nodes.map((n: { code: string }) => n.code)).toEqual(['C2', 'G3']);
    expect(liu.body.tags).toEqual(['睦邻群']);
    // a grid worker reads their own grid, not the one next door nor the community above
    const gw = await call('GET', '/api/grid/nodes', 'tok-gw');
    expect(gw.body.nodes.map((n: { code: string }) => n.code)).toEqual(['G1']);
    expect((await call('GET', '/api/grid/nodes?root=G3', 'tok-gw')).status).toBe(403);
    expect((await call('GET', '/api/grid/nodes?root=C1', 'tok-gw')).status).toBe(403);
    expect((await call('GET', '/api/grid/nodes?root=C1', 'tok-liu')).status).toBe(403);
    expect((await call('GET', '/api/grid/nodes?root=G1', 'tok-gw')).body.nodes).toHaveLength(1);
    expect((await call('GET', '/api/grid/nodes?root=NOPE', 'tok-xu')).status).toBe(404);
  });

  it('403 across the grid boundary, and nothing stored or sent', async () => {
    const before = await stored();
    // a grid worker broadcasts nowhere: not to another grid, not even to their own
    for (const nodeCode of ['G3', 'G1']) {
      const r = await call('POST', '/api/broadcasts', 'tok-gw', { text: '通知', targets: { nodeCode } });
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('NOT_AUTHORIZED');
      expect((await call('POST', '/api/broadcasts?dryRun=1', 'tok-gw', { text: '通知', targets: { nodeCode } })).status).toBe(403);
    }
    expect((await call('GET', '/api/broadcasts', 'tok-gw')).status).toBe(403);
    // street staff of 西园 (C2): not 东园's node, not 东园's groups named one by one, not hidden in an explicit list
    expect((await call('POST', '/api/broadcasts', 'tok-liu', { text: '通知', targets: { nodeCode: 'C1' } })).status).toBe(403);
    expect((await call('POST', '/api/broadcasts?dryRun=1', 'tok-liu', { text: '通知', targets: { groupIds: ['dy-1'] } })).status).toBe(403);
    expect((await call('POST', '/api/broadcasts', 'tok-liu', { text: '通知', targets: { groupIds: ['xy-1', 'dy-1'] } })).status).toBe(403);
    expect(await stored()).toBe(before);
    expect(gateway.total).toBe(0);
  });

  it('400 names the field', async () => {
    const bad = async (path: string, body: unknown, field: string) => {
      const r = await call(body === undefined ? 'GET' : 'POST', path, 'tok-xu', body);
      expect(r.status, `${path} ${JSON.stringify(body)}`).toBe(400);
      expect(r.body.error.message).toContain(field);
    };
    await bad('/api/broadcasts', { targets: { nodeCode: 'C1' } }, 'body text');
    await bad('/api/broadcasts', { text: '通知', targets: { nodeCode: 'C1', platform: 'WEIBO' } }, 'body targets.platform');
    await bad('/api/broadcasts', { text: '通知', targets: { nodeCode: 'C1' }, scheduledAt: '明天上午' }, 'body scheduledAt');
    await bad('/api/broadcasts?dryRun=maybe', { text: '通知', targets: { nodeCode: 'C1' } }, 'query dryRun');
    await bad('/api/broadcasts?limit=0', undefined, 'query limit');
    await bad('/api/grid/nodes?root=', undefined, 'query root');
  });

  it('lists what each caller may see, with progress; each copy carries its group title and grid node', async () => {
    const a = await call('POST', '/api/broadcasts', 'tok-xu', { text: '东园停水通知', targets: { nodeCode: 'C1', tags: ['睦邻群'] } });
    const b = await call('POST', '/api/broadcasts', 'tok-liu', { text: '西园燃气检修', targets: { nodeCode: 'G3' } });
    expect([a.status, b.status]).toEqual([201, 201]);
    const [ida, idb] = [a.body.broadcast.id as number, b.body.broadcast.id as number];
    for (const id of [ida, idb]) {
      await waitUntil(async () => (await call('GET', `/api/broadcasts/${id}`, 'tok-admin')).body.broadcast.status === 'DONE', 10_000, `broadcast ${id} DONE`);
    }
    const ids = async (token: string) => (await call('GET', '/api/broadcasts', token)).body.broadcasts.map((x: { broadcast: { id: number } }) => x.broadcast.id);
    expect(await ids('tok-xu')).toEqual([idb, ida]); // newest first; the street above sees 西园's too
    expect(await ids('tok-admin')).toEqual([idb, ida]);
    expect(await ids('tok-liu')).toEqual([idb]); // not 东园's
    const item = (await call('GET', '/api/broadcasts', 'tok-xu')).body.broadcasts.find((x: { broadcast: { id: number } }) => x.broadcast.id === ida);
    expect(item.counts).toMatchObject({ SENT: 3, PENDING: 0, total: 3 });

    const s = await call('GET', `/api/broadcasts/${ida}`, 'tok-xu');
    const named = s.body.deliveries.map((d: { status: string; group: { title: string; nodeCode: string; nodeName: string } }) => [d.group.title, d.group.nodeCode, d.group.nodeName, d.status]);
    expect(named.sort()).toEqual([
      ['东园1号楼睦邻群', 'G1', '东园第一网格', 'SENT'],
      ['东园2号楼睦邻群', 'G1', '东园第一网格', 'SENT'],
      ['东园二网格睦邻群', 'G2', '东园第二网格', 'SENT'],
    ]);
    expect((await call('GET', `/api/broadcasts/${ida}`, 'tok-liu')).status).toBe(403);
  });

  it('a scheduled broadcast cancelled before its time: its start job is gone, nothing can be sent', async () => {
    const sentBefore = gateway.total;
    const delayed = async () => (await queues.queue('broadcast').counts()).delayed;
    const r = await call('POST', '/api/broadcasts', 'tok-liu', { text: '周六消防演练', targets: { nodeCode: 'G3' }, scheduledAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect(r.body.broadcast.status).toBe('SCHEDULED');
    expect(await delayed()).toBe(1); // one delayed start job on the queue
    const c = await call('POST', `/api/broadcasts/${r.body.broadcast.id}/cancel`, 'tok-liu');
    expect(c.body).toMatchObject({ broadcast: { status: 'CANCELLED' }, counts: { SKIPPED: 2, PENDING: 0 } });
    expect(c.body.deliveries.map((d: { reason: string }) => d.reason)).toEqual(['发布已取消', '发布已取消']);
    expect(await delayed()).toBe(0);
    expect(gateway.total).toBe(sentBefore);
  });

  it('community staff (居委会) broadcast to their own community only; another community, the street or a resident is refused', async () => {
    const before = await stored();
    const sentBefore = gateway.total;
    const copies = (rooms: string[]) => rooms.reduce((n, r) => n + gateway.copies(r), 0);
    const [dyBefore, xyBefore] = [copies(['dy-1', 'dy-2', 'dy-yz', 'dy-g2']), copies(['xy-1', 'xy-2'])];
    // 东园 (C1)'s community staff targeting 西园 (C2)'s groups: by node, group by group, or hidden among their own
    for (const targets of [{ nodeCode: 'C2' }, { nodeCode: 'G3' }, { groupIds: ['xy-1'] }, { groupIds: ['dy-1', 'xy-1'] }, { nodeCode: 'S1' }]) {
      for (const path of ['/api/broadcasts?dryRun=1', '/api/broadcasts']) {
        const r = await call('POST', path, 'tok-huang', { text: '停水通知', targets });
        expect(r.status, `${path} ${JSON.stringify(targets)}`).toBe(403);
        expect(r.body.error).toMatchObject({ code: 'NOT_AUTHORIZED', reason: 'OUTSIDE_SCOPE' });
        expect(r.body.error.messageZh).toMatch(/不在您的管辖范围内/);
      }
    }
    // the console says which: the refused part of the grid by its name
    const c2 = await call('POST', '/api/broadcasts?dryRun=1', 'tok-huang', { text: '停水通知', targets: { nodeCode: 'C2' } });
    expect(c2.body.error.messageZh).toBe('西园社区不在您的管辖范围内，只能发往本人负责范围内的群');
    // and the other way round: 西园's community staff to 东园
    expect((await call('POST', '/api/broadcasts', 'tok-cai', { text: '停水通知', targets: { nodeCode: 'C1' } })).status).toBe(403);
    // a resident has no broadcast at all
    for (const [method, path] of [['GET', '/api/broadcasts'], ['POST', '/api/broadcasts?dryRun=1'], ['POST', '/api/broadcasts']] as const) {
      const r = await call(method, path, 'tok-res', method === 'POST' ? { text: '停水通知', targets: { nodeCode: 'G1' } } : undefined);
      expect(r.status, path).toBe(403);
      expect(r.body.error.reason).toBe('ROLE_REQUIRED');
    }
    expect(await stored()).toBe(before);
    expect(gateway.total).toBe(sentBefore);

    // their own community's groups: previewed, sent, listed and followed by them
    const preview = await call('POST', '/api/broadcasts?dryRun=1', 'tok-huang', { text: '明天停水，请提前储水', targets: { nodeCode: 'C1', tags: ['睦邻群'] } });
    expect(preview.status).toBe(200);
    expect(preview.body.groups.map((g: { externalId: string }) => g.externalId).sort()).toEqual(['dy-1', 'dy-2', 'dy-g2']);
    const sent = await call('POST', '/api/broadcasts', 'tok-huang', { text: '明天停水，请提前储水', targets: { nodeCode: 'G1', tags: ['睦邻群'] } });
    expect(sent.status).toBe(201);
    const id = sent.body.broadcast.id as number;
    await waitUntil(async () => (await call('GET', `/api/broadcasts/${id}`, 'tok-huang')).body.broadcast.status === 'DONE', 10_000, 'DONE');
    expect(copies(['dy-1', 'dy-2', 'dy-yz', 'dy-g2']) - dyBefore).toBe(2); // 东园第一网格's two 睦邻群
    expect(copies(['xy-1', 'xy-2'])).toBe(xyBefore);
    const ids = (await call('GET', '/api/broadcasts', 'tok-huang')).body.broadcasts.map((x: { broadcast: { id: number } }) => x.broadcast.id);
    expect(ids).toContain(id);
    // 西园's community staff neither see it nor act on it; the street above does
    expect((await call('GET', '/api/broadcasts', 'tok-cai')).body.broadcasts.map((x: { broadcast: { id: number } }) => x.broadcast.id)).not.toContain(id);
    expect((await call('GET', `/api/broadcasts/${id}`, 'tok-cai')).status).toBe(403);
    expect((await call('GET', `/api/broadcasts/${id}`, 'tok-xu')).status).toBe(200);
  });
});
