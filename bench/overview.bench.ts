// The one-screen overview against a long history (issue #14): `npx tsx bench/overview.bench.ts`.
// A street of 10 communities × 10 grids × 10 units with 1,000 groups (one per unit) in a fresh PostgreSQL database
// (LINLI_TEST_PG_URL). History is bulk-inserted with generate_series, straight into the tables: closed tickets spread
// over three years with their daily roll-ups (what the ticket-bus subscriber would have written, summed per day, node
// and category up the chain), incoming messages and closed patrol findings in proportion. The present does not
// change between sizes: 500 open tickets (a tenth past a deadline), 200 open findings, a message in 700 groups in the
// last week. For each size GET /api/overview is asked over HTTP as the street's staff, as the console asks it:
// LINLI_BENCH_OVERVIEW_WARMUP (30) then LINLI_BENCH_OVERVIEW_REQUESTS (300) requests one after the other; p50, p95,
// and the ratio of p95 at the largest size to p95 at the smallest (target ≤ 1.5; p95 target ≤ 100 ms).
// Knobs: LINLI_BENCH_OVERVIEW_SIZES (10000,1000000).
import os from 'node:os';
import pg from 'pg';
import { createBroadcastService } from '../src/adapters/broadcast/create-broadcast.ts';
import { adminRoutes } from '../src/adapters/http/admin-api.ts';
import { tokenAuthenticator } from '../src/adapters/http/authenticate.ts';
import { createHttpServer, listen } from '../src/adapters/http/http-server.ts';
import { createMemoryLogger } from '../src/adapters/logging/pino.logger.ts';
import { createMemoryQueues } from '../src/adapters/memory/memory-job-queues.ts';
import { openStore } from '../src/adapters/prisma/prisma-store.ts';
import type { GridSpec } from '../src/core/ports/grid.repository.ts';
import type { Store } from '../src/core/ports/store.port.ts';
import { DEFAULT_CATEGORIES } from '../src/core/triage/categories.ts';
import { cachedScope } from '../src/adapters/http/patrol.routes.ts';
import { systemClock } from '../src/core/ports/clock.port.ts';
import { OverviewService } from '../src/core/stats/overview.service.ts';
import { createPostgresDatabase } from '../test/support/databases.ts';

const SIZES = (process.env['LINLI_BENCH_OVERVIEW_SIZES'] ?? '10000,1000000').split(',').map(Number);
const WARMUP = Number(process.env['LINLI_BENCH_OVERVIEW_WARMUP'] ?? 30);
const REQUESTS = Number(process.env['LINLI_BENCH_OVERVIEW_REQUESTS'] ?? 300);
const HISTORY_DAYS = 3 * 365;
const OPEN_TICKETS = 500;
const CATEGORIES = Object.keys(DEFAULT_CATEGORIES);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

/** 荔城区 › 拱辰街道 › 10 communities › 10 grids each › 10 units each, a group on every unit, staff on the street. */
function streetGrid(): GridSpec {
  const spec: GridSpec = {
    nodes: [
      { code: 'D', name: '荔城区', level: 'DISTRICT', parentCode: null },
      { code: 'S', name: '拱辰街道', level: 'STREET', parentCode: 'D' },
    ],
    groups: [],
    people: [{ key: 'street', name: '方志明', identities: [{ platform: 'WECHAT', externalId: 'wx-street' }], roles: [{ role: 'STREET_STAFF', nodeCode: 'S' }] }],
  };
  for (let c = 1; c <= 10; c++) {
    spec.nodes.push({ code: `C${c}`, name: `第${c}社区`, level: 'COMMUNITY', parentCode: 'S' });
    for (let g = 1; g <= 10; g++) {
      spec.nodes.push({ code: `C${c}G${g}`, name: `第${c}社区第${g}网格`, level: 'GRID', parentCode: `C${c}` });
      spec.people.push({ key: `gw-${c}-${g}`, name: `网格员${c}-${g}`, identities: [{ platform: 'WECHAT', externalId: `wx-gw-${c}-${g}` }], roles: [{ role: 'GRID_WORKER', nodeCode: `C${c}G${g}` }] });
      for (let u = 1; u <= 10; u++) {
        const code = `C${c}G${g}U${u}`;
        spec.nodes.push({ code, name: `${c}-${g}-${u}号楼`, level: 'UNIT', parentCode: `C${c}G${g}` });
        spec.groups.push({ platform: 'WECHAT', externalId: `room-${code}`, title: `${code}睦邻群`, nodeCode: code, tags: [] });
      }
    }
  }
  return spec;
}

