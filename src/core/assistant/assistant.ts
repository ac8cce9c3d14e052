// The assistant in a group: one incoming message in, at most a few replies out. It persists the message first,
// stays silent in unmapped groups, runs in-chat commands, and turns appeals found by triage into tickets.
import { DomainError, isDomainError } from '../errors.ts';
import { withoutControlChars, type IncomingMessage, type Platform } from '../messages/incoming-message.ts';
import type { ChatGateway, SendOptions } from '../ports/chat-gateway.port.ts';
import type { Outbox } from '../ports/outbox.port.ts';
import { DirectOutbox } from '../messages/outbox.ts';
import { isEmptyReport } from '../messages/message-substance.ts';
import { incomingToStored, staleInbox } from '../messages/stored-to-incoming.ts';
import type { PatrolService } from '../patrol/patrol.service.ts';
import type { PatrolFinding } from '../patrol/patrol.types.ts';
import type { Logger } from '../ports/logger.port.ts';
import type { Person } from '../ports/person.repository.ts';
import type { Store } from '../ports/store.port.ts';
import type { Triage } from '../ports/triage.port.ts';
import type { ChatCommand } from '../tickets/commands.ts';
import type { CommandParser } from '../tickets/command-parser.ts';
import { errorReply, malformedReply, replies } from '../tickets/replies.ts';
import type { Actor, TicketService } from '../tickets/ticket.service.ts';
import type { Ticket } from '../tickets/ticket.types.ts';
import { OPEN_STATUSES } from '../tickets/transitions.ts';
import type { Group } from '../ports/group.repository.ts';
import type { GridRouter } from '../grid/routing.ts';
import type { StoredMessage } from '../ports/message.repository.ts';
import { TtlCache } from '../util/ttl-cache.ts';
import { stripControlChars } from '../util/control-chars.ts';
import { pushTo } from '../util/multimap.ts';

export type HandleOutcome =
  | { kind: 'duplicate' }
  | { kind: 'ignored'; reason: 'unmapped' | 'inactive' | 'empty' | 'non-text' }
  | { kind: 'chatter' }
  | { kind: 'ticket'; ticketNo: number }
  | { kind: 'joined'; ticketNo: number }
  | { kind: 'supplemented'; ticketNo: number }
  | { kind: 'command'; command: ChatCommand['kind']; ticketNo?: number }
  | { kind: 'refused'; code: string };

/** A message for the assistant, with the ids it was stored under when the caller stored it already (the pipeline). */
export interface IngestItem {
  msg: IncomingMessage;
  messageId?: number;
  groupId?: number;
  /**
   * The id of the message stored just before this one in its group, by the same submitter: a chain that tells the
   * patrol its remembered view of the group missed nothing (see PatrolService). Absent when unknown (a redelivered
   * message, the submitter's first message of the group, a message queued again from the inbox).
   */
  prevId?: number;
}

interface Loaded {
  index: number;
  msg: IncomingMessage;
  stored: StoredMessage;
  group: Group;
  prevId?: number;
}

const senderKey = (msg: IncomingMessage) => `${msg.platform}\u0000${msg.sender.externalId}\u0000${msg.sender.name}`;

export interface AssistantOptions {
  /** Send the assigned grid worker a direct message when a ticket is dispatched to them. */
  notifyAssigneeDirect: boolean;
  /** Lines from a reporter within this many minutes of their appeal may supplement it ("就在东门那边"). */
  followUpMinutes: number;
  /**
   * How long a mapped, active group and a sender's person are remembered between messages (default 5 s). A group
   * mapped, moved or deactivated by another process is seen within this time; this process's own changes at once.
   */
  cacheMs: number;
}

/** Words that make a short line read as more detail on an earlier appeal rather than small talk. */
const SUPPLEMENT = /就在|在.{0,8}(那边|这边|旁边|门口|楼下|附近)|位置|照片|图片|视频|补充|地址|对面|看图|如图/u;

