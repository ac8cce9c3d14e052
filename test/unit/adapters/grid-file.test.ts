import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  gridFormatOf,
  parseGridText,
  readGridFile,
  readGridRecords,
  writeGridYaml,
} from '../../../src/adapters/files/grid-file.ts';
import { GridFileError } from '../../../src/core/grid/grid-validation.ts';
import type { GridSpec } from '../../../src/core/ports/grid.repository.ts';
import { VOLUNTEER_GROUP_TAG } from '../../../src/core/service/service.types.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const demoPath = path.join(root, 'data/demo-grid.yaml');

/** The errors a text produces, as `line: message`. */
function errorsOf(text: string, format: 'yaml' | 'csv' = 'yaml'): string[] {
  try {
    parseGridText(text, format);
  } catch (e) {
    if (e instanceof GridFileError) return e.errors.map((x) => `${x.line}: ${x.message}`);
    throw e;
  }
  throw new Error('expected the file to be rejected');
}

const GOOD = `# 拱辰街道
nodes:
  - { code: "350304", name: "荔城区", level: DISTRICT }
  - { code: "350304001", name: "拱辰街道", level: STREET, parent: "350304" }
  - code: "C01"
    name: 东园社区
    level: COMMUNITY
    parent: "350304001"
  - { code: G01, name: "第一网格", level: GRID, parent: C01 }
groups:
  - { platform: WECHAT, id: "room-20hao", title: "20号楼睦邻群", node: "G01", tags: [睦邻群] }
people:
  - { key: "w-lin", name: "林网格员", wechat: "wxid_lin", telegram: 12345, roles: [{ role: GRID_WORKER, node: "G01" }] }
  - key: r-zhang
    name: 张国华
    wechat: [wxid_zhang, wxid_zhang2]
`;

