// The ticket lifecycle (接诉即办): report, claim, progress, resolve, rate, query, and the checks that guard them; the
// staff's other moves (transfer, escalate, reject, recategorize…) are StaffTicketService's. Platform-independent: it speaks to the store through ports and returns what happened; the
// assistant turns that into chat messages.
import { DomainError, ErrorCode, RefusedDataError } from '../errors.ts';
import { ACTION_ZH, isStaff, mayDo, refusalOf, type Action, type Role } from '../people/roles.ts';
import type { Person } from '../ports/person.repository.ts';
import type { TicketWrite } from '../ports/ticket.repository.ts';
import { GroupCommit } from '../util/group-commit.ts';
import { dueDates, policyFor } from '../sla/deadlines.ts';
import type { Place } from './ticket.types.ts';
import { DuplicateFinder } from './duplicate-finder.ts';
import { heldByOther, resolveKeepsHolder } from './ticket-holding.ts';
import { ticketVisibleTo } from './ticket-visibility.ts';
import type { Actor, ClaimedFirst, ReportInput, TicketServiceDeps } from './ticket.service.types.ts';
import { ticketUrgency, URGENCY_RANK, type NewTicket, type NewTicketEvent, type Satisfaction, type Ticket, type TicketEvent, type TicketEventType, type TicketPatch, type TicketStatus } from './ticket.types.ts';
import { canMove, IN_HAND, nextStatus, OPEN_STATUSES, type TicketMove } from './transitions.ts';

// the service's types live beside it; re-exported so its callers keep importing them from here
export type { Actor, ClaimedFirst, ReportInput, TicketChangeListener, TicketServiceDeps } from './ticket.service.types.ts';

/** A claim or a result records the deadline it met or missed: the statistics judge it by this (core/stats/tally.ts). */
const dueData = (due: Date | null) => ({ dueAt: due?.toISOString() ?? null });
/** A claim records, beside its deadline, who held the ticket before and since when: what taking it back restores. */
const claimData = (t: Ticket) => ({ ...dueData(t.acceptDueAt), before: { assigneeId: t.assigneeId, acceptedAt: t.acceptedAt?.toISOString() ?? null } });

export class TicketService {
  private readonly duplicates: DuplicateFinder;

  /**
   * Appeals handled at the same time (the groups of one batch side by side) share their statements: their tickets
   * are one insert. A ticket the store refuses is set apart and fails alone.
   */
  private readonly creating: GroupCommit<{ ticket: NewTicket; event: NewTicketEvent }, TicketWrite>;

  constructor(protected readonly d: TicketServiceDeps) {
    this.duplicates = new DuplicateFinder(d);
    this.creating = new GroupCommit((items) => d.tickets.createManyOnce(items), {
      itemError: (e) => e instanceof RefusedDataError,
      // tickets opened together are numbered in the order their messages came (a stored message's id), not in the order
      // their handling happened to reach this point
      order: (a, b) => (a.event.messageId ?? Number.MAX_SAFE_INTEGER) - (b.event.messageId ?? Number.MAX_SAFE_INTEGER),
    });
  }

  /** An open ticket for the same problem nearby, which a new appeal joins (see DuplicateFinder). */
  findDuplicateOf(gridNodeId: number, groupId: number | null, text: string, place: Place, category?: string): Promise<Ticket | null> {
    return this.duplicates.find(gridNodeId, groupId, text, place, category);
  }

  /** The grid node a place names near `gridNodeId` ("21号楼" of the community), or null (see GridRouter.nodeForPlace). */
  nodeForPlace(gridNodeId: number, place: Place) {
    return this.d.router.nodeForPlace(gridNodeId, place);
  }

