// Plain SQL beside Prisma, for the few statements on the message path (every incoming message runs them). Prisma's
// query layer costs about 0.7–1 ms of CPU per statement here, the driver alone about 0.15 ms (bench/ingest.bench.ts),
// so the hot statements go straight to the driver Prisma itself uses: the same pg.Pool, or the same PGlite instance.
// Everything else stays on Prisma. Both stores run the same SQL, pinned by the store contract suite.
//
// Timestamps: Prisma stores DateTime as `timestamp(3)` holding UTC. Parameters are passed as ISO strings (the zone
// suffix is ignored by PostgreSQL for `timestamp`, and the string is UTC); columns are read back through
// `AT TIME ZONE 'UTC'` (a timestamptz), which both drivers turn into the right Date whatever the process's TZ.
import { createHash } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { RefusedDataError } from '../../core/errors.ts';

export interface Sql {
  query<T>(text: string, params?: readonly unknown[]): Promise<T[]>;
}

/** Most statements kept prepared on each connection; beyond that a statement is parsed and planned every time. */
const MAX_PREPARED = 256;

/**
 * Statements run as named prepared statements: PostgreSQL parses and plans each once per connection instead of on
 * every call (about a quarter of the server's time on the message path), and only the parameters travel after that.
 * The name is a hash of the text, so one text always has one name. `prepare: false` sends every statement unnamed
 * (for a pooler that cannot keep prepared statements: LINLI_PG_PREPARE=false).
 */
export function poolSql(pool: pg.Pool, options: { prepare?: boolean } = {}): Sql {
  const names = new Map<string, string>();
  const prepare = options.prepare ?? true;
  const nameOf = (text: string): string | undefined => {
    if (!prepare) return undefined;
    let name = names.get(text);
    if (name === undefined && names.size < MAX_PREPARED) {
      name = `linli_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
      names.set(text, name);
    }
    return name;
  };
  return {
    query: async <T>(text: string, params?: readonly unknown[]) => {
      const name = nameOf(text);
      const values = params as unknown[] | undefined;
      try {
        return (await (name ? pool.query({ name, text, values }) : pool.query(text, values))).rows as T[];
      } catch (e) {
        throw refused(e);
      }
    },
  };
}

export function pgliteSql(db: PGlite): Sql {
  return {
    query: async <T>(text: string, params?: readonly unknown[]) => {
      try {
        return (await db.query<T>(text, params as unknown[])).rows;
      } catch (e) {
        throw refused(e);
      }
    },
  };
}

/**
 * SQLSTATEs that mean the data itself is refused: every data exception (class 22: a value out of range, bad text for
 * its type …) and the integrity violations that do not depend on timing (a foreign key to a row that is gone, a
 * missing value, a failed check). A unique violation (23505) is left alone: it can come from a race, and trying
 * again after it may succeed.
 */
const REFUSED_INTEGRITY = new Set(['23502', '23503', '23514']);

/**
 * A refused-data error (see above) as RefusedDataError: the data, not the connection, is the problem, so the caller
 * must not simply try again; a batch sets the refused item apart instead. Anything else is passed on as it is.
 */
export function refused(e: unknown): unknown {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !(code.startsWith('22') || REFUSED_INTEGRITY.has(code))) return e;
  return new RefusedDataError(`the database refused the data: ${(e as Error).message} (SQLSTATE ${code})`, { cause: e });
}

/** A column of type timestamp(3) read as a Date: `${utc('"sentAt"')} AS "sentAt"`. */
export const utc = (column: string) => `(${column} AT TIME ZONE 'UTC')`;

/**
 * A column of type timestamp(3) holding UTC as epoch milliseconds (float8, read as a number: `new Date(ms)`), for
 * reads of many rows: a number is parsed far faster than a timestamp's text.
 */
export const epochMs = (column: string) => `(EXTRACT(EPOCH FROM ${column}) * 1000)::float8`;

/**
 * Text as PostgreSQL can store it: without NUL characters, which it refuses (one such message would fail the whole
 * batch it is stored with), and with a lone half of a surrogate pair as U+FFFD, which is what the driver's UTF-8
 * encoding makes of it anyway (JSON would carry it as an escape PostgreSQL refuses). Everything else is kept as written.
 */
export const pgText = <T extends string | null>(s: T): T => {
  if (s === null) return s;
  const clean = s.includes('\u0000') ? s.replaceAll('\u0000', '') : s;
  return (clean.isWellFormed() ? clean : clean.toWellFormed()) as T;
};

/**
 * Enum values as one array-literal parameter (`'{A,B}'`), to be cast by the statement (`$1::"TicketStatus"[]`): both
 * drivers pass a string as it is, while a JS array for an enum array is not sent alike by both. With the enum type
 * (not `::text`), PostgreSQL can use an index that holds the column.
 */
export function enumArray(values: readonly string[]): string {
  for (const v of values) if (!/^[A-Z][A-Z0-9_]*$/.test(v)) throw new Error(`not an enum value: ${JSON.stringify(v)}`);
  return `{${values.join(',')}}`;
}

/** A Date as a parameter for a timestamp(3) column. */
export const ts = (d: Date) => d.toISOString();

/** The current time as a timestamp(3) value holding UTC, whatever the server's time zone. */
export const NOW_UTC = `(now() AT TIME ZONE 'UTC')`;

/**
 * 超时 in SQL, as core/tickets/overdue.ts defines it (isOverdue): an open ticket of "Ticket" past a deadline at `now`
 * (a parameter), or escalated by the deadline clock for missing one (an `escalated` event with `data.overdue`).
 * `awaiting` is the parameter holding AWAITING_CLAIM; the caller also keeps to open tickets.
 */
export const overdueSql = (now: string, awaiting: string) =>
  `("Ticket"."resolveDueAt" < ${now}::timestamp OR ("Ticket".status = ANY(${awaiting}::"TicketStatus"[]) AND "Ticket"."acceptDueAt" < ${now}::timestamp)
    OR EXISTS (SELECT 1 FROM "TicketEvent" e WHERE e."ticketId" = "Ticket".id AND e.type = 'escalated' AND (e.data -> 'overdue') IS NOT NULL AND e.data -> 'overdue' <> 'null'::jsonb))`;
