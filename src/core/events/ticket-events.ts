// The ticket change bus: TicketService publishes each committed change of a ticket with its event; the deadline
// timers and the statistics subscribe to this process's changes. Views (the console's live feed) subscribe to every
// change, which with a relay (core/ports/ticket-change-relay.port.ts) includes those other processes committed. A
// subscriber that fails is logged and never breaks the write, which is committed already.
import type { Logger } from '../ports/logger.port.ts';
import type { TicketChangeRelay } from '../ports/ticket-change-relay.port.ts';
import type { NewTicketEvent, Ticket } from '../tickets/ticket.types.ts';

/** A committed change: the ticket after it and the event that recorded it. */
export interface TicketChange {
  ticket: Ticket;
  event: NewTicketEvent;
}

export type TicketChangeHandler = (change: TicketChange) => Promise<void> | void;

export class TicketEvents {
  private readonly handlers = new Set<TicketChangeHandler>();
  private readonly viewers = new Set<TicketChangeHandler>();
  /** Senders to the other processes (see bridge). */
  private readonly relays = new Set<TicketChangeHandler>();

  constructor(private readonly logger: Logger) {}

  /** Adds a subscriber to the changes committed in this process (it acts on them); the function returned removes it. */
  subscribe(handler: TicketChangeHandler): () => void {
    this.handlers.add(handler);
    return () => void this.handlers.delete(handler);
  }

  /** Adds a subscriber to every change, this process's and (with a relay) the other processes'; it only shows them. */
  watch(handler: TicketChangeHandler): () => void {
    this.viewers.add(handler);
    return () => void this.viewers.delete(handler);
  }

  /** Subscribers now (a live view that closed has left). */
  get size(): number {
    return this.handlers.size + this.viewers.size + this.relays.size;
  }

  /** Tells every subscriber in the order they subscribed, each after the one before has finished; then the viewers. */
  async publish(change: TicketChange): Promise<void> {
    await this.tell([...this.handlers, ...this.relays, ...this.viewers], change);
  }

  /**
   * A note on a ticket that changes nothing timers or statistics read (a progress note, 督办, a resident's follow-up):
   * only the views hear it, in this process and, through the relay, in the others.
   */
  async announce(change: TicketChange): Promise<void> {
    await this.tell([...this.relays, ...this.viewers], change);
  }

  /** A change another process committed: only the viewers hear it (its timers and statistics are that process's). */
  async received(change: TicketChange): Promise<void> {
    await this.tell([...this.viewers], change);
  }

  /**
   * Sends this process's changes through the relay and passes the other processes' to the viewers. Sending is not
   * awaited by the write (a slow or unreachable relay only costs the other consoles the live line); returns `stop`.
   */
  async bridge(relay: TicketChangeRelay): Promise<() => void> {
    const sender: TicketChangeHandler = (change) => {
      relay.send(change).catch((err: unknown) => this.logger.warn({ err, ticketNo: change.ticket.number }, 'ticket change not relayed'));
    };
    this.relays.add(sender);
    const stop = () => void this.relays.delete(sender);
    try {
      await relay.listen((change) => void this.received(change));
    } catch (err) {
      // this process's changes still go out; its own live views miss the others' until the relay can listen
      this.logger.warn({ err }, 'ticket changes of other processes are not heard');
    }
    return stop;
  }

  private async tell(handlers: TicketChangeHandler[], change: TicketChange): Promise<void> {
    for (const handler of handlers) {
      try {
        await handler(change);
      } catch (err) {
        this.logger.error({ err, ticketNo: change.ticket.number, event: change.event.type }, 'ticket change subscriber failed');
      }
    }
  }
}
