// 每月一题 over real HTTP on real PostgreSQL, on the demo grid with a few months of tickets (support/insights-history):
// who reads which problems (residents 403, a grid worker their own grid only, a node outside 403), the parameters'
// 400s naming the parameter, 404s, the problem any engine ranks first (the lift of 5号楼: 6 appeals by 5 residents)
// with its grids named and its evidence masked for everyone; then a topic's life: marked by street staff (409 the
// second time, 403 for a grid head and for another community's staff), a lead set, two tasks added — two tickets
// with the SLA's deadlines — whose status the list shows, the overview's panel, and the audit rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinli, type Linli } from '../../src/app.ts';
import { createBroadcastService } from '../../src/adapters/broadcast/create-broadcast.ts';
import { readGridFile } from '../../src/adapters/files/grid-file.ts';
import { adminRoutes } from '../../src/adapters/http/admin-api.ts';
import { tokenAuthenticator } from '../../src/adapters/http/authenticate.ts';
import { createHttpServer, listen } from '../../src/adapters/http/http-server.ts';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import { MemoryChatGateway } from '../../src/adapters/memory/memory-chat.gateway.ts';
import { createMemoryQueues } from '../../src/adapters/memory/memory-job-queues.ts';
import { DEMO_GRID_FILE } from '../../src/bots/sandbox.ts';
import type { Store } from '../../src/core/ports/store.port.ts';
import { DEFAULT_SLA_POLICY, dueDates, policyFor } from '../../src/core/sla/deadlines.ts';
import { DEMO_TOKENS, type Who } from '../support/admin-api.ts';
import { TestGateway } from '../support/broadcast-fixtures.ts';
import { freshStore } from '../support/databases.ts';
import { weekdayCalendar } from '../support/harness.ts';
import { LIFT_PHONE, seedInsightsHistory } from '../support/insights-history.ts';
import { scriptedTriage } from '../support/scripted-triage.ts';

const TOKENS = Object.fromEntries(Object.entries(DEMO_TOKENS).map(([who, key]) => [`tok-${who}`, key]));
const NOW = new Date('2026-12-06T10:00:00+08:00');
const MONTH = '2026-11';
const STREET = '350304001';
const DONGYUAN = '350304001001';

