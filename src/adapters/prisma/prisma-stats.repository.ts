// The overview's roll-ups and reads in plain SQL (sql.ts): one statement per ticket change (apply) or per batch of
// changes (applyMany, the recorder's group commit), which marks each change applied and adds its counts to every node
// of its chain together, so a retried change adds nothing.
import type { ChangeKey, OpenTicketCounts, StatIncrement, StatsRepository, TicketHistory } from '../../core/ports/stats.repository.ts';
import { COUNTERS, zeroCounts, type Counts, type DailyStatRow } from '../../core/stats/stats.types.ts';
import { AWAITING_CLAIM } from '../../core/tickets/overdue.ts';
import { OPEN_STATUSES } from '../../core/tickets/transitions.ts';
import { enumArray, overdueSql, ts, utc, type Sql } from './sql.ts';

const Q = (c: string) => `"${c}"`;
const COLS = COUNTERS.map(Q).join(', ');
const ADD = COUNTERS.map((c) => `${Q(c)} = "TicketDailyStat".${Q(c)} + EXCLUDED.${Q(c)}`).join(', ');
const SUMS = COUNTERS.map((c) => `SUM(${Q(c)})::int AS ${Q(c)}`).join(', ');

const APPLY = `
WITH fresh AS (
  INSERT INTO "TicketStatApplied" ("ticketId", version) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1
)
INSERT INTO "TicketDailyStat" (day, "gridNodeId", category, ${COLS})
SELECT $3::date, n, $4, ${COUNTERS.map((_, i) => `$${i + 6}::int`).join(', ')}
FROM unnest($5::int[]) AS n WHERE EXISTS (SELECT 1 FROM fresh)
ON CONFLICT (day, "gridNodeId", category) DO UPDATE SET ${ADD}
RETURNING 1`;

// several changes: one input row per (change, node of its chain); each change is marked applied once and only the
// fresh ones add their counts, summed per roll-up row (a data-modifying WITH runs whether or not it is read)
const APPLY_MANY = `
WITH input AS (
  SELECT * FROM unnest($1::int[], $2::int[], $3::date[], $4::text[], $5::int[], ${COUNTERS.map((_, i) => `$${i + 6}::int[]`).join(', ')})
    AS x(t, v, day, cat, node, ${COUNTERS.map((_, i) => `c${i}`).join(', ')})
),
fresh AS (
  INSERT INTO "TicketStatApplied" ("ticketId", version) SELECT DISTINCT t, v FROM input
  ON CONFLICT DO NOTHING RETURNING "ticketId" AS t, version AS v
),
added AS (
  INSERT INTO "TicketDailyStat" (day, "gridNodeId", category, ${COLS})
  SELECT i.day, i.node, i.cat, ${COUNTERS.map((_, i) => `SUM(i.c${i})::int`).join(', ')}
  FROM input i JOIN fresh f ON f.t = i.t AND f.v = i.v GROUP BY i.day, i.node, i.cat
  ON CONFLICT (day, "gridNodeId", category) DO UPDATE SET ${ADD}
  RETURNING 1
)
SELECT t, v FROM fresh`;

const ADD_ROWS = `
INSERT INTO "TicketDailyStat" (day, "gridNodeId", category, ${COLS})
SELECT * FROM unnest($1::date[], $2::int[], $3::text[], ${COUNTERS.map((_, i) => `$${i + 4}::int[]`).join(', ')})
ON CONFLICT (day, "gridNodeId", category) DO UPDATE SET ${ADD}`;

type CountRow = Record<string, number | string>;
const countsOf = (r: CountRow): Counts => {
  const c = zeroCounts();
  for (const k of COUNTERS) c[k] = Number(r[k] ?? 0);
  return c;
};

export class PrismaStatsRepository implements StatsRepository {
  constructor(private readonly sql: Sql) {}

