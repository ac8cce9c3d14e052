// Carries committed ticket changes between the processes of one deployment (with Redis: `linli start` and each
// `linli worker`), so that a console served by one process shows live what another one changed. Each process hears
// only what the others sent, never its own changes back.
import type { TicketChange } from '../events/ticket-events.ts';

export interface TicketChangeRelay {
  /** Sends a change committed in this process to the others; fails (to be logged) when the relay is unreachable. */
  send(change: TicketChange): Promise<void>;
  /** Calls `handler` with each change another process sent, from when the promise resolves until `close`. */
  listen(handler: (change: TicketChange) => void): Promise<void>;
  close(): Promise<void>;
}
