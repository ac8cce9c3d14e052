// The staff console over a real bot: Wechaty on the mock puppet with the demo grid (data/demo-grid.yaml) in PGlite,
// and the HTTP server `linli start` runs (admin routes + console pages) on its store, ticket service and outbox.
import { readGridFile } from '../../src/adapters/files/grid-file.ts';
import { tokenAuthenticator } from '../../src/adapters/http/authenticate.ts';
import { createHttpServer, listen } from '../../src/adapters/http/http-server.ts';
import { overviewRoutes } from '../../src/adapters/http/overview.routes.ts';
import { cachedScope } from '../../src/adapters/http/patrol.routes.ts';
import { ticketRoutes } from '../../src/adapters/http/ticket.routes.ts';
import { systemClock } from '../../src/core/ports/clock.port.ts';
import { LiveFeed } from '../../src/core/stats/live-feed.ts';
import { OverviewService } from '../../src/core/stats/overview.service.ts';
import { DEMO_GRID_FILE } from '../../src/bots/sandbox.ts';
import { StaffTicketActions } from '../../src/core/tickets/staff-actions.ts';
import { DEMO_TOKENS } from './admin-api.ts';
import { BOT_NAME, wechatHarness, type WechatHarness } from './wechat-harness.ts';

export { DEMO_TOKENS, type Who } from './admin-api.ts';

/** WeChat ids in the demo grid */
export const WX = { zhang: 'wxid_zhangguohua', lin: 'wxid_linxiuzhen', chen: 'wxid_chenzhiqiang' } as const;
export const ROOM_20 = 'dy-20hao@chatroom'; // 东园小区20号楼睦邻群, DY-G01-B20
export const ROOM_5 = 'dy-5hao@chatroom'; // 东园小区5号楼业主群, DY-G02-B05

export interface ConsoleFixture {
  url: string;
  w: WechatHarness;
  /** bearer token of each kind of person (tok-<who>) */
  token(who: keyof typeof DEMO_TOKENS): string;
  close(): Promise<void>;
}

export async function startConsole(): Promise<ConsoleFixture> {
  const w = await wechatHarness(await readGridFile(DEMO_GRID_FILE));
  const { linli } = w;
  const actions = new StaffTicketActions({ tickets: linli.tickets, store: linli.store, outbox: linli.outbox, logger: w.logger });
  const scope = cachedScope(linli.store);
  const tokens = Object.fromEntries(Object.entries(DEMO_TOKENS).map(([who, key]) => [`tok-${who}`, key]));
  const server = createHttpServer({
    routes: [
      ...ticketRoutes({ store: linli.store, actions, botName: BOT_NAME }),
      ...overviewRoutes({ overview: new OverviewService({ stats: linli.store.stats, scope, clock: systemClock }), scope, live: new LiveFeed(linli.ticketEvents, scope, w.logger) }),
    ],
    authenticate: tokenAuthenticator(tokens, linli.store),
    console: true,
  });
  const api = await listen(server, 0);
  return {
    url: api.url,
    w,
    token: (who) => `tok-${who}`,
    async close() {
      await api.close();
      await w.dispose();
    },
  };
}
