import type {
  NewTicket,
  NewTicketEvent,
  Ticket,
  TicketEvent,
  TicketEventType,
  TicketPatch,
  TicketStatus,
} from '../tickets/ticket.types.ts';

export interface TicketFilter {
  statuses?: readonly TicketStatus[];
  gridNodeId?: number;
  gridNodeIds?: readonly number[];
  groupId?: number;
  reporterId?: number;
  /** Held by this person (its assignee): “只看我负责的”. */
  assigneeId?: number;
  /** Merged into this ticket (合并重复). */
  duplicateOfId?: number;
  /** Created at or after. */
  since?: Date;
  /** Created before. */
  until?: Date;
  categories?: readonly string[];
  /** 超时 at this time, as core/tickets/overdue.ts defines it: open, and past a deadline or escalated for missing one. */
  overdueAt?: Date;
  /** Words in the summary or the place, or the ticket number (digits, with or without #). */
  text?: string;
  /**
   * Where else `text`'s words are looked for: in what the resident wrote (the ticket's incoming messages, stored raw).
   * 'all': every word ('unmasked' readers, community staff and above); 'withoutDigits': only words without a digit,
   * so that a reader of masked text cannot find a ticket by a phone or ID number's hidden digits (a word with a digit
   * is then looked for in the summary and the place, which are stored masked). Absent: summary and place only.
   */
  textInMessages?: 'all' | 'withoutDigits';
  limit?: number;
  /** Rows skipped before the first returned (paging). */
  offset?: number;
}

/** A group's open tickets now: all of them, those nobody has claimed yet, and those 超时. */
export interface GroupTicketCounts {
  open: number;
  unclaimed: number;
  overdue: number;
}

/** A duplicate check's question: open tickets in these nodes, created at or after `since`. */
export interface OpenInNodesRequest {
  gridNodeIds: readonly number[];
  since: Date;
  limit: number;
}

/**
 * A write caused by a message: the ticket after it, and whether the message had caused it before (handled again
 * after a crash), in which case nothing was written and the ticket is as the store holds it.
 */
export interface TicketWrite {
  ticket: Ticket;
  repeat: boolean;
}

/**
 * An event carries its cause, the message that caused it (`messageId`) and its kind (`type`); the store holds at most
 * one event per cause, so every write below is done once per cause: a repeat returns the row that exists.
 */
export interface TicketRepository {
  /** Creates the ticket and its first event together. */
  create(ticket: NewTicket, event: NewTicketEvent): Promise<Ticket>;
  /**
   * Creates tickets, each with its first event and the link from its message, in one statement (all or none), in the
   * given order: numbers follow that order. Returns them in that order.
   */
  createMany(items: readonly { ticket: NewTicket; event: NewTicketEvent }[]): Promise<Ticket[]>;
  /** `createMany`, saying for each whether it was a repeat (the ticket its message opened before). */
  createManyOnce(items: readonly { ticket: NewTicket; event: NewTicketEvent }[]): Promise<TicketWrite[]>;
  /** For each request, in one read, the open tickets it asks for, newest first (by number), at most `limit`. */
  listOpenInNodes(requests: readonly OpenInNodesRequest[]): Promise<Ticket[][]>;
  findByNumber(number: number): Promise<Ticket | null>;
  findById(id: number): Promise<Ticket | null>;
  /**
   * Applies a patch and appends its event atomically, if the ticket is still at `expectedVersion`;
   * otherwise throws DomainError CONCURRENT_UPDATE.
   */
  update(id: number, expectedVersion: number, patch: TicketPatch, event: NewTicketEvent): Promise<Ticket>;
  /** `update`, saying whether it was a repeat (then the patch is not applied and the version not checked). */
  updateOnce(id: number, expectedVersion: number, patch: TicketPatch, event: NewTicketEvent): Promise<TicketWrite>;
  /** An event that changes nothing on the ticket (progress, query, denied attempt). */
  appendEvent(ticketId: number, event: NewTicketEvent): Promise<TicketEvent>;
  events(ticketId: number): Promise<TicketEvent[]>;
  /** Of these tickets, those the deadline clock escalated for missing a deadline (recordsMissedDeadline in overdue.ts). */
  missedDeadlines(ticketIds: readonly number[]): Promise<Set<number>>;
  /**
   * The event of this type that a message already caused, if any. Writes need not ask (they are done once per cause);
   * this is for what must be known before writing: which reply a message handled again owes, or whether a move the
   * ticket's state now refuses was the message's own. `part`: about that problem of a message naming several (see
   * NewTicketEvent); without it, the first such event of the message.
   */
  eventCausedBy(messageId: number, type: TicketEvent['type'], part?: number): Promise<TicketEvent | null>;
  /** Open tickets per assignee, for least-loaded routing. */
  openCountByAssignee(personIds: number[]): Promise<Map<number, number>>;
  /**
   * Per group, in one read: its open tickets, those of them awaiting a claim (core/tickets/overdue.ts AWAITING_CLAIM)
   * and those 超时 at `now`; every asked group is in the map (zeros when it has none).
   */
  ticketCountsByGroup(groupIds: readonly number[], now: Date): Promise<Map<number, GroupTicketCounts>>;
  /** Newest first. */
  list(filter: TicketFilter): Promise<Ticket[]>;
  /** How many tickets the filter matches (its limit and offset ignored). */
  count(filter: TicketFilter): Promise<number>;
  /**
   * Open tickets with an accept or resolve due date and an id above `afterId`, by id ascending, at most `limit`: the
   * deadline timers page through them once at start (reconcile), never periodically.
   */
  listOpenWithDeadlines(afterId: number, limit: number): Promise<Ticket[]>;
  /** Open tickets assigned to a person, by number ascending, at most `limit` (default 500). */
  listOpenByAssignee(assigneeId: number, limit?: number): Promise<Ticket[]>;
  /** People with at least one open ticket assigned, by id ascending. */
  openAssigneeIds(): Promise<number[]>;
  /** For each ticket that has one, the time of its latest event of one of these types. */
  lastEventAt(ticketIds: readonly number[], types: readonly TicketEventType[]): Promise<Map<number, Date>>;
}
