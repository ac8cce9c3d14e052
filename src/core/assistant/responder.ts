// The replies one message causes: in its group, in a ticket's own group, or direct to a person. Each send is keyed
// "<message id>:<n>" so a retried message never repeats one; the outbox masks and delivers them.
import { botPosts } from '../groups/bot-standing.ts';
import { personIsStaff } from '../people/roles.ts';
import { mergedGroups, reportersMention } from '../tickets/merged-tickets.ts';
import { reporterMention } from '../tickets/reporter-mention.ts';
import { appealThread } from '../tickets/appeal-thread.ts';
import type { Platform } from '../messages/incoming-message.ts';
import type { SendOptions } from '../ports/chat-gateway.port.ts';
import type { Logger } from '../ports/logger.port.ts';
import type { Outbox } from '../ports/outbox.port.ts';
import type { IdentityRef, Person } from '../ports/person.repository.ts';
import type { Store } from '../ports/store.port.ts';
import { replies } from '../tickets/replies.ts';
import type { Ticket } from '../tickets/ticket.types.ts';
import type { MessageContext } from './assistant.types.ts';

export interface ResponderDeps {
  store: Store;
  outbox: Outbox;
  /** A person's accounts (staff ones from the router's grid snapshot when there is one). */
  identities: (personId: number) => Promise<IdentityRef[]>;
  logger: Logger;
}

export class Responder {
  constructor(private readonly d: ResponderDeps) {}

  /**
   * Replies in the sender's group, mentioning the sender. Where the bot may not post there (muted), staff get the answer
   * directly instead; a resident is not written to unasked (their reply is skipped with the group's other posts).
   */
  async reply(ctx: MessageContext, text: string, ticket: Ticket | null) {
    if (await this.answerDirectly(ctx)) {
      await this.toSender(ctx, replies.answeredDirectly(ctx.group.title, text), ticket);
      return;
    }
    await this.send(ctx, ctx.msg.groupExternalId, ctx.group.id, text, ticket, {
      mentions: [{ externalId: ctx.msg.sender.externalId, name: ctx.msg.sender.name }],
      replyToExternalId: ctx.msg.externalId,
    });
  }

  /**
   * Posts in the ticket's own group (the resident's), mentioning the reporter, and also confirms to the sender
   * when the command came from elsewhere (a staff group). `quoteSender`: said in that very group, the line quotes
   * the sender's message (their confirmation, while the mention alerts the resident).
   */
  async postToTicketGroup(ctx: MessageContext, ticket: Ticket, text: string, mentionReporter: boolean, quoteSender = false) {
    const group = ticket.groupId ? await this.d.store.groups.findById(ticket.groupId) : null;
    // in the thread of the appeal (a Telegram forum's topic), wherever the command was said
    const thread = group && group.platform === ctx.msg.platform ? await appealThread(this.d.store.messages, ticket, group.id) : {};
    if (!group || group.id === ctx.group.id || group.platform !== ctx.msg.platform) {
      const mentions = mentionReporter ? await this.reporterMention(ctx.msg.platform, ticket) : [];
      await this.send(ctx, ctx.msg.groupExternalId, ctx.group.id, text, ticket, { mentions, ...(quoteSender ? { replyToExternalId: ctx.msg.externalId } : {}), ...thread });
      // said in a group where the bot may not post: the staff member hears that the residents were not told
      if (await this.answerDirectly(ctx)) await this.toSender(ctx, replies.notTold(ctx.group.title, text, ctx.group.muted), ticket);
      return;
    }
    // (the outbox skips it where the bot may not send: the sender hears that the resident was not told)
    await this.send(ctx, group.externalId, group.id, text, ticket, {
      mentions: mentionReporter ? await this.reporterMention(group.platform, ticket) : [],
      ...thread,
    });
    await this.reply(ctx, botPosts(group) ? replies.toldElsewhere(group.title, text) : replies.notTold(group.title, text, group.muted), ticket);
  }

  /**
   * A progress note or the result of a ticket told in the groups of the tickets merged into it (合并重复), once per
   * group, mentioning their reporters: `text` is given those tickets (see replies.mergedProgress, mergedResult). Only
   * groups on the sender's platform.
   */
  async postToMergedGroups(ctx: MessageContext, ticket: Ticket, text: (merged: readonly Ticket[]) => string) {
    for (const [groupId, merged] of await mergedGroups(this.d.store.tickets, ticket)) {
      const group = await this.d.store.groups.findById(groupId);
      if (!group || group.platform !== ctx.msg.platform || group.id === ctx.group.id) continue;
      await this.send(ctx, group.externalId, group.id, text(merged), ticket, { mentions: await reportersMention(this.d.store.people, group.platform, merged) });
    }
  }

  /** The bot may not post in the sender's group and the sender is staff: answers go to them directly. */
  private async answerDirectly(ctx: MessageContext): Promise<boolean> {
    return !botPosts(ctx.group) && (await personIsStaff(this.d.store.people, ctx.sender.id));
  }

  private async toSender(ctx: MessageContext, text: string, ticket: Ticket | null) {
    await this.d.outbox.send({ key: `${ctx.stored.id}:${ctx.sends++}`, platform: ctx.msg.platform, to: { user: ctx.msg.sender.externalId }, text, ticketId: ticket?.id ?? null });
  }

  private reporterMention(platform: Platform, ticket: Ticket): Promise<NonNullable<SendOptions['mentions']>> {
    return reporterMention(this.d.store.people, platform, ticket);
  }

  private async send(ctx: MessageContext, groupExternalId: string, groupId: number, text: string, ticket: Ticket | null, options: SendOptions) {
    await this.d.outbox.send({
      key: `${ctx.stored.id}:${ctx.sends++}`,
      platform: ctx.msg.platform,
      to: { group: groupExternalId, groupId },
      text,
      ticketId: ticket?.id ?? null,
      options,
    });
  }

  async directToPerson(ctx: MessageContext, personId: number, text: string, ticket: Ticket) {
    const person = await this.d.store.people.findById(personId);
    if (person) await this.direct(ctx, person, text, ticket);
  }

  /** A direct message on the same platform, if the person has an account there; otherwise it is logged and skipped. */
  async direct(ctx: MessageContext, person: Person, text: string, ticket: Ticket) {
    const platform = ctx.msg.platform;
    const id = (await this.d.identities(person.id)).find((i) => i.platform === platform);
    if (!id) {
      this.d.logger.warn({ personId: person.id, platform, ticketNo: ticket.number }, 'no account to send a direct message to');
      return;
    }
    await this.d.outbox.send({ key: `${ctx.stored.id}:${ctx.sends++}`, platform, to: { user: id.externalId }, text, ticketId: ticket.id });
  }
}