const COUNTED = `reported, accepted, "acceptedOnTime", resolved, "resolvedOnTime", closed, rated, satisfied`;
const ADD = COUNTED.split(', ').map((c) => `${c} = "TicketDailyStat".${c} + EXCLUDED.${c}`).join(', ');

/** Closed tickets `from`..`to` (ids of generate_series), spread over the history, and their roll-ups up the chain. */
async function addHistory(pool: pg.Pool, units: number[], groups: number[], from: number, to: number): Promise<void> {
  const n = to - from + 1;
  const before = Number((await pool.query<{ m: number }>(`SELECT coalesce(max(id), 0) AS m FROM "Ticket"`)).rows[0]!.m);
  await pool.query(
    `INSERT INTO "Ticket" (category, summary, status, "gridNodeId", "groupId", "acceptDueAt", "resolveDueAt", satisfaction, version,
        "createdAt", "updatedAt", "acceptedAt", "resolvedAt", "closedAt")
     SELECT ($1::text[])[1 + g % $2], '历史工单 ' || g, 'CLOSED', ($3::int[])[1 + g % 1000], ($4::int[])[1 + g % 1000],
        c + interval '1 day', c + interval '3 days', CASE WHEN g % 10 = 3 THEN 'BASIC'::"Satisfaction" ELSE 'SATISFIED'::"Satisfaction" END, 3,
        c, c + interval '2 days', c + interval '2 hours', c + interval '2 days', c + interval '2 days'
     FROM (SELECT g, (now() AT TIME ZONE 'UTC') - interval '1 day' - make_interval(secs => ((g - $5)::float8 / $6) * $7 * 86400) AS c
           FROM generate_series($5::int, $8::int) AS g) x`,
    [CATEGORIES, CATEGORIES.length, units, groups, from, n, HISTORY_DAYS, to],
  );
  // what the subscriber would have counted, per day (China), node of the chain and category; some late ones
  await pool.query(
    `INSERT INTO "TicketDailyStat" (day, "gridNodeId", category, ${COUNTED})
     SELECT (t."createdAt" + interval '8 hours')::date, a.anc, t.category, count(*), count(*), count(*) FILTER (WHERE t.id % 10 <> 0),
            count(*), count(*) FILTER (WHERE t.id % 7 <> 0), count(*), count(*), count(*)
     FROM "Ticket" t JOIN bench_chain a ON a.node = t."gridNodeId"
     WHERE t.id > $1
     GROUP BY 1, 2, 3
     ON CONFLICT (day, "gridNodeId", category) DO UPDATE SET ${ADD}`,
    [before],
  );
  // message history in proportion (one per ticket), and a closed patrol finding per hundred tickets
  await pool.query(
    `INSERT INTO "Message" (platform, "externalId", direction, "groupId", "senderExternalId", "senderName", text, "sentAt")
     SELECT 'WECHAT', 'hist-' || g, 'IN', ($1::int[])[1 + g % 1000], 'wx-r' || (g % 5000), '居民', '早上好',
            (now() AT TIME ZONE 'UTC') - interval '8 days' - make_interval(secs => ((g - $2)::float8 / $3) * $4 * 86400)
     FROM generate_series($2::int, $5::int) AS g`,
    [groups, from, n, HISTORY_DAYS, to],
  );
  await pool.query(
    `INSERT INTO "PatrolFinding" (rule, severity, status, "groupId", summary, data, "dedupKey", "updatedAt")
     SELECT 'spam', 'MEDIUM', 'CLOSED', ($1::int[])[1 + g % 1000], '广告', '{}', 'hist-' || g, now() FROM generate_series($2::int, $3::int, 100) AS g`,
    [groups, from, to],
  );
  await pool.query('ANALYZE');
}

