// Creates the next SQL migration from prisma/schema.prisma without Prisma's native engine:
// the schema engine compiled to wasm diffs (existing migrations, replayed on an in-memory PGlite) → (schema),
// and the SQL is written to prisma/migrations/<timestamp>_<name>/migration.sql. Usage: npm run db:migration -- NAME
import { readFileSync, readdirSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as engineBg from '@prisma/schema-engine-wasm/schema_engine_bg';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const migrationsDir = path.join(root, 'prisma', 'migrations');
const name = (process.argv[2] ?? '').replace(/[^a-z0-9_]/gi, '_');
if (!name) {
  console.error('usage: npm run db:migration -- NAME');
  process.exit(2);
}

async function loadEngine() {
  const wasmPath = path.join(root, 'node_modules', '@prisma', 'schema-engine-wasm', 'schema_engine_bg.wasm');
  // WebAssembly's types live in lib.dom, which this Node project does not load.
  const wasmApi = (globalThis as unknown as { WebAssembly: { instantiate(b: Buffer, i: object): Promise<{ instance: { exports: object } }> } }).WebAssembly;
  const { instance } = await wasmApi.instantiate(readFileSync(wasmPath), { './schema_engine_bg.js': engineBg });
  (engineBg as unknown as { __wbg_set_wasm(w: unknown): void }).__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  return engineBg.SchemaEngine;
}

const SchemaEngine = await loadEngine();
const pg = new PGlite();
const factory = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(pg));
const schema = readFileSync(path.join(root, 'prisma', 'schema.prisma'), 'utf8');
const engine = await SchemaEngine.new(
  { datamodels: [['schema.prisma', schema]] },
  (log: string) => process.env.DEBUG && console.error(log),
  factory,
);

const dirs = existsSync(migrationsDir)
  ? readdirSync(migrationsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
  : [];
const migrationsList = {
  baseDir: migrationsDir,
  lockfile: { path: 'migration_lock.toml', content: readFileSync(path.join(migrationsDir, 'migration_lock.toml'), 'utf8') },
  shadowDbInitScript: '',
  migrationDirectories: dirs.map((d) => ({
    path: d,
    migrationFile: {
      path: 'migration.sql',
      content: { tag: 'ok' as const, value: readFileSync(path.join(migrationsDir, d, 'migration.sql'), 'utf8') },
    },
  })),
};

const result = await engine.diff({
  from: dirs.length ? { tag: 'migrations', ...migrationsList } : { tag: 'empty' },
  to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schema }] },
  script: true,
  exitCode: null,
  shadowDatabaseUrl: null,
  filters: { externalTables: [], externalEnums: [] },
} as unknown as Parameters<typeof engine.diff>[0]);

const sql = (result.stdout ?? '').trim();
if (!sql || sql === '-- This is an empty migration.') {
  console.log('schema and migrations agree: nothing to write');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'migration.sql'), sql + '\n');
console.log(`wrote ${path.relative(root, dir)}/migration.sql`);
await pg.close();
