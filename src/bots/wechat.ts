// WeChat wiring: a Wechaty bot whose room messages go to the assistant, one room at a time in arrival order, with
// room events kept in the store, paced sends, and a login that either succeeds or fails with a clear error.
import { WechatyBuilder, type Wechaty } from 'wechaty';
import { createLinli, type Linli, type LinliParts } from '../app.ts';
import type { WechatConfig } from '../config.ts';
import { PacedSender } from '../adapters/chat/paced-sender.ts';
import { WechatyGateway } from '../adapters/wechaty/wechaty.gateway.ts';
import { toIncomingMessage } from '../adapters/wechaty/wechaty-message.ts';
import type { WechatPuppet } from '../adapters/wechaty/puppet.ts';
import type { BuiltPipeline } from '../adapters/pipeline/create-pipeline.ts';
import { atChinaTime, chinaDate, nextDay } from '../core/sla/deadlines.ts';
import type { Logger } from '../core/ports/logger.port.ts';

import { StartupError } from './startup-error.ts';
import type { SharedLinli } from './shared-linli.ts';

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
  /** With a pipeline (Redis), messages are submitted to the ingest queue and replies go through the notify queue. */
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
  private readonly log: Logger;
  private readonly chains = new Map<string, Promise<void>>();
  private inFlight = new Set<Promise<void>>();
  private retryTimer?: NodeJS.Timeout;
  private patrolTimer?: NodeJS.Timeout;
  private digestTimer?: NodeJS.Timeout;
  private restartTimer?: NodeJS.Timeout;
  private restartDelay = 1000;
  private stopping = false;
  private loggedIn = false;
  /** Platform events received so far (tests wait for quiet). */
  received = 0;

  constructor(private readonly o: WechatBotOptions) {
    this.log = o.logger.child({ platform: 'WECHAT' });
    this.bot = WechatyBuilder.build({ name: 'linli', puppet: o.puppet });
    this.sender = new PacedSender({ minIntervalMs: o.wechat.sendIntervalMs, jitterMs: o.wechat.sendJitterMs });
    this.gateway = new WechatyGateway(this.bot, this.sender);
    if (o.shared) o.shared.gateways.WECHAT = this.gateway;
    this.linli =
      o.shared?.linli ??
      createLinli({
        ...o,
        gateways: { WECHAT: this.gateway },
        outbox: o.pipeline?.pipeline.outbox ?? o.outbox,
        queues: o.pipeline?.queues ?? o.queues,
      });
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
    try {
      await this.bot.start();
      this.o.onPuppetStarted?.();
      const how = await Promise.race([ready, timeout]);
      this.log.info({ how }, 'WeChat bot started');
    } catch (e) {
      await this.bot.stop().catch(() => undefined);
      throw e;
    } finally {
      clearTimeout(timer);
      this.bot.off('error', onError);
    }
    if (!this.o.shared) {
      await this.o.pipeline?.pipeline.startWorkers(['ingest', 'notify'], 4, { assistant: this.linli.assistant, gateways: { WECHAT: this.gateway } });
      await this.linli.sla?.start();
    }
    if (this.o.retryEveryMs) this.retryTimer = setInterval(() => void this.retryInbox(), this.o.retryEveryMs);
    if (this.o.patrolEveryMs) this.scheduleDigest();
    if (this.o.patrolEveryMs) {
      this.patrolTimer = setInterval(() => {
        this.linli.assistant.patrolTick('WECHAT').catch((e) => this.log.error({ err: e }, 'patrol tick failed'));
      }, this.o.patrolEveryMs);
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.retryTimer);
    clearInterval(this.patrolTimer);
    clearTimeout(this.digestTimer);
    clearTimeout(this.restartTimer);
    await this.idle();
    if (!this.o.shared) {
      await this.linli.sla?.stop();
      // running sends finish while the account is still logged in
      await this.o.pipeline?.close();
    }
    await this.bot.stop();
  }

  /** Resolves when every message received so far has been handled (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  /**
   * Resolves once the platform has gone quiet: no new event for a moment, nothing being handled, nothing waiting to
   * be sent. The mock puppet delivers asynchronously, so tests and the sandbox wait for this rather than for a promise.
   */
  async settle(quietMs = 40): Promise<void> {
    for (;;) {
      const before = this.received;
      await new Promise((r) => setTimeout(r, quietMs));
      await this.idle();
      await new Promise((r) => setTimeout(r, 10));
      if (this.received === before && this.sender.pending === 0 && this.inFlight.size === 0) return;
    }
  }

  /** With queues: messages never handled and replies never sent that the queue lost go back to it. */
  private async requeue(pipeline: { recover(olderThanMs: number): Promise<{ messages: number; replies: number }> }, olderThanMs: number) {
    const { messages, replies } = await pipeline.recover(olderThanMs);
    if (replies) this.log.info({ replies }, 'unsent replies queued again');
    return messages;
  }

  /** Handles stored messages that never finished (after a crash or a failed send). */
  async retryInbox(olderThanMs = 60_000): Promise<number> {
    // with queues, an unhandled message goes back to its queue (handling it here could overtake the queue's order)
    const n = this.o.pipeline
      ? await this.requeue(this.o.pipeline.pipeline, olderThanMs)
      : await this.linli.assistant.retryUnhandled(olderThanMs);
    if (n) this.log.info({ n }, 'unhandled messages retried');
    return n;
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
        if (this.o.pipeline) await this.o.pipeline.pipeline.submit(incoming);
        else await this.linli.assistant.handle(incoming);
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

  /** One room's events run one after another, in arrival order; rooms run side by side. */
  private enqueue(roomId: string, work: () => Promise<void>) {
    const prev = this.chains.get(roomId) ?? Promise.resolve();
    const next = prev.then(work).catch((e) => {
      // the message is stored and not marked handled: the inbox retry picks it up
      this.log.error({ err: e, room: roomId }, 'handling a WeChat event failed');
    });
    this.chains.set(roomId, next);
    this.inFlight.add(next);
    void next.finally(() => {
      this.inFlight.delete(next);
      if (this.chains.get(roomId) === next) this.chains.delete(roomId);
    });
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

  /** The patrol's daily digest at 08:30 China time; keyed by date, so a restart on the same morning sends it once. */
  private scheduleDigest() {
    const now = new Date();
    let day = chinaDate(now);
    if (atChinaTime(day, '08:30') <= now) day = nextDay(day);
    const at = atChinaTime(day, '08:30');
    this.digestTimer = setTimeout(() => {
      this.linli.assistant.patrolDigest('WECHAT', day).catch((e) => this.log.error({ err: e }, 'patrol digest failed'));
      this.scheduleDigest();
    }, at.getTime() - now.getTime());
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
