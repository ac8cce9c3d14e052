// 转议题: a ticket that needs the residents' decision rather than a repair becomes a topic. Staff over the ticket's node
// open it over that node (or its community), titled by the ticket's summary unless they name one; the topic keeps
// its source ticket, the ticket is closed with a 'deliberated' event naming the topic, and the reporter is told in
// their group. Done twice (a redelivered message, a second click) it finds the topic it made and changes nothing.
import { reporterMention } from '../tickets/reporter-mention.ts';
import { DomainError } from '../errors.ts';
import type { Outbox } from '../ports/outbox.port.ts';
import type { Store } from '../ports/store.port.ts';
import type { StaffTicketService } from '../tickets/staff-ticket.service.ts';
import type { Actor } from '../tickets/ticket.service.types.ts';
import type { Ticket } from '../tickets/ticket.types.ts';
import type { Cause, DeliberationService } from './deliberation.service.ts';
import { topicTexts } from './topic-texts.ts';
import { DEFAULT_WINDOW_HOURS, type Topic } from './topic.types.ts';

export interface TicketToTopicInput {
  title?: string;
  options?: string[];
  /** Over the ticket's community rather than its own node. */
  community?: boolean;
}

export class TicketToTopic {
  constructor(private readonly d: { store: Store; tickets: StaffTicketService; deliberation: DeliberationService; outbox: Outbox }) {}

  async run(ticketNo: number, actor: Actor, input: TicketToTopicInput, cause: Cause | null): Promise<{ topic: Topic; ticket: Ticket; groups: number; fresh: boolean }> {
    const { store, tickets, deliberation } = this.d;
    const found = await tickets.get(ticketNo);
    const earlier = await store.deliberation.findBySourceTicket(found.id);
    const t = await tickets.mayDeliberate(ticketNo, actor, cause?.messageId ?? null, earlier !== null);
    let topic = earlier;
    let groups = 0;
    if (!topic) {
      const here = await deliberation.scopes.of(t.gridNodeId);
      const node = input.community ? await deliberation.scopes.widen(here.node, 'COMMUNITY') : here.node;
      if (!node) throw new DomainError('MALFORMED_COMMAND', 'the ticket has no community above it', { usage: '转议题 #工单号 标题' });
      const opened = await deliberation.open(
        {
          gridNodeId: node.id, title: input.title?.trim() || t.summary, options: input.options ?? [], windowHours: DEFAULT_WINDOW_HOURS,
          rule: 'MAJORITY', quorumPct: null, counting: 'PERSON', createdById: actor.personId, sourceMessageId: null, sourceTicketId: t.id,
        },
        cause,
      );
      ({ topic, groups } = opened);
    } else groups = (await deliberation.scopes.of(topic.gridNodeId)).groups.length;
    const ticket = await tickets.deliberated(t, actor, topic, cause?.messageId ?? null);
    await this.tellReporter(t, topic);
    return { topic, ticket, groups, fresh: earlier === null };
  }

  /** One line in the group the ticket came from (once: the outbox key). */
  private async tellReporter(t: Ticket, topic: Topic): Promise<void> {
    const group = t.groupId ? await this.d.store.groups.findById(t.groupId) : null;
    if (!group) return;
    // the reporter is named, as with any word on their ticket
    const mentions = await reporterMention(this.d.store.people, group.platform, t);
    await this.d.outbox.send({ key: `ticket:${t.id}:deliberated`, platform: group.platform, to: { group: group.externalId, groupId: group.id }, text: topicTexts.ticketToReporter(t.number, topic), ticketId: t.id, options: { mentions } });
  }
}
