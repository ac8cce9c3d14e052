// The ticket service with the staff's moves beyond a repair's own (claim, progress, resolve): transfer to a
// department, escalate (by a person or by the deadline clock), reject, recategorize, mark complex, supervise, assign
// to a named worker, merge a duplicate, and close a ticket that became a topic (转议题). Same checks, same event log,
// same bus as every other change (TicketService's), kept apart so each file stays readable.
import type { EscalationStep } from '../grid/routing.ts';
import { DomainError, ErrorCode } from '../errors.ts';
import { mayDo } from '../people/roles.ts';
import type { Person } from '../ports/person.repository.ts';
import { dueDates, policyFor } from '../sla/deadlines.ts';
import { stepUp } from '../sla/escalation.ts';
import { CorrectionLearning } from '../triage/correction-learning.ts';
import type { RejectReason } from './commands.ts';
import { TicketService } from './ticket.service.ts';
import type { Actor, TicketServiceDeps } from './ticket.service.types.ts';
import type { Ticket, TicketPatch } from './ticket.types.ts';
import { resolveTransferTarget, transferTargets, type TransferTarget } from './transfer-targets.ts';
import { canMove, IN_HAND, nextStatus, OPEN_STATUSES } from './transitions.ts';

const REJECT_ZH: Record<RejectReason, string> = { not_appeal: '非诉求', duplicate: '重复工单', other: '其他原因' };

export class StaffTicketService extends TicketService {
  /** A rejection as not an appeal, or a new category, teaches triage (the original message becomes an example). */
  private readonly corrections: CorrectionLearning;

  constructor(d: TicketServiceDeps) {
    super(d);
    this.corrections = new CorrectionLearning(d);
  }

  /**
   * 转派: hands the ticket to a department of its line (see transfer-targets.ts), which becomes its assignee with a
   * new clock. A target that names no department, or several, is refused with the valid ones; nothing changes.
   */
  async transfer(ticketNo: number, actor: Actor, target: string, note: string, messageId: number | null): Promise<Ticket> {
    const t = await this.authorized('transfer', ticketNo, actor, messageId);
    const targets = await this.transferTargets(t.gridNodeId);
    const r = resolveTransferTarget(targets, target);
    if (!('found' in r)) {
      throw new DomainError(ErrorCode.UnknownTransferTarget, `no department "${target}" to transfer ticket #${ticketNo} to`, {
        ticketNo, target, field: 'target', known: targets.map((d) => d.name), ambiguous: 'ambiguous' in r ? r.ambiguous.map((d) => d.name) : [],
      });
    }
    const department = r.found;
    return this.move(t, 'transfer', actor, messageId, 'transferred', {
      transferredTo: department.name,
      assigneeId: department.personId,
      ...this.newClock(t),
    }, note || null, {
      target: department.name,
      asked: target,
      departmentPersonId: department.personId,
    });
  }

  /** The departments a ticket on this node may be transferred to: DEPARTMENT holders on the node's line, nearest first. */
  async transferTargets(gridNodeId: number): Promise<TransferTarget[]> {
    const line = (await this.d.router.chain(gridNodeId)).map((n) => n.id).reverse();
    return transferTargets(await this.d.router.holders(line, ['DEPARTMENT']), line);
  }

  /**
   * 吹哨: raises the ticket one step up grid → community → street → department → leader. The level it reaches gets a
   * new clock: accept and resolve due dates counted from now.
   */
  async escalate(ticketNo: number, actor: Actor, reason: string, messageId: number | null): Promise<{ ticket: Ticket; step: EscalationStep | undefined }> {
    const t = await this.authorized('escalate', ticketNo, actor, messageId);
    const chain = await this.d.router.escalationChain(t.gridNodeId);
    const level = t.escalationLevel + 1;
    const step = chain[Math.min(level, chain.length - 1)];
    const ticket = await this.move(t, 'escalate', actor, messageId, 'escalated', {
      escalationLevel: level,
      assigneeId: step?.people[0]?.id ?? t.assigneeId,
      ...this.newClock(t),
    }, reason, {
      level: step?.level ?? null,
      notified: step?.people.map((p) => p.id) ?? [],
    });
    // the level the ticket is at: this message's own step also when it raised the ticket before (handled again)
    return { ticket, step: chain[Math.min(ticket.escalationLevel, chain.length - 1)] };
  }

