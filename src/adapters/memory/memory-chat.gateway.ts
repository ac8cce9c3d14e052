// An in-memory chat platform: keeps what the bot sent per group and per person. Used by unit tests and the
// terminal sandbox; the real platforms (Wechaty, grammY) implement the same ChatGateway port. A test can make it
// refuse a group or a person with a ChatSendError code, as a platform would.
import { randomUUID } from 'node:crypto';
import { ChatSendError, type ChatGateway, type ChatSendErrorCode, type SendOptions } from '../../core/ports/chat-gateway.port.ts';
import type { OutgoingRef, Platform } from '../../core/messages/incoming-message.ts';

export interface SentMessage {
  externalId: string;
  to: { group: string } | { user: string };
  text: string;
  /** The text as it would appear in the chat, mentions rendered as "@name ". */
  rendered: string;
  options: SendOptions;
}

export class MemoryChatGateway implements ChatGateway {
  readonly sent: SentMessage[] = [];
  private seq = 0;
  /** Ids are unique across processes: the outbox records a sent message under (platform, id). */
  private readonly run = randomUUID().slice(0, 8);
  private listeners: ((m: SentMessage) => void)[] = [];
  /** Group or person id → the refusal every send to it gets (e.g. NOT_IN_GROUP for a group the bot left). */
  readonly refusals = new Map<string, ChatSendErrorCode>();

  constructor(readonly platform: Platform = 'WECHAT') {}

  async sendToGroup(groupExternalId: string, text: string, options: SendOptions = {}): Promise<OutgoingRef> {
    this.refuseIfAsked(groupExternalId, `group ${groupExternalId}`);
    const mentions = (options.mentions ?? []).map((m) => `@${m.name} `).join('');
    return this.record({ group: groupExternalId }, text, mentions + text, options);
  }

  async sendDirect(userExternalId: string, text: string): Promise<OutgoingRef> {
    this.refuseIfAsked(userExternalId, `user ${userExternalId}`);
    return this.record({ user: userExternalId }, text, text, {});
  }

  onSend(listener: (m: SentMessage) => void) {
    this.listeners.push(listener);
  }

  inGroup(groupExternalId: string): SentMessage[] {
    return this.sent.filter((m) => 'group' in m.to && m.to.group === groupExternalId);
  }

  toUser(userExternalId: string): SentMessage[] {
    return this.sent.filter((m) => 'user' in m.to && m.to.user === userExternalId);
  }

  private refuseIfAsked(id: string, what: string) {
    const code = this.refusals.get(id);
    if (code) throw new ChatSendError(`the in-memory platform refused to send to ${what} (${code})`, code);
  }

  private record(to: SentMessage['to'], text: string, rendered: string, options: SendOptions): OutgoingRef {
    const m: SentMessage = { externalId: `bot-${this.run}-${++this.seq}`, to, text, rendered, options };
    this.sent.push(m);
    for (const l of this.listeners) l(m);
    return { externalId: m.externalId };
  }
}
