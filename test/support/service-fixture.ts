// A grid for 三单式 service tests: SMALL_GRID with a volunteers' group (tagged 志愿者群) on community C1 and three
// volunteers, made through the grid import like any role: 刘 on the community, 孙 on grid G1; 郑楼栋长 (UNIT_HEAD)
// may take too. Residents write in building U1's group room-20 and grid G2's room-g2.
import type { GridSpec } from '../../src/core/ports/grid.repository.ts';
import { SMALL_GRID } from './small-grid.ts';

export const VOLUNTEER_ROOM = 'room-vol';
export const LIU = { id: 'wx-liu', name: '刘志愿' };
export const SUN = { id: 'wx-sun', name: '孙志愿' };

export const SERVICE_GRID: GridSpec = {
  ...SMALL_GRID,
  groups: [...SMALL_GRID.groups, { platform: 'WECHAT', externalId: VOLUNTEER_ROOM, title: '东园社区志愿者群', nodeCode: 'C1', tags: ['志愿者群'] }],
  people: [
    ...SMALL_GRID.people,
    { key: 'liu', name: LIU.name, identities: [{ platform: 'WECHAT', externalId: LIU.id }], roles: [{ role: 'VOLUNTEER', nodeCode: 'C1' }] },
    { key: 'sun', name: SUN.name, identities: [{ platform: 'WECHAT', externalId: SUN.id }], roles: [{ role: 'VOLUNTEER', nodeCode: 'G1' }] },
  ],
};
