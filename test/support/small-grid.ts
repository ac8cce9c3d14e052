// A small grid used by contract and lifecycle tests: street S1 > community C1 > grids G1, G2 > unit U1 (under G1).
import type { GridSpec } from '../../src/core/ports/grid.repository.ts';

export const SMALL_GRID: GridSpec = {
  nodes: [
    { code: 'S1', name: '拱辰街道', level: 'STREET', parentCode: null },
    { code: 'C1', name: '东园社区', level: 'COMMUNITY', parentCode: 'S1' },
    { code: 'G1', name: '东园第一网格', level: 'GRID', parentCode: 'C1' },
    { code: 'G2', name: '东园第二网格', level: 'GRID', parentCode: 'C1' },
    { code: 'U1', name: '20号楼', level: 'UNIT', parentCode: 'G1' },
  ],
  groups: [
    { platform: 'WECHAT', externalId: 'room-20', title: '东园20号楼睦邻群', nodeCode: 'U1', tags: ['睦邻群'] },
    { platform: 'WECHAT', externalId: 'room-g2', title: '东园二网格业主群', nodeCode: 'G2', tags: ['业主群'] },
  ],
  people: [
    { key: 'lin', name: '林网格员', identities: [{ platform: 'WECHAT', externalId: 'wx-lin' }], roles: [{ role: 'GRID_WORKER', nodeCode: 'G1' }] },
    { key: 'chen', name: '陈网格员', identities: [{ platform: 'WECHAT', externalId: 'wx-chen' }], roles: [{ role: 'GRID_WORKER', nodeCode: 'G1' }] },
    { key: 'wu', name: '吴网格员', identities: [{ platform: 'WECHAT', externalId: 'wx-wu' }, { platform: 'TELEGRAM', externalId: '1001' }], roles: [{ role: 'GRID_WORKER', nodeCode: 'G2' }] },
    { key: 'zheng', name: '郑楼栋长', identities: [{ platform: 'WECHAT', externalId: 'wx-zheng' }], roles: [{ role: 'UNIT_HEAD', nodeCode: 'U1' }] },
    { key: 'huang', name: '黄主任', identities: [{ platform: 'WECHAT', externalId: 'wx-huang' }], roles: [{ role: 'COMMUNITY_STAFF', nodeCode: 'C1' }] },
    { key: 'xu', name: '许科长', identities: [{ platform: 'WECHAT', externalId: 'wx-xu' }], roles: [{ role: 'STREET_STAFF', nodeCode: 'S1' }] },
    { key: 'cg', name: '城管中队', identities: [{ platform: 'WECHAT', externalId: 'wx-cg' }], roles: [{ role: 'DEPARTMENT', nodeCode: 'S1' }] },
    { key: 'boss', name: '王书记', identities: [{ platform: 'WECHAT', externalId: 'wx-boss' }], roles: [{ role: 'LEADER', nodeCode: 'S1' }] },
  ],
};
