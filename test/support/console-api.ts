// The admin API with console sign-in, as `linli start` serves it, over the demo grid in a fresh PostgreSQL database:
// sign-in codes go out through the real Telegram gateway (grammY's Api) to a fake Bot API, and through an in-memory
// WeChat gateway; the clock can be moved forward to expire codes and sessions.
import { Api } from 'grammy';
import { createBroadcastService } from '../../src/adapters/broadcast/create-broadcast.ts';
import { readGridFile } from '../../src/adapters/files/grid-file.ts';
import { adminApiOptions } from '../../src/adapters/http/admin-api.ts';
import type { ConsoleAuthOptions } from '../../src/adapters/http/console-auth.ts';
import { createHttpServer, listen } from '../../src/adapters/http/http-server.ts';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import { MemoryChatGateway } from '../../src/adapters/memory/memory-chat.gateway.ts';
import { createMemoryQueues } from '../../src/adapters/memory/memory-job-queues.ts';
import { TelegramGateway } from '../../src/adapters/telegram/telegram.gateway.ts';
import { DEMO_GRID_FILE } from '../../src/bots/sandbox.ts';
import type { SignInService } from '../../src/core/auth/sign-in.service.ts';
import type { Store } from '../../src/core/ports/store.port.ts';
import { DEMO_TOKENS } from './admin-api.ts';
import { freshStore } from './databases.ts';
import { FakeTelegram } from './fake-telegram.ts';

/** Bearer tokens `tok-<who>` for the demo people of admin-api.ts, to compare a token's answers with a session's. */
export const DEMO_BEARER = Object.fromEntries(Object.entries(DEMO_TOKENS).map(([who, key]) => [`tok-${who}`, key]));

export interface ConsoleApi {
  url: string;
  store: Store;
  signIn: SignInService;
  telegram: FakeTelegram;
  wechat: MemoryChatGateway;
  /** finding ids by grid */
  findings: { dyG01: number; dyG02: number };
  /** Moves the server's clock forward. */
  advance(ms: number): void;
  /** Another server over the same store and clock, with its own limits (its own counters). */
  another(limits: ConsoleAuthOptions['limits'], proxyHops?: number): Promise<{ url: string; close(): Promise<void> }>;
  close(): Promise<void>;
}

export async function startConsoleApi(limits?: ConsoleAuthOptions['limits']): Promise<ConsoleApi> {
  const { store, dispose } = await freshStore('postgres');
  await store.grid.importSpec(await readGridFile(DEMO_GRID_FILE));
  const finding = async (room: string, key: string) => {
    const g = (await store.groups.findByExternal('WECHAT', room))!;
    return (await store.patrol.upsert({ rule: 'hazard', severity: 'HIGH', groupId: g.id, messageId: null, ticketId: null, summary: `疑似飞线充电（${g.title}）`, data: {}, dedupKey: key })).finding.id;
  };
  const findings = { dyG01: await finding('dy-20hao@chatroom', 'hazard:c:1'), dyG02: await finding('dy-5hao@chatroom', 'hazard:c:2') };
  const telegram = new FakeTelegram();
  const gateways = {
    TELEGRAM: new TelegramGateway(new Api(telegram.token, { apiRoot: await telegram.start() }), { globalPerSecond: 1000, groupPerMinute: 1000, chatIntervalMs: 0 }),
    WECHAT: new MemoryChatGateway('WECHAT'),
  };
  let offset = 0;
  const clock = { now: () => new Date(Date.now() + offset) };
  const queues = createMemoryQueues();
  const { service } = createBroadcastService({ store, queues, gateways: { WECHAT: gateways.WECHAT }, rate: { max: 50, durationMs: 100 } });
  const serve = async (l: ConsoleAuthOptions['limits'], proxyHops = 0) => {
    const built = adminApiOptions({ store, queues, broadcast: service, tokens: { ...DEMO_BEARER, 'tok-admin': 'admin-zhouhong' }, gateways, clock, sessions: { limits: l, proxyHops }, logger: createMemoryLogger('debug').logger });
    return { ...(await listen(createHttpServer(built.options), 0)), signIn: built.signIn };
  };
  const api = await serve(limits);
  const others: { close(): Promise<void> }[] = [];
  return {
    url: api.url,
    store,
    signIn: api.signIn,
    telegram,
    wechat: gateways.WECHAT,
    findings,
    advance: (ms) => void (offset += ms),
    another: async (l, hops) => {
      const s = await serve(l, hops);
      others.push(s);
      return s;
    },
    close: async () => {
      for (const o of others) await o.close();
      await api.close();
      await queues.close();
      await telegram.close();
      await dispose();
    },
  };
}

/** A browser's cookie jar for one origin, enough for these tests: name → value, from Set-Cookie. */
export class Browser {
  readonly jar = new Map<string, string>();
  /** The Set-Cookie lines of the last answer. */
  lastSetCookie: string[] = [];

  constructor(readonly base: string) {}

  async req(method: string, path: string, o: { body?: unknown; headers?: Record<string, string>; csrf?: boolean } = {}) {
    const headers: Record<string, string> = { ...o.headers };
    if (this.jar.size) headers.cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    if (o.body !== undefined) headers['content-type'] ??= 'application/json';
    // what the console page does: same-origin requests, the CSRF cookie echoed in a header
    if (o.csrf) {
      headers.origin ??= this.base;
      headers['x-csrf-token'] ??= this.jar.get('linli_csrf') ?? '';
    }
    const res = await fetch(this.base + path, { method, headers, body: o.body === undefined ? undefined : typeof o.body === 'string' ? o.body : JSON.stringify(o.body), redirect: 'manual' });
    this.lastSetCookie = res.headers.getSetCookie();
    for (const line of this.lastSetCookie) {
      const [pair = "", ...attrs] = line.split(";");
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      if (attrs.some((a) => /^\s*max-age=0$/i.test(a)) || value === '') this.jar.delete(name);
      else this.jar.set(name, value);
    }
    // an event stream (GET /api/events) never ends: its status and headers are the answer
    if (res.headers.get('content-type')?.startsWith('text/event-stream')) {
      await res.body?.cancel();
      return { status: res.status, headers: res.headers, body: null as any };
    }
    const text = await res.text();
    let body: any = text;
    try {
      body = JSON.parse(text);
    } catch {
      // HTML or empty
    }
    return { status: res.status, body, headers: res.headers };
  }
}