export interface AssistantDeps {
  store: Store;
  tickets: TicketService;
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
}

interface Context {
  msg: IncomingMessage;
  stored: StoredMessage;
  group: Group & { gridNodeId: number };
  sender: Person;
  actor: Actor;
  quoted: StoredMessage | null;
  /** Sends caused by this message so far: the n-th send is keyed "<message id>:<n>" so a retry never repeats it. */
  sends: number;
}

export class Assistant {
  private readonly options: AssistantOptions;
  private readonly outbox: Outbox;

  private readonly groups: TtlCache<number, Group>;
  private readonly people: TtlCache<string, Person>;

  constructor(private readonly d: AssistantDeps) {
    this.options = { notifyAssigneeDirect: true, followUpMinutes: 5, cacheMs: 5000, ...d.options };
    this.outbox = d.outbox ?? new DirectOutbox(d.gateways, d.store.messages);
    this.groups = new TtlCache(this.options.cacheMs, 10_000);
    // a sender's person never changes (a new display name is a new key): kept longer than the rest
    this.people = new TtlCache(this.options.cacheMs > 0 ? Math.max(this.options.cacheMs, 10 * 60_000) : 0, 50_000);
  }

  /** Stores the message (once) and handles it (once): a message handled before is a duplicate. */
  async handle(msg: IncomingMessage): Promise<HandleOutcome> {
    const [outcome] = await this.handleBatch([{ msg }]);
    return outcome!;
  }

  /**
   * Handles messages in the given order per group (groups side by side), each once: the ingest stage's batch. Stored
   * rows, groups and the patrol's context are read once for the batch; each message is marked handled at the end.
   * When a message fails, the later ones of its group wait, the others finish, and the error is thrown so the batch
   * is retried: what was handled is skipped then.
   */
  async handleBatch(given: readonly IngestItem[]): Promise<HandleOutcome[]> {
    const items = given.map((i) => {
      const msg = withoutControlChars(i.msg);
      return msg === i.msg ? i : { ...i, msg };
    });
    const loaded = await this.load(items);
    await this.preloadSenders(loaded);
    const outcomes: HandleOutcome[] = items.map(() => ({ kind: 'duplicate' }));
    const byGroup = new Map<number, Loaded[]>();
    for (const l of loaded) pushTo(byGroup, l.group.id, l);
    const done: Loaded[] = [];
    let failure: unknown;
    await Promise.all(
      [...byGroup.values()].map(async (chain) => {
        for (const l of chain) {
          try {
            outcomes[l.index] = await this.process(l.msg, l.stored, l.group);
            done.push(l);
          } catch (e) {
            failure ??= e;
            this.d.logger.error({ err: e, messageId: l.stored.id }, 'handling a message failed; it and the later messages of its group will be retried');
            return;
          }
        }
      }),
    );
    await this.watch(done, outcomes);
    await this.d.store.messages.markHandledMany(done.map((l) => l.stored.id));
    if (failure !== undefined) throw failure;
    return outcomes;
  }

  /** The batch's stored rows and groups: by id when the pipeline stored them, else stored here. Handled ones drop out. */
  private async load(items: readonly IngestItem[]): Promise<Loaded[]> {
    const { store } = this.d;
    // a message the pipeline stored travels in the job: only where its handling stands is read
    const byId = new Map((await store.messages.handlingOf(items.flatMap((i) => (i.messageId === undefined ? [] : [i.messageId])))).map((h) => [h.id, h]));
    const groups = await this.groupsOf(items);
    const toSave = items.flatMap((item, index) => (item.messageId !== undefined && byId.has(item.messageId) ? [] : [{ index, item }]));
    const saved = await store.messages.saveIncomingMany(toSave.map(({ index, item }) => ({ msg: item.msg, groupId: groups[index]!.id })));
    const rows = items.map((item, index) => {
      const handling = item.messageId === undefined ? undefined : byId.get(item.messageId);
      return handling && incomingToStored(item.msg, groups[index]!.id, handling);
    });
    toSave.forEach(({ index }, k) => (rows[index] = saved[k]!.message));
    const seen = new Set<number>();
    const loaded: Loaded[] = [];
    items.forEach((item, index) => {
      const stored = rows[index]!;
      if (stored.handledAt || seen.has(stored.id)) return;
      seen.add(stored.id);
      loaded.push({ index, msg: item.msg, stored, group: groups[index]!, prevId: item.prevId });
    });
    return loaded;
  }

