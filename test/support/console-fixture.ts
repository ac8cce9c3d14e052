// The staff console over a real bot, wired as `linli start` wires it: Wechaty on the mock puppet with the demo grid
// (data/demo-grid.yaml) in PGlite, and the admin API with console sign-in (codes go out as WeChat direct messages
// through the bot's own gateway), bearer tokens tok-<who>, the bot's ticket service, outbox and ticket change bus.
import { createBroadcastService } from '../../src/adapters/broadcast/create-broadcast.ts';
import { readGridFile } from '../../src/adapters/files/grid-file.ts';
import { adminApiOptions } from '../../src/adapters/http/admin-api.ts';
import { createHttpServer, listen } from '../../src/adapters/http/http-server.ts';
import { createMemoryQueues } from '../../src/adapters/memory/memory-job-queues.ts';
import { DEMO_GRID_FILE } from '../../src/bots/sandbox.ts';
import type { SignInService } from '../../src/core/auth/sign-in.service.ts';
import { DEMO_TOKENS } from './admin-api.ts';
import { BOT_NAME, wechatHarness, type WechatHarness } from './wechat-harness.ts';

export { DEMO_TOKENS, type Who } from './admin-api.ts';

/** WeChat ids in the demo grid */
export const WX = { zhang: 'wxid_zhangguohua', lin: 'wxid_linxiuzhen', chen: 'wxid_chenzhiqiang', liu: 'wxid_liushufen' } as const;
export const ROOM_20 = 'dy-20hao@chatroom'; // 东园小区20号楼睦邻群, DY-G01-B20
export const ROOM_5 = 'dy-5hao@chatroom'; // 东园小区5号楼业主群, DY-G02-B05

export interface ConsoleFixture {
  url: string;
  w: WechatHarness;
  /** bearer token of each kind of person (tok-<who>) */
  token(who: keyof typeof DEMO_TOKENS): string;
  /** The console's sign-in service (to revoke sessions as `linli users revoke-sessions` does). */
  signIn: SignInService;
  close(): Promise<void>;
}

export async function startConsole(): Promise<ConsoleFixture> {
  const w = await wechatHarness(await readGridFile(DEMO_GRID_FILE));
  const { linli } = w;
  const queues = createMemoryQueues();
  const broadcast = createBroadcastService({ store: linli.store, queues, gateways: w.host.gateways, rate: { max: 50, durationMs: 100 } });
  const tokens = Object.fromEntries(Object.entries(DEMO_TOKENS).map(([who, key]) => [`tok-${who}`, key]));
  const { options, signIn } = adminApiOptions({
    store: linli.store,
    queues,
    broadcast: broadcast.service,
    tokens,
    gateways: w.host.gateways,
    logger: w.logger,
    tickets: { service: linli.tickets, outbox: linli.outbox, logger: w.logger, botName: BOT_NAME },
    ticketEvents: linli.ticketEvents,
    // a stream checks its session at each heartbeat: often here, so that a revoked one ends quickly
    liveHeartbeatMs: 500,
  });
  const api = await listen(createHttpServer(options), 0);
  return {
    url: api.url,
    w,
    token: (who) => `tok-${who}`,
    signIn,
    async close() {
      await api.close();
      await queues.close();
      await w.dispose();
    },
  };
}
