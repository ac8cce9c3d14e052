// The assistant in a group: stored incoming messages in (the pipeline stored them), at most a few replies each out.
// It stays silent in unmapped groups, and sends each message on: a command to its handler, any other line to
// the appeals (a ticket, detail on one, or chatter). The patrol then looks at what was handled.
import { hasCaption, isEditedVersion, type IncomingMessage, type Platform } from '../messages/incoming-message.ts';
import { isEmptyReport, thanksOnly } from '../messages/message-substance.ts';
import { personIsStaff } from '../people/roles.ts';
import { DirectOutbox } from '../messages/outbox.ts';
import { GroupEvents } from '../groups/group-events.ts';
import { botReads } from '../groups/bot-standing.ts';
import type { GridRouter } from '../grid/routing.ts';
import { PatrolAlerts } from '../patrol/patrol-alerts.ts';
import type { PatrolService } from '../patrol/patrol.service.ts';
import type { ChatGateway } from '../ports/chat-gateway.port.ts';
import type { Group } from '../ports/group.repository.ts';
import type { Logger } from '../ports/logger.port.ts';
import type { StoredMessage } from '../ports/message.repository.ts';
import type { Outbox } from '../ports/outbox.port.ts';
import type { Store } from '../ports/store.port.ts';
import type { Triage } from '../ports/triage.port.ts';
import { readRating, type CommandParser } from '../tickets/command-parser.ts';
import type { ChatCommand } from '../tickets/commands.ts';
import type { Satisfaction } from '../tickets/ticket.types.ts';
import { plainVerdict } from '../tickets/plain-verdict.ts';
import { malformedReply, replies } from '../tickets/replies.ts';
import type { StaffTicketService } from '../tickets/staff-ticket.service.ts';
import { pushTo } from '../util/multimap.ts';
import { Appeals } from './appeals.ts';
import { EchoCheck } from './echo.ts';
import { EditedCommands } from './edited-commands.ts';
import type { AssistantOptions, HandleOutcome, IngestItem, MessageContext } from './assistant.types.ts';
import { CommandDispatcher } from './commands/command-dispatcher.ts';
import { MessageIntake, type Loaded } from './message-intake.ts';
import { Responder } from './responder.ts';
import { quotedBotMessage } from './quoted-bot-message.ts';
import { TopicChat } from './topic-chat.ts';
import type { TicketToTopic } from '../deliberation/ticket-to-topic.ts';
import type { DeliberationService } from '../deliberation/deliberation.service.ts';
import type { TopicTasks } from '../deliberation/topic-tasks.ts';
import type { TopicRevisit } from '../deliberation/topic-revisit.ts';
import type { ServiceDesk } from '../service/service-desk.ts';
import { ServiceChat, type AwaitingConfirm } from './service-chat.ts';

export interface AssistantDeps {
  store: Store;
  tickets: StaffTicketService;
  triage: Triage;
  parser: CommandParser;
  gateways: Partial<Record<Platform, ChatGateway>>;
  /** Where replies go; default: sent at once through the gateways. */
  outbox?: Outbox;
  /** Background patrol (hazards, spam, quarrels …): runs on every stored message; its failures never fail handling. */
  patrol?: PatrolService;
  /** Staff accounts from the router's grid snapshot (default: read from the store each time). */
  router?: Pick<GridRouter, 'identities'>;
  logger: Logger;
  options?: Partial<AssistantOptions>;
  /** 议事: topics, votes by reply, decisions and the 实事清单 (without it, those words are ordinary messages). */
  deliberation?: { service: DeliberationService; tasks: TopicTasks; revisit: TopicRevisit; fromTicket?: TicketToTopic };
  /** 三单式 service: 求助, 派单, 接单, 完成, 确认 and triage's service requests (without it, ordinary messages). */
  service?: ServiceDesk;
}

export class Assistant {
  private readonly intake: MessageIntake;
  private readonly echoes: EchoCheck;
  private readonly responder: Responder;
  private readonly appeals: Appeals;
  private readonly commands: CommandDispatcher;
  private readonly alerts: PatrolAlerts;
  private readonly groupEvents: GroupEvents;
  private readonly topics: TopicChat | null;
  private readonly service: ServiceChat | null;
  private readonly edits: EditedCommands;

