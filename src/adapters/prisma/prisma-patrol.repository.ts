// Patrol findings, stored once per dedupKey, and the reads of messages and members the patrol judges them by.
// The insert is ON CONFLICT DO NOTHING, so of two processes seeing the same finding at once exactly one creates it.
import type { Platform } from '../../core/messages/incoming-message.ts';
import type { PatrolContext, PatrolContextRequest, PatrolFindingFilter, PatrolRepository } from '../../core/ports/patrol.repository.ts';
import { byTime, maxSeverity, type NewPatrolFinding, type PatrolFinding, type PatrolMessage, type PatrolRule, type PatrolStatus } from '../../core/patrol/patrol.types.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { Db } from './prisma-store.ts';
import { epochMs, ts, utc, type Sql } from './sql.ts';

/** The columns of a PatrolMessage (plain SQL on the message path, see sql.ts). */
const PATROL_COLUMNS = `id, COALESCE("groupId", 0) AS "groupId", COALESCE("senderExternalId", '') AS "senderExternalId",
  COALESCE("senderName", "senderExternalId", '') AS "senderName", text, ${utc('"sentAt"')} AS "sentAt", "ticketId"`;
/** PATROL_COLUMNS with the time as epoch milliseconds (`ms`), for the batch context read. */
const CONTEXT_COLUMNS = `id, COALESCE("groupId", 0) AS "groupId", COALESCE("senderExternalId", '') AS "senderExternalId",
  COALESCE("senderName", "senderExternalId", '') AS "senderName", text, ${epochMs('"sentAt"')} AS ms, "ticketId"`;
type ContextRow = Omit<PatrolMessage, 'sentAt'> & { k: 'g' | 's' | 'j' | 'f' | 'o'; platform: Platform | null; ms: number };
const INCOMING_SQL = `direction = 'IN' AND kind = 'text' AND "groupId" IS NOT NULL AND "senderExternalId" IS NOT NULL`;

type FindingRow = Prisma.PatrolFindingGetPayload<object>;
type MessageRow = Prisma.MessageGetPayload<object>;

const toFinding = (r: FindingRow): PatrolFinding => ({
  ...r,
  rule: r.rule as PatrolRule,
  data: (r.data as Record<string, unknown> | null) ?? {},
});

const toMessage = (m: MessageRow): PatrolMessage => ({
  id: m.id,
  groupId: m.groupId ?? 0,
  senderExternalId: m.senderExternalId ?? '',
  senderName: m.senderName ?? m.senderExternalId ?? '',
  text: m.text,
  sentAt: m.sentAt,
  ticketId: m.ticketId,
});

/** Incoming text from a person in a group: what the rules read. */
const INCOMING = { direction: 'IN', kind: 'text', groupId: { not: null }, senderExternalId: { not: null } } satisfies Prisma.MessageWhereInput;

export class PrismaPatrolRepository implements PatrolRepository {
  constructor(
    private readonly db: Db,
    private readonly sql: Sql,
  ) {}

  async upsert(f: NewPatrolFinding) {
    const data = f.data as Prisma.InputJsonValue;
    const { count } = await this.db.patrolFinding.createMany({
      data: [{ rule: f.rule, severity: f.severity, groupId: f.groupId, messageId: f.messageId, ticketId: f.ticketId, summary: f.summary, data, dedupKey: f.dedupKey }],
      skipDuplicates: true,
    });
    const row = await this.db.patrolFinding.findUniqueOrThrow({ where: { dedupKey: f.dedupKey } });
    if (count === 1) return { finding: toFinding(row), created: true };
    const updated = await this.db.patrolFinding.update({
      where: { id: row.id },
      // the summary and the message it quotes stay together; a ticket once known stays known
      data: { summary: f.summary, data, severity: maxSeverity(row.severity, f.severity), messageId: f.messageId ?? row.messageId, ticketId: f.ticketId ?? row.ticketId },
    });
    return { finding: toFinding(updated), created: false };
  }

  async findById(id: number) {
    const r = await this.db.patrolFinding.findUnique({ where: { id } });
    return r && toFinding(r);
  }

  async list(filter: PatrolFindingFilter = {}) {
    const rows = await this.db.patrolFinding.findMany({
      where: {
        ...(filter.openOnly ? { status: 'OPEN' as const } : {}),
        ...(filter.groupId !== undefined ? { groupId: filter.groupId } : {}),
        ...(filter.groupIds ? { groupId: { in: [...filter.groupIds] } } : {}),
        ...(filter.rule ? { rule: filter.rule } : {}),
      },
      orderBy: { id: 'desc' },
      take: filter.limit ?? 100,
    });
    return rows.map(toFinding);
  }

  async setStatus(id: number, status: PatrolStatus) {
    const { count } = await this.db.patrolFinding.updateMany({ where: { id }, data: { status } });
    return count === 0 ? null : this.findById(id);
  }

  async groupMessages(groupId: number, since: Date, until: Date, limit = 200) {
    const rows = await this.sql.query<PatrolMessage>(
      `SELECT ${PATROL_COLUMNS} FROM "Message"
       WHERE ${INCOMING_SQL} AND "groupId" = $1 AND "sentAt" >= $2::timestamp AND "sentAt" <= $3::timestamp
       ORDER BY "sentAt" DESC, id DESC LIMIT $4`,
      [groupId, ts(since), ts(until), limit],
    );
    return rows.reverse();
  }

