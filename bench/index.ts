// `npm run bench`: runs every benchmark in this process, one after the other, printing figures and ratios.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const BENCHES = ['triage.bench.ts', 'ingest.bench.ts', 'sla.bench.ts', 'mask.bench.ts', 'hazard.bench.ts', 'hazard-doubt.ts', 'broadcast.bench.ts', 'overview.bench.ts', 'memory.bench.ts', 'insights.bench.ts', 'tally.bench.ts', 'echo.bench.ts'];

export async function runBenchmarks(): Promise<void> {
  let failed = 0;
  for (const b of BENCHES) {
    console.log(`\n=== ${b} ===`);
    // the insights benchmark runs under the memory limit (1 GB)
    const limit = b === 'insights.bench.ts' ? ['--max-old-space-size=1024'] : [];
    const r = spawnSync(process.execPath, [...limit, '--import', 'tsx', path.join(here, b)], { stdio: 'inherit' });
    if (r.status !== 0) failed++;
  }
  if (failed) throw new Error(`${failed} benchmark(s) failed`);
}