  /**
   * 超时上报: the deadline clock raises an overdue ticket one step up the chain, with a new clock at that level. No
   * person acts, so there is no authorization (people still go through `escalate`); the event has no actor and
   * carries `data.overdue`. A ticket already escalated and still unclaimed is raised again (ESCALATED stays
   * ESCALATED). At the top of the chain nothing changes and `escalated` is false.
   */
  async escalateOverdue(
    ticketNo: number,
    reason: string,
    overdue: Record<string, unknown>,
  ): Promise<{ ticket: Ticket; step: EscalationStep | undefined; escalated: boolean }> {
    const t = await this.get(ticketNo);
    const { escalated, level, step } = stepUp(await this.d.router.escalationChain(t.gridNodeId), t.escalationLevel);
    if (!escalated) return { ticket: t, step, escalated: false };
    const patch: TicketPatch = { escalationLevel: level, assigneeId: step?.people[0]?.id ?? t.assigneeId, ...this.newClock(t) };
    const data = { level: step?.level ?? null, notified: step?.people.map((p) => p.id) ?? [], overdue };
    const ticket =
      t.status === 'ESCALATED'
        ? (await this.updated(t.id, t.version, patch, this.event('escalated', null, null, t.status, t.status, reason, data))).ticket
        : await this.move(t, 'escalate', null, null, 'escalated', patch, reason, data);
    this.d.logger.warn({ ticketNo: t.number, level: step?.level ?? null, overdue }, 'overdue ticket escalated');
    return { ticket, step, escalated: true };
  }

  async reject(ticketNo: number, actor: Actor, reason: RejectReason, note: string, messageId: number | null): Promise<Ticket> {
    const t = await this.authorized('reject', ticketNo, actor, messageId);
    const rejected = await this.move(t, 'reject', actor, messageId, 'rejected', { closedAt: this.d.clock.now() }, note || REJECT_ZH[reason], { reason });
    if (reason === 'not_appeal') await this.corrections.learn(t, 'chatter', actor.personId);
    return rejected;
  }

  /** 改类: staff put the ticket in another category; the original message becomes a training example. */
  async recategorize(ticketNo: number, actor: Actor, category: string, messageId: number | null): Promise<Ticket> {
    const t = await this.authorized('recategorize', ticketNo, actor, messageId);
    const code = this.corrections.categoryCode(category);
    if (!code) {
      throw new DomainError(ErrorCode.UnknownCategory, `unknown category ${category}`, {
        ticketNo, category, known: Object.values(this.corrections.categories),
      });
    }
    const { ticket, repeat } = await this.updated(t.id, t.version, { category: code },
      this.event('recategorized', actor.personId, messageId, t.status, t.status, null, { from: t.category, to: code }));
    // a repeat (the message handled again) taught triage the first time
    if (!repeat) await this.corrections.learn(t, code, actor.personId);
    return ticket;
  }

  categoryCode(nameOrCode: string): string | undefined {
    return this.corrections.categoryCode(nameOrCode);
  }

  rejectReasonZh(reason: RejectReason): string {
    return REJECT_ZH[reason];
  }

  async markComplex(ticketNo: number, actor: Actor, note: string, messageId: number | null): Promise<Ticket> {
    const t = await this.authorized('complex', ticketNo, actor, messageId);
    if (!['REPORTED', ...IN_HAND].includes(t.status)) {
      throw new DomainError(ErrorCode.IllegalTransition, `cannot mark a ticket in state ${t.status} complex`, { from: t.status, move: 'complex', ticketNo });
    }
    if (t.complex) return t;
    const { resolveDueAt } = dueDates(this.d.calendar, policyFor(this.d.policy, t.category), t.createdAt, t.urgency, true);
    return (await this.updated(t.id, t.version, { complex: true, resolveDueAt },
      this.event('progress', actor.personId, messageId, t.status, t.status, note || '标记为复杂事项', { complex: true }))).ticket;
  }

  async supervise(ticketNo: number, actor: Actor, note: string, messageId: number | null): Promise<Ticket> {
    const t = await this.authorized('supervise', ticketNo, actor, messageId);
    await this.appendOnce(t, this.event('progress', actor.personId, messageId, t.status, t.status, note || '督办', { supervised: true }), true);
    return t;
  }

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
