// Memory and cold start of the production process (issue #13): `npm run bench`, or `npx tsx bench/memory.bench.ts`.
// (a) `linli start` as production runs it (the compiled dist/, built first if stale) on PostgreSQL + Redis, WeChat on
//     the mock puppet and Telegram against a local fake Bot API, with a generated grid of GROUPS Telegram groups.
//     MESSAGES messages go out across those groups (one appeal per group, the rest chatter) until every group has its
//     receipt; then the child's RSS (/proc/<pid>/status) and, through `kill -USR2`, its heap. The mock puppet cannot be
//     driven from outside its process, so the traffic comes through Telegram (same assistant, store and pipeline).
// (b) the sandbox (`linli start` with nothing configured: PGlite, the mock WeChat world) after its first start (which
//     creates the store) and after a restart.
// (c) cold start: spawn → the ready line ("Linli is running in …" / the sandbox banner).
// LINLI_RUNTIME=tsx runs the same against the TypeScript sources through tsx, for comparison.
// BENCH_HEAP_SNAPSHOT=<dir>: the production child also writes a heap snapshot there after the messages
// (summarise it with `node scripts/heap-summary.mjs <file>`).
// Needs PostgreSQL and Redis (LINLI_TEST_PG_URL, LINLI_TEST_REDIS_URL as the tests).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../src/adapters/prisma/prisma-store.ts';
import type { GridSpec } from '../src/core/ports/grid.repository.ts';
import { tempDir } from '../test/support/cli.ts';
import { createPostgresDatabase } from '../test/support/databases.ts';
import { FakeTelegram } from '../test/support/fake-telegram.ts';
import { dropRedisPrefix } from '../test/support/redis.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REDIS_URL = process.env.LINLI_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const GROUPS = Number(process.env.BENCH_GROUPS ?? 1000);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 10_000);
const RUNTIME = process.env.LINLI_RUNTIME === 'tsx' ? 'tsx' : 'dist';
const SNAPSHOT_DIR = process.env.BENCH_HEAP_SNAPSHOT;
// NODE_OPTIONS of the production child: the snapshot signal when asked for, and BENCH_NODE_OPTIONS (V8 flags to try)
const NODE_OPTIONS = [SNAPSHOT_DIR ? `--heapsnapshot-signal=SIGUSR1 --diagnostic-dir=${SNAPSHOT_DIR}` : '', process.env.BENCH_NODE_OPTIONS ?? ''].join(' ').trim();
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 30_000);
const TARGET = { productionMb: 200, sandboxMb: 300, coldStartS: 3 };

const CHATTER = ['早上好', '收到', '谢谢大家', '好的好的', '今天天气不错', '晚上几点开会', '哈哈哈', '辛苦了', '明天见', '吃了吗',
  '群里有人知道快递几点到吗', '楼下的桂花开了真香', '周末去哪里玩', '孩子放学了', '买菜回来了', '大家注意保暖', '晚安'];
const APPEALS = ['号楼门口的路灯坏了好几天，晚上很黑，麻烦修一下', '号楼电梯又坏了，老人上下楼很不方便，请尽快维修',
  '号楼楼道里堆满了杂物，消防通道被堵住了，请物业清理', '号楼地下室漏水很严重，麻烦派人来看看'];

function grid(): GridSpec {
  const nodes: GridSpec['nodes'] = [{ code: 'S1', name: '拱辰街道', level: 'STREET', parentCode: null }];
  for (let c = 1; c <= 10; c++) nodes.push({ code: `C${c}`, name: `第${c}社区`, level: 'COMMUNITY', parentCode: 'S1' });
  for (let g = 1; g <= 50; g++) nodes.push({ code: `G${g}`, name: `第${g}网格`, level: 'GRID', parentCode: `C${1 + (g % 10)}` });
  const groups: GridSpec['groups'] = [];
  for (let u = 1; u <= GROUPS; u++) {
    nodes.push({ code: `U${u}`, name: `${u}号楼`, level: 'UNIT', parentCode: `G${1 + (u % 50)}` });
    groups.push({ platform: 'TELEGRAM', externalId: chatId(u), title: `${u}号楼睦邻群`, nodeCode: `U${u}`, tags: [] });
  }
  return { nodes, groups, people: [] };
}
const chatId = (u: number) => String(-1_000_000_000 - u);