/** The present, the same at every size: open tickets, open findings, recent messages. */
async function addPresent(pool: pg.Pool, units: number[], groups: number[]): Promise<void> {
  await pool.query(
    `INSERT INTO "Ticket" (category, summary, status, "gridNodeId", "groupId", "acceptDueAt", "resolveDueAt", "createdAt", "updatedAt")
     SELECT ($1::text[])[1 + g % $2], '在办工单 ' || g, CASE WHEN g % 2 = 0 THEN 'ACCEPTED'::"TicketStatus" ELSE 'REPORTED'::"TicketStatus" END,
            ($3::int[])[1 + (g * 7) % 1000], ($4::int[])[1 + (g * 7) % 1000],
            n + CASE WHEN g % 10 = 1 THEN interval '-1 hour' ELSE interval '1 day' END, n + interval '3 days', n - interval '2 hours', n
     FROM (SELECT g, (now() AT TIME ZONE 'UTC') AS n FROM generate_series(1, $5::int) AS g) x`,
    [CATEGORIES, CATEGORIES.length, units, groups, OPEN_TICKETS],
  );
  await pool.query(
    `INSERT INTO "PatrolFinding" (rule, severity, status, "groupId", summary, data, "dedupKey", "updatedAt")
     SELECT 'hazard', (ARRAY['LOW','MEDIUM','HIGH','CRITICAL'])[1 + g % 4]::"PatrolSeverity", 'OPEN', ($1::int[])[1 + (g * 5) % 1000], '隐患', '{}', 'open-' || g, now()
     FROM generate_series(1, 200) AS g`,
    [groups],
  );
  await pool.query(
    `INSERT INTO "Message" (platform, "externalId", direction, "groupId", "senderExternalId", "senderName", text, "sentAt")
     SELECT 'WECHAT', 'recent-' || g, 'IN', ($1::int[])[g], 'wx-r' || g, '居民', '谢谢', (now() AT TIME ZONE 'UTC') - interval '2 days'
     FROM generate_series(1, 700) AS g`,
    [groups],
  );
}

/** Where a request's time goes: each read of the overview alone (LINLI_BENCH_OVERVIEW_PROFILE=1). */
async function profile(store: Store, units: number[], groups: number[]): Promise<void> {
  const all = (await store.grid.all()).map((n) => n.id);
  const street = (await store.grid.findByCode('S'))!.id;
  const children = (await store.grid.all()).filter((n) => n.level === 'COMMUNITY').map((n) => n.id);
  const now = new Date();
  const reads: [string, () => Promise<unknown>][] = [
    ['byDayAndCategory', () => store.stats.byDayAndCategory([street], '2026-11-01', '2026-12-31')],
    ['byNode', () => store.stats.byNode(children, '2026-12-01', '2026-12-31')],
    ['openByNode', () => store.stats.openByNode(all, now)],
    ['groupsActiveSince', () => store.stats.groupsActiveSince(groups, new Date(now.getTime() - 7 * 86_400_000))],
    ['openFindingsBySeverity', () => store.stats.openFindingsBySeverity(groups)],
    ['groups.list', () => store.groups.list()],
  ];
  void units;
  for (const [name, read] of reads) {
    for (let i = 0; i < 5; i++) await read();
    const ms: number[] = [];
    for (let i = 0; i < 30; i++) {
      const s = performance.now();
      await read();
      ms.push(performance.now() - s);
    }
    console.log(`  ${name}: p50 ${pct(ms, 50).toFixed(2)} ms, p95 ${pct(ms, 95).toFixed(2)} ms`);
  }
}

