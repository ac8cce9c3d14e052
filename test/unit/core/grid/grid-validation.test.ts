import { describe, expect, it } from 'vitest';
import { isDomainError, ErrorCode } from '../../../../src/core/errors.ts';
import {
  GridFileError,
  orderNodesDepthFirst,
  parseGridLevel,
  parseRole,
  validateGridRecords,
  type GridRecords,
  type GridValidationResult,
} from '../../../../src/core/grid/grid-validation.ts';
import type { GridLevel } from '../../../../src/core/grid/grid.types.ts';
import type { GridSpec } from '../../../../src/core/ports/grid.repository.ts';

function good(): GridRecords {
  return {
    nodes: [
      { line: 2, code: 'D1', name: '荔城区', level: 'DISTRICT' },
      { line: 3, code: 'S1', name: '拱辰街道', level: 'STREET', parent: 'D1' },
      { line: 4, code: 'C1', name: '东园社区', level: 'COMMUNITY', parent: 'S1' },
      { line: 5, code: 'G01', name: '第一网格', level: 'GRID', parent: 'C1' },
      { line: 6, code: 'U20', name: '20号楼', level: 'UNIT', parent: 'G01' },
    ],
    groups: [{ line: 8, platform: 'WECHAT', id: 'room-20hao', title: '20号楼睦邻群', node: 'U20', tags: ['睦邻群'] }],
    people: [
      {
        line: 10,
        key: 'w-lin',
        name: '林网格员',
        identities: [
          { line: 10, platform: 'WECHAT', id: 'wxid_lin' },
          { line: 10, platform: 'TELEGRAM', id: '12345' },
        ],
        roles: [{ line: 10, role: 'GRID_WORKER', node: 'G01' }],
      },
      { line: 11, key: 'r-zhang', name: '张国华', identities: [{ line: 11, platform: 'WECHAT', id: 'wxid_zhang' }], roles: [] },
    ],
  };
}

/** The errors as lines and messages (the unknown code an error names, `missing`, is checked where it matters). */
function errorsOf(result: GridValidationResult): { line: number; message: string }[] {
  if (result.ok) throw new Error('expected errors, got a valid spec');
  return result.errors.map(({ line, message }) => ({ line, message }));
}

