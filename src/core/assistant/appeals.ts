// Appeals: a line triage reads as a problem becomes a ticket (or joins the same open one, or adds detail to the
// sender's own), with a receipt in the group and a direct message to the assigned worker.
import { isEnglish } from '../english/english-text.ts';
import { personIsStaff } from '../people/roles.ts';
import type { Store } from '../ports/store.port.ts';
import type { Triage } from '../ports/triage.port.ts';
import { replies } from '../tickets/replies.ts';
import type { TicketService } from '../tickets/ticket.service.ts';
import type { Ticket } from '../tickets/ticket.types.ts';
import { OPEN_STATUSES } from '../tickets/transitions.ts';
import type { AssistantOptions, HandleOutcome, MessageContext } from './assistant.types.ts';
import type { Echo } from './echo.ts';
import type { Responder } from './responder.ts';

/** The longest line read as a follow-up to the sender's recent appeal (a detail is a line, not an article). */
const FOLLOW_UP_MAX_CHARS = 80;
/** Words that make a short line read as more detail on an earlier appeal rather than small talk. */
const SUPPLEMENT = /就在|在.{0,8}(那边|这边|旁边|门口|楼下|附近)|位置|照片|图片|视频|补充|地址|对面|看图|如图/u;

export interface AppealsDeps {
  store: Store;
  tickets: TicketService;
  triage: Triage;
  responder: Responder;
  options: Pick<AssistantOptions, 'notifyAssigneeDirect' | 'followUpMinutes'>;
}

export class Appeals {
  constructor(private readonly d: AppealsDeps) {}

  /**
   * A line that is not a command: an appeal (`explicit` when the sender asked for one: 报事, @bot), detail or chatter.
   * `receipt`: the group reply for a new ticket when not the usual receipt.
   */
  async report(ctx: MessageContext, text: string, explicit: boolean, receipt: (t: Ticket) => string = replies.receipt): Promise<HandleOutcome> {
    if (ctx.stored.ticketId !== null) return this.resumeReport(ctx, ctx.stored.ticketId);
    const { tickets, responder } = this.d;
    const triage = await this.d.triage.classify(text, { groupId: ctx.group.id, gridNodeId: ctx.group.gridNodeId });
    if (!triage.isAppeal && !explicit) {
      // a short line only ("就在东门那边"): a forwarded article naming a building is no detail of anyone's appeal
      const detail = text.length <= FOLLOW_UP_MAX_CHARS && (Object.keys(triage.place).length > 0 || SUPPLEMENT.test(text));
      const recent = detail ? await this.recentTicketOf(ctx) : null;
      if (!recent) return { kind: 'chatter' };
      await tickets.supplement(recent, ctx.sender, text, ctx.stored.id);
      await this.d.store.messages.linkTicket(ctx.stored.id, recent.id);
      return { kind: 'supplemented', ticketNo: recent.number, ticketId: recent.id };
    }
    const same = await tickets.findDuplicateOf(ctx.group.gridNodeId, ctx.group.id, text, triage.place);
    if (same) {
      // staff forwarding a ticket's words (its own assignee above all) are not residents with the same problem
      if (same.reporterId !== ctx.sender.id && (same.assigneeId === ctx.sender.id || (await personIsStaff(this.d.store.people, ctx.sender.id)))) return { kind: 'chatter' };
      await this.d.store.messages.linkTicket(ctx.stored.id, same.id);
      if (same.reporterId === ctx.sender.id) {
        await tickets.supplement(same, ctx.sender, text, ctx.stored.id);
        return { kind: 'supplemented', ticketNo: same.number, ticketId: same.id };
      }
      const joined = await tickets.join(same, ctx.sender, ctx.stored.id);
      await responder.reply(ctx, replies.duplicateJoined(joined), joined);
      return { kind: 'joined', ticketNo: joined.number, ticketId: joined.id };
    }
    const { ticket, assignee } = await tickets.report({
      groupId: ctx.group.id,
      gridNodeId: ctx.group.gridNodeId,
      reporter: ctx.sender,
      triage: triage.isAppeal ? triage : { ...triage, category: triage.category === 'chatter' ? 'other' : triage.category },
      messageId: ctx.stored.id,
      explicit,
    });
    // the message was linked to its ticket when the ticket was created
    // one English line under the usual receipt for a resident who wrote in English
    const english = receipt === replies.receipt && isEnglish(text) ? `\n${replies.receiptEnglish(ticket)}` : '';
    await responder.reply(ctx, receipt(ticket) + english, ticket);
    if (assignee && this.d.options.notifyAssigneeDirect) await responder.direct(ctx, assignee, replies.assignedDirect(ticket, ctx.group.title), ticket);
    return { kind: 'ticket', ticketNo: ticket.number, ticketId: ticket.id, urgency: ticket.urgency };
  }