  /** Each item's group: from the cache (mapped, active groups only), by id, or by platform id (created when new). */
  private async groupsOf(items: readonly IngestItem[]): Promise<Group[]> {
    const { store } = this.d;
    // read once per batch: the groups by id the cache does not hold, and each other group by its platform id
    const byId = new Map<number, Group>();
    const wanted = [...new Set(items.flatMap((i) => (i.groupId === undefined ? [] : [i.groupId])))].filter((id) => {
      const cached = this.groups.get(id);
      if (cached) byId.set(id, cached);
      return !cached;
    });
    for (const g of await store.groups.findManyById(wanted)) {
      byId.set(g.id, g);
      this.rememberGroup(g);
    }
    const byExternal = new Map<string, Group>();
    const out: Group[] = [];
    for (const { msg, groupId } of items) {
      let g = groupId === undefined ? undefined : byId.get(groupId);
      if (!g || g.platform !== msg.platform || g.externalId !== msg.groupExternalId) {
        const key = `${msg.platform}\u0000${msg.groupExternalId}`;
        g = byExternal.get(key);
        if (!g) {
          g = (await store.groups.findByExternal(msg.platform, msg.groupExternalId)) ?? (await store.groups.upsertSeen(msg.platform, msg.groupExternalId, msg.groupExternalId));
          byExternal.set(key, g);
          this.rememberGroup(g);
        }
      }
      out.push(g);
    }
    return out;
  }

  private rememberGroup(g: Group) {
    // only groups the bot works in are kept: one mapped or re-activated elsewhere must be seen at once
    if (g.gridNodeId !== null && g.active) this.groups.set(g.id, g);
    else this.groups.delete(g.id);
  }

  /** The senders of a batch not remembered yet, found or created in one statement per platform. */
  private async preloadSenders(loaded: readonly Loaded[]) {
    const wanted = new Map<Platform, Map<string, IncomingMessage['sender']>>();
    for (const { msg, group } of loaded) {
      if (group.gridNodeId === null || !group.active || this.people.get(senderKey(msg))) continue;
      const forPlatform = wanted.get(msg.platform) ?? new Map<string, IncomingMessage['sender']>();
      forPlatform.set(senderKey(msg), msg.sender);
      wanted.set(msg.platform, forPlatform);
    }
    for (const [platform, senders] of wanted) {
      const keys = [...senders.keys()];
      const people = await this.d.store.people.ensureManyByIdentity(platform, [...senders.values()].map((s) => ({ externalId: s.externalId, name: s.name })));
      keys.forEach((k, i) => this.people.set(k, people[i]!));
    }
  }

  /** The sender as a person, created on first sight; remembered for a few seconds (names are refreshed when they change). */
  private async senderOf(msg: IncomingMessage): Promise<Person> {
    const key = senderKey(msg);
    const known = this.people.get(key);
    if (known) return known;
    const person = await this.d.store.people.ensureByIdentity(msg.platform, msg.sender.externalId, msg.sender.name);
    this.people.set(key, person);
    return person;
  }

  private identities(personId: number) {
    return this.d.router ? this.d.router.identities(personId) : this.d.store.people.identities(personId);
  }

