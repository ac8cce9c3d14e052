// `linli insights hot` on the store's tickets (no --data), as a street office runs it on PostgreSQL: the whole grid or
// a subtree (--node), a China-time month, masked evidence, and a clear refusal of an unknown node or a file with --node.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGridFile } from '../../src/adapters/files/grid-file.ts';
import { openStore } from '../../src/adapters/prisma/prisma-store.ts';
import { DEMO_GRID_FILE } from '../../src/bots/sandbox.ts';
import { runCli } from '../support/cli.ts';
import { createPostgresDatabase } from '../support/databases.ts';
import { LIFT_PHONE, seedInsightsHistory } from '../support/insights-history.ts';

interface Out {
  period: { from: string; to: string };
  appealsInPeriod: number;
  problems: { rank: number; title: string; count: number; reporters: number; grids: { gridNodeId: number; count: number }[]; evidence: { id: string; text: string }[] }[];
}

describe('linli insights hot on the store', () => {
  let db: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let env: Record<string, string>;

  beforeAll(async () => {
    db = await createPostgresDatabase();
    const store = await openStore({ kind: 'postgres', url: db.url });
    try {
      await store.grid.importSpec(await readGridFile(DEMO_GRID_FILE));
      await seedInsightsHistory(store, '2026-11');
    } finally {
      await store.close();
    }
    env = { DATABASE_URL: db.url };
  }, 60_000);
  afterAll(() => db?.drop());

  it('ranks the month\'s problems of the whole grid, the lift of 5号楼 first, its phone number masked', { timeout: 60_000 }, async () => {
    const r = await runCli(['insights', 'hot', '--month', '2026-11', '--json'], { env });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Out;
    expect(out.period).toEqual({ from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z' });
    expect(out.appealsInPeriod).toBe(12);
    expect(out.problems[0]).toMatchObject({ rank: 1, count: 6, reporters: 5 });
    expect(out.problems[0]!.evidence.every((e) => e.text.includes('电梯'))).toBe(true);
    expect(r.stdout).not.toContain(LIFT_PHONE);
    expect(r.stdout).toContain('138****5678');
  });

  it('reads a subtree with --node and prints the Chinese table', { timeout: 60_000 }, async () => {
    const r = await runCli(['insights', 'hot', '--month', '2026-11', '--node', 'DY-G01'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^每月一题候选问题：2026-11-01 至 2026-11-30/);
    expect(r.stdout).toContain('装修');
    expect(r.stdout).not.toContain('电梯'); // 5号楼 is DY-G02's
    expect(r.stdout).not.toContain('消防通道'); // 西园新村 is another community's
  });

  it('refuses an unknown node, and --node with a file, with one line and exit 2', { timeout: 60_000 }, async () => {
    const unknown = await runCli(['insights', 'hot', '--node', 'NOPE'], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe('error: no grid node with code NOPE');
    const both = await runCli(['insights', 'hot', '--node', 'DY-G01', '--data', '/tmp/x.jsonl'], { env });
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--node reads the store/);
  });
});
