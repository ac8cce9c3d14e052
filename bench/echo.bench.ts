// The echo look-up at a street's scale: `npx tsx bench/echo.bench.ts`.
// A message with the bot's marks (#N, 【…】, 「…」) is looked up among the bot's messages of the last 30 days: is it a
// pasted copy of one? A street of 1,000 groups sends about 200,000 messages a month. This fills a fresh PostgreSQL
// database (LINLI_TEST_PG_URL) with LINLI_BENCH_ECHO_ROWS (200,000) bot messages spread over the last 30 days, bulk
// inserted with generate_series: receipts, staff alerts, progress and closing notes naming ~40,000 tickets, patrol
// alerts (no number; ~2,900 share their first 12 characters), 20 broadcasts each sent to 1,000 groups, short replies. Their echo keys are written by the migration's own
// UPDATE (its time is printed). Then, for four kinds of text, LINLI_BENCH_ECHO_QUERIES (200) look-ups each, after 20
// to warm up, through the store's outgoingWithin (the rows whose key the text holds); the old query (every outgoing row
// of the window, a regexp each) on LINLI_BENCH_ECHO_OLD_QUERIES (40) of them after 3, as it takes about a second each.
// p50/p95 of each; both must answer the same message for every text compared.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openStore } from '../src/adapters/prisma/prisma-store.ts';
import { squeeze } from '../src/core/assistant/echo.ts';
import type { Store } from '../src/core/ports/store.port.ts';
import { createPostgresDatabase } from '../test/support/databases.ts';

const ROWS = Number(process.env['LINLI_BENCH_ECHO_ROWS'] ?? 200_000);
const QUERIES = Number(process.env['LINLI_BENCH_ECHO_QUERIES'] ?? 200);
const WARMUP = 20;
/** The old query reads the whole window: it is timed (and compared) on fewer texts. */
const OLD_QUERIES = Number(process.env['LINLI_BENCH_ECHO_OLD_QUERIES'] ?? 40);
const OLD_WARMUP = 3;
const DAYS = 30;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

/** The query before the echo key: every outgoing row of the window, whitespace removed by a regexp, compared. */
const OLD_QUERY = `SELECT id FROM "Message"
  WHERE platform = $1::"Platform" AND "senderExternalId" IS NULL AND direction = 'OUT'
    AND "sentAt" >= (now() AT TIME ZONE 'UTC') - make_interval(days => $2::int)
    AND char_length(regexp_replace(text, '\\s+', '', 'g')) >= 12
    AND strpos($3, regexp_replace(text, '\\s+', '', 'g')) > 0
  ORDER BY "sentAt" DESC, id DESC LIMIT 1`;

/** The migration's UPDATE that gives stored bot messages their key. */
function backfillSql(): string {
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'prisma', 'migrations');
  const mig = readdirSync(dir).find((d) => d.endsWith('_echo_key'));
  if (!mig) throw new Error('no echo_key migration');
  const sql = readFileSync(path.join(dir, mig, 'migration.sql'), 'utf8');
  const at = sql.indexOf('UPDATE "Message"');
  if (at < 0) throw new Error('no UPDATE in the echo_key migration');
  return sql.slice(at, sql.indexOf(';', at) + 1);
}

async function fill(pool: pg.Pool): Promise<void> {
  // g % 10: 0-3 receipt, 4 staff alert, 5 progress, 6 closed, 7 patrol alert, 8 broadcast (20 texts), 9 a short reply
  await pool.query(
    `INSERT INTO "Message" (platform, "externalId", direction, text, "sentAt")
     SELECT 'WECHAT', 'out-' || g, 'OUT',
       CASE g % 10
         WHEN 4 THEN '新工单 #' || t || '（' || cat || '）来自「第' || c || '社区' || u || '号楼睦邻群」：' || u || '号楼' || (g % 30) || '楼楼道灯不亮了。请在 12月' || d || '日 10:00 前认领。'
         WHEN 5 THEN '工单 #' || t || ' 进展：已联系物业维修师傅，预计明天上午上门处理。'
         WHEN 6 THEN '工单 #' || t || ' 已办结：已处理完毕，如仍有问题请在群里告诉我们。'
         WHEN 7 THEN '疑似飞线充电（第' || c || '社区' || u || '号楼睦邻群）：有电线从窗口垂下给电动车充电，请网格员核实。'
         WHEN 8 THEN '【通知】第' || ((g / 10) % 20) || '期：明天上午9点至12点辖区停水检修，请各位居民提前储水，给您带来不便敬请谅解。'
         WHEN 9 THEN '收到，谢谢。'
         ELSE '已收到，工单 #' || t || ' 已登记（' || cat || '），网格员将于 1 个工作日内受理，12月' || d || '日 前办结。'
       END,
       (now() AT TIME ZONE 'UTC') - make_interval(secs => (g::float8 / $1) * ($2 - 0.01) * 86400)
     FROM (SELECT g, 1000 + g / 5 AS t, 1 + (g / 7) % 10 AS c, 1 + (g / 13) % 100 AS u, 1 + (g / 3) % 28 AS d,
                  (ARRAY['水电气暖','环境卫生','公共设施','邻里纠纷','治安消防'])[1 + (g / 11) % 5] AS cat
           FROM generate_series(1, $1::int) AS g) x`,
    [ROWS, DAYS],
  );
}

