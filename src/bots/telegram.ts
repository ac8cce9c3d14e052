// Telegram wiring: a grammY bot on long polling (@grammyjs/runner) whose group messages go to the assistant, one chat
// at a time in arrival order, with group events (the bot added or removed, members, titles) kept in the store and
// sends kept within Telegram's limits by the gateway. A wrong token or an unreachable Bot API fails the start clearly.
import { Bot, GrammyError, HttpError, type Context } from 'grammy';
import { run, type RunnerHandle } from '@grammyjs/runner';
import { LRUCache } from 'lru-cache';
import type { Linli, LinliParts } from '../app.ts';
import type { TelegramConfig } from '../config.ts';
import { installAutoRetry, TelegramGateway } from '../adapters/telegram/telegram.gateway.ts';
import { displayName, isGroupChat, toIncomingMessage, type TelegramSelf } from '../adapters/telegram/telegram-message.ts';
import type { BuiltPipeline } from '../adapters/pipeline/create-pipeline.ts';
import type { Logger } from '../core/ports/logger.port.ts';
import { StartupError } from './startup-error.ts';
import { linliForBot, startPipelineWorkers, type SharedLinli } from './shared-linli.ts';
import { ChatChains, Housekeeping } from './bot-runtime.ts';

export interface TelegramBotOptions extends Omit<LinliParts, 'gateways'> {
  telegram: TelegramConfig & { token: string };
  /** How often stored-but-unhandled messages are retried (ms); 0 disables the timer. */
  retryEveryMs?: number;
  /** The pipeline (BullMQ with Redis); default: one in process. With Redis, replies go through the notify queue. */
  pipeline?: BuiltPipeline;
  /** How often the patrol's timer rules run (ms); 0 disables. */
  patrolEveryMs?: number;
  /** With another platform in this process: its Linli, which starts and stops the workers and timers for both. */
  shared?: SharedLinli;
  /** Long-poll timeout of getUpdates in seconds (default 30). */
  pollTimeoutSeconds?: number;
  /** How long start waits for the Bot API to answer getMe, retrying network errors (default 30 000 ms). */
  startTimeoutMs?: number;
}

/** The updates the bot asks for: messages (with member and title events) and its own membership. */
const ALLOWED_UPDATES = ['message', 'my_chat_member'] as const;
/** How many chats the bot remembers having stored the title of. */
const SEEN_CHATS = 10_000;

export class TelegramBot {
  readonly bot: Bot;
  readonly gateway: TelegramGateway;
  readonly linli: Linli;
  /** The one way in: every message is submitted here (in-process queues without Redis). */
  readonly pipeline: BuiltPipeline;
  private readonly log: Logger;
  private readonly chains: ChatChains;
  private readonly housekeeping: Housekeeping;
  /** Chats whose title is already stored in this run (the first message of a chat records it); the most recent
   *  SEEN_CHATS only, as any chat can add the bot: a chat forgotten has its title stored once more. */
  private readonly seen = new LRUCache<string, true>({ max: SEEN_CHATS });
  private runner?: RunnerHandle;
  private self?: TelegramSelf;
  /** Platform updates received so far (tests wait for quiet). */
  received = 0;

  constructor(private readonly o: TelegramBotOptions) {
    this.log = o.logger.child({ platform: 'TELEGRAM' });
    this.bot = new Bot(o.telegram.token, { client: { apiRoot: o.telegram.apiRoot } });
    installAutoRetry(this.bot.api);
    this.gateway = new TelegramGateway(this.bot.api, o.telegram);
    ({ linli: this.linli, pipeline: this.pipeline } = linliForBot(o, 'TELEGRAM', this.gateway));
    // a message whose handling failed is stored and not marked handled: the inbox retry picks it up
    this.chains = new ChatChains((e, chat) => this.log.error({ err: e, chat }, 'handling a Telegram update failed'), () => this.pipeline.idle());
    this.housekeeping = new Housekeeping({ linli: this.linli, platform: 'TELEGRAM', log: this.log, pipeline: this.pipeline, retryEveryMs: o.retryEveryMs, patrolEveryMs: o.patrolEveryMs });
    this.wire();
  }

  /** Checks the token (getMe), then starts long polling; throws StartupError when Telegram refuses or cannot be reached. */
  async start(): Promise<void> {
    // grammY retries a network error forever: the deadline turns an unreachable API into a clear error
    // (grammY types its signals with the abort-controller package's AbortSignal; Node's is the same at run time)
    const deadline = AbortSignal.timeout(this.o.startTimeoutMs ?? 30_000) as unknown as Parameters<Bot['init']>[0] & { aborted: boolean };
    try {
      await this.bot.init(deadline);
      // getUpdates is refused while a webhook is set; pending updates are kept
      await this.bot.api.deleteWebhook({ drop_pending_updates: false }, deadline);
    } catch (e) {
      throw this.startupError(e, deadline.aborted);
    }
    const me = this.bot.botInfo;
    this.self = { id: me.id, username: me.username };
    if (me.can_read_all_group_messages === false) {
      this.log.warn({ bot: me.username }, 'privacy mode is on: the bot sees only commands and replies in groups; turn it off with /setprivacy in @BotFather or make the bot an admin');
    }
    if (!this.o.shared) {
      await startPipelineWorkers(this.pipeline, this.linli, { TELEGRAM: this.gateway });
      await this.linli.sla?.start();
      // before polling starts, so that a message arriving now is not also picked up as unhandled (with another
      // platform in the process, its bot retries the shared inbox)
      await this.retryInbox(0);
      this.housekeeping.startRetry();
    }
    this.runner = run(this.bot, {
      runner: { fetch: { timeout: this.o.pollTimeoutSeconds ?? 30, allowed_updates: [...ALLOWED_UPDATES] }, silent: true, maxRetryTime: 365 * 24 * 3600_000 },
    });
    this.runner.task()?.catch((e) => this.log.error({ err: e }, 'Telegram polling stopped'));
    this.log.info({ bot: me.username, apiRoot: this.o.telegram.apiRoot }, 'Telegram bot started');
    this.housekeeping.startPatrol();
  }

