import type { IncomingMessage, Platform } from '../../core/messages/incoming-message.ts';
import type { MessageRepository, StoredMessage } from '../../core/ports/message.repository.ts';
import type { Db } from './prisma-store.ts';
import { epochMs, NOW_UTC, pgText, ts, utc, type Sql } from './sql.ts';

/** Every column of a stored message, timestamps as Dates (see sql.ts). */
const COLUMNS = `id, platform::text AS platform, "externalId", direction::text AS direction, "groupId", "senderExternalId", "senderName", kind,
  text, "quotedExternalId", "quotedText", "quotedFromBot", ${utc('"sentAt"')} AS "sentAt", "ticketId", ${utc('"handledAt"')} AS "handledAt"`;

type Row = Omit<StoredMessage, never> & Record<string, unknown>;
const toStored = (m: Row): StoredMessage => ({
  id: m.id,
  platform: m.platform,
  externalId: m.externalId,
  direction: m.direction,
  groupId: m.groupId,
  senderExternalId: m.senderExternalId,
  senderName: m.senderName,
  kind: m.kind,
  text: m.text,
  quotedExternalId: m.quotedExternalId,
  quotedText: m.quotedText,
  quotedFromBot: m.quotedFromBot,
  sentAt: m.sentAt,
  ticketId: m.ticketId,
  handledAt: m.handledAt,
});

/**
 * The echo key of a bot message: the text with whitespace removed (as PostgreSQL removes it), when 12 characters or
 * more, gives its first "#<digits>" (工单 #143 → '#143': a ticket's few messages), else its first 12 characters. A text
 * that holds the message holds its key, so the look-up reads only rows whose key is among the text's candidates.
 */
const ECHO_KEY_CHARS = 12;
const SQUEEZED = (expr: string) => `regexp_replace(${expr}, '\\s+', '', 'g')`;
const echoKeyOf = (expr: string) =>
  `CASE WHEN char_length(${SQUEEZED(expr)}) >= ${ECHO_KEY_CHARS}
     THEN COALESCE(substring(${SQUEEZED(expr)} from '#[0-9]+'), left(${SQUEEZED(expr)}, ${ECHO_KEY_CHARS})) END`;

/**
 * Every key a message held in `squeezed` can have: each run of 12 characters (counted by code point, as
 * PostgreSQL's left() counts), and each "#" with one or more of the digits after it (a held message may end inside a
 * longer number: "…议题#32" in "…议题#325号楼").
 */
