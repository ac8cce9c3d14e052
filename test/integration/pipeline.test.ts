// The pipeline on both queue kinds (in-process on PGlite, BullMQ on Redis with PostgreSQL): submitted messages are
// handled once each, in order per group; failures are retried or parked in the failed list; sends keep their pace.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLinli } from '../../src/app.ts';
import { createBullmqQueues } from '../../src/adapters/bullmq/bullmq-job-queues.ts';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import { MemoryChatGateway } from '../../src/adapters/memory/memory-chat.gateway.ts';
import { createPipeline, type BuiltPipeline } from '../../src/adapters/pipeline/create-pipeline.ts';
import type { Config } from '../../src/config.ts';
import type { IncomingMessage } from '../../src/core/messages/incoming-message.ts';
import { NOTIFY_QUEUE } from '../../src/core/messages/outbox.ts';
import { INGEST_QUEUE, type IngestAssistant, type IngestJobData } from '../../src/core/pipeline/ingest.handler.ts';
import { Pipeline } from '../../src/core/pipeline/pipeline.ts';
import type { ChatGateway, SendOptions } from '../../src/core/ports/chat-gateway.port.ts';
import type { GridSpec } from '../../src/core/ports/grid.repository.ts';
import type { Store } from '../../src/core/ports/store.port.ts';
import type { JobQueue } from '../../src/core/ports/job-queue.port.ts';
import type { OutgoingMessage } from '../../src/core/ports/outbox.port.ts';
import type { Triage } from '../../src/core/ports/triage.port.ts';
import { freshStore, type StoreKind } from '../support/databases.ts';
import { TEST_REDIS_URL } from '../support/redis.ts';
import { weekdayCalendar } from '../support/harness.ts';
import { scriptedTriage } from '../support/scripted-triage.ts';
import { waitFor as waitUntil } from '../support/reliability.ts';

const REDIS_URL = TEST_REDIS_URL;
const GROUPS = 10;

/** Ten grids under one community, one group and one grid worker each. */
const GRID: GridSpec = {
  nodes: [
    { code: 'S1', name: '拱辰街道', level: 'STREET', parentCode: null },
    { code: 'C1', name: '东园社区', level: 'COMMUNITY', parentCode: 'S1' },
    ...Array.from({ length: GROUPS }, (_, i) => ({ code: `G${i + 1}`, name: `东园第${i + 1}网格`, level: 'GRID' as const, parentCode: 'C1' })),
  ],
  groups: Array.from({ length: GROUPS }, (_, i) => ({
    platform: 'WECHAT' as const,
    externalId: `room-${i + 1}`,
    title: `东园${i + 1}区睦邻群`,
    nodeCode: `G${i + 1}`,
    tags: [],
  })),
  people: Array.from({ length: GROUPS }, (_, i) => ({
    key: `wk-${i + 1}`,
    name: `网格员${i + 1}`,
    identities: [{ platform: 'WECHAT' as const, externalId: `wk-${i + 1}` }],
    roles: [{ role: 'GRID_WORKER' as const, nodeCode: `G${i + 1}` }],
  })),
};

/** Ten different things that break, so that no two appeals of a group read as duplicates. */
const BROKEN = ['电梯', '路灯', '水管', '门禁', '井盖', '垃圾桶', '健身器材', '消防栓', '车棚顶', '监控'];

/** Waits for a condition, polling every 20 ms, 20 s at most unless told otherwise. */
const waitFor = (what: string, condition: () => Promise<boolean> | boolean, timeoutMs = 20_000) => waitUntil(what, condition, timeoutMs, 20);

/** The scripted triage ("坏了" is an appeal), with the building as the place, and failures on demand. */
function testTriage(): Triage & { failNext: number; down: boolean } {
  const inner = scriptedTriage([['坏了', { category: 'facility_repair' }]]);
  const t = {
    failNext: 0,
    down: false,
    async classify(text: string) {
      if (t.down) throw new Error('triage unavailable');
      if (t.failNext > 0) {
        t.failNext--;
        throw new Error('triage hiccup');
      }
      const r = await inner.classify(text);
      const building = /(\d+)号楼/.exec(text)?.[1];
      return building ? { ...r, place: { building } } : r;
    },
  };
  return t;
}