  async stop(): Promise<void> {
    this.housekeeping.stop();
    if (this.runner?.isRunning()) await this.runner.stop();
    await this.idle();
    if (!this.o.shared) {
      await this.linli.sla?.stop();
      await this.pipeline.close();
    }
  }

  /** Resolves when every update received so far has been handled (tests, shutdown). */
  idle(): Promise<void> {
    return this.chains.idle();
  }

  /** Resolves once no update has arrived for a moment, nothing is being handled and no send waits for its turn. */
  settle(quietMs = 40): Promise<void> {
    return this.chains.settle(() => this.received, () => this.gateway.pending, quietMs);
  }

  /** Handles stored messages that never finished, and queues again replies a queue lost (see Housekeeping). */
  retryInbox(olderThanMs = 60_000): Promise<number> {
    return this.housekeeping.retryInbox(olderThanMs);
  }

  private startupError(e: unknown, timedOut: boolean): StartupError {
    const root = this.o.telegram.apiRoot;
    if (timedOut) {
      return new StartupError(`Telegram Bot API at ${root} did not answer within ${this.o.startTimeoutMs ?? 30_000} ms: check TELEGRAM_API_ROOT and the network`);
    }
    if (e instanceof GrammyError && (e.error_code === 401 || e.error_code === 404)) {
      return new StartupError(`Telegram refused the bot token (${e.error_code} ${e.description}): check TELEGRAM_BOT_TOKEN (from @BotFather) and TELEGRAM_API_ROOT (${root})`);
    }
    if (e instanceof HttpError) {
      return new StartupError(`Telegram Bot API at ${root} cannot be reached (${e.message}): check TELEGRAM_API_ROOT and the network`);
    }
    return new StartupError(`Telegram bot could not start: ${(e as Error).message ?? e} (TELEGRAM_API_ROOT ${root})`);
  }

  private wire() {
    const bot = this.bot;
    bot.on('message', (ctx) => {
      this.received++;
      this.onMessage(ctx);
    });
    bot.on('my_chat_member', (ctx) => {
      this.received++;
      const chat = ctx.chat;
      if (!isGroupChat(chat.type)) return;
      const id = String(chat.id);
      const title = ('title' in chat && chat.title) || id;
      const status = ctx.myChatMember.new_chat_member.status;
      const inside = status === 'member' || status === 'administrator' || status === 'creator' ||
        (status === 'restricted' && ctx.myChatMember.new_chat_member.is_member);
      this.enqueue(id, async () => {
        if (inside) await this.linli.assistant.membersJoined('TELEGRAM', id, title, [], true);
        else await this.linli.assistant.membersLeft('TELEGRAM', id, [], true);
      });
    });
    bot.catch((err) => this.log.error({ err: err.error, updateId: err.ctx.update.update_id }, 'handling a Telegram update failed'));
  }

  private onMessage(ctx: Context) {
    const m = ctx.message;
    if (!m || !isGroupChat(m.chat.type) || !this.self) return; // direct messages are not handled yet
    const id = String(m.chat.id);
    const title = ('title' in m.chat && m.chat.title) || id;
    const selfId = this.self.id;
    // the bot's own arrival and removal come as my_chat_member: here only the other members count
    if (m.new_chat_members) {
      const members = m.new_chat_members.filter((u) => u.id !== selfId).map((u) => ({ externalId: String(u.id), name: displayName(u) }));
      if (members.length) this.enqueue(id, () => this.linli.assistant.membersJoined('TELEGRAM', id, title, members, false));
      return;
    }
    if (m.left_chat_member) {
      const left = m.left_chat_member;
      if (left.id !== selfId) this.enqueue(id, () => this.linli.assistant.membersLeft('TELEGRAM', id, [{ externalId: String(left.id) }], false));
      return;
    }
    if (m.new_chat_title) {
      const t = m.new_chat_title;
      this.enqueue(id, () => this.linli.assistant.topicChanged('TELEGRAM', id, t));
      return;
    }
    // a group upgraded to a supergroup gets a new id: the old chat says where it went, the new one where it came from
    const moved = m.migrate_to_chat_id ? { from: id, to: String(m.migrate_to_chat_id) } : m.migrate_from_chat_id ? { from: String(m.migrate_from_chat_id), to: id } : null;
    if (moved) {
      this.enqueue(moved.to, async () => {
        this.pipeline.pipeline.forgetGroup('TELEGRAM', moved.to);
        const group = await this.linli.assistant.groupMoved('TELEGRAM', moved.from, moved.to);
        if (group) this.log.warn({ groupId: group.id, from: moved.from, to: moved.to }, 'group upgraded to a supergroup: it keeps its mapping under the new id');
        this.seen.set(moved.to, true);
      });
      return;
    }
    const incoming = toIncomingMessage(m, this.self);
    if (!incoming) return;
    this.enqueue(id, async () => {
      if (!this.seen.has(id)) {
        // the group is recorded under its title, so `linli groups pending` shows a name people know
        await this.linli.store.groups.upsertSeen('TELEGRAM', id, title);
        this.seen.set(id, true);
      }
      await this.pipeline.pipeline.submit(incoming);
    });
  }

  /** One chat's updates run one after another, in arrival order; chats run side by side. */
  private enqueue(chatId: string, work: () => Promise<unknown>) {
    this.chains.run(chatId, work);
  }
}
