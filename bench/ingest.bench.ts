// Ingest throughput and receipt latency of the pipeline (issue #5), in one run: `npx tsx bench/ingest.bench.ts`.
//   (a) raw INSERT rate: single-row INSERTs into a one-text-column table of the same database, same pg driver, the
//       same number of concurrent clients as the ingest workers, measured before and again after (b): this machine's
//       disk and CPU drift by tens of percent within minutes, so the higher of the two is the one divided by;
//   (b) end-to-end ingest throughput: messages submitted through the Pipeline (stored, queued on BullMQ) and handled by
//       the ingest worker with the shipped local model, until every message is handled and every receipt is queued
//       as a notify job (no notify worker runs: "receipt queued" is the end point);
//   (c) b / a (target ≥ 0.5);
//   (d) latency submit → receipt queued at steady rates of 10 %, 50 % and 80 % of the throughput (b) measured in the
//       same run (open loop: each message submitted at its time whatever happens), p50 / p95 / p99 (target p95 ≤ 250 ms).
// The submitter and the ingest workers share this process, as in `linli start` with REDIS_URL. Needs PostgreSQL
// (LINLI_TEST_PG_URL, default postgres://postgres@127.0.0.1:5432/test) and Redis (LINLI_TEST_REDIS_URL); a fresh
// database and a unique Redis key prefix are used and removed at the end.
// Before (b), a warm-up of LINLI_BENCH_WARMUP messages (15000) on other groups: a bot runs for days, and V8 compiles
// its hot code once in the first thousands of messages (with 200, a sixth of the machine went to compiling in (b); by
// session 17, with the message path grown, 3000 left ~160 TurboFan compilations inside an 8,000-message (b) and the
// process's CPU per message 0.20 ms against 0.12 ms at 15000 and 30000: docs/BENCHMARKS.md, session 17).
// Knobs: LINLI_BENCH_CONCURRENCY (8), LINLI_BENCH_MESSAGES (2000), LINLI_BENCH_LOADS (0.1,0.5,0.8: shares of (b)),
// LINLI_BENCH_SECONDS (10 per latency run),
// LINLI_BENCH_SUBMITTERS (256), LINLI_INGEST_LANES (8), LINLI_BENCH_CHATTER_ONLY=1 (no appeals in the throughput run);
// LINLI_BENCH_PROFILE=FILE writes a V8 CPU profile of the throughput run (.cpuprofile).
// On Linux the throughput run also reports the CPU time PostgreSQL's and Redis' processes used per message (/proc).
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import net from 'node:net';
import os from 'node:os';
import pg from 'pg';
import { createLinli } from '../src/app.ts';
import { createMemoryLogger } from '../src/adapters/logging/pino.logger.ts';
import { createPipeline, type BuiltPipeline } from '../src/adapters/pipeline/create-pipeline.ts';
import { openStore } from '../src/adapters/prisma/prisma-store.ts';
import { createTriage } from '../src/adapters/triage/create-triage.ts';
import { NOTIFY_QUEUE } from '../src/core/messages/outbox.ts';
import type { Outbox } from '../src/core/ports/outbox.port.ts';
import type { Store } from '../src/core/ports/store.port.ts';
import { createPostgresDatabase } from '../test/support/databases.ts';
import { dropRedisPrefix, inParallel, plannedMessages, reliabilityGrid, SHARED_REDIS_URL, sleep, type PlannedMessage } from '../test/support/reliability.ts';

const CONCURRENCY = Number(process.env['LINLI_BENCH_CONCURRENCY'] ?? 8);
const MESSAGES = Number(process.env['LINLI_BENCH_MESSAGES'] ?? 2000);
const LOADS = (process.env['LINLI_BENCH_LOADS'] ?? '0.1,0.5,0.8').split(',').map(Number).filter((f) => f > 0);
const SECONDS = Number(process.env['LINLI_BENCH_SECONDS'] ?? 10);
// messages arriving at once in the throughput run: a bot in a thousand groups receives them independently of each other
const SUBMITTERS = Number(process.env['LINLI_BENCH_SUBMITTERS'] ?? 256);
const CHATTER_ONLY = process.env['LINLI_BENCH_CHATTER_ONLY'] === '1';
const LANES = process.env['LINLI_INGEST_LANES'] ? Number(process.env['LINLI_INGEST_LANES']) : undefined;
const RAW_MS = 5000;
const WARMUP = Number(process.env['LINLI_BENCH_WARMUP'] ?? 15000);

