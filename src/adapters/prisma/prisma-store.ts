// Opens the store: PostgreSQL through @prisma/adapter-pg, or embedded PGlite through pglite-prisma-adapter.
// Both run the same migrations and the same repositories. Each driver is loaded only when its store is opened: a
// PostgreSQL deployment never loads PGlite, the sandbox never loads pg (see docs/BENCHMARKS.md, memory).
// PGlite is one process's database: a data folder is opened by one process at a time (a lock file beside it).
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { holderSince, LockFile, type LockHolder } from '../lock-file.ts';
import { StartupError } from '../../bots/startup-error.ts';
import { PrismaClient } from '../../generated/prisma/client.ts';
import type { Store } from '../../core/ports/store.port.ts';
import { migrate, type SqlExecutor } from './migrate.ts';
import { PrismaGridRepository } from './prisma-grid.repository.ts';
import { PrismaGroupRepository } from './prisma-group.repository.ts';
import { PrismaPersonRepository } from './prisma-person.repository.ts';
import { PrismaMessageRepository } from './prisma-message.repository.ts';
import { PrismaTicketRepository } from './prisma-ticket.repository.ts';
import { PrismaCorrectionRepository } from './prisma-correction.repository.ts';
import { PrismaBroadcastRepository } from './prisma-broadcast.repository.ts';
import { PrismaPatrolRepository } from './prisma-patrol.repository.ts';
import { pgliteSql, poolSql, type Sql } from './sql.ts';
import { PrismaPendingSendRepository } from './prisma-pending-send.repository.ts';
import { PrismaStatsRepository } from './prisma-stats.repository.ts';
import { PrismaAppealRepository } from './prisma-appeal.repository.ts';
import { PrismaMonthlyTopicRepository } from './prisma-monthly-topic.repository.ts';
import { PrismaDeliberationRepository } from './prisma-deliberation.repository.ts';
import { PrismaServiceRepository } from './prisma-service.repository.ts';
import { PrismaAuditRepository, PrismaStaffAuthRepository } from './prisma-staff-auth.repository.ts';

/** `prepare`: named prepared statements on the message path (default true; see LINLI_PG_PREPARE). */
export type StoreOptions =
  | { kind: 'postgres'; url: string; prepare?: boolean }
  /**
   * `templateFile`: a new store (in memory, or a data folder without a database yet) starts from this dump of a
   * migrated data directory (PGlite's dumpDataDir) instead of running initdb; the tests use it to start faster.
   */
  | { kind: 'pglite'; dataDir: string | null; templateFile?: string };

export type Db = InstanceType<typeof PrismaClient>;

/** The exit code of a `linli` command refused because another process has the embedded store open. */
export const STORE_IN_USE_EXIT_CODE = 4;

/**
 * The embedded store's folder is open in another process (or already in this one): PGlite is a single-process
 * database, and two instances on one folder lose each other's writes or damage it.
 */
export class StoreInUseError extends Error {
  override readonly name = 'StoreInUseError';
  readonly exitCode = STORE_IN_USE_EXIT_CODE;

  constructor(folder: string, holder: LockHolder, lockFile: string) {
    const who = holder.pid === process.pid && holder.host === os.hostname() ? `this process (pid ${holder.pid})` : `linli pid ${holder.pid}`;
    const where = holder.host === os.hostname() ? '' : ` on host ${holder.host}`;
    super(
      `the embedded store ${folder} is in use by ${who}${where} (started ${holderSince(holder)}); stop it first, or use the ` +
        `admin API / console of the running one, or a PostgreSQL DATABASE_URL for several processes (lock: ${lockFile})`,
    );
  }
}

/**
 * Takes the lock of an embedded store's folder, refusing at once (StoreInUseError) while another live process holds
 * it; a lock left by a dead process on this host (killed, a power cut) is taken over. Released when the store closes,
 * or at the latest at exit.
 */
function lockStoreFolder(dataDir: string, folder: string): Promise<LockFile> {
  return LockFile.acquire({
    file: path.join(dataDir, 'pglite.lock'),
    waitMs: 0,
    busy: (holder, file) => new StoreInUseError(folder, holder, file),
  });
}

function repositories(db: Db, sql: Sql) {
  return {
    grid: new PrismaGridRepository(db),
    groups: new PrismaGroupRepository(db, sql),
    people: new PrismaPersonRepository(db, sql),
    messages: new PrismaMessageRepository(db, sql),
    tickets: new PrismaTicketRepository(db, sql),
    corrections: new PrismaCorrectionRepository(db),
    broadcasts: new PrismaBroadcastRepository(db, sql),
    patrol: new PrismaPatrolRepository(db, sql),
    pendingSends: new PrismaPendingSendRepository(sql),
    stats: new PrismaStatsRepository(sql),
    appeals: new PrismaAppealRepository(sql),
    topics: new PrismaMonthlyTopicRepository(db),
    deliberation: new PrismaDeliberationRepository(db),
    service: new PrismaServiceRepository(db, sql),
    staffAuth: new PrismaStaffAuthRepository(db),
    audit: new PrismaAuditRepository(db),
  };
}

