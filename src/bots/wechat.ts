// WeChat wiring: a Wechaty bot whose room messages go to the assistant, one room at a time in arrival order, with
// room events kept in the store, paced sends, and a login that either succeeds or fails with a clear error.
import { WechatyBuilder, type Wechaty } from 'wechaty';
import type { Linli, LinliParts } from '../app.ts';
import type { WechatConfig } from '../config.ts';
import { PacedSender } from '../adapters/chat/paced-sender.ts';
import { WechatyGateway } from '../adapters/wechaty/wechaty.gateway.ts';
import { toIncomingMessage } from '../adapters/wechaty/wechaty-message.ts';
import type { WechatPuppet } from '../adapters/wechaty/puppet.ts';
import type { BuiltPipeline } from '../adapters/pipeline/create-pipeline.ts';
import type { Logger } from '../core/ports/logger.port.ts';

import type { LinliPuppetService } from '../adapters/wechaty/linli-puppet-service.ts';
import { StartupError } from './startup-error.ts';
import { ACCOUNT_BUSY_EXIT_CODE } from './account-lock.ts';
import { linliForBot, startPipelineWorkers, type SharedLinli } from './shared-linli.ts';
import { ChatChains, Housekeeping } from './bot-runtime.ts';

export { StartupError };

export interface WechatBotOptions extends Omit<LinliParts, 'gateways'> {
  puppet: WechatPuppet;
  wechat: WechatConfig;
  botName: string;
  /** Called for each message the bot itself sent (the sandbox prints them). */
  onOwnMessage?: (room: string | null, to: string | null, text: string) => void;
  /** How often stored-but-unhandled messages are retried (ms); 0 disables the timer. */
  retryEveryMs?: number;
  /** Called once the puppet has started, before waiting for login (the mock puppet logs in from here). */
  onPuppetStarted?: () => void;
  /** The pipeline (BullMQ with Redis); default: one in process. With Redis, replies go through the notify queue. */
  pipeline?: BuiltPipeline;
  /** How often the patrol's timer rules run (ms); 0 disables. */
  patrolEveryMs?: number;
  /** With another platform in this process: its Linli, which starts and stops the workers and timers for both. */
  shared?: SharedLinli;
}

export class WechatBot {
  readonly bot: Wechaty;
  readonly gateway: WechatyGateway;
  readonly sender: PacedSender;
  readonly linli: Linli;
  /** The one way in: every message is submitted here (in-process queues without Redis). */
  readonly pipeline: BuiltPipeline;
  private readonly log: Logger;
  private readonly chains: ChatChains;
  private readonly housekeeping: Housekeeping;
  private restartTimer?: NodeJS.Timeout;
  private restartDelay = 1000;
  private stopping = false;
  private loggedIn = false;
  private starting = false;
  private markSendable!: () => void;
  private readonly canSend = new Promise<void>((resolve) => (this.markSendable = resolve));
  /** Platform events received so far (tests wait for quiet). */
  received = 0;

  constructor(private readonly o: WechatBotOptions) {
    this.log = o.logger.child({ platform: 'WECHAT' });
    this.bot = WechatyBuilder.build({ name: 'linli', puppet: o.puppet });
    this.sender = new PacedSender({ minIntervalMs: o.wechat.sendIntervalMs, jitterMs: o.wechat.sendJitterMs });
    this.gateway = new WechatyGateway(this.bot, this.sender);
    ({ linli: this.linli, pipeline: this.pipeline } = linliForBot(o, 'WECHAT', this.gateway));
    // a message whose handling failed is stored and not marked handled: the inbox retry picks it up
    this.chains = new ChatChains((e, room) => this.log.error({ err: e, room }, 'handling a WeChat event failed'), () => this.pipeline.idle());
    this.housekeeping = new Housekeeping({ linli: this.linli, platform: 'WECHAT', log: this.log, pipeline: this.pipeline, retryEveryMs: o.retryEveryMs, patrolEveryMs: o.patrolEveryMs });
    this.wire();
  }

