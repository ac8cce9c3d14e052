// A broadcast sent by the production process, SIGKILLed part-way and restarted: `node bin/linli.js start` (the
// compiled dist/, as deployed) in WeChat through the puppet service, against a local gateway in a process of its own
// (fake-puppet-process.ts: the real puppet-service gRPC server over the mock puppet) that records every message its
// rooms accept, with the time. PostgreSQL + BullMQ.
// The restarted process is the same command, as a supervisor (systemd, pm2) would run it again: nothing resumes the
// broadcast by hand; its queued copies are still in Redis and the new process's worker takes them. With `standby`, a
// `linli start --standby` runs from the start beside the first and takes the account over when it dies.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createBroadcastService } from '../../src/adapters/broadcast/create-broadcast.ts';
import { createBullmqQueues } from '../../src/adapters/bullmq/bullmq-job-queues.ts';
import { broadcastRepositoryOf } from '../../src/adapters/prisma/prisma-broadcast.repository.ts';
import { openStore } from '../../src/adapters/prisma/prisma-store.ts';
import { estimateBroadcast, NO_PACE, type SendRate } from '../../src/core/broadcast/broadcast-estimate.ts';
import type { Store } from '../../src/core/ports/store.port.ts';
// @ts-expect-error a plain .mjs helper of the build, without types
import { distIsFresh } from '../../scripts/src-fingerprint.mjs';
import { dropRedisPrefix, REDIS_URL } from './broadcast-fixtures.ts';
import { bulkGrid, type RunResult } from './broadcast-scenarios.ts';
import { ROOT } from './cli.ts';
import { startCli, type CliProcess } from './cli-process.ts';
import { createPostgresDatabase } from './databases.ts';

/** CPU time (user + system) a live process has used, in ms (Linux: /proc/<pid>/stat, in clock ticks of 10 ms). */
function cpuMs(pid: number | undefined): number {
  if (pid === undefined || !existsSync(`/proc/${pid}/stat`)) return NaN;
  // the fields after the command name, which is in parentheses and may hold spaces
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime (fields 14 and 15 of the line)
}

/** fake-puppet-process.ts started, with its endpoint. */
async function startGateway(env: Record<string, string>): Promise<{ child: ChildProcess; endpoint: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/support/fake-puppet-process.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /endpoint (\S+)/.exec(out);
      if (m) resolve({ child, endpoint: m[1]! });
    });
    child.once('exit', (code) => reject(new Error(`the fake gateway exited (${code}) before listening: ${err}`)));
  });
}

/** The gateway's record: one `{ room, at }` per message it accepted, in order. */
const accepted = (file: string) =>
  (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []).map((l) => {
    const [room = '', at = '0'] = l.split(' ');
    return { room, at: Number(at) };
  });

const RUNNING = /Linli is running in WeChat/;

/** dist/ built from the current sources (scripts/build.mjs is a no-op when it already is), or an error. */
export function ensureCompiled(): void {
  const fresh = () => (distIsFresh as (s: string, d: string) => boolean)(path.join(ROOT, 'src'), path.join(ROOT, 'dist'));
  if (fresh()) return;
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0 || !fresh()) throw new Error('could not build dist/ (node scripts/build.mjs): the production process would run through tsx');
}

const waitFor = async (check: () => Promise<boolean> | boolean, timeoutMs: number, what: string) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

/**
 * `linli start` sends a broadcast to `groups` WeChat rooms at `rate`, is SIGKILLed once `killAt` (0–1) of them have
 * the message, and the same command is started again. Counts what the gateway accepted per room across both processes.
 */
