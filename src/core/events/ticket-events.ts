// The ticket change bus: TicketService publishes each committed change of a ticket with its event; the deadline
// timers subscribe (and the console's live view and the statistics will). A subscriber that fails is logged and
// never breaks the write, which is committed already.
import type { Logger } from '../ports/logger.port.ts';
import type { NewTicketEvent, Ticket } from '../tickets/ticket.types.ts';

/** A committed change: the ticket after it and the event that recorded it. */
export interface TicketChange {
  ticket: Ticket;
  event: NewTicketEvent;
}

export type TicketChangeHandler = (change: TicketChange) => Promise<void> | void;

export class TicketEvents {
  private readonly handlers = new Set<TicketChangeHandler>();

  constructor(private readonly logger: Logger) {}

  /** Adds a subscriber; the function returned removes it. */
  subscribe(handler: TicketChangeHandler): () => void {
    this.handlers.add(handler);
    return () => void this.handlers.delete(handler);
  }

  /** Subscribers now (a live view that closed has left). */
  get size(): number {
    return this.handlers.size;
  }

  /** Tells every subscriber in the order they subscribed, each after the one before has finished. */
  async publish(change: TicketChange): Promise<void> {
    for (const handler of [...this.handlers]) {
      try {
        await handler(change);
      } catch (err) {
        this.logger.error({ err, ticketNo: change.ticket.number, event: change.event.type }, 'ticket change subscriber failed');
      }
    }
  }
}
