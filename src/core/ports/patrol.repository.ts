// Where the background patrol keeps its findings, and what it reads of the groups to judge a message in context.
import type { Platform } from '../messages/incoming-message.ts';
import type { NewPatrolFinding, PatrolFinding, PatrolMessage, PatrolRule, PatrolStatus } from '../patrol/patrol.types.ts';

export interface PatrolFindingFilter {
  /** Only OPEN findings. */
  openOnly?: boolean;
  groupId?: number;
  /** Only findings of these groups (the admin API: the groups in the caller's subtrees); empty = none. */
  groupIds?: readonly number[];
  rule?: PatrolRule;
  /** Newest first; default 100. */
  limit?: number;
}

export interface PatrolContextRequest {
  groupIds: readonly number[];
  groupSince: Date;
  senders: readonly { platform: Platform; externalId: string }[];
  senderSince: Date;
  until: Date;
  members: readonly { groupId: number; externalUserId: string }[];
  limit: number;
}

export interface PatrolContext {
  groupRecent: PatrolMessage[];
  senderRecent: (PatrolMessage & { platform: Platform })[];
  joined: Map<string, Date>;
  /** For each requested member with no join record: when they first wrote in the group (key `${groupId}:${externalUserId}`). */
  firstSpoke: Map<string, Date>;
  /** For each group of the requested members: when the bot first saw it, its first stored incoming message (key: group id). */
  groupSeenSince: Map<number, Date>;
}

export interface PatrolRepository {
  /**
   * Stores a finding once per dedupKey. When the key exists, its data, summary and message (the one the summary
   * quotes) are refreshed, its ticket kept if the new one has none, its severity raised if higher (an ad seen in a
   * third group), its status is kept, and `created` is false: nobody is alerted twice.
   */
  upsert(finding: NewPatrolFinding): Promise<{ finding: PatrolFinding; created: boolean }>;
  findById(id: number): Promise<PatrolFinding | null>;
  list(filter?: PatrolFindingFilter): Promise<PatrolFinding[]>;
  /** Returns null when there is no such finding. */
  setStatus(id: number, status: PatrolStatus): Promise<PatrolFinding | null>;

  /** Incoming text messages of a group sent in [since, until], oldest first, at most `limit` (the latest ones). */
  groupMessages(groupId: number, since: Date, until: Date, limit?: number): Promise<PatrolMessage[]>;
  /**
   * What the message rules read about a batch, in one read: each group's latest `limit` incoming messages sent in
   * [groupSince, until], each sender's latest `limit` in any group in [senderSince, until] (oldest first), when each
   * (group, member) pair joined (current members only; key `${groupId}:${externalUserId}`), and for the spam rule's
   * judging of members whose join is unknown, their first message in the group and each group's first message.
   */
  messageContext(req: PatrolContextRequest): Promise<PatrolContext>;
  /** Incoming group messages without a ticket sent in [since, until], oldest first: candidates for the unanswered rule. */
  messagesWithoutTicket(since: Date, until: Date, limit?: number): Promise<PatrolMessage[]>;
  /** Per group: its newest incoming message (null when none) and when the group was first recorded. */
  groupActivity(groupIds: readonly number[]): Promise<Map<number, { lastMessageAt: Date | null; since: Date }>>;
  /** Members now and members who left since `since`, per group. */
  memberCounts(groupId: number, since: Date): Promise<{ membersNow: number; leftInWindow: number }>;
}
