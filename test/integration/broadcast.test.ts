// Broadcast (批量发布) end to end on a real store and a real queue: PGlite + the in-process queue, and PostgreSQL +
// BullMQ on Redis (own key prefix). Each group must get a broadcast exactly once, whatever happens to the workers.
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBroadcastService } from '../../src/adapters/broadcast/create-broadcast.ts';
import { createBullmqQueues } from '../../src/adapters/bullmq/bullmq-job-queues.ts';
import { createMemoryQueues } from '../../src/adapters/memory/memory-job-queues.ts';
import { broadcastRepositoryOf } from '../../src/adapters/prisma/prisma-broadcast.repository.ts';
import { PacedSender } from '../../src/adapters/chat/paced-sender.ts';
import type { BroadcastService } from '../../src/core/broadcast/broadcast.service.ts';
import { UNCERTAIN_REASON } from '../../src/core/broadcast/broadcast.worker.ts';
import { ChatSendError } from '../../src/core/ports/chat-gateway.port.ts';
import type { BroadcastRepository } from '../../src/core/ports/broadcast.repository.ts';
import type { JobQueues } from '../../src/core/ports/job-queue.port.ts';
import type { Store } from '../../src/core/ports/store.port.ts';
import { isDomainError } from '../../src/core/errors.ts';
import { freshStore, type StoreKind } from '../support/databases.ts';
import { BROADCAST_GRID, dropRedisPrefix, REDIS_URL, TestGateway, waitUntil } from '../support/broadcast-fixtures.ts';

const RATE = { max: 50, durationMs: 100 };
const prefix = `linli-bc-test-${process.pid}-${randomBytes(4).toString('hex')}`;

afterAll(() => dropRedisPrefix(`${prefix}*`));

const variants: { name: string; store: StoreKind; queue: 'memory' | 'bullmq' }[] = [
  { name: 'PGlite + in-process queue', store: 'pglite', queue: 'memory' },
  { name: 'PostgreSQL + BullMQ', store: 'postgres', queue: 'bullmq' },
];

