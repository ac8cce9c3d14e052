// Applies prisma/migrations/*/migration.sql in name order, once each, on PostgreSQL or PGlite. The SQL was made by
// Prisma's wasm schema engine (scripts/new-migration.ts), so no native engine is needed at run time.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../prisma/migrations');

/** The little a migration needs from a SQL connection. */
export interface SqlExecutor {
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

export function listMigrations(dir = MIGRATIONS_DIR): { name: string; sql: string }[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => ({ name, sql: readFileSync(path.join(dir, name, 'migration.sql'), 'utf8') }));
}

/**
 * Applies pending migrations inside one transaction each, under an advisory lock so that several workers starting
 * together against one PostgreSQL do not race. Returns the names applied.
 */
export async function migrate(db: SqlExecutor, dir = MIGRATIONS_DIR): Promise<string[]> {
  await db.exec('SELECT pg_advisory_lock(4242001)');
  try {
    await db.exec(
      'CREATE TABLE IF NOT EXISTS "_linli_migrations" (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
    );
    const done = new Set((await db.query<{ name: string }>('SELECT name FROM "_linli_migrations"')).map((r) => r.name));
    const applied: string[] = [];
    for (const m of listMigrations(dir)) {
      if (done.has(m.name)) continue;
      await db.exec('BEGIN');
      try {
        await db.exec(m.sql);
        await db.query('INSERT INTO "_linli_migrations" (name) VALUES ($1)', [m.name]);
        await db.exec('COMMIT');
      } catch (e) {
        await db.exec('ROLLBACK');
        throw new Error(`migration ${m.name} failed: ${(e as Error).message}`);
      }
      applied.push(m.name);
    }
    return applied;
  } finally {
    await db.exec('SELECT pg_advisory_unlock(4242001)');
  }
}