/** A gateway whose next sends fail on demand, as a network error would. */
class FlakyGateway implements ChatGateway {
  readonly platform = 'WECHAT' as const;
  failNext = 0;
  failures = 0;
  constructor(readonly inner: MemoryChatGateway) {}
  private check() {
    if (this.failNext > 0) {
      this.failNext--;
      this.failures++;
      throw new Error('network down');
    }
  }
  async sendToGroup(g: string, text: string, o?: SendOptions) {
    this.check();
    return this.inner.sendToGroup(g, text, o);
  }
  async sendDirect(u: string, text: string) {
    this.check();
    return this.inner.sendDirect(u, text);
  }
}

const CASES: { queue: 'memory' | 'bullmq'; store: StoreKind }[] = [
  { queue: 'memory', store: 'pglite' },
  { queue: 'bullmq', store: 'postgres' },
];

describe.each(CASES)('pipeline on $queue queues and a $store store', ({ queue, store: storeKind }) => {
  const prefix = `linli-test-pipeline-${process.pid}-${randomBytes(4).toString('hex')}`;
  let store: Store;
  let disposeStore: () => Promise<void>;
  const built: BuiltPipeline[] = [];
  let seq = 0;
  const { logger, lines } = createMemoryLogger('info');

  beforeAll(async () => {
    ({ store, dispose: disposeStore } = await freshStore(storeKind));
    await store.grid.importSpec(GRID);
  });

  afterEach(async () => {
    await Promise.all(built.splice(0).map((b) => b.close()));
  });

  afterAll(async () => {
    await disposeStore?.();
    if (queue !== 'bullmq') return;
    const redis = new Redis(REDIS_URL);
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    await redis.quit();
  });

  function cfg(notifyLimit = { max: 10_000, durationMs: 1000 }): Pick<Config, 'queue' | 'pipeline'> {
    return {
      queue: queue === 'bullmq' ? { kind: 'redis', url: REDIS_URL } : { kind: 'memory' },
      pipeline: { queuePrefix: `${prefix}-${built.length + 1}-${seq++}`, notifyLimit },
    };
  }

  /** A running pipeline (ingest and notify workers) with Linli behind it. */
  async function start(notifyLimit?: { max: number; durationMs: number }) {
    const chat = new MemoryChatGateway('WECHAT');
    const gateway = new FlakyGateway(chat);
    const triage = testTriage();
    const b = createPipeline(cfg(notifyLimit), { store, logger, ingestRetry: { attempts: 3, backoffMs: 50 } });
    built.push(b);
    const linli = createLinli({ store, triage, gateways: { WECHAT: gateway }, logger, calendar: weekdayCalendar, outbox: b.pipeline.outbox });
    await b.pipeline.startWorkers(['ingest', 'notify'], 8, { assistant: linli.assistant, gateways: { WECHAT: gateway } });
    const ingest = b.queues.queue<IngestJobData>(INGEST_QUEUE);
    const notify = b.queues.queue(NOTIFY_QUEUE);
    /** Resolves once both queues have been empty (nothing waiting, delayed or running) for a moment. */
    const settle = async (timeoutMs = 30_000) => {
      let quietSince = 0;
      await waitFor(
        'the queues to drain',
        async () => {
          const counts = await Promise.all([ingest.counts(), notify.counts()]);
          if (counts.some((c) => c.waiting + c.delayed + c.active > 0)) quietSince = 0;
          else quietSince ||= Date.now();
          return quietSince > 0 && Date.now() - quietSince >= 150;
        },
        timeoutMs,
      );
    };
    return { ...b, chat, gateway, triage, linli, ingest, notify, settle };
  }

  const msg = (group: number, from: string, text: string, extra: Partial<IncomingMessage> = {}): IncomingMessage => ({
    platform: 'WECHAT',
    externalId: `m-${++seq}`,
    groupExternalId: `room-${group}`,
    sender: { externalId: from, name: from },
    text,
    sentAt: new Date(),
    ...extra,
  });

  const ticketOf = async (m: IncomingMessage) => (await store.messages.findByExternal('WECHAT', m.externalId))?.ticketId ?? null;
  const receiptsIn = (chat: MemoryChatGateway, group: number) =>
    chat.inGroup(`room-${group}`).map((s) => /^已收到，工单 #(\d+)/.exec(s.text)?.[1]).filter((n): n is string => n !== undefined).map(Number);

  it('handles 200 messages across 10 groups: one ticket and one receipt per appeal, in order per group', { timeout: 90_000 }, async () => {
    const p = await start();
    const perGroup = Array.from({ length: GROUPS }, (_, g) =>
      Array.from({ length: 20 }, (_, k) =>
        k % 2 === 0
          ? msg(g + 1, `r${g + 1}-${k}`, `${k / 2 + 1}号楼${BROKEN[k / 2]}坏了，麻烦尽快来修一下`)
          : msg(g + 1, `n${g + 1}`, `大家晚上好，今天第${k}次团购开始了`),
      ),
    );
    const started = Date.now();
    const results = await Promise.all(
      perGroup.map(async (list) => {
        const out = [];
        for (const m of list) out.push(await p.pipeline.submit(m));
        return out;
      }),
    );
    await p.settle();
    const ms = Date.now() - started;
    console.log(`[pipeline ${queue}/${storeKind}] 200 messages in 10 groups handled and answered in ${ms} ms`);

    expect(results.flat().every((r) => r === 'queued')).toBe(true);
    expect(await store.messages.listUnhandled(new Date(Date.now() + 60_000), 1000)).toEqual([]);
    const tickets = await store.tickets.list({ limit: 1000 });
    expect(tickets).toHaveLength(100);
    for (const [g, list] of perGroup.entries()) {
      const appeals = list.filter((_, k) => k % 2 === 0);
      const numbers = [];
      for (const m of appeals) {
        const id = await ticketOf(m);
        expect(id, `${m.externalId} opened a ticket`).not.toBeNull();
        numbers.push(tickets.find((t) => t.id === id)!.number);
      }
      // tickets are numbered as they are opened: a group's numbers rise in the order its messages were submitted
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
      // one receipt per ticket, posted in that order too, and one direct message to the group's grid worker
      expect(receiptsIn(p.chat, g + 1)).toEqual(numbers);
      // (井盖 and 消防栓 are hazards: the worker is also alerted about them, which is not counted here)
      expect(p.chat.toUser(`wk-${g + 1}`).filter((m) => m.text.startsWith('新工单'))).toHaveLength(10);
      for (const m of list.filter((_, k) => k % 2 === 1)) expect(await ticketOf(m)).toBeNull();
    }
    // every send is recorded with its key, so a retried notify job would not send it again
    const first = p.chat.sent[0]!;
    expect(await store.messages.findByExternal('WECHAT', first.externalId)).toMatchObject({ direction: 'OUT' });
  });

  it('keeps a group in order: a claim right after its report succeeds', async () => {
    const p = await start();
    const [latest] = await store.tickets.list({ limit: 1 });
    const next = (latest?.number ?? 0) + 1;
    const noise = Promise.all(
      [2, 3, 4].map(async (g) => {
        for (let k = 0; k < 10; k++) await p.pipeline.submit(msg(g, `n${g}`, `闲聊第${k}句`));
      }),
    );
    const reports = [];
    for (let j = 0; j < 5; j++) {
      const report = msg(1, `rc-${j}`, `${30 + j}号楼${BROKEN[j]}坏了，有点危险`);
      reports.push(report);
      await p.pipeline.submit(report);
      await p.pipeline.submit(msg(1, 'wk-1', `认领 #${next + j}`));
    }
    await noise;
    await p.settle();
    for (const [j, report] of reports.entries()) {
      const t = (await store.tickets.findById((await ticketOf(report))!))!;
      expect(t.number).toBe(next + j);
      expect(t.status).toBe('ACCEPTED');
    }
    const said = p.chat.inGroup('room-1').map((s) => s.text);
    expect(said.filter((s) => s.includes('已由网格员1受理'))).toHaveLength(5);
    expect(said.filter((s) => s.startsWith('抱歉'))).toEqual([]);
  });

  it('batches a steady stream: messages arriving one by one while their lane is busy are handled together, in order', async () => {
    const chat = new MemoryChatGateway('WECHAT');
    const b = createPipeline(cfg(), { store, logger, ingestRetry: { attempts: 3, backoffMs: 50 } });
    built.push(b);
    const linli = createLinli({ store, triage: testTriage(), gateways: { WECHAT: chat }, logger, calendar: weekdayCalendar, outbox: b.pipeline.outbox });
    let release!: () => void;
    const busy = new Promise<void>((resolve) => (release = resolve));
    const batches: string[][] = [];
    const assistant: IngestAssistant = {
      async handleBatch(items) {
        batches.push(items.map((i) => i.msg.externalId));
        if (batches.length === 1) await busy; // the lane is busy with the first message
        return linli.assistant.handleBatch(items);
      },
    };
    await b.pipeline.startWorkers(['ingest', 'notify'], 8, { assistant, gateways: { WECHAT: chat } });
    const stream = [msg(9, 'r-steady', '今天几点停水？')];
    expect(await b.pipeline.submit(stream[0]!)).toBe('queued');
    try {
      await waitFor('the first batch to start', () => batches.length === 1);
      // one at a time: each message is its own flush and its own job in the lane
      for (let k = 1; k <= 20; k++) {
        const m = msg(9, 'r-steady', k === 10 ? '90号楼路灯坏了，晚上很黑' : `闲聊第${k}句`);
        stream.push(m);
        expect(await b.pipeline.submit(m)).toBe('queued');
      }
    } finally {
      release();
    }
    await waitFor('all handled', async () => {
      const stored = await Promise.all(stream.map((m) => store.messages.findByExternal('WECHAT', m.externalId)));
      return stored.every((s) => s?.handledAt);
    });
    const ids = stream.map((m) => m.externalId);
    expect(batches.flat()).toEqual(ids);
    // the twenty that waited behind the first are handled as one batch, not twenty
    expect(batches).toEqual([ids.slice(0, 1), ids.slice(1)]);
    expect(await ticketOf(stream[10]!)).not.toBeNull();
  });

  it('handles a redelivered message once', async () => {
    const p = await start();
    const m = msg(5, 'r-dup', '50号楼的路灯坏了好几天了');
    const [first, again] = await Promise.all([p.pipeline.submit(m), p.pipeline.submit({ ...m })]);
    expect([first, again]).toEqual(['queued', 'queued']); // one row, one place in the batch
    expect(await p.pipeline.submit({ ...m })).toMatch(/queued|duplicate/); // a later batch, or handled already
    await p.settle();
    expect(await p.pipeline.submit({ ...m })).toBe('duplicate');
    // even a job added again once the first completed finds the message handled
    await p.ingest.add('message', { ...m, sentAt: m.sentAt.toISOString() }, { jobId: `WECHAT:${m.externalId}` });
    await p.settle();
    const no = (await store.tickets.findById((await ticketOf(m))!))!.number;
    expect(receiptsIn(p.chat, 5).filter((n) => n === no)).toHaveLength(1);
  });

  it('retries a failed send and a failed handling, and completes each once', { timeout: 30_000 }, async () => {
    const p = await start();
    p.gateway.failNext = 1;
    const a = msg(6, 'r-flaky-send', '60号楼水管坏了，一直在漏水');
    await p.pipeline.submit(a);
    await p.settle();
    expect(p.gateway.failures).toBe(1);
    const noA = (await store.tickets.findById((await ticketOf(a))!))!.number;
    expect(receiptsIn(p.chat, 6)).toEqual([noA]);

    p.triage.failNext = 1;
    const b = msg(7, 'r-flaky-triage', '70号楼门禁坏了，进不去');
    await p.pipeline.submit(b);
    await p.settle();
    expect(p.triage.failNext).toBe(0);
    const noB = (await store.tickets.findById((await ticketOf(b))!))!.number;
    expect(receiptsIn(p.chat, 7)).toEqual([noB]);
    expect((await store.tickets.list({ limit: 1000 })).filter((t) => t.number === noB)).toHaveLength(1);
  });

  it('parks a malformed job at once and a job that keeps failing after its attempts; retry works once fixed', async () => {
    const p = await start();
    await p.ingest.add('message', { platform: 'WECHAT', externalId: 'bad-1', text: '没有发送人' } as unknown as IngestJobData, { jobId: 'WECHAT:bad-1' });
    p.triage.down = true;
    const m = msg(8, 'r-down', '80号楼井盖坏了，快塌了');
    await p.pipeline.submit(m);
    await p.settle();
    const failed = await p.ingest.failed();
    const batch = failed.find((j) => j.failedReason === 'triage unavailable')!;
    expect(failed.map((j) => [j.id, j.queue, j.attemptsMade, j.failedReason])).toEqual(
      expect.arrayContaining([
        ['WECHAT:bad-1', 'ingest', 1, 'ingest job.groupExternalId must be a non-empty string'],
        [batch.id, 'ingest', 3, 'triage unavailable'],
      ]),
    );
    expect((batch.data as { messages: { externalId: string }[] }).messages.map((x) => x.externalId)).toEqual([m.externalId]);
    expect(await ticketOf(m)).toBeNull();

    p.triage.down = false; // fixed
    await p.ingest.retry(batch.id);
    await p.ingest.retry('WECHAT:bad-1'); // nothing to fix in the data: it fails again, at once
    await p.settle();
    const no = (await store.tickets.findById((await ticketOf(m))!))!.number;
    expect(receiptsIn(p.chat, 8)).toEqual([no]);
    expect((await p.ingest.failed()).map((j) => [j.id, j.attemptsMade])).toEqual([['WECHAT:bad-1', 1]]);
    await p.ingest.remove('WECHAT:bad-1');

    // the same for what the bot says: a bad notify job is parked at once, nothing is sent
    const sent = p.chat.sent.length;
    await p.notify.add('send', { key: 'x:0', platform: 'LINE', to: { user: 'u' }, text: '你好', ticketId: null }, { jobId: 'bad-notify' });
    await p.settle();
    expect((await p.notify.failed()).map((j) => [j.id, j.attemptsMade, j.failedReason])).toEqual([
      ['bad-notify', 1, 'notify job.platform must be one of WECHAT, TELEGRAM'],
    ]);
    expect(p.chat.sent).toHaveLength(sent);
  });

  it('brings a message whose job ran out of attempts back from the inbox once the cause is gone', async () => {
    const p = await start();
    p.triage.down = true;
    const m = msg(9, 'r-exhausted', '90号楼井盖坏了，快塌了');
    await p.pipeline.submit(m);
    await p.settle();
    const parked = (await p.ingest.failed()).find((j) => j.failedReason === 'triage unavailable')!;
    expect(parked).toBeDefined();
    p.triage.down = false;
    expect(await p.pipeline.requeueUnhandled(0)).toBeGreaterThanOrEqual(1);
    await p.settle();
    expect(await ticketOf(m)).not.toBeNull();
    // the job itself was retried: it leaves the failed list
    expect((await p.ingest.failed()).map((j) => j.id)).not.toContain(parked.id);
    expect(await p.pipeline.requeueUnhandled(0)).toBe(0);
  });

  it('keeps the message when the queue is down, and queues it again from the inbox', async () => {
    const p = await start();
    const dead = createBullmqQueues({ connection: 'redis://127.0.0.1:1', prefix: `${prefix}-dead`, logger });
    const down = new Pipeline({
      store,
      ingest: dead.queue<IngestJobData>(INGEST_QUEUE),
      notify: dead.queue(NOTIFY_QUEUE),
      logger,
      notifyLimiter: { max: 1, durationMs: 1000 },
      submitTimeoutMs: 300,
    });
    const m = msg(9, 'r-lost', '90号楼监控坏了，晚上很黑');
    try {
      expect(await down.submit(m)).toBe('stored');
    } finally {
      await dead.close();
    }
    expect(lines().some((l) => l.msg === 'ingest queue unavailable: the message is stored and will be queued again from the inbox')).toBe(true);
    expect(await store.messages.findByExternal('WECHAT', m.externalId)).toMatchObject({ handledAt: null });
    expect(await p.pipeline.requeueUnhandled(0)).toBe(1);
    await p.settle();
    const no = (await store.tickets.findById((await ticketOf(m))!))!.number;
    expect(receiptsIn(p.chat, 9)).toEqual([no]);
    expect(await p.pipeline.requeueUnhandled(0)).toBe(0);
  });

  it('queues again, from the outbox table, a reply whose notify job was lost, and sends it once', async () => {
    const chat = new MemoryChatGateway('WECHAT');
    const b = createPipeline(cfg(), { store, logger });
    built.push(b);
    const linli = createLinli({ store, triage: testTriage(), gateways: { WECHAT: chat }, logger, calendar: weekdayCalendar, outbox: b.pipeline.outbox });
    await b.pipeline.startWorkers(['ingest'], 4, { assistant: linli.assistant });
    const m = msg(3, 'r-lost-reply', '30号楼路灯坏了，晚上看不见');
    await b.pipeline.submit(m);
    await waitFor('the appeal to be handled', async () => (await store.messages.findByExternal('WECHAT', m.externalId))?.handledAt != null);
    const id = (await store.messages.findByExternal('WECHAT', m.externalId))!.id;
    const notify = b.queues.queue(NOTIFY_QUEUE);
    // the receipt and the worker's direct message were queued; the queue loses them (as an empty Redis after a restart)
    expect((await notify.counts()).waiting).toBe(2);
    await notify.remove(`${id}:0`);
    await notify.remove(`${id}:1`);
    expect((await notify.counts()).waiting).toBe(0);
    await b.pipeline.startWorkers(['notify'], 4, { gateways: { WECHAT: chat } });
    expect(await b.pipeline.recover(60_000)).toEqual({ messages: 0, replies: 0 }); // too recent to be called lost
    expect(await b.pipeline.recover(0)).toEqual({ messages: 0, replies: 2 });
    await waitFor('the receipt', () => chat.inGroup('room-3').some((s) => s.text.startsWith('已收到')));
    await waitFor('the outbox table to be cleared', async () => (await b.pipeline.recover(0)).replies === 0);
    const no = (await store.tickets.findById((await ticketOf(m))!))!.number;
    expect(receiptsIn(chat, 3).filter((n) => n === no)).toHaveLength(1);
    expect(chat.sent.filter((s) => 'user' in s.to && s.text.includes(`#${no}`))).toHaveLength(1);
  });

  it('chains each queued message to the one stored before it in its group, leaving a redelivery out of the chain', async () => {
    const p = await start();
    const queued: IngestJobData[] = [];
    const ingest = new Proxy(p.ingest, {
      get(target, key, receiver) {
        const v = Reflect.get(target, key, receiver) as unknown;
        if (typeof v !== 'function') return v;
        if (key !== 'add') return v.bind(target);
        return (name: string, data: IngestJobData, opts: unknown) => (queued.push(data), v.call(target, name, data, opts));
      },
    });
    const pipeline = new Pipeline({ store, ingest, notify: p.notify as JobQueue<OutgoingMessage>, logger, notifyLimiter: { max: 10_000, durationMs: 1000 } });
    const a = [msg(6, 'r-chain-a', '第一句'), msg(6, 'r-chain-b', '第二句'), msg(6, 'r-chain-c', '第三句')];
    const b = [msg(7, 'r-chain-d', '别的群'), msg(7, 'r-chain-e', '别的群第二句')];
    // two flushes: the chain goes on across them
    await Promise.all([pipeline.submit(a[0]!), pipeline.submit(b[0]!), pipeline.submit(a[1]!)]);
    await Promise.all([pipeline.submit(a[2]!), pipeline.submit(b[1]!), pipeline.submit({ ...a[0]! })]);
    await p.settle();
    const sent = queued.flatMap((j) => ('messages' in j ? j.messages : [j]));
    const byExternal = new Map(sent.map((m) => [m.externalId, m]));
    const id = (m: IncomingMessage) => byExternal.get(m.externalId)!.messageId;
    expect(a.map((m) => byExternal.get(m.externalId)!.prevId)).toEqual([undefined, id(a[0]!), id(a[1]!)]);
    expect(b.map((m) => byExternal.get(m.externalId)!.prevId)).toEqual([undefined, id(b[0]!)]);
    // the redelivery of a[0] was handled already or waits as a duplicate: never queued again with a place in the chain
    expect(sent.filter((m) => m.externalId === a[0]!.externalId && m.prevId !== undefined)).toEqual([]);
  });

  it('keeps messages in memory while the database refuses them, then stores and handles them in order', async () => {
    const p = await start();
    let refuse = 2;
    const messages = new Proxy(store.messages, {
      get(target, key, receiver) {
        const v = Reflect.get(target, key, receiver) as unknown;
        if (typeof v !== 'function') return v;
        if (key !== 'saveIncomingMany') return v.bind(target);
        return async (...args: unknown[]) => {
          if (refuse-- > 0) throw new Error('connection refused');
          return v.apply(target, args);
        };
      },
    });
    const waits: number[] = [];
    const flaky = (storeRetryMs?: number) =>
      new Pipeline({
        store: { ...store, messages },
        ingest: p.ingest,
        notify: p.notify as JobQueue<OutgoingMessage>,
        logger,
        notifyLimiter: { max: 10_000, durationMs: 1000 },
        storeRetryMs,
        sleep: async (ms) => void waits.push(ms),
      });
    const pipeline = flaky();
    const [latest] = await store.tickets.list({ limit: 1 });
    const report = msg(4, 'r-db-away', '40号楼消防栓坏了，漏水');
    const claim = msg(4, 'wk-4', `认领 #${(latest?.number ?? 0) + 1}`);
    expect(await Promise.all([pipeline.submit(report), pipeline.submit(claim)])).toEqual(['queued', 'queued']);
    expect(waits).toEqual([200, 400]);
    await p.settle();
    const t = (await store.tickets.findById((await ticketOf(report))!))!;
    expect(t.status).toBe('ACCEPTED');
    expect(lines().some((l) => l.msg === 'cannot store incoming messages (database away?); they wait in memory and are tried again')).toBe(true);

    // past the patience: the caller hears of it
    refuse = 1;
    await expect(flaky(0).submit(msg(4, 'r-db-gone', '41号楼路灯坏了'))).rejects.toThrow('connection refused');
  });

  it('sets apart a message the database refuses: it fails alone at once, the rest of its batch is stored and handled', async () => {
    const p = await start();
    const waits: number[] = [];
    const pipeline = new Pipeline({
      store,
      ingest: p.ingest,
      notify: p.notify as JobQueue<OutgoingMessage>,
      logger,
      notifyLimiter: { max: 10_000, durationMs: 1000 },
      sleep: async (ms) => void waits.push(ms),
    });
    // a date PostgreSQL cannot hold (JavaScript's earliest): one bad message among good ones, submitted together
    const good = [1, 2, 3, 4].map((g) => msg(5 + g, `r-apart-${g}`, `${50 + g}号楼门禁坏了`));
    // NUL characters are no reason to refuse a message: they are dropped where it comes in
    good[3] = msg(9, 'r-apart-\u00004', '54号楼门禁\u0000坏了', { sender: { externalId: 'r-apart-\u00004', name: '住户\u0000四' } });
    const bad = msg(5, 'r-apart-bad', '5号楼路灯坏了', { sentAt: new Date(-8.64e15) });
    const results = await Promise.allSettled([good[0]!, good[1]!, bad, good[2]!, good[3]!].map((m) => pipeline.submit(m)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(String((results[2] as PromiseRejectedResult).reason)).toMatch(/RefusedDataError: the database refused the data/);
    // no waiting for a database that is not away
    expect(waits).toEqual([]);
    await p.settle();
    for (const m of good.slice(0, 3)) expect(await ticketOf(m)).not.toBeNull();
    const cleaned = (await store.messages.findByExternal('WECHAT', good[3]!.externalId))!;
    expect(cleaned).toMatchObject({ text: '54号楼门禁坏了', senderExternalId: 'r-apart-4', senderName: '住户四' });
    expect(cleaned.ticketId).not.toBeNull();
    expect(await store.messages.findByExternal('WECHAT', bad.externalId)).toBeNull();
    expect(lines().some((l) => l.msg === 'the database refuses this incoming message; it is not stored (the rest of its batch is)')).toBe(true);
  });

  it('sends at the configured pace: at most 2 sends per 300 ms', { timeout: 30_000 }, async () => {
    const p = await start({ max: 2, durationMs: 300 });
    const times: number[] = [];
    p.chat.onSend(() => times.push(Date.now()));
    for (let g = 1; g <= 4; g++) await p.pipeline.submit(msg(g, `r-pace-${g}`, `${100 + g}号楼健身器材坏了`));
    await p.settle();
    expect(times).toHaveLength(8); // a receipt and a direct message per appeal
    // any three consecutive sends span at least one window, less the time a send takes from the limiter's grant to the
    // chat (it varies from job to job: 41 ms was seen on a loaded machine); a limiter letting 3 per window through would
    // space them ~150 ms apart, no limiter at all a few ms
    for (let i = 2; i < times.length; i++) expect(times[i]! - times[i - 2]!).toBeGreaterThanOrEqual(300 - 80);
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(900 - 80);
  });

  it('registers an appeal in a group where the bot may not send: its queued receipt is skipped by the notify worker, done and never retried; the worker is told', async () => {
    const p = await start();
    const g = (await store.groups.findByExternal('WECHAT', 'room-7'))!;
    await store.groups.setActive(g.id, false, { muted: true });
    // as the platform would: a send there is refused (the notify job would fail, and be retried)
    p.chat.refusals.set('room-7', 'NOT_IN_GROUP');
    try {
      const m = msg(7, 'r-muted', '707号楼信报箱坏了，取不了信');
      await p.pipeline.submit(m);
      await p.settle();
      const stored = (await store.messages.findByExternal('WECHAT', m.externalId))!;
      expect(stored.handledAt).not.toBeNull();
      const no = (await store.tickets.findById((await ticketOf(m))!))!.number;
      expect(p.chat.toUser('wk-7').filter((s) => s.text.includes(`新工单 #${no}`))).toHaveLength(1);
      expect(p.chat.inGroup('room-7').filter((s) => s.text.includes(`#${no}`))).toEqual([]);
      const skipped = lines().filter((l) => l.msg === 'the bot may not send messages in this group (muted): the post is skipped' && l.key === `${stored.id}:0`);
      expect(skipped).toEqual([expect.objectContaining({ level: 30, groupId: g.id })]);
      // nothing left to send again: the outbox table is cleared, no job failed
      expect(await p.pipeline.recover(0)).toEqual({ messages: 0, replies: 0 });
      expect((await p.notify.counts()).failed).toBe(0);
    } finally {
      await store.groups.setActive(g.id, true);
    }
  });
});
