// The monthly 每月一题 timer: on the configured day and time (China time) last month's proposal goes by direct message
// to every STREET_STAFF and LEADER — once: not before its time, not again after a restart, not twice when two
// processes run. On the in-process queue and on real BullMQ (Redis, a prefix of this run's own), with a controlled
// clock; messages go through the real outbox (masked, recorded in the store) to an in-memory chat gateway.
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createLinli } from '../../src/app.ts';
import { createBullmqQueues } from '../../src/adapters/bullmq/bullmq-job-queues.ts';
import { readGridFile } from '../../src/adapters/files/grid-file.ts';
import { createInsights } from '../../src/adapters/insights/create-insights.ts';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import { MemoryChatGateway } from '../../src/adapters/memory/memory-chat.gateway.ts';
import { createMemoryQueues } from '../../src/adapters/memory/memory-job-queues.ts';
import { DEMO_GRID_FILE } from '../../src/bots/ensure-grid.ts';
import { seedDemoHistory } from '../../src/core/demo/demo-history.ts';
import { GridScope } from '../../src/core/grid/grid-scope.ts';
import { GridRouter } from '../../src/core/grid/routing.ts';
import { createMonthlyProposals, INSIGHTS_QUEUE, monthlyMessage } from '../../src/core/insights/monthly-proposals.ts';
import { DirectOutbox } from '../../src/core/messages/outbox.ts';
import type { JobQueues } from '../../src/core/ports/job-queue.port.ts';
import type { Store } from '../../src/core/ports/store.port.ts';
import { freshStore, seededPglite } from '../support/databases.ts';
import { dropRedisPrefix, TEST_REDIS_URL } from '../support/redis.ts';
import { scriptedTriage } from '../support/scripted-triage.ts';

const cn = (local: string) => new Date(`${local}+08:00`);
const RECIPIENTS = ['wxid_fangzhiming', 'wxid_lixiaodong']; // the demo grid's STREET_STAFF and LEADER
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

// the demo grid and its history up to November 2026, written once; each world gets its own store with them
const demoWithHistory = seededPglite(async (store) => {
  await store.grid.importSpec(await readGridFile(DEMO_GRID_FILE));
  await seedDemoHistory(store, cn('2026-12-01T08:00:00'));
});

async function world() {
  const { store, dispose } = await demoWithHistory();
  cleanups.push(dispose);
  let at = cn('2026-12-01T08:00:00');
  const clock = { now: () => at, set: (d: Date) => void (at = d) };
  const gateway = new MemoryChatGateway('WECHAT');
  const { logger } = createMemoryLogger('warn');
  const insights = createInsights(store, new GridScope(new GridRouter(store.grid, store.people, store.tickets), store.groups));
  /** A process: its queues and a started monthly timer, as `linli start` runs them. */
  const startProcess = async (queues: JobQueues) => {
    const outbox = new DirectOutbox({ WECHAT: gateway }, store.messages);
    const monthly = createMonthlyProposals({ store, insights, queues, outbox, clock, logger, schedule: { day: 1, at: '09:00' } });
    let stopping: Promise<void> | undefined;
    const stop = () => (stopping ??= monthly.stop().then(() => queues.close()));
    cleanups.push(stop);
    await monthly.start();
    return { queues, stop };
  };
  return { store, clock, gateway, startProcess };
}

const directs = (gateway: MemoryChatGateway) => gateway.sent.filter((m) => 'user' in m.to);

async function expectProposalSent(gateway: MemoryChatGateway, store: Store) {
  await until(() => directs(gateway).length >= 2);
  await new Promise((r) => setTimeout(r, 300)); // nothing more comes
  const sent = directs(gateway);
  expect(sent.map((m) => (m.to as { user: string }).user).sort()).toEqual(RECIPIENTS);
  for (const m of sent) {
    expect(m.text).toMatch(/^11月每月一题建议：1\. .+（\d+件，\d+人反映/);
    expect(m.text).toMatch(/^11月每月一题建议：1\. [^；]*20号楼/); // the lift of 20号楼, rising in November, is the first
    expect(m.text).toContain('详见控制台“每月一题”');
    expect(m.text).not.toMatch(/1[3-9]\d{9}/); // a phone number in an appeal never reaches a message
  }
  expect(await store.messages.outgoingSent('insights:monthly:2026-12:' + (await store.people.ensureByIdentity('WECHAT', RECIPIENTS[0]!, '方志明')).id)).toBe(true);
}

