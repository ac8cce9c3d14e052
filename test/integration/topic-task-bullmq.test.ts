// A 实事 item's deadline on real BullMQ (Redis, a prefix of this run's own): the delayed job fires through BullMQ's
// worker and raises the item to the community; the process stops, Redis is flushed, and a restart reconciles the
// community level's timer from the store, which fires and raises the item to the street. Short real delays come from
// the clock standing a few seconds before each deadline, not from sleeping.
import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLinli, type Linli } from '../../src/app.ts';
import { createBullmqQueues } from '../../src/adapters/bullmq/bullmq-job-queues.ts';
import { createLayeredCalendar } from '../../src/adapters/calendar/layered.calendar.ts';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import { MemoryChatGateway } from '../../src/adapters/memory/memory-chat.gateway.ts';
import { TOPIC_QUEUE, type TopicTimerJob } from '../../src/core/deliberation/deliberation.service.ts';
import type { Outbox, OutgoingMessage } from '../../src/core/ports/outbox.port.ts';
import type { Store } from '../../src/core/ports/store.port.ts';
import { freshStore } from '../support/databases.ts';
import { DELIBERATION_GRID } from '../support/deliberation-fixture.ts';
import { dropRedisPrefix, TEST_REDIS_URL } from '../support/redis.ts';
import { scriptedTriage } from '../support/scripted-triage.ts';

const cn = (local: string) => new Date(`${local}+08:00`);
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('实事 deadlines on BullMQ', { timeout: 120_000 }, () => {
  it('escalates through the BullMQ worker, and again after a restart with Redis flushed', async () => {
    const prefix = `linli-test-topic-${process.pid}-${randomBytes(4).toString('hex')}`;
    cleanups.push(() => dropRedisPrefix(prefix));
    const { store, dispose } = await freshStore('pglite');
    cleanups.push(dispose);
    await store.grid.importSpec(DELIBERATION_GRID);
    let at = cn('2026-12-16T17:59:54'); // a Wednesday; the item is due at 18:00
    const clock = { now: () => at };
    const { logger } = createMemoryLogger('warn');
    const sent: OutgoingMessage[] = [];
    const outbox: Outbox = { send: async (m) => void (sent.some((s) => s.key === m.key) || sent.push(m)) };
    const to = (user: string) => sent.filter((m) => 'user' in m.to && m.to.user === user);
    /** A process: a Linli on BullMQ queues of the prefix with its topic timers started (what `linli start` runs). */
    const startProcess = async (s: Store): Promise<{ linli: Linli; stop: () => Promise<void> }> => {
      const queues = createBullmqQueues({ connection: TEST_REDIS_URL, prefix });
      const linli = createLinli({ store: s, triage: scriptedTriage([]), logger, clock, calendar: createLayeredCalendar(), outbox, queues, gateways: { WECHAT: new MemoryChatGateway('WECHAT') } });
      let stopping: Promise<void> | undefined;
      const stop = () => (stopping ??= queues.close());
      cleanups.push(stop);
      await linli.startTopicTimers();
      return { linli, stop };
    };
    const inspector = new Queue(TOPIC_QUEUE, { connection: { url: TEST_REDIS_URL }, prefix });
    cleanups.push(() => inspector.close());
    const delayed = async () => (await inspector.getDelayed()).map((j) => `${(j.data as TopicTimerJob).name}:${(j.data as TopicTimerJob).level ?? '-'}`).sort();

    const { linli: first, stop } = await startProcess(store);
    const lin = (await store.people.ensureByIdentity('WECHAT', 'wx-lin', '林网格员')).id;
    const { topic } = await first.deliberation.open({ gridNodeId: (await store.grid.findByCode('G1'))!.id, title: '修缮车棚', options: [], windowHours: 72, rule: 'MAJORITY', quorumPct: null, counting: 'PERSON', createdById: lin, sourceMessageId: null }, null);
    await first.deliberation.close(topic.id);
    await first.deliberation.decide(topic.id, lin, '修缮车棚。');
    const { task } = await first.topicTasks.add(topic.id, lin, { text: '修车棚', owner: '林网格员', due: '12月16日' }, null);
    expect(task.dueAt).toEqual(cn('2026-12-16T18:00:00'));
    expect(await delayed()).toContain('task-due:0');

    // the deadline passes in real time: BullMQ's worker raises the item to the community
    await vi.waitFor(async () => expect((await store.deliberation.findTask(task.id))!.escalationLevel).toBe(1), { timeout: 20_000, interval: 100 });
    await vi.waitFor(() => expect(to('wx-huang')).toHaveLength(1), { timeout: 5000, interval: 50 });
    expect(to('wx-huang')[0]!.text).toContain('已上报社区');
    await vi.waitFor(async () => expect(await delayed()).toContain('task-due:1'), { timeout: 5000, interval: 50 });
    await stop(); // the first process stops

    // Redis flushed while down, the clock a few seconds before the community's window ends: the restart sets it again
    await dropRedisPrefix(prefix);
    at = cn('2026-12-17T17:59:56');
    await startProcess(store);
    await vi.waitFor(async () => expect((await store.deliberation.findTask(task.id))!.escalationLevel).toBe(2), { timeout: 20_000, interval: 100 });
    await vi.waitFor(() => expect(to('wx-xu')).toHaveLength(1), { timeout: 5000, interval: 50 });
    expect(to('wx-xu')[0]!.text).toContain('已上报街道');
    expect(to('wx-huang')).toHaveLength(1);
  });
});