  /** Runs the patrol rules on the handled messages and alerts staff of new findings; a failure is logged, never raised. */
  private async watch(done: readonly Loaded[], outcomes: readonly HandleOutcome[]) {
    if (!this.d.patrol || done.length === 0) return;
    try {
      const found = await this.d.patrol.onMessages(done.filter((l) => l.group.gridNodeId !== null));
      for (const l of done) {
        const findings = found.get(l.stored.id);
        if (!findings) continue;
        // a message that is already a ticket has reached its worker; a hazard (飞线充电 as much as a gas leak) or
        // anything life-threatening also alerts the grid and the community
        const outcome = outcomes[l.index]!;
        const ticketed = outcome.kind === 'ticket' || outcome.kind === 'joined' || outcome.kind === 'supplemented';
        await this.sendAlerts(l.stored.platform, ticketed ? findings.filter((f) => f.severity === 'CRITICAL' || f.rule === 'hazard') : findings);
      }
    } catch (e) {
      this.d.logger.error({ err: e, messageIds: done.map((l) => l.stored.id) }, 'patrol failed on a batch of messages');
    }
  }

  /** Timer work of the patrol: unanswered questions in office hours, group health. Returns the alerts sent. */
  async patrolTick(platform: Platform): Promise<number> {
    if (!this.d.patrol) return 0;
    const found = [...(await this.d.patrol.checkUnanswered()), ...(await this.d.patrol.checkGroupHealth())];
    return this.sendAlerts(platform, found);
  }

  /** The daily patrol digest to every grid worker and community staff member with open findings (once per day). */
  async patrolDigest(platform: Platform, day: string): Promise<number> {
    if (!this.d.patrol) return 0;
    let sent = 0;
    for (const d of await this.d.patrol.dailyDigest()) {
      const id = (await this.identities(d.personId)).find((i) => i.platform === platform);
      if (!id) continue;
      await this.outbox.send({ key: `patrol-digest:${day}:${d.personId}`, platform, to: { user: id.externalId }, text: d.text, ticketId: null });
      sent++;
    }
    return sent;
  }

  /** Grouped alerts, one direct message per person per rule, keyed by the findings so a retry sends once. */
  private async sendAlerts(platform: Platform, findings: PatrolFinding[]): Promise<number> {
    if (!this.d.patrol || findings.length === 0) return 0;
    let sent = 0;
    for (const alert of await this.d.patrol.alerts(findings)) {
      for (const pid of alert.recipientPersonIds) {
        const id = (await this.identities(pid)).find((i) => i.platform === platform);
        if (!id) continue;
        await this.outbox.send({ key: `patrol:${alert.findingIds.join(',')}:${pid}`, platform, to: { user: id.externalId }, text: alert.text, ticketId: null });
        sent++;
      }
    }
    return sent;
  }

  private async process(msg: IncomingMessage, stored: StoredMessage, group: Group): Promise<HandleOutcome> {
    if (group.gridNodeId === null) return { kind: 'ignored', reason: 'unmapped' };
    if (!group.active) return { kind: 'ignored', reason: 'inactive' };
    const nonText = msg.kind !== undefined && msg.kind !== 'text';
    if (!nonText && !msg.text.trim()) return { kind: 'ignored', reason: 'empty' };
    const sender = await this.senderOf(msg);
    const quoted = msg.quotedExternalId ? await this.d.store.messages.findByExternal(msg.platform, msg.quotedExternalId) : null;
    const ctx: Context = {
      msg,
      stored,
      group: { ...group, gridNodeId: group.gridNodeId },
      sender,
      actor: { personId: sender.id, name: sender.name },
      quoted,
      sends: 0,
    };

    if (nonText) return this.attachment(ctx);
    const parsed = this.d.parser.parse(msg.text, { quotesBotMessage: quoted?.direction === 'OUT' || msg.quoted?.fromBot === true });
    // "@邻里助手 。", "报事" alone: nothing to register; ask what the problem is
    if (isEmptyReport(parsed, msg.text, msg.mentionsBot === true)) {
      await this.reply(ctx, replies.askWhatHappened(), null);
      return { kind: 'ignored', reason: 'empty' };
    }
    if (parsed?.kind === 'malformed') {
      this.d.logger.info({ messageId: stored.id, command: parsed.command, problem: parsed.problem }, 'malformed command');
      await this.reply(ctx, malformedReply(parsed), null);
      return { kind: 'refused', code: 'MALFORMED_COMMAND' };
    }
    if (parsed && parsed.kind !== 'report') return this.command(ctx, parsed);
    if (parsed?.kind === 'report') return this.report(ctx, parsed.text, true);
    if (msg.mentionsBot) return this.report(ctx, msg.text, true);
    return this.report(ctx, msg.text, false);
  }

