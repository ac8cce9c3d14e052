// The statements every message or appeal runs find their rows through indexes, not by reading whole tables: with a
// history of 50,000 messages and 50,000 tickets (most of them closed), no plan of theirs scans Message or Ticket
// sequentially. A cast on an indexed column (status::text, platform::text) once did exactly that.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaGroupRepository } from '../../src/adapters/prisma/prisma-group.repository.ts';
import { PrismaMessageRepository } from '../../src/adapters/prisma/prisma-message.repository.ts';
import { PrismaPatrolRepository } from '../../src/adapters/prisma/prisma-patrol.repository.ts';
import { PrismaPersonRepository } from '../../src/adapters/prisma/prisma-person.repository.ts';
import type { Db } from '../../src/adapters/prisma/prisma-store.ts';
import { openStore } from '../../src/adapters/prisma/prisma-store.ts';
import { PrismaTicketRepository } from '../../src/adapters/prisma/prisma-ticket.repository.ts';
import { poolSql, type Sql } from '../../src/adapters/prisma/sql.ts';
import { OPEN_STATUSES } from '../../src/core/tickets/transitions.ts';
import { createPostgresDatabase } from '../support/databases.ts';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}

const indexConds = (n: PlanNode): string[] => [...(n['Index Cond'] ? [n['Index Cond']] : []), ...(n.Plans ?? []).flatMap(indexConds)];

const scans = (n: PlanNode): string[] => [
  ...(n['Relation Name'] ? [`${n['Node Type']} on ${n['Relation Name']}`] : []),
  ...(n.Plans ?? []).flatMap(scans),
];

