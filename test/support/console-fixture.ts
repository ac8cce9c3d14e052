// The staff console over a real bot: Wechaty on the mock puppet with the demo grid (data/demo-grid.yaml) in PGlite,
// and the HTTP server `linli start` runs (admin routes + console pages) on its store, ticket service and outbox.
import { createBroadcastService } from '../../src/adapters/broadcast/create-broadcast.ts';
import { readGridFile } from '../../src/adapters/files/grid-file.ts';
import { broadcastRoutes } from '../../src/adapters/http/broadcast.routes.ts';
import { gridNodeRoutes } from '../../src/adapters/http/grid-nodes.routes.ts';
import { createMemoryQueues } from '../../src/adapters/memory/memory-job-queues.ts';
import { tokenAuthenticator } from '../../src/adapters/http/authenticate.ts';
import { createHttpServer, listen } from '../../src/adapters/http/http-server.ts';
import { overviewRoutes } from '../../src/adapters/http/overview.routes.ts';
import { gridRoutes } from '../../src/adapters/http/grid.routes.ts';
import { groupsRoutes } from '../../src/adapters/http/groups.routes.ts';
import { cachedScope, patrolRoutes } from '../../src/adapters/http/patrol.routes.ts';
import { queueRoutes } from '../../src/adapters/http/queue.routes.ts';
import type { JobQueues } from '../../src/core/ports/job-queue.port.ts';
import { ticketRoutes } from '../../src/adapters/http/ticket.routes.ts';
import { ChatSendError, type ChatGateway, type SendOptions } from '../../src/core/ports/chat-gateway.port.ts';
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

/**
 * The bot's WeChat gateway as broadcasts use it, with two handles for tests: `hold()` keeps every copy waiting (in
 * flight) until `release()`, and a room in `failing` refuses copies as an unreachable platform would.
 */
export class BroadcastSends implements ChatGateway {
  readonly platform = 'WECHAT' as const;
  readonly failing = new Set<string>();
  private gate: Promise<void> | null = null;
  private open = () => {};
  constructor(private readonly inner: ChatGateway) {}

  hold() {
    this.gate ??= new Promise((resolve) => (this.open = resolve));
  }

  release() {
    this.open();
    this.gate = null;
  }

  async sendToGroup(room: string, text: string, options?: SendOptions) {
    if (this.gate) await this.gate;
    if (this.failing.has(room)) throw new ChatSendError(`puppet timed out sending to ${room}`, 'UNAVAILABLE');
    return this.inner.sendToGroup(room, text, options);
  }

  sendDirect(user: string, text: string) {
    return this.inner.sendDirect(user, text);
  }
}

export interface ConsoleFixture {
  url: string;
  w: WechatHarness;
  /** The queues the queue routes show (in memory; nothing processes them unless a test says so). */
  queues: JobQueues;
  /** The broadcasts' way to the bot's WeChat gateway: copies can be held back or made to fail per room. */
  broadcastSends: BroadcastSends;
  /** bearer token of each kind of person (tok-<who>) */
  token(who: keyof typeof DEMO_TOKENS): string;
  close(): Promise<void>;
}

export async function startConsole(): Promise<ConsoleFixture> {
  const w = await wechatHarness(await readGridFile(DEMO_GRID_FILE));
  const { linli } = w;
  const actions = new StaffTicketActions({ tickets: linli.tickets, store: linli.store, outbox: linli.outbox, logger: w.logger });
  const scope = cachedScope(linli.store);
  // broadcasts as `linli start` sends them: through the bot's WeChat gateway, on their own queue, 2 copies a second
  // (slow enough that a page polling every second sees the copies go out)
  const queues = createMemoryQueues();
  const broadcastSends = new BroadcastSends(w.host.gateways.WECHAT!);
  const broadcast = createBroadcastService({ store: linli.store, queues, gateways: { WECHAT: broadcastSends }, rate: { max: 2, durationMs: 1000 }, attempts: 2, backoffMs: 50, logger: w.logger });
  await broadcast.service.startWorker();
  const tokens = Object.fromEntries(Object.entries(DEMO_TOKENS).map(([who, key]) => [`tok-${who}`, key]));
  const server = createHttpServer({
    routes: [
      ...ticketRoutes({ store: linli.store, actions, botName: BOT_NAME }),
      ...broadcastRoutes(broadcast.service, { scope, groups: linli.store.groups }),
      ...gridNodeRoutes(scope),
      ...overviewRoutes({ overview: new OverviewService({ stats: linli.store.stats, scope, clock: systemClock }), scope, live: new LiveFeed(linli.ticketEvents, scope, w.logger) }),
      ...patrolRoutes(linli.store, scope),
      ...groupsRoutes(linli.store, scope),
      ...gridRoutes(linli.store, scope),
      ...queueRoutes(queues),
    ],
    authenticate: tokenAuthenticator(tokens, linli.store),
    console: true,
  });
  const api = await listen(server, 0);
  return {
    url: api.url,
    w,
    queues,
    broadcastSends,
    token: (who) => `tok-${who}`,
    async close() {
      await api.close();
      await queues.close();
      await w.dispose();
    },
  };
}
