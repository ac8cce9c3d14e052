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

export interface Outbox {
  send(m: OutgoingMessage): Promise<void>;
}