describe('plans of the hot statements on a large history', () => {
  let db: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let pool: pg.Pool;
  /** Runs each statement for real and records how PostgreSQL plans it (same text, same parameters). */
  const plans: { text: string; scans: string[]; conds: string[] }[] = [];
  let sql: Sql;

  beforeAll(async () => {
    db = await createPostgresDatabase();
    await (await openStore({ kind: 'postgres', url: db.url })).close();
    pool = new pg.Pool({ connectionString: db.url, max: 2 });
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
    await pool.query(`INSERT INTO "GridNode" (code, name, level, path, "createdAt") SELECT 'G' || g, 'g', 'GRID', '/G' || g || '/', now() FROM generate_series(1, 500) g`);
    await pool.query(`INSERT INTO "Person" (name, "createdAt") SELECT 'p' || g, now() FROM generate_series(1, 500) g`);
    await pool.query(`INSERT INTO "Group" (platform, "externalId", title, "gridNodeId", tags, active, "createdAt", "updatedAt")
      SELECT 'WECHAT', 'room-' || g, 'g', g, '{}', true, now(), now() FROM generate_series(1, 500) g`);
    await pool.query(`INSERT INTO "Ticket" (category, summary, status, "gridNodeId", "assigneeId", "createdAt", "updatedAt")
      SELECT 'other', 't' || g, (CASE WHEN g % 50 = 0 THEN 'REPORTED' ELSE 'CLOSED' END)::"TicketStatus", 1 + g % 500, 1 + g % 500,
        now() - (g || ' seconds')::interval, now() FROM generate_series(1, 50000) g`);
    await pool.query(`INSERT INTO "Message" (platform, "externalId", direction, "groupId", "senderExternalId", "senderName", text, "sentAt", "receivedAt", "handledAt")
      SELECT 'WECHAT', 'm' || g, 'IN', 1 + g % 500, 's' || (g % 2000), 's', '今天天气不错', now() - (g || ' seconds')::interval, now(), now()
      FROM generate_series(1, 50000) g`);
    await pool.query('ANALYZE');
    const real = poolSql(pool);
    sql = {
      async query<T>(text: string, params?: readonly unknown[]) {
        const [{ 'QUERY PLAN': plan }] = (await pool.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(`EXPLAIN (FORMAT JSON) ${text}`, params as unknown[])).rows as [
          { 'QUERY PLAN': { Plan: PlanNode }[] },
        ];
        plans.push({ text: text.replace(/\s+/g, ' '), scans: scans(plan[0]!.Plan), conds: indexConds(plan[0]!.Plan) });
        return real.query<T>(text, params);
      },
    };
  }, 60_000);

  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it('reads Message and Ticket through their indexes', async () => {
    const none = {} as Db;
    const messages = new PrismaMessageRepository(none, sql);
    const tickets = new PrismaTicketRepository(none, sql);
    const patrol = new PrismaPatrolRepository(none, sql);
    const people = new PrismaPersonRepository(none, sql);
    const groups = new PrismaGroupRepository(none, sql);
    const now = new Date();
    expect((await groups.findManyByExternal([{ platform: 'WECHAT', externalId: 'room-3' }, { platform: 'WECHAT', externalId: 'room-77' }])).map((g) => g.id).sort()).toEqual([3, 77]);
    // a redelivery (the duplicate look-up) next to a new message
    const saved = await messages.saveIncomingMany([
      { msg: { platform: 'WECHAT', externalId: 'm77', groupExternalId: 'room-78', sender: { externalId: 's77', name: 's' }, text: '今天天气不错', sentAt: now }, groupId: 78 },
      { msg: { platform: 'WECHAT', externalId: 'new-1', groupExternalId: 'room-3', sender: { externalId: 's3', name: 's' }, text: '3号楼电梯坏了', sentAt: now }, groupId: 3 },
    ]);
    expect(saved.map((s) => s.duplicate)).toEqual([true, false]);
    await messages.handlingOf(saved.map((s) => s.message.id));
    await messages.markHandledMany(saved.map((s) => s.message.id));
    const since = new Date(now.getTime() - 72 * 3600_000);
    const [near] = await tickets.listOpenInNodes([{ gridNodeIds: [3, 4], since, limit: 500 }, { gridNodeIds: [9], since, limit: 500 }]);
    expect(near!.every((t) => [3, 4].includes(t.gridNodeId) && t.status === 'REPORTED')).toBe(true);
    const ev = { type: 'reported' as const, actorId: null, messageId: saved[1]!.message.id, fromStatus: null, toStatus: 'REPORTED' as const, note: null, data: null };
    const made = await tickets.createMany([
      { ticket: { category: 'other', summary: '3号楼电梯坏了', place: {}, urgency: 'NORMAL', groupId: 3, gridNodeId: 3, reporterId: 3, assigneeId: 3, sourceMessageId: saved[1]!.message.id }, event: ev },
    ]);
    expect(made).toHaveLength(1);
    await tickets.list({ reporterId: 3, groupId: 3, since: new Date(now.getTime() - 5 * 60_000), statuses: OPEN_STATUSES, limit: 1 });
    expect([...(await tickets.openCountByAssignee([51, 100]))]).toEqual([[51, 100], [100, 0]]);
    await patrol.messageContext({
      groupIds: [3], groupSince: new Date(now.getTime() - 600_000), senders: [{ platform: 'WECHAT', externalId: 's3' }],
      senderSince: new Date(now.getTime() - 3600_000), until: now, members: [{ groupId: 3, externalUserId: 's3' }], limit: 200,
    });
    await people.ensureManyByIdentity('WECHAT', [{ externalId: 's3', name: 's' }]);
    // an edited message's versions (an edit keeps the first version's time): the group's index on its time finds them
    const first = saved[0]!.message;
    await pool.query(`INSERT INTO "Message" (platform, "externalId", direction, "groupId", text, "sentAt", "receivedAt")
      SELECT platform, v, direction, "groupId", text, "sentAt", now() FROM "Message", unnest(ARRAY['m77~1700000000', 'm770~1', 'm77x']) v WHERE id = $1`, [first.id]);
    expect((await messages.versionsOf(first)).map((m) => m.externalId)).toEqual(['m77', 'm77~1700000000']);
    expect(plans.length).toBeGreaterThanOrEqual(10);
    const seq = plans.filter((p) => p.scans.some((s) => /^Seq Scan on (Message|Ticket)$/.test(s)));
    expect(seq, JSON.stringify(seq, null, 1)).toEqual([]);
    // open tickets are found by (node or assignee, status): closed ones, most of the history, are not even read
    const byStatus = plans.filter((p) => /FROM "Ticket" WHERE .*status/.test(p.text) && !/"reporterId" = \$/.test(p.text));
    expect(byStatus).toHaveLength(2);
    for (const p of byStatus) expect(p.conds.some((c) => c.includes('status')), p.text.slice(0, 120)).toBe(true);
  });
});