describe('validateGridRecords — a good file', () => {
  it('builds the spec', () => {
    const result = validateGridRecords(good());
    expect(result).toEqual({
      ok: true,
      spec: {
        nodes: [
          { code: 'D1', name: '荔城区', level: 'DISTRICT', parentCode: null },
          { code: 'S1', name: '拱辰街道', level: 'STREET', parentCode: 'D1' },
          { code: 'C1', name: '东园社区', level: 'COMMUNITY', parentCode: 'S1' },
          { code: 'G01', name: '第一网格', level: 'GRID', parentCode: 'C1' },
          { code: 'U20', name: '20号楼', level: 'UNIT', parentCode: 'G01' },
        ],
        groups: [{ platform: 'WECHAT', externalId: 'room-20hao', title: '20号楼睦邻群', nodeCode: 'U20', tags: ['睦邻群'] }],
        people: [
          {
            key: 'w-lin',
            name: '林网格员',
            identities: [
              { platform: 'WECHAT', externalId: 'wxid_lin' },
              { platform: 'TELEGRAM', externalId: '12345' },
            ],
            roles: [{ role: 'GRID_WORKER', nodeCode: 'G01' }],
          },
          { key: 'r-zhang', name: '张国华', identities: [{ platform: 'WECHAT', externalId: 'wxid_zhang' }], roles: [] },
        ],
      },
    });
  });

  it('puts parents before children, depth-first, whatever the file order', () => {
    const records: GridRecords = {
      nodes: [
        { line: 1, code: 'G2', name: 'g2', level: 'GRID', parent: 'C1' },
        { line: 2, code: 'C2', name: 'c2', level: 'COMMUNITY', parent: 'S1' },
        { line: 3, code: 'G1', name: 'g1', level: 'GRID', parent: 'C1' },
        { line: 4, code: 'S1', name: 's1', level: 'STREET' },
        { line: 5, code: 'C1', name: 'c1', level: 'COMMUNITY', parent: 'S1' },
        { line: 6, code: 'G3', name: 'g3', level: 'GRID', parent: 'C2' },
      ],
    };
    const result = validateGridRecords(records);
    expect(result.ok && result.spec.nodes.map((n) => n.code)).toEqual(['S1', 'C2', 'G3', 'C1', 'G2', 'G1']);
  });

  it('accepts Chinese level and role names, any case for codes, and a STREET root', () => {
    const result = validateGridRecords({
      nodes: [
        { line: 1, code: 'S1', name: '拱辰街道', level: '街道' },
        { line: 2, code: 'C1', name: '东园社区', level: '社区', parent: 'S1' },
        { line: 3, code: 'G1', name: '第一网格', level: '网格', parent: 'C1' },
        { line: 4, code: 'U1', name: '20号楼', level: '单元', parent: 'G1' },
        { line: 5, code: 'G2', name: '第二网格', level: 'grid', parent: 'C1' },
      ],
      groups: [{ line: 6, platform: 'wechat', id: 'room-1', title: '睦邻群', node: 'G1' }],
      people: [{ line: 7, key: 'p', name: '许桂兰', identities: [], roles: [{ line: 7, role: '楼栋长', node: 'U1' }] }],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.spec.nodes.map((n) => n.level)).toEqual(['STREET', 'COMMUNITY', 'GRID', 'UNIT', 'GRID']);
    expect(result.spec.groups[0]?.platform).toBe('WECHAT');
    expect(result.spec.people[0]?.roles).toEqual([{ role: 'UNIT_HEAD', nodeCode: 'U1' }]);
    expect(parseGridLevel('区')).toBe('DISTRICT');
    expect(parseGridLevel('村居')).toBe('COMMUNITY');
    expect(parseGridLevel('楼')).toBeNull();
    expect(parseRole('网格员')).toBe('GRID_WORKER');
  });

  it('accepts references to codes already in the store', () => {
    const existingCodes = new Map<string, GridLevel>([
      ['S1', 'STREET'],
      ['C1', 'COMMUNITY'],
    ]);
    const records: GridRecords = {
      nodes: [{ line: 2, code: 'G9', name: '新网格', level: 'GRID', parent: 'C1' }],
      groups: [{ line: 4, platform: 'WECHAT', id: 'room-c1', title: '东园社区群', node: 'C1' }],
      people: [{ line: 6, key: 'cs', name: '刘淑芬', identities: [], roles: [{ line: 6, role: 'COMMUNITY_STAFF', node: 'C1' }] }],
    };
    expect(validateGridRecords(records, { existingCodes }).ok).toBe(true);
    expect(errorsOf(validateGridRecords(records))).toEqual([
      { line: 2, message: 'unknown parent code "C1" for node G9' },
      { line: 4, message: 'unknown node code "C1" for group room-c1' },
      { line: 6, message: 'unknown node code "C1" in COMMUNITY_STAFF of person cs' },
    ]);
    // The level of an existing parent still counts.
    const wrong = validateGridRecords(
      { nodes: [{ line: 3, code: 'G9', name: '新网格', level: 'GRID', parent: 'S1' }] },
      { existingCodes },
    );
    expect(errorsOf(wrong)).toEqual([
      { line: 3, message: 'node G9 is a GRID, its parent must be a COMMUNITY but S1 is a STREET' },
    ]);
  });

  it('drops repeated identities, roles and tags within one record', () => {
    const r = good();
    r.people![0]!.identities!.push({ line: 10, platform: 'WECHAT', id: 'wxid_lin' });
    r.people![0]!.roles!.push({ line: 10, role: 'GRID_WORKER', node: 'G01' });
    r.groups![0]!.tags = ['睦邻群', '睦邻群'];
    const result = validateGridRecords(r);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.spec.people[0]?.identities).toHaveLength(2);
    expect(result.spec.people[0]?.roles).toHaveLength(1);
    expect(result.spec.groups[0]?.tags).toEqual(['睦邻群']);
  });
});

