// Runs an in-chat command: finds the ticket it is about (its number, or the bot message it quotes), looks up the
// command's handler and turns a refusal (a DomainError) into one polite reply.
import { DomainError, isDomainError } from '../../errors.ts';
import type { Logger } from '../../ports/logger.port.ts';
import type { Store } from '../../ports/store.port.ts';
import { errorReply } from '../../tickets/replies.ts';
import type { HandleOutcome, MessageContext } from '../assistant.types.ts';
import type { CommandDeps, CommandHandler, CommandHandlers, TicketCommand } from './command-handler.ts';
import { residentCommands } from './resident.commands.ts';
import { routingCommands } from './routing.commands.ts';
import { workCommands } from './work.commands.ts';

/** Every command kind has its handler: a kind missing here fails the typecheck. */
const handlers: CommandHandlers<TicketCommand['kind']> = { ...workCommands, ...routingCommands, ...residentCommands };

// the table holds each kind's handler under its own kind, which TypeScript cannot correlate through an index
const handlerFor = <C extends TicketCommand>(cmd: C) => handlers[cmd.kind] as CommandHandler<C>;

export interface CommandDispatcherDeps extends CommandDeps {
  store: Store;
  logger: Logger;
}

export class CommandDispatcher {
  constructor(private readonly d: CommandDispatcherDeps) {}

  async run(ctx: MessageContext, cmd: TicketCommand): Promise<HandleOutcome> {
    const { responder } = this.d;
    const ticketNo = cmd.ticketNo ?? (await this.quotedTicketNo(ctx));
    if (ticketNo === undefined) {
      await responder.reply(ctx, errorReply(new DomainError('MALFORMED_COMMAND', 'no ticket number')), null);
      return { kind: 'refused', code: 'MALFORMED_COMMAND' };
    }
    try {
      await handlerFor(cmd)(ctx, cmd, ticketNo, this.d);
      return { kind: 'command', command: cmd.kind, ticketNo };
    } catch (e) {
      if (!isDomainError(e)) throw e;
      this.d.logger.info({ messageId: ctx.stored.id, ticketNo, command: cmd.kind, code: e.code }, 'command refused');
      await responder.reply(ctx, errorReply(e.details.ticketNo ? e : new DomainError(e.code, e.message, { ...e.details, ticketNo })), null);
      return { kind: 'refused', code: e.code };
    }
  }

  private async quotedTicketNo(ctx: MessageContext): Promise<number | undefined> {
    if (ctx.quoted?.ticketId) return (await this.d.store.tickets.findById(ctx.quoted.ticketId))?.number;
    // a WeChat quote carries the quoted text: every bot message about a ticket names it (#1024)
    const no = ctx.msg.quoted?.fromBot ? /#(\d{1,9})/.exec(ctx.msg.quoted.text)?.[1] : undefined;
    return no ? Number(no) : undefined;
  }
}
