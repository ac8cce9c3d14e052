// The month's analysis is shared for a few minutes per (part of the grid, month): concurrent and repeated requests
// run it once, another month or another part of the grid runs its own, a failed run is not kept, and peek never runs
// one (the overview's panel). Over the real InsightsService, with a store double that counts its reads.
import { describe, expect, it } from 'vitest';
import { problemsCache } from '../../../src/adapters/insights/problems-cache.ts';
import { GridScope } from '../../../src/core/grid/grid-scope.ts';
import type { GridNode } from '../../../src/core/grid/grid.types.ts';
import { InsightsService } from '../../../src/core/insights/insights.service.ts';
import type { Appeal } from '../../../src/core/insights/insights.types.ts';

const node = (id: number, code: string, path: string): GridNode => ({ id, code, name: code, level: 'GRID', parentId: null, path }) as GridNode;
const G1 = node(1, 'G1', '/G1/');
const G2 = node(2, 'G2', '/G2/');

function insights(opts: { fail?: () => boolean } = {}) {
  const reads: string[] = [];
  const appeals: Appeal[] = [
    { id: '#1', text: '电梯坏了', time: new Date('2026-11-10T02:00:00Z'), user: 'a', category: 'facility_repair', place: '5号楼', gridNodeId: 1, ticketId: 1 },
    { id: '#2', text: '电梯又坏了', time: new Date('2026-11-12T02:00:00Z'), user: 'b', category: 'facility_repair', place: '5号楼', gridNodeId: 1, ticketId: 2 },
  ];
  const scope = {
    nodesWithin: async (roots: readonly { code: string }[]) => [G1, G2].filter((n) => roots.some((r) => r.code === n.code)),
    chain: async (id: number) => [G1, G2].filter((n) => n.id === id),
  } as unknown as GridScope;
  const service = new InsightsService({
    scope,
    appeals: {
      list: async (q) => {
        reads.push(`${q.gridNodeIds?.join(',')}@${q.until.toISOString()}`);
        if (opts.fail?.()) throw new Error('database went away');
        return appeals.filter((a) => !q.gridNodeIds || q.gridNodeIds.includes(a.gridNodeId!));
      },
    },
    people: { holders: async () => [] },
    segmenter: async () => ({ cut: (t: string) => [...t], addWords: () => {} }),
  });
  return { service, reads };
}

describe('problemsCache', () => {
  it('runs the analysis once per (roots, month), for concurrent and repeated requests', async () => {
    const { service, reads } = insights();
    const cache = problemsCache(service);
    const [a, b] = await Promise.all([cache.report([G1], '2026-11'), cache.report([G1], '2026-11')]);
    expect(a).toBe(b);
    expect(a.appealsInPeriod).toBe(2);
    expect(await cache.report([G1], '2026-11')).toBe(a);
    expect(reads).toHaveLength(1);
    await cache.report([G1], '2026-10');
    await cache.report([G2], '2026-11');
    await cache.report([G2, G1], '2026-11');
    expect(reads).toHaveLength(4);
    // the same roots in another order are the same part of the grid
    await cache.report([G1, G2], '2026-11');
    expect(reads).toHaveLength(4);
  });

  it('peeks without running, forgets after its time, and does not keep a failed run', async () => {
    let failing = true;
    const { service, reads } = insights({ fail: () => failing });
    const cache = problemsCache(service, { ttlMs: 60 });
    expect(cache.peek([G1], '2026-11')).toBeUndefined();
    expect(reads).toHaveLength(0);
    await expect(cache.report([G1], '2026-11')).rejects.toThrow('database went away');
    expect(cache.peek([G1], '2026-11')).toBeUndefined();
    failing = false;
    const r = await cache.report([G1], '2026-11');
    expect(reads).toHaveLength(2);
    expect(cache.peek([G1], '2026-11')).toBe(r);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(cache.peek([G1], '2026-11')).toBeUndefined();
    await cache.report([G1], '2026-11');
    expect(reads).toHaveLength(3);
  });
});