  /**
   * Opens a ticket for an appeal, dispatched to the on-duty grid worker of the group's node. The same message
   * handled again (after a crash) gets the ticket it opened, with the worker it went to.
   */
  async report(input: ReportInput): Promise<{ ticket: Ticket; assignee: Person | null }> {
    const now = this.d.clock.now();
    const urgency = ticketUrgency(input.triage.urgency);
    const assignee = await this.d.router.onDutyWorker(input.gridNodeId);
    const { ticket, repeat } = await this.created(
      {
        category: input.triage.category,
        summary: input.triage.summary,
        place: input.triage.place,
        urgency,
        groupId: input.groupId,
        gridNodeId: input.gridNodeId,
        reporterId: input.reporter.id,
        assigneeId: assignee?.id ?? null,
        createdAt: now,
        // the message is linked to the ticket of its first problem only (a message names one ticket)
        sourceMessageId: input.part ? null : input.messageId,
        ...dueDates(this.d.calendar, policyFor(this.d.policy, input.triage.category), now, urgency),
      },
      {
        ...this.event('reported', input.reporter.id, input.messageId, null, 'REPORTED', null, {
          explicit: input.explicit,
          triage: { source: input.triage.source, confidence: input.triage.confidence, category: input.triage.category },
          dispatchedTo: assignee?.id ?? null,
        }, now),
        ...(input.part ? { part: input.part } : {}),
      },
    );
    if (repeat) return { ticket, assignee: ticket.assigneeId ? await this.d.people.findById(ticket.assigneeId) : null };
    this.d.logger.info({ ticketNo: ticket.number, category: ticket.category, assignee: assignee?.id ?? null }, 'ticket reported');
    return { ticket, assignee };
  }

  async get(ticketNo: number): Promise<Ticket> {
    const t = await this.d.tickets.findByNumber(ticketNo);
    if (!t) throw new DomainError(ErrorCode.TicketNotFound, `ticket #${ticketNo} not found`, { ticketNo });
    return t;
  }

  /** Whether the person may claim ticket #no now (it exists, waits to be claimed, and is on a grid they work). */
  async mayClaim(ticketNo: number, personId: number): Promise<boolean> {
    const t = await this.d.tickets.findByNumber(ticketNo);
    return t !== null && canMove(t.status, 'claim') && mayDo('claim', await this.d.router.rolesOver(personId, t.gridNodeId));
  }

  async claim(ticketNo: number, actor: Actor, messageId: number | null): Promise<Ticket> {
    const t = await this.authorized('claim', ticketNo, actor, messageId);
    // claiming one's own ticket again: told so, not that the ticket cannot be claimed (a retry of this claim passes)
    if (t.status === 'ACCEPTED' && t.assigneeId === actor.personId && !(await this.causedBefore(messageId, 'claimed'))) {
      throw new DomainError(ErrorCode.IllegalTransition, `ticket #${ticketNo} is already claimed by person ${actor.personId}`, { from: t.status, move: 'claim', ticketNo, yours: true });
    }
    return this.move(t, 'claim', actor, messageId, 'claimed', { assigneeId: actor.personId, acceptedAt: this.d.clock.now() }, null, claimData(t));
  }

  /**
   * Takes back a claim a message made (it was edited to name another ticket: see EditedCommands): the ticket waits to
   * be claimed again, held by whom it was before, with one `unclaimed` event caused by `messageId`. Only while that
   * claim is still the last thing that happened on the ticket (a query changes nothing); else, and for a claim made on
   * a holder's behalf, null: the ticket stays as it is.
   */
  async withdrawClaim(claim: TicketEvent, actor: Actor, messageId: number): Promise<Ticket | null> {
    const t = await this.d.tickets.findById(claim.ticketId);
    const before = claim.data?.before as { assigneeId: number | null; acceptedAt: string | null } | undefined;
    if (!t || t.status !== 'ACCEPTED' || !claim.fromStatus || !before || t.assigneeId !== actor.personId) return null;
    if ((await this.d.tickets.events(t.id)).some((e) => e.id > claim.id && e.type !== 'queried')) return null;
    const patch: TicketPatch = { status: claim.fromStatus, assigneeId: before.assigneeId, acceptedAt: before.acceptedAt ? new Date(before.acceptedAt) : null };
    const data = { claimEventId: claim.id, claimedAt: claim.at.toISOString(), dueAt: claim.data?.dueAt ?? null };
    return (await this.updated(t.id, t.version, patch, this.event('unclaimed', actor.personId, messageId, t.status, claim.fromStatus, null, data))).ticket;
  }

