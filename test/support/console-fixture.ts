// The staff console over a real bot, wired as `linli start` wires it: Wechaty on the mock puppet with the demo grid
// (data/demo-grid.yaml) in PGlite, and the admin API with console sign-in (codes go out as WeChat direct messages
// through the bot's own gateway), bearer tokens tok-<who>, the bot's ticket service, outbox and ticket change bus.
import { createBroadcastService } from '../../src/adapters/broadcast/create-broadcast.ts';
import { readGridFile } from '../../src/adapters/files/grid-file.ts';
import { adminApiOptions } from '../../src/adapters/http/admin-api.ts';
import { createHttpServer, listen } from '../../src/adapters/http/http-server.ts';
import { createMemoryQueues } from '../../src/adapters/memory/memory-job-queues.ts';
import type { Page } from 'playwright-core';
import type { JobQueues } from '../../src/core/ports/job-queue.port.ts';
import { ChatSendError, type ChatGateway, type SendOptions } from '../../src/core/ports/chat-gateway.port.ts';
import { DEMO_GRID_FILE } from '../../src/bots/sandbox.ts';
import type { SignInService } from '../../src/core/auth/sign-in.service.ts';
import { DEMO_TOKENS } from './admin-api.ts';
import { BOT_NAME, wechatHarness, type WechatHarness } from './wechat-harness.ts';

export { DEMO_TOKENS, type Who } from './admin-api.ts';

/** WeChat ids in the demo grid */
export const WX = { zhang: 'wxid_zhangguohua', lin: 'wxid_linxiuzhen', chen: 'wxid_chenzhiqiang', liu: 'wxid_liushufen' } as const;
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
  /** The console's sign-in service (to revoke sessions as `linli users revoke-sessions` does). */
  signIn: SignInService;
  /**
   * Signs a browser page in as one of the demo staff by a one-time sign-in link (as the sandbox prints one), and
   * waits for the console's overview. Tests of sign-in itself use the code by direct message instead.
   */
  openAs(page: Page, who: keyof typeof DEMO_TOKENS): Promise<void>;
  /** Drops every open connection (the live streams among them), as a network cut between a wall and the server does. */
  cutConnections(): void;
  close(): Promise<void>;
}

/** `tokens`: more bearer tokens (token → person key) than the tok-<who> of the demo staff. */
export async function startConsole(o: { tokens?: Record<string, string> } = {}): Promise<ConsoleFixture> {
  const w = await wechatHarness(await readGridFile(DEMO_GRID_FILE));
  const { linli } = w;
  // broadcasts as `linli start` sends them: through the bot's WeChat gateway, on their own queue, 2 copies a second
  // (slow enough that a page polling every second sees the copies go out)
  const queues = createMemoryQueues();
  const broadcastSends = new BroadcastSends(w.host.gateways.WECHAT!);
  const broadcast = createBroadcastService({ store: linli.store, queues, gateways: { WECHAT: broadcastSends }, rate: { max: 2, durationMs: 1000 }, attempts: 2, backoffMs: 50, logger: w.logger });
  await broadcast.service.startWorker();
  const tokens = { ...Object.fromEntries(Object.entries(DEMO_TOKENS).map(([who, key]) => [`tok-${who}`, key])), ...o.tokens };
  const { options, signIn } = adminApiOptions({
    store: linli.store,
    queues,
    broadcast: broadcast.service,
    tokens,
    gateways: w.host.gateways,
    logger: w.logger,
    tickets: { service: linli.tickets, outbox: linli.outbox, logger: w.logger, botName: BOT_NAME, toTopic: linli.ticketToTopic },
    deliberation: { service: linli.deliberation, tasks: linli.topicTasks, revisit: linli.topicRevisit },
    ticketEvents: linli.ticketEvents,
    // a stream checks its session at each heartbeat: often here, so that a revoked one ends quickly
    liveHeartbeatMs: 500,
  });
  const server = createHttpServer(options);
  const api = await listen(server, 0);
  return {
    url: api.url,
    w,
    queues,
    broadcastSends,
    token: (who) => `tok-${who}`,
    signIn,
    async openAs(page, who) {
      const person = await linli.store.staffAuth.personByKey(DEMO_TOKENS[who]);
      if (!person) throw new Error(`no demo person ${who}`);
      await page.goto(`${api.url}/login?token=${await signIn.createLink(person.id, 60_000)}`);
      await page.waitForURL(`${api.url}/`);
      await page.locator('#main[data-loaded]').waitFor();
    },
    cutConnections: () => server.closeAllConnections(),
    async close() {
      await api.close();
      await queues.close();
      await w.dispose();
    },
  };
}
