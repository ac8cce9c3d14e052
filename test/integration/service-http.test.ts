// 三单式 over the admin API on the demo grid with volunteers (support/points-fixture.ts): a table of (token × route ×
// object inside or outside the token's subtree) → status — residents and volunteers 403, a grid worker only in his
// grid — then what the lists return to whom, residents' numbers masked below community staff, the month's CSV, and
// bad input answered 400 (never 5xx).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGridFile } from '../../src/adapters/files/grid-file.ts';
import { adminRoutes } from '../../src/adapters/http/admin-api.ts';
import { tokenAuthenticator } from '../../src/adapters/http/authenticate.ts';
import { createHttpServer, listen } from '../../src/adapters/http/http-server.ts';
import { createMemoryQueues } from '../../src/adapters/memory/memory-job-queues.ts';
import { createBroadcastService } from '../../src/adapters/broadcast/create-broadcast.ts';
import { DEMO_GRID_FILE } from '../../src/bots/ensure-grid.ts';
import { monthOf } from '../../src/core/insights/insights-period.ts';
import type { Store } from '../../src/core/ports/store.port.ts';
import { DEMO_TOKENS } from '../support/admin-api.ts';
import { TestGateway } from '../support/broadcast-fixtures.ts';
import { freshStore } from '../support/databases.ts';
import { seedService, SERVICE_PHONE, type ServiceSeed } from '../support/points-fixture.ts';

const TOKENS = { ...DEMO_TOKENS, volunteer: 'vol-wangfang' } as const;
type Who = keyof typeof TOKENS;
const month = monthOf(new Date());