function vm(pid: number): { rss: number; hwm: number } {
  const s = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+) kB`).exec(s)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

async function until(what: string, ok: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// the environment and node flags `npm start` runs with (package.json), so the figures are those of `npm start`
const START = /^((?:\w+=\S+ )*)node (.*?) ?bin\/linli\.js start$/.exec(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.start);
const START_ENV = Object.fromEntries((START?.[1] ?? '').split(' ').filter(Boolean).map((a) => a.split('=') as [string, string]));
const START_FLAGS = START?.[2]?.split(' ').filter(Boolean) ?? [];

/** Spawns bin/linli.js as `npm start` does; collects its output. */
function linli(args: string[], env: Record<string, string>, stdin: 'pipe' | 'ignore' = 'ignore') {
  const child = spawn(process.execPath, [...START_FLAGS, path.join(ROOT, 'bin/linli.js'), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'warn', LINLI_RUNTIME: RUNTIME, ...START_ENV, ...env },
    stdio: [stdin, 'pipe', 'pipe'],
  });
  const out = { stdout: '', stderr: '' };
  child.stdout!.on('data', (d) => (out.stdout += d));
  child.stderr!.on('data', (d) => (out.stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { child, out, exited };
}

/** The heap as the process itself reports it on SIGUSR2. */
async function heapOf(child: ChildProcess, out: { stderr: string }): Promise<{ heapUsed: number; heapTotal: number; external: number }> {
  const from = out.stderr.length;
  child.kill('SIGUSR2');
  await until('the memory line', () => out.stderr.slice(from).includes('linli memory {'), 10_000);
  const line = /linli memory (\{.*\})/.exec(out.stderr.slice(from))![1]!;
  const m = JSON.parse(line) as Record<string, number>;
  return { heapUsed: m.heapUsed! / 1048576, heapTotal: m.heapTotal! / 1048576, external: m.external! / 1048576 };
}

/** Asks the child for a heap snapshot and waits until it is written (its size stops changing). */
async function snapshot(child: ChildProcess, dir: string) {
  const before = new Set(readdirSync(dir));
  child.kill('SIGUSR1');
  let file = '';
  await until('the heap snapshot', () => (file = readdirSync(dir).find((f) => f.endsWith('.heapsnapshot') && !before.has(f)) ?? '') !== '', 120_000);
  let size = -1;
  for (;;) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = statSync(path.join(dir, file)).size;
    if (now === size && now > 0) break;
    size = now;
  }
  console.log(`heap snapshot: ${path.join(dir, file)}`);
}

const mb = (n: number) => `${n.toFixed(0)} MB`;
const rows: [string, string, string][] = [];
const add = (what: string, value: string, target = '') => rows.push([what, value, target]);

async function production() {
  const fake = new FakeTelegram({ username: 'linli_bench_bot' });
  await fake.start();
  const db = await createPostgresDatabase();
  const prefix = `linli-bench-memory-${process.pid}-${randomBytes(4).toString('hex')}`;
  const spec = grid();
  for (const g of spec.groups) fake.group(g.externalId, g.title);
  const store = await openStore({ kind: 'postgres', url: db.url });
  await store.grid.importSpec(spec);
  await store.close();
  const t0 = performance.now();
  const { child, out, exited } = linli(['start'], {
    LINLI_DATA_DIR: tempDir('linli-bench-'),
    DATABASE_URL: db.url,
    REDIS_URL,
    LINLI_QUEUE_PREFIX: prefix,
    WECHATY_PUPPET: 'wechaty-puppet-mock',
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.url,
    ...(NODE_OPTIONS ? { NODE_OPTIONS } : {}),
  });
  try {
    await until('the ready line', () => out.stderr.includes('Linli is running in'), 120_000);
    const coldStart = (performance.now() - t0) / 1000;
    const idle = vm(child.pid!);
    const idleHeap = await heapOf(child, out);

    const perGroup = Math.max(1, Math.floor(MESSAGES / GROUPS));
    const t1 = performance.now();
    let sent = 0;
    for (let i = 0; i < perGroup; i++) {
      for (let u = 1; u <= GROUPS; u++) {
        const from = { id: 100_000 + ((u * 7 + i) % 5000), name: `居民${(u * 7 + i) % 5000}` };
        const text = i === perGroup - 1 ? `${u}${APPEALS[u % APPEALS.length]}` : CHATTER[(u + i) % CHATTER.length]!;
        fake.say(chatId(u), from, text);
        sent++;
      }
      await new Promise((r) => setImmediate(r));
    }
    const receipted = () => spec.groups.filter((g) => fake.sentTo(g.externalId).some((s) => FakeTelegram.plain(s.text).includes('已收到'))).length;
    await until(`receipts in all ${GROUPS} groups`, () => receipted() === GROUPS, 30 * 60_000);
    const handledS = (performance.now() - t1) / 1000;
    const after = vm(child.pid!);
    const afterHeap = await heapOf(child, out);
    if (SNAPSHOT_DIR) await snapshot(child, SNAPSHOT_DIR);
    await new Promise((r) => setTimeout(r, SETTLE_MS)); // a quiet spell after the burst, as between busy hours
    const settled = vm(child.pid!);

    add('production: cold start to ready (spawn → "Linli is running")', `${coldStart.toFixed(2)} s`, `≤ ${TARGET.coldStartS} s (${(coldStart / TARGET.coldStartS).toFixed(2)}×)`);
    add('production: RSS idle after start', mb(idle.rss));
    add('production: heap used / total idle', `${mb(idleHeap.heapUsed)} / ${mb(idleHeap.heapTotal)}`);
    add(`production: ${sent} messages in ${GROUPS} groups (${GROUPS} appeals) handled, every receipt sent`, `${handledS.toFixed(1)} s`);
    add('production: RSS after the messages', mb(after.rss), `≤ ${TARGET.productionMb} MB (${(after.rss / TARGET.productionMb).toFixed(2)}×)`);
    add(`production: RSS ${SETTLE_MS / 1000} s later, no traffic`, mb(settled.rss), `≤ ${TARGET.productionMb} MB (${(settled.rss / TARGET.productionMb).toFixed(2)}×)`);
    add('production: peak RSS (VmHWM)', mb(settled.hwm));
    add('production: heap used / total / external after', `${mb(afterHeap.heapUsed)} / ${mb(afterHeap.heapTotal)} / ${mb(afterHeap.external)}`);
  } finally {
    child.kill('SIGTERM');
    const code = await exited;
    if (code !== 0) console.error(`linli start exited ${code}:\n${out.stderr.slice(-2000)}`);
    await fake.close();
    await db.drop();
    await dropRedisPrefix(prefix, REDIS_URL);
  }
}

/** `npm start` with nothing configured; `run`: the first start (creates the store) or a later one. */
async function sandbox(dataDir: string, run: string) {
  const t0 = performance.now();
  const { child, out, exited } = linli(['start'], { LINLI_DATA_DIR: dataDir }, 'pipe');
  try {
    await until('the sandbox banner', () => out.stdout.includes('邻里 Linli 沙盒'), 120_000);
    const coldStart = (performance.now() - t0) / 1000;
    const idle = vm(child.pid!);
    const heap = await heapOf(child, out);
    add(`sandbox (${run}): cold start to the banner (PGlite, mock WeChat world)`, `${coldStart.toFixed(2)} s`, `≤ ${TARGET.coldStartS} s (${(coldStart / TARGET.coldStartS).toFixed(2)}×)`);
    add(`sandbox (${run}): RSS after start`, mb(idle.rss), `≤ ${TARGET.sandboxMb} MB (${(idle.rss / TARGET.sandboxMb).toFixed(2)}×)`);
    add(`sandbox (${run}): peak RSS (VmHWM)`, mb(idle.hwm));
    add(`sandbox (${run}): heap used / total`, `${mb(heap.heapUsed)} / ${mb(heap.heapTotal)}`);
  } finally {
    child.stdin!.end();
    child.kill('SIGTERM');
    await exited;
  }
}

if (RUNTIME === 'dist') {
  const b = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (b.status !== 0) throw new Error('the build failed');
}
console.log(`memory bench: runtime ${RUNTIME}, ${Object.entries(START_ENV).map(([k, v]) => `${k}=${v} `).join('')}node ${START_FLAGS.join(' ') || '(no flags)'}${NODE_OPTIONS ? ` (NODE_OPTIONS ${NODE_OPTIONS})` : ''}, ${GROUPS} groups, ${MESSAGES} messages; ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
if (!process.env.BENCH_ONLY_PRODUCTION) {
  const dir = tempDir('linli-bench-sandbox-');
  await sandbox(dir, 'first start');
  await sandbox(dir, 'restart');
}
await production();
const w = Math.max(...rows.map((r) => r[0].length));
for (const [what, value, target] of rows) console.log(`${what.padEnd(w)}  ${value.padStart(12)}  ${target}`);
console.log(`load after: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