  constructor(private readonly d: AssistantDeps) {
    const options: AssistantOptions = { notifyAssigneeDirect: true, followUpMinutes: 5, cacheMs: 5000, botName: '邻里助手', ...d.options };
    const { store, tickets, logger } = d;
    const outbox = d.outbox ?? new DirectOutbox(d.gateways, store.messages, { groups: store.groups, logger });
    const identities = (personId: number) => (d.router ? d.router.identities(personId) : store.people.identities(personId));
    this.intake = new MessageIntake(store, options.cacheMs);
    this.echoes = new EchoCheck(store, options.botName);
    this.responder = new Responder({ store, outbox, identities, logger });
    this.appeals = new Appeals({ store, tickets, triage: d.triage, responder: this.responder, options });
    this.commands = new CommandDispatcher({ store, tickets, responder: this.responder, logger, appeal: (ctx, text, receipt) => this.appeals.report(ctx, text, false, receipt) });
    this.alerts = new PatrolAlerts({ patrol: d.patrol, outbox, identities, logger });
    this.groupEvents = new GroupEvents({ store, alerts: this.alerts, logger });
    this.topics = d.deliberation ? new TopicChat({ deliberation: d.deliberation.service, tasks: d.deliberation.tasks, revisit: d.deliberation.revisit, fromTicket: d.deliberation.fromTicket, responder: this.responder, logger }) : null;
    this.edits = new EditedCommands({ store, tickets, parser: d.parser, logger });
    this.service = d.service ? new ServiceChat({ desk: d.service, tickets, store, responder: this.responder, logger }) : null;
  }

  /**
   * Handles messages in the given order per group (groups side by side), each once: the ingest stage's batch. Stored
   * rows, groups and the patrol's context are read once for the batch; each message is marked handled at the end.
   * When a message fails, the later ones of its group wait, the others finish, and the error is thrown so the batch
   * is retried: what was handled is skipped then.
   */
  async handleBatch(items: readonly IngestItem[]): Promise<HandleOutcome[]> {
    const loaded = await this.intake.load(items);
    await this.intake.preloadSenders(loaded);
    const awaiting = await this.awaitingConfirm(loaded);
    const outcomes: HandleOutcome[] = items.map(() => ({ kind: 'duplicate' }));
    const byGroup = new Map<number, Loaded[]>();
    for (const l of loaded) pushTo(byGroup, l.group.id, l);
    const done: Loaded[] = [];
    let failure: unknown;
    await Promise.all(
      [...byGroup.values()].map(async (chain) => {
        for (const l of chain) {
          try {
            outcomes[l.index] = await this.process(l.msg, l.stored, l.group, l, awaiting);
            await this.linkFirstVersion(l.msg, outcomes[l.index]!);
            done.push(l);
          } catch (e) {
            failure ??= e;
            this.d.logger.error({ err: e, messageId: l.stored.id }, 'handling a message failed; it and the later messages of its group will be retried');
            return;
          }
        }
      }),
    );
    await this.alerts.afterHandled(done.map((l) => ({ stored: l.stored, group: l.group, prevId: l.prevId, ticketed: isTicketed(outcomes[l.index]!), ticketId: ticketOf(outcomes[l.index]!), raised: raisedBy(outcomes[l.index]!), echo: isEcho(outcomes[l.index]!), ownText: l.ownText })));
    await this.d.store.messages.markHandledMany(done.map((l) => l.stored.id));
    if (failure !== undefined) throw failure;
    return outcomes;
  }

  /** The batch's OK/thanks lines' requests awaiting confirmation, read once (see ServiceChat.awaitingConfirm). */
  private async awaitingConfirm(loaded: readonly Loaded[]): Promise<AwaitingConfirm | null> {
    if (!this.service) return null;
    const lines: { groupId: number; senderId: number; text: string }[] = [];
    for (const { msg, group } of loaded) {
      if (group.gridNodeId === null || !botReads(group) || (msg.kind !== undefined && msg.kind !== 'text')) continue;
      lines.push({ groupId: group.id, senderId: (await this.intake.senderOf(msg)).id, text: msg.text });
    }
    return this.service.awaitingConfirm(lines);
  }

