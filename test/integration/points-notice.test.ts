// The points ledger read back on PGlite and PostgreSQL (totals per China-time month, ties, a reversed credit, the
// month's first and the month before's last second), and the monthly 公示: last month's ranking posted once in each
// volunteers' group over that group's subtree — not before its time, not again after a restart, not twice from two
// processes on BullMQ — through the real outbox (masked, recorded in the store) to an in-memory chat gateway.
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createLinli } from '../../src/app.ts';
import { createBullmqQueues } from '../../src/adapters/bullmq/bullmq-job-queues.ts';
import { readGridFile } from '../../src/adapters/files/grid-file.ts';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import { MemoryChatGateway } from '../../src/adapters/memory/memory-chat.gateway.ts';
import { createMemoryQueues } from '../../src/adapters/memory/memory-job-queues.ts';
import { DEMO_GRID_FILE } from '../../src/bots/ensure-grid.ts';
import { DirectOutbox } from '../../src/core/messages/outbox.ts';
import type { JobQueues } from '../../src/core/ports/job-queue.port.ts';
import type { Store } from '../../src/core/ports/store.port.ts';
import { createPointsNotice, POINTS_QUEUE, pointsNoticeKey } from '../../src/core/service/points-notice.ts';
import { monthRanking, volunteerBoard } from '../../src/core/service/points-ranking.ts';
import { freshStore, seededPglite, type StoreKind } from '../support/databases.ts';
import { dropRedisPrefix, TEST_REDIS_URL } from '../support/redis.ts';
import { scriptedTriage } from '../support/scripted-triage.ts';
import { seedService, VOLUNTEER_GROUPS } from '../support/points-fixture.ts';

