// What the ticket service is given and returns: its dependencies, the acting person, a report's input, and the
// shape of a listener told of every change.
import type { TicketEvents } from '../events/ticket-events.ts';
import type { GridRouter } from '../grid/routing.ts';
import type { Clock } from '../ports/clock.port.ts';
import type { CorrectionRepository } from '../ports/correction.repository.ts';
import type { Logger } from '../ports/logger.port.ts';
import type { MessageRepository } from '../ports/message.repository.ts';
import type { Person, PersonRepository } from '../ports/person.repository.ts';
import type { TicketRepository } from '../ports/ticket.repository.ts';
import type { WorkCalendar } from '../ports/work-calendar.port.ts';
import type { SlaPolicies } from '../sla/deadlines.ts';
import type { TriageResult } from '../triage/triage.types.ts';
import type { DedupOptions } from './duplicate-finder.ts';
import type { NewTicketEvent, Ticket } from './ticket.types.ts';

export interface Actor {
  personId: number;
  name: string;
}

export interface TicketServiceDeps {
  tickets: TicketRepository;
  people: PersonRepository;
  messages: MessageRepository;
  corrections: CorrectionRepository;
  router: GridRouter;
  calendar: WorkCalendar;
  policy: SlaPolicies;
  clock: Clock;
  logger: Logger;
  dedup?: Partial<DedupOptions>;
  /** Category codes and their Chinese names; a correction may name either. */
  categories?: Record<string, string>;
  /** Every committed change of a ticket is published here (deadline timers subscribe). */
  events: TicketEvents;
}

/** The ticket after progress or resolve, and whether the same command claimed it first. */
export interface ClaimedFirst {
  ticket: Ticket;
  claimed: boolean;
  /** A progress note on a ticket someone else holds (or was handed to): that person, who is told of the note. */
  holderId?: number;
}

export type TicketChangeListener = (ticket: Ticket, event: NewTicketEvent) => Promise<void>;

export interface ReportInput {
  groupId: number | null;
  gridNodeId: number;
  reporter: Person;
  triage: TriageResult;
  messageId: number | null;
  /** The resident asked explicitly (报事 / @bot): the ticket is opened whatever triage thought. */
  explicit: boolean;
  /** Which problem of a message naming several this ticket is for (0, 1, …); absent for a message of one problem. */
  part?: number;
}