export async function runProductionKillAndResume(
  groups: number,
  rate: SendRate,
  killAt = 0.5,
  log: (s: string) => void = () => {},
  opts: { standby?: boolean } = {},
): Promise<RunResult> {
  ensureCompiled();
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const prefix = `linli-bc-prod-${tag}`;
  const work = path.join(tmpdir(), prefix);
  mkdirSync(path.join(work, 'home'), { recursive: true });
  const spec = bulkGrid(groups, '@chatroom');
  const record = path.join(work, 'accepted.log');
  const callsFile = path.join(work, 'calls.json');
  const token = `insecure_linli_bc_${tag}`;
  const gateway = await startGateway({
    FAKE_PUPPET_TOKEN: token,
    FAKE_PUPPET_ROOMS: JSON.stringify(spec.groups.map((g) => ({ id: g.externalId, topic: g.title }))),
    FAKE_PUPPET_RECORD: record,
    FAKE_PUPPET_CALLS: callsFile,
  });
  const count = () => accepted(record).length;
  const db = await createPostgresDatabase();
  const queues = createBullmqQueues({ connection: REDIS_URL, prefix });
  let store: Store | undefined;
  const children: CliProcess[] = [];
  const start = (args: string[] = []) => {
    const p = startCli(['start', ...args], {
      HOME: path.join(work, 'home'),
      LINLI_DATA_DIR: path.join(work, 'data'),
      DATABASE_URL: db.url,
      REDIS_URL,
      LINLI_QUEUE_PREFIX: prefix,
      WECHATY_PUPPET: 'wechaty-puppet-service',
      WECHATY_PUPPET_SERVICE_TOKEN: token,
      WECHATY_PUPPET_SERVICE_ENDPOINT: gateway.endpoint,
      WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT: 'true',
      // the limiter is what is measured: the account's own pace per send is off
      LINLI_NOTIFY_MAX: String(rate.max),
      LINLI_NOTIFY_PER_MS: String(rate.durationMs),
      LINLI_WECHAT_SEND_INTERVAL_MS: '0',
      LINLI_WECHAT_SEND_JITTER_MS: '0',
      // sends under way at once: the default unless the bench is asked for another (LINLI_WECHAT_SEND_IN_FLIGHT=1: one at a time)
      ...(process.env.LINLI_WECHAT_SEND_IN_FLIGHT ? { LINLI_WECHAT_SEND_IN_FLIGHT: process.env.LINLI_WECHAT_SEND_IN_FLIGHT } : {}),
      LOG_LEVEL: 'warn',
    });
    children.push(p);
    return p;
  };
  try {
    store = await openStore({ kind: 'postgres', url: db.url });
    await store.grid.importSpec(spec);
    // this process only creates and queues; `linli start` sends
    const { service, broadcasts } = createBroadcastService({ store, queues, gateways: {}, rate });
    const author = (await broadcasts.personByKey('ss'))!.id;
    const first = start();
    await first.waitForStderr(RUNNING);
    const spare = opts.standby ? start(['--standby']) : undefined;
    await spare?.waitForStderr(/standing by/);
    // the author sees the preview (groups, estimate) first, as in the console; the clock starts at create
    await service.preview({ authorId: author, text: '【通知】燃气安全检查', targets: { nodeCode: 'S' } });
    const cpu0 = { sender: cpuMs(first.child.pid), gateway: cpuMs(gateway.child.pid), sent: count() };
    const t0 = Date.now();
    const { broadcast } = await service.create({ authorId: author, text: '【通知】燃气安全检查', targets: { nodeCode: 'S' } });
    const createdMs = Date.now() - t0;
    await service.dispatch(broadcast.id);
    log(`created (deliveries stored) after ${createdMs} ms, dispatched (copies queued) after ${Date.now() - t0} ms`);
    await waitFor(() => count() >= groups * killAt, 600_000, 'half of the sends');
    const copies = count() - cpu0.sent;
    const cpuPerCopyMs = { sender: (cpuMs(first.child.pid) - cpu0.sender) / copies, gateway: (cpuMs(gateway.child.pid) - cpu0.gateway) / copies };
    log(`CPU per copy until the kill: linli start ${cpuPerCopyMs.sender.toFixed(2)} ms, the gateway ${cpuPerCopyMs.gateway.toFixed(2)} ms`);
    const spareCpu0 = spare ? cpuMs(spare.child.pid) : 0;
    first.child.kill('SIGKILL');
    await first.exited;
    const killedAt = Date.now();
    const killedAfter = count();
    log(`linli start SIGKILLed after ${killedAfter} messages (${((killedAt - t0) / 1000).toFixed(1)} s); ${spare ? 'the standby takes over' : 'starting it again'}`);
    const second = spare ?? start();
    await second.waitForStderr(RUNNING);
    const readyMs = Date.now() - killedAt;
    await waitFor(async () => (await broadcasts.findById(broadcast.id))!.status === 'DONE', 600_000, 'DONE after the restart');
    const elapsedMs = Date.now() - t0;
    // a standby's CPU per copy after it took over (its code paths cold until then), against the first process's before
    if (spare) log(`CPU per copy after the takeover: the standby ${((cpuMs(spare.child.pid) - spareCpu0) / Math.max(1, count() - killedAfter)).toFixed(2)} ms`);
    const sent = accepted(record);
    const times = sent.map((s) => s.at);
    const lastSendMs = Math.max(...times) - t0;
    const firstAfter = times.find((t) => t > killedAt);
    const bursts = Array.from({ length: Math.ceil(groups / rate.max) }, (_, w) => sent.slice(w * rate.max, (w + 1) * rate.max).map((s) => s.at - t0));
    log(`each ${rate.max} sends, first–last (ms from create): ${bursts.map((b) => `${b[0]}–${b[b.length - 1]}`).join(' ')}`);
    const bins = Array.from({ length: 24 }, (_, b) => times.filter((t) => t >= killedAt + b * 250 && t < killedAt + (b + 1) * 250).length);
    log(`sends per 250 ms after the kill: ${bins.join(' ')}`);
    const longestGapMs = times.reduce((g, t, i) => (i === 0 ? 0 : Math.max(g, t - times[i - 1]!)), 0);
    const restart = { readyMs, firstSendMs: firstAfter === undefined ? NaN : firstAfter - killedAt, longestGapMs };
    log(`${spare ? 'standby' : 'restarted'} linli start ready ${readyMs} ms after the kill, first send after it ${restart.firstSendMs} ms; longest pause between sends ${longestGapMs} ms`);
    const floorMs = estimateBroadcast(groups, rate, NO_PACE, new Date()).floorMs;
    const got = new Map<string, number>();
    for (const { room } of sent) got.set(room, (got.get(room) ?? 0) + 1);
    const repo = broadcastRepositoryOf(store);
    const failed = await repo.deliveries(broadcast.id, ['FAILED']);
    const byId = new Map((await store.groups.list()).map((g) => [g.id, g.externalId]));
    return {
      groups,
      elapsedMs,
      lastSendMs,
      floorMs,
      ratio: elapsedMs / floorMs,
      accepted: sent.length,
      duplicates: [...got.values()].filter((n) => n > 1).length,
      counts: await repo.counts(broadcast.id),
      uncertain: failed.length,
      uncertainArrived: failed.filter((d) => got.has(byId.get(d.groupId) ?? '')).length,
      killedAfter,
      restart,
      cpuPerCopyMs,
    };
  } finally {
    for (const c of children) await c.stop('SIGTERM');
    await queues.close();
    await store?.close();
    await db.drop();
    await dropRedisPrefix(prefix);
    gateway.child.kill('SIGTERM');
    if (gateway.child.exitCode === null) await new Promise((r) => gateway.child.once('exit', r));
    // the requests the gateway answered, per copy it accepted (both processes, the restart's included)
    if (existsSync(callsFile)) {
      const calls = JSON.parse(readFileSync(callsFile, 'utf8')) as Record<string, number>;
      const n = Math.max(1, accepted(record).length);
      log(`gateway requests per copy: ${Object.entries(calls).map(([m, c]) => `${m} ${(c / n).toFixed(2)}`).join(', ')}`);
    }
    rmSync(work, { recursive: true, force: true });
  }
}