/**
 * What an operator should do about a failed first connection, in one line (the URL's password never in it): the
 * database missing (create it), nothing listening (start PostgreSQL or fix host and port), a refused user.
 */
function postgresProblem(e: unknown, url: string): string {
  const err = e as { code?: string; message?: string };
  let where = 'the server';
  let db = '';
  let user = '';
  try {
    const u = new URL(url);
    where = `${u.hostname || 'localhost'}:${u.port || '5432'}`;
    db = decodeURIComponent(u.pathname.replace(/^\//, ''));
    user = decodeURIComponent(u.username);
  } catch {
    // pg read it, so it is a URL; keep the plain message
  }
  const message = String(err.message ?? e);
  if (err.code === '3D000') {
    const [host, port] = where.split(':');
    return `${message}; create it (createdb -h ${host} -p ${port}${user ? ` -U ${user}` : ''} ${db}) or name another database in DATABASE_URL`;
  }
  if (err.code === 'ECONNREFUSED' || err.code === 'ENOTFOUND' || err.code === 'EHOSTUNREACH' || err.code === 'ETIMEDOUT') {
    return `nothing answers at ${where} (${err.code}); is PostgreSQL running there? check the host and port in DATABASE_URL`;
  }
  if (err.code === '28000' || err.code === '28P01') return `${message}; check the user and password in DATABASE_URL`;
  return message;
}

async function openPostgres(url: string, prepare: boolean): Promise<Store> {
  const [{ default: pg }, { PrismaPg }] = await Promise.all([import('pg'), import('@prisma/adapter-pg')]);
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (e) {
    throw new StartupError(`cannot open the database in DATABASE_URL: ${postgresProblem(e, url)}`, { cause: e });
  }
  const exec: SqlExecutor = {
    exec: async (sql) => void (await client.query(sql)),
    query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
  };
  try {
    await migrate(exec);
  } finally {
    await client.end();
  }
  // one pool for Prisma and for the plain SQL of the message path
  const pool = new pg.Pool({ connectionString: url });
  // A connection that breaks (PostgreSQL restarted, the database dropped) leaves the pool and the next query opens a
  // new one; a running query still fails with the error. Without a listener on every connection, an error arriving
  // while a connection is checked out or closing would crash the process.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    kind: 'postgres',
    ...repositories(db, poolSql(pool, { prepare })),
    close: async () => {
      await db.$disconnect();
      await pool.end();
    },
  };
}

async function openPglite(dataDir: string | null, templateFile?: string): Promise<Store> {
  if (!dataDir) return openPgliteAt(undefined, templateFile);
  const dir = path.join(dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  // taken before PGlite loads: a second process is refused at once
  const lock = await lockStoreFolder(dataDir, dir);
  try {
    const store = await openPgliteAt(dir, templateFile);
    return {
      ...store,
      close: async () => {
        try {
          await store.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (e) {
    lock.release();
    throw e;
  }
}

/** `dir` undefined: in memory. */
async function openPgliteAt(dir: string | undefined, templateFile?: string): Promise<Store> {
  const [{ PGlite }, { PrismaPGlite }] = await Promise.all([import('@electric-sql/pglite'), import('pglite-prisma-adapter')]);
  // PostgreSQL's default 128 MB of shared buffers live in PGlite's wasm memory, which never shrinks: one user's store
  // needs far less (16 MB: the sandbox's RSS drops by about 120 MB on restart; docs/BENCHMARKS.md, memory)
  const options = pgliteStartOptions(PGlite);
  const fresh = !dir || !existsSync(path.join(dir, 'PG_VERSION'));
  const template = fresh && templateFile ? { loadDataDir: new Blob([readFileSync(templateFile)]) } : {};
  if (dir && fresh && !templateFile) {
    // creating the database cluster grows the wasm memory to ~700 MB for good: create it, close, open it afresh
    const created = new PGlite(dir, options);
    await created.waitReady;
    await created.close();
  }
  const pglite = dir ? new PGlite(dir, { ...options, ...template }) : new PGlite({ ...options, ...template });
  await pglite.waitReady;
  await migrate({
    exec: async (sql) => void (await pglite.exec(sql)),
    query: async <T>(sql: string, params?: unknown[]) => (await pglite.query<T>(sql, params)).rows,
  });
  const db = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    kind: 'pglite',
    ...repositories(db, pgliteSql(pglite)),
    close: async () => {
      await db.$disconnect();
      await pglite.close();
    },
  };
}

const PGLITE_SHARED_BUFFERS = '16MB';

/** How an embedded database is started (the store's, and a template made for it: test/support/pglite-template.ts). */
export function pgliteStartOptions(pglite: { defaultStartParams: string[] }): { startParams: string[] } {
  return { startParams: [...pglite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`] };
}

/** Opens and migrates the store. `dataDir: null` keeps PGlite in memory (tests, demo). */
export function openStore(options: StoreOptions): Promise<Store> {
  return options.kind === 'postgres' ? openPostgres(options.url, options.prepare ?? true) : openPglite(options.dataDir, options.templateFile);
}
