// Appeals: a line triage reads as a problem becomes a ticket (or joins the same open one, or adds detail to the
// sender's own), with a receipt in the group and a direct message to the assigned worker.
import { isEnglish } from '../english/english-text.ts';
import { saysNothing } from '../messages/message-substance.ts';
import { personIsStaff } from '../people/roles.ts';
import type { Store } from '../ports/store.port.ts';
import type { Triage } from '../ports/triage.port.ts';
import { DomainError } from '../errors.ts';
import { errorReply, replies } from '../tickets/replies.ts';
import type { TicketService } from '../tickets/ticket.service.ts';
import { ticketUrgency, URGENCY_RANK, type Place, type Ticket } from '../tickets/ticket.types.ts';
import { correctedPlace, extractPlace } from '../triage/place.ts';
import type { TriageResult } from '../triage/triage.types.ts';
import { splitParts, type SplitParts } from './appeal-split.ts';
import { OPEN_STATUSES } from '../tickets/transitions.ts';
import type { AssistantOptions, HandleOutcome, MessageContext } from './assistant.types.ts';
import type { Echo } from './echo.ts';
import type { Responder } from './responder.ts';
import { quotedBotMessage } from './quoted-bot-message.ts';

/** One of several separate problems a message names: its words and what triage read in them. */
interface Problem {
  text: string;
  triage: TriageResult;
}

const hasPlace = (p: Place) => Boolean(p.building || p.unit || p.room || p.text);
/** Two places named alike: the same building, unit, room and spot words (none named is a place too). */
const samePlace = (a: Place, b: Place) => a.building === b.building && a.unit === b.unit && a.room === b.room && (a.text ?? '') === (b.text ?? '');

