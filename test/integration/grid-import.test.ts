// Grid import validated against the merged result (file + store), on a real store (PGlite): what an import accepts,
// the store's own export re-imports; what it refuses leaves the store as it was. Random edits, seeded.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importGridFile, writeGridYaml } from '../../src/adapters/files/grid-file.ts';
import { GridFileError } from '../../src/core/grid/grid-validation.ts';
import { GRID_LEVELS, PARENT_LEVEL } from '../../src/core/grid/grid.types.ts';
import { ROLES } from '../../src/core/people/roles.ts';
import type { GridRepository, GridSpec } from '../../src/core/ports/grid.repository.ts';
import type { Store } from '../../src/core/ports/store.port.ts';
import { Prng } from '../../src/core/triage/prng.ts';
import { ROOT, tempDir } from '../support/cli.ts';
import { freshStore } from '../support/databases.ts';

const DEMO = path.join(ROOT, 'data/demo-grid.yaml');
const exported = async (grid: GridRepository) => writeGridYaml(await grid.exportSpec());

/** Imports a file through the CLI's own function; the GridFileError when refused. */
async function tryImport(grid: GridRepository, file: string, dryRun = false): Promise<GridFileError | null> {
  try {
    await importGridFile(grid, file, { dryRun });
    return null;
  } catch (e) {
    if (e instanceof GridFileError) return e;
    throw e;
  }
}

