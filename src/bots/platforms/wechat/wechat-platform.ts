// WeChat as a platform: a Wechaty bot that logs in (or fails with a clear error), hands the host its room messages and
// room events, and sends through paced sends of one account. It restarts the puppet after an error while logged out.
import { WechatyBuilder, type Wechaty } from 'wechaty';
import type { WechatConfig } from '../../../config.ts';
import { PacedSender } from '../../../adapters/chat/paced-sender.ts';
import { WechatyGateway } from '../../../adapters/wechaty/wechaty.gateway.ts';
import { toIncomingMessage } from '../../../adapters/wechaty/wechaty-message.ts';
import type { WechatPuppet } from '../../../adapters/wechaty/puppet.ts';
import type { LinliPuppetService } from '../../../adapters/wechaty/linli-puppet-service.ts';
import type { Logger } from '../../../core/ports/logger.port.ts';
import { StartupError } from '../../startup-error.ts';
import { ACCOUNT_BUSY_EXIT_CODE } from '../../account-lock.ts';
import type { OnEvent, PlatformFace } from '../../platform.ts';

export interface WechatPlatformOptions {
  puppet: WechatPuppet;
  wechat: WechatConfig;
  botName: string;
  logger: Logger;
  /** Called for each message the bot itself sent (the sandbox prints them). */
  onOwnMessage?: (room: string | null, to: string | null, text: string) => void;
  /** Called once the puppet has started, before waiting for login (the mock puppet logs in from here). */
  onPuppetStarted?: () => void;
}

export class WechatPlatform implements PlatformFace {
  readonly name = 'WECHAT' as const;
  /** Replies go out from the logged-in account: the host lets them finish before logging out. */
  readonly sendsNeedSession = true;
  readonly bot: Wechaty;
  readonly gateway: WechatyGateway;
  readonly sender: PacedSender;
  private readonly log: Logger;
  private onEvent: OnEvent = () => undefined;
  private restartTimer?: NodeJS.Timeout;
  private restartDelay = 1000;
  private stopping = false;
  private loggedIn = false;
  private starting = false;
  private markSendable!: () => void;
  private readonly canSend = new Promise<void>((resolve) => (this.markSendable = resolve));
  /** Platform events received so far (the host waits for quiet). */
  received = 0;

  constructor(private readonly o: WechatPlatformOptions) {
    this.log = o.logger.child({ platform: 'WECHAT' });
    this.bot = WechatyBuilder.build({ name: 'linli', puppet: o.puppet });
    this.sender = new PacedSender({ minIntervalMs: o.wechat.sendIntervalMs, jitterMs: o.wechat.sendJitterMs, maxInFlight: o.wechat.sendInFlight });
    this.gateway = new WechatyGateway(this.bot, this.sender);
    this.wire();
  }

  get waitingToSend(): number {
    return this.sender.pending;
  }

  describe(): string {
    return `WeChat (${this.o.wechat.puppet})`;
  }

  /** Starts the puppet and resolves once it is logged in, or once a QR code waits to be scanned. */
  async start(onEvent: OnEvent): Promise<void> {
    this.onEvent = onEvent;
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
    // handled where it is raced; without this, a timeout that fires while the puppet's own start still hangs (an
    // unreachable service it keeps restarting) was an unhandled rejection: Node's crash and stack, not one line
    timeout.catch(() => undefined);
    this.starting = true;
    try {
      // the puppet's start is raced too: it may never return against a service that does not answer
      await Promise.race([this.bot.start(), timeout]);
      this.o.onPuppetStarted?.();
      const how = await Promise.race([ready, timeout]);
      if (how === 'login') await this.cacheOpened();
      if (how === 'login') this.markSendable();
      this.log.info({ how }, 'WeChat bot started');
    } catch (e) {
      // giving up: no restart may start the puppet again behind this error (it kept the process alive)
      this.stopping = true;
      clearTimeout(this.restartTimer);
      this.restartTimer = undefined;
      await this.bot.stop().catch(() => undefined);
      throw e;
    } finally {
      this.starting = false;
      clearTimeout(timer);
      this.bot.off('error', onError);
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    await this.bot.stop();
  }

  /**
   * Resolves once the account is logged in: sends can go out from then on (a resumed broadcast need not wait for the
   * host's workers). Not before a QR code is scanned.
   */
  sendable(): Promise<void> {
    return this.canSend;
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
      // at start the host queues again what was left over; a later login (after a logout, or a QR code scanned after
      // start()) asks for it here, and sends can go out once the cache is open, or without it
      if (!this.starting) {
        this.cacheOpened()
          .catch((e) => this.log.error({ err: e }, 'WeChat payload cache unavailable; running uncached'))
          .finally(() => this.markSendable());
        this.onEvent({ kind: 'online' });
      }
      void this.syncRooms();
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
      const room = msg.room();
      if (msg.self()) {
        this.o.onOwnMessage?.(room?.id ?? null, room ? null : msg.listener()?.id ?? null, msg.text());
        return;
      }
      if (!room) return; // direct messages are not handled yet
      this.onEvent({
        chat: room.id,
        read: async () => {
          const message = await toIncomingMessage(msg, this.o.botName);
          return message && { kind: 'message', chat: room.id, message };
        },
      });
    });
    bot.on('room-join', (room, invitees) => {
      this.onEvent({
        chat: room.id,
        read: async () => {
          const self = bot.currentUser?.id;
          const members = invitees.filter((c) => c.id !== self).map((c) => ({ externalId: c.id, name: c.name() }));
          return { kind: 'joined', chat: room.id, title: await room.topic(), members, self: invitees.some((c) => c.id === self) };
        },
      });
    });
    bot.on('room-leave', (room, leavers) => {
      const self = bot.currentUser?.id;
      this.onEvent({ kind: 'left', chat: room.id, members: leavers.map((c) => ({ externalId: c.id })), self: leavers.some((c) => c.id === self) });
    });
    bot.on('room-topic', (room, topic) => {
      this.onEvent({ kind: 'renamed', chat: room.id, title: topic });
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

  /**
   * Every room the account is in is recorded under its title, so `linli groups pending` shows names people know. One
   * room at a time, from the puppet's room list and each room's payload (both cached by the puppet service): not
   * Wechaty's Room.findAll, which loads every member of every room (a thousand groups of hundreds of residents) at
   * each login, while a broadcast cut short by a restart resumes.
   */
  private async syncRooms() {
    try {
      const puppet = this.bot.puppet;
      let synced = 0;
      for (const id of await puppet.roomList()) {
        const room = await puppet.roomPayload(id).catch((e: unknown) => void this.log.debug({ err: e, room: id }, 'room payload unavailable'));
        if (!room) continue;
        this.onEvent({ kind: 'seen', chat: id, title: room.topic });
        synced++;
      }
      this.log.info({ rooms: synced }, 'rooms synced');
    } catch (e) {
      this.log.warn({ err: e }, 'room sync failed');
    }
  }

  private scheduleRestart() {
    if (this.restartTimer || this.stopping) return;
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