describe('每月一题 API (PostgreSQL)', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let linli: Linli;
  let api: { url: string; close(): Promise<void> };
  const queues = createMemoryQueues();
  const wechat = new MemoryChatGateway('WECHAT');

  const call = async (method: string, path: string, who: Who | null, body?: unknown) => {
    const res = await fetch(api.url + path, {
      method,
      headers: { ...(who ? { authorization: `Bearer tok-${who}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  const liftKey = async (who: Who, node?: string) => {
    const r = await call('GET', `/api/insights/problems?month=${MONTH}${node ? `&node=${node}` : ''}`, who);
    expect(r.status).toBe(200);
    return r.body.problems[0].key as string;
  };

  beforeAll(async () => {
    ({ store, dispose } = await freshStore('postgres'));
    await store.grid.importSpec(await readGridFile(DEMO_GRID_FILE));
    await seedInsightsHistory(store, MONTH);
    const { logger } = createMemoryLogger('warn');
    const clock = { now: () => NOW };
    linli = createLinli({ store, triage: scriptedTriage([]), gateways: { WECHAT: wechat }, logger, calendar: weekdayCalendar, clock });
    const { service } = createBroadcastService({ store, queues, gateways: { WECHAT: new TestGateway() }, rate: { max: 50, durationMs: 100 } });
    const routes = adminRoutes({ store, queues, broadcast: service, clock, logger, tickets: { service: linli.tickets, outbox: linli.outbox, logger } });
    api = await listen(createHttpServer({ routes, authenticate: tokenAuthenticator(TOKENS, store), logger, audit: store.audit }), 0);
  });
  afterAll(async () => {
    await api?.close();
    await queues.close();
    await dispose?.();
  });

  it('refuses every insights route without a token (401) and to residents and building heads (403)', async () => {
    const routes: [string, string, unknown?][] = [
      ['GET', '/api/insights/problems'],
      ['GET', '/api/insights/problems/k1'],
      ['GET', '/api/insights/topics'],
      ['GET', '/api/insights/topics/1'],
      ['POST', '/api/insights/topics', { month: MONTH, node: STREET, key: 'k' }],
      ['PATCH', '/api/insights/topics/1', { leadDepartment: '城管' }],
      ['POST', '/api/insights/topics/1/tasks', { text: '修电梯' }],
    ];
    for (const [method, path, body] of routes) {
      expect([method, path, (await call(method, path, null, body)).status]).toEqual([method, path, 401]);
      expect([method, path, (await call(method, path, 'resident', body)).status]).toEqual([method, path, 403]);
      expect([method, path, (await call(method, path, 'unitHead', body)).status]).toEqual([method, path, 403]);
    }
  });

  it("ranks the lift of 5号楼 first for the street, with its figures, grids, trend and masked evidence", async () => {
    const r = await call('GET', `/api/insights/problems?month=${MONTH}`, 'street');
    expect(r.status).toBe(200);
    const b = r.body;
    expect(b.month).toBe(MONTH);
    expect(b.period).toEqual({ from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z' });
    expect(b.scope).toEqual([{ code: STREET, name: '拱辰街道', level: 'STREET' }]);
    expect(b.appealsInPeriod).toBe(12);
    const lift = b.problems[0];
    expect(lift.rank).toBe(1);
    expect(lift.title).toBeTruthy();
    expect(lift.count).toBe(6);
    expect(lift.reporters).toBe(5);
    expect(lift.categories).toContain('facility_repair');
    expect(lift.first).toMatch(/^2026-11-0\dT/);
    expect(lift.last).toMatch(/^2026-11-2\dT/);
    // the grids most affected, named (the engine gives node ids): only 5号楼 has lift appeals
    expect(lift.grids).toEqual([{ code: 'DY-G02-B05', name: '东园小区5号楼', count: 6 }]);
    // the trend over the history read: the two months before had one each
    const trend = Object.fromEntries(lift.monthly.filter((m: { count: number }) => m.count > 0).map((m: { month: string; count: number }) => [m.month, m.count]));
    expect(trend).toEqual({ '2026-09': 1, '2026-10': 1, '2026-11': 6 });
    for (const key of ['heat', 'flags', 'flagReasons', 'places', 'leadDepartment', 'evidence', 'topic']) expect(lift).toHaveProperty(key);
    expect(lift.heat).toBeGreaterThan(b.problems[1].heat - 1e-9);
    expect(lift.evidence.length).toBe(6);
    for (const e of lift.evidence) {
      expect(e.text).toContain('电梯');
      expect(e.ticketNo).toBe(Number(e.id.slice(1)));
      expect((await store.tickets.findByNumber(e.ticketNo))!.gridNodeId).toBe((await store.grid.findByCode('DY-G02-B05'))!.id);
    }
    // masked for everyone, street staff (who read phone numbers elsewhere) too
    expect(JSON.stringify(b)).not.toContain(LIFT_PHONE);
    expect(lift.evidence.map((e: { text: string }) => e.text).join()).toContain('138****5678');
    // the default month is the last full one; top limits the list
    const again = await call('GET', '/api/insights/problems?top=1', 'street');
    expect(again.body.month).toBe(MONTH);
    expect(again.body.problems).toHaveLength(1);
    expect(again.body.problems[0].key).toBe(lift.key);
    // the running month may be asked (nothing in it yet)
    const running = await call('GET', '/api/insights/problems?month=2026-12', 'street');
    expect(running.status).toBe(200);
    expect(running.body.appealsInPeriod).toBe(0);
    // one problem by its key
    const one = await call('GET', `/api/insights/problems/${encodeURIComponent(lift.key)}?month=${MONTH}`, 'street');
    expect(one.status).toBe(200);
    expect(one.body.problem).toEqual(lift);
  });

  it('shows a grid worker the problems of their own grid only, and refuses a node outside it', async () => {
    const own = await call('GET', `/api/insights/problems?month=${MONTH}`, 'gw1');
    expect(own.status).toBe(200);
    expect(own.body.scope.map((s: { code: string }) => s.code)).toEqual(['DY-G01']);
    expect(own.body.appealsInPeriod).toBe(3);
    for (const p of own.body.problems) for (const g of p.grids) expect(g.code.startsWith('DY-G01')).toBe(true);
    const evidence = own.body.problems.flatMap((p: { evidence: { ticketNo: number }[] }) => p.evidence.map((e) => e.ticketNo));
    expect(evidence).toHaveLength(3);
    const g01 = (await store.grid.subtree('DY-G01')).map((n) => n.id);
    for (const no of evidence) expect(g01).toContain((await store.tickets.findByNumber(no))!.gridNodeId);
    expect(JSON.stringify(own.body)).not.toContain('电梯');
    expect((await call('GET', `/api/insights/problems?month=${MONTH}&node=DY-G02`, 'gw1')).status).toBe(403);
    expect((await call('GET', `/api/insights/problems?month=${MONTH}&node=DY-G01-B20`, 'gw1')).status).toBe(200);
    const other = await call('GET', `/api/insights/problems?month=${MONTH}`, 'gw2');
    expect(other.body.problems[0].count).toBe(6);
    for (const e of other.body.problems[0].evidence) expect(e.text).toContain('电梯');
    // another community's staff: 西园 only
    const xy = await call('GET', `/api/insights/problems?month=${MONTH}`, 'csXy');
    expect(xy.body.appealsInPeriod).toBe(3);
    expect((await call('GET', `/api/insights/problems?month=${MONTH}&node=${DONGYUAN}`, 'csXy')).status).toBe(403);
  });

  it('answers 400 naming the parameter, and 404 for what does not exist', async () => {
    const bad = async (path: string, word: string) => {
      const r = await call('GET', path, 'street');
      expect([path, r.status]).toEqual([path, 400]);
      expect(r.body.error.message).toContain(word);
    };
    await bad('/api/insights/problems?month=2026-13', 'query month');
    await bad('/api/insights/problems?month=202611', 'query month');
    await bad('/api/insights/problems?top=abc', 'query top');
    await bad('/api/insights/problems?top=0', 'query top');
    await bad('/api/insights/problems?month=2027-01', 'month');
    // years before 2000 are refused (0025-11 was read as 1925-11, 0000-01 as 1900-01)
    await bad('/api/insights/problems?month=0025-11', 'query month');
    await bad('/api/insights/problems?month=0000-01', 'query month');
    // a month not begun: the console shows the server's reason in Chinese
    const future = await call('GET', '/api/insights/problems?month=2027-03', 'street');
    expect(future.body.error.messageZh).toBe('2027-03 尚未开始，最近可查看 2026-12');
    await bad('/api/insights/topics/abc', 'param id');
    const badBody = await call('POST', '/api/insights/topics', 'street', { month: '2026-13', node: STREET, key: 'x' });
    expect(badBody.status).toBe(400);
    expect(badBody.body.error.message).toContain('body month');
    expect((await call('GET', `/api/insights/problems/no-such-key?month=${MONTH}`, 'street')).status).toBe(404);
    expect((await call('GET', '/api/insights/problems?node=NOPE', 'street')).status).toBe(404);
    expect((await call('GET', '/api/insights/topics/999999', 'street')).status).toBe(404);
    expect((await call('PATCH', '/api/insights/topics/999999', 'street', { leadDepartment: '城管' })).status).toBe(404);
    expect((await call('POST', '/api/insights/topics/999999/tasks', 'street', { text: '修电梯' })).status).toBe(404);
    // a task or a lead department longer than the form allows is named with its limit (the console cut it silently)
    const long = await call('POST', '/api/insights/topics/999999/tasks', 'street', { text: '修'.repeat(501) });
    expect(long.body.error.messageZh).toBe('任务内容过长（最多 500 字）');
    const lead = await call('PATCH', '/api/insights/topics/999999', 'street', { leadDepartment: '城'.repeat(61) });
    expect(lead.body.error.messageZh).toBe('牵头部门过长（最多 60 字）');
    expect((await call('POST', '/api/insights/topics', 'street', { month: MONTH, node: STREET, key: 'no-such-key' })).status).toBe(404);
  });

  it('a topic: marked once (409 again, 403 below community staff or outside), a lead, two tasks as tickets with SLA deadlines', async () => {
    const key = await liftKey('street');
    const listedLift = (await call('GET', `/api/insights/problems?month=${MONTH}`, 'street')).body.problems[0];
    // a grid head reads but may not mark; another community's staff may not mark on 东园
    expect((await call('POST', '/api/insights/topics', 'gridHead', { month: MONTH, node: DONGYUAN, key: await liftKey('gridHead') })).status).toBe(403);
    expect((await call('POST', '/api/insights/topics', 'csXy', { month: MONTH, node: DONGYUAN, key })).status).toBe(403);
    expect((await call('POST', '/api/insights/topics', 'gw2', { month: MONTH, node: 'DY-G02', key })).status).toBe(403);

    const marked = await call('POST', '/api/insights/topics', 'street', { month: MONTH, node: STREET, key });
    expect(marked.status).toBe(201);
    const topic = marked.body.topic;
    expect(topic).toMatchObject({ month: MONTH, node: { code: STREET, name: '拱辰街道' }, createdBy: { name: '方志明' }, tasks: [] });
    expect(topic.problem).toMatchObject({ key, count: 6, reporters: 5 });
    expect(topic.problem.grids).toEqual([{ code: 'DY-G02-B05', name: '东园小区5号楼', count: 6 }]);
    expect(topic.problem.evidence.map((e: { ticketNo: number }) => e.ticketNo).sort()).toEqual(listedLift.evidence.map((e: { ticketNo: number }) => e.ticketNo).sort());
    expect((await call('POST', '/api/insights/topics', 'street', { month: MONTH, node: STREET, key })).status).toBe(409);
    // the list marks the problem as the month's topic now
    const listed = await call('GET', `/api/insights/problems?month=${MONTH}`, 'street');
    expect(listed.body.problems[0].topic).toEqual({ id: topic.id });

    // the lead: a department and a person
    const chengguan = (await store.staffAuth.personByKey('dept-chengguan'))!;
    const gw2 = (await store.staffAuth.personByKey('gw-chenzhiqiang'))!;
    expect((await call('PATCH', `/api/insights/topics/${topic.id}`, 'gridHead', { leadDepartment: '拱辰街道城管中队' })).status).toBe(403);
    expect((await call('PATCH', `/api/insights/topics/${topic.id}`, 'street', {})).status).toBe(400);
    const lead = await call('PATCH', `/api/insights/topics/${topic.id}`, 'street', { leadDepartment: '拱辰街道城管中队', leadPersonId: chengguan.id });
    expect(lead.status).toBe(200);
    expect(lead.body.topic.leadDepartment).toBe('拱辰街道城管中队');
    expect(lead.body.topic.lead).toEqual({ id: chengguan.id, name: '拱辰街道城管中队' });

    // a task on the street's topic goes to someone who may take tickets there or at the problem's place (5号楼):
    // not a grid worker of another grid (422)
    const gw1 = (await store.staffAuth.personByKey('gw-linxiuzhen'))!;
    const ticketsBefore = await store.tickets.count({});
    expect((await call('POST', `/api/insights/topics/${topic.id}/tasks`, 'street', { text: '检修电梯', assigneeId: gw1.id })).status).toBe(422);
    expect(await store.tickets.count({})).toBe(ticketsBefore);
    expect(await store.topics.tasks([topic.id])).toEqual([]);
    // two tasks: one given to the 城管中队, one complex (the longer resolve deadline)
    const t1 = await call('POST', `/api/insights/topics/${topic.id}/tasks`, 'street', { text: '联系维保单位全面检修5号楼电梯，电话13900001111', assigneeId: chengguan.id });
    const t2 = await call('POST', `/api/insights/topics/${topic.id}/tasks`, 'street', { text: '申请电梯更新改造资金', complex: true });
    expect([t1.status, t2.status]).toEqual([201, 201]);
    // the tickets open at the problem's place, 5号楼, as an appeal from there would
    expect(t1.body.task.ticket).toMatchObject({ status: 'REPORTED', category: 'facility_repair', assignee: '拱辰街道城管中队', gridNode: { code: 'DY-G02-B05' }, reporter: '方志明' });
    // 按值班自动分派: the on-duty grid worker of 5号楼's grid, as for an appeal from there, told by direct message
    expect(t2.body.task.ticket).toMatchObject({ assignee: '陈志强', gridNode: { code: 'DY-G02-B05' } });
    const toGw2 = wechat.sent.filter((m) => 'user' in m.to && m.to.user === 'wxid_chenzhiqiang').map((m) => m.text);
    expect(toGw2.some((x) => x.includes(`#${t2.body.task.ticket.number}`))).toBe(true);
    expect(t1.body.task.text).toBe('联系维保单位全面检修5号楼电梯，电话139****1111');
    expect(t2.body.task.ticket.complex).toBe(true);
    // the assignee is told by direct message, as for any ticket assigned from the console
    const dm = wechat.sent.filter((m) => 'user' in m.to && m.to.user === 'wxid_gc_chengguan').map((m) => m.text);
    expect(dm).toHaveLength(1);
    expect(dm[0]).toContain(`#${t1.body.task.ticket.number}`);
    expect(dm[0]).toContain('联系维保单位全面检修5号楼电梯');
    expect(dm[0]).not.toContain('「」');
    const policy = policyFor(DEFAULT_SLA_POLICY, 'facility_repair');
    for (const [t, complex] of [[t1, false], [t2, true]] as const) {
      const ticket = (await store.tickets.findByNumber(t.body.task.ticket.number))!;
      const due = dueDates(weekdayCalendar, policy, ticket.createdAt, 'NORMAL', complex);
      expect(ticket.resolveDueAt).toEqual(due.resolveDueAt);
      expect(ticket.acceptDueAt).toEqual(due.acceptDueAt);
      expect(ticket.createdAt).toEqual(NOW);
    }
    expect(t2.body.task.ticket.resolveDueAt > t1.body.task.ticket.resolveDueAt).toBe(true);

    // the tasks move like any ticket; the list shows their status
    await linli.tickets.claim(t1.body.task.ticket.number, { personId: chengguan.id, name: '拱辰街道城管中队' }, null);
    const list = await call('GET', `/api/insights/topics?month=${MONTH}`, 'street');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0].tasks.map((k: any) => [k.ticket.number, k.ticket.status, k.ticket.statusZh])).toEqual([
      [t1.body.task.ticket.number, 'ACCEPTED', '处理中'],
      [t2.body.task.ticket.number, 'REPORTED', '已登记'],
    ]);
    expect(list.body.items[0].openTasks).toBe(2);
    // the topic page: its tasks, who may take them and the departments for the lead
    // the street's topic is read where its problem is: 东园's grid head and staff, and the grid worker of 5号楼's grid
    // (a community saw 尚未确定每月一题 while the street worked on its lift); they read, the street writes
    for (const who of ['gridHead', 'cs', 'gw2'] as const) {
      const read = await call('GET', `/api/insights/topics/${topic.id}`, who);
      expect([who, read.status, read.body.topic?.title]).toEqual([who, 200, topic.title]);
      expect((await call('GET', `/api/insights/topics?month=${MONTH}`, who)).body.items.map((t: { id: number }) => t.id)).toEqual([topic.id]);
      expect((await call('GET', '/api/overview', who)).body.problemsOfMonth.topics.map((t: { id: number }) => t.id)).toEqual([topic.id]);
    }
    expect((await call('POST', `/api/insights/topics/${topic.id}/tasks`, 'cs', { text: '检修电梯' })).status).toBe(403);
    // the district's admin reads it too
    const page = await call('GET', `/api/insights/topics/${topic.id}`, 'admin');
    expect(page.status).toBe(200);
    expect(page.body.topic.tasks).toHaveLength(2);
    expect(page.body.departments.map((d: { name: string }) => d.name)).toContain('拱辰街道城管中队');
    // the 承办人 picker lists the grid worker of the affected building, not one of another grid
    const pickable = page.body.assignable.map((a: { id: number }) => a.id);
    expect(pickable).toContain(gw2.id);
    expect(pickable).not.toContain(gw1.id);
    // the street's staff hand tasks down, never up: the 分管领导 is not offered, and is refused (as 指派 a ticket)
    const leader = (await store.staffAuth.personByKey('ld-lixiaodong'))!;
    const streetPage = await call('GET', `/api/insights/topics/${topic.id}`, 'street');
    expect(streetPage.body.assignable.map((a: { id: number }) => a.id)).toContain(gw2.id);
    expect(streetPage.body.assignable.map((a: { id: number }) => a.id)).not.toContain(leader.id);
    const up = await call('POST', `/api/insights/topics/${topic.id}/tasks`, 'street', { text: '请领导协调电梯资金', assigneeId: leader.id });
    expect([up.status, up.body.error.reason]).toEqual([403, 'ASSIGNEE_OUT_OF_REACH']);
    expect(await store.topics.tasks([topic.id])).toHaveLength(2);
    // the grid worker of 5号楼 may be given a task: it opens on 5号楼
    const t3 = await call('POST', `/api/insights/topics/${topic.id}/tasks`, 'street', { text: '排查5号楼电梯隐患', assigneeId: gw2.id });
    expect(t3.status).toBe(201);
    expect(t3.body.task.ticket).toMatchObject({ assignee: '陈志强', gridNode: { code: 'DY-G02-B05' } });
    // a grid worker of another grid does not reach a street topic; another community's staff neither
    expect((await call('GET', `/api/insights/topics/${topic.id}`, 'gw1')).status).toBe(403);
    expect((await call('GET', `/api/insights/topics/${topic.id}`, 'csXy')).status).toBe(403);
    expect((await call('GET', `/api/insights/topics?month=${MONTH}`, 'csXy')).body.items).toEqual([]);
    expect((await call('GET', `/api/insights/topics?month=${MONTH}`, 'gw1')).body.items).toEqual([]);
    expect((await call('GET', '/api/overview', 'csXy')).body.problemsOfMonth.topics).toEqual([]);

    // the overview's panel: the topic, and the top of the analysis already made (none is run for it)
    const ov = await call('GET', '/api/overview', 'street');
    expect(ov.body.problemsOfMonth.month).toBe(MONTH);
    expect(ov.body.problemsOfMonth.topics).toEqual([{ id: topic.id, month: MONTH, title: topic.title, count: 6, flags: topic.problem.flags, leadDepartment: '拱辰街道城管中队', tasks: 3 }]);
    expect(ov.body.problemsOfMonth.top[0].key).toBe(key);

    // every change is in the audit log
    const actions = (await store.audit.list({ limit: 100 })).map((a) => `${a.action} ${a.status}`);
    for (const a of ['POST /api/insights/topics 201', 'POST /api/insights/topics 409', 'PATCH /api/insights/topics/:id 200', 'POST /api/insights/topics/:id/tasks 201']) expect(actions).toContain(a);
  });

  it("an overview whose month was not analysed lately answers at once without a top, and starts the analysis: a later refresh shows it", async () => {
    const ov = await call('GET', '/api/overview?node=XY-G01', 'csXy');
    expect(ov.status).toBe(200);
    expect(ov.body.problemsOfMonth).toEqual({ month: MONTH, topics: [], top: [], analysed: false }); // the console asks again soon
    // the lift's building (DY-G02-B05), not analysed for this caller's roots yet: the first answer has no top, a later one has it
    const first = await call('GET', '/api/overview?node=DY-G02-B05', 'street');
    expect(first.status).toBe(200);
    expect(first.body.problemsOfMonth.analysed).toBe(false);
    let later = first.body.problemsOfMonth;
    for (let i = 0; i < 200 && later.top.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      later = (await call('GET', '/api/overview?node=DY-G02-B05', 'street')).body.problemsOfMonth;
    }
    expect(later.top.length).toBeGreaterThan(0);
    expect(later.analysed).toBe(true);
  });
});