  private async report(ctx: Context, text: string, explicit: boolean): Promise<HandleOutcome> {
    if (ctx.stored.ticketId !== null) return this.resumeReport(ctx, ctx.stored.ticketId);
    const triage = await this.d.triage.classify(text, { groupId: ctx.group.id, gridNodeId: ctx.group.gridNodeId });
    if (!triage.isAppeal && !explicit) {
      const detail = Object.keys(triage.place).length > 0 || SUPPLEMENT.test(text);
      const recent = detail ? await this.recentTicketOf(ctx) : null;
      if (!recent) return { kind: 'chatter' };
      await this.d.tickets.supplement(recent, ctx.sender, text, ctx.stored.id);
      await this.d.store.messages.linkTicket(ctx.stored.id, recent.id);
      return { kind: 'supplemented', ticketNo: recent.number };
    }
    const same = await this.d.tickets.findDuplicateOf(ctx.group.gridNodeId, ctx.group.id, text, triage.place);
    if (same) {
      await this.d.store.messages.linkTicket(ctx.stored.id, same.id);
      if (same.reporterId === ctx.sender.id) {
        await this.d.tickets.supplement(same, ctx.sender, text, ctx.stored.id);
        return { kind: 'supplemented', ticketNo: same.number };
      }
      const joined = await this.d.tickets.join(same, ctx.sender, ctx.stored.id);
      await this.reply(ctx, replies.duplicateJoined(joined), joined);
      return { kind: 'joined', ticketNo: joined.number };
    }
    const { ticket, assignee } = await this.d.tickets.report({
      groupId: ctx.group.id,
      gridNodeId: ctx.group.gridNodeId,
      reporter: ctx.sender,
      triage: triage.isAppeal ? triage : { ...triage, category: triage.category === 'chatter' ? 'other' : triage.category },
      messageId: ctx.stored.id,
      explicit,
      // report() returned early above when the stored row names a ticket
      messageUnlinked: true,
    });
    // the message was linked to its ticket when the ticket was created
    await this.reply(ctx, replies.receipt(ticket), ticket);
    if (assignee && this.options.notifyAssigneeDirect) await this.direct(ctx, assignee, replies.assignedDirect(ticket, ctx.group.title), ticket);
    return { kind: 'ticket', ticketNo: ticket.number };
  }