function echoKeysIn(squeezed: string): string[] {
  const keys = new Set<string>();
  const chars = Array.from(squeezed);
  for (let i = 0; i + ECHO_KEY_CHARS <= chars.length; i++) keys.add(chars.slice(i, i + ECHO_KEY_CHARS).join(''));
  if (keys.size === 0) return [];
  for (const m of squeezed.matchAll(/#[0-9]+/gu)) for (let n = 2; n <= m[0].length; n++) keys.add(m[0].slice(0, n));
  return [...keys];
}

export class PrismaMessageRepository implements MessageRepository {
  constructor(
    private readonly db: Db,
    private readonly sql: Sql,
  ) {}

  async saveIncoming(msg: IncomingMessage, groupId: number | null) {
    const [saved] = await this.saveIncomingMany([{ msg, groupId }]);
    return saved!;
  }

  async saveIncomingMany(items: readonly { msg: IncomingMessage; groupId: number | null }[]) {
    if (items.length === 0) return [];
    // one INSERT for all; ON CONFLICT DO NOTHING: a redelivered message keeps its stored row, read back below
    // the rows as stored (ids aside): NUL characters, which PostgreSQL refuses, are dropped
    const rows: Omit<StoredMessage, 'id'>[] = items.map(({ msg, groupId }) => ({
      platform: msg.platform,
      externalId: pgText(msg.externalId),
      direction: 'IN',
      groupId,
      senderExternalId: pgText(msg.sender.externalId),
      senderName: pgText(msg.sender.name),
      kind: msg.kind ?? 'text',
      text: pgText(msg.text),
      quotedExternalId: pgText(msg.quotedExternalId ?? null),
      quotedText: pgText(msg.quoted?.text ?? null),
      quotedFromBot: msg.quoted?.fromBot ?? false,
      sentAt: new Date(msg.sentAt.getTime()),
      ticketId: null,
      handledAt: null,
    }));
    // one statement text whatever the count (unnest of one array per column), so it is prepared once per connection
    const inserted = await this.sql.query<{ id: number; platform: Platform; externalId: string }>(
      `INSERT INTO "Message" (platform, "externalId", direction, "groupId", "senderExternalId", "senderName", kind, text,
         "quotedExternalId", "quotedText", "quotedFromBot", "sentAt", "receivedAt")
       SELECT p::"Platform", eid, 'IN', gid, sid, sname, k, t, qid, qt, qb, sent::timestamp, ${NOW_UTC}
       FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
         $10::boolean[], $11::text[]) AS x(p, eid, gid, sid, sname, k, t, qid, qt, qb, sent)
       ON CONFLICT (platform, "externalId") DO NOTHING
       RETURNING id, platform::text AS platform, "externalId"`,
      [
        rows.map((r) => r.platform),
        rows.map((r) => r.externalId),
        rows.map((r) => r.groupId),
        rows.map((r) => r.senderExternalId),
        rows.map((r) => r.senderName),
        rows.map((r) => r.kind),
        rows.map((r) => r.text),
        rows.map((r) => r.quotedExternalId),
        rows.map((r) => r.quotedText),
        rows.map((r) => r.quotedFromBot),
        rows.map((r) => ts(r.sentAt)),
      ],
    );
    const key = (platform: string, externalId: string) => `${platform}\u0000${externalId}`;
    // a new row is what was given (only its id is read back: the batch's texts need not travel twice)
    const ids = new Map(inserted.map((m) => [key(m.platform, m.externalId), m.id]));
    const fresh = new Map<string, StoredMessage>();
    for (const row of rows) {
      const k = key(row.platform, row.externalId);
      const id = ids.get(k);
      if (id !== undefined && !fresh.has(k)) fresh.set(k, { id, ...row });
    }
    const missing = rows.filter((r) => !fresh.has(key(r.platform, r.externalId)));
    const old = new Map<string, StoredMessage>();
    if (missing.length > 0) {
      const found = await this.sql.query<StoredMessage>(
        `SELECT ${COLUMNS} FROM "Message"
         WHERE (platform, "externalId") IN (SELECT p::"Platform", eid FROM unnest($1::text[], $2::text[]) AS x(p, eid))`,
        [missing.map((r) => r.platform), missing.map((r) => r.externalId)],
      );
      for (const m of found) old.set(key(m.platform, m.externalId), m);
    }
    const seen = new Set<string>();
    return rows.map((r) => {
      const k = key(r.platform, r.externalId);
      const first = fresh.get(k);
      // the same message twice in one batch: the first is new, the second a duplicate of it
      if (first && !seen.has(k)) {
        seen.add(k);
        return { message: first, duplicate: false };
      }
      const stored = first ?? old.get(k);
      if (!stored) throw new Error(`message ${r.platform}:${r.externalId} was neither inserted nor found`);
      return { message: stored, duplicate: true };
    });
  }

  async saveOutgoing(platform: Platform, externalId: string, groupId: number | null, text: string, ticketId: number | null, sourceKey?: string) {
    // one statement (Prisma's upsert took five: BEGIN, a look-up, the insert, a read back, COMMIT; once per copy of a
    // broadcast); a message already stored under its platform id keeps its row, read back below
    const row: Omit<StoredMessage, 'id'> = {
      platform,
      externalId: pgText(externalId),
      direction: 'OUT',
      groupId,
      senderExternalId: null,
      senderName: null,
      kind: 'text',
      text: pgText(text),
      quotedExternalId: null,
      quotedText: null,
      quotedFromBot: false,
      sentAt: new Date(),
      ticketId,
      handledAt: null,
    };
    const [inserted] = await this.sql.query<{ id: number }>(
      `INSERT INTO "Message" (platform, "externalId", direction, "groupId", text, "ticketId", "sentAt", "receivedAt", "sourceKey", "echoKey")
       VALUES ($1::"Platform", $2, 'OUT', $3, $4, $5, $6::timestamp, ${NOW_UTC}, $7, ${echoKeyOf('$4::text')})
       ON CONFLICT (platform, "externalId") DO NOTHING
       RETURNING id`,
      [platform, row.externalId, groupId, row.text, ticketId, ts(row.sentAt), sourceKey === undefined ? null : pgText(sourceKey)],
    );
    if (inserted) return { id: inserted.id, ...row };
    const stored = await this.findByExternal(platform, row.externalId);
    if (!stored) throw new Error(`message ${platform}:${row.externalId} was neither inserted nor found`);
    return stored;
  }

  async outgoingSent(sourceKey: string) {
    return (await this.db.message.count({ where: { sourceKey } })) > 0;
  }

  async findByExternal(platform: Platform, externalId: string) {
    const [m] = await this.sql.query<StoredMessage>(`SELECT ${COLUMNS} FROM "Message" WHERE platform = $1::"Platform" AND "externalId" = $2`, [platform, externalId]);
    return m ?? null;
  }

  async versionsOf(first: Pick<StoredMessage, 'platform' | 'externalId' | 'groupId' | 'sentAt'>) {
    if (first.groupId === null) return [];
    // the group's index on ("groupId", "sentAt"): an edited version keeps the time of the first
    return this.sql.query<StoredMessage>(
      `SELECT ${COLUMNS} FROM "Message"
        WHERE "groupId" = $1 AND "sentAt" = $2::timestamp(3) AND direction = 'IN' AND platform = $3::"Platform"
          AND ("externalId" = $4 OR left("externalId", length($4) + 1) = $4 || '~')
        ORDER BY id`,
      [first.groupId, ts(first.sentAt), first.platform, first.externalId],
    );
  }

    async lastOutgoingWithText(platform: Platform, groupId: number, texts: readonly string[], days: number) {
    if (texts.length === 0) return null;
    // the group's index on ("groupId", "sentAt"), newest first; an outgoing row's sentAt is the server's time of sending
    const [m] = await this.sql.query<StoredMessage>(
      `SELECT ${COLUMNS} FROM "Message"
        WHERE "groupId" = $1 AND "sentAt" >= ${NOW_UTC} - make_interval(days => $2::int) AND direction = 'OUT'
          AND platform = $3::"Platform" AND text = ANY($4::text[])
        ORDER BY "sentAt" DESC, id DESC LIMIT 1`,
      [groupId, days, platform, texts.map((t) => pgText(t))],
    );
    return m ?? null;
  }

  async lastOutgoingIn(platform: Platform, groupId: number) {
    const [m] = await this.sql.query<StoredMessage>(
      `SELECT ${COLUMNS} FROM "Message" WHERE "groupId" = $1 AND direction = 'OUT' AND platform = $2::"Platform"
        ORDER BY "sentAt" DESC, id DESC LIMIT 1`,
      [groupId, platform],
    );
    return m ?? null;
  }

  async outgoingWithin(platform: Platform, squeezed: string, days: number) {
    // per key the text holds, its newest row the text holds (the (platform, echoKey, sentAt, id) index, read newest
    // first: a broadcast's thousand copies stop at the first), then the newest of those
    const text = pgText(squeezed);
    const keys = echoKeysIn(text);
    if (keys.length === 0) return null;
    const [m] = await this.sql.query<StoredMessage>(
      `SELECT ${COLUMNS} FROM unnest($4::text[]) AS k(key) CROSS JOIN LATERAL (
         SELECT * FROM "Message"
          WHERE platform = $1::"Platform" AND "echoKey" = k.key
            AND "sentAt" >= ${NOW_UTC} - make_interval(days => $2::int)
            AND "senderExternalId" IS NULL AND direction = 'OUT'
            AND char_length(${SQUEEZED('text')}) >= ${ECHO_KEY_CHARS}
            AND strpos($3, ${SQUEEZED('text')}) > 0
          ORDER BY "sentAt" DESC, id DESC LIMIT 1) m
        ORDER BY m."sentAt" DESC, m.id DESC LIMIT 1`,
      [platform, days, text, keys],
    );
    return m ?? null;
  }

  async findManyById(ids: readonly number[]) {
    if (ids.length === 0) return [];
    return this.sql.query<StoredMessage>(`SELECT ${COLUMNS} FROM "Message" WHERE id = ANY($1::int[]) ORDER BY id`, [ids]);
  }

  async linkTicket(messageId: number, ticketId: number) {
    await this.db.message.update({ where: { id: messageId }, data: { ticketId } });
  }

  async ofTicket(ticketId: number, limit: number) {
    const rows = await this.sql.query<Row>(
      `SELECT ${COLUMNS} FROM "Message" WHERE "ticketId" = $1
         OR id IN (SELECT "messageId" FROM "TicketEvent" WHERE "ticketId" = $1 AND "messageId" IS NOT NULL)
       ORDER BY "sentAt", id LIMIT $2`,
      [ticketId, limit],
    );
    return rows.map(toStored);
  }

  async firstIncomingOfTicket(ticketId: number) {
    const m = await this.db.message.findFirst({ where: { ticketId, direction: 'IN' }, orderBy: { id: 'asc' } });
    return m && toStored(m);
  }

  async listUnhandled(before: Date, limit: number) {
    const rows = await this.db.message.findMany({
      where: { direction: 'IN', handledAt: null, receivedAt: { lt: before } },
      orderBy: { id: 'asc' },
      take: limit,
    });
    return rows.map(toStored);
  }

  async handlingOf(ids: readonly number[]) {
    if (ids.length === 0) return [];
    const rows = await this.sql.query<{ id: number; ticketId: number | null; ms: number | null }>(
      `SELECT id, "ticketId", ${epochMs('"handledAt"')} AS ms FROM "Message" WHERE id = ANY($1::int[]) ORDER BY id`,
      [ids],
    );
    return rows.map((r) => ({ id: r.id, ticketId: r.ticketId, handledAt: r.ms === null ? null : new Date(r.ms) }));
  }

  async markHandled(messageId: number) {
    await this.markHandledMany([messageId]);
  }

  async markHandledMany(ids: readonly number[]) {
    if (ids.length === 0) return;
    await this.sql.query(`UPDATE "Message" SET "handledAt" = ${NOW_UTC} WHERE id = ANY($1::int[]) AND "handledAt" IS NULL`, [ids]);
  }
}
