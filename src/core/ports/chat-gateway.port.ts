// Sending into a chat platform. One gateway per platform; core addresses groups and people by platform ids.
import type { OutgoingRef, Platform } from '../messages/incoming-message.ts';

export interface SendOptions {
  /** Platform user ids to @mention in the text. */
  mentions?: { externalId: string; name: string }[];
  /** Platform message id to reply to / quote. */
  replyToExternalId?: string;
}

export interface ChatGateway {
  readonly platform: Platform;
  sendToGroup(groupExternalId: string, text: string, options?: SendOptions): Promise<OutgoingRef>;
  sendDirect(userExternalId: string, text: string): Promise<OutgoingRef>;
}

/**
 * Why a platform refused a send. `NOT_IN_GROUP`: the bot is not (or no longer) in the group, or the chat does not
 * exist; `BLOCKED`: the person has blocked the bot or never started a chat with it; `REJECTED`: any other refusal.
 */
export type ChatSendErrorCode = 'NOT_IN_GROUP' | 'BLOCKED' | 'REJECTED' | 'UNAVAILABLE';

/**
 * A send the platform refused. `permanent`: sending again cannot help (the notify stage fails the job at once, a
 * broadcast records the copy as failed or skipped instead of retrying).
 */
export class ChatSendError extends Error {
  override readonly name = 'ChatSendError';
  constructor(
    message: string,
    readonly code: ChatSendErrorCode,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/** True for an error a gateway marked as final (see ChatSendError). */
export function isPermanentSendError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { permanent?: unknown }).permanent === true;
}
