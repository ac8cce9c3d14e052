// The plain-SQL path on PostgreSQL: statements are prepared once per connection (named after their text), or never
// when prepare is off; a data exception comes back as RefusedDataError, anything else as it was.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poolSql } from '../../src/adapters/prisma/sql.ts';
import { RefusedDataError } from '../../src/core/errors.ts';
import { createPostgresDatabase } from '../support/databases.ts';

describe('plain SQL on a pg pool', () => {
  let db: Awaited<ReturnType<typeof createPostgresDatabase>>;
  const pools: pg.Pool[] = [];
  // one connection, so that the session asked about its prepared statements is the one that ran the queries
  const onePool = () => {
    const pool = new pg.Pool({ connectionString: db.url, max: 1 });
    // as the store's own pool does: a connection the server ends (the database dropped at the end) is not a crash
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
    pools.push(pool);
    return pool;
  };
  const prepared = async (pool: pg.Pool) =>
    (await pool.query<{ name: string; statement: string }>(`SELECT name, statement FROM pg_prepared_statements ORDER BY name`)).rows;

  beforeAll(async () => {
    db = await createPostgresDatabase();
  });
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.end()));
    await db.drop();
  });

  it('prepares each statement text once per connection and reuses it', async () => {
    const pool = onePool();
    const sql = poolSql(pool);
    for (let i = 0; i < 3; i++) expect(await sql.query<{ n: number }>('SELECT $1::int + 1 AS n', [i])).toEqual([{ n: i + 1 }]);
    await sql.query('SELECT $1::text AS t', ['x']);
    const names = await prepared(pool);
    expect(names.map((p) => p.statement)).toEqual(expect.arrayContaining(['SELECT $1::int + 1 AS n', 'SELECT $1::text AS t']));
    expect(names).toHaveLength(2);
    expect(names.every((p) => /^linli_[0-9a-f]{20}$/.test(p.name))).toBe(true);
  });

  it('prepares nothing when told not to', async () => {
    const pool = onePool();
    const sql = poolSql(pool, { prepare: false });
    expect(await sql.query<{ n: number }>('SELECT $1::int + 1 AS n', [41])).toEqual([{ n: 42 }]);
    expect(await prepared(pool)).toEqual([]);
  });

  it('turns a data exception or a broken reference into RefusedDataError and leaves other errors alone', async () => {
    const sql = poolSql(onePool());
    const refused = await sql.query('SELECT $1::timestamp AS t', ['-271821-04-20T00:00:00.000Z']).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RefusedDataError);
    expect(String(refused)).toMatch(/SQLSTATE 22/);
    await sql.query('CREATE TABLE parent (id int PRIMARY KEY)');
    await sql.query('CREATE TABLE child (id int PRIMARY KEY, "parentId" int REFERENCES parent (id))');
    const orphan = await sql.query('INSERT INTO child (id, "parentId") VALUES ($1, $2)', [1, 42]).catch((e: unknown) => e);
    expect(orphan).toBeInstanceOf(RefusedDataError);
    expect(String(orphan)).toMatch(/SQLSTATE 23503/);
    // a unique violation may come from a race: it is not the data's fault, so it stays as it was
    await sql.query('INSERT INTO parent (id) VALUES ($1)', [1]);
    const clash = await sql.query('INSERT INTO parent (id) VALUES ($1)', [1]).catch((e: unknown) => e);
    expect(clash).not.toBeInstanceOf(RefusedDataError);
    expect((clash as { code?: string }).code).toBe('23505');
    const other = await sql.query('SELECT * FROM no_such_table').catch((e: unknown) => e);
    expect(other).not.toBeInstanceOf(RefusedDataError);
    expect((other as { code?: string }).code).toBe('42P01');
  });
});