  /** Starts the bot and resolves once it is logged in, or once a QR code waits to be scanned. */
  async start(): Promise<void> {
    let lastError: unknown;
    const onError = (e: unknown) => {
      lastError = e;
    };
    this.bot.on('error', onError);
    const ready = new Promise<'login' | 'scan'>((resolve) => {
      this.bot.once('login', () => resolve('login'));
      this.bot.once('scan', () => resolve('scan'));
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const why = lastError ? `: ${String((lastError as Error).message ?? lastError)}` : '';
        reject(new StartupError(`WeChat puppet did not log in or show a QR code within ${this.o.wechat.loginTimeoutMs} ms${why}` +
          (this.o.wechat.service ? ` (endpoint ${this.o.wechat.service.endpoint}; check WECHATY_PUPPET_SERVICE_ENDPOINT and _TOKEN)` : '')));
      }, this.o.wechat.loginTimeoutMs);
    });
    this.starting = true;
    try {
      await this.bot.start();
      this.o.onPuppetStarted?.();
      const how = await Promise.race([ready, timeout]);
      if (how === 'login') await this.cacheOpened();
      if (how === 'login') this.markSendable();
      this.log.info({ how }, 'WeChat bot started');
    } catch (e) {
      await this.bot.stop().catch(() => undefined);
      throw e;
    } finally {
      this.starting = false;
      clearTimeout(timer);
      this.bot.off('error', onError);
    }
    if (!this.o.shared) {
      await startPipelineWorkers(this.pipeline, this.linli, { WECHAT: this.gateway });
      await this.linli.sla?.start();
    }
    this.housekeeping.startRetry();
    this.housekeeping.startPatrol();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.housekeeping.stop();
    clearTimeout(this.restartTimer);
    await this.idle();
    if (!this.o.shared) {
      await this.linli.sla?.stop();
      // running sends finish while the account is still logged in
      await this.pipeline.close();
    }
    await this.bot.stop();
  }

  /**
   * Resolves once the account is logged in: sends can go out from then on, while start() still starts the workers
   * behind it (a resumed broadcast need not wait for them). Not before a QR code is scanned.
   */
  sendable(): Promise<void> {
    return this.canSend;
  }

  /** Resolves when every message received so far has been handled (tests, shutdown). */
  idle(): Promise<void> {
    return this.chains.idle();
  }

  /** Resolves once the platform has gone quiet (the mock puppet delivers asynchronously: tests and the sandbox wait). */
  settle(quietMs = 40): Promise<void> {
    return this.chains.settle(() => this.received, () => this.sender.pending, quietMs);
  }

  /** Handles stored messages that never finished, and queues again replies a queue lost (see Housekeeping). */
  retryInbox(olderThanMs = 60_000): Promise<number> {
    return this.housekeeping.retryInbox(olderThanMs);
  }

  private wire() {
    const bot = this.bot;
    bot.on('scan', (qrcode, status) => {
      // the QR code is for the operator, printed and logged; it is not a secret once scanned
      const url = `https://wechaty.js.org/qrcode/${encodeURIComponent(qrcode)}`;
      this.log.warn({ status, url }, 'scan this QR code with the WeChat account of the bot to log in');
      console.error(`微信登录：请用机器人微信号扫码 / scan to log in: ${url}`);
    });
    bot.on('login', async (user) => {
      this.loggedIn = true;
      this.restartDelay = 1000;
      this.log.info({ user: user.id }, 'WeChat logged in');
      // a login after start() (a QR code scanned): sends can go out once the cache is open, or without it
      if (!this.starting) {
        this.cacheOpened()
          .catch((e) => this.log.error({ err: e }, 'WeChat payload cache unavailable; running uncached'))
          .finally(() => this.markSendable());
      }
      void this.syncRooms();
      void this.retryInbox(0);
    });
    bot.on('logout', (user, reason) => {
      this.loggedIn = false;
      this.log.warn({ user: user.id, reason }, 'WeChat logged out; waiting for a new login');
    });
    bot.on('error', (e) => {
      this.log.warn({ err: e }, 'WeChat puppet error');
      if (!this.loggedIn && !this.stopping) this.scheduleRestart();
    });
    bot.on('message', (msg) => {
      this.received++;
      if (msg.self()) {
        const room = msg.room();
        this.o.onOwnMessage?.(room?.id ?? null, room ? null : msg.listener()?.id ?? null, msg.text());
        return;
      }
      const room = msg.room();
      if (!room) return; // direct messages are not handled yet
      this.enqueue(room.id, async () => {
        const incoming = await toIncomingMessage(msg, this.o.botName);
        if (!incoming) return;
        await this.pipeline.pipeline.submit(incoming);
      });
    });
    bot.on('room-join', (room, invitees) => {
      this.enqueue(room.id, async () => {
        const self = bot.currentUser?.id;
        await this.linli.assistant.membersJoined('WECHAT', room.id, await room.topic(),
          invitees.filter((c) => c.id !== self).map((c) => ({ externalId: c.id, name: c.name() })),
          invitees.some((c) => c.id === self));
      });
    });
    bot.on('room-leave', (room, leavers) => {
      this.enqueue(room.id, async () => {
        const self = bot.currentUser?.id;
        await this.linli.assistant.membersLeft('WECHAT', room.id, leavers.map((c) => ({ externalId: c.id })), leavers.some((c) => c.id === self));
      });
    });
    bot.on('room-topic', (room, topic) => {
      this.enqueue(room.id, () => this.linli.assistant.topicChanged('WECHAT', room.id, topic));
    });
  }

  /** The puppet service's payload cache of the logged-in account is open; a cache held by another process is a StartupError. */
  private async cacheOpened() {
    // only the puppet service keeps a payload cache (the mock has none); checked by shape, so the service's package
    // is not loaded for the sandbox
    const puppet = this.o.puppet as Partial<Pick<LinliPuppetService, 'cacheOpened'>>;
    if (typeof puppet.cacheOpened !== 'function') return;
    try {
      await puppet.cacheOpened.call(this.o.puppet);
    } catch (e) {
      throw new StartupError(`${(e as Error).message}; stop the other program using it, or give this account its own LINLI_DATA_DIR`, {
        exitCode: ACCOUNT_BUSY_EXIT_CODE,
        cause: e,
      });
    }
  }

  /** One room's events run one after another, in arrival order; rooms run side by side. */
  private enqueue(roomId: string, work: () => Promise<void>) {
    this.chains.run(roomId, work);
  }

  private async syncRooms() {
    try {
      const rooms = await this.bot.Room.findAll();
      for (const r of rooms) await this.o.store.groups.upsertSeen('WECHAT', r.id, await r.topic());
      const pending = await this.o.store.groups.listUnmapped();
      this.log.info({ rooms: rooms.length, unmapped: pending.length }, 'rooms synced');
    } catch (e) {
      this.log.warn({ err: e }, 'room sync failed');
    }
  }

  private scheduleRestart() {
    if (this.restartTimer) return;
    const delay = this.restartDelay;
    this.restartDelay = Math.min(this.restartDelay * 2, 60_000);
    this.log.warn({ delayMs: delay }, 'restarting the WeChat puppet');
    this.restartTimer = setTimeout(async () => {
      this.restartTimer = undefined;
      try {
        await this.bot.stop();
        await this.bot.start();
      } catch (e) {
        this.log.error({ err: e }, 'WeChat restart failed');
        this.scheduleRestart();
      }
    }, delay);
  }
}
