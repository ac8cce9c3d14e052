// The SLA scheduler against many open tickets (issue #5): `npx tsx bench/sla.bench.ts`.
// Timers are delayed jobs on the 'sla' queue, so the cost of a timer tick (one due 'remind' or 'breach' job handled)
// and the memory of the process should not depend on how many tickets are open. For 10,000, 100,000 and 1,000,000
// open tickets in PostgreSQL (bulk-inserted with generate_series), a sample of tickets gets its remind and breach
// jobs as delayed jobs on BullMQ, all due at the same moment; the real handler (createSla → handle, as `sla.start`
// runs it, concurrency 1) escalates and reminds through a recording outbox. Reported per size: handler time per job,
// wall time for the sample, RSS; and the ratios largest/smallest (target ≈ 1).
// Reconcile at start (a paged read of every open ticket, two timer jobs each) does grow with the open count: it is
// timed for the sizes up to LINLI_BENCH_SLA_RECONCILE_MAX (default 100,000).
// Uses a fresh PostgreSQL database (LINLI_TEST_PG_URL) and a private redis-server on a free port (killed at the
// end), so the shared Redis never sees these jobs. Knobs: LINLI_BENCH_SLA_SIZES (10000,100000,1000000),
// LINLI_BENCH_SLA_SAMPLE (200 tickets per kind and size).
import os from 'node:os';
import pg from 'pg';
import { createLinli } from '../src/app.ts';
import { chineseDaysCalendar } from '../src/adapters/calendar/chinese-days.calendar.ts';
import { createBullmqQueues } from '../src/adapters/bullmq/bullmq-job-queues.ts';
import { createMemoryLogger } from '../src/adapters/logging/pino.logger.ts';
import { openStore } from '../src/adapters/prisma/prisma-store.ts';
import type { JobQueues } from '../src/core/ports/job-queue.port.ts';
import type { OutgoingMessage } from '../src/core/ports/outbox.port.ts';
import type { Store } from '../src/core/ports/store.port.ts';
import { createSla, SLA_QUEUE, timerKey } from '../src/core/sla/sla.service.ts';
import type { SlaJobData } from '../src/core/sla/sla-timers.ts';
import { createPostgresDatabase } from '../test/support/databases.ts';
import { privateRedis, sleep } from '../test/support/reliability.ts';
import { SMALL_GRID } from '../test/support/small-grid.ts';

const SIZES = (process.env['LINLI_BENCH_SLA_SIZES'] ?? '10000,100000,1000000').split(',').map(Number);
const SAMPLE = Number(process.env['LINLI_BENCH_SLA_SAMPLE'] ?? 200);
const RECONCILE_MAX = Number(process.env['LINLI_BENCH_SLA_RECONCILE_MAX'] ?? 100_000);

interface Row {
  open: string;
  metric: string;
  value: string;
  target: string;
  ok: string;
}

const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

