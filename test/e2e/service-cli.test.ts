// `linli service list|show|points|export` as an operator runs them, through the built CLI, on a PostgreSQL store with a
// month of service (support/points-fixture.ts): requests listed and shown, the month's ranking with shared places,
// the month's CSV for Excel (BOM, quoted cells), stored control characters never printed, and bad input exit 2 with
// one English line.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGridFile } from '../../src/adapters/files/grid-file.ts';
import { openStore } from '../../src/adapters/prisma/prisma-store.ts';
import { DEMO_GRID_FILE } from '../../src/bots/ensure-grid.ts';
import { addMonths, monthOf } from '../../src/core/insights/insights-period.ts';
import { runCli, tempDir } from '../support/cli.ts';
import { createPostgresDatabase } from '../support/databases.ts';
import { seedService, type ServiceSeed } from '../support/points-fixture.ts';

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const month = addMonths(monthOf(new Date()), -1);

describe('linli service', () => {
  let db: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let env: Record<string, string>;
  let seed: ServiceSeed;
  beforeAll(async () => {
    db = await createPostgresDatabase();
    env = { DATABASE_URL: db.url };
    const store = await openStore({ kind: 'postgres', url: db.url, prepare: true });
    try {
      await store.grid.importSpec(await readGridFile(DEMO_GRID_FILE));
      seed = await seedService(store, month);
      // a name stored with a terminal escape and a bidi override (written by another tool)
      await store.grid.importSpec({ nodes: [], groups: [], people: [{ key: 'vol-chengang', name: '陈\u001b[31m刚\u202e\u0007', identities: [], roles: [{ role: 'VOLUNTEER', nodeCode: 'XY-G01' }] }] });
    } finally {
      await store.close();
    }
  }, 120_000);
  afterAll(() => db?.drop());

  it("prints the month's ranking with shared places, as a table and as JSON", { timeout: 120_000 }, async () => {
    const r = await runCli(['service', 'points', '--month', month], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`1\t王芳\t30\t3\n2\t李明\t20\t2\n2\t张丽\t20\t2\n4\t陈刚\t15\t1\n`);
    const dy = await runCli(['service', 'points', '--month', month, '--node', 'DY-G01', '--json'], { env });
    expect(dy.code).toBe(0);
    const j = JSON.parse(dy.stdout);
    expect(j.ranking.map((x: { name: string; rank: number }) => [x.rank, x.name])).toEqual([[1, '王芳'], [2, '张丽']]);
    expect(dy.stdout).not.toMatch(CONTROL);
  });

  it('lists open requests and shows one with its points', { timeout: 120_000 }, async () => {
    const list = await runCli(['service', 'list', '--status', 'open', '--node', '350304001001'], { env });
    expect(list.code).toBe(0);
    const lines = list.stdout.trim().split('\n');
    expect(lines.map((l) => l.split('\t')[0])).toEqual([seed.open.done, seed.open.taken, seed.open.requested].map((n) => `#${n}`));
    expect(lines[1]).toMatch(/\t已接单\t帮办代办\t东园小区20号楼\t王芳\t.+\t送餐到家$/);
    expect(list.stdout).not.toMatch(CONTROL);
    const json = JSON.parse((await runCli(['service', 'list', '--status', 'TAKEN', '--json'], { env })).stdout);
    expect(json.map((x: { id: number }) => x.id).sort()).toEqual([seed.open.taken, seed.open.xyTaken].sort());
    const confirmed = (await runCli(['service', 'list', '--status', 'confirmed', '--limit', '1'], { env })).stdout.trim().split('\n');
    const id = confirmed[0]!.split('\t')[0]!;
    expect(confirmed).toHaveLength(1);
    const show = await runCli(['service', 'show', id], { env });
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('status: CONFIRMED (已完成)');
    expect(show.stdout).toMatch(/points: \+5 服务完成/); // the newest confirmed: 张丽's 5 points
    expect(show.stdout).not.toMatch(CONTROL);
  });

  it("exports the month's sheet as CSV with a BOM, to a file or stdout", { timeout: 120_000 }, async () => {
    const out = path.join(tempDir('linli-svc-'), 'points.csv');
    const r = await runCli(['service', 'export', '--month', month, '--out', out], { env });
    expect(r.code).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('月份,名次,志愿者,所在网格,技能,本月积分,本月服务次数,累计积分,在办服务');
    expect(lines[1]).toBe(`${month},1,王芳,东园社区第一网格,,30,3,80,1`);
    expect(lines.find((l) => l.includes('陈'))).toBe(`${month},4,陈刚,西园社区第一网格,,15,1,15,1`);
    expect(lines.find((l) => l.includes('周强'))).toBe(`${month},,周强,西园社区第二网格,,0,0,0,0`);
    const stdout = await runCli(['service', 'export', '--month', month, '--node', 'XY-G02'], { env });
    const ledger = await runCli(['service', 'export', '--month', month, '--node', 'DY-G01', '--ledger'], { env });
    expect(ledger.code).toBe(0);
    const entries = ledger.stdout.slice(1).trim().split('\r\n');
    expect(entries[0]).toBe('时间,志愿者,积分,事由,服务单号,登记键');
    // 王芳's 5 (one reversed) and 张丽's 2 of the month; 张丽's of the month before's last second is not there
    expect(entries.slice(1).map((l) => l.split(',').slice(1, 4).join(','))).toEqual([
      '王芳,10,服务完成', '张丽,10,服务完成', '张丽,10,服务完成', '王芳,10,服务完成', '王芳,10,服务完成', '王芳,10,服务完成', '王芳,-10,更正：重复登记',
    ]);
    expect(stdout.stdout).toBe(`\uFEFF月份,名次,志愿者,所在网格,技能,本月积分,本月服务次数,累计积分,在办服务\r\n${month},,周强,西园社区第二网格,,0,0,0,0\r\n`);
  });

  it('refuses bad input with exit code 2 and one English line', { timeout: 120_000 }, async () => {
    for (const args of [
      ['service', 'points', '--month', '2026-13'],
      ['service', 'points', '--month', '202611'],
      ['service', 'export', '--month', 'next'],
      ['service', 'export'],
      ['service', 'list', '--status', 'DONEISH'],
      ['service', 'list', '--node', 'NOPE'],
      ['service', 'list', '--limit', '0'],
      ['service', 'show', 'abc'],
      ['service', 'show', '999999'],
    ]) {
      const r = await runCli(args, { env });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr, args.join(' ')).toMatch(/^error: [\x20-\x7e]+\n$/);
    }
    const help = await runCli(['service', '--help'], { env });
    expect(help.code).toBe(0);
    for (const c of ['list', 'show', 'points', 'export']) expect(help.stdout).toContain(c);
  });
});
