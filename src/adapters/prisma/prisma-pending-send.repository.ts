import type { OutgoingMessage } from '../../core/ports/outbox.port.ts';
import type { PendingSendRepository } from '../../core/ports/pending-send.repository.ts';
import { NOW_UTC, ts, type Sql } from './sql.ts';

/** Plain SQL (see sql.ts): every reply of the bot passes through here twice. */
export class PrismaPendingSendRepository implements PendingSendRepository {
  constructor(private readonly sql: Sql) {}

  async record(messages: readonly OutgoingMessage[]) {
    if (messages.length === 0) return;
    await this.sql.query(
      `INSERT INTO "PendingSend" (key, platform, payload, "createdAt")
       SELECT k, p::"Platform", m::jsonb, ${NOW_UTC} FROM unnest($1::text[], $2::text[], $3::text[]) AS x(k, p, m)
       ON CONFLICT (key) DO NOTHING`,
      [messages.map((m) => m.key), messages.map((m) => m.platform), messages.map((m) => JSON.stringify(m))],
    );
  }

  async done(key: string) {
    await this.sql.query(`DELETE FROM "PendingSend" WHERE key = $1`, [key]);
  }

  async list(since: Date, before: Date, limit: number) {
    const rows = await this.sql.query<{ payload: OutgoingMessage }>(
      `SELECT payload FROM "PendingSend" WHERE "createdAt" >= $1::timestamp AND "createdAt" < $2::timestamp ORDER BY "createdAt", key LIMIT $3`,
      [ts(since), ts(before), limit],
    );
    return rows.map((r) => r.payload);
  }

  async forgetBefore(before: Date) {
    const rows = await this.sql.query(`DELETE FROM "PendingSend" WHERE "createdAt" < $1::timestamp RETURNING key`, [ts(before)]);
    return rows.length;
  }
}