  /** Decides what one message is (attachment, command, appeal or chatter) and hands it on. */
  private async process(msg: IncomingMessage, stored: StoredMessage, group: Group, seen: { ownText?: string } = {}, awaiting?: AwaitingConfirm | null): Promise<HandleOutcome> {
    if (group.gridNodeId === null) return { kind: 'ignored', reason: 'unmapped' };
    // a group the bot was removed from is ignored; one where it may not send (muted) is handled, its posts skipped
    if (!botReads(group)) return { kind: 'ignored', reason: 'inactive' };
    const nonText = msg.kind !== undefined && msg.kind !== 'text';
    if (!nonText && !msg.text.trim()) return { kind: 'ignored', reason: 'empty' };
    const sender = await this.intake.senderOf(msg);
    const quoted = msg.quotedExternalId ? await this.d.store.messages.findByExternal(msg.platform, msg.quotedExternalId) : null;
    // an edited version quotes its first version, and is about what that one replied to (a receipt, an appeal) too
    const firstQuote = isEditedVersion(msg) && quoted?.direction === 'IN' && quoted.quotedExternalId ? await this.d.store.messages.findByExternal(msg.platform, quoted.quotedExternalId) : null;
    const ctx: MessageContext = {
      msg,
      stored,
      group: { ...group, gridNodeId: group.gridNodeId },
      sender,
      actor: { personId: sender.id, name: sender.name },
      quoted,
      ...(isEditedVersion(msg) && quoted?.direction === 'IN' ? { firstQuote } : {}),
      sends: 0,
    };

    if (nonText) {
      const attached = await this.appeals.attachment(ctx);
      // a photo captioned "楼下垃圾堆了三天" that belongs to no recent ticket of the sender's says what it shows: read as text
      if (attached.kind !== 'ignored' || !hasCaption(msg)) return attached;
    }
    // a pasted copy of the bot's words (a receipt, a worker's notice, a patrol alert) is no new appeal or command
    const quotesBot = quoted?.direction === 'OUT' || msg.quoted?.fromBot === true || firstQuote?.direction === 'OUT';
    // staff replying to the resident's own message that opened a ticket (a Telegram reply names it): as to its receipt
    const quotedTicket = !quotesBot && quoted?.direction === 'IN' && quoted.ticketId !== null && (await personIsStaff(this.d.store.people, sender.id))
      ? await this.d.store.tickets.findById(quoted.ticketId)
      : firstQuote?.ticketId && (firstQuote.direction === 'OUT' || (await personIsStaff(this.d.store.people, sender.id)))
        ? await this.d.store.tickets.findById(firstQuote.ticketId)
        : null;
    let asCommand = this.d.parser.parse(msg.text, { quotesBotMessage: quotesBot || quotedTicket !== null });
    if (quotedTicket && asCommand && asCommand.kind !== 'report' && asCommand.kind !== 'malformed' && asCommand.ticketNo === undefined) {
      asCommand = { ...asCommand, ticketNo: quotedTicket.number };
    }
    const echo = await this.echoes.of(msg.platform, msg.text, asCommand !== null && asCommand.kind !== 'report' && asCommand.kind !== 'malformed');
    if (echo) {
      // the patrol reads only the sender's own words around a copy
      if (echo.own) seen.ownText = echo.own;
      return this.appeals.echo(ctx, echo);
    }
    const topic = this.topics ? await this.topics.handle(ctx) : null;
    if (topic) return topic;
    const service = this.service ? await this.service.handle(ctx, awaiting) : null;
    if (service) return service;
    const parsed = asCommand;
    // "不满意，还是坏的" typed without quoting the closing message: the reporter's one ticket awaiting a rating
    const rating = !parsed && !quotesBot ? await this.unquotedRating(ctx) : null;
    if (rating && 'several' in rating) {
      await this.responder.reply(ctx, replies.whichToRate(rating.several, rating.satisfaction), null);
      return { kind: 'refused', code: 'AMBIGUOUS_TICKET' };
    }
    // "还是没水啊" quoting the 办结 message of one's own ticket: the problem is not solved, as 不满意 says; "还行吧" is 基本满意
    const still = rating ?? (!parsed && quotesBot ? await this.verdictOnResolved(ctx) : null);
    if (still && !('several' in still)) {
      const done = await this.commands.run(ctx, still);
      if (done) return done;
    }
    // "@邻里助手 。", "报事" alone: nothing to register; ask what the problem is
    // "@邻里助手 谢谢！" after a receipt: nothing to do, nothing to say
    if (!parsed && msg.mentionsBot && thanksOnly(msg.text)) return { kind: 'chatter' };
    if (isEmptyReport(parsed, msg.text, msg.mentionsBot === true)) {
      await this.responder.reply(ctx, replies.askWhatHappened(), null);
      return { kind: 'ignored', reason: 'empty' };
    }
    if (parsed?.kind === 'malformed') {
      this.d.logger.info({ messageId: stored.id, command: parsed.command, problem: parsed.problem }, 'malformed command');
      const refused = await this.commands.refusedOutright(ctx, parsed.command);
      const named = !refused && parsed.problem === 'missing ticket number' ? await this.commands.inHandHere(ctx, parsed.command) : null;
      await this.responder.reply(ctx, refused ?? named ?? malformedReply(parsed), null);
      return { kind: 'refused', code: 'MALFORMED_COMMAND' };
    }
    // "收到，…" quoting a receipt claims it for staff; from a resident it is conversation (a thanks), not a refusal
    const staffAck = parsed?.kind === 'claim' && parsed.staffOnly ? await personIsStaff(this.d.store.people, sender.id) : true;
    if (parsed && parsed.kind !== 'report' && staffAck) {
      // "认领 #12" edited into "认领 #12 马上到": carried out once, and no refusal of the second time
      if (await this.edits.doneByEarlierVersion(ctx, parsed)) {
        this.d.logger.info({ messageId: stored.id, command: parsed.kind, ticketNo: parsed.ticketNo }, 'edited command already carried out by an earlier version of the message');
        return { kind: 'ignored', reason: 'done-by-earlier-version' };
      }
      const done = await this.commands.run(ctx, parsed);
      // "认领 #3" edited into "认领 #4": the edited command replaces the first (see EditedCommands)
      if (done) await this.edits.replaced(ctx, parsed, done);
      if (done) return done;
      // 收到 / 满意 quoting a notice about no ticket: read as any other message
      return this.appeals.report(ctx, msg.text, false);
    }
    if (!staffAck) return this.appeals.report(ctx, msg.text, false);
    // a line that clearly asks for a service (陪诊, 送餐 …) goes to the volunteers, not to a worker as a ticket
    const asked = !parsed && this.service ? await this.service.fromTriage(ctx) : null;
    if (asked) return asked;
    if (parsed?.kind === 'report') return this.appeals.report(ctx, parsed.text, true);
    if (msg.mentionsBot) return this.appeals.report(ctx, msg.text, true);
    return this.appeals.report(ctx, msg.text, false);
  }

