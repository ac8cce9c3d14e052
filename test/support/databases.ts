// Test databases: a fresh PostgreSQL database per run (dropped afterwards), or an in-memory PGlite.
import pg from 'pg';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listMigrations, migrate } from '../../src/adapters/prisma/migrate.ts';
import { openStore, PGLITE_SHARED_BUFFERS } from '../../src/adapters/prisma/prisma-store.ts';
import type { Store } from '../../src/core/ports/store.port.ts';
import { testPgUrl } from './service-urls.ts';

export const PG_ADMIN_URL = testPgUrl();

export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `linli_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** `postgres-unprepared`: PostgreSQL with every statement sent unnamed (LINLI_PG_PREPARE=false). */
export type StoreKind = 'pglite' | 'postgres' | 'postgres-unprepared';

/** Opens a fresh, migrated store of the given kind; `dispose` closes it and drops its database. */
export async function freshStore(kind: StoreKind): Promise<{ store: Store; dispose(): Promise<void> }> {
  if (kind === 'pglite') {
    const store = await openStore({ kind: 'pglite', dataDir: null, template: await pgliteTemplate() });
    return { store, dispose: () => store.close() };
  }
  const db = await createPostgresDatabase();
  const store = await openStore({ kind: 'postgres', url: db.url, prepare: kind === 'postgres' });
  return {
    store,
    async dispose() {
      await store.close();
      await db.drop();
    },
  };
}

/**
 * A migrated, empty PGlite data directory as a dump, made once per set of migrations and kept in the temp folder:
 * an in-memory store loads it in ~0.4 s instead of running initdb (~2–3 s). openStore still runs the migrations (none
 * pending), so a stale template could only cost time, never a wrong schema; the key covers every migration's text.
 */
async function pgliteTemplate(): Promise<Blob> {
  const { PGlite } = await import('@electric-sql/pglite');
  const manifest = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../node_modules/@electric-sql/pglite/package.json');
  const key = createHash('sha256').update(readFileSync(manifest)).update(PGLITE_SHARED_BUFFERS);
  for (const m of listMigrations()) key.update(m.name).update(m.sql);
  const file = path.join(tmpdir(), `linli-pglite-template-${key.digest('hex').slice(0, 16)}.tar`);
  if (!existsSync(file)) {
    const db = new PGlite({ startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`] });
    await db.waitReady;
    await migrate({ exec: async (sql) => void (await db.exec(sql)), query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows });
    const dump = await db.dumpDataDir('none');
    await db.close();
    // written aside and renamed: a worker that reads it never sees half a file
    const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
  }
  return new Blob([readFileSync(file)]);
}
