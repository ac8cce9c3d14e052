// 转议题 over the console's API, on a real bot (Wechaty's mock puppet, the demo grid, PGlite): who may turn a ticket
// into a topic (residents, building heads and staff of another grid or community are refused with nothing changed),
// a bad body is a 400, and a grid worker's click closes the ticket, opens the topic over its node, posts it and tells
// the reporter; a second click finds the same topic. Community staff can open it over the community.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../support/broadcast-fixtures.ts';
import { ROOM_20, ROOM_5, startConsole, WX, type ConsoleFixture, type Who } from '../support/console-fixture.ts';

describe('转议题 over the API', () => {
  let f: ConsoleFixture;
  const no = { shed: 0, lift: 0 };
  const call = async (path: string, who: Who | null, body: unknown = {}) => {
    const res = await fetch(f.url + path, {
      method: 'POST',
      headers: { ...(who ? { authorization: `Bearer ${f.token(who)}` } : {}), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  const receipt = (room: string, n: number) => Number(/#(\d+)/.exec((f.w.roomLog.get(room) ?? []).filter((t) => /已登记/.test(t))[n] ?? '')?.[1] ?? 0);

  beforeAll(async () => {
    f = await startConsole();
    await f.w.say(ROOM_20, WX.zhang, '20号楼旁边电动车没地方充电，楼道里飞线充电很危险，能不能建个充电车棚？');
    await waitUntil(() => receipt(ROOM_20, 0) > 0, 30_000, 'the shed receipt');
    no.shed = receipt(ROOM_20, 0);
    await f.w.say(ROOM_5, WX.zhang, '5号楼电梯又坏了，老人上不去，麻烦尽快修一下');
    await waitUntil(() => receipt(ROOM_5, 0) > 0, 30_000, 'the lift receipt');
    no.lift = receipt(ROOM_5, 0);
  });
  afterAll(() => f?.close());

  it('refuses without a token, residents, building heads and staff elsewhere, and changes nothing', async () => {
    expect((await call(`/api/tickets/${no.shed}/topic`, null)).status).toBe(401);
    for (const who of ['resident', 'unitHead', 'gw2', 'csXy'] as const) expect([who, (await call(`/api/tickets/${no.shed}/topic`, who)).status]).toEqual([who, 403]);
    // a grid worker is not staff over the community: the topic cannot go there
    expect((await call(`/api/tickets/${no.shed}/topic`, 'gw1', { community: true })).status).toBe(403);
    expect((await f.w.linli.store.tickets.findByNumber(no.shed))!.status).not.toBe('CLOSED');
    expect(await f.w.linli.store.deliberation.list({})).toEqual([]);
  });

  it('answers 400 for a bad body or number, 404 for no such ticket', async () => {
    const one = await call(`/api/tickets/${no.shed}/topic`, 'gw1', { options: ['只有一个'] });
    expect(one.status).toBe(400);
    // said in Chinese on the console, not 选项格式不正确
    expect(one.body.error.messageZh).toBe('请填写 2 到 9 个不同的选项（不能是数字），或留空（默认 同意/反对/弃权）');
    expect((await call(`/api/tickets/${no.shed}/topic`, 'gw1', { options: ['1', '2'] })).status).toBe(400);
    expect((await call(`/api/tickets/${no.shed}/topic`, 'gw1', { title: 7 })).status).toBe(400);
    expect((await call('/api/tickets/abc/topic', 'gw1')).status).toBe(400);
    expect((await call('/api/tickets/99999/topic', 'gw1')).status).toBe(404);
  });

  it("a grid worker turns it into a topic over the ticket's node, titled by its summary; the reporter is told", async () => {
    const r = await call(`/api/tickets/${no.shed}/topic`, 'gw1');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ticket: { number: no.shed, status: 'CLOSED' }, topic: { status: 'OPEN' }, fresh: true });
    const ticket = (await f.w.linli.store.tickets.findByNumber(no.shed))!;
    const topic = (await f.w.linli.store.deliberation.findById(r.body.topic.id))!;
    expect(topic).toMatchObject({ sourceTicketId: ticket.id, gridNodeId: ticket.gridNodeId, title: ticket.summary });
    expect((await f.w.linli.store.tickets.events(ticket.id)).at(-1)).toMatchObject({ type: 'deliberated', toStatus: 'CLOSED', data: { topicId: topic.id } });
    await waitUntil(() => (f.w.roomLog.get(ROOM_20) ?? []).some((t) => t.includes(`已转为议题#${topic.id}`)), 10_000, "the reporter's line");
    await waitUntil(() => (f.w.roomLog.get(ROOM_20) ?? []).some((t) => t.includes(`【议题#${topic.id}】`)), 10_000, 'the topic post');

    // the ticket page shows the step in its timeline
    const page = await fetch(`${f.url}/api/tickets/${no.shed}`, { headers: { authorization: `Bearer ${f.token('gw1')}` } });
    expect(((await page.json()) as any).timeline.at(-1)).toMatchObject({ type: 'deliberated', typeZh: '转为议题' });

    // a second click: the same topic, nothing new
    const again = await call(`/api/tickets/${no.shed}/topic`, 'gw1');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ topic: { id: topic.id }, fresh: false });
    expect(await f.w.linli.store.deliberation.list({})).toHaveLength(1);
    expect((f.w.roomLog.get(ROOM_20) ?? []).filter((t) => t.includes(`需要居民共同商议，已转为议题#${topic.id}`))).toHaveLength(1);
  });

  it('community staff open it over the community; a closed ticket cannot be turned', async () => {
    const r = await call(`/api/tickets/${no.lift}/topic`, 'cs', { community: true, title: '5号楼加装电梯费用分摊', options: ['同意', '不同意'] });
    expect(r.status).toBe(200);
    const topic = (await f.w.linli.store.deliberation.findById(r.body.topic.id))!;
    expect(topic).toMatchObject({ title: '5号楼加装电梯费用分摊', options: ['同意', '不同意'] });
    expect((await f.w.linli.store.grid.findById(topic.gridNodeId))!.level).toBe('COMMUNITY');
    expect((await f.w.linli.store.tickets.findByNumber(no.lift))!.status).toBe('CLOSED');
    // a ticket rejected as it stands is finished: turning it is a conflict
    await f.w.say(ROOM_20, WX.zhang, '20号楼二单元楼道的灯坏了好几天了，晚上黑乎乎的');
    await waitUntil(() => receipt(ROOM_20, 1) > 0, 30_000, 'the light receipt');
    const light = receipt(ROOM_20, 1);
    expect((await call(`/api/tickets/${light}/reject`, 'gw1', { reason: 'other', note: '已由物业处理' })).status).toBe(200);
    expect((await call(`/api/tickets/${light}/topic`, 'gw1')).status).toBe(409);
  });
});