async function main(): Promise<void> {
  const db = await createPostgresDatabase();
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  let store: Store | undefined;
  let api: { url: string; close(): Promise<void> } | undefined;
  const queues = createMemoryQueues();
  const results: { size: number; p50: number; p95: number; max: number; rows: number; bytes: number; svc50: number; svc95: number }[] = [];
  try {
    store = await openStore({ kind: 'postgres', url: db.url });
    let t0 = performance.now();
    await store.grid.importSpec(streetGrid());
    console.log(`grid: 1,111 nodes, 1,000 groups imported in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const ids = async (sql: string) => (await pool.query<{ id: number }>(sql)).rows.map((r) => r.id);
    const units = await ids(`SELECT id FROM "GridNode" WHERE level = 'UNIT' ORDER BY id`);
    const groups = await ids(`SELECT g.id FROM "Group" g JOIN "GridNode" n ON n.id = g."gridNodeId" ORDER BY n.id`);
    await pool.query(`CREATE TABLE bench_chain AS SELECT n.id AS node, a.id AS anc FROM "GridNode" n JOIN "GridNode" a ON n.path LIKE a.path || '%'`);
    await pool.query(`CREATE INDEX ON bench_chain (node)`);
    await addPresent(pool, units, groups);

    const { logger } = createMemoryLogger('error');
    const { service } = createBroadcastService({ store, queues, gateways: {}, rate: { max: 50, durationMs: 100 } });
    api = await listen(createHttpServer({ routes: adminRoutes({ store, queues, broadcast: service, logger }), authenticate: tokenAuthenticator({ t: 'street' }, store), logger }), 0);
    const ask = async () => {
      const res = await fetch(`${api!.url}/api/overview`, { headers: { authorization: 'Bearer t' } });
      if (res.status !== 200) throw new Error(`overview answered ${res.status}: ${await res.text()}`);
      return res.text();
    };

    if (process.env['LINLI_BENCH_OVERVIEW_PROFILE']) await profile(store, units, groups);
    const direct = new OverviewService({ stats: store.stats, scope: cachedScope(store), clock: systemClock });
    const street = (await store.grid.findByCode('S'))!;
    let inserted = 0;
    for (const size of SIZES) {
      t0 = performance.now();
      await addHistory(pool, units, groups, inserted + 1, size);
      inserted = size;
      const rows = Number((await pool.query<{ c: string }>(`SELECT count(*) AS c FROM "TicketDailyStat"`)).rows[0]!.c);
      console.log(`${size.toLocaleString('en')} historic tickets (+ messages, findings, ${rows.toLocaleString('en')} roll-up rows) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      for (let i = 0; i < WARMUP; i++) await ask();
      const ms: number[] = [];
      let bytes = 0;
      for (let i = 0; i < REQUESTS; i++) {
        const s = performance.now();
        bytes = (await ask()).length;
        ms.push(performance.now() - s);
      }
      // the core service alone, in process (no HTTP, no token look-up, no JSON)
      const svc: number[] = [];
      for (let i = 0; i < REQUESTS; i++) {
        const s = performance.now();
        await direct.overview([street]);
        svc.push(performance.now() - s);
      }
      results.push({ size, p50: pct(ms, 50), p95: pct(ms, 95), max: Math.max(...ms), rows, bytes, svc50: pct(svc, 50), svc95: pct(svc, 95) });
    }
    const body = JSON.parse(await ask()) as { month: { counts: { reported: number } }; open: { total: number; overdue: number }; groups: unknown; patrol: unknown };
    console.log(`last answer: month reported ${body.month.counts.reported}, open ${JSON.stringify(body.open)}, groups ${JSON.stringify(body.groups)}, patrol ${JSON.stringify(body.patrol)}`);
  } finally {
    await api?.close();
    await queues.close();
    await store?.close();
    await pool.end();
    await db.drop();
  }

  console.log('\n| historic tickets | roll-up rows | HTTP p50 | HTTP p95 (target ≤ 100 ms) | HTTP max | service p50 / p95 | answer |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(`| ${r.size.toLocaleString('en')} | ${r.rows.toLocaleString('en')} | ${r.p50.toFixed(1)} ms | ${r.p95.toFixed(1)} ms ${r.p95 <= 100 ? '(ok)' : '(NOT met)'} | ${r.max.toFixed(1)} ms | ${r.svc50.toFixed(1)} / ${r.svc95.toFixed(1)} ms | ${(r.bytes / 1024).toFixed(1)} KiB |`);
  }
  if (results.length >= 2) {
    const ratio = results[results.length - 1]!.p95 / results[0]!.p95;
    const svcRatio = results[results.length - 1]!.svc95 / results[0]!.svc95;
    console.log(`\nratio of p95 at ${results[results.length - 1]!.size.toLocaleString('en')} to ${results[0]!.size.toLocaleString('en')}: HTTP ${ratio.toFixed(2)}, service ${svcRatio.toFixed(2)} (target ≤ 1.5: ${ratio <= 1.5 ? 'met' : 'NOT met'})`);
    console.log(`load average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
  }
}

await main();