describe('validateGridRecords — node errors', () => {
  const one = (nodes: GridRecords['nodes']) => errorsOf(validateGridRecords({ nodes }));

  it('missing fields', () => {
    expect(one([{ line: 2, name: '荔城区', level: 'DISTRICT' }])).toEqual([{ line: 2, message: 'node is missing code' }]);
    expect(one([{ line: 3, code: 'D1', level: 'DISTRICT' }])).toEqual([{ line: 3, message: 'node D1 is missing name' }]);
    expect(one([{ line: 4, code: 'D1', name: ' ', level: 'DISTRICT' }])).toEqual([{ line: 4, message: 'node D1 is missing name' }]);
    expect(one([{ line: 5, code: 'D1', name: '荔城区' }])).toEqual([{ line: 5, message: 'node D1 is missing level' }]);
  });

  it('code format', () => {
    expect(one([{ line: 2, code: 'G 01', name: 'x', level: 'DISTRICT' }])).toEqual([
      { line: 2, message: 'invalid code "G 01" (use letters, digits, - _ . and 1–64 characters)' },
    ]);
    expect(one([{ line: 3, code: '东园', name: 'x', level: 'DISTRICT' }])[0]?.message).toMatch(/^invalid code "东园"/);
    expect(one([{ line: 4, code: 'x'.repeat(65), name: 'x', level: 'DISTRICT' }])[0]?.line).toBe(4);
    expect(validateGridRecords({ nodes: [{ line: 1, code: 'a.B_c-9', name: 'x', level: 'DISTRICT' }] }).ok).toBe(true);
    expect(validateGridRecords({ nodes: [{ line: 1, code: 'x'.repeat(64), name: 'x', level: 'DISTRICT' }] }).ok).toBe(true);
  });

  it('unknown level', () => {
    expect(one([{ line: 2, code: 'D1', name: 'x', level: 'CITY' }])).toEqual([
      { line: 2, message: 'unknown level "CITY" for node D1 (use DISTRICT, STREET, COMMUNITY, GRID, UNIT or 区, 街道, 社区, 网格, 单元)' },
    ]);
  });

  it('duplicate code, reported on the second line with the first', () => {
    expect(
      one([
        { line: 4, code: 'G01', name: 'a', level: 'STREET' },
        { line: 9, code: 'G01', name: 'b', level: 'STREET' },
      ]),
    ).toEqual([{ line: 9, message: 'duplicate code G01 (first defined on line 4)' }]);
  });

  it('unknown parent', () => {
    expect(
      one([
        { line: 2, code: 'S1', name: 's', level: 'STREET' },
        { line: 12, code: 'G7', name: 'g', level: 'GRID', parent: 'C9' },
      ]),
    ).toEqual([{ line: 12, message: 'unknown parent code "C9" for node G7' }]);
  });

  it('parent of the wrong level', () => {
    expect(
      one([
        { line: 2, code: 'S1', name: 's', level: 'STREET' },
        { line: 3, code: 'G1', name: 'g', level: 'GRID', parent: 'S1' },
        { line: 4, code: 'D2', name: 'd', level: 'DISTRICT', parent: 'S1' },
      ]),
    ).toEqual([
      { line: 3, message: 'node G1 is a GRID, its parent must be a COMMUNITY but S1 is a STREET' },
      { line: 4, message: 'node D2 is a DISTRICT and cannot have a parent (S1 given)' },
    ]);
  });

  it('roots only for DISTRICT and STREET', () => {
    expect(
      one([
        { line: 2, code: 'D1', name: 'd', level: 'DISTRICT' },
        { line: 3, code: 'S1', name: 's', level: 'STREET' },
        { line: 4, code: 'C1', name: 'c', level: 'COMMUNITY' },
      ]),
    ).toEqual([{ line: 4, message: 'node C1 is a COMMUNITY and needs a STREET parent (only DISTRICT, STREET may be roots)' }]);
  });

  it('cycles: each node on the cycle reported once', () => {
    const errors = one([
      { line: 2, code: 'A', name: 'a', level: 'GRID', parent: 'B' },
      { line: 3, code: 'B', name: 'b', level: 'GRID', parent: 'C' },
      { line: 4, code: 'C', name: 'c', level: 'GRID', parent: 'A' },
      { line: 5, code: 'T', name: 't', level: 'UNIT', parent: 'A' },
      { line: 6, code: 'S', name: 's', level: 'UNIT', parent: 'S' },
    ]);
    expect(errors.filter((e) => e.message.includes('cycle'))).toEqual([
      { line: 2, message: 'node A is in a parent cycle: A → B → C → A' },
      { line: 3, message: 'node B is in a parent cycle: B → C → A → B' },
      { line: 4, message: 'node C is in a parent cycle: C → A → B → C' },
      { line: 6, message: 'node S is in a parent cycle: S → S' },
    ]);
    // The same cycle with no level mistakes in the way: levels unknown, the cycle alone is reported.
    expect(
      one([
        { line: 7, code: 'X', name: 'x', level: '?', parent: 'Y' },
        { line: 8, code: 'Y', name: 'y', level: '?', parent: 'X' },
      ]).filter((e) => e.message.includes('cycle')),
    ).toEqual([
      { line: 7, message: 'node X is in a parent cycle: X → Y → X' },
      { line: 8, message: 'node Y is in a parent cycle: Y → X → Y' },
    ]);
  });
});

