// The whole admin API as `linli start` serves it, on the demo grid (data/demo-grid.yaml) in PGlite: a token per kind
// of person, findings in three grids, a failed job in the ingest queue, and the log it writes.
import { createBroadcastService } from '../../src/adapters/broadcast/create-broadcast.ts';
import { readGridFile } from '../../src/adapters/files/grid-file.ts';
import { adminRoutes } from '../../src/adapters/http/admin-api.ts';
import { tokenAuthenticator } from '../../src/adapters/http/authenticate.ts';
import { createHttpServer, listen } from '../../src/adapters/http/http-server.ts';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import { createMemoryQueues } from '../../src/adapters/memory/memory-job-queues.ts';
import { DEMO_GRID_FILE } from '../../src/bots/sandbox.ts';
import { UnrecoverableJobError, type JobQueues } from '../../src/core/ports/job-queue.port.ts';
import type { Store } from '../../src/core/ports/store.port.ts';
import { TestGateway } from './broadcast-fixtures.ts';
import { freshStore } from './databases.ts';

/** token → person key of the demo grid */
export const DEMO_TOKENS = {
  resident: 'r-zhangguohua',
  unitHead: 'uh-xuguilan', // UNIT_HEAD of DY-G01-B20
  gw1: 'gw-linxiuzhen', // GRID_WORKER of DY-G01
  gw2: 'gw-chenzhiqiang', // GRID_WORKER of DY-G02
  gridHead: 'gh-wanghaifeng', // GRID_HEAD of 东园社区
  cs: 'cs-liushufen', // COMMUNITY_STAFF of 东园社区
  csXy: 'cs-caiwenbin', // COMMUNITY_STAFF of 西园社区
  street: 'ss-fangzhiming', // STREET_STAFF of 拱辰街道
  admin: 'admin-zhouhong', // ADMIN of the district
} as const;
export type Who = keyof typeof DEMO_TOKENS;

export const PHONE = '13812345678';
export const PHONE_MASKED = '138****5678';

export interface AdminApiFixture {
  url: string;
  store: Store;
  queues: JobQueues;
  /** finding ids by the grid their group is in */
  findings: { dyG01: number; dyG02: number; xyG01: number };
  /** the ingest queue's handler succeeds from now on */
  fixIngest(): void;
  handled(): number;
  logLines(): Record<string, unknown>[];
  close(): Promise<void>;
}

export async function startAdminApi(): Promise<AdminApiFixture> {
  const { store, dispose } = await freshStore('pglite');
  await store.grid.importSpec(await readGridFile(DEMO_GRID_FILE));
  const finding = async (groupExternalId: string, key: string) => {
    const g = (await store.groups.findByExternal('WECHAT', groupExternalId))!;
    const summary = `疑似飞线充电（${g.title}），联系电话 ${PHONE}`;
    const data = { text: `楼道里有人飞线充电，我电话${PHONE}`, sender: { phone: PHONE } };
    return (await store.patrol.upsert({ rule: 'hazard', severity: 'HIGH', groupId: g.id, messageId: null, ticketId: null, summary, data, dedupKey: key })).finding.id;
  };
  const findings = {
    dyG01: await finding('dy-20hao@chatroom', 'hazard:api:1'),
    dyG02: await finding('dy-5hao@chatroom', 'hazard:api:2'),
    xyG01: await finding('xy-3hao@chatroom', 'hazard:api:3'),
  };

  const queues = createMemoryQueues();
  let fixed = false;
  let handled = 0;
  await queues.queue<{ n: number }>('ingest').process(async () => {
    if (!fixed) throw new UnrecoverableJobError('triage model missing');
    handled++;
  });
  const { service } = createBroadcastService({ store, queues, gateways: { WECHAT: new TestGateway() }, rate: { max: 50, durationMs: 100 }, attempts: 1, backoffMs: 10 });
  const { logger, lines } = createMemoryLogger('debug');
  const tokens = Object.fromEntries(Object.entries(DEMO_TOKENS).map(([who, key]) => [`tok-${who}`, key]));
  const server = createHttpServer({ routes: adminRoutes({ store, queues, broadcast: service }), authenticate: tokenAuthenticator(tokens, store), logger });
  const api = await listen(server, 0);
  return {
    url: api.url,
    store,
    queues,
    findings,
    fixIngest: () => void (fixed = true),
    handled: () => handled,
    logLines: lines,
    close: async () => {
      await api.close();
      await queues.close();
      await dispose();
    },
  };
}

export async function call(base: string, method: string, path: string, who?: Who | null, body?: unknown) {
  const res = await fetch(base + path, {
    method,
    headers: { ...(who ? { authorization: `Bearer tok-${who}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown = text;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: kept as text for the assertion message
  }
  return { status: res.status, body: json as any };
}
