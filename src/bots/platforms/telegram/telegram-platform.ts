// Telegram as a platform: a grammY bot on long polling (@grammyjs/runner) that hands the host its group messages and
// group events (the bot added or removed, members, titles, a group upgraded), with sends kept within Telegram's limits
// by the gateway. A wrong token or an unreachable Bot API fails the start clearly.
import { Bot, GrammyError, HttpError, type Context } from 'grammy';
import { run, type RunnerHandle } from '@grammyjs/runner';
import type { TelegramConfig } from '../../../config.ts';
import { installAutoRetry, TelegramGateway } from '../../../adapters/telegram/telegram.gateway.ts';
import { displayName, isGroupChat, toIncomingMessage, type TelegramSelf } from '../../../adapters/telegram/telegram-message.ts';
import type { Logger } from '../../../core/ports/logger.port.ts';
import { StartupError } from '../../startup-error.ts';
import type { OnEvent, PlatformFace } from '../../platform.ts';

export interface TelegramPlatformOptions {
  telegram: TelegramConfig & { token: string };
  logger: Logger;
  /** Long-poll timeout of getUpdates in seconds (default 30). */
  pollTimeoutSeconds?: number;
  /** How long start waits for the Bot API to answer getMe, retrying network errors but a refused connection (default 30 000 ms). */
  startTimeoutMs?: number;
}

/** The updates the bot asks for: messages (with member and title events), their edits and its own membership. */
const ALLOWED_UPDATES = ['message', 'edited_message', 'my_chat_member'] as const;

/** Network errors that retrying within the start's deadline does not change: nothing listens there, no such host. */
const DEFINITE_NETWORK_ERRORS = new Set(['ECONNREFUSED', 'ENOTFOUND']);