type Kind = { name: string; texts: string[] };

async function texts(pool: pg.Pool): Promise<Kind[]> {
  const sample = async (mod: number) =>
    (await pool.query<{ text: string }>(`SELECT text FROM "Message" WHERE id % 10 = $1 ORDER BY random() LIMIT $2`, [mod, QUERIES + WARMUP])).rows.map((r) => r.text);
  const receipts = await sample(2);
  const patrol = await sample(7);
  return [
    { name: 'copy of a receipt (hit)', texts: receipts.map((t) => `邻里助手：${t} 还是没人来，灯还是不亮`) },
    { name: 'copy of a broadcast sent to 1,000 groups (hit)', texts: (await sample(8)).map((t) => `转发：${t}`) },
    { name: 'a receipt naming another ticket (miss)', texts: receipts.map((t, i) => t.replace(/#\d+/u, `#${900_000 + i}`)) },
    // patrol alerts carry no #number: their key is their first 12 characters, which a thousand alerts share
    { name: 'copy of a patrol alert (hit)', texts: patrol.map((t) => `大家看看：${t}`) },
    { name: 'a patrol alert reworded (miss: every row of its key read)', texts: patrol.map((t) => t.replace('请网格员核实', '请物业尽快处理')) },
    { name: "a resident's own words with a mark (miss)", texts: receipts.map((_, i) => `【求助】${(i % 30) + 1}号楼电梯又坏了，困了人，物业电话打不通，谁能帮忙联系一下 #${i}`) },
  ];
}

async function main(): Promise<void> {
  const db = await createPostgresDatabase();
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  let store: Store | undefined;
  const rows: string[] = [];
  try {
    store = await openStore({ kind: 'postgres', url: db.url });
    let t0 = performance.now();
    await fill(pool);
    console.log(`${ROWS.toLocaleString('en')} bot messages over ${DAYS} days inserted in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    t0 = performance.now();
    const keyed = await pool.query(backfillSql());
    console.log(`echo keys written by the migration's UPDATE for ${keyed.rowCount?.toLocaleString('en')} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    await pool.query('ANALYZE "Message"');
    const keys = (await pool.query<{ k: string; n: string }>(`SELECT count(DISTINCT "echoKey") AS k, max(c) AS n FROM (SELECT "echoKey", count(*) OVER (PARTITION BY "echoKey") AS c FROM "Message" WHERE "echoKey" IS NOT NULL) x`)).rows[0]!;
    console.log(`${Number(keys.k).toLocaleString('en')} distinct keys; the most rows under one key: ${Number(keys.n).toLocaleString('en')}`);

    for (const kind of await texts(pool)) {
      const old: number[] = [];
      const now: number[] = [];
      let hits = 0;
      let compared = 0;
      for (const [i, text] of kind.texts.entries()) {
        const squeezed = squeeze(text);
        let s = performance.now();
        const b = (await store.messages.outgoingWithin('WECHAT', squeezed, DAYS))?.id ?? null;
        if (i >= WARMUP) now.push(performance.now() - s);
        if (b !== null) hits++;
        if (i >= OLD_WARMUP + OLD_QUERIES) continue;
        s = performance.now();
        const a = (await pool.query<{ id: number }>(OLD_QUERY, ['WECHAT', DAYS, squeezed])).rows[0]?.id ?? null;
        if (i >= OLD_WARMUP) old.push(performance.now() - s);
        if (a !== b) throw new Error(`the look-ups disagree on «${text}»: old ${a}, new ${b}`);
        compared++;
      }
      const line = `| ${kind.name} | ${pct(old, 50).toFixed(1)} / ${pct(old, 95).toFixed(1)} ms | ${pct(now, 50).toFixed(2)} / ${pct(now, 95).toFixed(2)} ms | ${(pct(old, 50) / pct(now, 50)).toFixed(0)}× | ${hits}/${kind.texts.length} | ${compared} |`;
      console.log(line);
      rows.push(line);
    }
  } finally {
    await store?.close();
    await pool.end();
    await db.drop();
  }
  console.log(`\n${ROWS.toLocaleString('en')} bot messages; per kind ${QUERIES} look-ups timed (after ${WARMUP}), the old query on ${OLD_QUERIES} of them (after ${OLD_WARMUP}); old and new answered the same message for every text compared`);
  console.log('| text | old query p50 / p95 | outgoingWithin p50 / p95 | p50 ratio | found | compared with old |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
}

await main();
