// The API's refusals in Chinese for the console: each error keeps its status, its stable `code` (with a finer
// `reason` where one code covers several kinds) and its English `message` (logs, scripts, the CLI), and adds
// `messageZh`, the sentence staff read — worded from the refused field, the ticket number or the grid code as typed,
// never an internal id. Over the demo grid on a real bot (Wechaty's mock puppet, PGlite).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsole, type ConsoleFixture, type Who } from '../support/console-fixture.ts';

describe('Chinese error messages of the API', () => {
  let f: ConsoleFixture;
  const no = { a: 0, b: 0, other: 0 }; // a and b in DY-G01 (林秀珍's grid), other in DY-G02

  const call = async (method: string, path: string, who: Who, body?: unknown) => {
    const res = await fetch(f.url + path, {
      method,
      headers: { authorization: `Bearer ${f.token(who)}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, error: ((await res.json()) as { error: { code: string; reason?: string; message: string; messageZh: string } }).error };
  };

  beforeAll(async () => {
    f = await startConsole();
    const store = f.w.linli.store;
    const reporter = await store.people.ensureByIdentity('WECHAT', 'wxid_zh_errors', '居民乙');
    const b20 = (await store.grid.findByCode('DY-G01-B20'))!;
    const b05 = (await store.grid.findByCode('DY-G02-B05'))!;
    const at = new Date();
    const [a, b, other] = await store.tickets.createMany(([['20号楼楼道灯坏了', b20], ['20号楼楼道灯一直不亮', b20], ['5号楼电梯坏了', b05]] as const).map(([summary, node]) => ({
      ticket: { category: 'facility_repair', summary, place: { text: '东园小区' }, urgency: 'NORMAL' as const, groupId: null, gridNodeId: node.id, reporterId: reporter.id, createdAt: at },
      event: { type: 'reported' as const, actorId: null, messageId: null, fromStatus: null, toStatus: 'REPORTED' as const, note: null, data: null, at },
    })));
    no.a = a!.number;
    no.b = b!.number;
    no.other = other!.number;
  });
  afterAll(() => f?.close());

  it('a refused field is named in Chinese; the English message stays', async () => {
    const empty = await call('POST', `/api/tickets/${no.a}/resolve`, 'gw1', { note: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.error).toMatchObject({ code: 'BAD_REQUEST', messageZh: '请填写办理结果' });
    expect(empty.error.message).toContain('note (the result) is required');
    expect((await call('POST', `/api/tickets/${no.a}/escalate`, 'gw1', {})).error.messageZh).toBe('请填写上报原因');
    const text = await call('POST', '/api/broadcasts?dryRun=1', 'street', { text: '', targets: { nodeCode: '350304001001' } });
    expect(text.status).toBe(400);
    expect(text.error.messageZh).toBe('请填写内容');
    const long = await call('POST', `/api/tickets/${no.a}/progress`, 'gw1', { note: '修'.repeat(501) });
    expect(long.error.messageZh).toBe('进展情况过长（最多 500 字）');
    const badId = await call('GET', '/api/tickets/abc', 'gw1');
    expect(badId).toMatchObject({ status: 400, error: { code: 'BAD_REQUEST', messageZh: '工单号格式不正确' } });
  });

  it('not found, forbidden, outside the caller\'s grid, merged into itself: a code, a reason, a sentence without ids', async () => {
    expect(await call('GET', '/api/tickets/99999', 'gw1')).toMatchObject({ status: 404, error: { code: 'TICKET_NOT_FOUND', messageZh: '工单 #99999 不存在' } });
    expect(await call('POST', '/api/tickets/99999/claim', 'gw1', {})).toMatchObject({ status: 404, error: { code: 'TICKET_NOT_FOUND', messageZh: '工单 #99999 不存在' } });

    const self = await call('POST', `/api/tickets/${no.a}/merge`, 'gw1', { into: no.a });
    expect(self).toMatchObject({ status: 400, error: { code: 'MALFORMED_COMMAND', reason: 'MERGE_INTO_ITSELF', messageZh: '不能并入本工单' } });
    expect(self.error.message).toContain('cannot be merged into itself');

    // into a ticket of another grid: the route lets her act on her own ticket, TicketService refuses the other (its
    // English names her person id and the check it made, 'reject'; the Chinese names the ticket only)
    const refused = await call('POST', `/api/tickets/${no.a}/merge`, 'gw1', { into: no.other });
    expect(refused).toMatchObject({ status: 403, error: { code: 'NOT_AUTHORIZED', messageZh: `无权办理工单 #${no.other}` } });
    expect(refused.error.message).toMatch(/^person \d+ may not/);

    // a resident holds no staff role at all
    expect(await call('GET', '/api/tickets', 'resident')).toMatchObject({ status: 403, error: { code: 'NOT_AUTHORIZED', reason: 'ROLE_REQUIRED', messageZh: '您的角色无权进行此操作' } });

    // grid codes: another worker's grid, an unknown code, a known one in the wrong case (codes are case-sensitive)
    expect(await call('GET', '/api/tickets?node=XY-G01', 'gw1')).toMatchObject({ status: 403, error: { code: 'NOT_AUTHORIZED', reason: 'OUTSIDE_SCOPE', messageZh: '该网格不在您的管辖范围内' } });
    expect(await call('GET', '/api/overview?node=XY-G01', 'gw1')).toMatchObject({ status: 403, error: { reason: 'OUTSIDE_SCOPE', messageZh: '该网格不在您的管辖范围内' } });
    // the ticket list takes a name too: what it did not find is said as 未找到该网格
    expect(await call('GET', '/api/tickets?node=XX-99', 'cs')).toMatchObject({ status: 404, error: { code: 'GRID_NODE_NOT_FOUND', messageZh: '未找到该网格：XX-99（编码区分大小写）' } });
    expect(await call('GET', '/api/overview?node=dy-g01', 'cs')).toMatchObject({ status: 404, error: { code: 'GRID_NODE_NOT_FOUND', messageZh: '网格编码“dy-g01”不存在（编码区分大小写）' } });
    expect((await call('GET', '/api/overview?node=350304999', 'cs')).error.messageZh).toBe('网格编码“350304999”不存在');
  });
});
