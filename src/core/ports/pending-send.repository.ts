// The outbox table: what the bot is to say, kept from the moment its notify job is queued until it is sent, so that
// a queue that loses jobs (a Redis restarted without persistence) loses no message: the pending ones are queued again.
import type { OutgoingMessage } from './outbox.port.ts';

export interface PendingSendRepository {
  /** Records messages about to be queued (a key recorded before stays as it is). */
  record(messages: readonly OutgoingMessage[]): Promise<void>;
  /** The message with this key was sent (or will never be): it is no longer pending. */
  done(key: string): Promise<void>;
  /** Pending messages recorded in [since, before), oldest first. */
  list(since: Date, before: Date, limit: number): Promise<OutgoingMessage[]>;
  /** Forgets pending messages recorded before `before` (given up on); returns how many. */
  forgetBefore(before: Date): Promise<number>;
}