  /**
   * A ticket opened from (or joined, or added to by) an edited version of a message is the first version's too: in
   * Telegram the message keeps its id, and a worker's reply to it names the first version ("收到" claims it).
   */
  private async linkFirstVersion(msg: IncomingMessage, outcome: HandleOutcome): Promise<void> {
    if (!isEditedVersion(msg) || !('ticketId' in outcome)) return;
    const first = await this.d.store.messages.findByExternal(msg.platform, msg.quotedExternalId!);
    if (first && first.direction === 'IN' && first.ticketId === null) await this.d.store.messages.linkTicket(first.id, outcome.ticketId);
  }

  /**
   * A line that starts with a rating (满意 / 基本满意 / 不满意, as readRating reads it), from a resident with exactly one
   * ticket of theirs from this group resolved and awaiting a rating (reported within RATING_LOOKBACK_DAYS): that
   * ticket's rating; with several, their numbers (oldest first) to ask which. With none, null (read as any other line).
   */
  private async unquotedRating(ctx: MessageContext): Promise<Extract<ChatCommand, { kind: 'rate' }> | { several: number[]; satisfaction: Satisfaction } | null> {
    const r = readRating(ctx.msg.text.replace(/^(?:@[^\s@]+\s+)+/u, '').trim());
    if (!r) return null;
    const since = new Date(ctx.msg.sentAt.getTime() - RATING_LOOKBACK_DAYS * 86_400_000);
    const waiting = await this.d.store.tickets.list({ reporterId: ctx.sender.id, groupId: ctx.group.id, statuses: ['RESOLVED'], since, limit: 5 });
    if (waiting.length > 1) return { several: waiting.map((t) => t.number).sort((a, b) => a - b), satisfaction: r.satisfaction };
    return waiting.length === 1 ? { kind: 'rate', ticketNo: waiting[0]!.number, ...r } : null;
  }

