// ChatGateway over grammY's Bot API client: group messages with @mentions as HTML links and replies by message id,
// direct messages, all within Telegram's limits (about 30 messages/s overall, one per second and 20 per minute into a
// group). Sends wait for their turn, never dropped; a 429 is waited out and a 5xx retried (auto-retry), and a refusal
// that retrying cannot change (the bot was removed, the chat is gone, the person blocked the bot) is a ChatSendError.
import { autoRetry } from '@grammyjs/auto-retry';
import { GrammyError, HttpError, type Api } from 'grammy';
import type { OutgoingRef } from '../../core/messages/incoming-message.ts';
import { ChatSendError, type ChatGateway, type SendOptions } from '../../core/ports/chat-gateway.port.ts';
import { SlidingWindowLimiter, type RateWindow } from '../chat/sliding-window-limiter.ts';
import { parseTelegramMessageId, telegramMessageId } from './telegram-message.ts';

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
 */
export function installAutoRetry(api: Api, opts: { maxRetryAttempts?: number; maxDelaySeconds?: number } = {}): void {
  api.config.use(autoRetry({ maxRetryAttempts: opts.maxRetryAttempts ?? 5, maxDelaySeconds: opts.maxDelaySeconds ?? 300, rethrowHttpErrors: true }));
}

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
      return new ChatSendError(toGroup ? `${what}${moved}; the bot is not in this group` : what, toGroup ? 'NOT_IN_GROUP' : 'BLOCKED');
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

  constructor(
    private readonly api: Api,
    limits: TelegramLimits = TELEGRAM_LIMITS,
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
    const reply = options.replyToExternalId ? parseTelegramMessageId(options.replyToExternalId) : null;
    return this.send(groupExternalId, true, text, options.mentions, reply && reply.chatId === groupExternalId ? reply.messageId : undefined, options.beforeSend);
  }

  async sendDirect(userExternalId: string, text: string): Promise<OutgoingRef> {
    return this.send(userExternalId, false, text);
  }

  private async send(chatId: string, toGroup: boolean, text: string, mentions?: SendOptions['mentions'], replyTo?: number, beforeSend?: () => Promise<void>): Promise<OutgoingRef> {
    await this.limiter.acquire(chatId);
    // the send is handed over when the Bot API's limits let it go: a crash while it waited began nothing
    await beforeSend?.();
    try {
      const sent = await this.api.sendMessage(chatId, renderHtml(text, mentions), {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        ...(replyTo !== undefined ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
      });
      return { externalId: telegramMessageId(sent.chat.id, sent.message_id) };
    } catch (e) {
      throw toSendError(e, chatId, toGroup);
    }
  }
}
