// What the background patrol (后台巡查) finds, and the plain message shape its rules read. Rules are pure: the caller
// gives them the message and a small window of context; the service stores what they return.

export const PATROL_SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type PatrolSeverity = (typeof PATROL_SEVERITIES)[number];

export const PATROL_STATUSES = ['OPEN', 'ACKNOWLEDGED', 'CLOSED'] as const;
export type PatrolStatus = (typeof PATROL_STATUSES)[number];

export const PATROL_RULES = ['hazard', 'spam', 'conflict', 'unanswered', 'silent_group', 'bot_removed', 'bot_muted', 'member_loss'] as const;
export type PatrolRule = (typeof PATROL_RULES)[number];

export const SEVERITY_ZH: Record<PatrolSeverity, string> = { LOW: '低', MEDIUM: '中', HIGH: '高', CRITICAL: '紧急' };
export const PATROL_STATUS_ZH: Record<PatrolStatus, string> = { OPEN: '待处理', ACKNOWLEDGED: '已确认', CLOSED: '已关闭' };
/** How staff read a rule's name in alerts: "3 条疑似广告". */
export const RULE_ZH: Record<PatrolRule, string> = {
  hazard: '安全隐患',
  spam: '疑似广告',
  conflict: '邻里争吵',
  unanswered: '未回复的居民提问',
  silent_group: '长期沉寂的群',
  bot_removed: '助手被移出群',
  bot_muted: '助手在群内不能发言',
  member_loss: '群成员骤减',
};

export const SEVERITY_RANK: Record<PatrolSeverity, number> = { LOW: 0, MEDIUM: 1, HIGH: 2, CRITICAL: 3 };

export function maxSeverity(a: PatrolSeverity, b: PatrolSeverity): PatrolSeverity {
  return SEVERITY_RANK[a] >= SEVERITY_RANK[b] ? a : b;
}

/** A finding as a rule produces it; the repository stores it once per `dedupKey`. */
export interface NewPatrolFinding {
  rule: PatrolRule;
  severity: PatrolSeverity;
  groupId: number;
  messageId: number | null;
  ticketId: number | null;
  /** Short Chinese, phone and ID numbers masked: "疑似飞线充电（东园小区20号楼睦邻群）：…". */
  summary: string;
  data: Record<string, unknown>;
  /** The same problem seen again has the same key: one message, one ad per hour, one quarrel per window. */
  dedupKey: string;
}

export interface PatrolFinding extends NewPatrolFinding {
  id: number;
  status: PatrolStatus;
  createdAt: Date;
  updatedAt: Date;
}

/** One group message as the rules read it. */
export interface PatrolMessage {
  id: number;
  groupId: number;
  senderExternalId: string;
  senderName: string;
  text: string;
  sentAt: Date;
  ticketId: number | null;
  /** Triage made this message an urgent or emergency ticket (a danger the hazard rules may have missed). */
  raised?: 'URGENT' | 'EMERGENCY';
  /** The message repeated the bot's own words (a pasted receipt, notice or alert): the danger in it is not news. */
  echo?: boolean;
}

/** The group a message was posted in, as findings name it. */
export interface PatrolGroupRef {
  id: number;
  title: string;
}

/** Messages in the order they were sent (sentAt, then id for messages of the same instant). */
export const byTime = (a: PatrolMessage, b: PatrolMessage): number => a.sentAt.getTime() - b.sentAt.getTime() || a.id - b.id;
