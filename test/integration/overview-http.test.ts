// The one-screen overview and the live stream over real HTTP on real PostgreSQL: a scripted week of tickets (reported,
// claimed in time and late, resolved, rated, reopened, rejected, escalated by staff and by the clock) gives the counts
// and rates worked out by hand below; a change told twice counts once; a rebuild from the event log gives the same
// rows; a grid worker sees their grid only; the stream brings a new ticket in scope and nothing outside it.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLinli, type Linli } from '../../src/app.ts';
import { createBroadcastService } from '../../src/adapters/broadcast/create-broadcast.ts';
import { readGridFile } from '../../src/adapters/files/grid-file.ts';
import { adminRoutes } from '../../src/adapters/http/admin-api.ts';
import { tokenAuthenticator } from '../../src/adapters/http/authenticate.ts';
import { createHttpServer, listen } from '../../src/adapters/http/http-server.ts';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import { createMemoryQueues } from '../../src/adapters/memory/memory-job-queues.ts';
import { cachedScope } from '../../src/adapters/http/patrol.routes.ts';
import { OverviewService } from '../../src/core/stats/overview.service.ts';
import { DEMO_GRID_FILE } from '../../src/bots/sandbox.ts';
import type { TicketChange } from '../../src/core/events/ticket-events.ts';
import type { Person } from '../../src/core/ports/person.repository.ts';
import type { Store } from '../../src/core/ports/store.port.ts';
import type { Ticket } from '../../src/core/tickets/ticket.types.ts';
import { TestGateway } from '../support/broadcast-fixtures.ts';
import { freshStore } from '../support/databases.ts';
import { weekdayCalendar } from '../support/harness.ts';
import { scriptedTriage } from '../support/scripted-triage.ts';
import { readSse } from '../support/sse.ts';

const TOKENS = { 'tok-gw1': 'gw-linxiuzhen', 'tok-street': 'ss-fangzhiming', 'tok-admin': 'admin-zhouhong', 'tok-unit': 'uh-xuguilan', 'tok-resident': 'r-zhangguohua' };
type Who = 'gw1' | 'street' | 'admin' | 'unit' | 'resident';
/** China time → instant: cn('12-07 09:00') is 2026-12-07 09:00 in China. */
const cn = (s: string) => new Date(`2026-${s.replace(' ', 'T')}:00+08:00`);