describe('validateGridRecords — group errors', () => {
  const groups = (g: NonNullable<GridRecords['groups']>) => errorsOf(validateGridRecords({ ...good(), groups: g }));

  it('unknown node, bad platform, missing fields, duplicate (platform, id)', () => {
    expect(
      groups([
        { line: 20, platform: 'WECHAT', id: 'room-1', title: 't', node: 'G99' },
        { line: 21, platform: 'QQ', id: 'room-2', title: 't', node: 'G01' },
        { line: 22, platform: 'WECHAT', title: 't', node: 'G01' },
        { line: 23, id: 'room-3', node: 'G01' },
        { line: 24, platform: 'WECHAT', id: 'room-1', title: 't', node: 'G01' },
        { line: 25, platform: 'TELEGRAM', id: 'room-1', title: 't', node: 'G01' },
      ]),
    ).toEqual([
      { line: 20, message: 'unknown node code "G99" for group room-1' },
      { line: 21, message: 'unknown platform "QQ" for group room-2 (use WECHAT or TELEGRAM)' },
      { line: 22, message: 'group is missing id' },
      { line: 23, message: 'group room-3 is missing platform' },
      { line: 23, message: 'group room-3 is missing title' },
      { line: 24, message: 'duplicate group WECHAT room-1 (first defined on line 20)' },
    ]);
  });
});

describe('validateGridRecords — people errors', () => {
  const people = (p: NonNullable<GridRecords['people']>) => errorsOf(validateGridRecords({ ...good(), people: p }));

  it('duplicate key, unknown role, unknown node in a role, missing fields', () => {
    expect(
      people([
        { line: 30, key: 'w1', name: 'a', identities: [], roles: [{ line: 31, role: 'MAYOR', node: 'G01' }] },
        { line: 32, key: 'w1', name: 'b', identities: [], roles: [{ line: 33, role: 'GRID_WORKER', node: 'G77' }] },
        { line: 34, name: 'c', identities: [], roles: [{ line: 35, role: 'GRID_HEAD' }] },
        { line: 36, key: 'w4', identities: [], roles: [] },
      ]),
    ).toEqual([
      {
        line: 31,
        message:
          'unknown role "MAYOR" for person w1 (use GRID_WORKER, GRID_HEAD, UNIT_HEAD, COMMUNITY_STAFF, STREET_STAFF, DEPARTMENT, LEADER, ADMIN, VOLUNTEER)',
      },
      { line: 32, message: 'duplicate person key w1 (first defined on line 30)' },
      { line: 33, message: 'unknown node code "G77" in GRID_WORKER of person w1' },
      { line: 34, message: 'person is missing key' },
      { line: 35, message: 'GRID_HEAD of person is missing node' },
      { line: 36, message: 'person w4 is missing name' },
    ]);
  });

  it('the same identity on two people', () => {
    expect(
      people([
        { line: 40, key: 'a', name: 'a', identities: [{ line: 40, platform: 'WECHAT', id: 'wxid_x' }], roles: [] },
        { line: 41, key: 'b', name: 'b', identities: [{ line: 41, platform: 'TELEGRAM', id: 'wxid_x' }], roles: [] },
        { line: 42, key: 'c', name: 'c', identities: [{ line: 43, platform: 'WECHAT', id: 'wxid_x' }], roles: [] },
        { line: 44, key: 'd', name: 'd', identities: [{ line: 44, platform: 'WECHAT', id: '' }], roles: [] },
      ]),
    ).toEqual([
      { line: 43, message: 'duplicate identity WECHAT wxid_x (already used by person a on line 40)' },
      { line: 44, message: 'person d has an empty WECHAT id' },
    ]);
  });
});

