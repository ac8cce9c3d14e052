// ChatGateway over Wechaty: group messages with @mentions, direct messages, all paced through one PacedSender per
// account, since WeChat limits the account, not the room (each send names its chat, so a chat's sends keep their
// order). Every refusal is a ChatSendError: a room the bot is not in is NOT_IN_GROUP, an unknown contact BLOCKED, a
// failed say UNAVAILABLE (retried).
import { randomUUID } from 'node:crypto';
import type { Wechaty } from 'wechaty';
import { ChatSendError, type ChatGateway, type SendOptions } from '../../core/ports/chat-gateway.port.ts';
import type { OutgoingRef } from '../../core/messages/incoming-message.ts';
import type { PacedSender } from '../chat/paced-sender.ts';

/** Between two @names, as Wechaty's Room.say writes them (U+2005, a four-per-em space). */
const AT_SEPARATOR = '\u2005';

/** The puppet failed to say it (a network or protocol error): worth another try. */
function unavailable(e: unknown, to: string): ChatSendError {
  const err = new ChatSendError(`WeChat failed to send to ${to}: ${e instanceof Error ? e.message : String(e)}`, 'UNAVAILABLE');
  err.cause = e;
  return err;
}

export class WechatyGateway implements ChatGateway {
  readonly platform = 'WECHAT' as const;
  /** A send waits in the account's PacedSender; SendOptions.beforeSend runs when its turn comes. */
  readonly callsBeforeSend = true;

  constructor(
    private readonly bot: Wechaty,
    private readonly sender: PacedSender,
  ) {}

  async sendToGroup(groupExternalId: string, text: string, options: SendOptions = {}): Promise<OutgoingRef> {
    return this.sender.send(async () => {
      await this.checkBotIn(groupExternalId);
      const mentions = [];
      for (const m of options.mentions ?? []) {
        const c = await this.bot.Contact.find({ id: m.externalId });
        if (c) mentions.push(c);
      }
      try {
        // Straight to the puppet: Wechaty's Room.find would first load the payload of every member of the room
        // (hundreds of contacts in a building's group, the first time) and its say() the sent message's payload after.
        // The @names are written as say() writes them: the name in the group, else the WeChat name; then a space.
        const names = await Promise.all(
          mentions.map(async (c) => '@' + ((await this.bot.puppet.roomMemberPayload(groupExternalId, c.id).then((p) => p.roomAlias, () => '')) || c.name())),
        );
        const said = names.length ? `${names.join(AT_SEPARATOR)} ${text}` : text;
        const sent = await this.bot.puppet.messageSendText(groupExternalId, said, mentions.map((c) => c.id));
        return { externalId: sent || `wx-out-${randomUUID()}` };
      } catch (e) {
        throw unavailable(e, `room ${groupExternalId}`);
      }
    }, groupExternalId, options.beforeSend);
  }

  /**
   * Sends only where the bot is: a room the puppet does not know, or whose member list lacks the bot, is NOT_IN_GROUP.
   * The member list first: one that holds the bot proves both (a round trip per copy, not two, in a broadcast to a
   * thousand rooms). A puppet still finds a room the bot was removed from (its payload is cached), so the list, refreshed
   * on the leave event, is what tells; a list it cannot give, or an empty one, proves nothing: then the room's payload
   * says whether the room is known at all, and if it is, the send is tried.
   */
  private async checkBotIn(id: string): Promise<void> {
    const members: string[] = await this.bot.puppet.roomMemberList(id).catch(() => []);
    const me = this.bot.isLoggedIn ? this.bot.puppet.currentUserId : undefined;
    if (me !== undefined && members.includes(me)) return;
    const known = await this.bot.puppet.roomPayload(id).then(
      (p) => Boolean(p?.id),
      () => false,
    );
    if (!known) throw new ChatSendError(`WeChat room ${id} not found (is the bot still in it?)`, 'NOT_IN_GROUP');
    if (members.length > 0 && me !== undefined) throw new ChatSendError(`WeChat room ${id}: the bot is no longer a member`, 'NOT_IN_GROUP');
  }

  async sendDirect(userExternalId: string, text: string): Promise<OutgoingRef> {
    return this.sender.send(async () => {
      const contact = await this.bot.Contact.find({ id: userExternalId });
      if (!contact) throw new ChatSendError(`WeChat contact ${userExternalId} not found`, 'BLOCKED');
      try {
        // to the puppet, as to a group: say() would load the sent message's payload after
        const sent = await this.bot.puppet.messageSendText(contact.id, text);
        return { externalId: sent || `wx-out-${randomUUID()}` };
      } catch (e) {
        throw unavailable(e, `contact ${userExternalId}`);
      }
    }, userExternalId);
  }
}