describe('parseGridText — YAML', () => {
  it('reads a good file', () => {
    expect(parseGridText(GOOD, 'yaml')).toEqual({
      nodes: [
        { code: '350304', name: '荔城区', level: 'DISTRICT', parentCode: null },
        { code: '350304001', name: '拱辰街道', level: 'STREET', parentCode: '350304' },
        { code: 'C01', name: '东园社区', level: 'COMMUNITY', parentCode: '350304001' },
        { code: 'G01', name: '第一网格', level: 'GRID', parentCode: 'C01' },
      ],
      groups: [{ platform: 'WECHAT', externalId: 'room-20hao', title: '20号楼睦邻群', nodeCode: 'G01', tags: ['睦邻群'] }],
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
        {
          key: 'r-zhang',
          name: '张国华',
          identities: [
            { platform: 'WECHAT', externalId: 'wxid_zhang' },
            { platform: 'WECHAT', externalId: 'wxid_zhang2' },
          ],
          roles: [],
        },
      ],
    });
  });

  it('keeps unquoted numeric codes as written (leading zeros, exponents)', () => {
    const spec = parseGridText(
      `nodes:\n  - { code: 0350, name: a, level: DISTRICT }\n  - { code: 1e3, name: 2024, level: STREET, parent: 0350 }\n`,
      'yaml',
    );
    expect(spec.nodes.map((n) => [n.code, n.name, n.parentCode])).toEqual([
      ['0350', 'a', null],
      ['1e3', '2024', '0350'],
    ]);
  });

  it('accepts Chinese level names', () => {
    const spec = parseGridText(
      `nodes:
  - { code: D1, name: 荔城区, level: 区 }
  - { code: S1, name: 拱辰街道, level: 街道, parent: D1 }
  - { code: C1, name: 东园社区, level: 社区, parent: S1 }
  - { code: G1, name: 第一网格, level: 网格, parent: C1 }
  - { code: U1, name: 20号楼, level: 单元, parent: G1 }
`,
      'yaml',
    );
    expect(spec.nodes.map((n) => n.level)).toEqual(['DISTRICT', 'STREET', 'COMMUNITY', 'GRID', 'UNIT']);
  });

  it('reports each error kind on its exact line', () => {
    const text = `nodes:
  - { code: "D1", name: "荔城区", level: DISTRICT }
  - { code: "S1", name: "拱辰街道", level: STREET, parent: "D1" }
  - { code: "C1", name: "东园社区", level: COMMUNITY, parent: "S1" }
  - { code: "C1", name: "西园社区", level: COMMUNITY, parent: "S1" }
  - { code: "G7", name: "第七网格", level: GRID, parent: "C9" }
  - { code: "G8", name: "第八网格", level: GRID, parent: "S1" }
  - { code: "G 9", name: "坏编码", level: GRID, parent: "C1" }
  - { code: "X1", name: "城市", level: CITY, parent: "D1" }
  - code: "G10"
    level: GRID
    parent: "C1"
  - { code: "C2", name: "无上级社区", level: COMMUNITY }
groups:
  - { platform: WECHAT, id: "room-1", title: "1号楼睦邻群", node: "G99" }
  - { platform: QQ, id: "room-2", title: "2号楼睦邻群", node: "C1" }
  - { platform: WECHAT, id: "room-1", title: "重复群", node: "C1" }
people:
  - { key: "w1", name: "林秀珍", wechat: "wxid_a", roles: [{ role: GRID_WORKER, node: "C1" }] }
  - key: "w1"
    name: "陈志强"
    wechat: "wxid_a"
    roles:
      - { role: MAYOR, node: "C1" }
      - { role: GRID_WORKER, node: "G77" }
`;
    expect(errorsOf(text)).toEqual([
      '5: duplicate code C1 (first defined on line 4)',
      '6: unknown parent code "C9" for node G7',
      '7: node G8 is a GRID, its parent must be a COMMUNITY but S1 is a STREET',
      '8: invalid code "G 9" (use letters, digits, - _ . and 1–64 characters)',
      '9: unknown level "CITY" for node X1 (use DISTRICT, STREET, COMMUNITY, GRID, UNIT or 区, 街道, 社区, 网格, 单元)',
      '10: node G10 is missing name',
      '13: node C2 is a COMMUNITY and needs a STREET parent (only DISTRICT, STREET may be roots)',
      '15: unknown node code "G99" for group room-1',
      '16: unknown platform "QQ" for group room-2 (use WECHAT or TELEGRAM)',
      '17: duplicate group WECHAT room-1 (first defined on line 15)',
      '20: duplicate person key w1 (first defined on line 19)',
      '22: duplicate identity WECHAT wxid_a (already used by person w1 on line 19)',
      '24: unknown role "MAYOR" for person w1 (use GRID_WORKER, GRID_HEAD, UNIT_HEAD, COMMUNITY_STAFF, STREET_STAFF, DEPARTMENT, LEADER, ADMIN, VOLUNTEER)',
      '25: unknown node code "G77" in GRID_WORKER of person w1',
    ]);
  });

  it('reports a cycle on each node of it', () => {
    const errors = errorsOf(`nodes:
  - { code: A, name: a, level: GRID, parent: B }
  - { code: B, name: b, level: GRID, parent: A }
`);
    expect(errors.filter((e) => e.includes('cycle'))).toEqual([
      '2: node A is in a parent cycle: A → B → A',
      '3: node B is in a parent cycle: B → A → B',
    ]);
  });

  it('reports unknown fields and sections, items that are not mappings, and YAML syntax errors', () => {
    expect(
      errorsOf(`nodes:
  - { code: D1, nmae: 荔城区, level: DISTRICT }
  - just a string
grid:
  - x
people:
  - { key: p, name: p, roles: GRID_WORKER }
`),
    ).toEqual([
      '2: unknown field "nmae" in node (expected code, name, level, parent)',
      '2: node D1 is missing name',
      '3: each node must be a mapping like { code: …, name: … }',
      '4: unknown section "grid" (expected nodes, groups, people)',
      '7: roles must be a list like [{ role: GRID_WORKER, node: "G01" }]',
    ]);
    expect(errorsOf(`nodes:\n  - { code: D1, name: 荔城区, level: DISTRICT }\n   - { code: S1 }\n`)).toEqual([
      '3: YAML syntax: All sequence items must start at the same column',
    ]);
    expect(errorsOf(`nodes:\n  - { code: D1, name: a, level: DISTRICT, code: D2 }\n`)[0]).toMatch(/^2: YAML syntax: /);
    expect(errorsOf('')).toEqual(['1: the file defines no nodes, groups or people']);
    expect(errorsOf('- a\n- b\n')).toEqual(['1: the file must be a mapping with nodes, groups and people']);
  });

  it('reads skills and homes (志愿者 as a role), and reports each of their errors on its line', () => {
    const head = `nodes:
  - { code: "S1", name: "拱辰街道", level: 街道 }
  - { code: "C1", name: "东园社区", level: 社区, parent: "S1" }
  - { code: "G1", name: "第一网格", level: 网格, parent: "C1" }
  - { code: "U20", name: "20号楼", level: 单元, parent: "G1" }
people:
`;
    const good = parseGridText(
      head +
        `  - { key: v1, name: 陈爱萍, roles: [{ role: 志愿者, node: C1 }], skills: [陪诊, " 代办 ", 陪诊], homes: [{ node: U20, room: 1102 }] }
  - key: r1
    name: 张国华
    homes:
      - { node: U20, room: "1102" }
      - { node: G1, room: 2单元1102 }
`,
      'yaml',
    );
    expect(good.people).toEqual([
      { key: 'v1', name: '陈爱萍', identities: [], roles: [{ role: 'VOLUNTEER', nodeCode: 'C1' }], skills: ['陪诊', '代办'], homes: [{ nodeCode: 'U20', room: '1102' }] },
      { key: 'r1', name: '张国华', identities: [], roles: [], homes: [{ nodeCode: 'U20', room: '1102' }, { nodeCode: 'G1', room: '2单元1102' }] },
    ]);

    const many = Array.from({ length: 21 }, (_, i) => `s${i}`).join(', ');
    const text =
      head +
      `  - { key: a, name: a, skills: 陪诊 }
  - { key: b, name: b, skills: ["", 一二三四五六七八九十一二三四五六七八九十一, [x]] }
  - { key: c, name: c, skills: [${many}] }
  - key: d
    name: d
    skills:
      - 送餐
      - { what: 小修 }
    homes:
      - { node: U99, room: "1" }
      - { node: U20 }
      - { room: "2" }
      - { node: U20, room: "11/02" }
      - { node: G1, room: "301" }
      - { node: G1, room: "302" }
      - { node: G1, room: "301", floor: 3 }
  - { key: e, name: e, homes: { node: U20, room: "1102" } }
`;
    expect(errorsOf(text)).toEqual([
      '7: skills of person a must be a list like [代办, 陪诊]',
      '8: person b has an empty skill',
      '8: skill "一二三四五六七八九十一二三四五六七八九十一" of person b is longer than 20 characters',
      '8: invalid skill ["x"] for person b (a skill is a word like 陪诊)',
      '9: person c has 21 skills (at most 20)',
      '14: invalid skill {"what":"小修"} for person d (a skill is a word like 陪诊)',
      '16: unknown node code "U99" in home of person d',
      '17: home of person d is missing room',
      '18: home of person d is missing node',
      '19: invalid room "11/02" in home of person d (letters, digits and dashes, at most 32, like "1102" or "2单元1102")',
      '21: person d has two homes on node G1 (301 and 302): one room per node',
      '22: unknown field "floor" in home (expected node, room)',
      '23: homes must be a list like [{ node: "DY-G01-B20", room: "1102" }]',
    ]);
  });

  it('validates against codes already in the store', () => {
    const text = `nodes:\n  - { code: G9, name: 新网格, level: 网格, parent: C1 }\n`;
    expect(errorsOf(text)).toEqual(['2: unknown parent code "C1" for node G9']);
    const spec = parseGridText(text, 'yaml', { existingCodes: new Map([['C1', 'COMMUNITY']]) });
    expect(spec.nodes).toEqual([{ code: 'G9', name: '新网格', level: 'GRID', parentCode: 'C1' }]);
  });
});