  private async command(ctx: Context, cmd: Exclude<ChatCommand, { kind: 'report' }>): Promise<HandleOutcome> {
    const ticketNo = cmd.ticketNo ?? (await this.quotedTicketNo(ctx));
    if (ticketNo === undefined) {
      await this.reply(ctx, errorReply(new DomainError('MALFORMED_COMMAND', 'no ticket number')), null);
      return { kind: 'refused', code: 'MALFORMED_COMMAND' };
    }
    const { tickets } = this.d;
    const { actor, stored } = ctx;
    try {
      switch (cmd.kind) {
        case 'claim': {
          const t = await tickets.claim(ticketNo, actor, stored.id);
          await this.reply(ctx, replies.claimed(t, actor.name), t);
          break;
        }
        case 'progress': {
          const { ticket: t, claimed } = await tickets.progress(ticketNo, actor, cmd.note, stored.id);
          if (claimed) await this.postToTicketGroup(ctx, t, replies.claimed(t, actor.name), false);
          await this.postToTicketGroup(ctx, t, replies.progress(t, cmd.note), false);
          break;
        }
        case 'resolve': {
          const { ticket: t, claimed } = await tickets.resolve(ticketNo, actor, cmd.note, stored.id);
          if (claimed) await this.postToTicketGroup(ctx, t, replies.claimed(t, actor.name), false);
          await this.postToTicketGroup(ctx, t, replies.resolved(t, cmd.note), true);
          break;
        }
        case 'transfer': {
          const t = await tickets.transfer(ticketNo, actor, cmd.target, cmd.note, stored.id);
          await this.postToTicketGroup(ctx, t, replies.transferred(t, cmd.target), false);
          if (t.assigneeId) await this.directToPerson(ctx, t.assigneeId, replies.assignedDirect(t, ctx.group.title), t);
          break;
        }
        case 'escalate': {
          const { ticket: t, step } = await tickets.escalate(ticketNo, actor, cmd.note, stored.id);
          await this.reply(ctx, replies.escalated(t, step), t);
          for (const p of step?.people ?? []) await this.direct(ctx, p, replies.escalatedDirect(t, cmd.note), t);
          break;
        }
        case 'reject': {
          const t = await tickets.reject(ticketNo, actor, cmd.reason, cmd.note, stored.id);
          await this.postToTicketGroup(ctx, t, replies.rejected(t, cmd.note || tickets.rejectReasonZh(cmd.reason)), false);
          break;
        }
        case 'rate': {
          const t = await tickets.rate(ticketNo, actor, cmd.satisfaction, cmd.note, stored.id);
          await this.reply(ctx, t.status === 'REOPENED' ? replies.reopened(t) : replies.closed(t, cmd.satisfaction), t);
          if (t.status === 'REOPENED' && t.assigneeId) await this.directToPerson(ctx, t.assigneeId, replies.reopenedDirect(t, cmd.note), t);
          break;
        }
        case 'query': {
          const { ticket: t, assignee } = await tickets.query(ticketNo, actor, stored.id);
          await this.reply(ctx, replies.query(t, assignee?.name ?? null), t);
          break;
        }
        case 'complex': {
          const t = await tickets.markComplex(ticketNo, actor, cmd.note, stored.id);
          await this.reply(ctx, replies.complex(t), t);
          break;
        }
        case 'recategorize': {
          const t = await tickets.recategorize(ticketNo, actor, cmd.category, stored.id);
          await this.reply(ctx, replies.recategorized(t), t);
          break;
        }
        case 'supervise': {
          const t = await tickets.supervise(ticketNo, actor, cmd.note, stored.id);
          await this.reply(ctx, replies.supervised(t), t);
          if (t.assigneeId) await this.directToPerson(ctx, t.assigneeId, replies.supervised(t), t);
          break;
        }
      }
      return { kind: 'command', command: cmd.kind, ticketNo };
    } catch (e) {
      if (!isDomainError(e)) throw e;
      this.d.logger.info({ messageId: stored.id, ticketNo, command: cmd.kind, code: e.code }, 'command refused');
      await this.reply(ctx, errorReply(e.details.ticketNo ? e : new DomainError(e.code, e.message, { ...e.details, ticketNo })), null);
      return { kind: 'refused', code: e.code };
    }
  }

  /**
   * The message was handled before but not to the end (a crash, a failed send): the ticket it opened or joined
   * stands; only the replies are finished (those already sent are skipped by their keys).
   */
  private async resumeReport(ctx: Context, ticketId: number): Promise<HandleOutcome> {
    const t = (await this.d.store.tickets.findById(ticketId))!;
    if (await this.d.store.tickets.eventCausedBy(ctx.stored.id, 'reported')) {
      await this.reply(ctx, replies.receipt(t), t);
      const assignee = t.assigneeId ? await this.d.store.people.findById(t.assigneeId) : null;
      if (assignee && this.options.notifyAssigneeDirect) await this.direct(ctx, assignee, replies.assignedDirect(t, ctx.group.title), t);
      return { kind: 'ticket', ticketNo: t.number };
    }
    if (await this.d.store.tickets.eventCausedBy(ctx.stored.id, 'joined')) {
      await this.reply(ctx, replies.duplicateJoined(t), t);
      return { kind: 'joined', ticketNo: t.number };
    }
    return { kind: 'supplemented', ticketNo: t.number };
  }