describe('grid import on the demo grid', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  const dir = tempDir('linli-grid-');
  const file = (name: string, text: string) => {
    const p = path.join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  beforeAll(async () => {
    ({ store, dispose } = await freshStore('pglite'));
    expect(await tryImport(store.grid, DEMO)).toBeNull();
  });
  afterAll(() => dispose());

  it('refuses a cycle through stored nodes in a dry run and a real run alike, on its line, changing nothing', async () => {
    const before = await exported(store.grid);
    const cycle = file('cycle.yaml', '# 东园社区 made a unit under its own grid\nnodes:\n  - { code: "350304001001", name: "东园社区", level: 单元, parent: "DY-G01" }\n');
    for (const dryRun of [true, false]) {
      const e = await tryImport(store.grid, cycle, dryRun);
      expect(e?.format()).toContain(`${cycle}:3: node 350304001001 is in a parent cycle: 350304001001 → DY-G01 → 350304001001`);
      expect(e?.errors.every((x) => x.line === 3)).toBe(true);
    }
    expect(await exported(store.grid)).toBe(before);
  });

  it('refuses a level change that strands stored children, naming them, and accepts it once they move', async () => {
    const before = await exported(store.grid);
    const change = file('level.yaml', 'nodes:\n  - { code: "DY-G01", name: "东园社区第一网格", level: 社区, parent: "350304001" }\n');
    const e = await tryImport(store.grid, change);
    expect(e?.errors).toEqual([
      {
        line: 2,
        message:
          'node DY-G01 is now a COMMUNITY and can no longer hold its stored children DY-G01-B20 (UNIT), DY-G01-B21 (UNIT): keep it a GRID or move them first',
      },
    ]);
    expect(await exported(store.grid)).toBe(before);

    const moved = file(
      'level-moved.yaml',
      'nodes:\n  - { code: "DY-G01", name: "东园社区第一网格", level: 社区, parent: "350304001" }\n' +
        '  - { code: "DY-G01-B20", name: "东园小区20号楼", level: 单元, parent: "DY-G02" }\n' +
        '  - { code: "DY-G01-B21", name: "东园小区21号楼", level: 单元, parent: "DY-G02" }\n',
    );
    expect(await tryImport(store.grid, moved)).toBeNull();
    const after = await exported(store.grid);
    expect(after).toContain('{ code: "DY-G01", name: "东园社区第一网格", level: COMMUNITY, parent: "350304001" }');
    expect(await tryImport(store.grid, file('again.yaml', after))).toBeNull();
    expect(await exported(store.grid)).toBe(after);
  });

  it('stores homes as residences (one household per room of a node) and skills, replaces them on re-import, and exports them', async () => {
    const person = (wxid: string) => store.people.ensureByIdentity('WECHAT', wxid, wxid); // finds the imported person
    const zhang = await person('wxid_zhangguohua');
    const zhao = await person('wxid_zhaoyan');
    const chen = await person('wxid_chenaiping');
    const b20 = (await store.grid.findByCode('DY-G01-B20'))!;
    // 一户一票: 张国华 and 赵燕 share room 1102 of 20号楼; the key names the node, as `linli topics household` writes it
    const households = await store.deliberation.households([b20.id]);
    expect(households.get(zhang.id)).toBe('DY-G01-B20/1102');
    expect(households.get(zhao.id)).toBe('DY-G01-B20/1102');
    expect(households.get(chen.id)).toBe('DY-G01-B20/602');
    const extras = await store.grid.skillsAndHomes([chen.id, zhang.id]);
    expect(extras.get(chen.id)).toEqual({ skills: ['陪诊', '代办'], homes: [{ nodeCode: 'DY-G01-B20', room: '602' }] });
    expect(extras.get(zhang.id)).toEqual({ skills: [], homes: [{ nodeCode: 'DY-G01-B20', room: '1102' }] });

    // a file naming only people: homes on stored nodes; 张国华 listed without homes keeps none (the file replaces them)
    const moved = file(
      'homes.yaml',
      'people:\n' +
        '  - { key: "r-zhangguohua", name: "张国华", wechat: "wxid_zhangguohua" }\n' +
        '  - { key: "r-zhaoyan", name: "赵燕", wechat: "wxid_zhaoyan", homes: [{ node: "DY-G01-B21", room: "2单元1102" }], skills: [送餐] }\n',
    );
    expect(await tryImport(store.grid, moved)).toBeNull();
    const after = await store.deliberation.households([b20.id, (await store.grid.findByCode('DY-G01-B21'))!.id]);
    expect(after.has(zhang.id)).toBe(false);
    expect(after.get(zhao.id)).toBe('DY-G01-B21/2单元1102');
    const text = await exported(store.grid);
    expect(text).toContain('  - { key: "r-zhangguohua", name: "张国华", wechat: "wxid_zhangguohua" }\n');
    expect(text).toContain('  - { key: "r-zhaoyan", name: "赵燕", wechat: "wxid_zhaoyan", skills: ["送餐"], homes: [{ node: "DY-G01-B21", room: "2单元1102" }] }\n');
    expect(await tryImport(store.grid, file('again-homes.yaml', text))).toBeNull();
    expect(await exported(store.grid)).toBe(text);

    // a bad home or skill refuses the whole file on its line, dry run and real run alike
    const bad = file(
      'bad-homes.yaml',
      'people:\n' +
        '  - { key: "r-zhaoyan", name: "赵燕", homes: [{ node: "DY-G09", room: "1" }] }\n' +
        '  - { key: "v-chenaiping", name: "陈爱萍", skills: [陪诊, ""], homes: [{ node: "DY-G01-B20", room: "6/02" }] }\n',
    );
    for (const dryRun of [true, false]) {
      expect((await tryImport(store.grid, bad, dryRun))?.errors).toEqual([
        { line: 2, message: 'unknown node code "DY-G09" in home of person r-zhaoyan', missing: 'DY-G09' },
        { line: 3, message: 'person v-chenaiping has an empty skill' },
        { line: 3, message: 'invalid room "6/02" in home of person v-chenaiping (letters, digits and dashes, at most 32, like "1102" or "2单元1102")' },
      ]);
    }
    expect(await exported(store.grid)).toBe(text);
  });
});

// ---- random edits -------------------------------------------------------------------------------------------------