describe('parseGridText — CSV', () => {
  it('reads nodes, with quotes, CRLF, a BOM, blank lines and Chinese levels', () => {
    const text = '\uFEFFcode,name,level,parent\r\n350304,荔城区,区,\r\n350304001,"拱辰街道",STREET,350304\r\n\r\nC1,"东园社区, ""老城""",社区,350304001\r\n';
    expect(parseGridText(text, 'csv')).toEqual({
      nodes: [
        { code: '350304', name: '荔城区', level: 'DISTRICT', parentCode: null },
        { code: '350304001', name: '拱辰街道', level: 'STREET', parentCode: '350304' },
        { code: 'C1', name: '东园社区, "老城"', level: 'COMMUNITY', parentCode: '350304001' },
      ],
      groups: [],
      people: [],
    });
  });

  it('accepts columns in any order, Chinese headers, and no parent column', () => {
    const spec = parseGridText('层级,编码,名称\n区,D1,荔城区\n街道,S1,拱辰街道\n', 'csv');
    expect(spec.nodes.map((n) => [n.code, n.level, n.parentCode])).toEqual([
      ['D1', 'DISTRICT', null],
      ['S1', 'STREET', null],
    ]);
  });

  it('reports errors with their lines, a quoted field spanning lines counted', () => {
    const text = `code,name,level,parent
D1,荔城区,DISTRICT,
S1,"拱辰
街道",STREET,D1
D1,重复,DISTRICT,
G7,第七网格,GRID,C9
X,y,STREET,D1,extra
`;
    expect(errorsOf(text, 'csv')).toEqual([
      '5: duplicate code D1 (first defined on line 2)',
      '6: unknown parent code "C9" for node G7',
      '7: 5 fields but the header has 4',
    ]);
  });

  it('reports a bad header', () => {
    expect(errorsOf('code,name,groups\nD1,x,y\n', 'csv')).toEqual([
      '1: unknown column "groups" (expected code, name, level, parent)',
      '1: missing column level (header must be code,name,level,parent)',
    ]);
  });
});

