// `linli start` with both platforms configured, as an operator runs it: WeChat (the mock puppet) and Telegram (a fake
// Bot API) in one process, sharing one assistant, PostgreSQL and the Redis pipeline; an appeal in a Telegram group gets
// its receipt through that pipeline; its console's live view (/api/events) shows the changes another process (this
// test, playing a `linli worker`) publishes over Redis, and its own once; and SIGTERM stops everything cleanly.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/adapters/prisma/prisma-store.ts';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import { createRedisTicketRelay } from '../../src/adapters/redis/redis-ticket-relay.ts';
import { TicketEvents, type TicketChange } from '../../src/core/events/ticket-events.ts';
import type { GridSpec } from '../../src/core/ports/grid.repository.ts';
import { ROOT, tempDir } from '../support/cli.ts';
import { createPostgresDatabase } from '../support/databases.ts';
import { FakeTelegram } from '../support/fake-telegram.ts';
import { dropRedisPrefix, TEST_REDIS_URL } from '../support/redis.ts';
import { SMALL_GRID } from '../support/small-grid.ts';
import { readSse } from '../support/sse.ts';

const REDIS_URL = TEST_REDIS_URL;
const GROUP = '-1009001';
const GRID: GridSpec = {
  nodes: SMALL_GRID.nodes,
  groups: [...SMALL_GRID.groups, { platform: 'TELEGRAM', externalId: GROUP, title: '东园20号楼电报群', nodeCode: 'U1', tags: [] }],
  people: SMALL_GRID.people,
};

async function until(what: string, ok: () => boolean, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('linli start with WeChat and Telegram configured', () => {
  const fake = new FakeTelegram({ username: 'linli_test_bot' });
  const prefix = `linli-test-both-${process.pid}-${randomBytes(4).toString('hex')}`;
  let db: Awaited<ReturnType<typeof createPostgresDatabase>>;

  beforeAll(async () => {
    await fake.start();
    fake.group(GROUP, '东园20号楼电报群');
    db = await createPostgresDatabase();
    const store = await openStore({ kind: 'postgres', url: db.url });
    await store.grid.importSpec(GRID);
    await store.close();
  });
  afterAll(async () => {
    await fake.close();
    await db?.drop();
    await dropRedisPrefix(prefix, REDIS_URL);
  });

  it('serves both from one process and answers a Telegram appeal through the Redis pipeline', { timeout: 120_000 }, async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/linli.js'), 'start'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        LOG_LEVEL: 'warn',
        LINLI_DATA_DIR: tempDir(),
        DATABASE_URL: db.url,
        REDIS_URL,
        LINLI_QUEUE_PREFIX: prefix,
        WECHATY_PUPPET: 'wechaty-puppet-mock',
        TELEGRAM_BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.url,
        LINLI_HTTP_PORT: String(port),
        LINLI_API_TOKENS: 'tok-lin:lin',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      await until('both platforms to run', () => stderr.includes('Linli is running in'), 90_000);
      expect(stderr).toContain('Linli is running in WeChat (wechaty-puppet-mock) and Telegram (@linli_test_bot)');

      fake.say(GROUP, { id: 3001, name: '张阿姨' }, '20号楼门口的路灯坏了好几天，晚上很黑，麻烦修一下');
      await until('the receipt in the Telegram group', () => (fake.lastSentTo(GROUP) ? FakeTelegram.plain(fake.lastSentTo(GROUP)!.text).includes('已收到') : false));
      expect(FakeTelegram.plain(fake.lastSentTo(GROUP)!.text)).toMatch(/^@张阿姨 已收到，工单 #\d+ 已登记/);

      // the console's action goes through the same ticket service, and its message through the same pipeline
      expect(stderr).toContain(`staff console http://127.0.0.1:${port}/`);
      const no = /工单 #(\d+)/.exec(FakeTelegram.plain(fake.lastSentTo(GROUP)!.text))![1];
      const res = await fetch(`http://127.0.0.1:${port}/api/tickets/${no}/progress`, {
        method: 'POST',
        headers: { authorization: 'Bearer tok-lin', 'content-type': 'application/json' },
        body: JSON.stringify({ note: '已联系物业电工' }),
      });
      expect(res.status).toBe(200);
      await until('the progress in the Telegram group', () => FakeTelegram.plain(fake.lastSentTo(GROUP)?.text ?? '').includes(`工单 #${no} 进展：已联系物业电工`));

      // the live view across processes: this test plays a `linli worker` on the same Redis prefix …
      const { logger } = createMemoryLogger('warn');
      const relay = createRedisTicketRelay({ url: REDIS_URL, prefix, logger });
      const bus = new TicketEvents(logger);
      const heard: TicketChange[] = [];
      bus.watch((c) => void heard.push(c));
      const unbridge = await bus.bridge(relay);
      const abort = new AbortController();
      const stream = await fetch(`http://127.0.0.1:${port}/api/events`, { headers: { authorization: 'Bearer tok-lin' }, signal: abort.signal });
      expect(stream.status).toBe(200);
      const { events: sse, done: reading } = readSse(stream);
      try {
        await until('the stream to be ready', () => sse.some((e) => e.event === 'ready'));
        const notes = (note: string) => sse.filter((e) => e.event === 'ticket' && e.data.note === note).length;
        // … a change committed by `linli start` itself: on its stream once, and out on Redis for the others
        // (a progress note is no change of the ticket: it is not on the stream, in any process)
        const own = await fetch(`http://127.0.0.1:${port}/api/tickets/${no}/resolve`, {
          method: 'POST',
          headers: { authorization: 'Bearer tok-lin', 'content-type': 'application/json' },
          body: JSON.stringify({ note: '路灯已修好' }),
        });
        expect(own.status).toBe(200);
        await until('its own change on its stream', () => notes('路灯已修好') === 1, 2_000);
        await until('its own change on Redis', () => heard.some((c) => c.event.note === '路灯已修好'), 2_000);
        // … and one the "worker" committed (published after that one went out on the channel, so an echo of it would be first)
        const store = await openStore({ kind: 'postgres', url: db.url });
        const ticket = (await store.tickets.findByNumber(Number(no)))!;
        await store.close();
        const change: TicketChange = {
          ticket,
          event: { type: 'reopened', actorId: null, messageId: null, fromStatus: 'RESOLVED', toStatus: 'REPORTED', note: '居民说还是不亮', data: null, at: new Date() },
        };
        await relay.send(change);
        await until('the worker\'s change on the stream of linli start', () => notes('居民说还是不亮') === 1, 2_000);
        expect(notes('路灯已修好')).toBe(1);
        expect(sse.find((e) => e.data?.note === '居民说还是不亮')!.data).toMatchObject({ type: 'reopened', toStatus: 'REPORTED', ticket: { number: Number(no) } });
      } finally {
        abort.abort();
        await reading;
        unbridge();
        await relay.close();
      }
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stderr).not.toMatch(/Error|error:/);
  });
});
