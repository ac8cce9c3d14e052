// Runs an in-chat command: finds the ticket it is about (its number, or the bot message it quotes), looks up the
// command's handler and turns a refusal (a DomainError) into one polite reply.
import { DomainError, ErrorCode, isDomainError } from '../../errors.ts';
import type { Logger } from '../../ports/logger.port.ts';
import type { Store } from '../../ports/store.port.ts';
import type { StoredMessage } from '../../ports/message.repository.ts';
import { errorReply, inHandReply, refusalReply, replies, whichTicketReply } from '../../tickets/replies.ts';
import type { ChatCommandKind } from '../../tickets/commands.ts';
import { canMove, IN_HAND, OPEN_STATUSES } from '../../tickets/transitions.ts';
import { ACTION_ZH, mayDo, personIsStaff, refusalOf, type Action } from '../../people/roles.ts';
import type { Ticket, TicketStatus } from '../../tickets/ticket.types.ts';
import type { HandleOutcome, MessageContext } from '../assistant.types.ts';
import { quotedBotMessage } from '../quoted-bot-message.ts';
import type { CommandDeps, CommandHandler, CommandHandlers, TicketCommand } from './command-handler.ts';
import { residentCommands } from './resident.commands.ts';
import { routingCommands } from './routing.commands.ts';
import { workCommands } from './work.commands.ts';

/** Every command kind has its handler: a kind missing here fails the typecheck. */
const handlers: CommandHandlers<TicketCommand['kind']> = { ...workCommands, ...routingCommands, ...residentCommands };

// the table holds each kind's handler under its own kind, which TypeScript cannot correlate through an index
const handlerFor = <C extends TicketCommand>(cmd: C) => handlers[cmd.kind] as CommandHandler<C>;

/** The steps the ticket's holder takes on it: a missing number names what they hold. */
const HOLDER_STEPS: readonly ChatCommandKind[] = ['progress', 'resolve', 'complex', 'escalate', 'transfer', 'reject'];
/** In hand: assigned and not yet resolved (one waiting for its claim too: a holder's step claims it first). */
const IN_HAND_HERE: readonly TicketStatus[] = ['REPORTED', ...IN_HAND];

export interface CommandDispatcherDeps extends CommandDeps {
  store: Store;
  logger: Logger;
  /**
   * The words after a poor rating of a closed ticket ("不满意，电梯今天又停了"), read as any appeal: a new ticket (with
   * the given receipt), detail or chatter.
   */
  appeal?: (ctx: MessageContext, text: string, receipt: (t: Ticket) => string) => Promise<HandleOutcome>;
}

export class CommandDispatcher {
  constructor(private readonly d: CommandDispatcherDeps) {}

  /** The command's outcome; null for everyday words that quote a bot message about no ticket (conversation). */
  async run(ctx: MessageContext, cmd: TicketCommand): Promise<HandleOutcome | null> {
    const { responder } = this.d;
    const ticketNo = cmd.ticketNo ?? (await this.quotedTicketNo(ctx));
    if (ticketNo === undefined && 'byQuote' in cmd && cmd.byQuote) return null;
    if (ticketNo === undefined) {
      await responder.reply(ctx, (await this.refusedOutright(ctx, cmd.kind)) ?? (await this.inHandHere(ctx, cmd.kind)) ?? whichTicketReply(cmd.kind), null);
      return { kind: 'refused', code: 'MALFORMED_COMMAND' };
    }
    try {
      await handlerFor(cmd)(ctx, cmd, ticketNo, this.d);
      return { kind: 'command', command: cmd.kind, ticketNo };
    } catch (e) {
      if (!isDomainError(e)) throw e;
      this.d.logger.info({ messageId: ctx.stored.id, ticketNo, command: cmd.kind, code: e.code }, 'command refused');
      const closedRating = cmd.kind === 'rate' && cmd.satisfaction === 'UNSATISFIED' && (await this.ratedClosed(e, ticketNo));
      // the ticket is closed, but the resident (its reporter or a neighbour) tells of the problem again: registered
      // anew, through triage as any appeal
      if (closedRating && cmd.kind === 'rate' && this.d.appeal && cmd.note.trim()) {
        const again = await this.d.appeal(ctx, cmd.note, (t) => replies.newAfterClosed(ticketNo, t));
        if (again.kind === 'ticket' || again.kind === 'joined') return again;
      }
      const refusal = errorReply(e.details.ticketNo ? e : new DomainError(e.code, e.message, { ...e.details, ticketNo }));
      await responder.reply(ctx, closedRating ? `${refusal}${replies.reportAgainHint()}` : refusal, null);
      return { kind: 'refused', code: e.code };
    }
  }

