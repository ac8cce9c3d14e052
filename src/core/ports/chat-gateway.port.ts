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