  /**
   * The message was handled before but not to the end (a crash, a failed send): the ticket it opened or joined
   * stands; only the replies are finished (those already sent are skipped by their keys).
   */
  private async resumeReport(ctx: MessageContext, ticketId: number): Promise<HandleOutcome> {
    const { store, responder } = this.d;
    const t = (await store.tickets.findById(ticketId))!;
    if (await store.tickets.eventCausedBy(ctx.stored.id, 'reported')) {
      await responder.reply(ctx, replies.receipt(t), t);
      const assignee = t.assigneeId ? await store.people.findById(t.assigneeId) : null;
      if (assignee && this.d.options.notifyAssigneeDirect) await responder.direct(ctx, assignee, replies.assignedDirect(t, ctx.group.title), t);
      return { kind: 'ticket', ticketNo: t.number, ticketId: t.id };
    }
    if (await store.tickets.eventCausedBy(ctx.stored.id, 'joined')) {
      await responder.reply(ctx, replies.duplicateJoined(t), t);
      return { kind: 'joined', ticketNo: t.number, ticketId: t.id };
    }
    return { kind: 'supplemented', ticketNo: t.number, ticketId: t.id };
  }

  /**
   * A pasted copy of the bot's words: no new ticket from the copy. When it speaks of an open ticket the sender
   * reported, it is kept with that ticket (the resident raising it again, with their own words if any); otherwise the
   * sender's own words around it, if any, are read as any line of theirs, and a bare copy is chatter.
   */
  async echo(ctx: MessageContext, echo: Echo): Promise<HandleOutcome> {
    const { store, tickets } = this.d;
    const t = echo.ticketId !== null ? await store.tickets.findById(echo.ticketId) : null;
    if (t && t.reporterId === ctx.sender.id && OPEN_STATUSES.includes(t.status)) {
      await store.messages.linkTicket(ctx.stored.id, t.id);
      // the bot's own words are no news for the ticket's history: only the reporter's words around them are added
      if (!echo.own) return { kind: 'chatter', echo: true };
      await tickets.supplement(t, ctx.sender, echo.own, ctx.stored.id);
      return { kind: 'supplemented', ticketNo: t.number, ticketId: t.id };
    }
    if (echo.own) return this.report(ctx, echo.own, false);
    return { kind: 'chatter', echo: true };
  }

  /** A photo or file right after an appeal belongs to it; otherwise non-text messages are not the bot's business. */
  async attachment(ctx: MessageContext): Promise<HandleOutcome> {
    const recent = await this.recentTicketOf(ctx);
    if (!recent) return { kind: 'ignored', reason: 'non-text' };
    await this.d.tickets.supplement(recent, ctx.sender, ctx.msg.text || `[${ctx.msg.kind}]`, ctx.stored.id);
    await this.d.store.messages.linkTicket(ctx.stored.id, recent.id);
    return { kind: 'supplemented', ticketNo: recent.number, ticketId: recent.id };
  }

  /** The sender's latest open ticket from this group, if reported within the follow-up window. */
  private async recentTicketOf(ctx: MessageContext): Promise<Ticket | null> {
    const since = new Date(ctx.msg.sentAt.getTime() - this.d.options.followUpMinutes * 60_000);
    const [t] = await this.d.store.tickets.list({ reporterId: ctx.sender.id, groupId: ctx.group.id, since, statuses: OPEN_STATUSES, limit: 1 });
    return t ?? null;
  }
}
