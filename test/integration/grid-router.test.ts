// The grid router answers the same from its snapshot (nodes, role holders, children indexed once per load) as from
// the store, on a grid with several levels, siblings, and people holding roles on more than one node.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GridRouter } from '../../src/core/grid/routing.ts';
import type { GridSpec } from '../../src/core/ports/grid.repository.ts';
import type { Store } from '../../src/core/ports/store.port.ts';
import { BROADCAST_GRID } from '../support/broadcast-fixtures.ts';
import { freshStore } from '../support/databases.ts';

const GRID: GridSpec = {
  // the broadcast tests' street (two communities, three grids), with buildings under two of the grids
  nodes: [
    ...BROADCAST_GRID.nodes,
    { code: 'B1', name: '1号楼', level: 'UNIT', parentCode: 'G1' },
    { code: 'B2', name: '2号楼', level: 'UNIT', parentCode: 'G1' },
    { code: 'B3', name: '3号楼', level: 'UNIT', parentCode: 'G3' },
  ],
  groups: [],
  people: [
    { key: 'w1', name: '网格员甲', identities: [{ platform: 'WECHAT', externalId: 'w1' }], roles: [{ role: 'GRID_WORKER', nodeCode: 'G1' }, { role: 'GRID_WORKER', nodeCode: 'G2' }] },
    { key: 'w2', name: '网格员乙', identities: [{ platform: 'WECHAT', externalId: 'w2' }], roles: [{ role: 'GRID_WORKER', nodeCode: 'G1' }] },
    { key: 'h1', name: '楼栋长', identities: [{ platform: 'WECHAT', externalId: 'h1' }], roles: [{ role: 'UNIT_HEAD', nodeCode: 'B1' }] },
    { key: 'c1', name: '社区书记', identities: [{ platform: 'WECHAT', externalId: 'c1' }], roles: [{ role: 'COMMUNITY_STAFF', nodeCode: 'C1' }, { role: 'COMMUNITY_STAFF', nodeCode: 'C2' }] },
    { key: 's1', name: '街道干部', identities: [{ platform: 'WECHAT', externalId: 's1' }], roles: [{ role: 'STREET_STAFF', nodeCode: 'S1' }] },
  ],
};

describe('grid router: snapshot and store agree', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await freshStore('pglite'));
    await store.grid.importSpec(GRID);
  });
  afterAll(() => dispose());

  it('gives the same subtrees, chains and role holders either way', async () => {
    const cached = new GridRouter(store.grid, store.people, store.tickets, { cacheMs: 60_000 });
    const direct = new GridRouter(store.grid, store.people, store.tickets, { cacheMs: 0 });
    const nodes = await store.grid.all();
    const roles = ['GRID_WORKER', 'UNIT_HEAD', 'COMMUNITY_STAFF', 'STREET_STAFF'] as const;
    for (const n of nodes) {
      const codes = async (r: GridRouter) => (await r.subtree(n.code)).map((x) => x.code);
      expect(await codes(cached), n.code).toEqual(await codes(direct));
      expect((await cached.chain(n.id)).map((x) => x.code)).toEqual((await direct.chain(n.id)).map((x) => x.code));
      const ids = (await direct.chain(n.id)).map((x) => x.id);
      const holders = async (r: GridRouter) => (await r.holders(ids, roles)).map((h) => `${h.person.name}:${h.role}:${h.gridNodeId}`).sort();
      expect(await holders(cached)).toEqual(await holders(direct));
    }
    expect((await cached.subtree('C1')).map((x) => x.code).sort()).toEqual(['B1', 'B2', 'C1', 'G1', 'G2']);
    // the copy handed out is the caller's to change
    (await cached.subtree('G1')).pop();
    expect((await cached.subtree('G1')).map((x) => x.code).sort()).toEqual(['B1', 'B2', 'G1']);
    const g1 = nodes.find((n) => n.code === 'G1')!;
    expect((await cached.onDutyWorker(g1.id))?.name).toBe((await direct.onDutyWorker(g1.id))?.name);
  });

  it('answers on-duty calls made together with one count, sharing the work out as it goes; a bad call fails alone', async () => {
    let counts = 0;
    const tickets = { ...store.tickets, openCountByAssignee: (ids: number[]) => (counts++, store.tickets.openCountByAssignee(ids)) };
    const router = new GridRouter(store.grid, store.people, tickets, { cacheMs: 60_000 });
    const nodes = new Map((await store.grid.all()).map((n) => [n.code, n.id]));
    // G1 has two workers and no open tickets: the first call goes to the lower id, the next to the other, then back
    const [a, b, c, bad, g3] = await Promise.allSettled([
      router.onDutyWorker(nodes.get('B1')!),
      router.onDutyWorker(nodes.get('B2')!),
      router.onDutyWorker(nodes.get('G1')!),
      router.onDutyWorker(999_999),
      router.onDutyWorker(nodes.get('B3')!),
    ]);
    const name = (r: PromiseSettledResult<{ name: string } | null>) => (r.status === 'fulfilled' ? (r.value?.name ?? null) : 'failed');
    expect([a, b, c, g3].map(name)).toEqual(['网格员甲', '网格员乙', '网格员甲', null]);
    expect(bad).toMatchObject({ status: 'rejected', reason: { code: 'GRID_NODE_NOT_FOUND' } });
    expect(counts).toBe(1);
    // alone, a call sees only the store's counts again
    expect((await router.onDutyWorker(nodes.get('B1')!))?.name).toBe('网格员甲');
    expect(counts).toBe(2);
  });
});
