// ChatGateway over grammY's Bot API client: group messages with @mentions as HTML links and replies by message id,
// direct messages, all within Telegram's limits (about 30 messages/s overall, one per second and 20 per minute into a
// group). Sends wait for their turn, never dropped; a 429 is waited out and a 5xx retried (auto-retry), and a refusal
// that retrying cannot change (the bot was removed, the chat is gone, the person blocked the bot) is a ChatSendError.
import { AsyncLocalStorage } from 'node:async_hooks';
import { autoRetry } from '@grammyjs/auto-retry';
import { GrammyError, HttpError, type Api, type Transformer } from 'grammy';
import type { OutgoingRef } from '../../core/messages/incoming-message.ts';
import { ChatSendError, type ChatGateway, type SendOptions } from '../../core/ports/chat-gateway.port.ts';
import { SlidingWindowLimiter, type RateWindow } from '../chat/sliding-window-limiter.ts';
import { parseTelegramMessageId, telegramMessageId, topicThread } from './telegram-message.ts';

export interface TelegramLimits {
  /** Messages per second across all chats. */
  globalPerSecond: number;
  /** Messages per minute into one group. */
  groupPerMinute: number;
  /** Minimum gap between two messages into one chat (group or person), in ms. */
  chatIntervalMs: number;
}

export const TELEGRAM_LIMITS: TelegramLimits = { globalPerSecond: 30, groupPerMinute: 20, chatIntervalMs: 1000 };

/**
 * Installs auto-retry on the bot's API client: a 429 is retried after its retry_after, a 5xx with backoff. Network
 * errors are not retried here: the request may have reached Telegram, and sending it again could post it twice.
 * Inside auto-retry, a group send given SendOptions.refused has each 429 end its attempt (endAttemptOnRefusal).
 */
export function installAutoRetry(api: Api, opts: { maxRetryAttempts?: number; maxDelaySeconds?: number } = {}): void {
  // grammY wraps each transformer installed around the ones before it (use() folds them onto the call, the last one
  // outermost): endAttemptOnRefusal, first, sees every request that auto-retry makes, each retry included
  api.config.use(
    endAttemptOnRefusal,
    autoRetry({ maxRetryAttempts: opts.maxRetryAttempts ?? 5, maxDelaySeconds: opts.maxDelaySeconds ?? 300, rethrowHttpErrors: true }),
  );
}

/** A group send under way with SendOptions.refused, as each of its requests sees it. */
interface RefusableSend {
  chatId: string;
  toGroup: boolean;
  beforeSend?: () => Promise<void>;
  refused: NonNullable<SendOptions['refused']>;
  /** Its last request was refused: the next one begins anew. */
  ended: boolean;
}

const refusableSend = new AsyncLocalStorage<RefusableSend>();

/**
 * A 429 means Telegram posted nothing: the send's attempt ends (SendOptions.refused) before auto-retry waits out the
 * retry_after, and begins again (beforeSend) before auto-retry sends it again. A 5xx or a lost connection may have
 * posted it: its retry goes on under the same attempt. Other calls and sends pass through untouched.
 */
const endAttemptOnRefusal: Transformer = async (prev, method, payload, signal) => {
  const send = refusableSend.getStore();
  if (!send || method !== 'sendMessage' || String((payload as { chat_id?: unknown }).chat_id) !== send.chatId) return prev(method, payload, signal);
  if (send.ended) {
    send.ended = false;
    await send.beforeSend?.();
  }
  const res = await prev(method, payload, signal);
  if (!res.ok && res.error_code === 429) {
    send.ended = true;
    const refusal = toSendError(new GrammyError(`Call to '${method}' failed!`, res, method, payload as Record<string, unknown>), send.chatId, send.toGroup);
    await send.refused(refusal as ChatSendError);
  }
  return res;
};

/** Groups and supergroups have negative chat ids; people positive ones. */
const isGroupId = (chatId: string) => chatId.startsWith('-');

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The text as HTML, each mention a link to the person (Telegram shows their name and notifies them). */
export function renderHtml(text: string, mentions: SendOptions['mentions'] = []): string {
  const links = mentions.map((m) =>
    /^\d+$/.test(m.externalId) ? `<a href="tg://user?id=${m.externalId}">${escapeHtml(m.name)}</a>` : escapeHtml(`@${m.name}`),
  );
  return (links.length ? links.join(' ') + ' ' : '') + escapeHtml(text);
}

/** A Bot API refusal or an unreachable API as a ChatSendError naming the chat and Telegram's own words; other errors unchanged. */
export function toSendError(e: unknown, chatId: string, toGroup: boolean): unknown {
  if (e instanceof GrammyError) {
    const what = `Telegram refused to send to ${toGroup ? 'group' : 'user'} ${chatId}: ${e.description} (${e.error_code})`;
    const d = e.description.toLowerCase();
    if (e.error_code === 403) {
      // kicked, not a member, blocked by the user, cannot initiate a conversation, deactivated user
      return new ChatSendError(toGroup ? `${what}; the bot is not in this group` : what, toGroup ? 'NOT_IN_GROUP' : 'BLOCKED');
    }
    if (e.error_code === 400 && /chat not found|not a member|was kicked|upgraded to a supergroup|peer_id_invalid|chat_write_forbidden|have no rights|not enough rights/.test(d)) {
      const moved = e.parameters.migrate_to_chat_id ? `; it is now ${e.parameters.migrate_to_chat_id}` : '';
      // still a member, but muted or in a group where only admins may post
      const why = /chat_write_forbidden|have no rights|not enough rights/.test(d) ? 'the bot may not send messages in this group' : 'the bot is not in this group';
      return new ChatSendError(toGroup ? `${what}${moved}; ${why}` : what, toGroup ? 'NOT_IN_GROUP' : 'BLOCKED');
    }
    if (e.error_code === 400 || e.error_code === 401 || e.error_code === 404) return new ChatSendError(what, 'REJECTED');
    if (e.error_code === 429) return new ChatSendError(what, 'RATE_LIMITED'); // beyond auto-retry's patience
    return new ChatSendError(what, 'UNAVAILABLE'); // 5xx after auto-retry's retries
  }
  if (e instanceof HttpError) return new ChatSendError(`Telegram API unreachable while sending to ${chatId}: ${e.message}`, 'UNAVAILABLE');
  return e;
}

