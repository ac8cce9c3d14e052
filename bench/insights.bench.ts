// The 每月一题 engine's speed: `npx tsx bench/insights.bench.ts` (also in `npm run bench`; run it alone under the
// issue's limits with `node --max-old-space-size=1024 --import tsx bench/insights.bench.ts`).
//   generated — 100,000 generated appeals in one month (400 places, 8 problem kinds in several wordings, noise),
//               after three months of history at a tenth of that rate: target ≤ 60 s on one core, ≤ 1 GB
//   real      — ../shared/data/external/taidi2020c_fujian3_hot.jsonl, the year 2019 (target ≤ 10 s), when the file
//               is there (a user's clone has no ../shared)
// Each prints seconds (segmenting, clustering and describing: the file is read before the clock starts), the CPU
// seconds of the process meanwhile (the wall time on a shared machine is more), and the process's peak RSS so far.
import { existsSync } from 'node:fs';
import { resourceUsage } from 'node:process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJiebaSegmenter } from '../src/adapters/insights/jieba.segmenter.ts';
import { readAppealsFile } from '../src/adapters/insights/appeals-file.ts';
import { findProblems } from '../src/core/insights/find-problems.ts';
import type { Appeal } from '../src/core/insights/insights.types.ts';
import { generateAppeals } from '../test/support/appeals.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// ../shared beside the repository (a worktree of it sits one level deeper)
const REAL = [path.resolve(ROOT, '../shared'), path.resolve(ROOT, '../../shared')]
  .map((d) => path.join(d, 'data/external/taidi2020c_fujian3_hot.jsonl'))
  .find((f) => existsSync(f));
const peakMb = () => Math.round(resourceUsage().maxRSS / 1024);

async function run(label: string, appeals: Appeal[], from: Date, to: Date) {
  const segmenter = await createJiebaSegmenter();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = findProblems(appeals, { from, to, top: 10 }, segmenter);
  const s = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  const top = r.problems.slice(0, 3).map((p) => `${p.title} (${p.count})`).join('; ');
  console.log(`${label.padEnd(10)} ${r.appealsRead.toLocaleString('en-US')} appeals read, ${r.appealsInPeriod.toLocaleString('en-US')} in the period, ${r.problemsFound} problems: ${s.toFixed(1)} s (CPU ${cpu.toFixed(1)} s), peak RSS ${peakMb()} MB`);
  console.log(`${''.padEnd(10)} top: ${top}`);
}

const month = new Date(2024, 5, 1);
const history = generateAppeals(30_000, new Date(2024, 2, 1), month, 7);
const period = generateAppeals(100_000, month, new Date(2024, 6, 1), 8).map((a) => ({ ...a, id: `p${a.id}` }));
await run('generated', [...history, ...period], month, new Date(2024, 6, 1));

if (REAL) {
  const { appeals } = await readAppealsFile(REAL);
  await run('real', appeals, new Date(2019, 0, 1), new Date(2020, 0, 1));
} else {
  console.log('real       skipped: ../shared/data/external/taidi2020c_fujian3_hot.jsonl is not there');
}
