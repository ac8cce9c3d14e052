// A migrated, empty PostgreSQL database that test databases are copied from (CREATE DATABASE … TEMPLATE), made once
// per set of migrations on the test server and kept there, like the PGlite template (pglite-template.ts). A copy is
// ready in a fraction of a second; a new database running all the migrations took about a second on a loaded 2-core
// machine, and the suite makes one for every PostgreSQL test (about 90 in a run). The store still runs its
// migrations when it opens (none pending), so a stale template could only cost time, never give a wrong schema; the
// name covers every migration's name and text. Nobody connects to the template once it is made (a copy needs that).
// globalSetup makes it and sets LINLI_PG_TEMPLATE, which test workers inherit; without it a database starts empty.
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { listMigrations, migrate } from '../../src/adapters/prisma/migrate.ts';

export const pgTemplateName = (): string => {
  const key = createHash('sha256');
  for (const m of listMigrations()) key.update(m.name).update(m.sql);
  return `linli_tpl_${key.digest('hex').slice(0, 16)}`;
};

/** The template database's name on the server at `adminUrl`, made (migrated) if it is not there yet. */
export async function ensurePostgresTemplate(adminUrl: string): Promise<string> {
  const name = pgTemplateName();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const have = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (have.rowCount) return name;
    // made aside and renamed: a run beside this one never copies half a template
    const partial = `${name}_${process.pid}_${randomBytes(3).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${partial}`);
    const url = new URL(adminUrl);
    url.pathname = `/${partial}`;
    const db = new pg.Client({ connectionString: url.toString() });
    await db.connect();
    try {
      await migrate({ exec: async (sql) => void (await db.query(sql)), query: async <T>(sql: string, params?: unknown[]) => (await db.query(sql, params)).rows as T[] });
    } finally {
      await db.end();
    }
    try {
      await admin.query(`ALTER DATABASE ${partial} RENAME TO ${name}`);
    } catch (e) {
      // another run made it first (42P04: the name exists): use theirs
      await admin.query(`DROP DATABASE IF EXISTS ${partial} WITH (FORCE)`);
      if ((e as { code?: string }).code !== '42P04') throw e;
    }
    return name;
  } finally {
    await admin.end();
  }
}
