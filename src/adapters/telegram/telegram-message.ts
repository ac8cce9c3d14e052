// Turns a grammY (Bot API) group message into Linli's IncomingMessage: the one place where Telegram's raw shapes are
// read. Telegram message ids are per chat, so every message id Linli keeps is "<chat id>:<message id>".
import type { Message, MessageEntity, User } from 'grammy/types';
import { editedVersionId, KIND_LABEL_ZH, type IncomingMessage, type MessageKind } from '../../core/messages/incoming-message.ts';

/** Who the bot is (from getMe): mentions and replies to it are recognised by these. */
export interface TelegramSelf {
  id: number;
  username: string;
}

/**
 * Linli's id of a Telegram message: unique across chats; one in a forum topic has the topic's thread id after a "/"
 * (what is said about it goes to that topic); an edited version's has its edit time after a "~".
 */
export const telegramMessageId = (chatId: number | string, messageId: number, editDate?: number, thread?: number) => {
  const id = `${chatId}:${messageId}${thread !== undefined ? `/${thread}` : ''}`;
  return editDate !== undefined ? editedVersionId(id, editDate) : id;
};

/** The forum topic a message is in (its message_thread_id); none for a message outside topics (General included). */
export const topicThread = (m: Pick<Message, 'is_topic_message' | 'message_thread_id'>): number | undefined =>
  m.is_topic_message ? m.message_thread_id : undefined;

/** The chat, message and topic ids of a Linli message id made by telegramMessageId (an edit's: the message's); null for anything else. */
export function parseTelegramMessageId(id: string): { chatId: string; messageId: number; thread?: number } | null {
  const m = /^(-?\d+):(\d+)(?:\/(\d+))?(?:~\d+)?$/.exec(id);
  if (!m) return null;
  return m[3] !== undefined ? { chatId: m[1]!, messageId: Number(m[2]), thread: Number(m[3]) } : { chatId: m[1]!, messageId: Number(m[2]) };
}

export const isGroupChat = (type: string) => type === 'group' || type === 'supergroup';

/** How a person is called: first and last name, else @username, else the id. */
export function displayName(u: Pick<User, 'id' | 'first_name' | 'last_name' | 'username'>): string {
  const name = [u.first_name, u.last_name].filter((x) => x && x.trim()).join(' ').trim();
  return name || (u.username ? `@${u.username}` : String(u.id));
}

/**
 * What people post: words, media, a sticker, a place, a poll … A message with none of these is a service message
 * Telegram adds (members joining, a new title, a pinned message, a boost, a topic hidden, and kinds yet to come): an
 * event, not something said.
 */
const POSTED_FIELDS = [
  'text', 'photo', 'video', 'video_note', 'animation', 'voice', 'audio', 'document', 'paid_media', 'sticker', 'contact',
  'location', 'venue', 'poll', 'dice', 'story', 'checklist', 'game',
] as const;

function kindOf(m: Message): MessageKind {
  if (m.text !== undefined) return 'text';
  if (m.photo) return 'image';
  if (m.video || m.video_note || m.animation) return 'video';
  if (m.voice || m.audio) return 'audio';
  if (m.document) return 'file';
  return 'other';
}

/** Telegram's own commands, which its apps offer every bot ("/start", "/help"): said to the bot, asking how to use it. */
const CLIENT_COMMANDS = new Set(['/start', '/help']);

function mentionsSelf(text: string, entities: MessageEntity[] | undefined, self: TelegramSelf): boolean {
  const handle = `@${self.username}`.toLowerCase();
  for (const e of entities ?? []) {
    if (e.type === 'bot_command' && e.offset === 0) {
      const [command, to] = text.slice(0, e.length).toLowerCase().split('@');
      if (CLIENT_COMMANDS.has(command!) && (to === undefined || `@${to}` === handle)) return true;
    }
    if (e.type === 'mention' && text.slice(e.offset, e.offset + e.length).toLowerCase() === handle) return true;
    if (e.type === 'text_mention' && e.user.id === self.id) return true;
  }
  return false;
}

/**
 * A group message from a person, normalized; null for private chats (not handled, like WeChat direct messages),
 * service messages, the bot's own messages and the linked channel's posts.
 *
 * An edited message (`edit_date`) is a version of its own: its id has the edit time, and it quotes the first version.
 *
 * `mentionsBot` is set by an @mention of the bot only. A reply to the bot is a quote (`quoted.fromBot`), as in WeChat:
 * it makes "收到" a claim and "满意" a rating, but a "谢谢" in reply to a receipt must not open a ticket.
 */
export function toIncomingMessage(m: Message, self: TelegramSelf): IncomingMessage | null {
  if (!isGroupChat(m.chat.type)) return null;
  if (!POSTED_FIELDS.some((f) => (m as unknown as Record<string, unknown>)[f] !== undefined)) return null;
  const from = m.from;
  if (from?.id === self.id) return null;
  // the linked channel's own post, shown in its discussion group: nothing anyone in the group said
  if (m.is_automatic_forward) return null;
  // sent on behalf of a chat (an anonymous admin: the group itself; a channel): that chat speaks, and `from` is a fake
  // sender Telegram puts there for old clients (GroupAnonymousBot, Channel_Bot). Another bot in the group (a captcha,
  // a weather alert) is no resident; a person's message sent via an inline bot (via_bot) is the person's.
  const sender = m.sender_chat
    ? { externalId: String(m.sender_chat.id), name: ('title' in m.sender_chat && m.sender_chat.title) || String(m.sender_chat.id) }
    : from && !from.is_bot
      ? { externalId: String(from.id), name: displayName(from) }
      : null;
  if (!sender) return null;
  // a channel's post forwarded into the group (news, a notice) is not what the resident says, as a WeChat article
  // shared is not: a message of another kind
  const forwardedPost = m.forward_origin?.type === 'channel';
  const kind = forwardedPost ? 'other' : kindOf(m);
  const body = forwardedPost ? undefined : (m.text ?? m.caption);
  const text = kind === 'text' ? (m.text ?? '') : body?.trim() ? body : KIND_LABEL_ZH[kind];
  const msg: IncomingMessage = {
    platform: 'TELEGRAM',
    externalId: telegramMessageId(m.chat.id, m.message_id, undefined, topicThread(m)),
    groupExternalId: String(m.chat.id),
    sender,
    text,
    kind,
    mentionsBot: body !== undefined && mentionsSelf(body, m.entities ?? m.caption_entities, self),
    sentAt: new Date(m.date * 1000),
  };
  const r = m.reply_to_message;
  if (m.edit_date !== undefined) {
    // an edited message is a new version of it, said again: it quotes the version people saw first (its ticket, if any)
    msg.externalId = telegramMessageId(m.chat.id, m.message_id, m.edit_date, topicThread(m));
    msg.quotedExternalId = telegramMessageId(m.chat.id, m.message_id, undefined, topicThread(m));
    return msg;
  }
  // in a forum, every message "replies" to its topic's first message: that is not a quote
  if (r && !(m.is_topic_message && r.message_id === m.message_thread_id)) {
    // a reply within a topic is to a message of that topic
    const sameChat = (r.chat?.id ?? m.chat.id) === m.chat.id;
    msg.quotedExternalId = telegramMessageId(r.chat?.id ?? m.chat.id, r.message_id, undefined, topicThread(r) ?? (sameChat ? topicThread(m) : undefined));
    msg.quoted = { text: r.text ?? r.caption ?? '', fromBot: r.from?.id === self.id };
  }
  return msg;
}
