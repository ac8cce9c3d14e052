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
    switch (rng.int(11)) {
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
      for (let seq = 1; seq <= 30; seq++) {
        const spec = await store.grid.exportSpec();
        const before = writeGridYaml(spec);
        const editFile = path.join(dir, `edit-${seq}.yaml`);
        writeFileSync(editFile, writeGridYaml(randomEdit(rng, spec, seq)));
        const dry = await tryImport(store.grid, editFile, true);
        const real = await tryImport(store.grid, editFile);
        // a dry run says exactly what the real import does
        expect(real?.errors ?? null, `edit ${seq}`).toEqual(dry?.errors ?? null);
        if (real) {
          refused++;
          expect(await exported(store.grid), `edit ${seq} refused but changed the store`).toBe(before);
          const lines = readFileSync(editFile, 'utf8').split('\n');
          for (const e of real.errors) expect(lines[e.line - 1], `edit ${seq}: ${e.message}`).toMatch(/^ {2}- \{/);
          continue;
        }
        accepted++;
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
    } finally {
      await dispose();
    }
  });
});
