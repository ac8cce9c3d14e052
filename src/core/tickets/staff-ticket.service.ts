// The ticket service with the staff moves that are not repairs: assigning a ticket to a named worker, merging a
// duplicate into the ticket it repeats, and closing a ticket that became a topic (转议题). Same checks, same event log, same
// bus as every other change (they are TicketService methods, kept here so that file stays readable).
import { DomainError, ErrorCode } from '../errors.ts';
import { mayDo } from '../people/roles.ts';
import type { Person } from '../ports/person.repository.ts';
import { TicketService } from './ticket.service.ts';
import type { Actor } from './ticket.service.types.ts';
import type { Ticket } from './ticket.types.ts';
import { canMove, nextStatus, OPEN_STATUSES } from './transitions.ts';

export class StaffTicketService extends TicketService {
  /**
   * 指派: hands an open ticket to a person who may claim it on its node (a grid worker, a building head …). Dispatching
   * is staff work, so the caller needs the right to transfer. The ticket keeps its state and clock; the new
   * assignee claims it as usual.
   */
  async assign(ticketNo: number, actor: Actor, assigneeId: number, note: string, messageId: number | null): Promise<{ ticket: Ticket; assignee: Person; from: number | null }> {
    const t = await this.authorized('transfer', ticketNo, actor, messageId);
    if (!OPEN_STATUSES.includes(t.status)) {
      throw new DomainError(ErrorCode.IllegalTransition, `cannot assign a ticket in state ${t.status}`, { from: t.status, move: 'assign', ticketNo });
    }
    const assignee = await this.d.people.findById(assigneeId);
    if (!assignee || !mayDo('claim', await this.d.router.rolesOver(assigneeId, t.gridNodeId))) {
      throw new DomainError(ErrorCode.NoAssignee, `person ${assigneeId} cannot take ticket #${ticketNo}: no role over its grid node`, { ticketNo, assigneeId });
    }
    const { ticket } = await this.updated(t.id, t.version, { assigneeId },
      this.event('assigned', actor.personId, messageId, t.status, t.status, note || null, { assigneeId, from: t.assigneeId }));
    return { ticket, assignee, from: t.assigneeId };
  }

  /**
   * 合并重复: ticket `ticketNo` repeats `intoNo`. It is closed as rejected (reason: duplicate, pointing at the other),
   * and the other counts its reporters too. Both must be within the caller's reach.
   */
  async merge(ticketNo: number, intoNo: number, actor: Actor, note: string, messageId: number | null): Promise<{ ticket: Ticket; into: Ticket }> {
    if (ticketNo === intoNo) throw new DomainError(ErrorCode.MalformedCommand, `ticket #${ticketNo} cannot be merged into itself`, { ticketNo, reason: 'MERGE_INTO_ITSELF' });
    const t = await this.authorized('reject', ticketNo, actor, messageId);
    const target = await this.authorized('reject', intoNo, actor, messageId);
    if (!OPEN_STATUSES.includes(target.status)) {
      throw new DomainError(ErrorCode.IllegalTransition, `cannot merge into ticket #${intoNo} in state ${target.status}`, { from: target.status, move: 'merge', ticketNo: intoNo });
    }
    const ticket = await this.move(t, 'reject', actor, messageId, 'rejected', { closedAt: this.d.clock.now(), duplicateOfId: target.id },
      note || `与工单 #${target.number} 重复`, { reason: 'duplicate', mergedInto: target.number });
    const { ticket: into } = await this.updated(target.id, target.version, { reporterCount: target.reporterCount + t.reporterCount },
      this.event('merged', actor.personId, messageId, target.status, target.status, null, { mergedFrom: t.number }));
    return { ticket, into };
  }

  /**
   * 转议题, first half: the ticket is open and the caller may dispatch it (staff over its node; residents and building
   * heads are refused and the refusal is logged). A ticket already turned into a topic passes whatever its state.
   */
  async mayDeliberate(ticketNo: number, actor: Actor, messageId: number | null, alreadyTurned: boolean): Promise<Ticket> {
    const t = await this.authorized('transfer', ticketNo, actor, messageId);
    if (!alreadyTurned) nextStatus(t.status, 'deliberate', ticketNo);
    return t;
  }

  /** 转议题, second half: the ticket is closed with a 'deliberated' event naming the topic (once: a repeat finds it closed). */
  async deliberated(t: Ticket, actor: Actor, topic: { id: number; title: string }, messageId: number | null): Promise<Ticket> {
    const now = await this.get(t.number);
    if (!canMove(now.status, 'deliberate')) return now;
    return this.move(now, 'deliberate', actor, messageId, 'deliberated', { closedAt: this.d.clock.now() }, `转为议题#${topic.id}：${topic.title}`, { topicId: topic.id });
  }
}
