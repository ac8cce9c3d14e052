// `linli worker` in its own process: messages submitted by another process (this test, playing the bot) are handled by
// the worker, whose replies come back as notify jobs that this process sends, and whose ticket changes reach this
// process's live view over Redis pub/sub; `linli queue` shows and retries failures.
import { dropRedisPrefix, TEST_REDIS_URL } from '../support/redis.ts';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import { MemoryChatGateway } from '../../src/adapters/memory/memory-chat.gateway.ts';
import { createPipeline, type BuiltPipeline } from '../../src/adapters/pipeline/create-pipeline.ts';
import { openStore } from '../../src/adapters/prisma/prisma-store.ts';
import type { IncomingMessage } from '../../src/core/messages/incoming-message.ts';
import { INGEST_QUEUE } from '../../src/core/pipeline/ingest.handler.ts';
import { createRedisTicketRelay } from '../../src/adapters/redis/redis-ticket-relay.ts';
import { TicketEvents, type TicketChange } from '../../src/core/events/ticket-events.ts';
import type { Store } from '../../src/core/ports/store.port.ts';
import { ROOT, runCli } from '../support/cli.ts';
import { createPostgresDatabase } from '../support/databases.ts';
import { SMALL_GRID } from '../support/small-grid.ts';
import { waitFor as waitUntil } from '../support/reliability.ts';

const REDIS_URL = TEST_REDIS_URL;
const prefix = `linli-test-worker-${process.pid}-${randomBytes(4).toString('hex')}`;
/** Waits for a condition, polling every 50 ms, 30 s at most unless told otherwise. */
const waitFor = (what: string, condition: () => Promise<boolean> | boolean, timeoutMs = 30_000) => waitUntil(what, condition, timeoutMs, 50);

