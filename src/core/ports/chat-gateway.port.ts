// Sending into a chat platform. One gateway per platform; core addresses groups and people by platform ids.
import type { OutgoingRef, Platform } from '../messages/incoming-message.ts';

export interface SendOptions {
  /** Platform user ids to @mention in the text. */
  mentions?: { externalId: string; name: string }[];
  /** Platform message id to reply to / quote. */
  replyToExternalId?: string;
  /**
   * Platform message id of the message the post is about (a ticket's appeal): on a platform whose groups have threads
   * (a Telegram forum's topics), the post goes to that message's thread, and quotes `replyToExternalId` only if that
   * message is in the same thread.
   */
  threadOf?: string;
  /**
   * Called right before the platform is asked to send (after any wait for the account's pace), by a gateway that says
   * `callsBeforeSend`: once, and again before each re-send that follows `refused`. If it throws, nothing (more) is sent
   * and the send rejects with its error, not retried. Never stored or queued: only a direct send passes it (see
   * OutboxSendOptions.beforeSend).
   */
  beforeSend?: () => Promise<void>;
  /**
   * Called by a gateway that sends again after a wait (Telegram's auto-retry) when the platform refused the send for
   * certain, nothing posted (a 429 Too Many Requests), before the wait; the gateway calls `beforeSend` again before it
   * re-sends. Never for a send whose outcome is unknown (a network error, a timeout, a 5xx). If it throws, the send
   * rejects with its error. Passed only with `beforeSend`, to a gateway that says `callsBeforeSend`.
   */
  refused?: (refusal: ChatSendError) => Promise<void>;
}

export interface ChatGateway {
  readonly platform: Platform;
  /**
   * The gateway makes a send wait its turn (WeChat's paced account) and calls SendOptions.beforeSend when the turn
   * comes. Otherwise the outbox calls it just before handing the message over.
   */
  readonly callsBeforeSend?: boolean;
  sendToGroup(groupExternalId: string, text: string, options?: SendOptions): Promise<OutgoingRef>;
  sendDirect(userExternalId: string, text: string): Promise<OutgoingRef>;
}

/**
 * Why a platform refused a send. Core decides on this code alone, never on an error's text:
 * - `NOT_IN_GROUP`: the bot is not (or no longer) in the group, or the group chat is gone (a broadcast skips the group);
 * - `BLOCKED`: the person blocked the bot, never started a chat with it, or is not its contact;
 * - `REJECTED`: the platform refused this message itself (a bad request, a bad token);
 * - `RATE_LIMITED`: too many sends, still refused after the gateway's own waiting;
 * - `UNAVAILABLE`: the platform could not be reached or failed on its side (network, 5xx).
 * The first three are permanent: sending the same message again cannot help.
 */
export type ChatSendErrorCode = 'NOT_IN_GROUP' | 'BLOCKED' | 'REJECTED' | 'RATE_LIMITED' | 'UNAVAILABLE';

const PERMANENT: ReadonlySet<ChatSendErrorCode> = new Set<ChatSendErrorCode>(['NOT_IN_GROUP', 'BLOCKED', 'REJECTED']);

/**
 * A send the platform refused, thrown by every gateway. `permanent` follows from the code: the notify stage fails a
 * permanent one at once, a broadcast records its copy as skipped (NOT_IN_GROUP) or failed instead of retrying.
 */
export class ChatSendError extends Error {
  override readonly name = 'ChatSendError';
  readonly permanent: boolean;
  constructor(
    message: string,
    readonly code: ChatSendErrorCode,
  ) {
    super(message);
    this.permanent = PERMANENT.has(code);
  }
}

/** The code of a gateway's refusal; undefined for any other error (a bug, a missing gateway), which is retried. */
export function sendErrorCode(e: unknown): ChatSendErrorCode | undefined {
  return e instanceof ChatSendError ? e.code : undefined;
}

/** True for a refusal that sending again cannot change (see ChatSendErrorCode). */
export function isPermanentSendError(e: unknown): boolean {
  return e instanceof ChatSendError && e.permanent;
}