  /**
   * A staff step from someone whose roles may never take it ("办结 #3" from a resident), said before anything about its
   * form or its ticket: the refusal the declared capabilities give (roles.ts), not the line to type. Null otherwise.
   */
  async refusedOutright(ctx: MessageContext, kind: ChatCommandKind): Promise<string | null> {
    if (!(kind in ACTION_ZH)) return null;
    const held = (await this.d.store.people.assignments(ctx.sender.id)).map((a) => a.role);
    return mayDo(kind as Action, held) ? null : refusalReply(kind as Action, refusalOf(kind as Action, held));
  }

  /**
   * For a holder's step that names no ticket (进度, 办结 …): the sender's tickets in hand in this group, named with the
   * line to send; null when they hold none here (or the step is not a holder's: 认领, 督办, 评价).
   */
  async inHandHere(ctx: MessageContext, kind: ChatCommandKind): Promise<string | null> {
    if (kind === 'query') return this.yoursHere(ctx);
    // 认领 alone: the tickets here dispatched to them and waiting for a claim
    const claim = kind === 'claim';
    if (!claim && !HOLDER_STEPS.includes(kind)) return null;
    const mine = (await this.d.store.tickets.listOpenByAssignee(ctx.sender.id))
      .filter((t) => t.groupId === ctx.group.id && (claim ? canMove(t.status, 'claim') : IN_HAND_HERE.includes(t.status)))
      .map((t) => t.number);
    return mine.length ? inHandReply(kind, mine) : null;
  }

  /**
   * 查询 alone: the asker's open tickets in this group — a resident's those they reported, staff's those in their
   * charge —; one is answered as 查询 #N would be, several are listed with the line to send.
   */
  private async yoursHere(ctx: MessageContext): Promise<string> {
    const { store } = this.d;
    const staff = await personIsStaff(store.people, ctx.sender.id);
    const open = staff
      ? (await store.tickets.listOpenByAssignee(ctx.sender.id)).filter((t) => t.groupId === ctx.group.id)
      : await store.tickets.list({ reporterId: ctx.sender.id, groupId: ctx.group.id, statuses: OPEN_STATUSES, limit: 10 });
    if (open.length === 1) {
      const t = open[0]!;
      return replies.query(t, t.assigneeId !== null ? ((await store.people.findById(t.assigneeId))?.name ?? null) : null);
    }
    if (open.length > 1) return replies.yoursHere([...open].sort((a, b) => a.number - b.number), staff);
    return staff ? replies.noneInChargeHere() : replies.noOpenTicket();
  }

  /** A rating refused because its ticket is closed (for its reporter: the move; for anyone else: who may rate). */
  private async ratedClosed(e: DomainError, ticketNo: number): Promise<boolean> {
    if (e.code === ErrorCode.IllegalTransition) return e.details.from === 'CLOSED';
    return e.code === ErrorCode.NotReporter && (await this.d.store.tickets.findByNumber(ticketNo))?.status === 'CLOSED';
  }

  /**
   * The ticket of the bot message a command quotes: the one the bot sent that message for (its stored ticketId: a
   * receipt, a notice, an answer about it), never a number that merely appears in its text (a help line's example).
   */
  private async quotedTicketNo(ctx: MessageContext): Promise<number | undefined> {
    const sent = await this.quotedBotMessage(ctx);
    if (!sent?.ticketId) return undefined;
    return (await this.d.store.tickets.findById(sent.ticketId))?.number;
  }

  /** A Telegram reply names the message; a WeChat quote only shows its text, found among the bot's recent posts in the group. */
  private quotedBotMessage(ctx: MessageContext): Promise<StoredMessage | null> {
    return quotedBotMessage(this.d.store, ctx);
  }
}
