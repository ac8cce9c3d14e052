// Everything the bot says goes through the outbox: sent at once (DirectOutbox) or queued for the notify workers
// (QueuedOutbox). Each message has a key, "<cause>:<n>", so that sending it twice sends it once.
import type { Platform } from '../messages/incoming-message.ts';
import type { SendOptions } from './chat-gateway.port.ts';

export interface OutgoingMessage {
  key: string;
  platform: Platform;
  to: { group: string; groupId: number } | { user: string };
  text: string;
  ticketId: number | null;
  options?: SendOptions;
}

export interface OutboxSendOptions {
  /** The key's first attempt (a broadcast copy whose delivery had none): nothing can have been sent under it, so the
   *  outbox skips its look for an earlier send. */
  firstAttempt?: boolean;
}

export interface Outbox {
  send(m: OutgoingMessage, options?: OutboxSendOptions): Promise<void>;
}
