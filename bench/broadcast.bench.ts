// Broadcast benchmark: 1,000 mock groups at a configured send rate. Finish time against the floor the rate allows
// (the least possible time to the last send: (ceil(n / max) − 1) · duration, since the first window's sends go at once;
// target ≤ 1.05) and groups messaged twice (target 0): in one process; with the production process (`node
// bin/linli.js start`, compiled dist/, in WeChat through the puppet service against a local gateway) SIGKILLed at 50 %
// and the same command started again (PostgreSQL + BullMQ on Redis); and with two worker shims
// (test/support/broadcast-worker.ts) from the start, one SIGKILLed at 50 % (to tell the restart's cost from the
// reclaim's; not a deployment option: one process holds a WeChat account). The clock starts before the broadcast is
// created (its deliveries stored) and stops when it is seen DONE. Run: npx tsx bench/broadcast.bench.ts (builds dist/
// first when it is stale). Options: BC_GROUPS (1000), BC_RATE_MAX (40), BC_RATE_MS (1000), BC_RUNS (1: runs of each
// case), BC_CASES (inprocess,kill,spare,standby: which cases, comma-separated;
// spare: `linli start --standby` beside the first process, taking over at its death).
import { loadavg } from 'node:os';
import { estimateBroadcast, NO_PACE } from '../src/core/broadcast/broadcast-estimate.ts';
import { runProductionKillAndResume } from '../test/support/broadcast-production.ts';
import { runInProcess, runKillAndResume, type RunResult } from '../test/support/broadcast-scenarios.ts';

const groups = Number(process.env.BC_GROUPS ?? 1000);
const rate = { max: Number(process.env.BC_RATE_MAX ?? 40), durationMs: Number(process.env.BC_RATE_MS ?? 1000) };
const runs = Math.max(1, Number(process.env.BC_RUNS ?? 1));
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const cases = new Set((process.env.BC_CASES ?? 'inprocess,kill,spare,standby').split(',').map((c) => c.trim()));

const rows: [string, RunResult, string, string][] = [];
console.error(`broadcast to ${groups} groups at ${rate.max} sends per ${rate.durationMs} ms: floor ${estimateBroadcast(groups, rate, NO_PACE, new Date()).floorMs} ms`);
const say = (s: string) => console.error(s);
for (let i = 0; i < runs; i++) {
  if (cases.has('inprocess')) {
    const before = load();
    rows.push(['in process (PGlite + in-process queue)', await runInProcess(groups, rate), before, load()]);
  }
  if (cases.has('kill')) {
    const before = load();
    rows.push(['linli start SIGKILLed at 50 % and started again (PostgreSQL + BullMQ)', await runProductionKillAndResume(groups, rate, 0.5, say), before, load()]);
  }
  if (cases.has('spare')) {
    const before = load();
    rows.push(['linli start SIGKILLed at 50 %, a `linli start --standby` takes over', await runProductionKillAndResume(groups, rate, 0.5, say, { standby: true }), before, load()]);
  }
  if (cases.has('standby')) {
    const before = load();
    rows.push(['two worker shims, one SIGKILLed at 50 % (PostgreSQL + BullMQ)', await runKillAndResume(groups, rate, 0.5, say, { standby: true }), before, load()]);
  }
}

const table = rows.map(([run, r, before, after]) => ({
  run,
  groups: r.groups,
  'finish s': (r.elapsedMs / 1000).toFixed(2),
  'last send s': (r.lastSendMs / 1000).toFixed(2),
  'floor s': (r.floorMs / 1000).toFixed(1),
  'finish ÷ floor': r.ratio.toFixed(3),
  'messages accepted': r.accepted,
  'groups messaged twice': r.duplicates,
  sent: r.counts.SENT,
  failed: r.counts.FAILED,
  'uncertain (left FAILED)': r.uncertain ?? '-',
  'of which arrived': r.uncertainArrived ?? '-',
  'after the kill: ready / first send / longest pause ms': r.restart ? `${r.restart.readyMs} / ${r.restart.firstSendMs} / ${r.restart.longestGapMs}` : '-',
  'CPU ms per copy: linli / gateway': r.cpuPerCopyMs ? `${r.cpuPerCopyMs.sender.toFixed(2)} / ${r.cpuPerCopyMs.gateway.toFixed(2)}` : '-',
  'load 1/5/15 min before': before,
  'load after': after,
}));
console.table(table);
