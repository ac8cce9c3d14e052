// The ticket (诉求/工单) as the domain sees it.

export const TICKET_STATUSES = [
  'REPORTED',
  'ACCEPTED',
  'RESOLVED',
  'CLOSED',
  'REOPENED',
  'TRANSFERRED',
  'ESCALATED',
  'REJECTED',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const STATUS_ZH: Record<TicketStatus, string> = {
  REPORTED: '已登记',
  ACCEPTED: '处理中',
  RESOLVED: '已办结',
  CLOSED: '已关闭',
  REOPENED: '已重新打开',
  TRANSFERRED: '已转派',
  ESCALATED: '已上报',
  REJECTED: '已驳回',
};

export type Urgency = 'NORMAL' | 'URGENT' | 'EMERGENCY';
/** Urgencies in order: a higher rank is the greater danger. */
export const URGENCY_RANK: Record<Urgency, number> = { NORMAL: 0, URGENT: 1, EMERGENCY: 2 };
/** A ticket's urgency from triage's reading of it (`normal`, `urgent`, `emergency`). */
export const ticketUrgency = (u: 'normal' | 'urgent' | 'emergency'): Urgency => u.toUpperCase() as Urgency;
export type Satisfaction = 'SATISFIED' | 'BASIC' | 'UNSATISFIED';
export const SATISFACTION_ZH: Record<Satisfaction, string> = {
  SATISFIED: '满意',
  BASIC: '基本满意',
  UNSATISFIED: '不满意',
};

export interface Place {
  building?: string;
  unit?: string;
  room?: string;
  text?: string;
}

export interface Ticket {
  id: number;
  number: number;
  status: TicketStatus;
  category: string;
  summary: string;
  place: Place;
  urgency: Urgency;
  complex: boolean;
  groupId: number | null;
  gridNodeId: number;
  reporterId: number | null;
  assigneeId: number | null;
  transferredTo: string | null;
  escalationLevel: number;
  acceptDueAt: Date | null;
  resolveDueAt: Date | null;
  reporterCount: number;
  duplicateOfId: number | null;
  satisfaction: Satisfaction | null;
  result: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  acceptedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
}

export type NewTicket = Pick<Ticket, 'category' | 'summary' | 'place' | 'urgency' | 'groupId' | 'gridNodeId' | 'reporterId'> &
  Partial<Pick<Ticket, 'assigneeId' | 'acceptDueAt' | 'resolveDueAt' | 'createdAt'>> & {
    /** The resident's message, linked to the ticket in the same transaction. */
    sourceMessageId?: number | null;
  };

/** The fields a transition may change. */
export type TicketPatch = Partial<
  Pick<
    Ticket,
    | 'status'
    | 'category'
    | 'urgency'
    | 'place'
    | 'gridNodeId'
    | 'assigneeId'
    | 'transferredTo'
    | 'escalationLevel'
    | 'acceptDueAt'
    | 'resolveDueAt'
    | 'reporterCount'
    | 'duplicateOfId'
    | 'satisfaction'
    | 'result'
    | 'complex'
    | 'acceptedAt'
    | 'resolvedAt'
    | 'closedAt'
  >
>;

export const EVENT_TYPES = [
  'reported',
  'claimed',
  'progress',
  'resolved',
  'transferred',
  'escalated',
  'rejected',
  'rated',
  'closed',
  'reopened',
  'queried',
  'denied',
  'joined',
  'supplemented',
  'recategorized',
  'assigned',
  'merged',
  /** 转议题: closed because it needs a decision by the residents, not a repair; data.topicId names the topic. */
  'deliberated',
  /**
   * A claim taken back: the message that made it was edited to name another ticket (see EditedCommands); the ticket
   * waits to be claimed again. data.claimEventId names the claim, data.claimedAt and data.dueAt what it was counted as.
   */
  'unclaimed',
] as const;
export type TicketEventType = (typeof EVENT_TYPES)[number];

export interface TicketEvent {
  id: number;
  ticketId: number;
  type: TicketEventType;
  actorId: number | null;
  messageId: number | null;
  fromStatus: TicketStatus | null;
  toStatus: TicketStatus | null;
  note: string | null;
  data: Record<string, unknown> | null;
  at: Date;
}

/**
 * `part`: which problem of its message the event is about, when the message names several (see Appeals); the store
 * writes one event per message, type and part.
 */
export type NewTicketEvent = Omit<TicketEvent, 'id' | 'ticketId' | 'at'> & { at?: Date; part?: number };

/**
 * A 督办 is stored as a `progress` event marked `data.supervised` (it changes nothing on the ticket); the history,
 * the API and the console name it by what it is, 督办, not 进展.
 */
export function isSupervision(e: Pick<TicketEvent, 'type' | 'data'>): boolean {
  return e.type === 'progress' && e.data?.supervised === true;
}

export function formatTicketNo(n: number): string {
  return `#${n}`;
}
