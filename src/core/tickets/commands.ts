// The in-chat commands, as the parser (command-parser.ts) produces them. Chinese first; aliases are configurable.
import type { Satisfaction } from './ticket.types.ts';

export type ChatCommand =
  // 认领 #12 / 接单 #12, or 收到 quoting the receipt (ticketNo from the quote); `staffOnly`: 收到 with more after it
  // ("收到，马上去看"), a claim from staff and conversation from anyone else
  | { kind: 'claim'; ticketNo?: number; staffOnly?: true; byQuote?: true }
  | { kind: 'progress'; ticketNo?: number; note: string } // 进度 #12 已联系物业
  | { kind: 'resolve'; ticketNo?: number; note: string } // 办结 #12 井盖已更换
  | { kind: 'transfer'; ticketNo?: number; target: string; note: string } // 转派 #12 城管
  | { kind: 'escalate'; ticketNo?: number; note: string } // 吹哨 #12 原因
  // 驳回 #12 重复 / 驳回 #12 与#10重复 (duplicateOf: the ticket it repeats, when named)
  | { kind: 'reject'; ticketNo?: number; reason: RejectReason; note: string; duplicateOf?: number }
  | { kind: 'query'; ticketNo?: number } // 查询 #12
  | { kind: 'rate'; ticketNo?: number; satisfaction: Satisfaction; note: string; byQuote?: true } // 满意 (quoting) / 评价 #12 满意
  | { kind: 'complex'; ticketNo?: number; note: string } // 复杂 #12
  | { kind: 'supervise'; ticketNo?: number; note: string } // 督办 #12
  | { kind: 'recategorize'; ticketNo?: number; category: string } // 改类 #12 噪音扰民 (a correction that teaches triage)
  | { kind: 'report'; text: string }; // 报事 …: always opens a ticket

export type ChatCommandKind = ChatCommand['kind'];

// `byQuote`: everyday words (收到, 满意) read as a command only because they quote a bot message; quoting one that is
// about no ticket (a notice, a broadcast), they are conversation again
export type RejectReason = 'not_appeal' | 'duplicate' | 'other';

/**
 * The longest note a staff step keeps (进度, 办结, a reason), in UTF-16 units as the console's checks count: the chat and
 * the console refuse a longer one alike, so a ticket's record stays readable and the same whichever way it was written.
 */
export const NOTE_MAX_CHARS = 500;

/** A command word recognised but with missing or bad arguments: the sender gets a usage hint. */
export interface MalformedCommand {
  kind: 'malformed';
  command: ChatCommandKind;
  problem: string;
  /** The note's length, when it is over NOTE_MAX_CHARS. */
  noteLength?: number;
}

export type ParseResult = ChatCommand | MalformedCommand | null;