  /** A photo or file right after an appeal belongs to it; otherwise non-text messages are not the bot's business. */
  private async attachment(ctx: Context): Promise<HandleOutcome> {
    const recent = await this.recentTicketOf(ctx);
    if (!recent) return { kind: 'ignored', reason: 'non-text' };
    await this.d.tickets.supplement(recent, ctx.sender, ctx.msg.text || `[${ctx.msg.kind}]`, ctx.stored.id);
    await this.d.store.messages.linkTicket(ctx.stored.id, recent.id);
    return { kind: 'supplemented', ticketNo: recent.number };
  }

  /** The sender's latest open ticket from this group, if reported within the follow-up window. */
  private async recentTicketOf(ctx: Context): Promise<Ticket | null> {
    const since = new Date(ctx.msg.sentAt.getTime() - this.options.followUpMinutes * 60_000);
    const [t] = await this.d.store.tickets.list({ reporterId: ctx.sender.id, groupId: ctx.group.id, since, statuses: OPEN_STATUSES, limit: 1 });
    return t ?? null;
  }

  private async quotedTicketNo(ctx: Context): Promise<number | undefined> {
    if (ctx.quoted?.ticketId) return (await this.d.store.tickets.findById(ctx.quoted.ticketId))?.number;
    // a WeChat quote carries the quoted text: every bot message about a ticket names it (#1024)
    const no = ctx.msg.quoted?.fromBot ? /#(\d{1,9})/.exec(ctx.msg.quoted.text)?.[1] : undefined;
    return no ? Number(no) : undefined;
  }

  /** Handles again, oldest first, messages that were stored but never handled (a crash, a failed send). */
  async retryUnhandled(olderThanMs = 60_000, limit = 200): Promise<number> {
    let done = 0;
    for (const { stored, msg } of await staleInbox(this.d.store, olderThanMs, limit)) {
      try {
        await this.handle(msg);
        done++;
      } catch (e) {
        this.d.logger.error({ err: e, messageId: stored.id }, 'retry of an unhandled message failed; it stays in the inbox');
      }
    }
    return done;
  }

  /** Room events: who joined, who left, the group's new name, the bot's own arrival or removal. */
  async membersJoined(platform: Platform, groupExternalId: string, given: string, members: { externalId: string; name: string }[], botJoined: boolean) {
    // titles and names come in here as messages do: cleaned of control characters the same way
    const title = stripControlChars(given);
    const group = await this.d.store.groups.upsertSeen(platform, groupExternalId, title);
    this.groups.delete(group.id);
    if (botJoined) {
      await this.d.store.groups.setActive(group.id, true);
      if (group.gridNodeId === null) this.d.logger.warn({ groupId: group.id, title }, 'bot added to a group that is not mapped to the grid: see `linli groups pending`');
    }
    for (const m of members) {
      const name = stripControlChars(m.name);
      await this.d.store.people.ensureByIdentity(platform, m.externalId, name);
      await this.d.store.groups.memberJoined(group.id, m.externalId, name, new Date());
    }
  }

  async membersLeft(platform: Platform, groupExternalId: string, members: { externalId: string }[], botRemoved: boolean) {
    const group = await this.d.store.groups.findByExternal(platform, groupExternalId);
    if (!group) return;
    this.groups.delete(group.id);
    for (const m of members) await this.d.store.groups.memberLeft(group.id, m.externalId, new Date());
    if (botRemoved) {
      await this.d.store.groups.setActive(group.id, false);
      if (this.d.patrol) await this.sendAlerts(platform, await this.d.patrol.botRemoved(group));
      this.d.logger.warn({ groupId: group.id, title: group.title }, 'bot removed from a group');
    }
  }