  async apply(key: ChangeKey, inc: StatIncrement): Promise<boolean> {
    if (inc.gridNodeIds.length === 0) return false;
    const rows = await this.sql.query(APPLY, [
      key.ticketId,
      key.version,
      inc.day,
      inc.category,
      [...inc.gridNodeIds],
      ...COUNTERS.map((c) => inc.counts[c] ?? 0),
    ]);
    return rows.length > 0;
  }

  async applyMany(changes: readonly { key: ChangeKey; inc: StatIncrement }[]): Promise<boolean[]> {
    const firsts = new Set<string>();
    const cols: unknown[][] = [[], [], [], [], [], ...COUNTERS.map(() => [])];
    const keyOf = (k: ChangeKey) => `${k.ticketId}:${k.version}`;
    const firstCopy = changes.map(({ key, inc }) => {
      const k = keyOf(key);
      if (firsts.has(k) || inc.gridNodeIds.length === 0) return false;
      firsts.add(k);
      for (const node of inc.gridNodeIds) {
        cols[0]!.push(key.ticketId), cols[1]!.push(key.version), cols[2]!.push(inc.day), cols[3]!.push(inc.category), cols[4]!.push(node);
        COUNTERS.forEach((c, i) => cols[i + 5]!.push(inc.counts[c] ?? 0));
      }
      return true;
    });
    if (firsts.size === 0) return changes.map(() => false);
    const fresh = new Set((await this.sql.query<{ t: number; v: number }>(APPLY_MANY, cols)).map((r) => `${r.t}:${r.v}`));
    return changes.map(({ key }, i) => firstCopy[i]! && fresh.has(keyOf(key)));
  }

  async byDayAndCategory(gridNodeIds: readonly number[], from: string, to: string) {
    if (gridNodeIds.length === 0) return [];
    const rows = await this.sql.query<CountRow & { day: string; category: string }>(
      `SELECT day::text AS day, category, ${SUMS} FROM "TicketDailyStat"
       WHERE "gridNodeId" = ANY($1::int[]) AND day BETWEEN $2::date AND $3::date GROUP BY day, category`,
      [[...gridNodeIds], from, to],
    );
    return rows.map((r) => ({ day: r.day, category: r.category, counts: countsOf(r) }));
  }

  async byNode(gridNodeIds: readonly number[], from: string, to: string) {
    if (gridNodeIds.length === 0) return [];
    const rows = await this.sql.query<CountRow & { gridNodeId: number }>(
      `SELECT "gridNodeId", ${SUMS} FROM "TicketDailyStat"
       WHERE "gridNodeId" = ANY($1::int[]) AND day BETWEEN $2::date AND $3::date GROUP BY "gridNodeId"`,
      [[...gridNodeIds], from, to],
    );
    return rows.map((r) => ({ gridNodeId: Number(r.gridNodeId), counts: countsOf(r) }));
  }

  async openByNode(gridNodeIds: readonly number[], now: Date): Promise<OpenTicketCounts[]> {
    if (gridNodeIds.length === 0) return [];
    const rows = await this.sql.query<{ gridNodeId: number; open: number; overdue: number }>(
      `SELECT "gridNodeId", count(*)::int AS open,
         count(*) FILTER (WHERE ${overdueSql('$3', '$4')})::int AS overdue
       FROM "Ticket" WHERE "gridNodeId" = ANY($1::int[]) AND status = ANY($2::"TicketStatus"[]) GROUP BY "gridNodeId"`,
      [[...gridNodeIds], enumArray(OPEN_STATUSES), ts(now), enumArray(AWAITING_CLAIM)],
    );
    return rows.map((r) => ({ gridNodeId: Number(r.gridNodeId), open: Number(r.open), overdue: Number(r.overdue) }));
  }

  async groupsActiveSince(groupIds: readonly number[], since: Date): Promise<number[]> {
    if (groupIds.length === 0) return [];
    // the index ("groupId", "sentAt") reads the messages of the window only, whatever the history (one bitmap scan:
    // about 6× faster than a probe per group for a thousand groups)
    const rows = await this.sql.query<{ id: number }>(
      `SELECT DISTINCT "groupId" AS id FROM "Message"
       WHERE "groupId" = ANY($1::int[]) AND "sentAt" >= $2::timestamp AND direction = 'IN'`,
      [[...groupIds], ts(since)],
    );
    return rows.map((r) => Number(r.id));
  }

