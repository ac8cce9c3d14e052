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
  /**
   * Runs once just before the platform is asked to send (a gateway that paces its sends calls it when the send's turn
   * comes, not when it is queued); if it throws, nothing is sent. A broadcast copy begins its attempt here, so a copy
   * still waiting for its turn when the process dies was never begun and is sent by the next worker.
   */
  beforeSend?: () => Promise<void>;
  /**
   * The platform refused the send for certain and the gateway will send it again after a wait (SendOptions.refused):
   * nothing went out, and `beforeSend` runs again before the re-send. Passed on only with `beforeSend`, to a gateway that
   * calls it; a broadcast copy's attempt ends here as not sent, so a crash during the wait leaves it for the next worker.
   */
  refused?: SendOptions['refused'];
}

export interface Outbox {
  send(m: OutgoingMessage, options?: OutboxSendOptions): Promise<void>;
}