/** One random edit of the stored grid, as the spec of a small grid file (it may be valid or not). */
function randomEdit(rng: Prng, spec: GridSpec, seq: number): GridSpec {
  const pick = <T>(xs: readonly T[]): T => xs[rng.int(xs.length)]!;
  const codes = spec.nodes.map((n) => n.code);
  const level = () => pick(GRID_LEVELS);
  const edit: GridSpec = { nodes: [], groups: [], people: [] };
  const kinds = 1 + rng.int(2); // sometimes two changes in one file: a level change and a move that makes it valid
  for (let k = 0; k < kinds; k++) {
    const node = pick(spec.nodes);
    switch (rng.int(15)) {
      case 0: // a new node under a random parent, with a random level
        edit.nodes.push({ code: `N${seq}-${k}`, name: `新节点${seq}`, level: level(), parentCode: rng.int(6) === 0 ? null : pick(codes) });
        break;
      case 1: // a new node of the level its parent wants
      case 2: {
        const parent = pick(spec.nodes.filter((n) => n.level !== 'UNIT'));
        const next = GRID_LEVELS[GRID_LEVELS.indexOf(parent.level) + 1]!;
        edit.nodes.push({ code: `N${seq}-${k}`, name: `新节点${seq}`, level: next, parentCode: parent.code });
        break;
      }
      case 3:
      case 9:
      case 10: { // a stored node changes level, under a parent that fits the new level (its children may not fit it)
        const to = level();
        const want = PARENT_LEVEL[to];
        const parents = spec.nodes.filter((n) => n.level === want);
        edit.nodes.push({ ...node, level: to, parentCode: want === null || parents.length === 0 ? null : pick(parents).code });
        break;
      }
      case 4: // a stored node moves under another
        edit.nodes.push({ ...node, parentCode: pick(codes) });
        break;
      case 5: { // a group moves to another node, or is retitled
        const g = pick(spec.groups);
        edit.groups.push({ ...g, nodeCode: rng.int(2) ? pick(codes) : g.nodeCode, title: `${g.title.replace(/（\d+）$/, '')}（${seq}）` });
        break;
      }
      case 6: { // a person gains a role
        const p = pick(spec.people);
        edit.people.push({ ...p, roles: [...p.roles, { role: pick(ROLES), nodeCode: rng.int(8) ? pick(codes) : `GONE${seq}` }] });
        break;
      }
      case 7: { // a new person, sometimes with someone else's account
        const other = pick(spec.people);
        const id = rng.int(3) === 0 && other.identities[0] ? other.identities[0].externalId : `wxid_new_${seq}_${k}`;
        edit.people.push({ key: `p-${seq}-${k}`, name: `新人${seq}`, identities: [{ platform: 'WECHAT', externalId: id }], roles: [] });
        break;
      }
      case 11:
      case 14: { // a person's skills: a few words, none, or a bad one (empty, too long, too many)
        const p = pick(spec.people);
        const words = ['代办', '陪诊', '送餐', '小修', '理发', '陪聊'];
        const skills = Array.from({ length: rng.int(4) }, () => pick(words));
        const bad = rng.int(5);
        if (bad === 0) skills.push(rng.int(2) ? ' ' : '一二三四五六七八九十一二三四五六七八九十一');
        if (bad === 1 && rng.int(3) === 0) skills.push(...Array.from({ length: 21 }, (_, i) => `技能${i}`));
        edit.people.push({ ...p, skills });
        break;
      }
      case 12:
      case 13: { // a person's homes: moved, added, cleared, or bad (unknown node, bad room, two rooms on one node)
        const p = pick(spec.people);
        const room = () => pick(['101', '1102', '2单元1102', '20-301', rng.int(4) ? `${100 + rng.int(900)}` : pick(['', '11/02', '一'.repeat(33)])]);
        const node = () => (rng.int(10) ? pick(codes) : `GONE${seq}`);
        const homes = rng.int(5) === 0 ? [] : [...(rng.int(2) ? (p.homes ?? []) : []), { nodeCode: node(), room: room() }];
        edit.people.push({ ...p, homes });
        break;
      }
      case 8:
      default: { // a node moves under one of its own descendants (a cycle), taking the level that fits there
        const below = spec.nodes.filter((n) => n.level !== 'UNIT' && isBelow(spec, n.code, node.code));
        const under = below.length ? pick(below) : node;
        const fits = GRID_LEVELS[GRID_LEVELS.indexOf(under.level) + 1] ?? node.level;
        edit.nodes.push({ ...node, level: rng.int(4) ? fits : node.level, parentCode: under.code });
      }
    }
  }
  // one entry per code, key and group: a later change of the same thing replaces the earlier
  const last = <T>(xs: T[], key: (x: T) => string) => [...new Map(xs.map((x) => [key(x), x])).values()];
  return {
    nodes: last(edit.nodes, (n) => n.code),
    groups: last(edit.groups, (g) => `${g.platform}:${g.externalId}`),
    people: last(edit.people, (p) => p.key),
  };
}

