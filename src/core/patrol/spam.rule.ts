// Spam rule: ads and scams from accounts that are not (yet) neighbours, and the same message pushed into many groups.
// One ad copied into three groups is ONE finding: the key is the message's normal form and the hour it started.
import type { Term } from '../triage/urgency.ts';
import { compareForm, findingSummary, firstTerm, HOUR_MS, shortHash } from './patrol-text.ts';
import { byTime, type NewPatrolFinding, type PatrolGroupRef, type PatrolMessage, type PatrolSeverity } from './patrol.types.ts';

/** Words of the trade: one is enough from a newcomer. Matched on NFKC, lower-cased text. */
export const SPAM_STRONG_TERMS: readonly Term[] = [
  '刷单', '兼职', '日结', '代购', '贷款', '网贷', '套现', '返利', '返现', '佣金', '免费领', '扫码进群', '扫码领', '进群领',
  '无抵押', '低息', '征信修复', '微商', '稳赚', '躺赚', '日赚', '月入过万', '点赞赚钱', '招代理',
  /https?:\/\/\S+/,
  /\bwww\.[a-z0-9-]+\.[a-z]{2,}/,
  // a contact request that hands out an account: "加V：abc12345", "+vx lk8899"
  /(?:加|\+)\s*(?:我)?\s*(?:微信|v信|vx|wx|v|薇信|威信|薇|qq)\s*(?:号)?\s*[:：]?\s*[a-z][a-z0-9_-]{4,}/,
  /(?:加|\+)\s*(?:我)?\s*(?:微信|v信|vx|wx|v|薇信|威信|薇|qq)\s*(?:号)?\s*[:：]?\s*\d{6,}/,
];

/**
 * Asking to connect privately. Alone it is NOT spam — neighbours say "加个微信吧我把钥匙给你" — but it counts as a spam
 * signal when the same text goes to three groups.
 */
export const SPAM_CONTACT_TERMS: readonly Term[] = ['加微信', '加个微信', '加我微信', '加v', '加个v', 'vx', '薇信', '威信', '私聊', '私信我', '加好友'];

export interface SpamOptions {
  strongTerms: readonly Term[];
  contactTerms: readonly Term[];
  /**
   * A member who joined less than this long ago is a newcomer (default 24 h). One whose join the store does not know
   * is a newcomer only when the bot has read the group for longer than this and they first wrote in it within it.
   */
  newcomerMs: number;
  /** The same message in at least this many groups … (default 3) */
  crossGroupMin: number;
  /** … within this window (default 1 h). */
  crossGroupWindowMs: number;
  /** Shorter normal forms ("好的", "收到") are never compared across groups. */
  minCompareLength: number;
}

export const DEFAULT_SPAM_OPTIONS: SpamOptions = {
  strongTerms: SPAM_STRONG_TERMS,
  contactTerms: SPAM_CONTACT_TERMS,
  newcomerMs: 24 * HOUR_MS,
  crossGroupMin: 3,
  crossGroupWindowMs: HOUR_MS,
  minCompareLength: 6,
};

export interface SpamContext {
  /** When the sender joined this group; null when the store has no record of them as a member. */
  joinedAt: Date | null;
  /**
   * For a sender whose join is unknown: when the bot first saw this group (its first stored incoming message), and
   * when the sender first wrote in it (absent: this message is their first). Without the first, nobody of unknown
   * join is a newcomer: on the bot's first day in a group everyone's join is unknown.
   */
  groupSeenSince?: Date | null;
  firstSpokeAt?: Date | null;
  /** Staff are never flagged: a notice sent to every group is a broadcast, not spam. */
  senderIsStaff: boolean;
  /** The sender's recent messages in all groups (this one may be among them). */
  senderRecent: readonly PatrolMessage[];
  /** Titles of other groups, for the summary; unknown ids are counted but not named. */
  groupTitles?: ReadonlyMap<number, string>;
}

/**
 * What spamFinding reads of a message's context beyond the message itself: the sender's recent messages only when
 * the text is long enough to be compared across groups, and the sender's join time (for an unknown join: their first
 * line in the group and when the bot first saw it) only then or when it holds a word of the trade. Without them,
 * spamFinding gives the same answer for such a message.
 */