interface Row {
  stage: string;
  metric: string;
  value: string;
  target: string;
  ok: string;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : NaN;
};

/** (a) Single-row INSERTs from `clients` concurrent connections for `ms` milliseconds. */
async function rawInsertRate(url: string, clients: number, ms: number): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: clients });
  try {
    await pool.query('CREATE TABLE IF NOT EXISTS bench_raw (id bigserial PRIMARY KEY, body text NOT NULL)');
    const body = '12号楼电梯坏了，卡在三楼不动';
    let n = 0;
    const warm = Date.now() + 500;
    while (Date.now() < warm) await pool.query('INSERT INTO bench_raw (body) VALUES ($1)', [body]);
    const t0 = performance.now();
    const end = t0 + ms;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (performance.now() < end) {
          await pool.query('INSERT INTO bench_raw (body) VALUES ($1)', [body]);
          n++;
        }
      }),
    );
    return (n / (performance.now() - t0)) * 1000;
  } finally {
    await pool.end();
  }
}

interface ProcessCpu {
  postgres: number;
  redis: number;
  /** Machine-wide, all cores: every tick, and the idle ones. */
  total: number;
  idle: number;
}

/** CPU ticks (1/100 s) used so far by PostgreSQL's and Redis' processes, and the machine's; null where /proc is missing. */
function processCpu(): ProcessCpu | null {
  if (!existsSync('/proc/stat')) return null;
  const out: ProcessCpu = { postgres: 0, redis: 0, total: 0, idle: 0 };
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const kind = name.startsWith('postgres') ? 'postgres' : name.startsWith('redis') ? 'redis' : null;
      if (!kind) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out[kind] += Number(fields[11]) + Number(fields[12]); // utime + stime
    } catch {
      // the process ended meanwhile
    }
  }
  const all = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  out.total = all.reduce((a, b) => a + b, 0);
  out.idle = all[3]! + (all[4] ?? 0);
  return out;
}

/**
 * Socket writes by remote port, counted from here on: each is a round trip's request (a query, a pipelined batch of
 * Redis commands), and each wakes the server's process: on 2 shared cores that costs as much as the work it asks for.
 */
function countSocketWrites(): Map<number, number> {
  const writes = new Map<number, number>();
  const proto = net.Socket.prototype as unknown as Record<'_write' | '_writev', (this: net.Socket, ...a: unknown[]) => unknown>;
  for (const k of ['_write', '_writev'] as const) {
    const original = proto[k];
    proto[k] = function (this: net.Socket, ...a: unknown[]) {
      const port = this.remotePort ?? 0;
      writes.set(port, (writes.get(port) ?? 0) + 1);
      return original.apply(this, a);
    };
  }
  return writes;
}

