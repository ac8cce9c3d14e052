import type { IncomingMessage, Platform } from '../messages/incoming-message.ts';

export interface StoredMessage {
  id: number;
  platform: Platform;
  externalId: string;
  direction: 'IN' | 'OUT';
  groupId: number | null;
  senderExternalId: string | null;
  senderName: string | null;
  kind: string;
  text: string;
  quotedExternalId: string | null;
  quotedText: string | null;
  quotedFromBot: boolean;
  sentAt: Date;
  ticketId: number | null;
  handledAt: Date | null;
}

export type MessageHandling = Pick<StoredMessage, 'id' | 'ticketId' | 'handledAt'>;

export interface MessageRepository {
  /** Stores an incoming message once; a redelivery returns the stored row with duplicate = true. */
  saveIncoming(msg: IncomingMessage, groupId: number | null): Promise<{ message: StoredMessage; duplicate: boolean }>;
  /** saveIncoming for many messages at once (one statement when none is a redelivery); results in the given order. */
  saveIncomingMany(items: readonly { msg: IncomingMessage; groupId: number | null }[]): Promise<{ message: StoredMessage; duplicate: boolean }[]>;
  /** Stored messages by id, in id order; unknown ids are left out. */
  findManyById(ids: readonly number[]): Promise<StoredMessage[]>;
  /** Where handling of these messages stands (the rest of a row is what was stored), in id order; unknown ids are left out. */
  handlingOf(ids: readonly number[]): Promise<MessageHandling[]>;
  /** Records a message the bot sent (a receipt, a closing message) and the ticket it speaks of. */
  saveOutgoing(platform: Platform, externalId: string, groupId: number | null, text: string, ticketId: number | null, sourceKey?: string): Promise<StoredMessage>;
  /** Whether the bot already sent the message with this key (see Message.sourceKey). */
  outgoingSent(sourceKey: string): Promise<boolean>;
  findByExternal(platform: Platform, externalId: string): Promise<StoredMessage | null>;
  /**
   * An incoming message and its edited versions (see editedVersionId), in id order: they share its group and its time
   * (Telegram's date is when the message was first sent).
   */
  versionsOf(first: Pick<StoredMessage, 'platform' | 'externalId' | 'groupId' | 'sentAt'>): Promise<StoredMessage[]>;
  /**
   * The bot's latest message in a group, sent in the last `days` days, whose text is one of `texts`: what a WeChat
   * quote (text, no id) refers to. Null when none is.
   */
  lastOutgoingWithText(platform: Platform, groupId: number, texts: readonly string[], days: number): Promise<StoredMessage | null>;
  /** The bot's latest message in a group, or null (the sandbox's /reply quotes it, after a restart too). */
  lastOutgoingIn(platform: Platform, groupId: number): Promise<StoredMessage | null>;
  /**
   * The bot's latest message on the platform (any group or a direct message), sent in the last `days` days, whose text
   * with whitespace removed is at least 12 characters and contained in `squeezed` (a text with whitespace removed): what
   * a pasted copy of the bot's words repeats. Null when none is.
   */
  outgoingWithin(platform: Platform, squeezed: string, days: number): Promise<StoredMessage | null>;
  linkTicket(messageId: number, ticketId: number): Promise<void>;
  /** Marks a message handled (the first mark's time stays). */
  markHandled(messageId: number): Promise<void>;
  markHandledMany(messageIds: readonly number[]): Promise<void>;
  /** Incoming messages stored but not handled (a crash, a failed send), oldest first, received before `before`. */
  listUnhandled(before: Date, limit: number): Promise<StoredMessage[]>;
  /**
   * A ticket's conversation, oldest first, at most `limit`: the messages linked to it (the appeal, follow-ups, the
   * bot's replies about it) and those that caused its events (commands).
   */
  ofTicket(ticketId: number, limit: number): Promise<StoredMessage[]>;
  /** The resident's message a ticket was opened from. */
  firstIncomingOfTicket(ticketId: number): Promise<StoredMessage | null>;
}