describe('writeGridYaml', () => {
  const spec: GridSpec = {
    nodes: [
      { code: 'G2', name: '第二网格', level: 'GRID', parentCode: 'C1' },
      { code: 'C1', name: '东园社区', level: 'COMMUNITY', parentCode: 'S1' },
      { code: '007', name: 'true', level: 'UNIT', parentCode: 'G2' },
      { code: 'S1', name: '拱辰街道: "老街" # 1', level: 'STREET', parentCode: null },
      { code: 'G1', name: '第一网格', level: 'GRID', parentCode: 'C1' },
    ],
    groups: [
      { platform: 'TELEGRAM', externalId: '-100123', title: 'null', nodeCode: 'G1', tags: [] },
      { platform: 'WECHAT', externalId: 'room-20hao', title: '20号楼睦邻群', nodeCode: '007', tags: ['睦邻群', '单元楼群'] },
    ],
    people: [
      {
        key: 'w-lin',
        name: '林秀珍',
        identities: [
          { platform: 'WECHAT', externalId: 'wxid_lin' },
          { platform: 'WECHAT', externalId: 'wxid_lin2' },
          { platform: 'TELEGRAM', externalId: '5120010001' },
        ],
        roles: [
          { role: 'GRID_WORKER', nodeCode: 'G1' },
          { role: 'GRID_HEAD', nodeCode: 'C1' },
        ],
      },
      { key: 'r-1', name: '张国华', identities: [], roles: [] },
      {
        key: 'v-1',
        name: '陈爱萍',
        identities: [],
        roles: [{ role: 'VOLUNTEER', nodeCode: 'C1' }],
        skills: ['陪诊', '代办: "老年证" #1', '42'],
        homes: [
          { nodeCode: '007', room: '2单元1102' },
          { nodeCode: 'G1', room: '20-101' },
        ],
      },
    ],
  };

  it('writes nodes depth-first, then groups, then people', () => {
    const text = writeGridYaml(spec);
    expect(text).toContain(
      [
        'nodes:',
        '  - { code: "S1", name: "拱辰街道: \\"老街\\" # 1", level: STREET }',
        '  - { code: "C1", name: "东园社区", level: COMMUNITY, parent: "S1" }',
        '  - { code: "G2", name: "第二网格", level: GRID, parent: "C1" }',
        '  - { code: "007", name: "true", level: UNIT, parent: "G2" }',
        '  - { code: "G1", name: "第一网格", level: GRID, parent: "C1" }',
      ].join('\n'),
    );
    expect(text).toContain(
      '  - { key: "w-lin", name: "林秀珍", wechat: ["wxid_lin", "wxid_lin2"], telegram: "5120010001", roles: [{ role: GRID_WORKER, node: "G1" }, { role: GRID_HEAD, node: "C1" }] }',
    );
    expect(text).toContain(
      '  - { key: "v-1", name: "陈爱萍", roles: [{ role: VOLUNTEER, node: "C1" }], skills: ["陪诊", "代办: \\"老年证\\" #1", "42"], homes: [{ node: "007", room: "2单元1102" }, { node: "G1", room: "20-101" }] }',
    );
    expect(text).toContain('  - { key: "r-1", name: "张国华" }\n');
    expect(text.indexOf('nodes:')).toBeLessThan(text.indexOf('groups:'));
    expect(text.indexOf('groups:')).toBeLessThan(text.indexOf('people:'));
    expect(writeGridYaml({ nodes: [], groups: [], people: [] })).toContain('nodes: []\n\ngroups: []\n\npeople: []\n');
  });

  it('round trip: importing an export gives the same spec, and exporting it again the same text', () => {
    const text = writeGridYaml(spec);
    const back = parseGridText(text, 'yaml');
    expect(back.groups).toEqual(spec.groups);
    expect(back.people).toEqual(spec.people);
    expect(new Set(back.nodes.map((n) => JSON.stringify(n)))).toEqual(new Set(spec.nodes.map((n) => JSON.stringify(n))));
    expect(writeGridYaml(back)).toBe(text);
    // A spec that came from a file is already in export order: the round trip is exact.
    expect(parseGridText(writeGridYaml(back), 'yaml')).toEqual(back);
  });

  it('round trip of the demo grid', async () => {
    const demo = await readGridFile(demoPath);
    expect(parseGridText(writeGridYaml(demo), 'yaml')).toEqual(demo);
  });
});

