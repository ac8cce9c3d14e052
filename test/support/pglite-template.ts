// A migrated, empty PGlite data directory as a dump (PGlite's dumpDataDir), made once per set of migrations and kept
// in the temp folder. An embedded store started from it skips initdb: ~0.5 s in memory instead of 2.5–4 s, ~1 s for
// a new data folder instead of ~3 s. The store still runs its migrations (none pending), so a stale template could
// only cost time, never give a wrong schema; the file's name covers PGlite's version and every migration's text.
// globalSetup makes it and sets LINLI_PGLITE_TEMPLATE, which test workers and the CLIs they spawn inherit.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listMigrations, migrate } from '../../src/adapters/prisma/migrate.ts';
import { pgliteStartOptions } from '../../src/adapters/prisma/prisma-store.ts';

export async function ensurePgliteTemplate(): Promise<string> {
  const manifest = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../node_modules/@electric-sql/pglite/package.json');
  const key = createHash('sha256').update(readFileSync(manifest)).update(JSON.stringify(pgliteStartOptions({ defaultStartParams: [] })));
  for (const m of listMigrations()) key.update(m.name).update(m.sql);
  const file = path.join(tmpdir(), `linli-pglite-template-${key.digest('hex').slice(0, 16)}.tar`);
  if (existsSync(file)) return file;
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite(pgliteStartOptions(PGlite));
  await db.waitReady;
  await migrate({ exec: async (sql) => void (await db.exec(sql)), query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows });
  const dump = await db.dumpDataDir('none');
  await db.close();
  // written aside and renamed: a reader never sees half a file
  const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, file);
  return file;
}