export class TelegramGateway implements ChatGateway {
  readonly platform = 'TELEGRAM' as const;
  /** A send waits for the Bot API's limits (the limiter); SendOptions.beforeSend runs when they let it go. */
  readonly callsBeforeSend = true;
  readonly limiter: SlidingWindowLimiter;
  /** Groups Telegram said were upgraded to a supergroup (old id → new id), while the store follows. */
  private readonly movedTo = new Map<string, string>();

  constructor(
    private readonly api: Api,
    limits: TelegramLimits = TELEGRAM_LIMITS,
    /** Told when a send finds a group upgraded to a supergroup (Telegram's migrate_to_chat_id): the group has a new id. */
    private readonly onMoved?: (from: string, to: string) => void,
  ) {
    const perChat: RateWindow[] = limits.chatIntervalMs > 0 ? [{ max: 1, durationMs: limits.chatIntervalMs }] : [];
    const perGroup: RateWindow[] = [...perChat, { max: limits.groupPerMinute, durationMs: 60_000 }];
    this.limiter = new SlidingWindowLimiter({
      global: [{ max: limits.globalPerSecond, durationMs: 1000 }],
      perKey: (chatId) => (isGroupId(chatId) ? perGroup : perChat),
    });
  }

  /** Sends waiting for their turn. */
  get pending(): number {
    return this.limiter.pending;
  }

  async sendToGroup(groupExternalId: string, text: string, options: SendOptions = {}): Promise<OutgoingRef> {
    const chatId = this.movedTo.get(groupExternalId) ?? groupExternalId;
    const reply = options.replyToExternalId ? parseTelegramMessageId(options.replyToExternalId) : null;
    const about = options.threadOf ? parseTelegramMessageId(options.threadOf) : null;
    // a forum's topic: the one of the message the post is about, else of the message it replies to
    const thread = about && about.chatId === chatId ? about.thread : reply && reply.chatId === chatId ? reply.thread : undefined;
    const replyTo = reply && reply.chatId === chatId && reply.thread === thread ? reply.messageId : undefined;
    try {
      return await this.send(chatId, true, text, options.mentions, replyTo, options, thread);
    } catch (e) {
      if (!(e instanceof Retarget)) throw e;
      if (e.to) {
        // "group chat was upgraded to a supergroup chat": the group lives on under its new id, where the message goes
        // once (the old chat's message ids and topics mean nothing there)
        this.movedTo.set(groupExternalId, e.to);
        this.onMoved?.(chatId, e.to);
      }
      // nothing was posted: the attempt ends (SendOptions.refused), and beforeSend runs again only after that
      if (options.refused) await options.refused(e.refusal);
      const again = options.refused ? options : { mentions: options.mentions };
      // a topic deleted or closed since: said in the group's General topic rather than nowhere
      return this.send(e.to ?? chatId, true, text, options.mentions, undefined, again).catch((second: unknown) => {
        throw second instanceof Retarget ? second.refusal : second;
      });
    }
  }

  async sendDirect(userExternalId: string, text: string): Promise<OutgoingRef> {
    return this.send(userExternalId, false, text);
  }

  private async send(chatId: string, toGroup: boolean, text: string, mentions?: SendOptions['mentions'], replyTo?: number, hooks: Pick<SendOptions, 'beforeSend' | 'refused'> = {}, thread?: number): Promise<OutgoingRef> {
    const { beforeSend, refused } = hooks;
    await this.limiter.acquire(chatId);
    // the send is handed over when the Bot API's limits let it go: a crash while it waited began nothing
    await beforeSend?.();
    try {
      const request = () =>
        this.api.sendMessage(chatId, renderHtml(text, mentions), {
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
          ...(thread !== undefined ? { message_thread_id: thread } : {}),
          ...(replyTo !== undefined ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
        });
      // a 429 ends the attempt before auto-retry waits, and the re-send begins anew (endAttemptOnRefusal)
      const sent = await (refused ? refusableSend.run({ chatId, toGroup, beforeSend, refused, ended: false }, request) : request());
      return { externalId: telegramMessageId(sent.chat.id, sent.message_id, undefined, topicThread(sent)) };
    } catch (e) {
      const refusal = toSendError(e, chatId, toGroup);
      if (!(e instanceof GrammyError) || !toGroup) throw refusal;
      const to = e.parameters.migrate_to_chat_id;
      if (to !== undefined && String(to) !== chatId) throw new Retarget(refusal as ChatSendError, String(to));
      if (thread !== undefined && e.error_code === 400 && TOPIC_GONE.test(e.description)) throw new Retarget(refusal as ChatSendError);
      throw refusal;
    }
  }
}

/** Telegram's words for a forum topic that was deleted or closed. */
const TOPIC_GONE = /thread not found|topic_closed|topic_deleted|topic_id_invalid/i;

/**
 * A group send refused for certain, nothing posted, that goes elsewhere instead: to the group's new id (`to`: it was
 * upgraded to a supergroup), or out of a forum topic that is gone; `refusal` is the refusal as a ChatSendError.
 */
class Retarget extends Error {
  constructor(readonly refusal: ChatSendError, readonly to?: string) {
    super(refusal.message);
  }
}