  /**
   * Adds a progress note; a ticket still waiting to be claimed is claimed by the same person first (both are logged).
   * A ticket someone else holds or was handed to (指派, 转派, 吹哨, dispatch) is not taken: the note is the sender's
   * (a supervisor's) on their ticket, also while it waits to be claimed, and `holderId` names who is to hear of it.
   */
  async progress(ticketNo: number, actor: Actor, note: string, messageId: number | null): Promise<ClaimedFirst> {
    const found = await this.authorized('progress', ticketNo, actor, messageId);
    const holderStays = heldByOther(found, actor) && !(await this.causedBefore(messageId, 'claimed'));
    const { ticket: t, claimed } = holderStays ? { ticket: found, claimed: false } : await this.claimFirst(found, actor, messageId);
    // a note on someone else's ticket may come while it still waits for them to claim it
    if (!IN_HAND.includes(t.status) && !(holderStays && canMove(t.status, 'claim'))) {
      throw new DomainError(ErrorCode.IllegalTransition, `cannot add progress to a ticket in state ${t.status}`, {
        from: t.status, move: 'progress', ticketNo,
      });
    }
    await this.appendOnce(t, this.event('progress', actor.personId, messageId, t.status, t.status, note), true);
    return holderStays ? { ticket: t, claimed, holderId: t.assigneeId ?? undefined } : { ticket: t, claimed };
  }

  /**
   * Resolves a ticket; one still waiting to be claimed is claimed by the same person first (both are logged). One that
   * stays its holder's (ticket-holding.ts) is accepted on the holder's behalf if it waits for them (no claim is
   * announced), the result logged as the actor's, and `holderId` names who is to hear of it.
   */
  async resolve(ticketNo: number, actor: Actor, note: string, messageId: number | null): Promise<ClaimedFirst> {
    const found = await this.authorized('resolve', ticketNo, actor, messageId);
    const roles = heldByOther(found, actor) ? await this.d.router.rolesOver(actor.personId, found.gridNodeId) : [];
    const holderId = resolveKeepsHolder(found, actor, roles) ? found.assigneeId : undefined;
    const { ticket: t, claimed } = holderId !== undefined ? await this.acceptForHolder(found, actor, roles, messageId) : await this.claimFirst(found, actor, messageId);
    const ticket = await this.move(t, 'resolve', actor, messageId, 'resolved', { result: note, resolvedAt: this.d.clock.now() }, note, dueData(t.resolveDueAt));
    return holderId !== undefined ? { ticket, claimed, holderId } : { ticket, claimed };
  }

  /** A ticket waiting for its holder to claim it, accepted by a supervisor on the holder's behalf: the holder stays. */
  private async acceptForHolder(t: Ticket, actor: Actor, roles: readonly Role[], messageId: number | null): Promise<ClaimedFirst> {
    if (!canMove(t.status, 'claim') || !mayDo('claim', roles)) return { ticket: t, claimed: false };
    const holder = t.assigneeId !== null ? await this.d.people.findById(t.assigneeId) : null;
    const ticket = await this.move(t, 'claim', actor, messageId, 'claimed', { acceptedAt: this.d.clock.now() }, holder ? `代${holder.name}受理` : null, { ...dueData(t.acceptDueAt), onBehalfOf: t.assigneeId });
    return { ticket, claimed: false };
  }

  /**
   * Progress or a result from someone who may claim the ticket, while it waits to be claimed (reported, reopened,
   * transferred, escalated: the accept clock runs), claims it for them first, as its own event, as a grid worker
   * expects. `claimed` is also true when this message claimed it before (its handling is retried after a crash).
   */
  private async claimFirst(t: Ticket, actor: Actor, messageId: number | null): Promise<ClaimedFirst> {
    if (!canMove(t.status, 'claim')) return { ticket: t, claimed: await this.causedBefore(messageId, 'claimed') };
    if (!mayDo('claim', await this.d.router.rolesOver(actor.personId, t.gridNodeId))) return { ticket: t, claimed: false };
    const ticket = await this.move(t, 'claim', actor, messageId, 'claimed', { assigneeId: actor.personId, acceptedAt: this.d.clock.now() }, null, claimData(t));
    return { ticket, claimed: true };
  }

  /** The resident's verdict: 满意/基本满意 closes the ticket, 不满意 reopens it. Only the reporter (or staff) may rate. */
  async rate(ticketNo: number, actor: Actor, satisfaction: Satisfaction, note: string, messageId: number | null): Promise<Ticket> {
    const t = await this.get(ticketNo);
    if (t.reporterId !== actor.personId) {
      const roles = await this.d.router.rolesOver(actor.personId, t.gridNodeId);
      if (!isStaff(roles)) await this.deny(t, actor, messageId, 'rate', ErrorCode.NotReporter);
    }
    const patch: TicketPatch = { satisfaction };
    if (satisfaction === 'UNSATISFIED') {
      return this.move(t, 'reopen', actor, messageId, 'reopened', { ...patch, ...this.newClock(t) }, note || null, { satisfaction });
    }
    return this.move(t, 'close', actor, messageId, 'closed', { ...patch, closedAt: this.d.clock.now() }, note || null, { satisfaction });
  }