describe('validateGridRecords — many errors at once', () => {
  it('reports every error, sorted by line', () => {
    const records: GridRecords = {
      nodes: [
        { line: 2, code: 'D1', name: '荔城区', level: 'DISTRICT' },
        { line: 3, code: 'D1', name: '又一个', level: 'DISTRICT' },
        { line: 4, code: 'G7', name: 'g', level: 'GRID', parent: 'C9' },
        { line: 5, code: 'bad code', name: 'x', level: 'LEVEL' },
      ],
      groups: [{ line: 7, platform: 'WECHAT', id: 'room-1', title: 't', node: 'nowhere' }],
      people: [{ line: 9, key: 'p', name: 'p', identities: [], roles: [{ line: 9, role: 'KING', node: 'D1' }] }],
    };
    expect(errorsOf(validateGridRecords(records))).toEqual([
      { line: 3, message: 'duplicate code D1 (first defined on line 2)' },
      { line: 4, message: 'unknown parent code "C9" for node G7' },
      { line: 5, message: 'invalid code "bad code" (use letters, digits, - _ . and 1–64 characters)' },
      { line: 5, message: 'unknown level "LEVEL" for node (use DISTRICT, STREET, COMMUNITY, GRID, UNIT or 区, 街道, 社区, 网格, 单元)' },
      { line: 7, message: 'unknown node code "nowhere" for group room-1' },
      {
        line: 9,
        message:
          'unknown role "KING" for person p (use GRID_WORKER, GRID_HEAD, UNIT_HEAD, COMMUNITY_STAFF, STREET_STAFF, DEPARTMENT, LEADER, ADMIN, VOLUNTEER)',
      },
    ]);
  });
});

describe('GridFileError', () => {
  it('is a GRID_INVALID domain error that formats file:line: message', () => {
    const e = new GridFileError(
      [
        { line: 12, message: 'unknown parent code "C9" for node G7' },
        { line: 14, message: 'node G8 is missing name' },
      ],
      'grid.yaml',
    );
    expect(isDomainError(e, ErrorCode.GridInvalid)).toBe(true);
    expect(e.errors).toHaveLength(2);
    expect(e.format()).toBe('grid.yaml:12: unknown parent code "C9" for node G7\ngrid.yaml:14: node G8 is missing name');
    expect(e.message).toContain('grid.yaml: 2 errors');
  });

  it('names once a node left out that many lines name (one missing grid made an error of every line under it)', () => {
    const records = good();
    // the grid G01 left out: its building, the building's group (fine: U20 is in the file) and the worker's role name it
    records.nodes = records.nodes.filter((n) => n.code !== 'G01');
    records.nodes.push({ line: 7, code: 'U21', name: '21号楼', level: 'UNIT', parent: 'G01' });
    const result = validateGridRecords(records);
    if (result.ok) throw new Error('expected errors');
    const e = new GridFileError(result.errors, 'grid.yaml');
    expect(e.format().split('\n')).toEqual([
      'grid.yaml:6: unknown parent code "G01" for node U20',
      'grid.yaml:7: unknown parent code "G01" for node U21',
      expect.stringMatching(/^grid\.yaml:10: unknown node code "G01" in /),
      'grid.yaml: node code "G01" is named on 3 lines (6, 7, 10) but is in neither this file nor the store: add the node, or correct the code',
    ]);
    // a code named once is its own line's error, no summary
    expect(new GridFileError([{ line: 12, message: 'unknown parent code "C9" for node G7', missing: 'C9' }], 'g.yaml').format()).toBe('g.yaml:12: unknown parent code "C9" for node G7');
  });
});

