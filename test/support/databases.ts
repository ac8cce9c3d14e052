// Test databases: a fresh PostgreSQL database per run (dropped afterwards), or an in-memory PGlite.
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore, pgliteStartOptions } from '../../src/adapters/prisma/prisma-store.ts';
import type { Store } from '../../src/core/ports/store.port.ts';
import { ensurePgliteTemplate } from './pglite-template.ts';
import { testPgUrl } from './service-urls.ts';

export const PG_ADMIN_URL = testPgUrl();

/**
 * A new database on the test server: a copy of the migrated template when globalSetup made one (LINLI_PG_TEMPLATE,
 * postgres-template.ts), else (or with LINLI_PG_TEMPLATE=off) empty; either way the store's migrations bring it to the current schema when it opens.
 */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `linli_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  const template = process.env.LINLI_PG_TEMPLATE;
  await admin.query(template && template !== 'off' ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
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
    const templateFile = process.env.LINLI_PGLITE_TEMPLATE || (await ensurePgliteTemplate());
    const store = await openStore({ kind: 'pglite', dataDir: null, templateFile });
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
 * Fresh in-memory PGlite stores that start with what `seed` wrote, for files whose tests each need their own store with
 * the same costly contents (the demo grid and its generated history: ≈5 s of CPU to write, ≈0.5 s to load). The first
 * call seeds one store in a temp folder and dumps it (as pglite-template.ts dumps the migrated one); every call opens
 * a new in-memory store from that dump, so no test sees another's writes.
 */
export function seededPglite(seed: (store: Store) => Promise<void>): () => Promise<{ store: Store; dispose(): Promise<void> }> {
  let dump: Promise<string> | undefined;
  const make = async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'linli-seeded-'));
    const templateFile = process.env.LINLI_PGLITE_TEMPLATE || (await ensurePgliteTemplate());
    const seeded = await openStore({ kind: 'pglite', dataDir, templateFile });
    try {
      await seed(seeded);
    } finally {
      await seeded.close();
    }
    const { PGlite } = await import('@electric-sql/pglite');
    const db = new PGlite(path.join(dataDir, 'pglite'), pgliteStartOptions(PGlite));
    await db.waitReady;
    const tar = await db.dumpDataDir('none');
    await db.close();
    const file = path.join(dataDir, 'seeded.tar');
    writeFileSync(file, Buffer.from(await tar.arrayBuffer()));
    return file;
  };
  return async () => {
    const templateFile = await (dump ??= make());
    const store = await openStore({ kind: 'pglite', dataDir: null, templateFile });
    return { store, dispose: () => store.close() };
  };
}
