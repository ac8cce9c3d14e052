// The console's 议事 API over real HTTP, on a real bot (Wechaty's mock puppet, the demo grid, PGlite): who reaches
// which topics, 400s naming the parameter, a topic opened from the API and posted in its grid's groups, votes and a
// comment by quote-reply in the chat, the tally and the discussion (a phone number masked for a grid worker, not for
// community staff), the early close, the decision, the 实事清单 to its 公示, and each step in the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUOTE_LINE, BOT_NAME } from '../support/wechat-harness.ts';
import { ROOM_20, ROOM_5, startConsole, WX, type ConsoleFixture, type Who } from '../support/console-fixture.ts';

const PHONE = '13812345678';
const ROOM_21 = 'dy-21hao@chatroom'; // DY-G01-B21
const VOLUNTEER = 'tok-volunteer';

describe('议事 API', () => {
  let f: ConsoleFixture;
  let id = 0;
  const call = async (method: string, path: string, who: Who | typeof VOLUNTEER | null, body?: unknown) => {
    const token = who === VOLUNTEER ? VOLUNTEER : who ? f.token(who) : null;
    const res = await fetch(f.url + path, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  const log = (room: string) => f.w.roomLog.get(room) ?? [];
  /** A resident quote-replies to the bot's post of the topic in `room`, as WeChat shows a quote. */
  const reply = async (room: string, who: string, text: string) => {
    const post = log(room).filter((t) => t.startsWith(`【议题#${id}】`)).at(-1);
    if (!post) throw new Error(`no post of topic ${id} in ${room}`);
    f.w.contacts.get(who)!.say(`「${BOT_NAME}：${post}」\n${QUOTE_LINE}\n${text}`).to(f.w.rooms.get(room));
    await f.w.settle();
  };
  const open = { node: 'DY-G01', title: '是否在20号楼东侧建电动车充电棚', windowHours: 48, counting: 'PERSON', rule: 'MAJORITY' };

  beforeAll(async () => {
    f = await startConsole({ tokens: { [VOLUNTEER]: 'r-zhaoyan' } });
    const zhao = (await f.w.linli.store.staffAuth.personByKey('r-zhaoyan'))!;
    const b20 = (await f.w.linli.store.grid.findByCode('DY-G01-B20'))!;
    await f.w.linli.store.people.assignRole(zhao.id, 'VOLUNTEER', b20.id);
    // who the platform reported in the grid's two groups: six residents (the electorate turnout is measured against)
    const at = new Date(Date.now() - 86_400_000);
    for (const [room, ids] of [[ROOM_20, [WX.zhang, 'wxid_zhouyuzhen', 'wx-r1']], [ROOM_21, ['wxid_zhaoyan', 'wxid_sunhao', 'wx-r2']]] as const) {
      const g = (await f.w.linli.store.groups.findByExternal('WECHAT', room))!;
      for (const who of ids) await f.w.linli.store.groups.memberJoined(g.id, who, who, at);
    }
  }, 60_000);
  afterAll(() => f?.close());

  it('refuses residents and volunteers on every route (403), and anyone without a token (401)', async () => {
    const routes: [string, string, unknown?][] = [['GET', '/api/topics'], ['GET', '/api/topics/1'], ['POST', '/api/topics', open], ['POST', '/api/topics/1/accept', {}], ['POST', '/api/topics/1/close', {}], ['POST', '/api/topics/1/decision', { text: '建' }], ['POST', '/api/topics/1/tasks', { text: 'x', owner: 'y' }], ['POST', '/api/topics/1/tasks/1/done', {}]];
    for (const [method, path, body] of routes) {
      expect((await call(method, path, null, body)).status).toBe(401);
      expect((await call(method, path, 'resident', body)).status).toBe(403);
      expect((await call(method, path, VOLUNTEER, body)).status).toBe(403);
    }
    expect(log(ROOM_20).filter((t) => t.includes('【议题#'))).toEqual([]);
  });

  it('answers 400 naming the parameter', async () => {
    const bad = async (method: string, path: string, body?: unknown) => {
      const r = await call(method, path, 'gw1', body);
      expect(r.status).toBe(400);
      return r.body.error.message as string;
    };
    expect(await bad('GET', '/api/topics/abc')).toMatch(/^param id: must be a positive whole number/);
    expect(await bad('GET', '/api/topics?status=VOTING')).toMatch(/^query status: must be a comma-separated list of: PROPOSED, OPEN/);
    expect(await bad('GET', '/api/topics?limit=0')).toMatch(/^query limit:/);
    expect(await bad('POST', '/api/topics', { ...open, rule: 'QUORUM' })).toMatch(/^body quorumPct: is required when rule is QUORUM/);
    expect(await bad('POST', '/api/topics', { ...open, windowHours: 0 })).toMatch(/^body windowHours:/);
    expect(await bad('POST', '/api/topics', { ...open, options: ['只有一个'] })).toMatch(/^body options:/);
    expect(await bad('POST', '/api/topics', { ...open, options: ['东门', '东门'] })).toMatch(/^body options: options must differ/);
    expect(await bad('POST', '/api/topics', { ...open, options: ['1', '2', '3'] })).toMatch(/^body options: options must not be numbers/);
    expect(await bad('POST', '/api/topics', { ...open, counting: 'FAMILY' })).toMatch(/^body counting:/);
    expect(await bad('POST', '/api/topics', { ...open, title: '  ' })).toMatch(/^body title:/);
    expect(await bad('POST', '/api/topics/1/tasks', { text: '清理通道', owner: '物业', due: '12/20' })).toMatch(/^body due: must be a date YYYY-MM-DD/);
  });

  it('says in Chinese what is wrong with the options (the console shows it), not 选项格式不正确', async () => {
    const zh = async (options: string[]) => {
      const r = await call('POST', '/api/topics', 'gw1', { ...open, options });
      expect(r.status).toBe(400);
      return r.body.error.messageZh as string;
    };
    expect(await zh(['只有一个'])).toBe('请至少填写两个选项，或留空（默认 同意/反对/弃权）');
    expect(await zh(['东门', '东门'])).toBe('选项不能重复');
    expect(await zh(['1', '2', '3'])).toBe('选项不能是数字（居民回复数字即投第几项）');
  });

  it('names the field and its limit when a title, a decision or an item is too long (the console cut them silently)', async () => {
    const zh = async (path: string, body: unknown) => {
      const r = await call('POST', path, 'gw1', body);
      expect(r.status).toBe(400);
      return r.body.error.messageZh as string;
    };
    expect(await zh('/api/topics', { ...open, title: '建'.repeat(201) })).toBe('议题标题过长（最多 200 字）');
    expect(await zh('/api/topics/1/decision', { text: '办'.repeat(1001) })).toBe('拟办意见过长（最多 1000 字）');
    expect(await zh('/api/topics/1/tasks', { text: '清'.repeat(201), owner: '物业' })).toBe('实事事项过长（最多 200 字）');
    expect(await zh('/api/topics/1/tasks', { text: '清理通道', owner: '物'.repeat(61) })).toBe('责任人过长（最多 60 字）');
  });

  it('a grid worker opens a topic over their grid only; it is posted in the grid\'s two groups, not elsewhere', async () => {
    expect((await call('POST', '/api/topics', 'gw2', open)).status).toBe(403); // 陈志强's grid is DY-G02
    expect((await call('POST', '/api/topics', 'gw1', { ...open, node: '350304001001' })).status).toBe(403); // the community
    expect((await call('POST', '/api/topics', 'gw1', { ...open, node: 'NOPE' })).status).toBe(404);
    const r = await call('POST', '/api/topics', 'gw1', open);
    expect(r.status).toBe(201);
    id = r.body.topic.id;
    expect(r.body).toMatchObject({ posted: 2, canAct: true, topic: { status: 'OPEN', statusZh: '投票中', options: ['同意', '反对', '弃权'], ruleZh: '一人一票，过半数通过', createdBy: '林秀珍' }, scope: { code: 'DY-G01', name: '东园社区第一网格' } });
    expect(new Date(r.body.topic.closesAt).getTime() - new Date(r.body.topic.openedAt).getTime()).toBe(48 * 3_600_000);
    await f.w.settle();
    for (const room of [ROOM_20, ROOM_21]) expect(log(room).some((t) => t.startsWith(`【议题#${id}】是否在20号楼东侧建电动车充电棚`) && t.includes('范围：东园社区第一网格（2个群）'))).toBe(true);
    expect(log(ROOM_5).some((t) => t.includes(`议题#${id}`))).toBe(false);
  });

  it('refuses the same topic again while it is open over the grid (a second press, the back button): 409 naming it, nothing posted', async () => {
    const before = log(ROOM_20).length;
    const again = await call('POST', '/api/topics', 'gw1', { ...open, title: ` ${open.title}？` });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'TOPIC_EXISTS', messageZh: `已有相同议题：议题#${id}（投票中），无需重复发起` });
    // over a building of the grid too: its groups already have the grid's topic
    expect((await call('POST', '/api/topics', 'gw1', { ...open, node: 'DY-G01-B20' })).status).toBe(409);
    await f.w.settle();
    expect(log(ROOM_20).length).toBe(before);
  });

  it('shows the tally of the votes replied in the chat, and the discussion, masked below community staff', async () => {
    await reply(ROOM_20, WX.zhang, '1');
    await reply(ROOM_21, 'wxid_zhaoyan', '反对');
    await reply(ROOM_21, 'wxid_sunhao', '同意');
    await reply(ROOM_20, 'wxid_zhouyuzhen', `建在东门外吧，有事打我电话${PHONE}`);
    const gw = await call('GET', `/api/topics/${id}`, 'gw1');
    expect(gw.status).toBe(200);
    const live = await f.w.linli.deliberation.liveTally(id);
    expect(gw.body.tally).toMatchObject({ counts: [2, 1, 0], counted: 3, frozen: false, electorate: 6, turnout: 0.5 });
    expect(live).toMatchObject({ electorate: 6, turnout: 0.5 });
    expect(live.counts).toEqual([2, 1, 0]);
    expect(gw.body.discussion.total).toBe(1);
    expect(gw.body.discussion.items[0]).toMatchObject({ person: '周玉珍', group: '东园小区20号楼睦邻群' });
    expect(gw.body.discussion.items[0].text).toContain('138****5678');
    expect(JSON.stringify(gw.body)).not.toContain(PHONE);
    const cs = await call('GET', `/api/topics/${id}`, 'cs');
    expect(cs.body.discussion.items[0].text).toContain(PHONE);
    expect(cs.body.canAct).toBe(true);
  });

  it('lists to each person the topics of their own subtrees, by status', async () => {
    const ids = async (who: Who, q = '') => ((await call('GET', `/api/topics${q}`, who)).body.items as { id: number }[]).map((t) => t.id);
    expect(await ids('gw1')).toEqual([id]);
    expect(await ids('cs')).toEqual([id]);
    expect(await ids('gw2')).toEqual([]);
    expect(await ids('csXy')).toEqual([]);
    expect(await ids('gw1', '?status=OPEN')).toEqual([id]);
    expect(await ids('gw1', '?status=CLOSED,DECIDED')).toEqual([]);
    const row = (await call('GET', '/api/topics', 'gw1')).body.items[0];
    expect(row).toMatchObject({ title: open.title, scope: { name: '东园社区第一网格' }, turnout: { counted: 3 }, tasks: { total: 0 } });
    // a grid outside one's own is refused, not silently empty; so is its topic
    expect((await call('GET', '/api/topics?node=DY-G01', 'gw2')).status).toBe(403);
    expect((await call('GET', `/api/topics/${id}`, 'gw2')).status).toBe(403);
    expect((await call('GET', `/api/topics/${id}`, 'csXy')).status).toBe(403);
    expect((await call('GET', '/api/topics/99999', 'gw1')).status).toBe(404);
  });

  it('closes early (staff over the scope only), posts the tally, and refuses a second close', async () => {
    expect((await call('POST', `/api/topics/${id}/close`, 'gw2', {})).status).toBe(403);
    expect((await call('POST', `/api/topics/${id}/decision`, 'gw1', { text: '先记下' })).status).toBe(409); // not closed yet
    const r = await call('POST', `/api/topics/${id}/close`, 'gw1', {});
    expect(r.status).toBe(200);
    expect(r.body.topic.status).toBe('CLOSED');
    expect(r.body.tally).toMatchObject({ counts: [2, 1, 0], frozen: true, passed: true });
    await f.w.settle();
    for (const room of [ROOM_20, ROOM_21]) expect(log(room).some((t) => t.startsWith(`【议题#${id}·计票结果】`) && t.includes('同意2，反对1，弃权0'))).toBe(true);
    expect((await call('POST', `/api/topics/${id}/close`, 'gw1', {})).status).toBe(409);
  });

  it('records the decision (announced), keeps the 实事清单 with overdue marks, and posts the 公示 when all are done', async () => {
    const d = await call('POST', `/api/topics/${id}/decision`, 'gw1', { text: '由物业在20号楼东侧建充电棚，月底前完工。' });
    expect(d.body.topic).toMatchObject({ status: 'DECIDED', decision: '由物业在20号楼东侧建充电棚，月底前完工。', decidedBy: '林秀珍' });
    await f.w.settle();
    expect(log(ROOM_21).some((t) => t.startsWith(`【议题#${id}·拟办意见公告】`))).toBe(true);
    expect(d.body.owners).toContain('林秀珍');
    // a due date already past is refused (it would be overdue, and escalated, at once)
    const past = await call('POST', `/api/topics/${id}/tasks`, 'gw1', { text: '清理消防通道', owner: '林秀珍', due: '2020-01-10' });
    expect(past.status).toBeGreaterThanOrEqual(400);
    expect(past.body.error).toMatchObject({ reason: 'DUE_PASSED', messageZh: '截止日期已过，请选择今天以后的日期' });
    // an item that has become overdue since (written straight to the store: the service refuses a past date)
    const topicRow = (await f.w.linli.store.deliberation.findById(id))!;
    const lin = await f.w.linli.store.people.ensureByIdentity('WECHAT', WX.lin, '林秀珍');
    await f.w.linli.store.deliberation.addTask({ topicId: topicRow.id, text: '清理消防通道', ownerPersonId: lin.id, ownerDepartment: null, dueAt: new Date('2020-01-10T10:00:00Z'), createdById: lin.id, messageId: null });
    const b = await call('POST', `/api/topics/${id}/tasks`, 'gw1', { text: '建充电棚', owner: '物业公司', due: '2099-12-25' });
    expect(b.body.tasks).toMatchObject([
      { text: '清理消防通道', owner: '林秀珍', ownerIsPerson: true, overdue: true, doneAt: null },
      { text: '建充电棚', owner: '物业公司', ownerIsPerson: false, overdue: false },
    ]);
    // an item added on the console is announced in the scope's groups, as the chat's 实事 command says it in its group
    await f.w.settle();
    for (const room of [ROOM_20, ROOM_21]) expect(log(room).filter((t) => t.startsWith(`已将“建充电棚”列入议题#${id}的实事清单`) && t.includes('责任人：物业公司'))).toHaveLength(1);
    const [first, second] = b.body.tasks as { id: number }[];
    expect((await call('POST', `/api/topics/${id}/tasks/${first!.id}/done`, 'gw2', {})).status).toBe(403);
    expect((await call('POST', `/api/topics/${id + 1000}/tasks/${first!.id}/done`, 'gw1', {})).status).toBe(404);
    const one = await call('POST', `/api/topics/${id}/tasks/${first!.id}/done`, 'gw1', {});
    expect(one.body).toMatchObject({ allDone: false, tasks: [{ overdue: false }, {}] });
    expect(one.body.tasks[0].doneAt).not.toBeNull();
    const two = await call('POST', `/api/topics/${id}/tasks/${second!.id}/done`, 'cs', {});
    expect(two.body).toMatchObject({ allDone: true, topic: { status: 'DONE' }, ratings: { voters: 3, rated: 0 } });
    await f.w.settle();
    expect(log(ROOM_20).some((t) => t.includes('“清理消防通道”已完成（1/2）'))).toBe(true);
    expect(log(ROOM_20).some((t) => t.startsWith(`【议题#${id}·办理结果公示】`))).toBe(true);
  });

  it("accepts a resident's proposal from the console (staff over its scope only): it opens and is posted", async () => {
    await f.w.say(ROOM_20, WX.zhang, '提议 小区增设快递柜');
    const no = Number(/议题#(\d+)·提议/.exec(log(ROOM_20).at(-1) ?? '')?.[1]);
    expect(no).toBeGreaterThan(id);
    const p = await call('GET', `/api/topics/${no}`, 'gw1');
    expect(p.body).toMatchObject({ topic: { status: 'PROPOSED', proposer: '张国华' }, tally: null, seconds: { count: 0, needed: 5 } });
    expect((await call('GET', '/api/topics?status=PROPOSED', 'gw1')).body.items.map((t: { id: number }) => t.id)).toEqual([no]);
    expect((await call('POST', `/api/topics/${no}/accept`, 'gw2', {})).status).toBe(403);
    const r = await call('POST', `/api/topics/${no}/accept`, 'gw1', {});
    expect(r.body.topic).toMatchObject({ status: 'OPEN', createdBy: '林秀珍' });
    await f.w.settle();
    expect(log(ROOM_20).some((t) => t.startsWith(`【议题#${no}】小区增设快递柜`))).toBe(true);
    expect((await call('POST', `/api/topics/${no}/accept`, 'gw1', {})).status).toBe(409);
  });

  it('keeps every step, allowed or refused, in the audit log', async () => {
    const entries = await f.w.linli.store.audit.list({ limit: 200 });
    const mine = entries.filter((e) => e.action.startsWith('POST /api/topics'));
    expect(mine.some((e) => e.action === 'POST /api/topics' && e.outcome === 'ok' && e.status === 201)).toBe(true);
    expect(mine.some((e) => e.action === 'POST /api/topics/:id/close' && e.outcome === 'denied')).toBe(true);
    expect(mine.some((e) => e.action === 'POST /api/topics/:id/decision' && e.outcome === 'ok' && e.object?.['id'] === String(id))).toBe(true);
    expect(mine.some((e) => e.action === 'POST /api/topics/:id/tasks/:taskId/done' && e.outcome === 'ok')).toBe(true);
  });
});