  /** The platform moved the group to a new id (a Telegram supergroup upgrade): it keeps its mapping and tickets. */
  async groupMoved(platform: Platform, fromExternalId: string, toExternalId: string): Promise<Group | null> {
    const moved = await this.d.store.groups.moveExternal(platform, fromExternalId, toExternalId);
    if (moved) {
      this.groups.delete(moved.id);
      this.d.logger.info({ groupId: moved.id, from: fromExternalId, to: toExternalId, title: moved.title }, 'group moved to a new id');
    }
    return moved;
  }

  async topicChanged(platform: Platform, groupExternalId: string, given: string) {
    const title = stripControlChars(given);
    const group = await this.d.store.groups.upsertSeen(platform, groupExternalId, title);
    this.groups.delete(group.id);
    this.d.logger.info({ groupId: group.id, title }, 'group renamed');
  }

  /** Replies in the sender's group, mentioning the sender. */
  private async reply(ctx: Context, text: string, ticket: Ticket | null) {
    await this.send(ctx, ctx.msg.groupExternalId, ctx.group.id, text, ticket, {
      mentions: [{ externalId: ctx.msg.sender.externalId, name: ctx.msg.sender.name }],
      replyToExternalId: ctx.msg.externalId,
    });
  }

  /**
   * Posts in the ticket's own group (the resident's), mentioning the reporter, and also confirms to the sender
   * when the command came from elsewhere (a staff group).
   */
  private async postToTicketGroup(ctx: Context, ticket: Ticket, text: string, mentionReporter: boolean) {
    const group = ticket.groupId ? await this.d.store.groups.findById(ticket.groupId) : null;
    if (!group || group.id === ctx.group.id || group.platform !== ctx.msg.platform) {
      const mentions = mentionReporter ? await this.reporterMention(ctx.msg.platform, ticket) : [];
      await this.send(ctx, ctx.msg.groupExternalId, ctx.group.id, text, ticket, { mentions });
      return;
    }
    await this.send(ctx, group.externalId, group.id, text, ticket, {
      mentions: mentionReporter ? await this.reporterMention(group.platform, ticket) : [],
    });
    await this.reply(ctx, text, ticket);
  }

  private async reporterMention(platform: Platform, ticket: Ticket): Promise<NonNullable<SendOptions['mentions']>> {
    if (!ticket.reporterId) return [];
    const ids = await this.d.store.people.identities(ticket.reporterId);
    const id = ids.find((i) => i.platform === platform);
    return id ? [{ externalId: id.externalId, name: id.displayName }] : [];
  }

  private async send(ctx: Context, groupExternalId: string, groupId: number, text: string, ticket: Ticket | null, options: SendOptions) {
    await this.outbox.send({
      key: `${ctx.stored.id}:${ctx.sends++}`,
      platform: ctx.msg.platform,
      to: { group: groupExternalId, groupId },
      text,
      ticketId: ticket?.id ?? null,
      options,
    });
  }

  private async directToPerson(ctx: Context, personId: number, text: string, ticket: Ticket) {
    const person = await this.d.store.people.findById(personId);
    if (person) await this.direct(ctx, person, text, ticket);
  }

  /** A direct message on the same platform, if the person has an account there; otherwise it is logged and skipped. */
  private async direct(ctx: Context, person: Person, text: string, ticket: Ticket) {
    const platform = ctx.msg.platform;
    const id = (await this.identities(person.id)).find((i) => i.platform === platform);
    if (!id) {
      this.d.logger.warn({ personId: person.id, platform, ticketNo: ticket.number }, 'no account to send a direct message to');
      return;
    }
    await this.outbox.send({ key: `${ctx.stored.id}:${ctx.sends++}`, platform, to: { user: id.externalId }, text, ticketId: ticket.id });
  }
}