/** What the ingest stage did, as seen from this process: when each message was handled and each receipt queued. */
class Probe {
  handledAt = new Map<string, number>();
  receiptAt = new Map<string, number>(); // by group external id: one appeal per group per run
  notifyJobs = 0;
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const add = (stage: string, metric: string, value: string, target = '', ok?: boolean) =>
    rows.push({ stage, metric, value, target, ok: ok === undefined ? '' : ok ? 'yes' : 'NO' });
  const prefix = `linli-bench-ingest-${process.pid}-${randomBytes(4).toString('hex')}`;
  const db = await createPostgresDatabase();
  let store: Store | undefined;
  let built: BuiltPipeline | undefined;
  const tpUnits = Math.ceil(MESSAGES / 10);
  const warmUnits = Math.ceil(WARMUP / 10);
  let statements = 0;
  try {
    process.stderr.write(`raw INSERT rate, ${CONCURRENCY} clients, ${RAW_MS / 1000} s… `);
    const rawBefore = await rawInsertRate(db.url, CONCURRENCY, RAW_MS);
    process.stderr.write(`${Math.round(rawBefore)}/s\n`);

    // count the SQL statements the store sends (Prisma's driver adapter runs every one through pg.Client#query)
    const clientQuery = pg.Client.prototype.query;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      statements++;
      return (clientQuery as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof clientQuery;
    const writes = countSocketWrites();
    const pgPort = Number(new URL(db.url).port || 5432);
    const redisPort = Number(new URL(SHARED_REDIS_URL).port || 6379);
    store = await openStore({ kind: 'postgres', url: db.url });
    await store.grid.importSpec(reliabilityGrid(warmUnits + tpUnits));
    const { logger } = createMemoryLogger('error');
    built = createPipeline(
      { queue: { kind: 'redis', url: SHARED_REDIS_URL }, pipeline: { queuePrefix: prefix, notifyLimit: { max: 100, durationMs: 1000 }, ...(LANES ? { ingestLanes: LANES } : {}) } },
      { store, logger },
    );
    const probe = new Probe();
    const queued = built.pipeline.outbox;
    const outbox: Outbox = {
      async send(m) {
        await queued.send(m);
        probe.notifyJobs++;
        if ('group' in m.to && m.text.startsWith('已收到')) probe.receiptAt.set(m.to.group, performance.now());
      },
    };
    const triage = await createTriage({}, logger);
    const linli = createLinli({ store, triage, gateways: {}, logger, outbox });
    await built.pipeline.startWorkers(['ingest'], CONCURRENCY, {
      assistant: {
        async handleBatch(items) {
          const outcomes = await linli.assistant.handleBatch(items);
          const at = performance.now();
          for (const i of items) probe.handledAt.set(i.msg.externalId, at);
          return outcomes;
        },
      },
    });
    const pipeline = built.pipeline;
    const waitHandled = async (planned: PlannedMessage[], timeoutMs: number) => {
      const appeals = planned.filter((p) => p.appeal).map((p) => p.msg.groupExternalId);
      const deadline = Date.now() + timeoutMs;
      // each check starts where the last stopped, so that waiting costs next to nothing of the CPU being measured
      let handled = 0;
      let receipts = 0;
      for (;;) {
        while (handled < planned.length && probe.handledAt.has(planned[handled]!.msg.externalId)) handled++;
        while (receipts < appeals.length && probe.receiptAt.has(appeals[receipts]!)) receipts++;
        if (handled === planned.length && receipts === appeals.length) return;
        if (Date.now() > deadline) throw new Error('timed out waiting for the ingest stage');
        await sleep(5);
      }
    };

    // warm-up: JIT, Prisma's query plans, the model in cache
    process.stderr.write(`warm-up (${WARMUP} messages)… `);
    const warm = plannedMessages(WARMUP, warmUnits, 'warm', 1);
    await inParallel(warm, SUBMITTERS, (p) => pipeline.submit(p.msg));
    await waitHandled(warm, 120_000);
    process.stderr.write('done\n');

    // (b) throughput: submit everything as fast as SUBMITTERS submitters can, until all handled and receipts queued
    process.stderr.write(`throughput (${MESSAGES} messages)… `);
    const chatter = ['今天天气不错', '谢谢大家', '收到', '好的'];
    const tp = plannedMessages(MESSAGES, tpUnits, 'tp', warmUnits + 1).map((p, i) => (CHATTER_ONLY && p.appeal ? { appeal: false, msg: { ...p.msg, text: chatter[i % chatter.length]! } } : p));
    const tpAppeals = tp.filter((p) => p.appeal).length;
    const jobsBefore = probe.notifyJobs;
    const profile = process.env['LINLI_BENCH_PROFILE'];
    const inspector = profile ? new Session() : undefined;
    if (inspector) {
      inspector.connect();
      await inspector.post('Profiler.enable');
      await inspector.post('Profiler.start');
    }
    const procs0 = processCpu();
    const cpu0 = process.cpuUsage();
    const statements0 = statements;
    const writes0 = new Map(writes);
    const t0 = performance.now();
    const results = await inParallel(tp, SUBMITTERS, (p) => pipeline.submit(p.msg));
    const tSubmitted = performance.now();
    await waitHandled(tp, 600_000);
    const elapsed = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const procs1 = processCpu();
    if (inspector && profile) {
      const { profile: taken } = await inspector.post('Profiler.stop');
      writeFileSync(profile, JSON.stringify(taken));
      inspector.disconnect();
    }
    const perMessage = (statements - statements0) / MESSAGES;
    const writesPer = (port: number) => (((writes.get(port) ?? 0) - (writes0.get(port) ?? 0)) / MESSAGES).toFixed(2);
    const writesLine = `${writesPer(pgPort)} / ${writesPer(redisPort)}`;
    const rate = (MESSAGES / elapsed) * 1000;
    process.stderr.write(`${rate.toFixed(1)} msg/s\n`);
    const notifyCounts = await built.queues.queue(NOTIFY_QUEUE).counts();
    process.stderr.write(`raw INSERT rate again… `);
    const rawAfter = await rawInsertRate(db.url, CONCURRENCY, RAW_MS);
    process.stderr.write(`${Math.round(rawAfter)}/s\n`);
    const raw = Math.max(rawBefore, rawAfter);

    add('raw', `single-row INSERT/s (${CONCURRENCY} clients, pg, ${RAW_MS / 1000} s), before / after the ingest run`, `${Math.round(rawBefore)} / ${Math.round(rawAfter)}`);
    add('ingest', `messages (${tpAppeals} appeals), submitted by ${SUBMITTERS} at once`, String(MESSAGES));
    add('ingest', 'all submitted after', `${(tSubmitted - t0).toFixed(0)} ms`);
    add('ingest', 'all handled, receipts queued after', `${elapsed.toFixed(0)} ms`);
    add('ingest', `throughput msg/s (${CONCURRENCY} ingest workers, local triage)`, rate.toFixed(1));
    add('ingest', 'submit results', Object.entries(results.reduce<Record<string, number>>((a, r) => ((a[r] = (a[r] ?? 0) + 1), a), {})).map(([k, v]) => `${k} ${v}`).join(', '));
    add('ingest', 'notify jobs queued (receipt + assignee DM per appeal)', `${probe.notifyJobs - jobsBefore} (queue waiting ${notifyCounts.waiting})`);
    add('ingest', 'SQL statements per message (submit + handle, BEGIN/COMMIT included)', perMessage.toFixed(1));
    add('ingest', 'socket writes (round trips) per message: PostgreSQL / Redis', writesLine);
    add('ingest', 'CPU of this process during the run', `${(((cpu.user + cpu.system) / 1000 / elapsed) * 100).toFixed(0)} % of one core`);
    if (LANES) add('ingest', 'ordering lanes (LINLI_INGEST_LANES)', String(LANES));
    if (procs0 && procs1) {
      const per = (k: keyof ProcessCpu) => (((procs1[k] - procs0[k]) * 10) / MESSAGES).toFixed(3);
      add('ingest', 'CPU ms per message: this process / PostgreSQL / Redis', `${(((cpu.user + cpu.system) / 1000) / MESSAGES).toFixed(3)} / ${per('postgres')} / ${per('redis')}`);
      const busy = 1 - (procs1.idle - procs0.idle) / (procs1.total - procs0.total);
      add('ingest', `machine busy during the run (${os.cpus().length} cores)`, `${(busy * 100).toFixed(0)} %`);
    }
    const ratio = rate / raw;
    add('ratio', 'ingest msg/s ÷ raw INSERT/s (the higher raw figure)', ratio.toFixed(4), '≥ 0.5', ratio >= 0.5);
    add('ratio', 'ingest statements/s ÷ raw INSERT/s', ((rate * perMessage) / raw).toFixed(2));

    // (d) latency at steady rates below the capacity just measured (open loop: message i is submitted at
    // start + i / rate whatever happens, so a backlog shows as latency). Every group is new: each run has its own
    // buildings (one appeal and nine chatter lines each), imported now that the rates are known. The messages go in
    // ten rounds, each group once per round as in (b), but a group's appeal comes in round (its index mod 10): an
    // appeal every ten messages all through the run, rather than all of them in the first tenth.
    const stats = (xs: number[]) => [50, 95, 99].map((p) => pct(xs, p).toFixed(0)).join(' / ') + ` / ${Math.max(...xs).toFixed(0)}`;
    let nextUnit = warmUnits + tpUnits + 1;
    const latencyRun = async (share: number) => {
      const rateNow = Math.max(1, Math.round(rate * share));
      const n = Math.round(rateNow * SECONDS);
      const units = Math.ceil(n / 10);
      const firstUnit = nextUnit;
      nextUnit += units;
      const spec = reliabilityGrid(nextUnit - 1);
      const fresh = new Set(Array.from({ length: units }, (_, j) => `U${firstUnit + j}`));
      await store!.grid.importSpec({ ...spec, nodes: spec.nodes.filter((x) => x.level !== 'UNIT' || fresh.has(x.code)), groups: spec.groups.filter((g) => fresh.has(g.nodeCode)) });
      const key = (p: PlannedMessage) => {
        const [, u, k] = p.msg.externalId.split('-').map(Number) as [number, number, number];
        const j = u - firstUnit;
        return ((k + j) % 10) * units + j;
      };
      const planned = plannedMessages(n, units, 'lat', firstUnit).sort((a, b) => key(a) - key(b));
      const submitAt = new Map<string, number>();
      const writesBefore = new Map(writes);
      const stored: number[] = []; // submit → stored and queued (the submit call's own time)
      const start = performance.now();
      const pending: Promise<unknown>[] = [];
      for (let i = 0; i < planned.length; i++) {
        const due = start + (i * 1000) / rateNow;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        const p = planned[i]!;
        const at = performance.now();
        submitAt.set(p.msg.externalId, at);
        pending.push(pipeline.submit({ ...p.msg, sentAt: new Date() }).then(() => stored.push(performance.now() - at)));
      }
      const submitted = performance.now();
      await Promise.all(pending);
      await waitHandled(planned, 600_000);
      const drained = performance.now();
      const trips = (port: number) => (((writes.get(port) ?? 0) - (writesBefore.get(port) ?? 0)) / n).toFixed(2);
      const receipt = planned.filter((p) => p.appeal).map((p) => probe.receiptAt.get(p.msg.groupExternalId)! - submitAt.get(p.msg.externalId)!);
      const handled = planned.map((p) => probe.handledAt.get(p.msg.externalId)! - submitAt.get(p.msg.externalId)!);
      const p95 = pct(receipt, 95);
      const label = `${Math.round(share * 100)} % = ${rateNow} msg/s × ${SECONDS} s`;
      add('latency', `${label}: submit → receipt queued p50 / p95 / p99 / max (${receipt.length} appeals)`, `${stats(receipt)} ms`, 'p95 ≤ 250 ms', p95 <= 250);
      add('latency', `${label}: submit → handled p50 / p95 / p99 / max, all ${handled.length} messages`, `${stats(handled)} ms`);
      add('latency', `${label}: submit → stored and queued (the submit call) p50 / p95 / p99 / max`, `${stats(stored)} ms`);
      add('latency', `${label}: rate achieved by the submitter; last handled after the last submit`, `${((n / (submitted - start)) * 1000).toFixed(0)} msg/s; ${(drained - submitted).toFixed(0)} ms`);
      add('latency', `${label}: handled per second over the run; round trips per message, PostgreSQL / Redis`, `${((n / (drained - start)) * 1000).toFixed(0)} msg/s; ${trips(pgPort)} / ${trips(redisPort)}`);
      latencies.push({ share, rate: rateNow, receipt: stats(receipt) });
    };
    const latencies: { share: number; rate: number; receipt: string }[] = [];
    for (const share of LOADS) {
      process.stderr.write(`latency at ${Math.round(share * 100)} % of ${rate.toFixed(0)} msg/s for ${SECONDS} s… `);
      await latencyRun(share);
      process.stderr.write(`receipt p50 / p95 / p99 / max ${latencies.at(-1)!.receipt} ms\n`);
    }
  } finally {
    await built?.close();
    await store?.close();
    await db.drop();
    await dropRedisPrefix(SHARED_REDIS_URL, prefix);
  }
  print(rows);
}

function print(rows: Row[]): void {
  const head: Row = { stage: 'stage', metric: 'metric', value: 'value', target: 'target', ok: 'met' };
  const all = [head, ...rows];
  const w = (k: keyof Row): number => Math.max(...all.map((r) => r[k].length));
  const line = (r: Row): string =>
    `${r.stage.padEnd(w('stage'))}  ${r.metric.padEnd(w('metric'))}  ${r.value.padStart(w('value'))}  ${r.target.padEnd(w('target'))}  ${r.ok}`;
  console.log(`\nLinli ingest pipeline — node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
  console.log(line(head));
  console.log('-'.repeat(line(head).length));
  for (const r of rows) console.log(line(r));
}

await main();
