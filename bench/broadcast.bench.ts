// Broadcast benchmark: 1,000 mock groups at a configured send rate. Finish time against the floor the rate allows
// (ceil(n / max) · duration; target ≤ 1.05) and groups messaged twice (target 0), in one process and with the worker
// SIGKILLed at 50 % and a fresh one resuming (PostgreSQL + BullMQ on Redis). Run: npx tsx bench/broadcast.bench.ts
// Options: BC_GROUPS (1000), BC_RATE_MAX (40), BC_RATE_MS (1000), BC_SKIP_KILL=1.
import { runInProcess, runKillAndResume, type RunResult } from '../test/support/broadcast-scenarios.ts';

const groups = Number(process.env.BC_GROUPS ?? 1000);
const rate = { max: Number(process.env.BC_RATE_MAX ?? 40), durationMs: Number(process.env.BC_RATE_MS ?? 1000) };

const rows: [string, RunResult][] = [];
console.error(`broadcast to ${groups} groups at ${rate.max} sends per ${rate.durationMs} ms: floor ${Math.ceil(groups / rate.max) * rate.durationMs} ms`);
rows.push(['in process (PGlite + in-process queue)', await runInProcess(groups, rate)]);
if (!process.env.BC_SKIP_KILL) {
  rows.push(['SIGKILL at 50 % + resume (PostgreSQL + BullMQ)', await runKillAndResume(groups, rate, 0.5, (s) => console.error(s))]);
}

const table = rows.map(([run, r]) => ({
  run,
  groups: r.groups,
  'finish s': (r.elapsedMs / 1000).toFixed(1),
  'floor s': (r.floorMs / 1000).toFixed(1),
  'finish ÷ floor': r.ratio.toFixed(3),
  'messages accepted': r.accepted,
  'groups messaged twice': r.duplicates,
  sent: r.counts.SENT,
  failed: r.counts.FAILED,
  'uncertain (left FAILED)': r.uncertain ?? '-',
  'of which arrived': r.uncertainArrived ?? '-',
}));
console.table(table);