/** The code of the fetch error under grammY's HttpError ("ECONNREFUSED"), if any. */
const networkCode = (e: HttpError): string | undefined => {
  const code = (e.error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
};

/**
 * Why the request failed, without its address: the fetch error's message holds the URL, and the URL holds the bot
 * token ("request to http://…/bot123:abc/getMe failed, reason: connect ECONNREFUSED 127.0.0.1:8081").
 */
const networkReason = (e: HttpError): string => {
  const message = e.error instanceof Error ? e.error.message : '';
  return /reason: (.+)$/.exec(message)?.[1] ?? networkCode(e) ?? e.message;
};

export class TelegramPlatform implements PlatformFace {
  readonly name = 'TELEGRAM' as const;
  /** Any process with the token can send: the sends need no session. */
  readonly sendsNeedSession = false;
  readonly bot: Bot;
  readonly gateway: TelegramGateway;
  private readonly log: Logger;
  private onEvent: OnEvent = () => undefined;
  private runner?: RunnerHandle;
  private self?: TelegramSelf;
  /** Platform updates received so far (the host waits for quiet). */
  received = 0;

  constructor(private readonly o: TelegramPlatformOptions) {
    this.log = o.logger.child({ platform: 'TELEGRAM' });
    this.bot = new Bot(o.telegram.token, { client: { apiRoot: o.telegram.apiRoot } });
    installAutoRetry(this.bot.api);
    // a send that finds the group upgraded to a supergroup moves it, as the upgrade's service message does
    this.gateway = new TelegramGateway(this.bot.api, o.telegram, (from, to) => this.onEvent({ kind: 'moved', chat: to, from }));
    this.wire();
  }

  get waitingToSend(): number {
    return this.gateway.pending;
  }

  describe(): string {
    return `Telegram (@${this.bot.botInfo.username})`;
  }

  /** Checks the token (getMe), then starts long polling; throws StartupError when Telegram refuses or cannot be reached. */
  async start(onEvent: OnEvent): Promise<void> {
    this.onEvent = onEvent;
    // grammY retries a network error forever: the deadline turns an unreachable API into a clear error
    // (grammY types its signals with the abort-controller package's AbortSignal; Node's is the same at run time)
    const deadline = AbortSignal.timeout(this.o.startTimeoutMs ?? 30_000) as unknown as Parameters<Bot['init']>[0] & { aborted: boolean };
    try {
      this.bot.botInfo = await this.getMe(deadline);
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
    this.runner = run(this.bot, {
      runner: { fetch: { timeout: this.o.pollTimeoutSeconds ?? 30, allowed_updates: [...ALLOWED_UPDATES] }, silent: true, maxRetryTime: 365 * 24 * 3600_000 },
    });
    this.runner.task()?.catch((e) => this.log.error({ err: e }, 'Telegram polling stopped'));
    this.log.info({ bot: me.username, apiRoot: this.o.telegram.apiRoot }, 'Telegram bot started');
  }

  /**
   * getMe, retrying a network error until the deadline as grammY's init does, except an answer that retrying does not
   * change: nothing listens at TELEGRAM_API_ROOT (connection refused) or its host does not exist. That is said at once.
   */
  private async getMe(deadline: Parameters<Bot['init']>[0] & { aborted: boolean }) {
    for (let delay = 100; ; delay = Math.min(delay * 2, 5000)) {
      try {
        return await this.bot.api.getMe(deadline);
      } catch (e) {
        if (!(e instanceof HttpError) || DEFINITE_NETWORK_ERRORS.has(networkCode(e) ?? '') || deadline.aborted) throw e;
        await new Promise((r) => setTimeout(r, delay));
        if (deadline.aborted) throw e;
      }
    }
  }

  async stop(): Promise<void> {
    if (this.runner?.isRunning()) await this.runner.stop();
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
      return new StartupError(`Telegram Bot API at ${root} cannot be reached (${networkReason(e)}): check TELEGRAM_API_ROOT and the network`);
    }
    return new StartupError(`Telegram bot could not start: ${(e as Error).message ?? e} (TELEGRAM_API_ROOT ${root})`);
  }

  private wire() {
    const bot = this.bot;
    bot.on('message', (ctx) => {
      this.received++;
      this.onMessage(ctx);
    });
    // "电剃" corrected to "电梯": the new words are read like a message of their own that quotes the first version
    bot.on('edited_message', (ctx) => {
      this.received++;
      const m = ctx.editedMessage;
      if (!isGroupChat(m.chat.type) || !this.self) return;
      const message = toIncomingMessage(m, this.self);
      if (message) this.onEvent({ kind: 'message', chat: String(m.chat.id), message, title: ('title' in m.chat && m.chat.title) || String(m.chat.id) });
    });
    bot.on('my_chat_member', (ctx) => {
      this.received++;
      const chat = ctx.chat;
      if (!isGroupChat(chat.type)) return;
      const id = String(chat.id);
      const title = ('title' in chat && chat.title) || id;
      const now = ctx.myChatMember.new_chat_member;
      const inside = now.status === 'member' || now.status === 'administrator' || now.status === 'creator' || (now.status === 'restricted' && now.is_member);
      // restricted so that it may not send: still there, but nothing it says (a receipt, a broadcast) can go out
      if (inside && now.status === 'restricted' && !now.can_send_messages) this.onEvent({ kind: 'muted', chat: id, title });
      else this.onEvent(inside ? { kind: 'joined', chat: id, title, members: [], self: true } : { kind: 'left', chat: id, members: [], self: true });
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
      if (members.length) this.onEvent({ kind: 'joined', chat: id, title, members, self: false });
      return;
    }
    if (m.left_chat_member) {
      const left = m.left_chat_member;
      if (left.id !== selfId) this.onEvent({ kind: 'left', chat: id, members: [{ externalId: String(left.id) }], self: false });
      return;
    }
    if (m.new_chat_title) {
      this.onEvent({ kind: 'renamed', chat: id, title: m.new_chat_title });
      return;
    }
    // a group upgraded to a supergroup gets a new id: the old chat says where it went, the new one where it came from
    const moved = m.migrate_to_chat_id ? { from: id, to: String(m.migrate_to_chat_id) } : m.migrate_from_chat_id ? { from: String(m.migrate_from_chat_id), to: id } : null;
    if (moved) {
      this.onEvent({ kind: 'moved', chat: moved.to, from: moved.from });
      return;
    }
    const message = toIncomingMessage(m, this.self);
    if (!message) return;
    // with its title: the group is recorded under it, so `linli groups pending` shows a name people know
    this.onEvent({ kind: 'message', chat: id, message, title });
  }
}