  /**
   * 查询: a resident sees the tickets they reported or joined and those of the group they ask in; staff those on their
   * subtree. Any other ticket is answered as unknown, so walking the (sequential) numbers reveals nothing.
   */
  async query(
    ticketNo: number,
    actor: Actor,
    messageId: number | null,
    groupId: number | null,
  ): Promise<{ ticket: Ticket; assignee: Person | null; mergedInto: { ticket: Ticket; assignee: Person | null } | null }> {
    const t = await this.get(ticketNo);
    if (!(await ticketVisibleTo(this.d, t, actor.personId, groupId))) {
      this.d.logger.info({ ticketNo, personId: actor.personId, groupId }, 'query of a ticket out of reach answered as unknown');
      throw new DomainError(ErrorCode.TicketNotFound, `ticket #${ticketNo} not found`, { ticketNo });
    }
    await this.appendOnce(t, this.event('queried', actor.personId, messageId, null, null, null));
    const assignee = t.assigneeId ? await this.d.people.findById(t.assigneeId) : null;
    // merged into another (合并重复): whoever may see this one hears how that one stands
    const into = t.duplicateOfId !== null ? await this.d.tickets.findById(t.duplicateOfId) : null;
    const mergedInto = into ? { ticket: into, assignee: into.assigneeId ? await this.d.people.findById(into.assigneeId) : null } : null;
    return { ticket: t, assignee, mergedInto };
  }

  /** Another resident reports the same problem: they join the ticket instead of opening a new one. */
  /** `part`: which problem of a message naming several this one is (see NewTicketEvent). */
  async join(t: Ticket, reporter: Person, messageId: number | null, part = 0): Promise<Ticket> {
    return (await this.updated(t.id, t.version, { reporterCount: t.reporterCount + 1 },
      { ...this.event('joined', reporter.id, messageId, t.status, t.status, null), ...(part ? { part } : {}) })).ticket;
  }

  /** A follow-up line from the reporter (a place, a photo) is kept with their ticket. */
  /**
   * More words from the reporter on their ticket. Words that tell a greater danger than the ticket's (`urgency`, as
   * triage read them: "里面还困着一个老人") raise it, with that urgency's deadlines counted from now; never lowered.
   * Returns the ticket as it is after.
   */
  async supplement(t: Ticket, reporter: Person, note: string, messageId: number | null, part = 0, urgency?: Ticket['urgency']): Promise<Ticket> {
    const e = { ...this.event('supplemented', reporter.id, messageId, t.status, t.status, note), ...(part ? { part } : {}) };
    if (!urgency || URGENCY_RANK[urgency] <= URGENCY_RANK[t.urgency] || !OPEN_STATUSES.includes(t.status)) {
      await this.appendOnce(t, e, true);
      return t;
    }
    const clock = dueDates(this.d.calendar, policyFor(this.d.policy, t.category), this.d.clock.now(), urgency, t.complex);
    return (await this.updated(t.id, t.version, { urgency, ...clock }, { ...e, data: { urgency: { from: t.urgency, to: urgency } } })).ticket;
  }

  /**
   * The reporter corrects where their problem is ("不对，是21号楼"): the ticket's place becomes `place`, with the words
   * kept as a supplement. While nobody has accepted it, it also moves to the grid node the new place names near
   * `nearNodeId` (the group's), dispatched to that node's worker on duty; once accepted it stays with its holder, who
   * reads the correction. `moved`: the worker it was dispatched to before, when it moved away from them.
   */
  async correctPlace(t: Ticket, reporter: Person, note: string, place: Place, nearNodeId: number, messageId: number | null): Promise<{ ticket: Ticket; movedFrom: number | null }> {
    const node = t.status === 'REPORTED' ? await this.d.router.nodeForPlace(nearNodeId, place) : null;
    const moves = node !== null && node.id !== t.gridNodeId;
    const assignee = moves ? await this.d.router.onDutyWorker(node.id) : null;
    const patch: TicketPatch = { place, ...(moves ? { gridNodeId: node.id, assigneeId: assignee?.id ?? null } : {}) };
    const { ticket, repeat } = await this.updated(t.id, t.version, patch, this.event('supplemented', reporter.id, messageId, t.status, t.status, note, {
      place: { from: t.place.text ?? null, to: place.text ?? null },
      ...(moves ? { movedTo: node.id, dispatchedTo: assignee?.id ?? null } : {}),
    }));
    const movedFrom = !repeat && moves && t.assigneeId !== null && t.assigneeId !== ticket.assigneeId ? t.assigneeId : null;
    return { ticket, movedFrom };
  }