export function spamNeeds(msg: PatrolMessage, options: Partial<SpamOptions> = {}): { senderRecent: boolean; joinedAt: boolean } {
  const o = { ...DEFAULT_SPAM_OPTIONS, ...options };
  const senderRecent = compareForm(msg).length >= o.minCompareLength;
  return { senderRecent, joinedAt: senderRecent || firstTerm(msg.text.normalize('NFKC').toLowerCase(), o.strongTerms) !== null };
}

/**
 * Whether the sender is new to the group: joined within `windowMs` by a known join time; with the join unknown, only
 * where the bot has been in the group longer than the window (it would have seen a join then; platforms miss some) and
 * the sender's first line there is within it. Unknown is not new by itself: on the bot's first day it is everyone.
 */
function isNewcomer(msg: PatrolMessage, ctx: SpamContext, windowMs: number): boolean {
  const t = msg.sentAt.getTime();
  if (ctx.joinedAt) return t - ctx.joinedAt.getTime() < windowMs;
  if (!ctx.groupSeenSince || t - ctx.groupSeenSince.getTime() < windowMs) return false;
  return t - (ctx.firstSpokeAt ?? msg.sentAt).getTime() < windowMs;
}

/** A spam finding for one message, or null. Severity: HIGH across groups with an ad signal, MEDIUM from a newcomer, LOW when only repeated. */
export function spamFinding(msg: PatrolMessage, group: PatrolGroupRef, ctx: SpamContext, options: Partial<SpamOptions> = {}): NewPatrolFinding | null {
  const o = { ...DEFAULT_SPAM_OPTIONS, ...options };
  if (ctx.senderIsStaff) return null;
  const text = msg.text.normalize('NFKC').toLowerCase();
  const strong = firstTerm(text, o.strongTerms);
  const contact = firstTerm(text, o.contactTerms);
  const newcomer = isNewcomer(msg, ctx, o.newcomerMs);

  const norm = compareForm(msg);
  const copies = new Map<number, PatrolMessage>([[msg.id, msg]]);
  if (norm.length >= o.minCompareLength) {
    for (const m of ctx.senderRecent) {
      const age = msg.sentAt.getTime() - m.sentAt.getTime();
      if (age >= 0 && age <= o.crossGroupWindowMs && compareForm(m) === norm) copies.set(m.id, m);
    }
  }
  const ordered = [...copies.values()].sort(byTime);
  const groupIds = [...new Set(ordered.map((m) => m.groupId))];
  const crossGroup = norm.length >= o.minCompareLength && groupIds.length >= o.crossGroupMin;

  let severity: PatrolSeverity;
  let reason: 'cross_group' | 'newcomer';
  if (crossGroup) {
    severity = strong || contact ? 'HIGH' : 'LOW';
    reason = 'cross_group';
  } else if (newcomer && strong) {
    severity = 'MEDIUM';
    reason = 'newcomer';
  } else {
    return null;
  }

  const first = ordered[0] ?? msg;
  const firstTitle = first.groupId === group.id ? group.title : ctx.groupTitles?.get(first.groupId) ?? group.title;
  const where = groupIds.length > 1 ? `${firstTitle}等 ${groupIds.length} 个群` : group.title;
  const label = severity === 'LOW' ? '疑似刷屏' : '疑似广告';
  return {
    rule: 'spam',
    severity,
    groupId: first.groupId,
    messageId: first.id,
    ticketId: null,
    summary: findingSummary(label, where, msg.text),
    data: {
      reason,
      signal: strong ?? contact,
      newcomer,
      groupIds,
      messageIds: ordered.map((m) => m.id),
      senderExternalId: msg.senderExternalId,
      senderName: msg.senderName,
    },
    // one key per text per hour in which it started: later copies update the same finding instead of adding one
    dedupKey: `spam:${shortHash(norm || String(msg.id))}:${Math.floor(first.sentAt.getTime() / HOUR_MS)}`,
  };
}