  async openFindingsBySeverity(groupIds: readonly number[]): Promise<Record<string, number>> {
    if (groupIds.length === 0) return {};
    const rows = await this.sql.query<{ severity: string; n: number }>(
      `SELECT severity::text AS severity, count(*)::int AS n FROM "PatrolFinding"
       WHERE status IN ('OPEN', 'ACKNOWLEDGED') AND "groupId" = ANY($1::int[]) GROUP BY severity`,
      [[...groupIds]],
    );
    return Object.fromEntries(rows.map((r) => [r.severity, Number(r.n)]));
  }

  async state() {
    const [r] = await this.sql.query<{ rows: number; tickets: number }>(
      `SELECT (SELECT count(*) FROM (SELECT 1 FROM "TicketDailyStat" LIMIT 1) x)::int AS rows,
              (SELECT count(*) FROM (SELECT 1 FROM "Ticket" LIMIT 1) y)::int AS tickets`,
    );
    return { rows: Number(r?.rows ?? 0), tickets: Number(r?.tickets ?? 0) };
  }

  async clear(): Promise<void> {
    await this.sql.query(`DELETE FROM "TicketDailyStat"`);
    await this.sql.query(`DELETE FROM "TicketStatApplied"`);
  }

  async histories(afterId: number, limit: number): Promise<TicketHistory[]> {
    // one statement: the versions read match the events read
    const rows = await this.sql.query<{
      id: number; version: number; gridNodeId: number; category: string; acceptDueAt: Date | null; resolveDueAt: Date | null;
      type: string | null; at: Date | null; data: Record<string, unknown> | null;
    }>(
      `WITH t AS (SELECT id, version, "gridNodeId", category, "acceptDueAt", "resolveDueAt" FROM "Ticket" WHERE id > $1 ORDER BY id LIMIT $2)
       SELECT t.id, t.version, t."gridNodeId", t.category, ${utc('t."acceptDueAt"')} AS "acceptDueAt", ${utc('t."resolveDueAt"')} AS "resolveDueAt",
              e.type, ${utc('e.at')} AS at, e.data
       FROM t LEFT JOIN "TicketEvent" e ON e."ticketId" = t.id ORDER BY t.id, e.id`,
      [afterId, limit],
    );
    const out: TicketHistory[] = [];
    for (const r of rows) {
      let h = out[out.length - 1];
      if (!h || h.id !== r.id) {
        h = { id: r.id, version: r.version, gridNodeId: r.gridNodeId, category: r.category, acceptDueAt: r.acceptDueAt, resolveDueAt: r.resolveDueAt, events: [] };
        out.push(h);
      }
      if (r.type && r.at) h.events.push({ type: r.type as TicketHistory['events'][number]['type'], at: new Date(r.at), data: r.data });
    }
    return out;
  }

  async addRows(rows: readonly DailyStatRow[], applied: readonly { ticketId: number; upTo: number }[]): Promise<void> {
    if (rows.length > 0) {
      await this.sql.query(ADD_ROWS, [
        rows.map((r) => r.day),
        rows.map((r) => r.gridNodeId),
        rows.map((r) => r.category),
        ...COUNTERS.map((c) => rows.map((r) => r.counts[c] ?? 0)),
      ]);
    }
    if (applied.length > 0) {
      await this.sql.query(
        `INSERT INTO "TicketStatApplied" ("ticketId", version)
         SELECT a.t, generate_series(0, a.v) FROM unnest($1::int[], $2::int[]) AS a(t, v) ON CONFLICT DO NOTHING`,
        [applied.map((a) => a.ticketId), applied.map((a) => a.upTo)],
      );
    }
  }
}
