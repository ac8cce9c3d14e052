// ChatGateway over Wechaty: group messages with @mentions, direct messages, all paced through one PacedSender per
// account, since WeChat limits the account, not the room.
import { randomUUID } from 'node:crypto';
import type { Wechaty } from 'wechaty';
import type { ChatGateway, SendOptions } from '../../core/ports/chat-gateway.port.ts';
import type { OutgoingRef } from '../../core/messages/incoming-message.ts';
import type { PacedSender } from '../chat/paced-sender.ts';

export class WechatyGateway implements ChatGateway {
  readonly platform = 'WECHAT' as const;

  constructor(
    private readonly bot: Wechaty,
    private readonly sender: PacedSender,
  ) {}

  async sendToGroup(groupExternalId: string, text: string, options: SendOptions = {}): Promise<OutgoingRef> {
    return this.sender.send(async () => {
      const room = await this.bot.Room.find({ id: groupExternalId });
      if (!room) throw new Error(`WeChat room ${groupExternalId} not found (is the bot still in it?)`);
      const mentions = [];
      for (const m of options.mentions ?? []) {
        const c = await this.bot.Contact.find({ id: m.externalId });
        if (c) mentions.push(c);
      }
      const sent = mentions.length ? await room.say(text, ...mentions) : await room.say(text);
      return { externalId: sent?.id ?? `wx-out-${randomUUID()}` };
    });
  }

  async sendDirect(userExternalId: string, text: string): Promise<OutgoingRef> {
    return this.sender.send(async () => {
      const contact = await this.bot.Contact.find({ id: userExternalId });
      if (!contact) throw new Error(`WeChat contact ${userExternalId} not found`);
      const sent = await contact.say(text);
      return { externalId: sent?.id ?? `wx-out-${randomUUID()}` };
    });
  }
}