  /**
   * A reply quoting the bot about the sender's own resolved ticket, in plain words (plain-verdict.ts): "还行吧" is
   * 基本满意, "挺好的" 满意, "还是没水" 不满意.
   */
  private async verdictOnResolved(ctx: MessageContext): Promise<Extract<ChatCommand, { kind: 'rate' }> | null> {
    const v = plainVerdict(ctx.msg.text.replace(/^(?:@[^\s@]+\s+)+/u, '').trim());
    if (!v) return null;
    const sent = await quotedBotMessage(this.d.store, ctx);
    const t = sent?.ticketId ? await this.d.store.tickets.findById(sent.ticketId) : null;
    return t && t.status === 'RESOLVED' && t.reporterId === ctx.sender.id ? { kind: 'rate', ticketNo: t.number, ...v } : null;
  }

  /** Timer work of the patrol: unanswered questions in office hours, group health. Returns the alerts sent. */
  patrolTick(platform: Platform): Promise<number> {
    return this.alerts.tick(platform);
  }

  /** The daily patrol digest to every grid worker and community staff member with open findings (once per day). */
  patrolDigest(platform: Platform, day: string): Promise<number> {
    return this.alerts.digest(platform, day);
  }

  // Room events (see GroupEvents), here because the bots hand every event of a group to the assistant.
  membersJoined(...args: Parameters<GroupEvents['membersJoined']>) {
    return this.groupEvents.membersJoined(...args);
  }

  membersLeft(...args: Parameters<GroupEvents['membersLeft']>) {
    return this.groupEvents.membersLeft(...args);
  }

  botMuted(...args: Parameters<GroupEvents['botMuted']>) {
    return this.groupEvents.botMuted(...args);
  }

  groupMoved(...args: Parameters<GroupEvents['groupMoved']>) {
    return this.groupEvents.groupMoved(...args);
  }

  topicChanged(...args: Parameters<GroupEvents['topicChanged']>) {
    return this.groupEvents.topicChanged(...args);
  }
}

/** How far back a resident's resolved ticket is looked for when they rate without quoting. */
const RATING_LOOKBACK_DAYS = 30;

/** A message that opened, joined or added to a ticket has already reached its worker. */
/** A new ticket's urgency above normal: the patrol alerts staff of it even when its own rules saw no hazard. */
const raisedBy = (o: HandleOutcome) => (o.kind === 'ticket' && o.urgency && o.urgency !== 'NORMAL' ? o.urgency : undefined);
/** The ticket the message opened, joined or added to (its stored row may not show it yet). */
const ticketOf = (o: HandleOutcome) => (o.kind === 'ticket' || o.kind === 'joined' || o.kind === 'supplemented' ? o.ticketId : undefined);
/** The message repeated the bot's own words: the patrol reads no new danger in it. */
const isEcho = (o: HandleOutcome) => (o.kind === 'chatter' || o.kind === 'supplemented') && o.echo === true;
/** A new service request (求助) has reached the community staff directly, as a ticket reaches its worker. */
const isTicketed = (o: HandleOutcome) => o.kind === 'ticket' || o.kind === 'joined' || o.kind === 'supplemented' || (o.kind === 'service' && o.action === 'request');
