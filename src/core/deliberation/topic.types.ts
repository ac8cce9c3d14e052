// 议事: a topic put to the residents of a scope (a grid node's subtree and its groups), the votes and discussion it
// gathers, the decision staff record and the 实事清单 that carries it out.

export type TopicStatus = 'PROPOSED' | 'OPEN' | 'CLOSED' | 'DECIDED' | 'DONE';
export const TOPIC_STATUSES: readonly TopicStatus[] = ['PROPOSED', 'OPEN', 'CLOSED', 'DECIDED', 'DONE'];
export const TOPIC_STATUS_ZH: Record<TopicStatus, string> = { PROPOSED: '提议中', OPEN: '投票中', CLOSED: '已截止', DECIDED: '已拟办', DONE: '已公示' };
/** MAJORITY: the leading option needs more than half of the counted votes; QUORUM: that, and enough turnout. */
export type TopicRule = 'MAJORITY' | 'QUORUM';
/** 一人一票 or 一户一票 (households from the residences the grid file gives). */
export type TopicCounting = 'PERSON' | 'HOUSEHOLD';

export const DEFAULT_OPTIONS: readonly string[] = ['同意', '反对', '弃权'];
export const DEFAULT_WINDOW_HOURS = 72;

export interface Topic {
  id: number;
  gridNodeId: number;
  title: string;
  options: string[];
  status: TopicStatus;
  rule: TopicRule;
  quorumPct: number | null;
  counting: TopicCounting;
  windowHours: number;
  openedAt: Date | null;
  closesAt: Date | null;
  closedAt: Date | null;
  proposerId: number | null;
  createdById: number | null;
  sourceMessageId: number | null;
  result: Tally | null;
  decision: string | null;
  decidedById: number | null;
  decidedAt: Date | null;
  doneAt: Date | null;
  /** The ticket it was turned from (转议题), if any. */
  sourceTicketId: number | null;
  createdAt: Date;
}

export type NewTopic = Pick<Topic, 'gridNodeId' | 'title' | 'options' | 'status' | 'rule' | 'quorumPct' | 'counting' | 'windowHours' | 'openedAt' | 'closesAt' | 'proposerId' | 'createdById' | 'sourceMessageId'> &
  // createdAt: when the message that made it was sent (the service's clock, not the database's): a proposal's window
  // of seconds is counted from it in the same time as the seconds themselves
  Partial<Pick<Topic, 'sourceTicketId' | 'createdAt'>>;

/** A stored vote: who, from which household and group, which option (1-based), by which message, when. */
export interface TopicVote {
  id: number;
  topicId: number;
  voterId: number;
  householdKey: string | null;
  groupId: number | null;
  choice: number;
  messageId: number;
  at: Date;
}

export interface TopicComment {
  id: number;
  topicId: number;
  personId: number;
  groupId: number | null;
  messageId: number;
  at: Date;
}

export interface TopicSecond {
  id: number;
  topicId: number;
  personId: number;
  messageId: number;
  at: Date;
}

/** A 实事清单 item. */
export interface TopicTask {
  id: number;
  topicId: number;
  text: string;
  ownerPersonId: number | null;
  ownerDepartment: string | null;
  dueAt: Date | null;
  doneAt: Date | null;
  /** Steps taken up the escalation chain of the topic's node since it went overdue (0: still with the owner). */
  escalationLevel: number;
  /** When it last went up a level (that level's window counts from here). */
  escalatedAt: Date | null;
  createdById: number;
  messageId: number | null;
  createdAt: Date;
}

/** Who may vote on a topic: its scope's groups, the staff who do not live there, and the size of the electorate. */
export interface Electorate {
  scopeGroupIds: ReadonlySet<number>;
  /** People who hold a role over the scope and have no residence in it: their votes are not counted. */
  staffNotResident: ReadonlySet<number>;
  /** Members of the scope's groups (PERSON; those registered as living outside the scope left out) or households of the scope (HOUSEHOLD); 0 when unknown. */
  size: number;
  /**
   * Voters registered as residents only outside the scope (another building's or grid's): their votes are not counted,
   * under either rule. People registered nowhere are not among them (most residents are not registered).
   */
  residentsElsewhere?: ReadonlySet<number>;
}

export interface Tally {
  /** Counted votes per option, in option order. */
  counts: number[];
  counted: number;
  /**
   * Votes stored but not counted, by reason (a replaced vote is not among them). `elsewhere`: registered as living
   * outside the scope (absent from tallies frozen before those were counted apart).
   */
  ignored: { late: number; outside: number; staff: number; elsewhere?: number; noHousehold: number; badChoice: number };
  electorate: number;
  /** counted / electorate, 0..1; null when the electorate is unknown. */
  turnout: number | null;
  quorumMet: boolean;
  /** The option (0-based) with the most votes, alone; null on a tie or no votes. */
  leading: number | null;
  passed: boolean;
}

export type Satisfaction = 'SATISFIED' | 'BASIC' | 'UNSATISFIED';

/** A rating in the 回访. */
export interface TopicRating {
  id: number;
  topicId: number;
  personId: number;
  satisfaction: Satisfaction;
  messageId: number;
  at: Date;
}
