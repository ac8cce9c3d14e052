// The sandbox on a new data folder starts with the demo history (每月一题 has months to read), once: a second start
// adds nothing, and neither does `linli demo seed-history` on the same store.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/cli.ts';

describe('demo history in the sandbox', () => {
  it('is seeded into a new sandbox store only, and once', { timeout: 240_000 }, async () => {
    const env = { LINLI_DATA_DIR: path.join(tempDir(), 'data'), LINLI_DEMO_HISTORY: 'on' };
    const first = await runCli(['start'], { env, input: '/tickets\n/quit\n', timeoutMs: 120_000 });
    expect(first.code, first.stderr).toBe(0);
    const said = /已生成演示历史工单 (\d+) 件（(\d{4}-\d\d) 至 (\d{4}-\d\d)），可在控制台“每月一题”查看/.exec(first.stdout);
    expect(said, first.stdout.slice(0, 2000)).not.toBeNull();
    const seeded = Number(said![1]);
    expect(seeded).toBeGreaterThan(100);
    expect(first.stdout).toMatch(/#\d+ (已登记|已关闭) \S+ /); // /tickets lists the seeded ones

    const second = await runCli(['start'], { env, input: '/quit\n', timeoutMs: 120_000 });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).not.toContain('已生成演示历史工单');

    const cli = await runCli(['demo', 'seed-history'], { env });
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toBe('the demo history is already in the embedded store: nothing added\n');
    const list = await runCli(['tickets', 'list', '--limit', '1000'], { env });
    expect(list.stdout.trim().split('\n').filter((l) => /^#\d+\t/.test(l))).toHaveLength(seeded);
  });

  // with LINLI_DEMO_HISTORY=off it is not seeded either: checked on the LINLI_HTTP_PORT=off sandbox of sandbox-http.test.ts
  // (one sandbox for both switches)
  it('is not seeded when a grid file is configured', { timeout: 120_000 }, async () => {
    const env = { LINLI_DATA_DIR: path.join(tempDir(), 'data'), LINLI_GRID_FILE: 'data/demo-grid.yaml', LINLI_DEMO_HISTORY: 'on' };
    const r = await runCli(['start'], { env, input: '/tickets\n/quit\n', timeoutMs: 90_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('已生成演示历史工单');
  });

  it('seed-history refuses bad input and a store without a grid', async () => {
    const env = { LINLI_DATA_DIR: path.join(tempDir(), 'data') };
    const bad = await runCli(['demo', 'seed-history', '--months', '0'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--months must be a whole number from 1 to 36');
    const empty = await runCli(['demo', 'seed-history'], { env });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('the store has no grid');
  }, 60_000);
});