  timeline(ticketId: number) {
    return this.d.tickets.events(ticketId);
  }

  protected async authorized(action: Action, ticketNo: number, actor: Actor, messageId: number | null): Promise<Ticket> {
    const t = await this.get(ticketNo);
    const roles = await this.d.router.rolesOver(actor.personId, t.gridNodeId);
    if (!mayDo(action, roles)) await this.deny(t, actor, messageId, action, ErrorCode.NotAuthorized);
    return t;
  }

  private async deny(t: Ticket, actor: Actor, messageId: number | null, action: string, code: ErrorCode): Promise<never> {
    await this.appendOnce(t, this.event('denied', actor.personId, messageId, null, null, null, { action, code }));
    this.d.logger.warn({ ticketNo: t.number, personId: actor.personId, action, code }, 'command refused');
    // what the refusal says comes from the declared capabilities: a role needed, or the ticket's grid not theirs
    const why = code === ErrorCode.NotAuthorized && action in ACTION_ZH
      ? refusalOf(action as Action, (await this.d.people.assignments(actor.personId)).map((a) => a.role))
      : {};
    throw new DomainError(code, `person ${actor.personId} may not ${action} ticket #${t.number}`, { ticketNo: t.number, action, ...why });
  }

  // Every write carries its cause (the message and the event's type); the store writes it once per cause and
  // answers a repeat (the message handled again after a crash) with the row that exists. Only new changes are
  // published.
  private async created(t: NewTicket, e: NewTicketEvent): Promise<TicketWrite> {
    const write = await this.creating.submit({ ticket: t, event: e });
    if (!write.repeat) await this.d.events.publish({ ticket: write.ticket, event: e });
    return write;
  }

  protected async updated(id: number, version: number, patch: TicketPatch, e: NewTicketEvent): Promise<TicketWrite> {
    const write = await this.d.tickets.updateOnce(id, version, patch, e);
    if (!write.repeat) await this.d.events.publish({ ticket: write.ticket, event: e });
    return write;
  }

  /** An event that changes nothing on the ticket; a repeat of its cause writes nothing. `shown`: the views hear it. */
  protected async appendOnce(t: Ticket, e: NewTicketEvent, shown = false): Promise<void> {
    await this.d.tickets.appendEvent(t.id, e);
    if (shown) await this.d.events.announce({ ticket: t, event: e });
  }

  /**
   * Whether this message caused an event of this type before. Asked only where the answer is needed before any
   * write: a move the ticket's state now refuses may be the message's own, made before a crash.
   */
  private async causedBefore(messageId: number | null, type: TicketEventType): Promise<boolean> {
    return messageId !== null && (await this.d.tickets.eventCausedBy(messageId, type)) !== null;
  }

  /** Due dates counted from now: a ticket handed to someone new (escalated, transferred, reopened) gets a new clock. */
  protected newClock(t: Ticket): Pick<TicketPatch, 'acceptDueAt' | 'resolveDueAt'> {
    return dueDates(this.d.calendar, policyFor(this.d.policy, t.category), this.d.clock.now(), t.urgency, t.complex);
  }

  protected async move(
    t: Ticket,
    move: TicketMove,
    actor: Actor | null,
    messageId: number | null,
    type: TicketEventType,
    patch: TicketPatch,
    note: string | null = null,
    data: Record<string, unknown> | null = null,
  ): Promise<Ticket> {
    if (!canMove(t.status, move) && (await this.causedBefore(messageId, type))) return t;
    const to = nextStatus(t.status, move, t.number);
    const write = await this.updated(t.id, t.version, { ...patch, status: to }, this.event(type, actor?.personId ?? null, messageId, t.status, to, note, data));
    return write.ticket;
  }

  protected event(
    type: TicketEventType,
    actorId: number | null,
    messageId: number | null,
    fromStatus: TicketStatus | null,
    toStatus: TicketStatus | null,
    note: string | null,
    data: Record<string, unknown> | null = null,
    at?: Date,
  ): NewTicketEvent {
    return { type, actorId, messageId, fromStatus, toStatus, note, data, at: at ?? this.d.clock.now() };
  }
}
