// A Telegram broadcast whose worker process is SIGKILLed while grammY's auto-retry waits out a 429 for one group
// (PostgreSQL + BullMQ, the real gateway against the fake Bot API): Telegram's 429 says nothing was posted, so the copy
// is not left uncertain but sent by the next worker, once.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createBroadcastService } from '../../src/adapters/broadcast/create-broadcast.ts';
import { createBullmqQueues } from '../../src/adapters/bullmq/bullmq-job-queues.ts';
import { openStore } from '../../src/adapters/prisma/prisma-store.ts';
import type { GridSpec } from '../../src/core/ports/grid.repository.ts';
import { dropRedisPrefix, REDIS_URL, waitUntil } from '../support/broadcast-fixtures.ts';
import { startWorker } from '../support/broadcast-scenarios.ts';
import { createPostgresDatabase } from '../support/databases.ts';
import { FakeTelegram } from '../support/fake-telegram.ts';

const GROUPS = ['-1009001', '-1009002', '-1009003'];
const LIMITED = GROUPS[1]!;

const GRID: GridSpec = {
  nodes: [
    { code: 'S', name: '拱辰街道', level: 'STREET', parentCode: null },
    { code: 'C', name: '东园社区', level: 'COMMUNITY', parentCode: 'S' },
  ],
  groups: GROUPS.map((id, i) => ({ platform: 'TELEGRAM' as const, externalId: id, title: `东园${i + 1}号楼电报群`, nodeCode: 'C', tags: [] })),
  people: [{ key: 'ss', name: '街道工作人员', identities: [], roles: [{ role: 'STREET_STAFF', nodeCode: 'S' }] }],
};

describe('a Telegram broadcast worker killed while it waits out a 429', () => {
  it('leaves the refused copy PENDING: the next worker sends it once, and it is not counted uncertain', async () => {
    const db = await createPostgresDatabase();
    const prefix = `linli-bc-tg429-${process.pid}-${randomBytes(4).toString('hex')}`;
    const record = path.join(tmpdir(), `${prefix}.log`);
    const fake = new FakeTelegram();
    const apiRoot = await fake.start();
    const store = await openStore({ kind: 'postgres', url: db.url });
    const queues = createBullmqQueues({ connection: REDIS_URL, prefix });
    const children: ChildProcess[] = [];
    try {
      await store.grid.importSpec(GRID);
      const rate = { max: 30, durationMs: 1000 };
      // this process only creates and queues; the worker processes send
      const { service, broadcasts } = createBroadcastService({ store, queues, gateways: {}, rate, platformRates: { TELEGRAM: rate } });
      const env = {
        DATABASE_URL: db.url,
        REDIS_URL,
        BC_PREFIX: prefix,
        BC_RECORD: record,
        BC_RATE_MAX: String(rate.max),
        BC_RATE_MS: String(rate.durationMs),
        BC_TELEGRAM_API: apiRoot,
        BC_TELEGRAM_TOKEN: fake.token,
        LOG_LEVEL: 'silent',
      };
      // Telegram asks for two minutes before the next try: auto-retry waits (up to 300 s), the worker is killed meanwhile
      fake.failWith429(LIMITED, 120);
      const requests = (chatId: string) => fake.calls.filter((c) => c.method === 'sendMessage' && String(c.payload.chat_id) === chatId);
      const first = await startWorker(env);
      children.push(first);
      const author = (await broadcasts.personByKey('ss'))!.id;
      const { broadcast } = await service.publish({ authorId: author, text: '【通知】周六上午停水', targets: { nodeCode: 'S' } });
      const limited = (await store.groups.list()).find((g) => g.externalId === LIMITED)!;
      // the other copies sent and recorded (a kill between a send and its record is the uncertain case), the 429 answered
      await waitUntil(async () => requests(LIMITED).length === 1 && (await broadcasts.counts(broadcast.id)).SENT === GROUPS.length - 1, 30_000, 'the sends and the 429');
      // give the worker a moment to note the refusal (a kill before that is the uncertain case too); before the change
      // it noted nothing, and the kill comes after this wait
      await waitUntil(async () => (await broadcasts.findDelivery(broadcast.id, limited.id))?.reason != null, 5000, 'the refusal noted').catch(() => undefined);
      first.kill('SIGKILL');
      await new Promise((r) => first.once('exit', r));
      expect(fake.sentTo(LIMITED)).toHaveLength(0);

      children.push(await startWorker({ ...env, BC_RESUME: String(broadcast.id) }));
      await waitUntil(async () => (await broadcasts.findById(broadcast.id))!.status === 'DONE', 60_000, 'DONE after the restart');
      for (const g of GROUPS) expect(fake.sentTo(g), g).toHaveLength(1);
      expect(requests(LIMITED)).toHaveLength(2); // the refused one and the next worker's
      expect(await broadcasts.counts(broadcast.id)).toMatchObject({ SENT: 3, FAILED: 0, PENDING: 0 });
      expect(await broadcasts.findDelivery(broadcast.id, limited.id)).toMatchObject({ status: 'SENT', reason: null, attempts: 2 });
    } finally {
      for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
      await Promise.all(children.map((c) => (c.exitCode === null && c.signalCode === null ? new Promise((r) => c.once('exit', r)) : undefined)));
      await queues.close();
      await store.close();
      await fake.close();
      await db.drop();
      await dropRedisPrefix(`${prefix}*`);
      rmSync(record, { force: true });
    }
  }, 120_000);
});
