// Corrections teach the model: a staff correction in the sandbox, then `linli triage retrain`, then classify uses it.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/cli.ts';

const TEXT = '3号楼502室楼上漏水';

describe('linli triage retrain', () => {
  it("folds a staff correction into this site's model, which classify then uses", { timeout: 240_000 }, async () => {
    const dir = tempDir();
    const env = { LINLI_DATA_DIR: path.join(dir, 'data') };
    const before = JSON.parse((await runCli(['triage', 'classify', TEXT], { env })).stdout);
    // the shipped model's reading: water from the flat above is a repair first (data/corpus/README.md, rule 8)
    expect(before.category).toBe('facility_repair');

    // a site that files it as a dispute between neighbours says so once
    const session = [TEXT, '/as 林秀珍', '改类 #1 邻里纠纷', '/quit'].join('\n');
    const s = await runCli(['start'], { env, input: session, timeoutMs: 90_000 });
    expect(s.stdout).toContain('工单 #1 已更正为「邻里纠纷」');

    const r = await runCli(['triage', 'retrain'], { env, timeoutMs: 120_000 });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/wrote .*models\/triage\.model .*1 corrections folded in/);
    expect(existsSync(path.join(dir, 'data', 'models', 'triage.model'))).toBe(true);

    const after = JSON.parse((await runCli(['triage', 'classify', TEXT], { env })).stdout);
    expect(after).toMatchObject({ isAppeal: true, category: 'neighbour_dispute' });
  });
});