function isBelow(spec: GridSpec, code: string, ancestor: string): boolean {
  const parent = new Map(spec.nodes.map((n) => [n.code, n.parentCode]));
  const seen = new Set<string>();
  for (let c = parent.get(code) ?? null; c !== null && !seen.has(c); c = parent.get(c) ?? null) {
    if (c === ancestor) return true;
    seen.add(c);
  }
  return false;
}

describe('grid import: random edits of the demo grid', () => {
  it('after every accepted import the export re-imports to itself; a refused import changes nothing', { timeout: 120_000 }, async () => {
    const { store, dispose } = await freshStore('pglite');
    const dir = tempDir('linli-grid-prop-');
    try {
      expect(await tryImport(store.grid, DEMO)).toBeNull();
      const rng = new Prng(12);
      let accepted = 0;
      let refused = 0;
      let withSkills = 0;
      let withHomes = 0;
      let refusedSkillsOrHomes = 0;
      for (let seq = 1; seq <= 40; seq++) {
        const spec = await store.grid.exportSpec();
        const before = writeGridYaml(spec);
        const editFile = path.join(dir, `edit-${seq}.yaml`);
        const edit = randomEdit(rng, spec, seq);
        writeFileSync(editFile, writeGridYaml(edit));
        const dry = await tryImport(store.grid, editFile, true);
        const real = await tryImport(store.grid, editFile);
        // a dry run says exactly what the real import does
        expect(real?.errors ?? null, `edit ${seq}`).toEqual(dry?.errors ?? null);
        if (real) {
          refused++;
          expect(await exported(store.grid), `edit ${seq} refused but changed the store`).toBe(before);
          const lines = readFileSync(editFile, 'utf8').split('\n');
          for (const e of real.errors) expect(lines[e.line - 1], `edit ${seq}: ${e.message}`).toMatch(/^ {2}- \{/);
          if (real.errors.some((e) => /skill|home/.test(e.message))) refusedSkillsOrHomes++;
          continue;
        }
        accepted++;
        // the people it lists now have exactly the file's skills and homes (replaced, as their roles are)
        const now = await store.grid.exportSpec();
        for (const p of edit.people) {
          const stored = now.people.find((x) => x.key === p.key)!;
          expect(stored.skills ?? [], `edit ${seq}: skills of ${p.key}`).toEqual([...new Set(p.skills ?? [])]);
          const homes = [...new Map((p.homes ?? []).map((h) => [h.nodeCode, h])).values()];
          expect(stored.homes ?? [], `edit ${seq}: homes of ${p.key}`).toEqual(homes);
          if (p.skills?.length) withSkills++;
          if (p.homes?.length) withHomes++;
        }
        const after = await exported(store.grid);
        const again = path.join(dir, `export-${seq}.yaml`);
        writeFileSync(again, after);
        const reimport = await tryImport(store.grid, again);
        expect(reimport?.format() ?? null, `export after edit ${seq} does not re-import`).toBeNull();
        expect(await exported(store.grid), `export after edit ${seq} is not a fixed point`).toBe(after);
      }
      // both kinds of edit were exercised
      expect(accepted).toBeGreaterThan(5);
      expect(refused).toBeGreaterThan(5);
      expect(withSkills, 'accepted edits that set skills').toBeGreaterThan(0);
      expect(withHomes, 'accepted edits that set homes').toBeGreaterThan(0);
      expect(refusedSkillsOrHomes, 'edits refused for their skills or homes').toBeGreaterThan(0);
    } finally {
      await dispose();
    }
  });
});
