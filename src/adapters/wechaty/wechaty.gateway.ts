// ChatGateway over Wechaty: group messages with @mentions, direct messages, all paced through one PacedSender per
// account, since WeChat limits the account, not the room. Every refusal is a ChatSendError: a room the bot is not in
// is NOT_IN_GROUP, an unknown contact BLOCKED, a failed say UNAVAILABLE (retried).
import { randomUUID } from 'node:crypto';
import type { Wechaty } from 'wechaty';
import { ChatSendError, type ChatGateway, type SendOptions } from '../../core/ports/chat-gateway.port.ts';
import type { OutgoingRef } from '../../core/messages/incoming-message.ts';
import type { PacedSender } from '../chat/paced-sender.ts';

/** The puppet failed to say it (a network or protocol error): worth another try. */
function unavailable(e: unknown, to: string): ChatSendError {
  const err = new ChatSendError(`WeChat failed to send to ${to}: ${e instanceof Error ? e.message : String(e)}`, 'UNAVAILABLE');
  err.cause = e;
  return err;
}

export class WechatyGateway implements ChatGateway {
  readonly platform = 'WECHAT' as const;

  constructor(
    private readonly bot: Wechaty,
    private readonly sender: PacedSender,
  ) {}

  async sendToGroup(groupExternalId: string, text: string, options: SendOptions = {}): Promise<OutgoingRef> {
    return this.sender.send(async () => {
      const room = await this.roomWithBot(groupExternalId);
      const mentions = [];
      for (const m of options.mentions ?? []) {
        const c = await this.bot.Contact.find({ id: m.externalId });
        if (c) mentions.push(c);
      }
      try {
        const sent = mentions.length ? await room.say(text, ...mentions) : await room.say(text);
        return { externalId: sent?.id ?? `wx-out-${randomUUID()}` };
      } catch (e) {
        throw unavailable(e, `room ${groupExternalId}`);
      }
    });
  }

  /** The room, if the bot is in it: one the puppet does not know, or whose member list lacks the bot, is NOT_IN_GROUP. */
  private async roomWithBot(id: string) {
    const room = await this.bot.Room.find({ id });
    if (!room) throw new ChatSendError(`WeChat room ${id} not found (is the bot still in it?)`, 'NOT_IN_GROUP');
    // a puppet still finds a room the bot was removed from (its payload is cached); the member list, refreshed on the
    // leave event, tells. A list it cannot give, or an empty one, proves nothing: then the send is tried.
    const members: string[] = await this.bot.puppet.roomMemberList(id).catch(() => []);
    if (members.length > 0 && this.bot.isLoggedIn && !members.includes(this.bot.puppet.currentUserId)) {
      throw new ChatSendError(`WeChat room ${id}: the bot is no longer a member`, 'NOT_IN_GROUP');
    }
    return room;
  }

  async sendDirect(userExternalId: string, text: string): Promise<OutgoingRef> {
    return this.sender.send(async () => {
      const contact = await this.bot.Contact.find({ id: userExternalId });
      if (!contact) throw new ChatSendError(`WeChat contact ${userExternalId} not found`, 'BLOCKED');
      try {
        const sent = await contact.say(text);
        return { externalId: sent?.id ?? `wx-out-${randomUUID()}` };
      } catch (e) {
        throw unavailable(e, `contact ${userExternalId}`);
      }
    });
  }
}
