// Group health: a group nobody speaks in, a group the bot was removed from, a group residents are leaving. The caller
// gives the counts (from the store or the platform); these functions only decide.
import { chinaDate } from '../sla/deadlines.ts';
import { HOUR_MS } from './patrol-text.ts';
import type { NewPatrolFinding, PatrolGroupRef } from './patrol.types.ts';

const DAY_MS = 24 * HOUR_MS;

export interface SilentGroupOptions {
  /** Days without any message (default 14). */
  days: number;
}
export const DEFAULT_SILENT_GROUP_OPTIONS: SilentGroupOptions = { days: 14 };

/**
 * A group silent for `days`: LOW (a dashboard item, not an alert). `lastMessageAt` null means no message was ever
 * seen; `watchedSince` (when the bot joined or the group was recorded) is then the start of the silence.
 */
export function silentGroupFinding(group: PatrolGroupRef, lastMessageAt: Date | null, watchedSince: Date, now: Date, options: Partial<SilentGroupOptions> = {}): NewPatrolFinding | null {
  const o = { ...DEFAULT_SILENT_GROUP_OPTIONS, ...options };
  const since = lastMessageAt ?? watchedSince;
  const days = Math.floor((now.getTime() - since.getTime()) / DAY_MS);
  if (days < o.days) return null;
  return {
    rule: 'silent_group',
    severity: 'LOW',
    groupId: group.id,
    messageId: null,
    ticketId: null,
    summary: `群长期沉寂（${group.title}）：已 ${days} 天无人发言`,
    data: { days, lastMessageAt: lastMessageAt?.toISOString() ?? null },
    // one finding per silence: a new message ends it, the next silence is another finding
    dedupKey: `silent_group:${group.id}:${since.getTime()}`,
  };
}

/** The bot was removed from a group (the platform tells the caller): HIGH, appeals there go unseen from now on. */
export function botRemovedFinding(group: PatrolGroupRef, at: Date): NewPatrolFinding {
  return {
    rule: 'bot_removed',
    severity: 'HIGH',
    groupId: group.id,
    messageId: null,
    ticketId: null,
    summary: `助手被移出群（${group.title}）：该群的诉求将无法自动登记，请核实并联系群主重新邀请`,
    data: { at: at.toISOString() },
    dedupKey: `bot_removed:${group.id}:${chinaDate(at)}`,
  };
}

/**
 * The bot is in a group but may not send there (restricted, muted): HIGH, as removed — appeals there are still
 * registered and reach their workers by direct message, but residents get no answer in the group.
 */
export function botMutedFinding(group: PatrolGroupRef, at: Date): NewPatrolFinding {
  return {
    rule: 'bot_muted',
    severity: 'HIGH',
    groupId: group.id,
    messageId: null,
    ticketId: null,
    summary: `助手在群内不能发言（${group.title}）：群内诉求仍会登记并私信告知网格员，但助手无法在群内回复，请联系群主解除禁言`,
    data: { at: at.toISOString() },
    dedupKey: `bot_muted:${group.id}:${chinaDate(at)}`,
  };
}

export interface MemberLossOptions {
  /** Share of the members at the start of the window that left (default 0.2) … */
  ratio: number;
  /** … or this many members, whatever the size (default 10) … */
  absolute: number;
  /** … but never fewer than this many (default 3: 1 of 5 leaving is not a movement). */
  minLeft: number;
  /** The window the caller counted over; shown in the summary (default 24 h). */
  windowHours: number;
}
export const DEFAULT_MEMBER_LOSS_OPTIONS: MemberLossOptions = { ratio: 0.2, absolute: 10, minLeft: 3, windowHours: 24 };

export interface MemberCounts {
  /** Members in the group now. */
  membersNow: number;
  /** Members who left within the window. */
  leftInWindow: number;
}

/** Sudden member loss: MEDIUM, HIGH when half the group left. */
export function memberLossFinding(group: PatrolGroupRef, counts: MemberCounts, now: Date, options: Partial<MemberLossOptions> = {}): NewPatrolFinding | null {
  const o = { ...DEFAULT_MEMBER_LOSS_OPTIONS, ...options };
  const left = counts.leftInWindow;
  const before = counts.membersNow + left;
  if (left < o.minLeft || before <= 0) return null;
  const share = left / before;
  if (left < o.absolute && share < o.ratio) return null;
  const pct = Math.round(share * 100);
  return {
    rule: 'member_loss',
    severity: share >= 0.5 ? 'HIGH' : 'MEDIUM',
    groupId: group.id,
    messageId: null,
    ticketId: null,
    summary: `群成员骤减（${group.title}）：${o.windowHours} 小时内 ${left} 人退群（原 ${before} 人，减少 ${pct}%）`,
    data: { left, before, membersNow: counts.membersNow, share },
    dedupKey: `member_loss:${group.id}:${chinaDate(now)}`,
  };
}