  async messageContext(req: PatrolContextRequest): Promise<PatrolContext> {
    const groupIds = [...new Set(req.groupIds)];
    const senders = [...new Map(req.senders.map((x) => [`${x.platform}:${x.externalId}`, x])).values()];
    // times as epoch milliseconds (a float is parsed far faster than a timestamp's text: this read returns many rows)
    const rows = await this.sql.query<ContextRow>(
      `SELECT 'g' AS k, NULL::text AS platform, m.* FROM unnest($1::int[]) AS g(id) CROSS JOIN LATERAL (
         SELECT ${CONTEXT_COLUMNS} FROM "Message"
         WHERE ${INCOMING_SQL} AND "groupId" = g.id AND "sentAt" >= $2::timestamp AND "sentAt" <= $5::timestamp
         ORDER BY "sentAt" DESC, id DESC LIMIT $6) m
       UNION ALL
       SELECT 's', s.platform, m.* FROM unnest($3::text[], $4::text[]) AS s(platform, eid) CROSS JOIN LATERAL (
         SELECT ${CONTEXT_COLUMNS} FROM "Message"
         WHERE ${INCOMING_SQL} AND platform = s.platform::"Platform" AND "senderExternalId" = s.eid
           AND "sentAt" >= $7::timestamp AND "sentAt" <= $5::timestamp
         ORDER BY "sentAt" DESC, id DESC LIMIT $6) m
       UNION ALL
       SELECT 'j', NULL, NULL::int, "groupId", "externalUserId", NULL::text, NULL::text, ${epochMs('"joinedAt"')}, NULL::int FROM "GroupMember"
       WHERE "leftAt" IS NULL AND ("groupId", "externalUserId") IN (SELECT * FROM unnest($8::int[], $9::text[]))
       UNION ALL
       SELECT 'f', NULL, NULL::int, u.gid, u.uid, NULL::text, NULL::text, f.ms, NULL::int
       FROM unnest($8::int[], $9::text[]) AS u(gid, uid) JOIN "Group" gr ON gr.id = u.gid CROSS JOIN LATERAL (
         SELECT ${epochMs('"sentAt"')} AS ms FROM "Message"
         WHERE direction = 'IN' AND platform = gr.platform AND "senderExternalId" = u.uid AND "groupId" = u.gid
         ORDER BY "sentAt" LIMIT 1) f
       WHERE NOT EXISTS (SELECT 1 FROM "GroupMember" gm WHERE gm."groupId" = u.gid AND gm."externalUserId" = u.uid AND gm."leftAt" IS NULL)
       UNION ALL
       SELECT 'o', NULL, NULL::int, o.gid, '', NULL::text, NULL::text, f.ms, NULL::int
       FROM (SELECT DISTINCT gid FROM unnest($8::int[]) AS x(gid)) o CROSS JOIN LATERAL (
         SELECT ${epochMs('"sentAt"')} AS ms FROM "Message" WHERE direction = 'IN' AND "groupId" = o.gid ORDER BY "sentAt" LIMIT 1) f`,
      [
        groupIds, ts(req.groupSince), senders.map((x) => x.platform), senders.map((x) => x.externalId), ts(req.until), req.limit,
        ts(req.senderSince), req.members.map((m) => m.groupId), req.members.map((m) => m.externalUserId),
      ],
    );
    const groupRecent: PatrolMessage[] = [];
    const senderRecent: (PatrolMessage & { platform: Platform })[] = [];
    const joined = new Map<string, Date>();
    const firstSpoke = new Map<string, Date>();
    const groupSeenSince = new Map<number, Date>();
    for (const r of rows) {
      const sentAt = new Date(r.ms);
      if (r.k === 'j' || r.k === 'f') {
        (r.k === 'j' ? joined : firstSpoke).set(`${r.groupId}:${r.senderExternalId}`, sentAt);
        continue;
      }
      if (r.k === 'o') {
        groupSeenSince.set(r.groupId, sentAt);
        continue;
      }
      const m: PatrolMessage = { id: r.id, groupId: r.groupId, senderExternalId: r.senderExternalId, senderName: r.senderName, text: r.text, sentAt, ticketId: r.ticketId };
      if (r.k === 'g') groupRecent.push(m);
      else senderRecent.push({ ...m, platform: r.platform! });
    }
    return { groupRecent: groupRecent.sort(byTime), senderRecent: senderRecent.sort(byTime), joined, firstSpoke, groupSeenSince };
  }

  async messagesWithoutTicket(since: Date, until: Date, limit = 2000) {
    const rows = await this.db.message.findMany({
      where: { ...INCOMING, ticketId: null, sentAt: { gte: since, lte: until } },
      orderBy: [{ sentAt: 'asc' }, { id: 'asc' }],
      take: limit,
    });
    return rows.map(toMessage);
  }

  async groupActivity(groupIds: readonly number[]) {
    const ids = [...groupIds];
    const [groups, last] = await Promise.all([
      this.db.group.findMany({ where: { id: { in: ids } }, select: { id: true, createdAt: true } }),
      this.db.message.groupBy({ by: ['groupId'], where: { groupId: { in: ids }, direction: 'IN' }, _max: { sentAt: true } }),
    ]);
    const lastBy = new Map(last.map((l) => [l.groupId, l._max.sentAt]));
    return new Map(groups.map((g) => [g.id, { lastMessageAt: lastBy.get(g.id) ?? null, since: g.createdAt }]));
  }

  async memberCounts(groupId: number, since: Date) {
    const [membersNow, leftInWindow] = await Promise.all([
      this.db.groupMember.count({ where: { groupId, leftAt: null } }),
      this.db.groupMember.count({ where: { groupId, leftAt: { gte: since } } }),
    ]);
    return { membersNow, leftInWindow };
  }
}
