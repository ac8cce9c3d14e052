// A grid for 议事 tests: grid G1 of community C1 has three groups (two on the grid, one on its building U1); grid G2
// has one group outside G1's topics. Residents live in rooms of building U1; the grid worker 林 lives nowhere there.
import type { GridSpec } from '../../src/core/ports/grid.repository.ts';
import { SMALL_GRID } from './small-grid.ts';

export const DELIBERATION_GRID: GridSpec = {
  ...SMALL_GRID,
  groups: [
    ...SMALL_GRID.groups,
    { platform: 'WECHAT', externalId: 'room-g1a', title: '东园一网格业主一群', nodeCode: 'G1', tags: ['业主群'] },
    { platform: 'WECHAT', externalId: 'room-g1b', title: '东园一网格业主二群', nodeCode: 'G1', tags: ['业主群'] },
  ],
};

/** The three groups of grid G1 and the one outside it. */
export const G1_GROUPS = ['room-20', 'room-g1a', 'room-g1b'] as const;
export const OUTSIDE_GROUP = 'room-g2';
