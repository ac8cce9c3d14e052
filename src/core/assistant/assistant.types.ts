// What the assistant takes in and gives back, and the context one message is handled in: shared by the intake, the
// appeals, the command handlers and the responder.
import type { IncomingMessage } from '../messages/incoming-message.ts';
import type { Group } from '../ports/group.repository.ts';
import type { StoredMessage } from '../ports/message.repository.ts';
import type { Person } from '../ports/person.repository.ts';
import type { ChatCommand } from '../tickets/commands.ts';
import type { Actor } from '../tickets/ticket.service.ts';
import type { Urgency } from '../tickets/ticket.types.ts';

export type HandleOutcome =
  | { kind: 'duplicate' }
  /** `done-by-earlier-version`: an edited command that an earlier version of the message carried out already. */
  | { kind: 'ignored'; reason: 'unmapped' | 'inactive' | 'empty' | 'non-text' | 'done-by-earlier-version' }
  /** `echo`: the message repeated the bot's own words (a pasted copy), see EchoCheck. */
  | { kind: 'chatter'; echo?: true }
  /**
   * A new ticket. A message naming several separate problems gives the most urgent of those it opened (the patrol's
   * alert is about it), and in `ticketNos` every ticket it opened or joined, in the order named.
   */
  | { kind: 'ticket'; ticketNo: number; ticketId: number; urgency?: Urgency; ticketNos?: number[] }
  | { kind: 'joined'; ticketNo: number; ticketId: number }
  | { kind: 'supplemented'; ticketNo: number; ticketId: number; echo?: true }
  | { kind: 'command'; command: ChatCommand['kind']; ticketNo?: number }
  | { kind: 'topic'; topicNo: number; action: string }
  | { kind: 'service'; requestNo: number; action: string }
  | { kind: 'refused'; code: string };

/** A message for the assistant, as the pipeline stored it: its row id and its group's (see MessageInbox). */
export interface IngestItem {
  msg: IncomingMessage;
  messageId: number;
  groupId: number;
  /**
   * The id of the message stored just before this one in its group, by the same submitter: a chain that tells the
   * patrol its remembered view of the group missed nothing (see PatrolService). Absent when unknown (a redelivered
   * message, the submitter's first message of the group, a message queued again from the inbox).
   */
  prevId?: number;
}

export interface AssistantOptions {
  /** Send the assigned grid worker a direct message when a ticket is dispatched to them. */
  notifyAssigneeDirect: boolean;
  /** Lines from a reporter within this many minutes of their appeal may supplement it ("就在东门那边"). */
  followUpMinutes: number;
  /** How long a sender's person is remembered between messages (at least 10 minutes when not 0; default 5 s given). */
  cacheMs: number;
  /** The bot's display name: a message starting "邻里助手：" is a pasted copy of what the bot said (default 邻里助手). */
  botName: string;
}

/** One message being handled in a mapped group the bot reads (active, or muted: see botReads). */
export interface MessageContext {
  msg: IncomingMessage;
  stored: StoredMessage;
  group: Group & { gridNodeId: number };
  sender: Person;
  actor: Actor;
  quoted: StoredMessage | null;
  /**
   * An edited version's `quoted` is its first version; this is what that first version replied to (Telegram keeps a
   * reply's quote through edits): an edited reply to the bot is still a reply to the bot. Absent for other messages.
   */
  firstQuote?: StoredMessage | null;
  /** Sends caused by this message so far: the n-th send is keyed "<message id>:<n>" so a retry never repeats it. */
  sends: number;
}

/** The stored message this one replies to: for an edited version, the one its first version replied to (see firstQuote). */
export const repliedTo = (ctx: Pick<MessageContext, 'quoted' | 'firstQuote'>): StoredMessage | null =>
  ctx.firstQuote !== undefined ? ctx.firstQuote : ctx.quoted;
