// The dry-run preview of a grid import: what is new, what changes (and which fields), what stays.
import { describe, expect, it } from 'vitest';
import { diffGrid } from '../../../../src/core/grid/grid-diff.ts';
import type { GridSpec } from '../../../../src/core/ports/grid.repository.ts';
import { SMALL_GRID } from '../../../support/small-grid.ts';

describe('diffGrid', () => {
  it('finds nothing to change in the stored grid itself, whatever the order of tags, accounts and roles', () => {
    const shuffled: GridSpec = {
      nodes: [...SMALL_GRID.nodes].reverse(),
      groups: SMALL_GRID.groups.map((g) => ({ ...g, tags: [...g.tags].reverse() })),
      people: SMALL_GRID.people.map((p) => ({ ...p, identities: [...p.identities].reverse(), roles: [...p.roles].reverse() })),
    };
    expect(diffGrid(SMALL_GRID, shuffled)).toEqual({ changes: [], unchanged: { nodes: 5, groups: 2, people: 8 } });
  });

  it('names new entries and the fields of changed ones', () => {
    const incoming: GridSpec = {
      nodes: [
        { code: 'G3', name: '东园第三网格', level: 'GRID', parentCode: 'C1' },
        { code: 'U1', name: '20号楼', level: 'UNIT', parentCode: 'G2' },
      ],
      groups: [{ platform: 'WECHAT', externalId: 'room-20', title: '东园20号楼群', nodeCode: 'U1', tags: ['睦邻群', '新标签'] }],
      people: [
        { key: 'lin', name: '林网格员', identities: [{ platform: 'WECHAT', externalId: 'wx-lin' }], roles: [{ role: 'GRID_WORKER', nodeCode: 'G2' }] },
        { key: 'new', name: '新人', identities: [], roles: [] },
        // fewer accounts than stored: the import keeps the stored ones (it adds, never removes, accounts)
        { key: 'wu', name: '吴网格员', identities: [{ platform: 'WECHAT', externalId: 'wx-wu' }], roles: [{ role: 'GRID_WORKER', nodeCode: 'G2' }] },
        { key: 'chen', name: '陈网格员', identities: [{ platform: 'WECHAT', externalId: 'wx-chen' }, { platform: 'TELEGRAM', externalId: '2002' }], roles: [{ role: 'GRID_WORKER', nodeCode: 'G1' }] },
      ],
    };
    expect(diffGrid(SMALL_GRID, incoming)).toEqual({
      changes: [
        { section: 'nodes', key: 'G3', name: '东园第三网格', kind: 'added', fields: [] },
        { section: 'nodes', key: 'U1', name: '20号楼', kind: 'changed', fields: ['parent'] },
        { section: 'groups', key: 'WECHAT:room-20', name: '东园20号楼群', kind: 'changed', fields: ['title', 'tags'] },
        { section: 'people', key: 'lin', name: '林网格员', kind: 'changed', fields: ['roles'] },
        { section: 'people', key: 'new', name: '新人', kind: 'added', fields: [] },
        { section: 'people', key: 'chen', name: '陈网格员', kind: 'changed', fields: ['identities'] },
      ],
      unchanged: { nodes: 0, groups: 0, people: 1 },
    });
  });

  it('names skills and homes of a person as changed fields, in whatever order they are written', () => {
    const [lin, ...rest] = SMALL_GRID.people;
    const stored: GridSpec = { ...SMALL_GRID, people: [{ ...lin!, skills: ['陪诊', '代办'], homes: [{ nodeCode: 'U1', room: '1102' }, { nodeCode: 'G1', room: '3' }] }, ...rest] };
    const same = { ...stored.people[0]!, homes: [...stored.people[0]!.homes!].reverse() };
    expect(diffGrid(stored, { nodes: [], groups: [], people: [same] }).changes).toEqual([]);
    const moved = { ...same, skills: ['陪诊'], homes: [{ nodeCode: 'U1', room: '1103' }] };
    expect(diffGrid(stored, { nodes: [], groups: [], people: [moved] }).changes).toEqual([
      { section: 'people', key: lin!.key, name: lin!.name, kind: 'changed', fields: ['skills', 'homes'] },
    ]);
    // a person listed without homes loses them (the file replaces them, as it replaces roles)
    expect(diffGrid(stored, { nodes: [], groups: [], people: [{ ...lin! }] }).changes[0]?.fields).toEqual(['skills', 'homes']);
  });
});