const cn = (local: string) => new Date(`${local}+08:00`);
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function until(cond: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const seedAll = async (store: Store) => {
  await store.grid.importSpec(await readGridFile(DEMO_GRID_FILE));
  return seedService(store, '2026-11');
};
// on PGlite the demo grid and the service records are written once; each test's store starts from a dump of them
let pgliteSeed: Awaited<ReturnType<typeof seedService>> | undefined;
const seededPgliteStore = seededPglite(async (store) => void (pgliteSeed = await seedAll(store)));

async function seeded(kind: StoreKind = 'pglite') {
  if (kind === 'pglite') {
    const { store, dispose } = await seededPgliteStore();
    cleanups.push(dispose);
    return { store, seed: pgliteSeed! };
  }
  const { store, dispose } = await freshStore(kind);
  cleanups.push(dispose);
  return { store, seed: await seedAll(store) };
}

const ids = async (store: Store, code: string) => (await store.grid.subtree(code)).map((n) => n.id);

describe.each(['pglite', 'postgres'] as const)('the points ledger on %s', (kind) => {
  it('totals per China-time month: ties share a place, a reversed credit counts nothing, the boundaries fall right', { timeout: 60_000 }, async () => {
    const { store, seed } = await seeded(kind);
    const p = seed.people;
    const nov = await monthRanking(store, { month: '2026-11', gridNodeIds: await ids(store, '350304001001') });
    expect(nov.ranking.map((r) => [r.name, r.points, r.services, r.rank])).toEqual([
      ['王芳', 30, 3, 1],
      ['李明', 20, 2, 2], // his first credit at 1 November 00:00:00 China time (31 October in UTC)
      ['张丽', 20, 2, 2], // her credit at 31 October 23:59:59 is October's
    ]);
    const oct = await monthRanking(store, { month: '2026-10', gridNodeIds: await ids(store, '350304001001') });
    expect(oct.ranking.map((r) => [r.name, r.points])).toEqual([['王芳', 50], ['张丽', 5]]);
    // over one grid: only its volunteers (张丽 holds her role on 20号楼, under DY-G01)
    const g1 = await monthRanking(store, { month: '2026-11', gridNodeIds: await ids(store, 'DY-G01') });
    expect(g1.ranking.map((r) => r.name)).toEqual(['王芳', '张丽']);
    // the whole grid, and a month without points
    expect((await monthRanking(store, { month: '2026-11', gridNodeIds: await ids(store, '350304') })).ranking.map((r) => r.name)).toEqual(['王芳', '李明', '张丽', '陈刚']);
    expect((await monthRanking(store, { month: '2026-12', gridNodeIds: await ids(store, '350304') })).ranking).toEqual([]);

    const board = await volunteerBoard(store, { month: '2026-11', gridNodeIds: await ids(store, '350304') });
    expect(board.map((v) => [v.name, v.rank, v.monthPoints, v.totalPoints, v.inHand])).toEqual([
      ['王芳', 1, 30, 80, 1],
      ['李明', 2, 20, 20, 1],
      ['张丽', 2, 20, 25, 0],
      ['陈刚', 4, 15, 15, 1],
      // the demo grid's own volunteers, without points yet, by pinyin
      ['陈爱萍', null, 0, 0, 0],
      ['林建华', null, 0, 0, 0],
      ['许桂兰', null, 0, 0, 0],
      ['周强', null, 0, 0, 0],
    ]);
    expect(board.find((v) => v.personId === p.wangfang)!.totalPoints).toBe((await store.service.totals({ personIds: [p.wangfang] }))[0]!.points);
  });
});

async function world(kind: StoreKind = 'pglite') {
  const { store, seed } = await seeded(kind);
  let at = cn('2026-12-01T08:00:00');
  const clock = { now: () => at, set: (d: Date) => void (at = d) };
  const gateway = new MemoryChatGateway('WECHAT');
  const { logger } = createMemoryLogger('warn');
  const startProcess = async (queues: JobQueues) => {
    const outbox = new DirectOutbox({ WECHAT: gateway }, store.messages);
    const notice = createPointsNotice({ store, queues, outbox, clock, logger, schedule: { day: 1, at: '10:00' } });
    let stopping: Promise<void> | undefined;
    const stop = () => (stopping ??= notice.stop().then(() => queues.close()));
    cleanups.push(stop);
    await notice.start();
    return { queues, stop };
  };
  return { store, seed, clock, gateway, startProcess };
}

const posts = (gateway: MemoryChatGateway) => gateway.sent.filter((m) => 'group' in m.to);
const postsIn = (gateway: MemoryChatGateway, room: string) => posts(gateway).filter((m) => (m.to as { group: string }).group === room).map((m) => m.text);

async function expectNoticePosted(w: Awaited<ReturnType<typeof world>>) {
  await until(() => posts(w.gateway).length >= 2);
  await new Promise((r) => setTimeout(r, 300)); // nothing more comes
  expect(posts(w.gateway)).toHaveLength(2);
  expect(postsIn(w.gateway, VOLUNTEER_GROUPS.dy)).toEqual([
    '11月志愿服务积分公示（东园社区）：1. 王芳 30分（服务3次）；2. 李明 20分（服务2次）；2. 张丽 20分（服务2次）。感谢各位志愿者的热心服务！积分明细可向社区工作人员查询。',
  ]);
  expect(postsIn(w.gateway, VOLUNTEER_GROUPS.xy)).toEqual([expect.stringMatching(/^11月志愿服务积分公示（西园社区）：1\. 陈刚 15分（服务1次）。/)]);
  expect(postsIn(w.gateway, VOLUNTEER_GROUPS.xyG02)).toEqual([]); // its volunteer earned nothing
  expect(postsIn(w.gateway, 'dy-20hao@chatroom')).toEqual([]); // a neighbours' group gets none
  const dy = (await w.store.groups.findByExternal('WECHAT', VOLUNTEER_GROUPS.dy))!;
  expect(await w.store.messages.outgoingSent(pointsNoticeKey('2026-12', dy.id))).toBe(true);
}

describe.each(['pglite', 'postgres'] as const)('the monthly points 公示 on the in-process queue, %s', (kind) => {
  it('waits for its day and time, posts once in each volunteers\' group, and not again after a restart', { timeout: 60_000 }, async () => {
    const w = await world(kind);
    let p = await w.startProcess(createMemoryQueues());
    await new Promise((r) => setTimeout(r, 400));
    expect(posts(w.gateway)).toHaveLength(0); // two hours early
    expect((await p.queues.queue(POINTS_QUEUE).counts()).delayed).toBe(1);
    await p.stop();

    w.clock.set(cn('2026-12-01T09:59:59.600'));
    p = await w.startProcess(createMemoryQueues());
    await expectNoticePosted(w);
    expect((await p.queues.queue(POINTS_QUEUE).counts()).delayed).toBe(1); // January's
    await p.stop();

    // restarted later that day: December's run is made again and finds every post sent
    w.clock.set(cn('2026-12-01T12:00:00'));
    p = await w.startProcess(createMemoryQueues());
    await until(async () => (await p.queues.queue(POINTS_QUEUE).counts()).completed === 1);
    expect(posts(w.gateway)).toHaveLength(2);
  });
});

describe('the monthly points 公示 in the app', () => {
  it('in the app: createLinli sets it up from config.service with its places', { timeout: 60_000 }, async () => {
    const w = await world();
    w.clock.set(cn('2026-12-03T08:30:05'));
    const { logger } = createMemoryLogger('warn');
    const linli = createLinli({
      store: w.store, triage: scriptedTriage([]), gateways: { WECHAT: w.gateway }, logger, clock: w.clock, queues: createMemoryQueues(),
      config: { commandAliases: {}, service: { pointsPerRequest: 10, pointsNoticeDay: 3, pointsNoticeAt: '08:30', pointsNoticeTop: 1 } },
    });
    cleanups.push(() => linli.pointsNotice!.stop());
    await linli.pointsNotice!.start();
    await until(() => posts(w.gateway).length >= 2);
    expect(postsIn(w.gateway, VOLUNTEER_GROUPS.dy)).toEqual([expect.stringMatching(/^11月志愿服务积分公示（东园社区）：1\. 王芳 30分（服务3次）。感谢/)]);
  });

  it('a resident\'s phone number in a volunteer\'s name never reaches the group (the outbox masks)', { timeout: 60_000 }, async () => {
    const w = await world();
    await w.store.grid.importSpec({ nodes: [], groups: [], people: [{ key: 'vol-chengang', name: '陈刚13812345678', identities: [], roles: [{ role: 'VOLUNTEER', nodeCode: 'XY-G01' }] }] });
    const queues = createMemoryQueues();
    cleanups.push(() => queues.close());
    const notice = createPointsNotice({ store: w.store, queues, outbox: new DirectOutbox({ WECHAT: w.gateway }, w.store.messages), clock: w.clock, logger: createMemoryLogger('warn').logger, schedule: { day: 1, at: '10:00' } });
    expect(await notice.run('2026-12')).toBe(2);
    const text = postsIn(w.gateway, VOLUNTEER_GROUPS.xy)[0]!;
    expect(text).not.toContain('13812345678');
    expect(text).toContain('138****5678');
    expect(await notice.run('2026-12')).toBe(0); // posted is posted
  });
});

describe('the monthly points 公示 on BullMQ', () => {
  it('two processes post it once, and a restart does not post it again', { timeout: 60_000 }, async () => {
    const prefix = `linli-test-points-${process.pid}-${randomBytes(4).toString('hex')}`;
    cleanups.push(() => dropRedisPrefix(prefix));
    const w = await world();
    w.clock.set(cn('2026-12-01T09:59:59.000'));
    const queues = () => createBullmqQueues({ connection: TEST_REDIS_URL, prefix });
    const [a, b] = await Promise.all([w.startProcess(queues()), w.startProcess(queues())]);
    await expectNoticePosted(w);
    await until(async () => (await a.queues.queue(POINTS_QUEUE).counts()).delayed === 1);
    await Promise.all([a.stop(), b.stop()]);

    w.clock.set(cn('2026-12-01T12:00:00'));
    const c = await w.startProcess(queues());
    await until(async () => (await c.queues.queue(POINTS_QUEUE).counts()).completed >= 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(posts(w.gateway)).toHaveLength(2);
  });
});
