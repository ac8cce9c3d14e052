// A fake Telegram Bot API on node:http, for the real grammY bot to talk to: getMe, deleteWebhook, getUpdates (offset,
// long poll), sendMessage (recorded with its arrival time), getChat, leaveChat. Tests push updates as people would
// cause them, and can make a send fail with a 429 (retry_after), a 502, a 403, a 400 "chat not found" or a 400 "group chat
// was upgraded to a supergroup chat" (with migrate_to_chat_id) for a chosen chat.
import { createServer, type IncomingMessage as HttpRequest, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Chat, Message, Update, User } from 'grammy/types';

export interface SentRecord {
  method: 'sendMessage';
  chatId: string;
  text: string;
  parseMode?: string;
  replyTo?: { message_id: number; allow_sending_without_reply?: boolean };
  /** The message_thread_id the request named, if any. */
  threadParam?: number;
  /** The forum topic the message landed in (undefined: the chat itself, a forum's General topic): the one named, else
   *  the topic of the message it replies to, as Telegram does. */
  thread?: number;
  /** Date.now() when the request arrived. */
  at: number;
  messageId: number;
}

export interface FakeUser {
  id: number;
  name: string;
  username?: string;
}

type ApiResult = { ok: true; result: unknown } | { ok: false; error_code: number; description: string; parameters?: Record<string, unknown> };

interface Poll {
  offset: number;
  limit: number;
  respond: (updates: Update[]) => void;
}

export class FakeTelegram {
  readonly token: string;
  readonly bot: User & { username: string };
  /** Every accepted send, in arrival order. */
  readonly sent: SentRecord[] = [];
  /** Every API call by method name (refused ones too). */
  readonly calls: { method: string; payload: Record<string, unknown>; at: number }[] = [];
  /** Chats whose sends are refused with 403 (a group: the bot was kicked; a person: they blocked the bot). */
  readonly forbidden = new Set<string>();
  /** Chats Telegram does not know: sends are refused with 400 "chat not found". */
  readonly missing = new Set<string>();
  /** Groups where the bot may not write (muted, or only admins may post): sends are refused with 400 "not enough rights". */
  readonly muted = new Set<string>();
  /** Groups upgraded to a supergroup (old id → new id): sends to the old id are refused with 400 and migrate_to_chat_id. */
  readonly migrated = new Map<string, string>();
  /** The next N sends to a chat (or to any chat under '*') answer 429 with retry_after seconds. */
  private readonly tooMany = new Map<string, { left: number; retryAfter: number }>();
  /** The next N sends to a chat answer 502 Bad Gateway. */
  private readonly broken = new Map<string, number>();
  private readonly queue: Update[] = [];
  private readonly polls: Poll[] = [];
  private readonly messageIds = new Map<string, number>();
  /** The forum topic of each message in one ("<chat>:<message_id>" → message_thread_id). */
  private readonly threads = new Map<string, number>();
  /** Forum topics deleted ("<chat>:<thread>"): sends into them are refused with 400 "message thread not found". */
  readonly deletedThreads = new Set<string>();
  private readonly chats = new Map<string, Chat>();
  private nextUpdateId = 1;
  /** Updates pushed so far. */
  pushed = 0;
  /** Highest update id the client has confirmed (asked for a later offset). */
  confirmed = 0;
  private server?: Server;
  private readonly sockets = new Set<import('node:net').Socket>();
  url = '';

  constructor(opts: { token?: string; botId?: number; username?: string; privacy?: boolean } = {}) {
    this.token = opts.token ?? '123456:TEST-token';
    this.bot = { id: opts.botId ?? 7_770_001, is_bot: true, first_name: '邻里助手', username: opts.username ?? 'linli_test_bot' };
    this.privacy = opts.privacy ?? false;
  }

