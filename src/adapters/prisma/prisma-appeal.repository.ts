// Tickets as appeals for the insights, in one statement: each ticket with its place, reporter, support (residents
// who joined it) and the words of the message that opened it (its summary when no message is linked).
import type { AppealQuery, AppealRepository } from '../../core/ports/appeal.repository.ts';
import { OPEN_STATUSES } from '../../core/tickets/transitions.ts';
import { enumArray, epochMs, ts, type Sql } from './sql.ts';

interface AppealRow {
  id: number;
  number: number;
  category: string;
  summary: string;
  placeText: string | null;
  placeBuilding: string | null;
  gridNodeId: number;
  reporterId: number | null;
  reporterCount: number;
  open: boolean;
  createdAtMs: number;
  text: string | null;
}

export class PrismaAppealRepository implements AppealRepository {
  constructor(private readonly sql: Sql) {}

  async list(q: AppealQuery) {
    const rows = await this.sql.query<AppealRow>(
      `SELECT t.id, t.number, t.category, t.summary, t."placeText", t."placeBuilding", t."gridNodeId", t."reporterId",
              t."reporterCount", t.status = ANY($4::"TicketStatus"[]) AS open, ${epochMs('t."createdAt"')} AS "createdAtMs",
              (SELECT m.text FROM "Message" m WHERE m."ticketId" = t.id ORDER BY m."sentAt", m.id LIMIT 1) AS text
       FROM "Ticket" t
       WHERE t."createdAt" < $1::timestamp AND ($2::timestamp IS NULL OR t."createdAt" >= $2::timestamp)
         AND ($3::int[] IS NULL OR t."gridNodeId" = ANY($3::int[]))
       ORDER BY t."createdAt", t.id`,
      [ts(q.until), q.since ? ts(q.since) : null, q.gridNodeIds ? [...q.gridNodeIds] : null, enumArray(OPEN_STATUSES)],
    );
    return rows.map((r) => ({
      id: `#${r.number}`,
      text: r.text?.trim() || r.summary,
      time: new Date(Number(r.createdAtMs)),
      user: r.reporterId === null ? undefined : `p${r.reporterId}`,
      likes: Math.max(0, r.reporterCount - 1),
      category: r.category,
      place: r.placeText ?? r.placeBuilding ?? undefined,
      gridNodeId: r.gridNodeId,
      ticketId: r.id,
      open: r.open,
    }));
  }
}
