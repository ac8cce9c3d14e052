// The console's admin pages' routes over real HTTP on the demo grid in PGlite (test/support/admin-api.ts): groups
// and the pending list with mapping, the grid tree, grid import (dry run with a preview or line-numbered errors,
// then for real) and export, and a patrol finding's messages. Each: 401 without a token, 403 across the grid
// boundary or below the role, 400 naming the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startAdminApi, type AdminApiFixture } from '../support/admin-api.ts';

describe('console admin routes', () => {
  let f: AdminApiFixture;
  beforeAll(async () => {
    f = await startAdminApi();
  });
  afterAll(() => f?.close());

  const titles = (body: { title: string }[]) => body.map((g) => g.title).sort();

  it('GET /api/groups: the groups of the caller\'s subtrees, with node, tags, bot present and last activity', async () => {
    expect((await call(f.url, 'GET', '/api/groups', null)).status).toBe(401);
    expect((await call(f.url, 'GET', '/api/groups', 'resident')).status).toBe(403);
    expect((await call(f.url, 'GET', '/api/groups', 'unitHead')).status).toBe(403);
    const room21 = (await f.store.groups.findByExternal('WECHAT', 'dy-21hao@chatroom'))!;
    await f.store.groups.setActive(room21.id, false);

    const gw1 = await call(f.url, 'GET', '/api/groups', 'gw1');
    expect(gw1.status).toBe(200);
    expect(titles(gw1.body)).toEqual(['东园小区20号楼睦邻群', '东园小区21号楼睦邻群']);
    const g20 = gw1.body.find((g: { externalId: string }) => g.externalId === 'dy-20hao@chatroom');
    expect(g20).toMatchObject({ platform: 'WECHAT', node: { code: 'DY-G01-B20', name: '东园小区20号楼' }, tags: ['睦邻群', '单元楼群'], botPresent: true, lastActivityAt: null });
    expect(gw1.body.find((g: { externalId: string }) => g.externalId === 'dy-21hao@chatroom').botPresent).toBe(false);
    // the other grid's worker sees none of these; the community sees both grids and its volunteers' group; ADMIN everything
    expect(titles((await call(f.url, 'GET', '/api/groups', 'gw2')).body)).toEqual(['东园小区5号楼业主群', '东园小区8号楼睦邻群']);
    expect(titles((await call(f.url, 'GET', '/api/groups', 'cs')).body)).toHaveLength(5);
    expect(titles((await call(f.url, 'GET', '/api/groups', 'cs')).body)).toContain('东园社区志愿者群');
    expect((await call(f.url, 'GET', '/api/groups', 'csXy')).body.every((g: { node: { code: string } }) => g.node.code.startsWith('XY-'))).toBe(true);
    expect((await call(f.url, 'GET', '/api/groups', 'admin')).body).toHaveLength(9);
  });

  it('GET /api/groups: each group\'s open, unclaimed and overdue tickets, so staff with dozens of groups see which need them', async () => {
    const room20 = (await f.store.groups.findByExternal('WECHAT', 'dy-20hao@chatroom'))!;
    const room5 = (await f.store.groups.findByExternal('WECHAT', 'dy-5hao@chatroom'))!;
    const reporter = await f.store.people.ensureByIdentity('WECHAT', 'wx-counts', '张阿姨');
    const open = (groupId: number, gridNodeId: number, summary: string, due: { acceptDueAt?: Date; resolveDueAt?: Date } = {}) =>
      f.store.tickets.create(
        { category: 'facility_repair', summary, place: {}, urgency: 'NORMAL', groupId, gridNodeId, reporterId: reporter.id, ...due },
        { type: 'reported', actorId: reporter.id, messageId: null, fromStatus: null, toStatus: 'REPORTED', note: null, data: { source: 'test' } },
      );
    await open(room20.id, room20.gridNodeId!, '电梯坏了', { acceptDueAt: new Date(Date.now() - 3_600_000) }); // past its claim deadline
    const accepted = await open(room20.id, room20.gridNodeId!, '楼道灯不亮', { resolveDueAt: new Date(Date.now() + 86_400_000) });
    await f.store.tickets.update(accepted.id, accepted.version, { status: 'ACCEPTED' },
      { type: 'claimed', actorId: reporter.id, messageId: null, fromStatus: 'REPORTED', toStatus: 'ACCEPTED', note: null, data: null });
    const done = await open(room5.id, room5.gridNodeId!, '井盖破损');
    await f.store.tickets.update(done.id, done.version, { status: 'RESOLVED' },
      { type: 'resolved', actorId: reporter.id, messageId: null, fromStatus: 'REPORTED', toStatus: 'RESOLVED', note: null, data: null });

    const cs = (await call(f.url, 'GET', '/api/groups', 'cs')).body as { externalId: string; tickets: unknown }[];
    expect(cs.find((g) => g.externalId === 'dy-20hao@chatroom')!.tickets).toEqual({ open: 2, unclaimed: 1, overdue: 1 });
    expect(cs.find((g) => g.externalId === 'dy-5hao@chatroom')!.tickets).toEqual({ open: 0, unclaimed: 0, overdue: 0 });
  });

  it('pending groups: listed for street staff and ADMIN, mapped to a node inside the caller\'s street only', async () => {
    const seen = await f.store.groups.upsertSeen('WECHAT', 'new-room@chatroom', '西园新村9号楼新群');
    expect((await call(f.url, 'GET', '/api/groups/pending', null)).status).toBe(401);
    expect((await call(f.url, 'GET', '/api/groups/pending', 'cs')).status).toBe(403);
    const pending = await call(f.url, 'GET', '/api/groups/pending', 'street');
    expect(pending.status).toBe(200);
    expect(pending.body).toEqual([expect.objectContaining({ id: seen.id, title: '西园新村9号楼新群', node: null, botPresent: true })]);

    expect((await call(f.url, 'POST', `/api/groups/${seen.id}/map/XY-G02`, null)).status).toBe(401);
    expect((await call(f.url, 'POST', `/api/groups/${seen.id}/map/XY-G02`, 'cs')).status).toBe(403);
    // the district root lies above the street: outside the street staff's subtree
    const outside = await call(f.url, 'POST', `/api/groups/${seen.id}/map/350304`, 'street');
    expect(outside).toMatchObject({ status: 403, body: { error: { code: 'NOT_AUTHORIZED' } } });
    const bad = await call(f.url, 'POST', '/api/groups/abc/map/XY-G02', 'street');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('param id');
    expect((await call(f.url, 'POST', `/api/groups/${seen.id}/map/NOPE`, 'street')).status).toBe(404);

    const mapped = await call(f.url, 'POST', `/api/groups/${seen.id}/map/XY-G02`, 'street');
    expect(mapped).toMatchObject({ status: 200, body: { id: seen.id, node: { code: 'XY-G02' } } });
    expect((await f.store.groups.findById(seen.id))!.gridNodeId).toBe((await f.store.grid.findByCode('XY-G02'))!.id);
    expect((await call(f.url, 'GET', '/api/groups/pending', 'admin')).body).toEqual([]);
    // mapped already: moving it is a grid import
    expect((await call(f.url, 'POST', `/api/groups/${seen.id}/map/XY-G01`, 'admin')).status).toBe(409);
  });

  it('GET /api/grid/tree: the caller\'s part of the grid with its people and roles', async () => {
    expect((await call(f.url, 'GET', '/api/grid/tree', null)).status).toBe(401);
    expect((await call(f.url, 'GET', '/api/grid/tree', 'unitHead')).status).toBe(403);
    const gw1 = await call(f.url, 'GET', '/api/grid/tree', 'gw1');
    expect(gw1.status).toBe(200);
    expect(gw1.body.roots).toEqual(['DY-G01']);
    expect(gw1.body.nodes.map((n: { code: string }) => n.code)).toEqual(['DY-G01', 'DY-G01-B20', 'DY-G01-B21']);
    expect(gw1.body.nodes[0].people).toEqual([expect.objectContaining({ name: '林秀珍', role: 'GRID_WORKER', roleZh: '网格员' })]);
    expect(gw1.body.nodes[1]).toMatchObject({ parentCode: 'DY-G01', people: [expect.objectContaining({ name: '许桂兰', role: 'UNIT_HEAD' })] });
    // no node, nor person, of the other grid
    expect(JSON.stringify(gw1.body)).not.toContain('陈志强');
    const street = await call(f.url, 'GET', '/api/grid/tree', 'street');
    expect(street.body.nodes[0]).toMatchObject({ code: '350304001', parentCode: null });
    expect(street.body.nodes.some((n: { code: string }) => n.code === '350304')).toBe(false);
  });

  it('POST /api/grid/import: ADMIN only; a dry run lists line-numbered errors or the changes, and changes nothing', async () => {
    const file = ['nodes:', '  - { code: "XY-G03", name: "西园社区第三网格", level: 网格, parent: "350304001002" }', '  - { code: "DY-G01", name: "东园一网格", level: 网格, parent: "350304001001" }', ''].join('\n');
    const wrong = file + 'people:\n  - { key: "gw-new", name: "新网格员", wechat: "wxid_new", roles: [{ role: GRID_WORKER, node: "XY-G09" }] }\n';
    expect((await call(f.url, 'POST', '/api/grid/import', null, { text: file })).status).toBe(401);
    expect((await call(f.url, 'POST', '/api/grid/import', 'street', { text: file })).status).toBe(403);
    expect((await call(f.url, 'POST', '/api/grid/import', 'cs', { text: file })).status).toBe(403);
    const noText = await call(f.url, 'POST', '/api/grid/import', 'admin', { dryRun: true });
    expect(noText.status).toBe(400);
    expect(noText.body.error.message).toContain('body text');
    const badFormat = await call(f.url, 'POST', '/api/grid/import', 'admin', { text: file, format: 'xls' });
    expect(badFormat.status).toBe(400);
    expect(badFormat.body.error.message).toContain('body format');

    const before = await f.store.grid.exportSpec();
    const refused = await call(f.url, 'POST', '/api/grid/import', 'admin', { text: wrong, dryRun: true, fileName: 'new.yaml' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('GRID_INVALID');
    expect(refused.body.error.details.errors).toEqual([expect.objectContaining({ line: 5, message: expect.stringContaining('XY-G09') })]);
    // a refused file is refused the same way without dryRun
    expect((await call(f.url, 'POST', '/api/grid/import', 'admin', { text: wrong, dryRun: false })).status).toBe(422);

    const preview = await call(f.url, 'POST', '/api/grid/import', 'admin', { text: file, dryRun: true });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ applied: false, counts: { nodes: 2, groups: 0, people: 0 } });
    expect(preview.body.changes).toEqual([
      { section: 'nodes', key: 'XY-G03', name: '西园社区第三网格', kind: 'added', fields: [] },
      { section: 'nodes', key: 'DY-G01', name: '东园一网格', kind: 'changed', fields: ['name'] },
    ]);
    expect(await f.store.grid.exportSpec()).toEqual(before);

    const done = await call(f.url, 'POST', '/api/grid/import', 'admin', { text: file, dryRun: false });
    expect(done.body.applied).toBe(true);
    expect((await f.store.grid.findByCode('XY-G03'))?.name).toBe('西园社区第三网格');
    expect((await f.store.grid.findByCode('DY-G01'))?.name).toBe('东园一网格');
    // the same file again changes nothing
    const again = await call(f.url, 'POST', '/api/grid/import', 'admin', { text: file, dryRun: true });
    expect(again.body.changes).toEqual([]);
    expect(again.body.unchanged.nodes).toBe(2);
  });

  it('GET /api/grid/export: ADMIN only, the YAML `linli grid import` reads', async () => {
    expect((await call(f.url, 'GET', '/api/grid/export', null)).status).toBe(401);
    expect((await call(f.url, 'GET', '/api/grid/export', 'street')).status).toBe(403);
    const res = await fetch(f.url + '/api/grid/export', { headers: { authorization: 'Bearer tok-admin' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('grid.yaml');
    const text = await res.text();
    expect(text).toContain('DY-G01-B20');
    expect(text).toContain('admin-zhouhong');
  });

  it('GET /api/patrol/findings/:id/messages and the rule and severity filters', async () => {
    const path = `/api/patrol/findings/${f.findings.dyG01}/messages`;
    expect((await call(f.url, 'GET', path, null)).status).toBe(401);
    expect((await call(f.url, 'GET', path, 'gw2')).status).toBe(403);
    expect((await call(f.url, 'GET', path, 'csXy')).status).toBe(403);
    const ok = await call(f.url, 'GET', path, 'gw1');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ finding: { id: f.findings.dyG01, rule: 'hazard' }, group: { title: '东园小区20号楼睦邻群' }, messages: [], ticketNumber: null });
    const bad = await call(f.url, 'GET', '/api/patrol/findings/x/messages', 'gw1');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('param id');

    expect((await call(f.url, 'GET', '/api/patrol/findings?severity=HIGH', 'cs')).body).toHaveLength(2);
    expect((await call(f.url, 'GET', '/api/patrol/findings?severity=LOW', 'cs')).body).toEqual([]);
    expect((await call(f.url, 'GET', '/api/patrol/findings?rule=spam', 'admin')).body).toEqual([]);
    const badSeverity = await call(f.url, 'GET', '/api/patrol/findings?severity=HUGE', 'cs');
    expect(badSeverity.status).toBe(400);
    expect(badSeverity.body.error.message).toContain('query severity');
  });

  // last: it takes the grid's only ADMIN away
  it('GET /api/grid/tree says who may import the grid file: how many ADMINs hold a root, and the roots when none does', async () => {
    const withAdmin = await call(f.url, 'GET', '/api/grid/tree', 'street');
    expect(withAdmin.body.fileAdmins).toBe(1);
    expect(withAdmin.body.gridRoots).toBeUndefined();
    // the ADMIN imports a file that lists them without roles: nobody may import in the console now
    const file = 'people:\n  - { key: "admin-zhouhong", name: "周宏", wechat: "wxid_zhouhong" }\n';
    expect((await call(f.url, 'POST', '/api/grid/import', 'admin', { text: file, dryRun: false })).status).toBe(200);
    const none = await call(f.url, 'GET', '/api/grid/tree', 'gw1');
    expect(none.body).toMatchObject({ fileAdmins: 0, gridRoots: ['350304'] });
  });
});