describe('monthly 每月一题 proposal on the in-process queue', () => {
  it('waits for its day and time, sends one message to each street staff and leader, and not again after a restart', async () => {
    const w = await world();
    // an hour before: set, not sent
    let p = await w.startProcess(createMemoryQueues());
    await new Promise((r) => setTimeout(r, 500));
    expect(directs(w.gateway)).toHaveLength(0);
    expect((await p.queues.queue(INSIGHTS_QUEUE).counts()).delayed).toBe(1);
    await p.stop();

    // restarted 0.4 s before 09:00: the queue's own delay brings the run
    w.clock.set(cn('2026-12-01T08:59:59.600'));
    p = await w.startProcess(createMemoryQueues());
    await expectProposalSent(w.gateway, w.store);
    const counts = await p.queues.queue(INSIGHTS_QUEUE).counts();
    expect(counts.completed).toBe(1);
    expect(counts.delayed).toBe(1); // January's, a month away (longer than one timer can wait)
    await p.stop();

    // restarted later that day: December's run is made again (the in-process queue forgot it) and finds it sent
    w.clock.set(cn('2026-12-01T10:00:00'));
    p = await w.startProcess(createMemoryQueues());
    await until(async () => (await p.queues.queue(INSIGHTS_QUEUE).counts()).completed === 1);
    expect(directs(w.gateway)).toHaveLength(2);
  });

  it('a store with no appeals last month sends nothing', async () => {
    const { store, dispose } = await freshStore('pglite');
    cleanups.push(dispose);
    await store.grid.importSpec(await readGridFile(DEMO_GRID_FILE));
    const gateway = new MemoryChatGateway('WECHAT');
    const { logger } = createMemoryLogger('warn');
    const insights = createInsights(store, new GridScope(new GridRouter(store.grid, store.people, store.tickets), store.groups));
    const queues = createMemoryQueues();
    cleanups.push(() => queues.close());
    const monthly = createMonthlyProposals({
      store, insights, queues, outbox: new DirectOutbox({ WECHAT: gateway }, store.messages), clock: { now: () => cn('2026-12-02T10:00:00') }, logger, schedule: { day: 1, at: '09:00' },
    });
    expect(await monthly.run('2026-12')).toBe(0);
    expect(gateway.sent).toHaveLength(0);
  });
});

describe('monthly 每月一题 proposal in the app', () => {
  it('runs on the configured day and time once createLinli has queues (what the bot host starts)', async () => {
    const w = await world();
    const queues = createMemoryQueues();
    cleanups.push(() => queues.close());
    w.clock.set(cn('2026-12-02T23:59:00'));
    const { logger } = createMemoryLogger('warn');
    const linli = createLinli({
      store: w.store, triage: scriptedTriage([]), gateways: { WECHAT: w.gateway }, logger, clock: w.clock, queues,
      config: { commandAliases: {}, insights: { monthlyDay: 3, monthlyAt: '00:00' } },
    });
    await linli.monthly!.start();
    await new Promise((r) => setTimeout(r, 300));
    expect(directs(w.gateway)).toHaveLength(0); // 3 December 00:00 is a minute away
    const delayed = (await queues.queue(INSIGHTS_QUEUE).counts()).delayed;
    expect(delayed).toBe(1);
    await linli.monthly!.stop();
    w.clock.set(cn('2026-12-03T00:00:01'));
    const again = createLinli({
      store: w.store, triage: scriptedTriage([]), gateways: { WECHAT: w.gateway }, logger, clock: w.clock, queues: createMemoryQueues(),
      config: { commandAliases: {}, insights: { monthlyDay: 3, monthlyAt: '00:00' } },
    });
    cleanups.push(() => again.monthly!.stop());
    await again.monthly!.start();
    await expectProposalSent(w.gateway, w.store);
  });
});