describe('GET /api/overview and /api/events (PostgreSQL)', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let linli: Linli;
  let api: { url: string; close(): Promise<void> };
  let now = cn('12-07 09:00');
  const changes: TicketChange[] = [];
  const people: Record<string, Person> = {};
  const groups: Record<string, { id: number; gridNodeId: number }> = {};
  const queues = createMemoryQueues();

  const get = async (path: string, who: Who) => {
    const res = await fetch(api.url + path, { headers: { authorization: `Bearer tok-${who}` } });
    return { status: res.status, body: (await res.json()) as any };
  };
  const at = (s: string) => void (now = cn(s));
  const actor = (key: string) => ({ personId: people[key]!.id, name: people[key]!.name });
  const report = async (when: string, room: string, category: string, summary = '问题') => {
    at(when);
    const g = groups[room]!;
    const triage = { isAppeal: true, confidence: 0.9, category, place: {}, urgency: 'normal' as const, summary, source: 'rules' as const };
    return (await linli.tickets.report({ groupId: g.id, gridNodeId: g.gridNodeId, reporter: people.zhang!, triage, messageId: null, explicit: false })).ticket;
  };

  beforeAll(async () => {
    ({ store, dispose } = await freshStore('postgres'));
    await store.grid.importSpec(await readGridFile(DEMO_GRID_FILE));
    const { logger } = createMemoryLogger('warn');
    linli = createLinli({ store, triage: scriptedTriage([]), gateways: {}, logger, calendar: weekdayCalendar, clock: { now: () => now } });
    linli.ticketEvents.subscribe((c) => void changes.push(c));
    for (const [key, wx, name] of [['gw1', 'wxid_linxiuzhen', '林秀珍'], ['zhang', 'wxid_zhangguohua', '张国华']] as const) {
      people[key] = await store.people.ensureByIdentity('WECHAT', wx, name);
    }
    for (const room of ['dy-20hao', 'dy-21hao', 'dy-8hao', 'xy-6hao', 'xy-3hao']) {
      const g = (await store.groups.findByExternal('WECHAT', `${room}@chatroom`))!;
      groups[room] = { id: g.id, gridNodeId: g.gridNodeId! };
    }
    const { service } = createBroadcastService({ store, queues, gateways: { WECHAT: new TestGateway() }, rate: { max: 50, durationMs: 100 } });
    const routes = adminRoutes({ store, queues, broadcast: service, ticketEvents: linli.ticketEvents, clock: { now: () => now }, logger, liveHeartbeatMs: 100 });
    api = await listen(createHttpServer({ routes, authenticate: tokenAuthenticator(TOKENS, store), logger }), 0);
  });
  afterAll(async () => {
    await api?.close();
    await queues.close();
    await dispose?.();
  });

  /**
   * The week, China time (weekdays only; accept by 18:00 the next working day, resolve by 18:00 the third):
   * Mon 12-07 A (facility, 20号楼), B (sanitation, 20号楼), C (noise, 21号楼), F (sanitation, DY-G02), D (facility, 西园
   * XY-G01) reported; A claimed in time. Tue 12-08 A resolved in time, rated 不满意 (reopened: new clock, accept by Wed
   * 18:00). Wed 12-09 D escalated by the clock (accept overdue); B claimed late, recategorized to property_service,
   * resolved in time; E (other) reported and rejected; C escalated by the worker (吹哨); A claimed late (19:00),
   * resolved, rated 满意 (closed). F is never claimed: overdue now (Wed 22:00).
   */
  let A: Ticket, B: Ticket, C: Ticket, D: Ticket, E: Ticket, F: Ticket;
  beforeAll(async () => {
    A = await report('12-07 09:00', 'dy-20hao', 'facility_repair');
    B = await report('12-07 09:10', 'dy-20hao', 'sanitation');
    C = await report('12-07 09:20', 'dy-21hao', 'noise');
    F = await report('12-07 09:40', 'dy-8hao', 'sanitation');
    D = await report('12-07 09:50', 'xy-6hao', 'facility_repair');
    at('12-07 10:00');
    await linli.tickets.claim(A.number, actor('gw1'), null);
    at('12-08 10:00');
    await linli.tickets.resolve(A.number, actor('gw1'), '已更换井盖', null);
    at('12-08 11:00');
    await linli.tickets.rate(A.number, actor('zhang'), 'UNSATISFIED', '还是松的', null);
    at('12-09 08:00');
    await linli.tickets.escalateOverdue(D.number, '受理超时，自动上报', { key: 'test:D', clock: 'accept', dueAt: cn('12-08 18:00').toISOString() });
    at('12-09 09:00');
    await linli.tickets.claim(B.number, actor('gw1'), null);
    at('12-09 09:05');
    await linli.tickets.recategorize(B.number, actor('gw1'), 'property_service', null);
    E = await report('12-09 09:30', 'dy-20hao', 'other');
    at('12-09 09:40');
    await linli.tickets.reject(E.number, actor('gw1'), 'duplicate', '', null);
    at('12-09 10:00');
    await linli.tickets.escalate(C.number, actor('gw1'), '需社区协调', null);
    at('12-09 12:00');
    await linli.tickets.resolve(B.number, actor('gw1'), '已联系物业清理', null);
    at('12-09 19:00');
    await linli.tickets.claim(A.number, actor('gw1'), null);
    at('12-09 20:00');
    await linli.tickets.resolve(A.number, actor('gw1'), '已加固', null);
    at('12-09 21:00');
    await linli.tickets.rate(A.number, actor('zhang'), 'SATISFIED', '', null);

    // the patrol and the groups: an open HIGH finding in 20号楼, a closed one, a CRITICAL one in 西园; someone wrote in
    // 20号楼 on Wednesday; the bot was removed from 21号楼
    const finding = async (room: string, severity: 'HIGH' | 'CRITICAL' | 'LOW', key: string) =>
      (await store.patrol.upsert({ rule: 'hazard', severity, groupId: groups[room]!.id, messageId: null, ticketId: null, summary: '隐患', data: {}, dedupKey: key })).finding;
    await finding('dy-20hao', 'HIGH', 'k1');
    await store.patrol.setStatus((await finding('dy-20hao', 'LOW', 'k2')).id, 'CLOSED');
    await finding('xy-3hao', 'CRITICAL', 'k3');
    await store.messages.saveIncomingMany([{
      msg: { platform: 'WECHAT', externalId: 'm-active', groupExternalId: 'dy-20hao@chatroom', sender: { externalId: 'wxid_zhaoyan', name: '赵燕' }, text: '谢谢', sentAt: cn('12-09 15:00') },
      groupId: groups['dy-20hao']!.id,
    }]);
    await store.groups.setActive(groups['dy-21hao']!.id, false);
    at('12-09 22:00');
  });

  it('counts today and this month for the street as worked out by hand', async () => {
    const { status, body } = await get('/api/overview', 'street');
    expect(status).toBe(200);
    expect(body.scope).toEqual([{ code: '350304001', name: '拱辰街道', level: 'STREET' }]);
    expect(body.today).toMatchObject({ from: '2026-12-09', to: '2026-12-09', overdue: 1 });
    expect(body.today.counts).toEqual({
      reported: 1, accepted: 2, acceptedOnTime: 0, acceptOverdue: 1, resolved: 2, resolvedOnTime: 2, resolveOverdue: 0,
      closed: 1, rejected: 1, escalated: 2, reopened: 0, rated: 1, satisfied: 1,
    });
    // response 0 ÷ (2 claims + 1 accept deadline run out); 2 of 2 results in time; 1 of 1 rating satisfied; 0 of 2 reopened
    expect(body.today.rates).toEqual({ response: 0, onTimeResolution: 1, satisfaction: 1, reopen: 0 });
    expect(body.month).toMatchObject({ from: '2026-12-01', to: '2026-12-09' });
    expect(body.month.counts).toEqual({
      reported: 6, accepted: 3, acceptedOnTime: 1, acceptOverdue: 1, resolved: 3, resolvedOnTime: 3, resolveOverdue: 0,
      closed: 1, rejected: 1, escalated: 2, reopened: 1, rated: 2, satisfied: 1,
    });
    expect(body.month.rates).toEqual({ response: 0.25, onTimeResolution: 1, satisfaction: 0.5, reopen: 0.3333 });
    // open now: C (吹哨 by the worker, a new clock to Thursday: not overdue), D (escalated by the clock for missing its
    // accept deadline: overdue under its new clock too), F (unclaimed since Monday: overdue)
    expect(body.open).toEqual({ total: 3, overdue: 2 });
    expect(body.rateDefinitions.satisfaction.formula).toBe('satisfied / rated');
    expect(body.problemsOfMonth).toEqual({ month: '2026-11', topics: [], top: [], analysed: false }); // its analysis starts now
  });

  it('gives a 30-day trend, the month by category, and ranks the communities', async () => {
    const { body } = await get('/api/overview', 'street');
    expect(body.trend).toHaveLength(30);
    expect(body.trend[0].day).toBe('2026-11-10');
    expect(body.trend.at(-1)).toMatchObject({ day: '2026-12-09', reported: 1, resolved: 2, closed: 1, escalated: 2, overdue: 1 });
    expect(body.trend.find((d: { day: string }) => d.day === '2026-12-07')).toMatchObject({ reported: 5, accepted: 1 });
    expect(body.trend.filter((d: { reported: number }) => d.reported > 0)).toHaveLength(2);
    // B was counted as sanitation until its 改类, then as property_service
    expect(body.categories.map((c: { category: string; reported: number; resolved: number }) => [c.category, c.reported, c.resolved])).toEqual([
      ['facility_repair', 2, 2], ['sanitation', 2, 0], ['noise', 1, 0], ['other', 1, 0], ['property_service', 0, 1],
    ]);
    expect(body.categories[0].name).toBe('设施维修');
    expect(body.ranking.level).toBe('COMMUNITY');
    expect(body.ranking.rows).toMatchObject([
      { code: '350304001001', name: '东园社区', reported: 5, resolved: 3, open: 2, overdue: 1, rates: { response: 0.3333, onTimeResolution: 1, satisfaction: 0.5 } },
      { code: '350304001002', name: '西园社区', reported: 1, resolved: 0, open: 1, overdue: 1, rates: { response: 0, onTimeResolution: null } },
    ]);
  });

  it('counts open patrol findings by severity and the health of the groups', async () => {
    const { body } = await get('/api/overview', 'street');
    expect(body.patrol).toEqual({ open: { CRITICAL: 1, HIGH: 1, MEDIUM: 0, LOW: 0 }, total: 2 });
    // the demo grid's 9 groups (8 building groups and 东园社区志愿者群)
    expect(body.groups).toEqual({ total: 9, active: 1, silent: 7, botRemoved: 1, activeDays: 7 });
  });

  it('shows a grid worker their grid only, and refuses another node', async () => {
    const { status, body } = await get('/api/overview', 'gw1');
    expect(status).toBe(200);
    expect(body.scope.map((n: { code: string }) => n.code)).toEqual(['DY-G01']);
    // D (西园) and F (DY-G02) are outside: no accept deadline ran out here
    expect(body.today.counts).toMatchObject({ reported: 1, accepted: 2, acceptOverdue: 0, resolved: 2, escalated: 1, rejected: 1 });
    expect(body.month.counts).toMatchObject({ reported: 4, accepted: 3, acceptedOnTime: 1 });
    expect(body.open).toEqual({ total: 1, overdue: 0 });
    expect(body.ranking.rows.map((r: { code: string; reported: number }) => [r.code, r.reported])).toEqual([['DY-G01-B20', 3], ['DY-G01-B21', 1]]);
    expect(body.patrol.total).toBe(1);
    expect(body.groups).toEqual({ total: 2, active: 1, silent: 0, botRemoved: 1, activeDays: 7 });

    const inside = await get('/api/overview?node=DY-G01-B21', 'gw1');
    expect(inside.status).toBe(200);
    expect(inside.body.month.counts).toMatchObject({ reported: 1, escalated: 1 });
    expect((await get('/api/overview?node=DY-G02', 'gw1')).status).toBe(403);
    expect((await get('/api/overview?node=350304001', 'gw1')).status).toBe(403);
    expect((await get('/api/overview?node=NO-SUCH', 'street')).status).toBe(404);
    expect((await get('/api/overview', 'unit')).status).toBe(403);
    expect((await get('/api/overview', 'resident')).status).toBe(403);
    // the administrator holds the district: one street below it
    const admin = await get('/api/overview?node=350304001002', 'admin');
    expect(admin.body.month.counts).toMatchObject({ reported: 1, acceptOverdue: 1 });
  });

  it('over several subtrees (a person with two grids) sums them and ranks the subtrees themselves', async () => {
    const scope = cachedScope(store);
    const service = new OverviewService({ stats: store.stats, scope, clock: { now: () => now } });
    const roots = await Promise.all(['DY-G01', 'XY-G01'].map(async (c) => (await scope.node(c))!));
    const o = await service.overview(roots);
    expect(o.scope.map((n) => n.code)).toEqual(['DY-G01', 'XY-G01']);
    expect(o.month.counts).toMatchObject({ reported: 5, acceptOverdue: 1, escalated: 2 });
    expect(o.ranking).toMatchObject({ level: 'GRID', rows: [{ code: 'DY-G01', reported: 4, open: 1 }, { code: 'XY-G01', reported: 1, open: 1 }] });
    expect(o.groups.total).toBe(4);
  });

  it('counts a change told twice once, and a rebuild from the event log gives the same rows', async () => {
    const rows = async () => {
      const nodes = await store.grid.all();
      return Promise.all(nodes.map(async (n) => [n.code, await store.stats.byDayAndCategory([n.id], '2026-01-01', '2026-12-31')]));
    };
    const sorted = (r: Awaited<ReturnType<typeof rows>>) =>
      JSON.stringify(r.map(([code, list]) => [code, [...(list as { day: string; category: string }[])].sort((a, b) => `${a.day}${a.category}`.localeCompare(`${b.day}${b.category}`))]));
    const before = sorted(await rows());
    const overview = (await get('/api/overview', 'street')).body;
    expect(changes.length).toBeGreaterThan(15);
    // told again (a retried subscriber): nothing is added
    for (const c of changes) expect(await linli.stats.onChange(c)).toBe(false);
    for (const c of changes) await linli.stats.record(c);
    expect(sorted(await rows())).toBe(before);

    const r = await linli.stats.rebuild(2);
    expect(r.tickets).toBe(6);
    expect(sorted(await rows())).toBe(before);
    expect((await get('/api/overview', 'street')).body).toEqual(overview);
    // after the rebuild the changes it read are marked applied too
    for (const c of changes) expect(await linli.stats.onChange(c)).toBe(false);
  });

  it('streams a new ticket in scope within 2 s, masked for a grid worker, never one outside, and lets go on disconnect', async () => {
    const listenersBefore = linli.ticketEvents.size;
    const abort = new AbortController();
    const res = await fetch(`${api.url}/api/events`, { headers: { authorization: 'Bearer tok-gw1' }, signal: abort.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const { events, done: reading } = readSse(res);
    await vi.waitFor(() => expect(events.some((e) => e.event === 'ready')).toBe(true), { timeout: 5000, interval: 10 });
    expect(linli.ticketEvents.size).toBe(listenersBefore + 1);

    at('12-09 22:10');
    const outside = await report('12-09 22:10', 'xy-3hao', 'noise');
    const inside = await report('12-09 22:11', 'dy-20hao', 'facility_repair', '20号楼门口井盖松动');
    const ticketEvents = () => events.filter((e) => e.event === 'ticket');
    await vi.waitFor(() => expect(ticketEvents().some((e) => e.data.ticket.number === inside.number)).toBe(true), { timeout: 2000, interval: 5 });
    const got = ticketEvents().find((e) => e.data.ticket.number === inside.number)!.data;
    expect(got).toMatchObject({ type: 'reported', toStatus: 'REPORTED', ticket: { status: 'REPORTED', statusName: '已登记', category: 'facility_repair', categoryName: '设施维修', node: { code: 'DY-G01-B20' } } });

    // a later change in scope arrives too, its note masked for a grid worker; the one outside never did
    // a progress note changes nothing the counters read, yet the views hear it (the timeline moved)
    at('12-09 22:12');
    await linli.tickets.progress(inside.number, actor('gw1'), '师傅已在路上', null);
    await vi.waitFor(() => expect(ticketEvents().some((e) => e.data.type === 'progress' && e.data.note === '师傅已在路上')).toBe(true), { timeout: 2000, interval: 5 });
    await linli.tickets.resolve(inside.number, actor('gw1'), '已修好，有事请打13812345678', null);
    await vi.waitFor(() => expect(ticketEvents().some((e) => e.data.type === 'resolved')).toBe(true), { timeout: 2000, interval: 5 });
    expect(ticketEvents().find((e) => e.data.type === 'resolved')!.data.note).toBe('已修好，有事请打138****5678');
    expect(ticketEvents().some((e) => e.data.ticket.number === outside.number)).toBe(false);
    await vi.waitFor(() => expect(events.some((e) => e.event === 'heartbeat')).toBe(true), { timeout: 5000, interval: 10 });

    abort.abort();
    await reading;
    await vi.waitFor(() => expect(linli.ticketEvents.size).toBe(listenersBefore), { timeout: 5000, interval: 10 });
  });
});