/** The longest line read as a follow-up to the sender's recent appeal (a detail is a line, not an article). */
const FOLLOW_UP_MAX_CHARS = 80;
/** A line that corrects what the sender just said ("不对，是21号楼", "说错了，是东门"); a line, as a follow-up is. */
const CORRECTION = /^(?:不对|不是不是|说错了?|写错了?|打错了?|搞错了?|弄错了?|更正|纠正|改一下|应该是)/u;
/** A question ("什么时候来修？", "怎么样了"), as a reply quoting the bot about one's ticket asks after it. */
const QUESTION = /[?？]|吗|什么时候|啥时候|几点|多久|怎么样了|进展/u;
/** Words that make a short line read as more detail on an earlier appeal rather than small talk. */
const SUPPLEMENT = /就在|在.{0,8}(那边|这边|旁边|门口|楼下|附近)|位置|照片|图片|视频|补充|地址|对面|看图|如图/u;
/** A question after a ticket's progress, asked without quoting the bot ("怎么样了", "有人管吗", "什么时候来修"). */
const ASKS_PROGRESS = /怎么?样了|进展|进度|有人管(?:吗|没|不)|有人(?:处理|来)(?:了)?(?:吗|没)|(?:处理|修|弄|解决|办)好?了(?:吗|没)|(?:什么|啥)时候(?:能|可以|才|会|再)?(?:来|过来)?(?:修|处理|解决|弄|办|管)|有(?:消息|回音|回复|下文)了?(?:吗|没)|到哪(?:一步)?了/u;
/** The sender's own report named ("我报的…", "我之前反映的…"): a progress question is about it. */
const OWN_REPORT = /(?:我|俺|咱)(?:们|家)?(?:之前|上次|前几天|前天|昨天|上周|刚才|早上|上午|下午|那天)?(?:报|反映|投诉|报修|提)过?的/u;
/** A ticket number named in a line ("#143 进展如何"). */
const TICKET_NO = /[#＃]\s*(\d{1,9})(?!\d)/u;
/** A way to reach the resident, or a call back asked for ("我家电话138…", "给我回个电话", "麻烦联系我一下"). */
const CONTACT = /电话|手机号?|联系方式|回(?:个)?电|打(?:给)?我|联系(?:一下)?我|找我|加(?:我)?微信/u;

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
    // "？？？", "！！！", "@ @ @": no word to read (the model took some for appeals, with a blank summary)
    if (!explicit && saysNothing(text)) return { kind: 'chatter' };
    // several separate problems: one ticket each (read again when the message is handled again: its parts were written
    // once each, see reportParts); a given receipt (a new problem in a rating) is for one ticket
    const split = receipt === replies.receipt ? splitParts(text) : null;
    const whole = split ? await this.d.triage.classify(text, { groupId: ctx.group.id, gridNodeId: ctx.group.gridNodeId }) : null;
    // only an appeal is read part by part: chatter with an 另外 in it costs no more triage than any line; a numbered list
    // is read item by item all the same: read whole, its items are mixed, and a thanks beside its one problem
    // ("1. 23号楼门口的井盖松了 2. 谢谢网格员…") can make the whole read as talk
    const problems = split && (whole!.isAppeal || explicit || split.kind === 'list') ? await this.problemsOf(ctx, split) : [];
    if (problems.length >= 2) return this.reportParts(ctx, problems, explicit);
    if (ctx.stored.ticketId !== null) return this.resumeReport(ctx, ctx.stored.ticketId);
    const { tickets, responder } = this.d;
    // a list read as talk whose one item is an appeal: the message is that appeal, filed as the item reads
    const item = whole && !whole.isAppeal && problems.length === 1 ? problems[0]!.triage : null;
    const triage = item ?? whole ?? (await this.d.triage.classify(text, { groupId: ctx.group.id, gridNodeId: ctx.group.gridNodeId }));
    if (!explicit) {
      const added = await this.addedDetail(ctx, text, triage);
      if (added) return added;
    }
    if (!triage.isAppeal && !explicit) {
      // a short line only ("就在东门那边"): a forwarded article naming a building is no detail of anyone's appeal
      const contact = CONTACT.test(text);
      const detail = text.length <= FOLLOW_UP_MAX_CHARS && (Object.keys(triage.place).length > 0 || SUPPLEMENT.test(text) || contact);
      const recent = detail ? await this.recentTicketOf(ctx) : null;
      if (!recent) return { kind: 'chatter' };
      await tickets.supplement(recent, ctx.sender, text, ctx.stored.id);
      await this.d.store.messages.linkTicket(ctx.stored.id, recent.id);
      // a number left or a call asked for waits on the worker: the resident hears it was passed on, the worker reads it
      if (contact) {
        await responder.reply(ctx, replies.detailAdded(recent), recent);
        if (recent.assigneeId !== null && recent.assigneeId !== ctx.sender.id) await responder.directToPerson(ctx, recent.assigneeId, replies.detailToWorker(recent, text), recent);
      }
      return { kind: 'supplemented', ticketNo: recent.number, ticketId: recent.id };
    }
    const same = await tickets.findDuplicateOf(ctx.group.gridNodeId, ctx.group.id, text, triage.place, triage.category);
    if (same) {
      // staff forwarding a ticket's words (its own assignee above all) are not residents with the same problem
      if (same.reporterId !== ctx.sender.id && (same.assigneeId === ctx.sender.id || (await personIsStaff(this.d.store.people, ctx.sender.id)))) return { kind: 'chatter' };
      await this.d.store.messages.linkTicket(ctx.stored.id, same.id);
      if (same.reporterId === ctx.sender.id) {
        // told again: the resident hears it is on their ticket, and the worker holding it reads the words (a greater
        // danger told raises it: "…停在5楼，有人被困")
        const after = await tickets.supplement(same, ctx.sender, text, ctx.stored.id, 0, ticketUrgency(triage.urgency));
        await responder.reply(ctx, after.urgency !== same.urgency ? replies.urgencyRaised(after) : replies.ownRepeat(same), same);
        if (same.assigneeId !== null && same.assigneeId !== ctx.sender.id) await responder.directToPerson(ctx, same.assigneeId, replies.detailToWorker(same, text), same);
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
   * The separate problems of a message's candidate parts (see splitParts), each an appeal in its own right, in the
   * order named. Items of the same category at the same place are one problem told in
   * two items; items that are no appeal (thanks, chatter) are left out (none or one left: one problem at most).
   */
  private async problemsOf(ctx: MessageContext, split: SplitParts): Promise<Problem[]> {
    const context = { groupId: ctx.group.id, gridNodeId: ctx.group.gridNodeId };
    // a list's heading ("22号楼反映两个问题：") gives its place to the items that name none
    const framing = split.heading ? extractPlace(split.heading) : {};
    const problems: Problem[] = [];
    for (const part of split.parts) {
      const triage = await this.d.triage.classify(part, context);
      if (!triage.isAppeal) continue;
      const place = hasPlace(triage.place) ? triage.place : framing;
      const same = problems.find((p) => p.triage.category === triage.category && samePlace(p.triage.place, place));
      if (same) {
        same.text = `${same.text}；${part}`;
        if (URGENCY_RANK[ticketUrgency(triage.urgency)] > URGENCY_RANK[ticketUrgency(same.triage.urgency)]) same.triage = { ...same.triage, urgency: triage.urgency };
        continue;
      }
      problems.push({ text: part, triage: { ...triage, place } });
    }
    return problems;
  }

  /**
   * One ticket per problem: opened at the node its place names (another building's grid) or the group's, or the same
   * open problem joined (a neighbour's) or added to (the sender's own), then one reply listing them all and a direct
   * message to each assigned worker. Each problem's write is keyed by its part number: handled again, the message
   * finds what it wrote and only finishes the replies.
   */
  private async reportParts(ctx: MessageContext, problems: readonly Problem[], explicit: boolean): Promise<HandleOutcome> {
    const { store, tickets, responder } = this.d;
    const done: { ticket: Ticket; how: 'new' | 'joined' | 'own' }[] = [];
    const listed = (id: number) => done.some((d) => d.ticket.id === id);
    for (const [part, p] of problems.entries()) {
      const prior = await this.priorPart(ctx.stored.id, part);
      if (prior) {
        if (!listed(prior.ticket.id)) done.push(prior);
        continue;
      }
      const gridNodeId = (await tickets.nodeForPlace(ctx.group.gridNodeId, p.triage.place))?.id ?? ctx.group.gridNodeId;
      const same = await tickets.findDuplicateOf(gridNodeId, ctx.group.id, p.text, p.triage.place, p.triage.category);
      if (same) {
        // staff forwarding a ticket's words are not residents with the same problem
        if (same.reporterId !== ctx.sender.id && (same.assigneeId === ctx.sender.id || (await personIsStaff(store.people, ctx.sender.id)))) continue;
        if (same.reporterId === ctx.sender.id || listed(same.id)) {
          await tickets.supplement(same, ctx.sender, p.text, ctx.stored.id, part);
          if (!listed(same.id)) done.push({ ticket: same, how: 'own' });
          continue;
        }
        done.push({ ticket: await tickets.join(same, ctx.sender, ctx.stored.id, part), how: 'joined' });
        continue;
      }
      const { ticket } = await tickets.report({ groupId: ctx.group.id, gridNodeId, reporter: ctx.sender, triage: p.triage, messageId: ctx.stored.id, explicit, part });
      done.push({ ticket, how: 'new' });
    }
    if (done.length === 0) return { kind: 'chatter' };
    // the message names the ticket of its first problem (a message is linked to one ticket)
    if (ctx.stored.ticketId === null) await store.messages.linkTicket(ctx.stored.id, done[0]!.ticket.id);
    const [only] = done;
    if (done.length === 1 && only) {
      // one problem left (the others were staff's forwarding): replied as a message of one problem (detail quietly)
      if (only.how !== 'own') await responder.reply(ctx, only.how === 'new' ? replies.receipt(only.ticket) : replies.duplicateJoined(only.ticket), only.ticket);
    } else {
      // about several tickets: a command quoting it names none of them (查询 is asked for a number)
      await responder.reply(ctx, replies.receiptMany(done), null);
    }
    for (const { ticket, how } of done) {
      if (how !== 'new' || !ticket.assigneeId || !this.d.options.notifyAssigneeDirect) continue;
      const assignee = await store.people.findById(ticket.assigneeId);
      if (assignee) await responder.direct(ctx, assignee, replies.assignedDirect(ticket, ctx.group.title), ticket);
    }
    const opened = done.filter((d) => d.how === 'new').map((d) => d.ticket);
    const ticketNos = done.map((d) => d.ticket.number);
    if (opened.length === 0) {
      const first = done[0]!;
      return first.how === 'joined' ? { kind: 'joined', ticketNo: first.ticket.number, ticketId: first.ticket.id } : { kind: 'supplemented', ticketNo: first.ticket.number, ticketId: first.ticket.id };
    }
    // the most urgent ticket opened: the patrol's alert is about it
    const top = opened.reduce((a, b) => (URGENCY_RANK[b.urgency] > URGENCY_RANK[a.urgency] ? b : a));
    return { kind: 'ticket', ticketNo: top.number, ticketId: top.id, urgency: top.urgency, ticketNos };
  }

  /** What the message wrote for its problem `part` when handled before: the ticket it opened, joined or added to. */
  private async priorPart(messageId: number, part: number): Promise<{ ticket: Ticket; how: 'new' | 'joined' | 'own' } | null> {
    const { tickets } = this.d.store;
    for (const [type, how] of [['reported', 'new'], ['joined', 'joined'], ['supplemented', 'own']] as const) {
      const e = await tickets.eventCausedBy(messageId, type, part);
      if (e) return { ticket: (await tickets.findById(e.ticketId))!, how };
    }
    return null;
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

  /**
   * More words on the sender's own open ticket, however triage reads them: a reply quoting the bot's post about it
   * ("补充一下，是2单元那部", quoting the receipt; a different kind of problem stays an appeal of its own), or a short
   * correction right after it ("不对，是21号楼"). Both are added to it, acknowledged in the group, and told to the worker
   * who holds it.
   */
  private async addedDetail(ctx: MessageContext, text: string, triage: TriageResult): Promise<HandleOutcome | null> {
    const quoted = await this.quotedOwnTicket(ctx);
    // quoting it: the same kind of problem, or a line that names a place or says it adds detail (not a thanks)
    const asks = QUESTION.test(text);
    // quoting it: a problem, a place, a detail, a correction or a question (what is it about but that ticket?); not a thanks
    const saysMore = triage.isAppeal || Object.keys(triage.place).length > 0 || SUPPLEMENT.test(text) || CORRECTION.test(text.trim()) || asks;
    const quotes = quoted !== null && saysMore;
    // "我报的楼道灯怎么样了？" / "#143 进展如何" unquoted: about the ticket it names, or the sender's own open one
    const short = text.length <= FOLLOW_UP_MAX_CHARS;
    const askedAfter = !quotes && short && ASKS_PROGRESS.test(text) ? await this.askedAfter(ctx, text, triage) : null;
    if (askedAfter && 'kind' in askedAfter) return askedAfter;
    const asking = (quotes && asks) || askedAfter !== null;
    const t = quotes ? quoted : askedAfter ?? (short && CORRECTION.test(text.trim()) ? await this.recentTicketOf(ctx) : null);
    if (!t) return null;
    // a correction naming another building, unit or room moves the ticket's place (and, unaccepted, its grid)
    const place = CORRECTION.test(text.trim()) ? correctedPlace(t.place, triage.place) : null;
    if (place && place.text !== t.place.text) return this.placeCorrected(ctx, t, text, place);
    // words telling a greater danger ("里面还困着一个老人") raise the ticket's urgency
    const after = await this.d.tickets.supplement(t, ctx.sender, text, ctx.stored.id, 0, ticketUrgency(triage.urgency));
    await this.d.store.messages.linkTicket(ctx.stored.id, t.id);
    // a question about it ("什么时候来修？") is answered with where it stands
    const holder = asking && t.assigneeId !== null ? ((await this.d.store.people.findById(t.assigneeId))?.name ?? null) : null;
    const said = after.urgency !== t.urgency ? replies.urgencyRaised(after)
      : asking ? `${replies.query(t, holder)}已转告网格员。` : !quotes ? replies.correctionAdded(t, text) : replies.detailAdded(t);
    await this.d.responder.reply(ctx, said, t);
    const told = asking && after.urgency === t.urgency ? replies.askedToWorker(t, text) : replies.detailToWorker(t, text);
    if (t.assigneeId !== null && t.assigneeId !== ctx.sender.id) await this.d.responder.directToPerson(ctx, t.assigneeId, told, t);
    return { kind: 'supplemented', ticketNo: t.number, ticketId: t.id };
  }

  /**
   * "不对，是21号楼": the ticket's place is corrected, said in the group, and told to the worker who has it now; when
   * it moved to another grid before anyone accepted it, its new worker hears it as a new ticket and the one it left is
   * told where it went.
   */
  private async placeCorrected(ctx: MessageContext, t: Ticket, text: string, place: Place): Promise<HandleOutcome> {
    const { ticket, movedFrom } = await this.d.tickets.correctPlace(t, ctx.sender, text, place, ctx.group.gridNodeId, ctx.stored.id);
    await this.d.store.messages.linkTicket(ctx.stored.id, ticket.id);
    await this.d.responder.reply(ctx, replies.placeCorrected(ticket), ticket);
    const holder = ticket.assigneeId !== null && ticket.assigneeId !== ctx.sender.id ? await this.d.store.people.findById(ticket.assigneeId) : null;
    if (holder && movedFrom !== null && this.d.options.notifyAssigneeDirect) await this.d.responder.direct(ctx, holder, replies.assignedDirect(ticket, ctx.group.title), ticket);
    else if (holder) await this.d.responder.directToPerson(ctx, holder.id, replies.placeToWorker(ticket, text), ticket);
    if (movedFrom !== null && movedFrom !== ctx.sender.id) await this.d.responder.directToPerson(ctx, movedFrom, replies.placeMovedAway(ticket, text), ticket);
    return { kind: 'supplemented', ticketNo: ticket.number, ticketId: ticket.id };
  }

  /**
   * A progress question not quoting the bot: the sender's own open ticket it is about (answered and passed on as a
   * quoted question is), or the outcome when it is answered here — a ticket named by number that is not the sender's
   * own open one is queried as 查询 would (who may see it, see TicketService.query); "我报的…怎么样了" with no open ticket
   * of theirs in this group says so (unless the line tells a problem: then it is one), with several asks which. Null:
   * not a question after a ticket of theirs.
   */
  private async askedAfter(ctx: MessageContext, text: string, triage: TriageResult): Promise<Ticket | HandleOutcome | null> {
    const named = TICKET_NO.exec(text);
    if (named) {
      const n = Number(named[1]);
      const own = await this.d.store.tickets.findByNumber(n);
      if (own && own.reporterId === ctx.sender.id && own.groupId === ctx.group.id && OPEN_STATUSES.includes(own.status)) return own;
      try {
        const { ticket, assignee, mergedInto } = await this.d.tickets.query(n, ctx.actor, ctx.stored.id, ctx.group.id);
        await this.d.responder.reply(ctx, mergedInto ? replies.queryMerged(ticket, mergedInto.ticket, mergedInto.assignee?.name ?? null) : replies.query(ticket, assignee?.name ?? null), ticket);
        return { kind: 'command', command: 'query', ticketNo: n };
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        await this.d.responder.reply(ctx, errorReply(e), null);
        return { kind: 'refused', code: e.code };
      }
    }
    const own = OWN_REPORT.test(text);
    const open = await this.d.store.tickets.list({ reporterId: ctx.sender.id, groupId: ctx.group.id, statuses: OPEN_STATUSES, limit: 5 });
    // the kind the line names ("楼道灯什么时候能修好") picks among them; a line naming another kind is that problem
    const ofKind = triage.isAppeal ? open.filter((t) => t.category === triage.category) : [];
    if (ofKind.length === 1) return ofKind[0]!;
    // no "我报的": only a line with no problem of its own ("什么时候能来修啊") is about their one open ticket
    if (!own) return !triage.isAppeal && open.length === 1 ? open[0]! : null;
    if (open.length === 1) return open[0]!;
    if (open.length > 1) {
      await this.d.responder.reply(ctx, replies.whichToQuery(open.map((t) => t.number).sort((a, b) => a - b)), null);
      return { kind: 'refused', code: 'AMBIGUOUS_TICKET' };
    }
    if (triage.isAppeal) return null;
    await this.d.responder.reply(ctx, replies.noOpenTicket(), null);
    return { kind: 'chatter' };
  }

  /** The sender's own open ticket the message quotes: the bot about it (its receipt, a notice on it) or the message that opened it; null for any other. */
  private async quotedOwnTicket(ctx: MessageContext): Promise<Ticket | null> {
    const sent = await quotedBotMessage(this.d.store, ctx);
    // or their own message that opened it (a Telegram reply to it, or its edited version)
    const ticketId = sent?.ticketId ?? (ctx.quoted?.direction === 'IN' ? ctx.quoted.ticketId : null);
    if (!ticketId) return null;
    const t = await this.d.store.tickets.findById(ticketId);
    return t && t.reporterId === ctx.sender.id && OPEN_STATUSES.includes(t.status) ? t : null;
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
