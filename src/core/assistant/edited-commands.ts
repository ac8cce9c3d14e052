// A staff command in a message edited after an earlier version of it was carried out (Telegram lets people edit what
// they sent: see isEditedVersion). The rule: the edited command replaces the earlier version's.
//  - Naming the same ticket ("认领 #12" → "认领 #12 马上到", "办结 #12 灯泡已更换" → "办结 #12 声控灯已更换"): it was carried
//    out already; nothing runs again, nothing is said again.
//  - Naming another ticket ("认领 #3" → "认领 #4"): it is carried out on that one, and when it was, a claim an earlier
//    version made is taken back (the ticket waits to be claimed again, one `unclaimed` event, nobody told) while that
//    claim is still the last thing that happened on its ticket. Anything else an earlier version did (a note, a result
//    the resident was told, a transfer), or a ticket worked on since, stays as it is: taking that back would mean telling
//    people again, and the worker can put it right with a command of its own.
// A typo corrected into a command ("认岭 #12" → "认领 #12") is carried out once, as any new command.
import { isEditedVersion, isVersionOf } from '../messages/incoming-message.ts';
import type { Logger } from '../ports/logger.port.ts';
import type { StoredMessage } from '../ports/message.repository.ts';
import type { Store } from '../ports/store.port.ts';
import type { CommandParser } from '../tickets/command-parser.ts';
import type { ChatCommand } from '../tickets/commands.ts';
import type { TicketService } from '../tickets/ticket.service.ts';
import type { HandleOutcome, MessageContext } from './assistant.types.ts';

type RunCommand = Exclude<ChatCommand, { kind: 'report' | 'malformed' }>;

export interface EditedCommandsDeps {
  store: Store;
  tickets: Pick<TicketService, 'withdrawClaim'>;
  parser: CommandParser;
  logger: Logger;
}

export class EditedCommands {
  constructor(private readonly d: EditedCommandsDeps) {}

  /**
   * Whether an earlier version of this edited message carried out the same command on the same ticket: one of the
   * versions caused an event on the ticket (not a claim taken back since) and reads as the same command.
   */
  async doneByEarlierVersion(ctx: MessageContext, cmd: RunCommand): Promise<boolean> {
    const first = this.firstVersion(ctx);
    if (!first || cmd.ticketNo === undefined) return false;
    const t = await this.d.store.tickets.findByNumber(cmd.ticketNo);
    if (!t) return false;
    const events = await this.d.store.tickets.events(t.id);
    const withdrawn = new Set(events.flatMap((e) => (e.type === 'unclaimed' ? [e.data?.claimEventId] : [])));
    const causes = new Set(events.flatMap((e) => (e.messageId !== null && e.messageId !== ctx.stored.id && e.type !== 'unclaimed' && !withdrawn.has(e.id) ? [e.messageId] : [])));
    if (!causes.size) return false;
    const versions = (await this.d.store.messages.findManyById([...causes])).filter((m) => m.platform === ctx.msg.platform && isVersionOf(m.externalId, first.externalId));
    return versions.some((v) => {
      const said = this.d.parser.parse(v.text, { quotesBotMessage: true });
      const no = said?.kind === cmd.kind ? (said as { ticketNo?: number }).ticketNo : null;
      return no === undefined || no === cmd.ticketNo;
    });
  }

  /**
   * After the edited command was carried out on its ticket: the claims earlier versions made on other tickets are
   * taken back where nothing happened on them since (see the rule above).
   */
  async replaced(ctx: MessageContext, cmd: RunCommand, outcome: HandleOutcome): Promise<void> {
    const first = this.firstVersion(ctx);
    if (!first || cmd.ticketNo === undefined || outcome.kind !== 'command') return;
    for (const v of await this.d.store.messages.versionsOf(first)) {
      if (v.id === ctx.stored.id) continue;
      const claim = await this.d.store.tickets.eventCausedBy(v.id, 'claimed');
      if (!claim || claim.actorId !== ctx.sender.id) continue;
      const t = await this.d.store.tickets.findById(claim.ticketId);
      if (!t || t.number === cmd.ticketNo) continue;
      // taken back already, by a version before this one
      if ((await this.d.store.tickets.events(t.id)).some((e) => e.type === 'unclaimed' && e.data?.claimEventId === claim.id)) continue;
      const back = await this.d.tickets.withdrawClaim(claim, ctx.actor, ctx.stored.id);
      if (back) {
        this.d.logger.info({ messageId: ctx.stored.id, ticketNo: t.number, now: cmd.ticketNo, status: back.status }, 'edited command names another ticket: the claim its earlier version made is taken back');
      } else {
        this.d.logger.info({ messageId: ctx.stored.id, ticketNo: t.number, now: cmd.ticketNo }, 'edited command names another ticket: the earlier one was worked on since and stays as it is');
      }
    }
  }

  /** The first version of an edited message (the stored message it quotes), or null for a message not edited. */
  private firstVersion(ctx: MessageContext): StoredMessage | null {
    const first = ctx.quoted;
    return first && first.direction === 'IN' && isEditedVersion(ctx.msg) ? first : null;
  }
}