describe('monthly 每月一题 proposal over several streets', () => {
  it("sends a street's holders their street's proposal and those above the streets the whole grid's, one message a person", async () => {
    const { store, dispose } = await freshStore('pglite');
    cleanups.push(dispose);
    const person = (key: string, roles: { role: 'STREET_STAFF' | 'LEADER' | 'GRID_WORKER'; nodeCode: string }[]) => ({ key, name: key, identities: [{ platform: 'WECHAT' as const, externalId: `wx-${key}` }], roles });
    await store.grid.importSpec({
      nodes: [
        { code: 'D1', name: '荔城区', level: 'DISTRICT', parentCode: null },
        { code: 'S1', name: '东街道', level: 'STREET', parentCode: 'D1' },
        { code: 'S2', name: '西街道', level: 'STREET', parentCode: 'D1' },
        { code: 'C1', name: '东社区', level: 'COMMUNITY', parentCode: 'S1' },
        { code: 'C2', name: '西社区', level: 'COMMUNITY', parentCode: 'S2' },
      ],
      groups: [],
      people: [
        person('east', [{ role: 'STREET_STAFF', nodeCode: 'S1' }, { role: 'LEADER', nodeCode: 'S1' }]),
        person('west', [{ role: 'STREET_STAFF', nodeCode: 'S2' }]),
        person('boss', [{ role: 'LEADER', nodeCode: 'D1' }]),
        person('worker', [{ role: 'GRID_WORKER', nodeCode: 'C1' }]),
      ],
    });
    const [c1, c2] = [(await store.grid.findByCode('C1'))!, (await store.grid.findByCode('C2'))!];
    const residents = await store.people.ensureManyByIdentity('WECHAT', [1, 2, 3].map((i) => ({ externalId: `r${i}`, name: `居民${i}` })));
    const at = cn('2026-11-10T10:00:00');
    const ticket = (summary: string, node: number, i: number) => ({
      ticket: { category: node === c1.id ? 'facility_repair' : 'sanitation', summary, place: { text: node === c1.id ? '1号楼电梯' : '9号楼垃圾房' }, urgency: 'NORMAL' as const, groupId: null, gridNodeId: node, reporterId: residents[i]!.id, createdAt: at },
      event: { type: 'reported' as const, actorId: null, messageId: null, fromStatus: null, toStatus: 'REPORTED' as const, note: null, data: null, at },
    });
    await store.tickets.createMany([0, 1, 2].flatMap((i) => [ticket('1号楼电梯又坏了', c1.id, i), ticket('9号楼垃圾房满了没人清', c2.id, i)]));
    const gateway = new MemoryChatGateway('WECHAT');
    const { logger } = createMemoryLogger('warn');
    const queues = createMemoryQueues();
    cleanups.push(() => queues.close());
    const monthly = createMonthlyProposals({
      store,
      insights: createInsights(store, new GridScope(new GridRouter(store.grid, store.people, store.tickets), store.groups)),
      queues,
      outbox: new DirectOutbox({ WECHAT: gateway }, store.messages),
      clock: { now: () => cn('2026-12-01T09:00:00') },
      logger,
      schedule: { day: 1, at: '09:00' },
    });
    expect(await monthly.run('2026-12')).toBe(3);
    const to = (id: string) => directs(gateway).filter((m) => (m.to as { user: string }).user === id).map((m) => m.text);
    expect(to('wx-east')).toHaveLength(1);
    expect(to('wx-east')[0]).toContain('电梯');
    expect(to('wx-east')[0]).not.toContain('垃圾');
    expect(to('wx-west')[0]).toContain('垃圾');
    expect(to('wx-west')[0]).not.toContain('电梯');
    expect(to('wx-boss')[0]).toMatch(/电梯[\s\S]*垃圾|垃圾[\s\S]*电梯/);
    expect(to('wx-worker')).toHaveLength(0);
    expect(await monthly.run('2026-12')).toBe(0); // sent is sent
  });
});

describe('monthly 每月一题 proposal on BullMQ', () => {
  it('two processes send it once, and a restart does not send it again', async () => {
    const prefix = `linli-test-monthly-${process.pid}-${randomBytes(4).toString('hex')}`;
    cleanups.push(() => dropRedisPrefix(prefix));
    const w = await world();
    w.clock.set(cn('2026-12-01T08:59:59.000'));
    const queues = () => createBullmqQueues({ connection: TEST_REDIS_URL, prefix });
    const [a, b] = await Promise.all([w.startProcess(queues()), w.startProcess(queues())]);
    await expectProposalSent(w.gateway, w.store);
    await until(async () => (await a.queues.queue(INSIGHTS_QUEUE).counts()).delayed === 1);
    await Promise.all([a.stop(), b.stop()]);

    w.clock.set(cn('2026-12-01T10:00:00'));
    const c = await w.startProcess(queues());
    await until(async () => (await c.queues.queue(INSIGHTS_QUEUE).counts()).completed >= 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(directs(w.gateway)).toHaveLength(2);
  });
});

describe('monthlyMessage', () => {
  it('lists the top three with counts, reporters and flags in Chinese', () => {
    const row = (rank: number, title: string, flags: string[]) => ({ rank, title, places: '', count: 7 - rank, reporters: 6 - rank, heat: 1, flags });
    const text = monthlyMessage({
      month: '2026-11',
      overview: [row(1, '20号楼电梯反复停运', ['上升（本月件数 6）']), row(2, '5号楼电动车堵通道', ['持续（连续月数 6）', '季节性']), row(3, '广场舞噪音', []), row(4, '第四个', [])],
    });
    expect(text).toBe('11月每月一题建议：1. 20号楼电梯反复停运（6件，5人反映，上升）；2. 5号楼电动车堵通道（5件，4人反映，持续、季节性）；3. 广场舞噪音（4件，3人反映）。详见控制台“每月一题”。');
  });
});
