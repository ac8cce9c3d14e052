// The console's live view across processes (REDIS_URL): two Linli instances on one PostgreSQL, each with its own
// ticket change bus bridged over real Redis pub/sub, as `linli start` and `linli worker` are. A change committed by the
// one without HTTP reaches an SSE client of the other's console within 2 s, once; the console's own changes reach it
// once too (never echoed back through Redis); the other process's changes never reach the local subscribers (deadline
// timers, statistics), which belong to the process that made the change.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLinli, type Linli } from '../../src/app.ts';
import { createBroadcastService } from '../../src/adapters/broadcast/create-broadcast.ts';
import { readGridFile } from '../../src/adapters/files/grid-file.ts';
import { adminRoutes } from '../../src/adapters/http/admin-api.ts';
import { tokenAuthenticator } from '../../src/adapters/http/authenticate.ts';
import { createHttpServer, listen } from '../../src/adapters/http/http-server.ts';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import { createMemoryQueues } from '../../src/adapters/memory/memory-job-queues.ts';
import { createRedisTicketRelay, decodeChange } from '../../src/adapters/redis/redis-ticket-relay.ts';
import { DEMO_GRID_FILE } from '../../src/bots/sandbox.ts';
import type { TicketChange } from '../../src/core/events/ticket-events.ts';
import type { Person } from '../../src/core/ports/person.repository.ts';
import type { Store } from '../../src/core/ports/store.port.ts';
import type { TicketChangeRelay } from '../../src/core/ports/ticket-change-relay.port.ts';
import { TestGateway } from '../support/broadcast-fixtures.ts';
import { freshStore } from '../support/databases.ts';
import { weekdayCalendar } from '../support/harness.ts';
import { TEST_REDIS_URL } from '../support/redis.ts';
import { scriptedTriage } from '../support/scripted-triage.ts';
import { readSse } from '../support/sse.ts';

describe('the live view across processes (Redis pub/sub)', () => {
  const prefix = `linli-test-relay-${randomUUID().slice(0, 8)}`;
  let store: Store;
  let dispose: () => Promise<void>;
  /** `worker`: handles messages, no HTTP; `console`: serves /api/events */
  let worker: Linli;
  let console_: Linli;
  const relays: TicketChangeRelay[] = [];
  const stops: (() => void)[] = [];
  let api: { url: string; close(): Promise<void> };
  let probe: Redis;
  const probed: TicketChange[] = [];
  const consoleLocal: TicketChange[] = [];
  const queues = createMemoryQueues();
  let zhang: Person;
  let group: { id: number; gridNodeId: number };

  const report = async (linli: Linli, summary: string) => {
    const triage = { isAppeal: true, confidence: 0.9, category: 'facility_repair', place: {}, urgency: 'normal' as const, summary, source: 'rules' as const };
    return (await linli.tickets.report({ groupId: group.id, gridNodeId: group.gridNodeId, reporter: zhang, triage, messageId: null, explicit: false })).ticket;
  };

  beforeAll(async () => {
    ({ store, dispose } = await freshStore('postgres'));
    await store.grid.importSpec(await readGridFile(DEMO_GRID_FILE));
    const { logger } = createMemoryLogger('warn');
    const make = async () => {
      const linli = createLinli({ store, triage: scriptedTriage([]), gateways: {}, logger, calendar: weekdayCalendar });
      const relay = createRedisTicketRelay({ url: TEST_REDIS_URL, prefix, logger });
      relays.push(relay);
      stops.push(await linli.ticketEvents.bridge(relay));
      return linli;
    };
    worker = await make();
    console_ = await make();
    console_.ticketEvents.subscribe((c) => void consoleLocal.push(c));
    // what went through Redis, seen from outside both processes
    probe = new Redis(TEST_REDIS_URL);
    probe.on('message', (_ch: string, text: string) => void probed.push(decodeChange<{ change: TicketChange }>(text).change));
    await probe.subscribe(`${prefix}:ticket-changes`);
    zhang = await store.people.ensureByIdentity('WECHAT', 'wxid_zhangguohua', '张国华');
    const g = (await store.groups.findByExternal('WECHAT', 'dy-20hao@chatroom'))!;
    group = { id: g.id, gridNodeId: g.gridNodeId! };
    const { service } = createBroadcastService({ store, queues, gateways: { WECHAT: new TestGateway() }, rate: { max: 50, durationMs: 100 } });
    const routes = adminRoutes({ store, queues, broadcast: service, ticketEvents: console_.ticketEvents, logger, liveHeartbeatMs: 60_000 });
    api = await listen(createHttpServer({ routes, authenticate: tokenAuthenticator({ 'tok-street': 'ss-fangzhiming' }, store), logger }), 0);
  });
  afterAll(async () => {
    await api?.close();
    for (const stop of stops) stop();
    for (const r of relays) await r.close();
    probe?.disconnect();
    await queues.close();
    await dispose?.();
  });

  it('brings a change committed by the other process to an SSE client within 2 s, once; its own changes once too', { timeout: 30_000 }, async () => {
    const abort = new AbortController();
    const res = await fetch(`${api.url}/api/events`, { headers: { authorization: 'Bearer tok-street' }, signal: abort.signal });
    expect(res.status).toBe(200);
    const { events, done: reading } = readSse(res);
    await vi.waitFor(() => expect(events.some((e) => e.event === 'ready')).toBe(true), { timeout: 5000, interval: 10 });
    const seen = (n: number, type = 'reported') => events.filter((e) => e.event === 'ticket' && e.data.ticket.number === n && e.data.type === type).length;

    // committed by the worker: on the console within 2 s, dates and all
    const fromWorker = await report(worker, '20号楼门口井盖松动');
    await vi.waitFor(() => expect(seen(fromWorker.number)).toBe(1), { timeout: 2000, interval: 5 });
    const shown = events.find((e) => e.event === 'ticket' && e.data.ticket.number === fromWorker.number)!.data;
    expect(shown).toMatchObject({ type: 'reported', toStatus: 'REPORTED', ticket: { summary: '20号楼门口井盖松动', node: { code: 'DY-G01-B20' } } });
    expect(shown.ticket.acceptDueAt).toBe(fromWorker.acceptDueAt!.toISOString());

    // committed by the console's own process: shown at once, and not a second time when it comes back from Redis
    const fromConsole = await report(console_, '21号楼路灯不亮');
    await vi.waitFor(() => expect(seen(fromConsole.number)).toBe(1), { timeout: 2000, interval: 5 });
    await vi.waitFor(() => expect(probed.some((c) => c.ticket.number === fromConsole.number)).toBe(true), { timeout: 2000, interval: 5 });
    // a later change from the worker comes through the same Redis channel after the console's own one went out on it,
    // so any echo of that one, or a second copy of the first, would be here by the time this arrives
    await worker.tickets.claim(fromWorker.number, { personId: (await store.people.ensureByIdentity('WECHAT', 'wxid_linxiuzhen', '林秀珍')).id, name: '林秀珍' }, null);
    await vi.waitFor(() => expect(seen(fromWorker.number, 'claimed')).toBe(1), { timeout: 2000, interval: 5 });
    expect(seen(fromConsole.number)).toBe(1);
    expect(seen(fromWorker.number)).toBe(1);

    // the console process's own subscribers (timers, statistics) heard only its own change
    expect(consoleLocal.map((c) => c.ticket.number)).toEqual([fromConsole.number]);
    abort.abort();
    await reading;
  });
});