describe('service routes over HTTP', () => {
  let url: string;
  let store: Store;
  let seed: ServiceSeed;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const s = await freshStore('pglite');
    store = s.store;
    await store.grid.importSpec(await readGridFile(DEMO_GRID_FILE));
    seed = await seedService(store, month);
    const queues = createMemoryQueues();
    const { service } = createBroadcastService({ store, queues, gateways: { WECHAT: new TestGateway() }, rate: { max: 50, durationMs: 100 }, attempts: 1, backoffMs: 10 });
    const tokens = Object.fromEntries(Object.entries(TOKENS).map(([who, key]) => [`tok-${who}`, key]));
    const api = await listen(createHttpServer({ routes: adminRoutes({ store, queues, broadcast: service }), authenticate: tokenAuthenticator(tokens, store) }), 0);
    url = api.url;
    close = async () => {
      await api.close();
      await queues.close();
      await s.dispose();
    };
  }, 60_000);
  afterAll(() => close?.());

  const get = async (path: string, who: Who | null) => {
    const res = await fetch(url + path, { headers: who ? { authorization: `Bearer tok-${who}` } : {} });
    const text = await res.text();
    let body: any = text;
    try {
      body = JSON.parse(text);
    } catch {
      // a CSV
    }
    return { status: res.status, body, text, headers: res.headers };
  };

  const everyone: (Who | null)[] = [null, 'resident', 'volunteer', 'unitHead', 'gw1', 'gw2', 'gridHead', 'cs', 'csXy', 'street', 'admin'];
  const readers = { gw1: 200, gw2: 200, gridHead: 200, cs: 200, csXy: 200, street: 200, admin: 200 };
  type Row = [path: string, expected: Partial<Record<Who, number>>];
  // objects: an open request on 20号楼 (DY-G01), one on 西园新村3号楼 (XY-G01); 东园社区 = DY-G01 + DY-G02
  const table: Row[] = [
    ['/api/service/volunteers', readers],
    ['/api/service/requests', readers],
    ['/api/service/points', readers],
    ['/api/service/points.csv', readers],
    ['/api/service/volunteers?node=DY-G01', { gw1: 200, gw2: 403, gridHead: 200, cs: 200, csXy: 403, street: 200, admin: 200 }],
    ['/api/service/points?node=XY-G01', { gw1: 403, gw2: 403, gridHead: 403, cs: 403, csXy: 200, street: 200, admin: 200 }],
    ['/api/service/points.csv?node=DY-G02', { gw1: 403, gw2: 200, gridHead: 200, cs: 200, csXy: 403, street: 200, admin: 200 }],
    ['/api/service/requests/{dy}', { gw1: 200, gw2: 403, gridHead: 200, cs: 200, csXy: 403, street: 200, admin: 200 }],
    ['/api/service/requests/{xy}', { gw1: 403, gw2: 403, gridHead: 403, cs: 403, csXy: 200, street: 200, admin: 200 }],
    ['/api/service/requests/2147483647', { gw1: 404, gw2: 404, gridHead: 404, cs: 404, csXy: 404, street: 404, admin: 404 }],
    ['/api/service/volunteers?node=NOPE', { gw1: 404, street: 404, admin: 404, gw2: 404, gridHead: 404, cs: 404, csXy: 404 }],
  ];

  it.each(table)('GET %s', async (path, expected) => {
    const resolved = path.replace('{dy}', String(seed.open.requested)).replace('{xy}', String(seed.open.xyTaken));
    const got: Record<string, number> = {};
    const want: Record<string, number> = {};
    for (const who of everyone) {
      const key = who ?? 'none';
      got[key] = (await get(resolved, who)).status;
      // no token: 401; residents, volunteers and building heads (residents who help): 403 on every route
      want[key] = who === null ? 401 : (expected[who] ?? 403);
    }
    expect(got).toEqual(want);
  });

  it("lists a grid worker's volunteers and requests of his grid only, with points and what is in hand", async () => {
    const v = await get(`/api/service/volunteers?month=${month}`, 'gw1');
    expect(v.body.items.map((x: any) => [x.name, x.rank, x.monthPoints, x.totalPoints, x.inHand, x.node.code])).toEqual([
      ['王芳', 1, 30, 80, 1, 'DY-G01'],
      ['张丽', 2, 20, 25, 0, 'DY-G01-B20'],
    ]);
    const r = await get('/api/service/requests', 'gw1');
    expect(r.body.items.map((x: any) => x.id).sort()).toEqual([seed.open.requested, seed.open.taken].sort());
    const taken = r.body.items.find((x: any) => x.id === seed.open.taken);
    expect(taken).toMatchObject({ status: 'TAKEN', statusZh: '已接单', kind: '帮办代办', summary: '送餐到家', group: { title: '东园小区20号楼睦邻群' }, volunteer: { name: '王芳' } });
    expect(taken.ageHours).toBeGreaterThanOrEqual(0);
    const street = await get('/api/service/requests?status=TAKEN,DONE', 'street');
    expect(street.body.items.map((x: any) => x.id).sort()).toEqual([seed.open.taken, seed.open.done, seed.open.xyTaken].sort());
    const confirmed = await get('/api/service/requests?status=CONFIRMED&limit=3', 'street');
    expect(confirmed.body.items).toHaveLength(3);
  });

  it("masks a resident's number below community staff, and shows it to community staff", async () => {
    const masked = SERVICE_PHONE.slice(0, 3) + '****' + SERVICE_PHONE.slice(-4);
    for (const path of ['/api/service/requests', `/api/service/requests/${seed.open.requested}`]) {
      const gw = await get(path, 'gw1');
      expect(gw.text).not.toContain(SERVICE_PHONE);
      expect(gw.text).toContain(masked);
      const cs = await get(path, 'cs');
      expect(cs.text).toContain(SERVICE_PHONE);
    }
  });

  it("ranks the month's volunteers, and downloads the month as CSV for Excel", async () => {
    const p = await get('/api/service/points', 'street');
    expect(p.body.month).toBe(month);
    expect(p.body.ranking.map((x: any) => [x.rank, x.name, x.points, x.services])).toEqual([
      [1, '王芳', 30, 3],
      [2, '李明', 20, 2],
      [2, '张丽', 20, 2],
      [4, '陈刚', 15, 1],
    ]);
    const csv = await get(`/api/service/points.csv?month=${month}&node=350304001001`, 'cs');
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(csv.headers.get('content-disposition')!)![1]!)).toBe(`志愿服务积分-${month}.csv`);
    const bytes = new Uint8Array(await (await fetch(`${url}/api/service/points.csv`, { headers: { authorization: 'Bearer tok-cs' } })).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('月份,名次,志愿者,所在网格,技能,本月积分,本月服务次数,累计积分,在办服务');
    expect(lines.slice(1, 4)).toEqual([`${month},1,王芳,东园社区第一网格,,30,3,80,1`, `${month},2,李明,东园社区第二网格,,20,2,20,1`, `${month},2,张丽,东园小区20号楼,,20,2,25,0`]);
    // then the demo grid's own three volunteers of 东园, without points, with their skills from the grid file
    expect(lines.slice(4, 7).map((l) => l.split(',').slice(2, 6).join(','))).toEqual(['陈爱萍,东园社区,陪诊、代办,0', '林建华,东园社区,小修、送餐,0', '许桂兰,东园社区,代办、小修,0']);
    expect(lines).toHaveLength(8); // six volunteers and the last CRLF
  });

  it('answers bad input with 400 naming the parameter, and never 5xx', async () => {
    for (const [path, param] of [
      ['/api/service/points?month=2026-13', 'month'],
      ['/api/service/points?month=abc', 'month'],
      ['/api/service/volunteers?month=2999-01', 'month'],
      ['/api/service/requests?status=NOPE', 'status'],
      ['/api/service/requests?limit=0', 'limit'],
      ['/api/service/requests/0', 'id'],
      ['/api/service/requests/99999999999999999999', 'id'],
    ] as const) {
      const r = await get(path, 'admin');
      expect(r.status, path).toBe(400);
      expect(r.body.error.message, path).toContain(param);
    }
    // a month not begun is said in Chinese on the console (not 请求内容有误), as 每月一题 says it
    const future = await get('/api/service/points?month=2999-01', 'cs');
    expect(future.body.error.messageZh).toMatch(/^2999-01 尚未开始，最近可查看 \d{4}-\d{2}$/);
    const probes = ['%', '%E0%A4%A', '9007199254740993', '-1', 'NaN', '%00', '%FF%FE', '%25', "'", '1e3'];
    for (const p of probes) {
      for (const path of [`/api/service/requests/${p}`, `/api/service/points?month=${p}&node=${p}`, `/api/service/requests?status=${p}&limit=${p}&node=${p}`, `/api/service/points.csv?month=${p}`]) {
        const r = await get(path, 'admin');
        expect(r.status, path).toBeLessThan(500);
      }
    }
  });
});