describe.each(variants)('broadcast on $name', ({ store: storeKind, queue: queueKind }) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let repo: BroadcastRepository;
  let gateway: TestGateway;
  const opened: JobQueues[] = [];
  const ids: Record<string, number> = {};
  const person: Record<string, number> = {};

  /** Each test has its own Redis prefix; consumers of one test share it (a fresh consumer finds the queued jobs). */
  let testPrefix = prefix;
  const openQueues = () => {
    const q = queueKind === 'memory' ? createMemoryQueues() : createBullmqQueues({ connection: REDIS_URL, prefix: testPrefix });
    opened.push(q);
    return q;
  };
  /** A consumer: queues, service and a started worker. BullMQ consumers of one test share a prefix via `queues`. */
  async function consumer(queues: JobQueues = openQueues(), gw: TestGateway = gateway, broadcasts?: BroadcastRepository) {
    const { service } = createBroadcastService({ store, queues, gateways: { WECHAT: gw }, rate: RATE, attempts: 2, backoffMs: 20, broadcasts });
    await service.startWorker(4);
    return { service, queues };
  }
  /** n more groups under G1, to make a run long enough to interrupt. */
  async function addBulkGroups(n: number) {
    const g1 = (await store.grid.findByCode('G1'))!;
    for (let i = 0; i < n; i++) {
      const g = await store.groups.upsertSeen('WECHAT', `bulk-${i}`, `批量群${i}`);
      await store.groups.mapToNode(g.id, g1.id);
    }
  }
  const done = (service: BroadcastService, id: number) =>
    waitUntil(async () => (await service.status(id)).broadcast.status === 'DONE', 20_000, `broadcast ${id} DONE`);
  /** The broadcast queue has nothing queued or running: no copy can be sent until something queues one again. */
  const idle = (queues: JobQueues) =>
    waitUntil(async () => {
      const c = await queues.queue('broadcast').counts();
      return c.waiting === 0 && c.delayed === 0 && c.active === 0;
    }, 20_000, 'the broadcast queue idle');

  beforeEach(async () => {
    testPrefix = `${prefix}-${randomBytes(3).toString('hex')}`;
    ({ store, dispose } = await freshStore(storeKind));
    await store.grid.importSpec(BROADCAST_GRID);
    for (const g of await store.groups.list()) ids[g.externalId] = g.id;
    repo = broadcastRepositoryOf(store);
    for (const key of ['xu', 'liu', 'huang', 'admin']) person[key] = (await repo.personByKey(key))!.id;
    // a group the bot has seen but nobody mapped: never a target
    await store.groups.upsertSeen('WECHAT', 'unmapped', '未关联群');
    gateway = new TestGateway();
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((q) => q.close()));
    await dispose();
  });

  it('resolves targets by subtree, tag, platform and exclusion, only active mapped groups', async () => {
    const { service } = await consumer();
    const rooms = async (targets: Parameters<BroadcastService['preview']>[0]['targets']) =>
      (await service.preview({ authorId: person.xu!, text: '通知', targets })).groups.map((g) => g.externalId).sort();

    expect(await rooms({ nodeCode: 'S1' })).toEqual(['dy-1', 'dy-2', 'dy-g2', 'dy-yz', 'xy-1', 'xy-2']);
    expect(await rooms({ nodeCode: 'C1' })).toEqual(['dy-1', 'dy-2', 'dy-g2', 'dy-yz']);
    expect(await rooms({ nodeCode: 'C1', tags: ['睦邻群'] })).toEqual(['dy-1', 'dy-2', 'dy-g2']);
    expect(await rooms({ nodeCode: 'S1', tags: ['睦邻群'], exclude: ['xy-2', ids['dy-1']!] })).toEqual(['dy-2', 'dy-g2', 'xy-1']);
    expect(await rooms({ nodeCode: 'S1', platform: 'TELEGRAM' })).toEqual([]);
    expect(await rooms({ groupIds: ['dy-2', 'xy-1'] })).toEqual(['dy-2', 'xy-1']);

    await store.groups.setActive(ids['dy-yz']!, false);
    const p = await service.preview({ authorId: person.xu!, text: '通知', targets: { nodeCode: 'G1', groupIds: ['dy-1', 'dy-yz', 'xy-1', 'unmapped'] } });
    expect(p.groups.map((g) => g.externalId)).toEqual(['dy-1']);
    expect(p.ignored.map((i) => i.ref)).toEqual(['dy-yz', 'xy-1', 'unmapped']);
    // 1 group at 50 per 100 ms: it goes in the first window, at once
    expect(p.estimate).toMatchObject({ sends: 1, floorMs: 0 });
    // a WeChat account paced at 1,500 ms + 0–1,000 ms per send: n − 1 gaps, the jitter's mean on top
    const paced = createBroadcastService({ store, queues: openQueues(), gateways: {}, rate: RATE, intervalMs: 1500, jitterMs: 1000 }).service;
    const pp = await paced.preview({ authorId: person.xu!, text: '通知', targets: { nodeCode: 'S1' } });
    const n = pp.groups.length;
    expect(n).toBeGreaterThan(2);
    expect(pp.estimate).toMatchObject({ sends: n, floorMs: (n - 1) * 1500, estimatedMs: (n - 1) * 2000 });
  });

  it('previews the text as it will be sent, phone numbers masked, and sends exactly that', async () => {
    const { service } = await consumer();
    const text = '【通知】停水期间有事请联系 138 1234 5678（王经理）';
    const p = await service.preview({ authorId: person.xu!, text, targets: { groupIds: ['dy-1'] } });
    expect(p.text).toBe('【通知】停水期间有事请联系 138****5678（王经理）');
    const { broadcast } = await service.publish({ authorId: person.xu!, text, targets: { groupIds: ['dy-1'] } });
    await done(service, broadcast.id);
    expect(gateway.inner.inGroup('dy-1').map((m) => m.text)).toEqual([p.text]);
  });

  it('refuses an author without a broadcast role over the target, and outside their subtree', async () => {
    const { service } = await consumer();
    const refused = async (authorId: number, targets: { nodeCode?: string; groupIds?: string[] }) => {
      const e = await service.create({ authorId, text: '通知', targets }).catch((err: unknown) => err);
      return isDomainError(e, 'NOT_AUTHORIZED');
    };
    // community staff of C1 (东园): their own community, not 西园 (C2) nor the street above
    expect(await refused(person.huang!, { nodeCode: 'C2' })).toBe(true);
    expect(await refused(person.huang!, { nodeCode: 'S1' })).toBe(true);
    expect(await refused(person.huang!, { groupIds: ['dy-1', 'xy-1'] })).toBe(true);
    expect(await refused(person.huang!, { nodeCode: 'G1' })).toBe(false);
    expect(await refused(person.liu!, { nodeCode: 'S1' })).toBe(true); // street staff of C2 only
    expect(await refused(person.liu!, { nodeCode: 'C1' })).toBe(true);
    expect(await refused(person.liu!, { groupIds: ['xy-1', 'dy-1'] })).toBe(true);
    expect(await refused(person.liu!, { nodeCode: 'G3' })).toBe(false);
    expect(await refused(person.admin!, { nodeCode: 'S1' })).toBe(false);
    expect(gateway.total).toBe(0);
  });

  it('stores every delivery before the first send and sends each group exactly one message', async () => {
    const { service } = await consumer();
    const seenAtFirstSend: number[] = [];
    let created = 0;
    let first = true;
    gateway.onSent = () => {
      // at the first send, every delivery is already stored
      if (first) void repo.counts(created).then((c) => seenAtFirstSend.push(c.total));
      first = false;
    };
    const { broadcast, deliveries } = await service.create({ authorId: person.xu!, text: '【通知】本周六上午9点消防演练', targets: { nodeCode: 'S1' } });
    created = broadcast.id;
    expect(deliveries).toHaveLength(6);
    expect(deliveries.every((d) => d.status === 'PENDING')).toBe(true);
    expect(gateway.total).toBe(0);
    expect((await repo.counts(created)).PENDING).toBe(6);

    await service.dispatch(created);
    await service.dispatch(created); // twice: still one job per group
    await done(service, created);
    for (const room of ['dy-1', 'dy-2', 'dy-yz', 'dy-g2', 'xy-1', 'xy-2']) expect(gateway.copies(room)).toBe(1);
    expect(gateway.copies('unmapped')).toBe(0);
    expect(seenAtFirstSend).toEqual([6]);
    const s = await service.status(created);
    expect(s.counts).toMatchObject({ SENT: 6, PENDING: 0, total: 6 });
    expect(s.broadcast.finishedAt).not.toBeNull();
    expect(await store.messages.outgoingSent(`bc:${created}:${ids['dy-1']}`)).toBe(true);
  });

  it('pause stops sending, resume finishes the rest', async () => {
    const { service, queues } = await consumer();
    await addBulkGroups(30);
    gateway.delayMs = 30;
    const { broadcast } = await service.publish({ authorId: person.xu!, text: '停水通知', targets: { nodeCode: 'S1' } });
    await waitUntil(() => gateway.total >= 1, 10_000, 'first send');
    await service.pause(broadcast.id);
    // a copy already being sent when pause came finishes; nothing is left queued after it
    await idle(queues);
    const s = await service.status(broadcast.id);
    expect(s.broadcast.status).toBe('PAUSED');
    expect(s.counts.PENDING).toBeGreaterThan(0);
    expect(gateway.total).toBe(s.counts.SENT);
    expect(gateway.total).toBeLessThan(36);
    await service.resume(broadcast.id);
    await done(service, broadcast.id);
    expect(gateway.total).toBe(36);
    for (const g of await store.groups.list()) if (g.gridNodeId !== null) expect(gateway.copies(g.externalId), g.externalId).toBe(1);
  });

  it('cancel skips what is not sent yet and cannot be resumed', async () => {
    const { service, queues } = await consumer();
    await addBulkGroups(30);
    gateway.delayMs = 30;
    const { broadcast } = await service.publish({ authorId: person.xu!, text: '取消测试', targets: { nodeCode: 'S1' } });
    await waitUntil(() => gateway.total >= 1, 10_000, 'first send');
    await service.cancel(broadcast.id);
    await idle(queues);
    const s = await service.status(broadcast.id);
    expect(s.broadcast.status).toBe('CANCELLED');
    expect(s.counts.PENDING).toBe(0);
    expect(s.counts.SENT + s.counts.SKIPPED).toBe(36);
    expect(s.counts.SKIPPED).toBeGreaterThan(0);
    expect(s.counts.SENT).toBe(gateway.total);
    expect(s.deliveries.filter((d) => d.status === 'SKIPPED').every((d) => d.reason === '发布已取消')).toBe(true);
    await expect(service.resume(broadcast.id)).rejects.toMatchObject({ code: 'ILLEGAL_TRANSITION' });
  });

  it('a failing group ends FAILED with its reason; resend-failed sends to it only; an absent bot is SKIPPED', async () => {
    const { service } = await consumer();
    gateway.failing.add('dy-2');
    gateway.absent.add('xy-2');
    await store.groups.setActive(ids['dy-g2']!, true);
    const { broadcast } = await service.publish({ authorId: person.xu!, text: '疫苗接种通知', targets: { nodeCode: 'S1' } });
    await done(service, broadcast.id);
    let s = await service.status(broadcast.id);
    expect(s.counts).toMatchObject({ SENT: 4, FAILED: 1, SKIPPED: 1 });
    const failed = s.deliveries.find((d) => d.groupId === ids['dy-2'])!;
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 2 });
    expect(failed.reason).toMatch(/ETIMEDOUT/);
    expect(s.deliveries.find((d) => d.groupId === ids['xy-2'])!.reason).toMatch(/not found/);
    expect(gateway.total).toBe(4);

    gateway.failing.clear();
    const before = gateway.total;
    const r = await service.resendFailed(broadcast.id);
    expect(r.groupIds).toEqual([ids['dy-2']]);
    await done(service, broadcast.id);
    s = await service.status(broadcast.id);
    expect(s.counts).toMatchObject({ SENT: 5, FAILED: 0, SKIPPED: 1 });
    expect(gateway.total - before).toBe(1);
    expect(gateway.copies('dy-2')).toBe(1);
    expect(gateway.copies('xy-2')).toBe(0);
    for (const room of ['dy-1', 'dy-yz', 'dy-g2', 'xy-1']) expect(gateway.copies(room)).toBe(1);
  });

  it('decides by the gateway’s code, never by the error’s text', async () => {
    const { service } = await consumer();
    gateway.throwing.set('dy-1', new Error('WeChat room dy-1 not found (is the bot still in it?)')); // text only: retried
    gateway.throwing.set('dy-2', new ChatSendError('refused', 'REJECTED')); // permanent: failed at once
    gateway.throwing.set('xy-1', new ChatSendError('gone', 'NOT_IN_GROUP')); // whatever its words: skipped
    const { broadcast } = await service.publish({ authorId: person.xu!, text: '通知', targets: { groupIds: ['dy-1', 'dy-2', 'xy-1'] } });
    await done(service, broadcast.id);
    const s = await service.status(broadcast.id);
    const of = (room: string) => s.deliveries.find((d) => d.groupId === ids[room])!;
    expect(of('dy-1')).toMatchObject({ status: 'FAILED', attempts: 2 });
    expect(of('dy-2')).toMatchObject({ status: 'FAILED', attempts: 1, reason: 'refused' });
    expect(of('xy-1')).toMatchObject({ status: 'SKIPPED', reason: 'gone' });
  });

  it('a group that became inactive after creation is SKIPPED', async () => {
    const { service } = await consumer();
    const { broadcast } = await service.create({ authorId: person.xu!, text: '通知', targets: { nodeCode: 'G3' } });
    await store.groups.setActive(ids['xy-1']!, false);
    await service.dispatch(broadcast.id);
    await done(service, broadcast.id);
    const s = await service.status(broadcast.id);
    expect(s.counts).toMatchObject({ SENT: 1, SKIPPED: 1 });
    expect(gateway.copies('xy-1')).toBe(0);
  });

  it('the rate counts copies handed to the platform: skipped groups use none of it', async () => {
    await addBulkGroups(6);
    // 3 sends a minute: were every job's start counted, the skipped groups would hold the sends back a minute
    const { service } = createBroadcastService({ store, queues: openQueues(), gateways: { WECHAT: gateway }, rate: { max: 3, durationMs: 60_000 }, attempts: 2, backoffMs: 20 });
    await service.startWorker(1);
    const { broadcast } = await service.create({ authorId: person.xu!, text: '通知', targets: { nodeCode: 'G1' } });
    expect((await service.status(broadcast.id)).counts).toMatchObject({ PENDING: 9 });
    for (const g of await store.groups.list()) if (g.externalId.startsWith('bulk-')) await store.groups.setActive(g.id, false);
    await service.dispatch(broadcast.id);
    await done(service, broadcast.id);
    expect((await service.status(broadcast.id)).counts).toMatchObject({ SENT: 3, SKIPPED: 6 });
    expect(gateway.total).toBe(3);
  });

  it('a scheduled broadcast waits for its time', async () => {
    const { service } = await consumer();
    const sentAt: number[] = [];
    gateway.onSent = () => sentAt.push(Date.now());
    // 3 s ahead: publishing itself can take most of a second when the suite loads both cores
    const scheduledAt = new Date(Date.now() + 3000);
    const { broadcast } = await service.publish({ authorId: person.xu!, text: '定时通知', targets: { nodeCode: 'G3' }, scheduledAt });
    expect(broadcast.status).toBe('SCHEDULED');
    await done(service, broadcast.id);
    expect(gateway.total).toBe(2);
    // not before its time (Redis' clock decides for BullMQ: a few ms either way)
    expect(Math.min(...sentAt)).toBeGreaterThanOrEqual(scheduledAt.getTime() - 25);
  });

  it('a worker dying mid-run and a fresh one resuming never sends a group twice', async () => {
    await addBulkGroups(40);
    gateway.delayMs = 5;
    // Crash window 1: one copy is sent and recorded by the outbox, but marking its delivery SENT fails every time in
    // the first worker (as if it died right after the send): the delivery stays PENDING with its key used.
    let crashedGroup: number | undefined;
    const dying: BroadcastRepository = Object.create(repo, {
      markSent: {
        value: async (b: number, g: number, at: Date) => {
          crashedGroup ??= g;
          if (g === crashedGroup) throw new Error('simulated crash after send, before the delivery is marked');
          return repo.markSent(b, g, at);
        },
      },
    });
    const first = await consumer(openQueues(), gateway, dying);
    const { broadcast } = await first.service.publish({ authorId: person.xu!, text: '燃气安全检查通知', targets: { nodeCode: 'S1' } });
    const k = 15;
    await waitUntil(() => gateway.total >= k, 10_000, `${k} sends`);
    // Crash window 2: the consumer stops after k sends, with jobs waiting and some in flight.
    await first.queues.close();
    const sentByFirst = gateway.total;
    expect(sentByFirst).toBeLessThan(46);
    expect((await repo.counts(broadcast.id)).PENDING).toBeGreaterThan(0);
    expect(crashedGroup).toBeDefined();
    expect((await repo.findDelivery(broadcast.id, crashedGroup!))!.status).toBe('PENDING');

    const second = await consumer(openQueues());
    await second.service.resume(broadcast.id); // still SENDING: queue the PENDING copies again
    await done(second.service, broadcast.id);
    const rooms = (await store.groups.list()).filter((g) => g.gridNodeId !== null && g.active).map((g) => g.externalId);
    expect(rooms).toHaveLength(46);
    for (const room of rooms) expect(gateway.copies(room), room).toBe(1);
    expect(gateway.total).toBe(46);
    expect((await repo.counts(broadcast.id)).SENT).toBe(46);
  });

  it('pendingTargets lists the groups still PENDING with their platform, by group id', async () => {
    const { service } = await consumer();
    const tg = await store.groups.upsertSeen('TELEGRAM', '-100777', '东园电报群');
    await store.groups.mapToNode(tg.id, (await store.grid.findByCode('G3'))!.id);
    const { broadcast, deliveries } = await service.create({ authorId: person.xu!, text: '通知', targets: { nodeCode: 'G3' } });
    expect(deliveries.map((d) => d.groupId)).toContain(tg.id);
    await repo.markSkipped(broadcast.id, ids['xy-1']!, 'test');
    const platformOf = new Map((await store.groups.list()).map((g) => [g.id, g.platform]));
    const pending = deliveries.map((d) => d.groupId).filter((g) => g !== ids['xy-1']).sort((x, y) => x - y);
    expect(await repo.pendingTargets(broadcast.id)).toEqual(pending.map((groupId) => ({ groupId, platform: platformOf.get(groupId) })));
    expect((await repo.pendingTargets(broadcast.id)).find((t) => t.groupId === tg.id)?.platform).toBe('TELEGRAM');
  });

  it('create returns exactly what it stored: the broadcast with its times and targets, one PENDING delivery per group', async () => {
    const before = Date.now();
    const at = new Date(Date.now() + 3 * 3600_000);
    const { broadcast, deliveries } = await repo.create({
      authorId: person.xu!,
      text: '停水通知',
      targets: { nodeCode: 'G3', tags: ['楼栋'] },
      scheduledAt: at,
      status: 'SCHEDULED',
      groupIds: [ids['xy-2']!, ids['xy-1']!, ids['xy-2']!],
    });
    expect(await repo.findById(broadcast.id)).toEqual(broadcast);
    expect(broadcast).toMatchObject({ authorId: person.xu, text: '停水通知', targets: { nodeCode: 'G3', tags: ['楼栋'] }, status: 'SCHEDULED', finishedAt: null });
    expect(broadcast.scheduledAt?.toISOString()).toBe(at.toISOString());
    expect(Math.abs(broadcast.createdAt.getTime() - before)).toBeLessThan(60_000); // stored as UTC, read back as the same instant
    expect(await repo.deliveries(broadcast.id)).toEqual(deliveries); // the duplicate group once, by group id
    expect(deliveries.map((d) => d.groupId)).toEqual([ids['xy-1'], ids['xy-2']].sort((x, y) => x! - y!));
    expect(deliveries.every((d) => d.status === 'PENDING' && d.attempts === 0 && d.reason === null && d.sentAt === null)).toBe(true);
    // the attempt bookkeeping on what create stored: begun once, then not again until it ends
    expect(await repo.beginNextAttempt(broadcast.id, ids['xy-1']!)).toBe(1);
    expect(await repo.beginNextAttempt(broadcast.id, ids['xy-1']!)).toBeNull();
    await repo.noteFailure(broadcast.id, ids['xy-1']!, 'timeout');
    expect(await repo.beginNextAttempt(broadcast.id, ids['xy-1']!)).toBe(2);
    const sentAt = new Date('2026-12-06T04:00:00.123Z');
    await repo.markSent(broadcast.id, ids['xy-1']!, sentAt);
    expect(await repo.findDelivery(broadcast.id, ids['xy-1']!)).toMatchObject({ status: 'SENT', attempts: 2, reason: null, sentAt });
    // not SENDING: never finished; SENDING with a copy PENDING: not yet; none PENDING: DONE at the given time
    expect(await repo.finishIfDone(broadcast.id, sentAt)).toBe(false);
    await repo.transition(broadcast.id, ['SCHEDULED'], 'SENDING');
    expect(await repo.finishIfDone(broadcast.id, sentAt)).toBe(false);
    await repo.markSkipped(broadcast.id, ids['xy-2']!, 'test');
    expect(await repo.finishIfDone(broadcast.id, sentAt)).toBe(true);
    expect(await repo.findById(broadcast.id)).toMatchObject({ status: 'DONE', finishedAt: sentAt });
  });

  it('recoverWhenIdle queues what a crash left unqueued only once the queue is idle, and nothing after a stop', async () => {
    const queues = openQueues();
    const { service } = createBroadcastService({ store, queues, gateways: { WECHAT: gateway }, rate: RATE, attempts: 2, backoffMs: 20 });
    // A: queued whole, waiting for a worker (what a resumed broadcast looks like to its successor)
    const a = (await service.publish({ authorId: person.xu!, text: '通知甲', targets: { nodeCode: 'G1' } })).broadcast;
    // B: its process died between SENDING and queuing the copies: PENDING deliveries without a job
    const b = (await service.create({ authorId: person.xu!, text: '通知乙', targets: { nodeCode: 'G3' } })).broadcast;
    expect(await repo.transition(b.id, ['DRAFT'], 'SENDING')).not.toBeNull();
    const queuedA = (await queues.queue('broadcast').counts()).waiting;
    expect(queuedA).toBe((await repo.counts(a.id)).PENDING);

    // a stop while the queue is busy: nothing is queued
    const quit = new AbortController();
    const stopped = service.recoverWhenIdle({ everyMs: 20, signal: quit.signal });
    await new Promise((r) => setTimeout(r, 150));
    quit.abort();
    expect(await stopped).toEqual([]);
    expect((await queues.queue('broadcast').counts()).waiting).toBe(queuedA);

    const recovering = service.recoverWhenIdle({ everyMs: 20 });
    let settled = false;
    void recovering.then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 150));
    expect(settled).toBe(false); // A's copies still wait: B is not queued in front of them or among them
    expect((await queues.queue('broadcast').counts()).waiting).toBe(queuedA);

    await service.startWorker(4);
    expect(await recovering).toEqual([b.id]);
    await done(service, a.id);
    await done(service, b.id);
    const sent = gateway.inner.sent;
    const firstOfB = sent.findIndex((m) => m.text === '通知乙');
    const lastOfA = Math.max(...sent.map((m, i) => (m.text === '通知甲' ? i : -1)));
    expect(firstOfB).toBeGreaterThan(lastOfA);
    for (const room of ['xy-1', 'xy-2']) expect(gateway.copies(room), room).toBe(1);
  });

  it("a copy waiting for its turn in a paced account is not begun: a crash leaves it PENDING for the next worker, not uncertain", async () => {
    // WeChat's gateway: sends wait in the account's PacedSender (here 150 ms apart, one at a time); the copy's attempt
    // begins when its turn comes (SendOptions.beforeSend), not when its job starts
    const sender = new PacedSender({ minIntervalMs: 150, jitterMs: 0, maxInFlight: 1 });
    const paced: TestGateway = Object.assign(new TestGateway(), { callsBeforeSend: true });
    const send = paced.sendToGroup.bind(paced);
    paced.sendToGroup = (room, text, options) => sender.send(() => send(room, text, options), room, options?.beforeSend);
    const { service } = await consumer(openQueues(), paced);
    const { broadcast } = await service.publish({ authorId: person.xu!, text: '通知', targets: { nodeCode: 'S1' } });
    let mostBegun = 0;
    let mostActive = 0;
    while ((await service.status(broadcast.id)).broadcast.status !== 'DONE') {
      const ds = await repo.deliveries(broadcast.id, ['PENDING']);
      mostBegun = Math.max(mostBegun, ds.filter((d) => d.attempts > 0).length);
      mostActive = Math.max(mostActive, sender.pending);
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(mostActive).toBeGreaterThan(1); // copies did wait for their turn (the worker takes 4 at a time)
    expect(mostBegun).toBeLessThanOrEqual(1); // but only the one being handed over had begun
    expect((await service.status(broadcast.id)).counts).toMatchObject({ SENT: 6, FAILED: 0 });
    for (const room of ['dy-1', 'dy-2', 'dy-yz', 'dy-g2', 'xy-1', 'xy-2']) expect(paced.copies(room), room).toBe(1);
  });

  it('an attempt a dead worker left unfinished is settled from the outbox record, never sent again blindly', async () => {
    const { service } = await consumer();
    const { broadcast } = await service.create({ authorId: person.xu!, text: '通知', targets: { nodeCode: 'G3' } });
    const [x1, x2] = [ids['xy-1']!, ids['xy-2']!];
    // xy-1: a worker began, the platform took the message, the outbox recorded it, the worker died before marking
    await repo.beginNextAttempt(broadcast.id, x1);
    const ref = await gateway.sendToGroup('xy-1', '通知');
    await store.messages.saveOutgoing('WECHAT', ref.externalId, x1, '通知', null, `bc:${broadcast.id}:${x1}`);
    // xy-2: a worker began and the platform took the message, but the worker died before the outbox recorded it
    await repo.beginNextAttempt(broadcast.id, x2);
    await gateway.sendToGroup('xy-2', '通知');
    await service.dispatch(broadcast.id);
    await done(service, broadcast.id);
    const s = await service.status(broadcast.id);
    expect(s.deliveries.find((d) => d.groupId === x1)!.status).toBe('SENT');
    const uncertain = s.deliveries.find((d) => d.groupId === x2)!;
    expect(uncertain.status).toBe('FAILED');
    expect(uncertain.reason).toBe(UNCERTAIN_REASON);
    expect(gateway.copies('xy-1')).toBe(1);
    expect(gateway.copies('xy-2')).toBe(1);
    // a person decides: resend-failed sends it (the key was never recorded, so the outbox lets it through)
    await service.resendFailed(broadcast.id);
    await done(service, broadcast.id);
    expect((await service.status(broadcast.id)).counts).toMatchObject({ SENT: 2, FAILED: 0 });
    expect(gateway.copies('xy-2')).toBe(2);
  });
});