async function redisUsedMemory(url: string): Promise<number> {
  const { Redis } = await import('ioredis');
  const r = new Redis(url);
  try {
    const info = await r.info('memory');
    return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? NaN);
  } finally {
    r.disconnect();
  }
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const add = (open: number | string, metric: string, value: string, target = '', ok?: boolean) =>
    rows.push({ open: typeof open === 'number' ? open.toLocaleString('en') : open, metric, value, target, ok: ok === undefined ? '' : ok ? 'yes' : 'NO' });
  const db = await createPostgresDatabase();
  const redis = await privateRedis();
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  let store: Store | undefined;
  const opened: JobQueues[] = [];
  try {
    store = await openStore({ kind: 'postgres', url: db.url });
    await store.grid.importSpec(SMALL_GRID);
    const { logger } = createMemoryLogger('error');
    const sent: OutgoingMessage[] = [];
    const outbox = { send: async (m: OutgoingMessage) => void sent.push(m) };
    const queues = createBullmqQueues({ connection: redis.url, prefix: 'sla-bench', logger });
    opened.push(queues);
    // the same composition as the bots: createLinli builds the deadline engine when it is given queues
    const { sla: built, tickets, router } = createLinli({ store, triage: { classify: async () => { throw new Error('not used'); } }, gateways: {}, outbox, queues, logger, calendar: chineseDaysCalendar });
    const queue = queues.queue<SlaJobData>(SLA_QUEUE);
    const handlerMs: Record<'remind' | 'breach', number[]> = { remind: [], breach: [] };
    let handled = 0;
    let lastDone = 0;
    const theSla = built!;
    await queue.process(
      async (job) => {
        const t0 = performance.now();
        await theSla.handle(job);
        const ms = performance.now() - t0;
        if (job.name === 'remind' || job.name === 'breach') handlerMs[job.name].push(ms);
        handled++;
        lastDone = performance.now();
      },
      { concurrency: 1 },
    );

    const node = (await pool.query<{ id: number }>(`SELECT id FROM "GridNode" WHERE code = 'G1'`)).rows[0]!.id;
    const group = (await pool.query<{ id: number }>(`SELECT id FROM "Group" WHERE "externalId" = 'room-20'`)).rows[0]!.id;
    const lin = (await pool.query<{ id: number }>(`SELECT "personId" AS id FROM "Identity" WHERE "externalUserId" = 'wx-lin'`)).rows[0]!.id;
    const createdAt = new Date(Date.now() - 3600_000);
    const acceptDueAt = new Date(Date.now() + 2 * 86_400_000);
    const resolveDueAt = new Date(Date.now() + 5 * 86_400_000);
    const used = new Set<number>();
    let inserted = 0;
    let reconcileRate = 0;
    const perSize: { n: number; remind: number; breach: number; wallPerJob: number; rss: number }[] = [];

    for (const n of SIZES) {
      // grow the open set to n tickets, all waiting to be claimed, due in two days
      const t0 = performance.now();
      await pool.query(
        `INSERT INTO "Ticket" (category, summary, status, "gridNodeId", "groupId", "assigneeId", "acceptDueAt", "resolveDueAt", "createdAt", "updatedAt")
         SELECT 'facility_repair', '20号楼电梯坏了 ' || g, 'REPORTED', $1, $2, $3, $4, $5, $6, $6 FROM generate_series($7::int, $8::int) AS g`,
        [node, group, lin, acceptDueAt, resolveDueAt, createdAt, inserted + 1, n],
      );
      await pool.query('ANALYZE "Ticket"');
      const insertMs = performance.now() - t0;
      add(n, `bulk insert of ${(n - inserted).toLocaleString('en')} tickets (generate_series) + ANALYZE`, `${(insertMs / 1000).toFixed(1)} s`);
      inserted = n;
      const open = Number((await pool.query<{ c: string }>(`SELECT count(*) AS c FROM "Ticket" WHERE status NOT IN ('RESOLVED','CLOSED','REJECTED')`)).rows[0]!.c);

      // the sample: SAMPLE tickets get a due reminder, SAMPLE others a due breach; all run at the same moment
      const ids = await pool.query<{ id: number; acceptDueAt: Date }>(
        `SELECT id, "acceptDueAt" FROM "Ticket" WHERE status = 'REPORTED' AND id <> ALL($1::int[]) ORDER BY random() LIMIT $2`,
        [[...used], 2 * SAMPLE],
      );
      for (const r of ids.rows) used.add(r.id);
      handlerMs.remind = [];
      handlerMs.breach = [];
      const sentBefore = sent.length;
      const before = handled;
      const runAt = Date.now() + 3000;
      for (const [i, r] of ids.rows.entries()) {
        const name = i < SAMPLE ? 'remind' : 'breach';
        const data = { ticketId: r.id, clock: 'accept' as const, dueAt: r.acceptDueAt.getTime() };
        await queue.add(name, data, { jobId: timerKey(r.id, 'accept', name, r.acceptDueAt), delayMs: Math.max(0, runAt - Date.now()), attempts: 5, backoffMs: 10_000 });
      }
      const runAtPerf = performance.now() + (runAt - Date.now());
      while (handled - before < 2 * SAMPLE) await sleep(10);
      const wallMs = lastDone - runAtPerf;
      const escalated = Number(
        (await pool.query<{ c: string }>(`SELECT count(*) AS c FROM "Ticket" WHERE id = ANY($1::int[]) AND status = 'ESCALATED'`, [ids.rows.slice(SAMPLE).map((r) => r.id)])).rows[0]!.c,
      );
      const reminders = sent.slice(sentBefore).filter((m) => m.key.includes('-remind:')).length;
      const rss = process.memoryUsage().rss;
      const remind = mean(handlerMs.remind);
      const breach = mean(handlerMs.breach);
      perSize.push({ n, remind, breach, wallPerJob: wallMs / (2 * SAMPLE), rss });
      add(n, 'open tickets in the store', open.toLocaleString('en'));
      add(n, `'remind' handler ms, mean / median (${SAMPLE} jobs)`, `${remind.toFixed(2)} / ${median(handlerMs.remind).toFixed(2)}`);
      add(n, `'breach' handler ms, mean / median (${SAMPLE} jobs; escalated ${escalated})`, `${breach.toFixed(2)} / ${median(handlerMs.breach).toFixed(2)}`);
      add(n, `wall time for ${2 * SAMPLE} due jobs (due → last done), per job`, `${wallMs.toFixed(0)} ms, ${(wallMs / (2 * SAMPLE)).toFixed(2)} ms`);
      add(n, 'reminders sent / escalation messages sent', `${reminders} / ${sent.length - sentBefore - reminders}`);
      add(n, 'RSS / heap used of this process after the ticks', `${mib(rss)} / ${mib(process.memoryUsage().heapUsed)}`);
      add(n, 'Redis used_memory (sampled timers + the timers of earlier reconcile runs)', mib(await redisUsedMemory(redis.url)));

      if (n <= RECONCILE_MAX) {
        // reconcile as at a start with an empty queue: a fresh SLA on a fresh prefix
        const rq = createBullmqQueues({ connection: redis.url, prefix: `sla-bench-reconcile-${n}`, logger });
        opened.push(rq);
        const fresh = createSla({ store, tickets, router, queues: rq, outbox, calendar: chineseDaysCalendar, logger });
        const r0 = performance.now();
        const report = await fresh.reconcile();
        const rMs = performance.now() - r0;
        reconcileRate = (report.tickets / rMs) * 1000;
        add(n, `reconcile at start: ${report.tickets.toLocaleString('en')} tickets, ${report.timers.toLocaleString('en')} timers added`, `${(rMs / 1000).toFixed(1)} s (${Math.round((report.tickets / rMs) * 1000)} tickets/s)`);
        await rq.close();
      } else {
        const rate = reconcileRate ? ` ≈ ${Math.round(n / reconcileRate)} s at the measured ${Math.round(reconcileRate)} tickets/s` : '';
        add(n, 'reconcile at start', `not run (> LINLI_BENCH_SLA_RECONCILE_MAX)${rate}`);
      }
      process.stderr.write(`${n.toLocaleString('en')} open: remind ${remind.toFixed(2)} ms, breach ${breach.toFixed(2)} ms, RSS ${mib(rss)}\n`);
    }

    const first = perSize[0]!;
    const last = perSize.at(-1)!;
    const label = `${last.n.toLocaleString('en')} vs ${first.n.toLocaleString('en')}`;
    const rb = last.breach / first.breach;
    const rr = last.remind / first.remind;
    const rw = last.wallPerJob / first.wallPerJob;
    add(label, "ratio of 'breach' handler time", rb.toFixed(2), '≈ 1 (≤ 1.5)', rb <= 1.5);
    add(label, "ratio of 'remind' handler time", rr.toFixed(2), '≈ 1 (≤ 1.5)', rr <= 1.5);
    add(label, 'ratio of wall time per due job', rw.toFixed(2), '≈ 1 (≤ 1.5)', rw <= 1.5);
    add(label, 'ratio of RSS', (last.rss / first.rss).toFixed(2), '≈ 1 (≤ 1.5)', last.rss / first.rss <= 1.5);
  } finally {
    for (const q of opened) await q.close().catch(() => undefined);
    await store?.close();
    await pool.end();
    await redis.stop();
    await db.drop();
  }
  print(rows);
}

function print(rows: Row[]): void {
  const head: Row = { open: 'open tickets', metric: 'metric', value: 'value', target: 'target', ok: 'met' };
  const all = [head, ...rows];
  const w = (k: keyof Row): number => Math.max(...all.map((r) => r[k].length));
  const line = (r: Row): string =>
    `${r.open.padStart(w('open'))}  ${r.metric.padEnd(w('metric'))}  ${r.value.padStart(w('value'))}  ${r.target.padEnd(w('target'))}  ${r.ok}`;
  console.log(`\nLinli SLA scheduler — node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
  console.log(line(head));
  console.log('-'.repeat(line(head).length));
  for (const r of rows) console.log(line(r));
}

await main();