describe('orderNodesDepthFirst', () => {
  it('is idempotent and keeps nodes on a cycle at the end', () => {
    const nodes = [
      { code: 'G1', parentCode: 'C1' },
      { code: 'X', parentCode: 'Y' },
      { code: 'C1', parentCode: 'EXT' },
      { code: 'Y', parentCode: 'X' },
    ];
    const once = orderNodesDepthFirst(nodes);
    expect(once.map((n) => n.code)).toEqual(['C1', 'G1', 'X', 'Y']);
    expect(orderNodesDepthFirst(once)).toEqual(once);
  });
});

describe('validateGridRecords — merged with the stored grid', () => {
  // street S1 > community C1 > grids G1, G2 > units U1, U2 (under G1); one worker on G1
  const stored: GridSpec = {
    nodes: [
      { code: 'S1', name: '拱辰街道', level: 'STREET', parentCode: null },
      { code: 'C1', name: '东园社区', level: 'COMMUNITY', parentCode: 'S1' },
      { code: 'G1', name: '第一网格', level: 'GRID', parentCode: 'C1' },
      { code: 'G2', name: '第二网格', level: 'GRID', parentCode: 'C1' },
      { code: 'U1', name: '1号楼', level: 'UNIT', parentCode: 'G1' },
      { code: 'U2', name: '2号楼', level: 'UNIT', parentCode: 'G1' },
    ],
    groups: [{ platform: 'WECHAT', externalId: 'room-1', title: '1号楼群', nodeCode: 'U1', tags: [] }],
    people: [
      { key: 'lin', name: '林', identities: [{ platform: 'WECHAT', externalId: 'wx-lin' }], roles: [{ role: 'GRID_WORKER', nodeCode: 'G1' }] },
    ],
  };
  const merged = (records: GridRecords) => validateGridRecords(records, { stored });

  it('refuses a cycle through stored nodes, on the line of the node that closes it', () => {
    // C1 made a unit under its own grid G1: C1 → G1 → C1
    const errors = errorsOf(merged({ nodes: [{ line: 3, code: 'C1', name: '东园社区', level: 'UNIT', parent: 'G1' }] }));
    expect(errors.map((e) => e.line)).toEqual(errors.map(() => 3));
    expect(errors.map((e) => e.message)).toContain('node C1 is in a parent cycle: C1 → G1 → C1');
    // the same file with no store behind it is only an unknown parent
    expect(errorsOf(validateGridRecords({ nodes: [{ line: 3, code: 'C1', name: '东园社区', level: 'UNIT', parent: 'G1' }] }))).toEqual([
      { line: 3, message: 'unknown parent code "G1" for node C1' },
    ]);
  });

  it('refuses a cycle of file and stored nodes, each file node on its own line', () => {
    const errors = errorsOf(
      merged({
        nodes: [
          { line: 2, code: 'S1', name: 's', level: 'STREET', parent: 'X' },
          { line: 3, code: 'X', name: 'x', level: 'DISTRICT', parent: 'C1' },
        ],
      }),
    ).filter((e) => e.message.includes('cycle'));
    expect(errors).toEqual([
      { line: 2, message: 'node S1 is in a parent cycle: S1 → X → C1 → S1' },
      { line: 3, message: 'node X is in a parent cycle: X → C1 → S1 → X' },
    ]);
  });

  it('refuses a level change that leaves stored children under the wrong level, naming them', () => {
    expect(errorsOf(merged({ nodes: [{ line: 4, code: 'G1', name: '第一网格', level: 'COMMUNITY', parent: 'S1' }] }))).toEqual([
      { line: 4, message: 'node G1 is now a COMMUNITY and can no longer hold its stored children U1 (UNIT), U2 (UNIT): keep it a GRID or move them first' },
    ]);
    // moving the children in the same file makes the change valid
    const ok = merged({
      nodes: [
        { line: 4, code: 'G1', name: '第一网格', level: 'COMMUNITY', parent: 'S1' },
        { line: 5, code: 'G3', name: '新网格', level: 'GRID', parent: 'G1' },
        { line: 6, code: 'U1', name: '1号楼', level: 'UNIT', parent: 'G3' },
        { line: 7, code: 'U2', name: '2号楼', level: 'UNIT', parent: 'G2' },
      ],
    });
    expect(ok.ok).toBe(true);
  });

  it('checks a file node against the stored level of its parent, and lets the file change that level', () => {
    expect(errorsOf(merged({ nodes: [{ line: 2, code: 'U9', name: 'u', level: 'UNIT', parent: 'C1' }] }))).toEqual([
      { line: 2, message: 'node U9 is a UNIT, its parent must be a GRID but C1 is a COMMUNITY' },
    ]);
    // G2 (no children) becomes a COMMUNITY in the same file: a GRID may hang under it
    const ok = merged({
      nodes: [
        { line: 2, code: 'G2', name: '二', level: 'COMMUNITY', parent: 'S1' },
        { line: 3, code: 'G9', name: '九', level: 'GRID', parent: 'G2' },
      ],
    });
    expect(ok.ok).toBe(true);
  });

  it('refuses an identity that belongs to another stored person', () => {
    const errors = errorsOf(
      merged({
        nodes: [],
        people: [{ line: 8, key: 'new', name: '新人', identities: [{ line: 8, platform: 'WECHAT', id: 'wx-lin' }], roles: [] }],
      }),
    );
    expect(errors).toEqual([{ line: 8, message: 'duplicate identity WECHAT wx-lin (already used by stored person lin)' }]);
    // the same person may repeat their own identity
    expect(
      merged({ nodes: [], people: [{ line: 8, key: 'lin', name: '林', identities: [{ line: 8, platform: 'WECHAT', id: 'wx-lin' }], roles: [] }] }).ok,
    ).toBe(true);
  });

  it('accepts the stored grid itself, and references to stored nodes', () => {
    const records: GridRecords = {
      nodes: stored.nodes.map((n, i) => ({ line: i + 2, code: n.code, name: n.name, level: n.level, parent: n.parentCode })),
      groups: [{ line: 20, platform: 'WECHAT', id: 'room-2', title: '2号楼群', node: 'U2' }],
      people: [{ line: 21, key: 'zhang', name: '张', identities: [], roles: [{ line: 21, role: 'UNIT_HEAD', node: 'U2' }] }],
    };
    expect(merged(records).ok).toBe(true);
  });

  it('places homes on nodes of the merged grid: a stored node or one the file adds, each error on its line', () => {
    const person = (line: number, homes: { line: number; node?: unknown; room?: unknown }[], skills?: unknown) => ({
      line,
      key: `p${line}`,
      name: '张',
      identities: [],
      roles: [],
      homes,
      ...(skills === undefined ? {} : { skills: { line, value: skills } }),
    });
    const ok = merged({
      nodes: [{ line: 2, code: 'U9', name: '9号楼', level: 'UNIT', parent: 'G1' }],
      people: [person(5, [{ line: 5, node: 'U1', room: '1102' }, { line: 6, node: 'U9', room: '3-1' }], ['小修'])],
    });
    expect(ok.ok && ok.spec.people[0]).toMatchObject({ skills: ['小修'], homes: [{ nodeCode: 'U1', room: '1102' }, { nodeCode: 'U9', room: '3-1' }] });
    // without the store behind it, U1 is unknown
    expect(errorsOf(validateGridRecords({ nodes: [], people: [person(5, [{ line: 6, node: 'U1', room: '1102' }])] }))).toEqual([
      { line: 6, message: 'unknown node code "U1" in home of person p5' },
    ]);
    expect(errorsOf(merged({ nodes: [], people: [person(5, [{ line: 6, node: 'U1', room: ' ' }, { line: 7, node: 7, room: 'x y' }], [1])] }))).toEqual([
      { line: 5, message: 'invalid skill 1 for person p5 (a skill is a word like 陪诊)' },
      { line: 6, message: 'home of person p5 is missing room' },
      { line: 7, message: 'unknown node code "7" in home of person p5' },
      { line: 7, message: 'invalid room "x y" in home of person p5 (letters, digits and dashes, at most 32, like "1102" or "2单元1102")' },
    ]);
  });
});
