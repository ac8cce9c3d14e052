// Patrol findings over real HTTP on a real store: list open ones, acknowledge, close.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenAuthenticator } from '../../src/adapters/http/authenticate.ts';
import { createHttpServer, listen } from '../../src/adapters/http/http-server.ts';
import { patrolRoutes } from '../../src/adapters/http/patrol.routes.ts';
import type { Store } from '../../src/core/ports/store.port.ts';
import { freshStore } from '../support/databases.ts';
import { SMALL_GRID } from '../support/small-grid.ts';

describe('/api/patrol/findings', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let api: { url: string; close(): Promise<void> };
  const call = (p: string, method = 'GET') => fetch(api.url + p, { method, headers: { authorization: 'Bearer t' } });

  beforeAll(async () => {
    ({ store, dispose } = await freshStore('pglite'));
    await store.grid.importSpec(SMALL_GRID);
    const group = (await store.groups.findByExternal('WECHAT', 'room-20'))!;
    await store.patrol.upsert({ rule: 'hazard', severity: 'HIGH', groupId: group.id, messageId: null, ticketId: null, summary: '疑似飞线充电（东园20号楼睦邻群）', data: {}, dedupKey: 'hazard:test:1' });
    // the community staff over C1 (room-20 is in unit U1 below it)
    api = await listen(createHttpServer({ routes: patrolRoutes(store), authenticate: tokenAuthenticator({ t: 'huang' }, store) }), 0);
  });
  afterAll(async () => {
    await api?.close();
    await dispose?.();
  });

  it('lists open findings, acknowledges and closes one', async () => {
    const open = (await (await call('/api/patrol/findings?open=1')).json()) as { id: number; status: string; summary: string }[];
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ status: 'OPEN', summary: '疑似飞线充电（东园20号楼睦邻群）' });
    expect(((await (await call(`/api/patrol/findings/${open[0]!.id}/ack`, 'POST')).json()) as { status: string }).status).toBe('ACKNOWLEDGED');
    await call(`/api/patrol/findings/${open[0]!.id}/close`, 'POST');
    expect(await (await call('/api/patrol/findings?open=1')).json()).toEqual([]);
    expect((await call('/api/patrol/findings/99999/ack', 'POST')).status).toBe(404);
  });

  it('reads the grid and the groups from a snapshot, not once per request', async () => {
    let lists = 0;
    let subtrees = 0;
    const groups = Object.assign(Object.create(store.groups) as Store['groups'], { list: () => (lists++, store.groups.list()) });
    const grid = Object.assign(Object.create(store.grid) as Store['grid'], { subtree: (code: string) => (subtrees++, store.grid.subtree(code)) });
    const cached = await listen(createHttpServer({ routes: patrolRoutes({ ...store, groups, grid }), authenticate: tokenAuthenticator({ t: 'huang' }, store) }), 0);
    try {
      for (let i = 0; i < 3; i++) {
        const res = await fetch(`${cached.url}/api/patrol/findings`, { headers: { authorization: 'Bearer t' } });
        expect(((await res.json()) as unknown[]).length).toBe(1);
      }
      expect(lists).toBe(1);
      expect(subtrees).toBe(0);
    } finally {
      await cached.close();
    }
  });
  it("names a finding's ticket by its number, so the console can link to it", async () => {
    const group = (await store.groups.findByExternal('WECHAT', 'room-20'))!;
    const reporter = await store.people.ensureByIdentity('WECHAT', 'wx-zhang', '张阿姨');
    // a ticket numbered apart from its row id: the console links by number
    for (let i = 0; i < 2; i++) await store.tickets.create(
      { category: 'fire_safety', summary: `楼道堆物${i}`, place: { building: '20' }, urgency: 'NORMAL', groupId: group.id, gridNodeId: group.gridNodeId!, reporterId: reporter.id },
      { type: 'reported', actorId: reporter.id, messageId: null, fromStatus: null, toStatus: 'REPORTED', note: null, data: { source: 'test' } },
    );
    const t = await store.tickets.create(
      { category: 'fire_safety', summary: '楼道里有人飞线给电动车充电', place: { building: '20' }, urgency: 'URGENT', groupId: group.id, gridNodeId: group.gridNodeId!, reporterId: reporter.id },
      { type: 'reported', actorId: reporter.id, messageId: null, fromStatus: null, toStatus: 'REPORTED', note: null, data: { source: 'test' } },
    );
    await store.patrol.upsert({ rule: 'hazard', severity: 'HIGH', groupId: group.id, messageId: null, ticketId: t.id, summary: '疑似飞线充电（已登记）', data: {}, dedupKey: 'hazard:test:ticket' });
    const list = (await (await call('/api/patrol/findings?open=1')).json()) as { summary: string; ticketId: number | null; ticketNumber: number | null }[];
    expect(list.find((f) => f.summary === '疑似飞线充电（已登记）')).toMatchObject({ ticketId: t.id, ticketNumber: t.number });
    expect(list.filter((f) => f.ticketId === null).every((f) => f.ticketNumber === null)).toBe(true);
  });
});
