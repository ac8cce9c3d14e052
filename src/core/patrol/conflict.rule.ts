// Conflict rule: two neighbours quarrelling in a group, back and forth, with heated words. Peacemakers' messages in
// between do not break the pair; a long friendly chat has no heated words and is never a quarrel.
import type { Term } from '../triage/urgency.ts';
import { weakMemo } from '../util/memo.ts';
import { excerpt, firstTerm, MINUTE_MS } from './patrol-text.ts';
import { byTime, type NewPatrolFinding, type PatrolGroupRef, type PatrolMessage } from './patrol.types.ts';

export const HEATED_TERMS: readonly Term[] = [
  '骂', /滚(?!动|筒|轮|烫)/, /你(?:才|是不是|是不是有)?有病/, '有病吧', '神经病', '报警', '打人', '动手', /你再[^，。！？,.!?]{0,6}(?:试试|一次|说|骂|敢|来)/,
  '欺人太甚', '不要脸', '缺德', '没素质', '没教养', '找打', '揍你', '弄死', '走着瞧', '闭嘴', '他妈', '傻逼', '傻b', '脑子有问题', '有本事', '你算什么', '算什么东西', '混蛋', '王八蛋', '贱',
];

/** Words that show a quarrel turning physical or legal: HIGH instead of MEDIUM. */
export const VIOLENCE_TERMS: readonly Term[] = ['打人', '动手', '揍你', '弄死', '砍', '拿刀', '报警', '找打'];

export interface ConflictOptions {
  /** Messages of the pair within the window (default 6). */
  minMessages: number;
  /** The window (default 10 minutes). */
  windowMs: number;
  /** Speaker changes + 1 within the pair's messages: A B A B is 4 (default 4). */
  minTurns: number;
  /** Messages of the pair with heated words (default 2). */
  minHeated: number;
  heatedTerms: readonly Term[];
  violenceTerms: readonly Term[];
}

export const DEFAULT_CONFLICT_OPTIONS: ConflictOptions = {
  minMessages: 6,
  windowMs: 10 * MINUTE_MS,
  minTurns: 4,
  minHeated: 2,
  heatedTerms: HEATED_TERMS,
  violenceTerms: VIOLENCE_TERMS,
};

/** Whether each message was heated, by term list: a group's recent messages are judged again for every new one. */
const heatedBy = weakMemo((terms: readonly Term[]) => weakMemo((m: PatrolMessage) => firstTerm(m.text.normalize('NFKC').toLowerCase(), terms) !== null));
const heated = (m: PatrolMessage, terms: readonly Term[]): boolean => heatedBy(terms)(m);

/** A quarrel the message takes part in, or null. `recent` holds the group's recent messages (this one may be among them). */
export function conflictFinding(msg: PatrolMessage, group: PatrolGroupRef, recent: readonly PatrolMessage[], options: Partial<ConflictOptions> = {}): NewPatrolFinding | null {
  const o = { ...DEFAULT_CONFLICT_OPTIONS, ...options };
  // a quarrel needs minMessages of the pair and minHeated heated ones among them, all in the window: most windows
  // hold too few, which a count says without pairing anyone
  let inWindow = 1;
  let hotInWindow = heated(msg, o.heatedTerms) ? 1 : 0;
  for (const m of recent) {
    const age = msg.sentAt.getTime() - m.sentAt.getTime();
    if (m.id === msg.id || m.groupId !== msg.groupId || age < 0 || age > o.windowMs) continue;
    inWindow++;
    if (heated(m, o.heatedTerms)) hotInWindow++;
  }
  if (inWindow < o.minMessages || hotInWindow < o.minHeated) return null;
  const byId = new Map<number, PatrolMessage>();
  for (const m of recent) {
    const age = msg.sentAt.getTime() - m.sentAt.getTime();
    if (m.groupId === msg.groupId && age >= 0 && age <= o.windowMs) byId.set(m.id, m);
  }
  byId.set(msg.id, msg);
  const window = [...byId.values()].sort(byTime);
  const a = msg.senderExternalId;
  const others = new Set(window.map((m) => m.senderExternalId).filter((s) => s !== a));

  let best: { b: string; pair: PatrolMessage[]; turns: number; hot: PatrolMessage[] } | null = null;
  for (const b of others) {
    const pair = window.filter((m) => m.senderExternalId === a || m.senderExternalId === b);
    if (pair.length < o.minMessages) continue;
    const turns = pair.reduce((n, m, i) => (i > 0 && m.senderExternalId !== pair[i - 1]!.senderExternalId ? n + 1 : n), 1);
    if (turns < o.minTurns) continue;
    const hot = pair.filter((m) => heated(m, o.heatedTerms));
    if (hot.length < o.minHeated) continue;
    if (!best || turns > best.turns) best = { b, pair, turns, hot };
  }
  if (!best) return null;
  const found = best;
  const nameOf = (id: string) => found.pair.find((m) => m.senderExternalId === id)?.senderName ?? id;
  const [p1, p2] = [a, best.b].sort();
  const violent = best.hot.some((m) => heated(m, o.violenceTerms));
  const start = best.pair[0]!;
  const minutes = Math.max(1, Math.round((msg.sentAt.getTime() - start.sentAt.getTime()) / MINUTE_MS));
  const lastHot = best.hot[best.hot.length - 1]!;
  return {
    rule: 'conflict',
    severity: violent ? 'HIGH' : 'MEDIUM',
    groupId: group.id,
    messageId: msg.id,
    ticketId: null,
    summary: `邻里争吵（${group.title}）：${nameOf(a)}与${nameOf(best.b)} ${minutes} 分钟内往来 ${best.pair.length} 条，“${excerpt(lastHot.text, 24)}”`,
    data: {
      senders: [p1, p2],
      names: [nameOf(p1!), nameOf(p2!)],
      messages: best.pair.length,
      turns: best.turns,
      heated: best.hot.length,
      violent,
      messageIds: best.pair.map((m) => m.id),
    },
    // one finding per pair per window: the window is counted from the pair's first message in it
    dedupKey: `conflict:${group.id}:${p1}|${p2}:${Math.floor(start.sentAt.getTime() / o.windowMs)}`,
  };
}
