// The shape of an in-chat command's handler: one per command kind, gathered into a table the dispatcher looks up
// (as grammY's Composer dispatches updates), so a new command is a new entry rather than another switch case.
import type { ChatCommand } from '../../tickets/commands.ts';
import type { StaffTicketService } from '../../tickets/staff-ticket.service.ts';
import type { MessageContext } from '../assistant.types.ts';
import type { Responder } from '../responder.ts';

/** A command about a ticket: every command but 报事, which is an appeal. */
export type TicketCommand = Exclude<ChatCommand, { kind: 'report' }>;

export interface CommandDeps {
  tickets: StaffTicketService;
  responder: Responder;
}

/** Carries out `cmd` on ticket `ticketNo` and replies; a refusal is thrown as a DomainError. */
export type CommandHandler<C extends TicketCommand> = (ctx: MessageContext, cmd: C, ticketNo: number, d: CommandDeps) => Promise<void>;

/** Handlers for the kinds `K`, each typed for its own command. */
export type CommandHandlers<K extends TicketCommand['kind']> = { [P in K]: CommandHandler<Extract<TicketCommand, { kind: P }>> };