describe('linli worker', () => {
  let db: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let store: Store;
  let env: Record<string, string>;
  let child: ChildProcessWithoutNullStreams | undefined;
  let built: BuiltPipeline | undefined;

  beforeAll(async () => {
    db = await createPostgresDatabase();
    store = await openStore({ kind: 'postgres', url: db.url });
    await store.grid.importSpec(SMALL_GRID);
    env = { REDIS_URL, DATABASE_URL: db.url, LINLI_QUEUE_PREFIX: prefix };
  });

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await built?.close();
    await store?.close();
    await db?.drop();
    await dropRedisPrefix(prefix, REDIS_URL);
  });

  it('explains where workers run when there is no Redis, and that notify runs where the chat account is', { timeout: 90_000 }, async () => {
    const noRedis = await runCli(['worker', '--queues', 'ingest']);
    expect(noRedis.code).toBe(2);
    expect(noRedis.stderr).toContain('linli worker needs REDIS_URL');
    expect(noRedis.stderr).toContain('inside `linli start`');

    const notify = await runCli(['worker', '--queues', 'ingest,notify'], { env });
    expect(notify.code).toBe(2);
    expect(notify.stderr).toContain('the notify queue sends through the chat account of the bot');

    const bad = await runCli(['worker', '--queues', 'ingest,sla'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown queue "sla"');

    const queueNoRedis = await runCli(['queue', 'counts']);
    expect(queueNoRedis.code).toBe(2);
    expect(queueNoRedis.stderr).toContain('linli queue needs REDIS_URL');
  });

  it('handles messages submitted by another process; failed jobs are listed and retried from the command line', { timeout: 120_000 }, async () => {
    child = spawn(process.execPath, [path.join(ROOT, 'bin/linli.js'), 'worker', '--queues', 'ingest', '--concurrency', '4'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'warn', ...env },
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.resume();
    const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));
    await waitFor('the worker to start', () => stderr.includes('Linli worker running') || child!.exitCode !== null, 60_000);
    expect(stderr).toContain('Linli worker running (ingest; concurrency 4;');

    // this process plays the bot: it submits what the groups say and sends what the worker answers
    const chat = new MemoryChatGateway('WECHAT');
    built = createPipeline(
      { queue: { kind: 'redis', url: REDIS_URL }, pipeline: { queuePrefix: prefix, notifyLimit: { max: 100, durationMs: 1000 } } },
      { store, logger: createMemoryLogger('warn').logger },
    );
    await built.pipeline.startWorkers(['notify'], 2, { gateways: { WECHAT: chat } });
    // … and the console: its live view hears the tickets the worker changes (what `linli start` bridges)
    const { logger } = createMemoryLogger('warn');
    const relay = createRedisTicketRelay({ url: REDIS_URL, prefix, logger });
    const bus = new TicketEvents(logger);
    const live: TicketChange[] = [];
    bus.watch((c) => void live.push(c));
    const unbridge = await bus.bridge(relay);
    let seq = 0;
    const msg = (group: string, from: string, text: string): IncomingMessage => ({
      platform: 'WECHAT',
      externalId: `e2e-${++seq}`,
      groupExternalId: group,
      sender: { externalId: from, name: from },
      text,
      sentAt: new Date(),
    });
    for (const m of [
      msg('room-20', 'wx-zhang', '报修：20号楼107室门口的污水井盖破损严重，快塌下去了'),
      msg('room-g2', 'wx-li', '报修：二网格3栋电梯停了，老人下不了楼'),
      msg('room-20', 'wx-li', '今天天气真不错'),
    ]) {
      expect(await built.pipeline.submit(m)).toBe('queued');
    }

    await waitFor('two tickets and their receipts', async () => (await store.tickets.list({})).length === 2 && chat.sent.filter((s) => s.text.startsWith('已收到')).length === 2);
    expect(chat.inGroup('room-20').map((s) => s.text)).toEqual([expect.stringMatching(/^已收到，工单 #\d+ 已登记/)]);
    expect(chat.inGroup('room-g2').map((s) => s.text)).toEqual([expect.stringMatching(/^已收到，工单 #\d+ 已登记/)]);
    await waitFor('all three handled', async () => (await store.messages.listUnhandled(new Date(Date.now() + 60_000), 10)).length === 0);
    const tickets = await store.tickets.list({});
    await waitFor('the worker\'s two new tickets in the live view', () => tickets.every((t) => live.some((c) => c.ticket.number === t.number && c.event.type === 'reported')), 5_000);
    expect(live.map((c) => c.ticket.number).sort()).toEqual(tickets.map((t) => t.number).sort());
    expect(live.every((c) => c.ticket.createdAt instanceof Date)).toBe(true);
    unbridge();
    await relay.close();
    // what the bot said is recorded with its ticket, as in-process sends are
    const receipt = chat.inGroup('room-20')[0]!;
    // the notify worker records a message right after the chat took it
    await waitFor('the receipt to be recorded', async () => (await store.messages.findByExternal('WECHAT', receipt.externalId)) !== null);
    const recorded = await store.messages.findByExternal('WECHAT', receipt.externalId);
    expect(recorded).toMatchObject({ direction: 'OUT', text: receipt.text });
    expect(recorded?.ticketId).not.toBeNull();

    // a malformed job fails in the worker at once and shows up in `linli queue failed`
    await built.queues.queue(INGEST_QUEUE).add('message', { platform: 'WECHAT', externalId: 'bad-e2e' }, { jobId: 'WECHAT:bad-e2e' });
    await waitFor('the malformed job to fail', async () => (await built!.queues.queue(INGEST_QUEUE).failed()).length === 1);
    const failed = await runCli(['queue', 'failed', '--json'], { env });
    expect(failed.code).toBe(0);
    expect(JSON.parse(failed.stdout)).toEqual([
      expect.objectContaining({ id: 'WECHAT:bad-e2e', queue: 'ingest', attempts: 1, reason: 'ingest job.groupExternalId must be a non-empty string' }),
    ]);
    const listed = await runCli(['queue', 'failed', '--queue', 'ingest'], { env });
    expect(listed.stdout).toMatch(/^WECHAT:bad-e2e\tingest\t1 attempts\t\S+\tingest job\.groupExternalId must be a non-empty string$/m);
    const counts = await runCli(['queue', 'counts', '--json'], { env });
    expect(JSON.parse(counts.stdout)).toMatchObject({ ingest: { failed: 1, completed: 3 }, notify: { failed: 0 } });

    const retried = await runCli(['queue', 'retry', 'WECHAT:bad-e2e'], { env });
    expect(retried.code).toBe(0);
    expect(retried.stdout).toContain('job WECHAT:bad-e2e moved back to queue ingest');
    const missing = await runCli(['queue', 'retry', 'WECHAT:nope'], { env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no failed job WECHAT:nope in ingest, notify');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toContain('Linli worker stopping');
  });
});