  private readonly privacy: boolean;

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.route(req, res));
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async close(): Promise<void> {
    for (const p of this.polls.splice(0)) p.respond([]);
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  // ── what people do ───────────────────────────────────────────────────────────────────────────────────────────

  /** A group (negative id) the fake knows, with its title; a forum has topics (see inTopic). */
  group(id: number | string, title: string, opts: { forum?: boolean } = {}): Chat.SupergroupChat {
    const chat: Chat.SupergroupChat = { id: Number(id), type: 'supergroup', title, ...(opts.forum ? { is_forum: true as const } : {}) };
    this.chats.set(String(id), chat);
    return chat;
  }

  /** Queues an update for getUpdates; returns its update_id. */
  push(update: Omit<Update, 'update_id'>): number {
    const u = { ...update, update_id: this.nextUpdateId++ } as Update;
    this.queue.push(u);
    this.pushed++;
    this.flush();
    return u.update_id;
  }

  /** A person's message in a group; returns the message (its id is "<chat>:<message_id>" in Linli). */
  say(chatId: number | string, from: FakeUser, text: string, extra: Partial<Message> = {}): Message {
    const m = this.message(chatId, from, { text, ...extra });
    this.push({ message: m } as Update);
    return m;
  }

  /** A reply (quote) to a message, e.g. one the bot sent (see lastSentTo); in a forum, `thread` is its topic. */
  reply(chatId: number | string, from: FakeUser, text: string, to: { messageId: number; fromBot?: boolean; text?: string; thread?: number }): Message {
    const inTopic = to.thread !== undefined ? { message_thread_id: to.thread, is_topic_message: true } : {};
    const replied = {
      message_id: to.messageId,
      date: Math.floor(Date.now() / 1000),
      chat: this.chat(chatId),
      from: to.fromBot === false ? undefined : this.bot,
      text: to.text ?? '',
      ...inTopic,
    } as Message;
    return this.say(chatId, from, text, { reply_to_message: replied, ...inTopic } as Partial<Message>);
  }

  /**
   * The bot's own membership changed (added: 'member'; removed: 'kicked' or 'left'; 'restricted': still a member, and
   * may send messages or not as `canSend` says). `from`: the status before (default: out for 'member' and
   * 'administrator', a member otherwise).
   */
  botMembership(chatId: number | string, status: 'member' | 'administrator' | 'left' | 'kicked' | 'restricted', by: FakeUser, opts: { canSend?: boolean; from?: 'member' | 'restricted' | 'left' } = {}): number {
    const old = opts.from ?? (status === 'member' || status === 'administrator' ? 'left' : 'member');
    const restricted = { is_member: true, can_send_messages: opts.canSend ?? false, can_send_audios: false, can_send_documents: false, can_send_photos: false, can_send_videos: false, can_send_video_notes: false, can_send_voice_notes: false, can_send_polls: false, can_send_other_messages: false, can_add_web_page_previews: false, can_change_info: false, can_invite_users: false, can_pin_messages: false, can_manage_topics: false, until_date: 0 };
    const member = (s: string) => ({ status: s, user: this.bot, ...(s === 'restricted' ? restricted : {}) });
    return this.push({
      my_chat_member: {
        chat: this.chat(chatId),
        from: this.user(by),
        date: Math.floor(Date.now() / 1000),
        old_chat_member: member(old) as never,
        new_chat_member: member(status) as never,
      },
    } as unknown as Update);
  }

  message(chatId: number | string, from: FakeUser, fields: Partial<Message>): Message {
    const key = String(chatId);
    const id = (this.messageIds.get(key) ?? 0) + 1;
    this.messageIds.set(key, id);
    if (fields.is_topic_message && fields.message_thread_id !== undefined) this.threads.set(`${key}:${id}`, fields.message_thread_id);
    return { message_id: id, date: Math.floor(Date.now() / 1000), chat: this.chat(chatId), from: this.user(from), ...fields } as Message;
  }

  /**
   * The fields of a message in forum topic `thread` of a forum chat, as Telegram gives them: the thread id, and a
   * reply to the topic's first message (the topic's creation, whose id is the thread id) unless it replies to another.
   */
  inTopic(chatId: number | string, thread: number, replyTo?: Message): Partial<Message> {
    const root = { message_id: thread, date: Math.floor(Date.now() / 1000), chat: this.chat(chatId), forum_topic_created: { name: `话题 ${thread}`, icon_color: 0 } } as unknown as Message;
    return { message_thread_id: thread, is_topic_message: true, reply_to_message: (replyTo ?? root) as Message['reply_to_message'] } as Partial<Message>;
  }

  user(u: FakeUser): User {
    return { id: u.id, is_bot: false, first_name: u.name, ...(u.username ? { username: u.username } : {}) };
  }

  /** The next `times` sends to `chatId` ('*' = any chat) answer 429 Too Many Requests with this retry_after. */
  failWith429(chatId: string, retryAfterSeconds: number, times = 1) {
    this.tooMany.set(chatId, { left: times, retryAfter: retryAfterSeconds });
  }

  /** The next `times` sends to `chatId` answer 502 Bad Gateway (Telegram failed on its side). */
  failWith502(chatId: string, times = 1) {
    this.broken.set(chatId, times);
  }

  sentTo(chatId: number | string): SentRecord[] {
    return this.sent.filter((s) => s.chatId === String(chatId));
  }

  lastSentTo(chatId: number | string): SentRecord | undefined {
    return this.sentTo(chatId).at(-1);
  }

  /** The text as a person reads it: the HTML of mentions removed, entities decoded. */
  static plain(html: string): string {
    return html.replace(/<a href="tg:\/\/user\?id=\d+">([^<]*)<\/a>/g, '@$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  }

  // ── the API ──────────────────────────────────────────────────────────────────────────────────────────────────

  private chat(chatId: number | string): Chat {
    return this.chats.get(String(chatId)) ?? this.group(chatId, `群 ${chatId}`);
  }

  private flush() {
    while (this.polls.length && this.queue.length) {
      const p = this.polls.shift()!;
      p.respond(this.pending(p.offset, p.limit));
    }
  }

  private pending(offset: number, limit: number): Update[] {
    return this.queue.filter((u) => u.update_id >= offset).slice(0, limit);
  }

  private async route(req: HttpRequest, res: ServerResponse) {
    const m = /^\/bot([^/]+)\/(\w+)$/.exec(req.url?.split('?')[0] ?? '');
    const body = await new Promise<string>((resolve) => {
      let b = '';
      req.on('data', (d) => (b += d));
      req.on('end', () => resolve(b));
    });
    const answer = (r: ApiResult) => {
      if (res.writableEnded || res.destroyed) return;
      res.writeHead(r.ok ? 200 : r.error_code, { 'content-type': 'application/json' });
      res.end(JSON.stringify(r));
    };
    if (!m) return answer({ ok: false, error_code: 404, description: 'Not Found' });
    if (m[1] !== this.token) return answer({ ok: false, error_code: 401, description: 'Unauthorized' });
    const method = m[2]!;
    let payload: Record<string, unknown> = {};
    try {
      payload = body ? (JSON.parse(body) as Record<string, unknown>) : {};
    } catch {
      return answer({ ok: false, error_code: 400, description: 'Bad Request: the fake accepts JSON bodies only' });
    }
    const at = Date.now();
    this.calls.push({ method, payload, at });
    switch (method) {
      case 'getMe':
        return answer({ ok: true, result: { ...this.bot, can_join_groups: true, can_read_all_group_messages: !this.privacy, supports_inline_queries: false } });
      case 'deleteWebhook':
      case 'leaveChat':
        return answer({ ok: true, result: true });
      case 'getChat':
        return answer({ ok: true, result: this.chat(String(payload.chat_id)) });
      case 'getUpdates':
        return this.getUpdates(payload, res, answer);
      case 'sendMessage':
        return answer(this.sendMessage(payload, at));
      default:
        return answer({ ok: false, error_code: 404, description: `Not Found: method ${method} is not faked` });
    }
  }

  private getUpdates(payload: Record<string, unknown>, res: ServerResponse, answer: (r: ApiResult) => void) {
    const offset = Number(payload.offset ?? 0);
    const limit = Number(payload.limit ?? 100);
    const timeout = Number(payload.timeout ?? 0);
    // an offset confirms every earlier update: it is dropped
    if (offset > 0) {
      this.confirmed = Math.max(this.confirmed, offset - 1);
      for (let i = this.queue.length - 1; i >= 0; i--) if (this.queue[i]!.update_id < offset) this.queue.splice(i, 1);
    }
    const ready = this.pending(offset, limit);
    if (ready.length || timeout <= 0) return answer({ ok: true, result: ready });
    let done = false;
    const poll: Poll = {
      offset,
      limit,
      respond: (updates) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        answer({ ok: true, result: updates });
      },
    };
    const timer = setTimeout(() => {
      this.polls.splice(this.polls.indexOf(poll), 1);
      poll.respond([]);
    }, timeout * 1000);
    // the client gave up (the runner stopped): nothing to answer
    res.once('close', () => {
      const i = this.polls.indexOf(poll);
      if (i >= 0) this.polls.splice(i, 1);
      done = true;
      clearTimeout(timer);
    });
    this.polls.push(poll);
  }

  private sendMessage(p: Record<string, unknown>, at: number): ApiResult {
    const chatId = String(p.chat_id);
    if (this.forbidden.has(chatId)) {
      return { ok: false, error_code: 403, description: chatId.startsWith('-') ? 'Forbidden: bot was kicked from the group chat' : 'Forbidden: bot was blocked by the user' };
    }
    if (this.missing.has(chatId)) return { ok: false, error_code: 400, description: 'Bad Request: chat not found' };
    if (this.muted.has(chatId)) return { ok: false, error_code: 400, description: 'Bad Request: not enough rights to send text messages to the chat' };
    const upgraded = this.migrated.get(chatId);
    if (upgraded) {
      return { ok: false, error_code: 400, description: 'Bad Request: group chat was upgraded to a supergroup chat', parameters: { migrate_to_chat_id: Number(upgraded) } };
    }
    const broken = this.broken.get(chatId) ?? 0;
    if (broken > 0) {
      if (broken === 1) this.broken.delete(chatId);
      else this.broken.set(chatId, broken - 1);
      return { ok: false, error_code: 502, description: 'Bad Gateway' };
    }
    for (const key of [chatId, '*']) {
      const t = this.tooMany.get(key);
      if (t && t.left > 0) {
        t.left--;
        if (t.left === 0) this.tooMany.delete(key);
        return { ok: false, error_code: 429, description: `Too Many Requests: retry after ${t.retryAfter}`, parameters: { retry_after: t.retryAfter } };
      }
    }
    if (typeof p.text !== 'string' || p.text === '') return { ok: false, error_code: 400, description: 'Bad Request: message text is empty' };
    const threadParam = typeof p.message_thread_id === 'number' ? p.message_thread_id : undefined;
    const forum = (this.chats.get(chatId) as Chat.SupergroupChat | undefined)?.is_forum === true;
    if (threadParam !== undefined && (!forum || this.deletedThreads.has(`${chatId}:${threadParam}`))) return { ok: false, error_code: 400, description: 'Bad Request: message thread not found' };
    const replied = (p.reply_parameters as { message_id?: number } | undefined)?.message_id;
    const thread = forum ? (threadParam ?? (replied !== undefined ? this.threads.get(`${chatId}:${replied}`) : undefined)) : undefined;
    const id = (this.messageIds.get(chatId) ?? 0) + 1;
    this.messageIds.set(chatId, id);
    if (thread !== undefined) this.threads.set(`${chatId}:${id}`, thread);
    const record: SentRecord = {
      method: 'sendMessage',
      chatId,
      text: p.text,
      parseMode: typeof p.parse_mode === 'string' ? p.parse_mode : undefined,
      replyTo: p.reply_parameters as SentRecord['replyTo'],
      threadParam,
      thread,
      at,
      messageId: id,
    };
    this.sent.push(record);
    const chat = chatId.startsWith('-') ? this.chat(chatId) : ({ id: Number(chatId), type: 'private', first_name: chatId } as Chat);
    const inTopic = thread !== undefined ? { message_thread_id: thread, is_topic_message: true } : {};
    return { ok: true, result: { message_id: id, date: Math.floor(at / 1000), chat, from: this.bot, text: p.text, ...inTopic } };
  }
}