describe('readGridFile', () => {
  it('picks the format by extension and names the file in errors', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'linli-grid-'));
    const csv = path.join(dir, 'nodes.csv');
    writeFileSync(csv, 'code,name,level,parent\nS1,拱辰街道,街道,\n');
    expect((await readGridFile(csv)).nodes).toHaveLength(1);
    expect(gridFormatOf('a/b/grid.YML')).toBe('yaml');
    expect(gridFormatOf('nodes.CSV')).toBe('csv');

    const yaml = path.join(dir, 'grid.yaml');
    writeFileSync(yaml, 'nodes:\n  - { code: S1, name: 拱辰街道, level: STREET }\n  - { code: G7, name: g, level: GRID, parent: C9 }\n');
    const error = await readGridFile(yaml, { fileName: 'grid.yaml' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GridFileError);
    expect((error as GridFileError).code).toBe('GRID_INVALID');
    expect((error as GridFileError).format()).toBe('grid.yaml:3: unknown parent code "C9" for node G7');
    const unnamed = await readGridFile(yaml).catch((e: unknown) => e);
    expect((unnamed as GridFileError).format()).toBe(`${yaml}:3: unknown parent code "C9" for node G7`);
  });
});

describe('the demo grid (data/demo-grid.yaml)', () => {
  it('validates and has what the sandbox needs', async () => {
    const demo = await readGridFile(demoPath);
    const count = (level: string) => demo.nodes.filter((n) => n.level === level).length;
    expect([count('DISTRICT'), count('STREET'), count('COMMUNITY'), count('GRID')]).toEqual([1, 1, 2, 4]);
    expect(demo.nodes.find((n) => n.level === 'DISTRICT')?.name).toBe('荔城区');
    expect(demo.nodes.find((n) => n.level === 'STREET')?.name).toBe('拱辰街道');

    // 8 building groups and the volunteers' group of 东园社区
    expect(demo.groups).toHaveLength(9);
    expect(demo.groups.every((g) => g.platform === 'WECHAT' && g.externalId.endsWith('@chatroom'))).toBe(true);
    expect(demo.groups.some((g) => g.title.includes('20号楼'))).toBe(true);
    expect(demo.groups.filter((g) => g.tags.includes(VOLUNTEER_GROUP_TAG))).toEqual([
      { platform: 'WECHAT', externalId: 'dy-zhiyuan@chatroom', title: '东园社区志愿者群', nodeCode: '350304001001', tags: ['志愿者群'] },
    ]);

    const holders = (role: string) => demo.people.filter((p) => p.roles.some((r) => r.role === role));
    const workers = holders('GRID_WORKER');
    const grids = demo.nodes.filter((n) => n.level === 'GRID').map((n) => n.code);
    for (const g of grids) expect(workers.some((w) => w.roles.some((r) => r.nodeCode === g))).toBe(true);
    const perGrid = grids.map((g) => workers.filter((w) => w.roles.some((r) => r.nodeCode === g)).length);
    expect(perGrid.filter((n) => n === 2)).toHaveLength(1);
    expect(holders('GRID_HEAD')).toHaveLength(1);
    expect(holders('COMMUNITY_STAFF')).toHaveLength(2);
    expect(holders('STREET_STAFF')).toHaveLength(1);
    expect(holders('UNIT_HEAD')).toHaveLength(1);
    expect(holders('DEPARTMENT')).toHaveLength(1);
    expect(holders('LEADER')).toHaveLength(1);
    // the admin API's queues and dead-letter retry are the ADMIN's, over the whole district
    expect(holders('ADMIN').map((p) => p.roles)).toEqual([[{ role: 'ADMIN', nodeCode: demo.nodes.find((n) => n.level === 'DISTRICT')!.code }]]);
    // residents hold no staff role; volunteers are residents too (the building head among them)
    const residents = demo.people.filter((p) => p.roles.length === 0);
    expect(residents.length).toBeGreaterThanOrEqual(4);
    expect(residents.length).toBeLessThanOrEqual(6);
    const volunteers = holders('VOLUNTEER');
    expect(volunteers.map((p) => p.name)).toEqual(['许桂兰', '陈爱萍', '林建华']);
    for (const v of volunteers) expect(v.skills?.length).toBeGreaterThan(0);
    expect(volunteers.filter((v) => v.roles.every((r) => r.role === 'VOLUNTEER'))).toHaveLength(2);
    // every resident and volunteer has a home in a building; 张国华 and 赵燕 share one (一户一票: one household)
    for (const p of [...residents, ...volunteers]) expect(p.homes?.length, p.key).toBe(1);
    const homeOf = (key: string) => demo.people.find((p) => p.key === key)?.homes;
    expect(homeOf('r-zhaoyan')).toEqual(homeOf('r-zhangguohua'));
    expect(homeOf('r-zhangguohua')).toEqual([{ nodeCode: 'DY-G01-B20', room: '1102' }]);
    expect(demo.people.every((p) => p.identities.some((i) => i.platform === 'WECHAT' && i.externalId.startsWith('wxid_')))).toBe(true);
    expect(demo.people.filter((p) => p.identities.some((i) => i.platform === 'TELEGRAM')).length).toBeGreaterThan(0);
  });
});

describe('readGridRecords', () => {
  it('gives each record and each role its own line', () => {
    const { records, errors } = readGridRecords(GOOD, 'yaml');
    expect(errors).toEqual([]);
    expect(records.nodes.map((n) => n.line)).toEqual([3, 4, 5, 9]);
    expect(records.groups?.map((g) => g.line)).toEqual([11]);
    expect(records.people?.map((p) => p.line)).toEqual([13, 14]);
    expect(records.people?.[1]?.identities?.map((i) => i.line)).toEqual([16, 16]);
  });
});
