// The console's ticket API over real HTTP, on a real bot (Wechaty's mock puppet, the demo grid, PGlite): who sees
// which tickets, the filters and their 400s, the timeline and conversation, exports, and actions that go through
// TicketService and are posted by the bot in the ticket's WeChat group.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../support/broadcast-fixtures.ts';
import { ROOM_20, ROOM_5, startConsole, WX, type ConsoleFixture, type Who } from '../support/console-fixture.ts';

const PHONE = '13812345678';

describe('tickets API', () => {
  let f: ConsoleFixture;
  /** ticket numbers: the manhole (DY-G01, 20号楼), the lift (DY-G02, 5号楼), the stair light (DY-G01) */
  const no = { manhole: 0, lift: 0, light: 0 };

  const call = async (method: string, path: string, who: Who | null, body?: unknown) => {
    const res = await fetch(f.url + path, {
      method,
      headers: { ...(who ? { authorization: `Bearer ${f.token(who)}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, headers: res.headers, body: type.includes('json') ? await res.json() : type.includes('text') ? await res.text() : new Uint8Array(await res.arrayBuffer()) } as {
      status: number; headers: Headers; body: any;
    };
  };
  const numberIn = (room: string, pattern: RegExp) => {
    const line = (f.w.roomLog.get(room) ?? []).find((t) => pattern.test(t));
    return Number(/#(\d+)/.exec(line ?? '')?.[1] ?? 0);
  };

  beforeAll(async () => {
    f = await startConsole();
    await f.w.say(ROOM_20, WX.zhang, `20号楼107室门口的污水井盖破损严重，快塌下去了，我电话${PHONE}`);
    await waitUntil(() => numberIn(ROOM_20, /已登记/) > 0, 30_000, 'the manhole receipt');
    no.manhole = numberIn(ROOM_20, /已登记/);
    await f.w.say(ROOM_5, WX.zhang, '5号楼电梯又坏了，老人上不去，麻烦尽快修一下');
    await waitUntil(() => numberIn(ROOM_5, /已登记/) > 0, 30_000, 'the lift receipt');
    no.lift = numberIn(ROOM_5, /已登记/);
    await f.w.say(ROOM_20, WX.zhang, '20号楼二单元楼道的灯坏了好几天了，晚上黑乎乎的，请物业来修一下');
    await waitUntil(() => (f.w.roomLog.get(ROOM_20) ?? []).filter((t) => /已登记/.test(t)).length === 2, 30_000, 'the light receipt');
    no.light = Number(/#(\d+)/.exec((f.w.roomLog.get(ROOM_20) ?? []).filter((t) => /已登记/.test(t))[1]!)![1]);
    expect(new Set(Object.values(no)).size).toBe(3);
  });
  afterAll(() => f?.close());

  it("serves the console's scripts to anyone, its page to a signed-in caller, with a CSP of its own origin, and nothing outside their folder", async () => {
    expect((await call('GET', '/', null)).status).toBe(401);
    const page = await call('GET', '/', 'gw1');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    for (const path of ['/console/app.js', '/console/style.css', '/vendor/echarts.min.js']) expect((await call('GET', path, null)).status).toBe(200);
    // ECharts comes from the npm package, not a CDN
    expect((await call('GET', '/vendor/echarts.min.js', null)).body).toContain('echarts');
    for (const path of ['/console/%2e%2e/%2e%2e/package.json', '/console/..%2fpackage.json', '/console/nope.js', '/package.json']) {
      expect((await call('GET', path, null)).status).toBe(401);
      expect((await call('GET', path, 'admin')).status).toBe(404);
    }
  });

  it('refuses every ticket route without a token (401), and residents on every one (403)', async () => {
    for (const [method, path] of [['GET', '/api/tickets'], ['GET', `/api/tickets/${no.manhole}`], ['GET', '/api/tickets.csv'], ['POST', `/api/tickets/${no.manhole}/resolve`]] as const) {
      expect((await call(method, path, null, method === 'POST' ? { note: 'x' } : undefined)).status).toBe(401);
      expect((await call(method, path, 'resident', method === 'POST' ? { note: 'x' } : undefined)).status).toBe(403);
    }
  });

  it('lists to each person the tickets of their own subtrees only', async () => {
    const seen = async (who: Who) => ((await call('GET', '/api/tickets', who)).body.items as { number: number }[]).map((t) => t.number).sort((a, b) => a - b);
    expect(await seen('gw1')).toEqual([no.manhole, no.light].sort((a, b) => a - b));
    expect(await seen('gw2')).toEqual([no.lift]);
    expect(await seen('unitHead')).toEqual([no.manhole, no.light].sort((a, b) => a - b)); // 20号楼
    expect(await seen('csXy')).toEqual([]);
    expect(await seen('cs')).toEqual(Object.values(no).sort((a, b) => a - b));
    // a grid outside one's own is refused, not silently empty
    expect((await call('GET', '/api/tickets?node=DY-G02', 'gw1')).status).toBe(403);
    expect((await call('GET', '/api/tickets?node=DY-G02', 'cs')).body.items.map((t: { number: number }) => t.number)).toEqual([no.lift]);
  });

  it('takes a grid node by its name as well as its code: exact, or a unique part of a name the caller can see', async () => {
    const nums = async (who: Who, node: string) => {
      const r = await call('GET', `/api/tickets?node=${encodeURIComponent(node)}`, who);
      return r.status === 200 ? (r.body.items as { number: number }[]).map((t) => t.number).sort((a, b) => a - b) : { status: r.status, zh: r.body.error.messageZh };
    };
    const g01 = [no.manhole, no.light].sort((a, b) => a - b);
    expect(await nums('gw1', '东园社区第一网格')).toEqual(g01);
    expect(await nums('gw1', '第一网格')).toEqual(g01);
    expect(await nums('gw1', '东园小区20号楼')).toEqual(g01);
    expect(await nums('cs', '5号楼')).toEqual([no.lift]);
    // a part of several names: which ones, so the caller can pick
    expect(await nums('cs', '东园小区')).toEqual({ status: 400, zh: '“东园小区”对应多个网格：东园小区20号楼、东园小区21号楼、东园小区5号楼，请输入完整名称或网格编码' });
    // a name out of sight is not guessed at from a part; named in full it is refused as a code is
    expect(await nums('gw1', '第二网格')).toEqual({ status: 404, zh: '未找到该网格：第二网格' });
    expect(await nums('gw1', '东园社区第二网格')).toMatchObject({ status: 403 });
    expect(await nums('gw1', '不存在的小区')).toEqual({ status: 404, zh: '未找到该网格：不存在的小区' });
    const bad = await call('GET', `/api/tickets?node=${encodeURIComponent('第一\n网格')}`, 'gw1');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^query node: must be a grid node's code or name/);
  });

  it('filters by status, category, overdue, date and words, and pages', async () => {
    const nums = async (q: string) => ((await call('GET', `/api/tickets?${q}`, 'cs')).body.items as { number: number }[]).map((t) => t.number);
    expect(await nums('q=井盖')).toEqual([no.manhole]);
    expect(await nums(`q=%23${no.lift}`)).toEqual([no.lift]);
    // several words, as people type them (half- or full-width space): every word somewhere, in any order
    expect(await nums(`q=${encodeURIComponent('电梯 5号楼')}`)).toEqual([no.lift]);
    expect(await nums(`q=${encodeURIComponent('20号楼\u3000灯')}`)).toEqual([no.light]);
    expect(await nums(`q=${encodeURIComponent('电梯 井盖')}`)).toEqual([]);
    expect(await nums('category=facility_repair,utilities')).toContain(no.manhole);
    expect(await nums('status=CLOSED')).toEqual([]);
    expect(await nums('overdue=1')).toEqual([]); // just reported
    expect(await nums('from=2000-01-01&to=2000-01-02')).toEqual([]);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect((await nums(`from=${today}&to=${today}`)).length).toBe(3);
    const page = await call('GET', '/api/tickets?limit=1&offset=1', 'cs');
    expect(page.body).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(page.body.items).toHaveLength(1);
  });

  it("filters to the tickets one holds (mine=1) and to one group's tickets (group=ID), as the groups page counts them", async () => {
    const nums = async (who: Who, q: string) => ((await call('GET', `/api/tickets?${q}`, who)).body.items as { number: number }[]).map((t) => t.number).sort((a, b) => a - b);
    // each grid worker holds the tickets routed to their grid; the community's staff hold none yet
    expect(await nums('gw1', 'mine=1')).toEqual([no.manhole, no.light].sort((a, b) => a - b));
    expect(await nums('gw2', 'mine=1')).toEqual([no.lift]);
    expect(await nums('cs', 'mine=1')).toEqual([]);
    expect((await call('GET', '/api/tickets?mine=1', 'cs')).body.total).toBe(0);
    const groups = (await call('GET', '/api/groups', 'cs')).body as { id: number; externalId: string; tickets: { unclaimed: number } }[];
    const idOf = (room: string) => groups.find((g) => g.externalId === room)!.id;
    expect(await nums('cs', `group=${idOf(ROOM_20)}`)).toEqual([no.manhole, no.light].sort((a, b) => a - b));
    expect(await nums('cs', `group=${idOf(ROOM_5)}&status=REPORTED,REOPENED,TRANSFERRED,ESCALATED`)).toEqual([no.lift]);
    expect(groups.find((g) => g.externalId === ROOM_5)!.tickets.unclaimed).toBe(1);
    // another grid's group is refused, not silently empty; an unknown one is a 404
    expect((await call('GET', `/api/tickets?group=${idOf(ROOM_5)}`, 'gw1')).status).toBe(403);
    const unknown = await call('GET', '/api/tickets?group=999999', 'cs');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('GROUP_NOT_FOUND');
  });

  it('answers 400 naming the field for a bad filter, path or body', async () => {
    const bad = async (method: string, path: string, body?: unknown) => {
      const r = await call(method, path, 'gw1', body);
      expect(r.status).toBe(400);
      return r.body.error.message as string;
    };
    expect(await bad('GET', '/api/tickets?status=OPENED')).toMatch(/^query status: must be a comma-separated list of: REPORTED/);
    expect(await bad('GET', '/api/tickets?from=2026-1-5')).toMatch(/^query from: must be a date YYYY-MM-DD/);
    expect(await bad('GET', '/api/tickets?overdue=maybe')).toMatch(/^query overdue:/);
    // a range picked backwards is said so, not answered with an empty list
    const backwards = await call('GET', '/api/tickets?from=2026-12-10&to=2026-12-01', 'gw1');
    expect(backwards.status).toBe(400);
    expect(backwards.body.error).toMatchObject({ message: 'query to: must not be before from', messageZh: '截止日期早于起始日期，请重新选择' });
    expect((await call('GET', '/api/tickets?from=2026-12-01&to=2026-12-01', 'gw1')).status).toBe(200);
    expect(await bad('GET', '/api/tickets?limit=0')).toMatch(/^query limit:/);
    expect(await bad('GET', '/api/tickets/abc')).toMatch(/^param no: must be a ticket number/);
    expect(await bad('POST', `/api/tickets/${no.manhole}/resolve`, {})).toMatch(/^body note:/);
    expect(await bad('POST', `/api/tickets/${no.manhole}/assign`, { personId: 'lin' })).toMatch(/^body personId:/);
    // 驳回 for 其他原因 says which: the group would otherwise hear only “已驳回（其他原因）”
    const unexplained = await call('POST', `/api/tickets/${no.manhole}/reject`, 'gw1', { reason: 'other' });
    expect(unexplained.status).toBe(400);
    expect(unexplained.body.error).toMatchObject({ message: expect.stringMatching(/^body note:/), messageZh: '请填写驳回说明' });
    expect((await call('POST', `/api/tickets/${no.manhole}/reject`, 'gw1', { reason: 'other', note: '  ' })).status).toBe(400);
  });

  it('a grid worker cannot open or act on a ticket of another grid (403), and nothing is posted', async () => {
    const before = (f.w.roomLog.get(ROOM_20) ?? []).length;
    expect((await call('GET', `/api/tickets/${no.manhole}`, 'gw2')).status).toBe(403);
    const r = await call('POST', `/api/tickets/${no.manhole}/progress`, 'gw2', { note: '已联系物业' });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('NOT_AUTHORIZED');
    expect((await call('GET', '/api/tickets/99999', 'gw1')).status).toBe(404);
    await f.w.settle();
    expect((f.w.roomLog.get(ROOM_20) ?? []).length).toBe(before);
  });

  it('shows the whole timeline with names and the conversation, masked below community staff', async () => {
    const d = (await call('GET', `/api/tickets/${no.manhole}`, 'gw1')).body;
    expect(d.ticket).toMatchObject({ number: no.manhole, status: 'REPORTED', gridNode: { code: 'DY-G01-B20' }, group: '东园小区20号楼睦邻群', reporter: '张国华' });
    expect(d.timeline[0]).toMatchObject({ type: 'reported', typeZh: '登记', actor: '张国华' });
    const texts = (d.messages as { text: string; direction: string }[]).map((m) => `${m.direction}:${m.text}`);
    expect(texts[0]).toMatch(/^IN:20号楼107室门口的污水井盖/);
    expect(texts.some((t) => /^OUT:.*已登记/.test(t))).toBe(true);
    expect(d.ticket.place).toBe('20号楼107室门口');
    // the worker's new-ticket notice is the bot's too, marked as a direct message
    expect(d.messages.find((m: { text: string }) => m.text.startsWith(`新工单 #${no.manhole}`))).toMatchObject({ direction: 'OUT', direct: true });
    expect(JSON.stringify(d)).not.toContain(PHONE);
    expect(JSON.stringify(d)).toContain('138****5678');
    expect(d.assignable.map((p: { name: string }) => p.name)).toContain('林秀珍');
    // community staff read the number as the resident wrote it
    expect(JSON.stringify((await call('GET', `/api/tickets/${no.manhole}`, 'cs')).body)).toContain(PHONE);
  });

  it('exports the filtered list as CSV and XLSX', async () => {
    const csv = await call('GET', '/api/tickets.csv?q=井盖', 'gw1');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; .*filename\*=UTF-8''/);
    const lines = (csv.body as string).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^工单号,状态,类别/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(new RegExp(`^${no.manhole},已登记,`));
    expect(csv.body).not.toContain(PHONE);
    const xlsx = await call('GET', '/api/tickets.xlsx', 'cs');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const bytes = xlsx.body as Uint8Array;
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('PK'); // a zip, as every .xlsx
  });

  it('assigns, supervises and merges through TicketService; the bot posts each in the group and tells the assignee', async () => {
    const lin = (await call('GET', `/api/tickets/${no.light}`, 'cs')).body.assignable.find((p: { name: string }) => p.name === '林秀珍');
    const a = await call('POST', `/api/tickets/${no.light}/assign`, 'cs', { personId: lin.id, note: '请跟进' });
    expect(a.status).toBe(200);
    expect(a.body.ticket.assignee).toBe('林秀珍');
    await waitUntil(() => (f.w.roomLog.get(ROOM_20) ?? []).some((t) => t.includes(`工单 #${no.light} 已指派给林秀珍办理`)), 20_000, 'the assignment in the group');
    await waitUntil(() => (f.w.dmLog.get(WX.lin) ?? []).some((t) => t.startsWith(`刘淑芬将工单 #${no.light}（`) && t.includes('指派给您：请跟进。')), 20_000, 'the direct message to 林秀珍');
    // a grid worker may not supervise (grid head and up), as in the chat
    expect((await call('POST', `/api/tickets/${no.light}/supervise`, 'gw1', {})).status).toBe(403);
    expect((await call('POST', `/api/tickets/${no.light}/supervise`, 'gridHead', { note: '今天内处理' })).status).toBe(200);
    await waitUntil(() => (f.w.roomLog.get(ROOM_20) ?? []).some((t) => t.includes(`工单 #${no.light} 已督办：今天内处理。请尽快办理并反馈进展。`)), 20_000, 'the supervision');
    await waitUntil(() => (f.w.dmLog.get(WX.lin) ?? []).some((t) => t === `工单 #${no.light} 已督办：今天内处理。请尽快办理并反馈进展。`), 20_000, 'the supervision told to 林秀珍');
    expect((await call('GET', `/api/tickets/${no.light}`, 'cs')).body.timeline.at(-1)).toMatchObject({ type: 'progress', typeZh: '督办', note: '今天内处理', data: { supervised: true } });
    // 督办 without words: the history says 督办 once, not 督办 with the note 督办
    expect((await call('POST', `/api/tickets/${no.light}/supervise`, 'gridHead', {})).status).toBe(200);
    expect((await call('GET', `/api/tickets/${no.light}`, 'cs')).body.timeline.at(-1)).toMatchObject({ type: 'progress', typeZh: '督办', note: null });
    // merging across grids needs both tickets in reach
    expect((await call('POST', `/api/tickets/${no.light}/merge`, 'gw1', { into: no.lift })).status).toBe(403);
    const m = await call('POST', `/api/tickets/${no.light}/merge`, 'gw1', { into: no.manhole });
    expect(m.status).toBe(200);
    expect(m.body.ticket.status).toBe('REJECTED');
    await waitUntil(() => (f.w.roomLog.get(ROOM_20) ?? []).some((t) => t.includes(`已合并至 #${no.manhole} 办理`)), 20_000, 'the merge');
    const into = (await call('GET', `/api/tickets/${no.manhole}`, 'gw1')).body;
    expect(into.ticket.reporterCount).toBe(2);
    expect(into.timeline.at(-1)).toMatchObject({ type: 'merged', actor: '林秀珍', data: { mergedFrom: no.light } });
    // a move the state machine refuses is a 409 with the domain's code
    expect((await call('POST', `/api/tickets/${no.light}/resolve`, 'gw1', { note: '已修好' })).body.error.code).toBe('ILLEGAL_TRANSITION');
  });

  it('recategorizes, marks complex, escalates, transfers and rejects as the chat commands do, each said in the group', async () => {
    const said = (text: string) => waitUntil(() => (f.w.roomLog.get(ROOM_5) ?? []).some((t) => t.includes(text)), 20_000, text);
    const act = async (who: Who, action: string, body: unknown) => {
      const r = await call('POST', `/api/tickets/${no.lift}/${action}`, who, body);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body;
    };
    await act('gw2', 'recategorize', { category: '水电气暖' });
    await said(`工单 #${no.lift} 已更正为「水电气暖」`);
    expect((await act('gw2', 'complex', {})).ticket.complex).toBe(true);
    await said(`工单 #${no.lift} 已标记为复杂事项`);
    expect((await act('gw2', 'escalate', { note: '需社区协调电梯维保单位' })).ticket.status).toBe('ESCALATED');
    await said(`工单 #${no.lift} 已上报`);
    // the community's staff hear it directly, with the reason
    await waitUntil(() => (f.w.dmLog.get('wxid_liushufen') ?? []).some((t) => t.includes('需社区协调电梯维保单位')), 20_000, 'the escalation notice');
    // the record says where it went, as the group heard it (已上报社区)
    expect((await call('GET', `/api/tickets/${no.lift}`, 'cs')).body.timeline.find((e: { type: string }) => e.type === 'escalated')).toMatchObject({ typeZh: '上报至社区', note: '需社区协调电梯维保单位' });
    // the console offers the departments of the ticket's line, and a target outside them is a 400 naming the field
    const detail = (await call('GET', `/api/tickets/${no.lift}`, 'cs')).body;
    expect(detail.transferTargets).toEqual([{ id: expect.any(Number), name: '拱辰街道城管中队', key: 'dept-chengguan', node: '拱辰街道' }]);
    const refused = await call('POST', `/api/tickets/${no.lift}/transfer`, 'cs', { target: '火星局', note: '测试' });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'UNKNOWN_TRANSFER_TARGET', field: 'target', messageZh: '未找到部门「火星局」，可转派至：拱辰街道城管中队。' });
    expect((await call('GET', `/api/tickets/${no.lift}`, 'cs')).body.ticket.status).toBe('ESCALATED');
    const transferred = await act('cs', 'transfer', { target: '城管', note: '占道维修' });
    expect(transferred.ticket).toMatchObject({ status: 'TRANSFERRED', assignee: '拱辰街道城管中队' });
    await said(`工单 #${no.lift} 已转派至拱辰街道城管中队办理`);
    // the department hears it directly, and the timeline names it
    await waitUntil(() => (f.w.dmLog.get('wxid_gc_chengguan') ?? []).some((t) => t.startsWith(`刘淑芬将工单 #${no.lift}（`) && t.includes('转派给您：占道维修。')), 20_000, 'the transfer notice');
    expect((await call('GET', `/api/tickets/${no.lift}`, 'cs')).body.timeline.find((e: { type: string }) => e.type === 'transferred')).toMatchObject({ typeZh: '转派至 拱辰街道城管中队', note: '占道维修' });
    expect((await act('cs', 'reject', { reason: 'other', note: '已由物业维保处理' })).ticket.status).toBe('REJECTED');
    await said(`工单 #${no.lift} 已驳回（已由物业维保处理）`);
    const types = (await call('GET', `/api/tickets/${no.lift}`, 'cs')).body.timeline.map((e: { type: string; actor: string }) => `${e.type}:${e.actor}`);
    // (林秀珍's attempt to merge into this ticket from another grid is on its audit log, as a refused chat command is)
    expect(types).toEqual(['reported:张国华', 'denied:林秀珍', 'recategorized:陈志强', 'progress:陈志强', 'escalated:陈志强', 'transferred:刘淑芬', 'rejected:刘淑芬']);
    // an unknown category is the domain's refusal, not a crash
    expect((await call('POST', `/api/tickets/${no.manhole}/recategorize`, 'gw1', { category: '外星人' })).body.error.code).toBe('UNKNOWN_CATEGORY');
  });

  it('reassigns only to people at or below the caller, inside their subtree; the new holder hears who and why, the previous one a line', async () => {
    const everyone = (await call('GET', `/api/tickets/${no.manhole}`, 'admin')).body.assignable as { id: number; name: string }[];
    const id = (name: string) => everyone.find((p) => p.name === name)!.id;
    // a 网格长 is offered the grid's own people, not the community's staff, the street, its departments or its leader
    const offered = (await call('GET', `/api/tickets/${no.manhole}`, 'gridHead')).body.assignable.map((p: { name: string }) => p.name);
    expect(offered).toEqual(expect.arrayContaining(['林秀珍', '许桂兰', '王海峰']));
    for (const above of ['刘淑芬', '方志明', '拱辰街道城管中队', '李晓东', '周宏']) expect(offered).not.toContain(above);
    const refused = await call('POST', `/api/tickets/${no.manhole}/assign`, 'gridHead', { personId: id('李晓东'), note: '请领导处理' });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'NOT_AUTHORIZED', reason: 'ASSIGNEE_OUT_OF_REACH', messageZh: '只能指派给您管辖范围内、角色不高于您的人员' });
    // a grid worker cannot hand work up to the grid head either
    expect((await call('POST', `/api/tickets/${no.manhole}/assign`, 'gw1', { personId: id('王海峰') })).status).toBe(403);
    expect((await call('GET', `/api/tickets/${no.manhole}`, 'gw1')).body.ticket.assignee).toBe('林秀珍');

    const a = await call('POST', `/api/tickets/${no.manhole}/assign`, 'gridHead', { personId: id('许桂兰'), note: '请今天上门查看' });
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    expect(a.body.direct).toBe(2);
    await waitUntil(() => (f.w.dmLog.get(WX.lin) ?? []).includes(`工单 #${no.manhole} 已改由许桂兰办理：请今天上门查看。`), 20_000, 'the line to the previous holder');
    await waitUntil(() => (f.w.dmLog.get('wxid_xuguilan') ?? []).some((t) => /^王海峰将工单 #\d+（[^）]+）指派给您：请今天上门查看。来自「[^」]+」：.+。请在 .+ 前认领。$/.test(t) && t.includes(`#${no.manhole}`)), 20_000, 'the new holder told who and why');
    // and back to the grid worker, by the community (at or below her, inside her community)
    expect((await call('POST', `/api/tickets/${no.manhole}/assign`, 'cs', { personId: id('林秀珍') })).status).toBe(200);
    await waitUntil(() => (f.w.dmLog.get('wxid_xuguilan') ?? []).includes(`工单 #${no.manhole} 已改由林秀珍办理。`), 20_000, 'the line to 许桂兰');
  });

  it('progress and resolve from the console as if in the chat: claimed first, the result posted mentioning the reporter', async () => {
    // the same manhole seen from 5号楼's group, merged into it by the community: that group hears progress and result too
    await f.w.say(ROOM_5, WX.zhang, '20号楼门口那个污水井盖坏了，快塌了，5号楼这边的老人也常走');
    await waitUntil(() => (f.w.roomLog.get(ROOM_5) ?? []).filter((t) => /已登记/.test(t)).length === 2, 30_000, 'the second receipt in 5号楼');
    const dup = Number(/#(\d+)/.exec((f.w.roomLog.get(ROOM_5) ?? []).filter((t) => /已登记/.test(t))[1]!)![1]);
    expect((await call('POST', `/api/tickets/${dup}/merge`, 'cs', { into: no.manhole })).status).toBe(200);

    const p = await call('POST', `/api/tickets/${no.manhole}/progress`, 'gw1', { note: '已联系市政，师傅电话13812345678' });
    expect(p.status, JSON.stringify(p.body)).toBe(200);
    expect(p.body.posted).toEqual([
      expect.stringContaining('已由林秀珍受理'),
      `工单 #${no.manhole} 进展：已联系市政，师傅电话138****5678`,
      `您反映的问题（工单 #${dup}）已并入工单 #${no.manhole} 办理，最新进展：已联系市政，师傅电话138****5678。`,
    ]);
    // masked, once in 5号楼, its reporter mentioned
    await waitUntil(() => (f.w.roomLog.get(ROOM_5) ?? []).some((t) => t.includes(`工单 #${dup}）已并入工单 #${no.manhole} 办理，最新进展：已联系市政，师傅电话138****5678。`) && t.includes('@张国华')), 20_000, 'the progress in 5号楼');
    expect((f.w.roomLog.get(ROOM_5) ?? []).filter((t) => t.includes('最新进展')).length).toBe(1);

    const r = await call('POST', `/api/tickets/${no.manhole}/resolve`, 'gw1', { note: '井盖已更换' });
    expect(r.status).toBe(200);
    expect(r.body.ticket.status).toBe('RESOLVED');
    // once in each group: the light merged from 20号楼's own group adds nothing there
    expect(r.body.posted).toEqual([
      expect.stringContaining(`工单 #${no.manhole} 已办结：井盖已更换。`),
      `您反映的问题（工单 #${dup}）已并入工单 #${no.manhole} 办理，现已办结：井盖已更换。如有疑问，请联系网格员。`,
    ]);
    await waitUntil(() => (f.w.roomLog.get(ROOM_5) ?? []).some((t) => t.includes(`工单 #${dup}）已并入工单 #${no.manhole} 办理，现已办结`) && t.includes('@张国华')), 20_000, 'the result in 5号楼');
    await waitUntil(() => (f.w.roomLog.get(ROOM_20) ?? []).some((t) => t.includes(`工单 #${no.manhole} 已办结：井盖已更换`) && t.includes('@张国华')), 20_000, 'the result in the group');
    const types = (await call('GET', `/api/tickets/${no.manhole}`, 'gw1')).body.timeline.map((e: { type: string; actor: string }) => `${e.type}:${e.actor}`);
    expect(types).toEqual(expect.arrayContaining(['claimed:林秀珍', 'resolved:林秀珍']));
    // the resident answers in the chat, the same ticket closes
    await f.w.quoteBot(ROOM_20, WX.zhang, '满意');
    await waitUntil(async () => (await call('GET', `/api/tickets/${no.manhole}`, 'gw1')).body.ticket.status === 'CLOSED', 20_000, 'the ticket closed by the rating');
  });

  it("finds a ticket by what the resident wrote past the summary; below community staff not by a phone number's hidden digits", async () => {
    const text = `21号楼三单元一楼到六楼的楼道，这几天晚上一直黑着，住户上下楼很不方便，老人已经摔过一次，检查发现是声控灯坏了，联系人电话${PHONE}`;
    await f.w.say(ROOM_20, WX.zhang, text);
    await waitUntil(() => (f.w.roomLog.get(ROOM_20) ?? []).filter((t) => /已登记/.test(t)).length === 3, 30_000, 'the stair receipt');
    const stair = Number(/#(\d+)/.exec((f.w.roomLog.get(ROOM_20) ?? []).filter((t) => /已登记/.test(t))[2]!)![1]);
    const nums = async (who: Who, q: string) => ((await call('GET', `/api/tickets?q=${encodeURIComponent(q)}`, who)).body.items as { number: number }[]).map((t) => t.number);
    const t = (await call('GET', `/api/tickets/${stair}`, 'cs')).body.ticket;
    expect(t.summary).not.toContain('声控灯'); // the summary stops before it
    expect(await nums('gw1', '声控灯')).toEqual([stair]);
    expect(await nums('gw1', '声控灯 21号楼')).toEqual([stair]);
    expect(await nums('cs', '声控灯')).toEqual([stair]);
    // community staff read the number as written, and find by it; a grid worker reads 138****5678 and finds only by that
    expect((await nums('cs', PHONE)).sort((a, b) => a - b)).toEqual([no.manhole, stair].sort((a, b) => a - b)); // the manhole's too
    expect(await nums('gw1', PHONE)).toEqual([]);
    expect(await nums('gw1', '12345678')).toEqual([]);
    expect(await nums('gw1', '电话1381234')).toEqual([]);
  });
});
