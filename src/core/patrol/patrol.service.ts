// The background patrol (后台巡查): judges each incoming group message, sweeps for unanswered questions and unhealthy
// groups on the caller's timer, stores findings once (dedupKey) and turns the new ones into grouped alerts for the
// group's grid workers and community staff. The caller sends the alerts.
import { RULE_ZH } from './patrol.types.ts';
import type { GridRouter, EscalationStep } from '../grid/routing.ts';
import type { StoredMessage } from '../ports/message.repository.ts';
import type { Clock } from '../ports/clock.port.ts';
import type { Group, GroupRepository } from '../ports/group.repository.ts';
import type { Logger } from '../ports/logger.port.ts';
import type { PatrolRepository } from '../ports/patrol.repository.ts';
import type { PersonRepository } from '../ports/person.repository.ts';
import type { WorkCalendar } from '../ports/work-calendar.port.ts';
import { STAFF_ROLES } from '../people/roles.ts';
import { digestAlerts, type DigestOptions, type PatrolAlert } from './alert-digest.ts';
import { DEFAULT_CONFLICT_OPTIONS } from './conflict.rule.ts';
import { evaluateMessage, type MessageRuleOptions } from './evaluate-message.ts';
import { botMutedFinding, botRemovedFinding, memberLossFinding, silentGroupFinding, type MemberLossOptions, type SilentGroupOptions } from './group-health.rule.ts';
import { HOUR_MS } from './patrol-text.ts';
import { DEFAULT_SPAM_OPTIONS, spamNeeds } from './spam.rule.ts';
import { RecentWindows, type ChainLink } from './recent-windows.ts';
import { DEFAULT_UNANSWERED_OPTIONS, findUnanswered, isQuestionText, type PendingQuestion, type UnansweredOptions } from './unanswered.rule.ts';
import { byTime, SEVERITY_RANK, type NewPatrolFinding, type PatrolFinding, type PatrolGroupRef, type PatrolMessage, type PatrolSeverity } from './patrol.types.ts';
import { pushTo } from '../util/multimap.ts';
import { botReads } from '../groups/bot-standing.ts';

export interface PatrolOptions extends MessageRuleOptions {
  unanswered?: Partial<UnansweredOptions>;
  /** How far back the unanswered sweep looks for questions (default 10 days: a question asked before 国庆 still counts). */
  unansweredLookbackMs?: number;
  silentGroup?: Partial<SilentGroupOptions>;
  memberLoss?: Partial<MemberLossOptions>;
  digest?: Partial<DigestOptions>;
  /** Findings below this severity are stored but not alerted (default MEDIUM: silent groups stay on the list). */
  minAlertSeverity?: PatrolSeverity;
  /** Escalation steps whose people receive alerts (default grid and community). */
  alertLevels?: readonly EscalationStep['level'][];
  /** How long the staff of a group are remembered (default 5 minutes). */
  staffCacheMs?: number;
  /**
   * Per-grid settings of the message rules, by node code: a node's settings apply to its subtree, the nearest node
   * wins (e.g. a market street's groups tolerate more 代购 talk, a quarrel-prone grid alerts sooner).
   */
  byNode?: Record<string, MessageRuleOptions>;
}

export interface PatrolServiceDeps {
  patrol: PatrolRepository;
  groups: GroupRepository;
  people: PersonRepository;
  router: GridRouter;
  calendar: WorkCalendar;
  clock: Clock;
  logger?: Logger;
  options?: PatrolOptions;
}

/** The messages sent in [since, until] (epoch ms), in their order. */
function sentBetween(messages: readonly PatrolMessage[] | undefined, since: number, until: number): PatrolMessage[] {
  const out: PatrolMessage[] = [];
  if (messages) {
    for (const m of messages) {
      const at = m.sentAt.getTime();
      if (at >= since && at <= until) out.push(m);
    }
  }
  return out;
}

const toPatrolMessage = (m: StoredMessage): PatrolMessage | null =>
  m.groupId === null || m.senderExternalId === null
    ? null
    : { id: m.id, groupId: m.groupId, senderExternalId: m.senderExternalId, senderName: m.senderName ?? m.senderExternalId, text: m.text, sentAt: m.sentAt, ticketId: m.ticketId };

/** The message as the rules read it: with the urgency triage gave it, the ticket it went to, and whether it repeats the bot (all of it, or all but the own words the rules then read), when handling told. */
const withOutcome = (m: PatrolMessage | null, o: { raised?: PatrolMessage['raised']; ticketId?: number; echo?: boolean; ownText?: string }): PatrolMessage | null =>
  m && (o.raised || o.ticketId !== undefined || o.echo || o.ownText)
    ? { ...m, ...(o.raised ? { raised: o.raised } : {}), ...(o.ticketId !== undefined ? { ticketId: o.ticketId } : {}), ...(o.echo ? { echo: true } : {}), ...(o.ownText ? { text: o.ownText } : {}) }
    : m;

export class PatrolService {
  private readonly o: PatrolOptions;
  private readonly staffCache = new Map<number, { at: number; ids: Set<string> }>();
  /** Each group's recent messages as this process last saw them (see onMessages). */
  private readonly windows = new RecentWindows();

  constructor(private readonly d: PatrolServiceDeps) {
    this.o = d.options ?? {};
  }

  /**
   * Judges one stored incoming message of a mapped group the bot reads (active, or muted: alerts go direct anyway) and
   * returns the findings it created (not those it only refreshed: the same ad in a third group is no new alert). Call
   * it after the message is stored.
   */
  async onMessage(stored: StoredMessage, group: Group): Promise<PatrolFinding[]> {
    return (await this.onMessages([{ stored, group }])).get(stored.id) ?? [];
  }

  /**
   * onMessage for a batch (the ingest stage hands over a batch at a time). The context the rules read is read once
   * for the whole batch, and only what they need: a group's recent messages come from memory when the batch's messages
   * of that group chain on to what this process saw of it last (`prevId`, see RecentWindows), else from the store; a
   * sender's recent messages across groups and join time only for a message the spam rule could judge by them. Then
   * each message is judged against its own window. Returns the new findings by message id.
   */
  async onMessages(items: readonly { stored: StoredMessage; group: Group; prevId?: number; raised?: PatrolMessage['raised']; ticketId?: number; echo?: boolean; ownText?: string }[]): Promise<Map<number, PatrolFinding[]>> {
    const out = new Map<number, PatrolFinding[]>();
    // every message of a group counts for its chain, judged or not (a photo, a message without a sender)
    const links = new Map<number, ChainLink[]>();
    for (const { stored, group, prevId } of items) pushTo(links, group.id, { id: stored.id, prevId });
    const judged = items
      .map(({ stored, group, ...outcome }) => ({ msg: withOutcome(toPatrolMessage(stored), outcome), stored, group }))
      .filter((x): x is { msg: PatrolMessage; stored: StoredMessage; group: Group } =>
        x.msg !== null && x.stored.direction === 'IN' && x.stored.kind === 'text' && botReads(x.group) && x.group.gridNodeId !== null);
    const remembered = new Map<number, readonly PatrolMessage[]>();
    for (const [groupId, l] of links) {
      const w = this.windows.continuing(groupId, l);
      if (w) remembered.set(groupId, w);
    }
    const options = new Map<number, MessageRuleOptions>();
    for (const { group } of judged) if (!options.has(group.gridNodeId!)) options.set(group.gridNodeId!, await this.optionsFor(group.gridNodeId!));
    const conflictWindow = (o: MessageRuleOptions) => o.conflict?.windowMs ?? DEFAULT_CONFLICT_OPTIONS.windowMs;
    const spamWindow = (o: MessageRuleOptions) => o.spam?.crossGroupWindowMs ?? DEFAULT_SPAM_OPTIONS.crossGroupWindowMs;
    const staff = new Map<number, Set<string>>();
    for (const { group } of judged) if (!staff.has(group.id)) staff.set(group.id, await this.staffOf(group));
    // what to read: groups not remembered; senders and join times only where the spam rule could use them
    const readGroups = new Set(judged.filter((j) => !remembered.has(j.group.id)).map((j) => j.group.id));
    const needs = judged.map((j) =>
      staff.get(j.group.id)!.has(j.msg.senderExternalId) ? { senderRecent: false, joinedAt: false } : spamNeeds(j.msg, options.get(j.group.gridNodeId!)!.spam),
    );
    const times = judged.map((j) => j.msg.sentAt.getTime());
    const [first, last] = [Math.min(...times), Math.max(...times)];
    const windows = [...options.values()];
    const senders = judged.filter((_, i) => needs[i]!.senderRecent).map((j) => ({ platform: j.group.platform, externalId: j.msg.senderExternalId }));
    const members = judged.filter((_, i) => needs[i]!.joinedAt).map((j) => ({ groupId: j.group.id, externalUserId: j.msg.senderExternalId }));
    const { groupRecent, senderRecent: fromSenders, joined, firstSpoke, groupSeenSince } =
      readGroups.size + senders.length + members.length === 0
        ? { groupRecent: [], senderRecent: [], joined: new Map<string, Date>(), firstSpoke: new Map<string, Date>(), groupSeenSince: new Map<number, Date>() }
        : await this.d.patrol.messageContext({
            groupIds: [...readGroups],
            groupSince: new Date(first - Math.max(...windows.map(conflictWindow))),
            senders,
            senderSince: new Date(first - Math.max(...windows.map(spamWindow))),
            until: new Date(last),
            members,
            limit: 200,
          });
    // each message looks only at its own group's and its own sender's rows (in time order)
    const byGroup = new Map<number, PatrolMessage[]>();
    for (const m of groupRecent) pushTo(byGroup, m.groupId, m);
    const batchOf = new Map<number, PatrolMessage[]>();
    for (const { msg, group } of judged) pushTo(batchOf, group.id, msg);
    for (const [groupId, w] of remembered) {
      // remembered messages, then this batch's (stored after them): both in time order once merged
      byGroup.set(groupId, [...w, ...(batchOf.get(groupId) ?? [])].sort(byTime));
    }
    const bySender = new Map<string, PatrolMessage[]>();
    for (const m of fromSenders) pushTo(bySender, `${m.platform}\u0000${m.senderExternalId}`, m);
    const titles = new Map<number, string>(judged.map((j) => [j.group.id, j.group.title]));
    const unknown = [...new Set(fromSenders.map((m) => m.groupId))].filter((id) => !titles.has(id));
    if (unknown.length > 0) for (const g of await this.d.groups.findManyById(unknown)) titles.set(g.id, g.title);

    for (const { msg, group } of judged) {
      const o = options.get(group.gridNodeId!)!;
      const t = msg.sentAt.getTime();
      const findings = evaluateMessage(
        msg,
        group,
        {
          joinedAt: joined.get(`${group.id}:${msg.senderExternalId}`) ?? null,
          groupSeenSince: groupSeenSince.get(group.id) ?? null,
          firstSpokeAt: firstSpoke.get(`${group.id}:${msg.senderExternalId}`) ?? null,
          senderIsStaff: staff.get(group.id)!.has(msg.senderExternalId),
          senderRecent: sentBetween(bySender.get(`${group.platform}\u0000${msg.senderExternalId}`), t - spamWindow(o), t),
          groupTitles: titles,
          groupRecent: sentBetween(byGroup.get(group.id), t - conflictWindow(o), t),
        },
        o,
      );
      if (findings.length > 0) out.set(msg.id, await this.store(findings));
    }
    // after the batch, a group is remembered up to its last message when what came before it is known: as far as
    // the store had it (read just now), or as far as its chain goes (remembered); otherwise it is forgotten
    const keep = new Map<number, number>(judged.map((j) => [j.group.id, conflictWindow(options.get(j.group.gridNodeId!)!)]));
    for (const [groupId, l] of links) {
      const known = remembered.has(groupId) || readGroups.has(groupId) ? byGroup.get(groupId) ?? [] : undefined;
      if (known === undefined) this.windows.forget(groupId);
      else this.windows.remember(groupId, l.at(-1)!.id, [...known, ...(batchOf.get(groupId) ?? [])], keep.get(groupId) ?? DEFAULT_CONFLICT_OPTIONS.windowMs);
    }
    return out;
  }

  /** The message-rule settings for a node: the defaults, then each ancestor's own settings, root first. */
  async optionsFor(gridNodeId: number): Promise<MessageRuleOptions> {
    if (!this.o.byNode) return this.o;
    const merged: MessageRuleOptions = { hazard: this.o.hazard, spam: this.o.spam, conflict: this.o.conflict };
    for (const node of await this.d.router.chain(gridNodeId)) {
      const own = this.o.byNode[node.code];
      if (!own) continue;
      merged.hazard = { ...merged.hazard, ...own.hazard };
      merged.spam = { ...merged.spam, ...own.spam };
      merged.conflict = { ...merged.conflict, ...own.conflict };
    }
    return merged;
  }

  /**
   * Timer (every few minutes): residents' questions in the last days with no ticket and no staff message after them
   * in their group, waiting longer than the office-time limit. Triage's appeal flag is not stored, so this sweep reads
   * question-shaped text only; a caller that tracks appeals passes them to `checkPending`.
   */
  async checkUnanswered(now: Date = this.d.clock.now()): Promise<PatrolFinding[]> {
    const lookback = this.o.unansweredLookbackMs ?? 10 * 24 * HOUR_MS;
    const minLength = this.o.unanswered?.minLength ?? DEFAULT_UNANSWERED_OPTIONS.minLength;
    const candidates = (await this.d.patrol.messagesWithoutTicket(new Date(now.getTime() - lookback), now, 2000)).filter((m) => isQuestionText(m.text, minLength));
    const byGroup = new Map<number, PatrolMessage[]>();
    for (const m of candidates) pushTo(byGroup, m.groupId, m);
    const pending: PendingQuestion[] = [];
    for (const [groupId, questions] of byGroup) {
      const group = await this.d.groups.findById(groupId);
      if (!group || !group.active || group.gridNodeId === null) continue;
      const staff = await this.staffOf(group);
      const staffTimes = (await this.d.patrol.groupMessages(groupId, questions[0]!.sentAt, now, 5000))
        .filter((m) => staff.has(m.senderExternalId))
        .map((m) => m.sentAt.getTime());
      for (const q of questions) {
        if (staff.has(q.senderExternalId)) continue;
        const reply = staffTimes.find((t) => t >= q.sentAt.getTime());
        pending.push({ message: q, group: { id: group.id, title: group.title }, isAppeal: false, staffReplyAt: reply === undefined ? null : new Date(reply) });
      }
    }
    return this.checkPending(pending, now);
  }

  /** Stores the unanswered findings among questions the caller tracks itself (with triage's appeal flag). */
  checkPending(pending: readonly PendingQuestion[], now: Date = this.d.clock.now()): Promise<PatrolFinding[]> {
    return this.store(findUnanswered(pending, now, this.d.calendar, this.o.unanswered));
  }

  /** Timer (hourly or daily): silent groups and sudden member loss over every active mapped group. */
  async checkGroupHealth(now: Date = this.d.clock.now()): Promise<PatrolFinding[]> {
    const groups = (await this.d.groups.list()).filter((g) => g.active && g.gridNodeId !== null);
    const activity = await this.d.patrol.groupActivity(groups.map((g) => g.id));
    const windowHours = this.o.memberLoss?.windowHours ?? 24;
    const found: NewPatrolFinding[] = [];
    for (const g of groups) {
      const ref: PatrolGroupRef = { id: g.id, title: g.title };
      const a = activity.get(g.id);
      if (a) {
        const silent = silentGroupFinding(ref, a.lastMessageAt, a.since, now, this.o.silentGroup);
        if (silent) found.push(silent);
      }
      const counts = await this.d.patrol.memberCounts(g.id, new Date(now.getTime() - windowHours * HOUR_MS));
      const loss = memberLossFinding(ref, counts, now, this.o.memberLoss);
      if (loss) found.push(loss);
    }
    return this.store(found);
  }

  /** The platform reported that the bot was removed from a group. */
  botRemoved(group: Group, at: Date = this.d.clock.now()): Promise<PatrolFinding[]> {
    return this.store([botRemovedFinding({ id: group.id, title: group.title }, at)]);
  }

  /** The platform reported that the bot may no longer send in a group. */
  botMuted(group: Group, at: Date = this.d.clock.now()): Promise<PatrolFinding[]> {
    return this.store([botMutedFinding({ id: group.id, title: group.title }, at)]);
  }

  /** Stores findings by dedupKey; returns the ones that are new. */
  async store(findings: readonly NewPatrolFinding[]): Promise<PatrolFinding[]> {
    const created: PatrolFinding[] = [];
    for (const f of findings) {
      const { finding, created: isNew } = await this.d.patrol.upsert(f);
      if (isNew) created.push(finding);
      this.d.logger?.info({ findingId: finding.id, rule: f.rule, severity: f.severity, groupId: f.groupId, created: isNew }, 'patrol finding');
    }
    return created;
  }

  /**
   * Alerts for new findings: the group's grid workers and grid heads and the community staff above it, one message
   * per recipient per rule. Findings below `minAlertSeverity` or in groups with nobody above them are not alerted.
   */
  async alerts(findings: readonly PatrolFinding[]): Promise<PatrolAlert[]> {
    const min = SEVERITY_RANK[this.o.minAlertSeverity ?? 'MEDIUM'];
    const levels = this.o.alertLevels ?? ['GRID', 'COMMUNITY'];
    const inputs = [];
    for (const f of findings) {
      if (SEVERITY_RANK[f.severity] < min) continue;
      const group = await this.d.groups.findById(f.groupId);
      if (!group || group.gridNodeId === null) continue;
      const chain = await this.d.router.escalationChain(group.gridNodeId);
      const recipientPersonIds = [...new Set(chain.filter((s) => levels.includes(s.level)).flatMap((s) => s.people.map((p) => p.id)))];
      if (recipientPersonIds.length === 0) {
        this.d.logger?.warn({ findingId: f.id, groupId: f.groupId }, 'patrol finding has nobody to alert: no grid worker or community staff above the group');
        continue;
      }
      inputs.push({ finding: f, groupTitle: group.title, recipientPersonIds });
    }
    return digestAlerts(inputs, this.o.digest);
  }

  /**
   * The daily patrol digest: per recipient (as for alerts), the open findings by rule, one message each —
   * "巡查日报：未处理 5 条（疑似广告 3、争吵 2）". Findings below the alert severity are counted too.
   */
  async dailyDigest(): Promise<{ personId: number; text: string }[]> {
    const open = await this.d.patrol.list({ openOnly: true, limit: 1000 });
    const levels = this.o.alertLevels ?? ['GRID', 'COMMUNITY'];
    const perPerson = new Map<number, Map<PatrolFinding['rule'], number>>();
    for (const f of open) {
      const group = await this.d.groups.findById(f.groupId);
      if (!group || group.gridNodeId === null) continue;
      const chain = await this.d.router.escalationChain(group.gridNodeId);
      for (const p of new Set(chain.filter((s) => levels.includes(s.level)).flatMap((s) => s.people.map((x) => x.id)))) {
        const counts = perPerson.get(p) ?? new Map();
        counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
        perPerson.set(p, counts);
      }
    }
    return [...perPerson].map(([personId, counts]) => {
      const total = [...counts.values()].reduce((a, b) => a + b, 0);
      const parts = [...counts].sort((a, b) => b[1] - a[1]).map(([rule, n]) => `${RULE_ZH[rule]} ${n}`);
      return { personId, text: `巡查日报：未处理 ${total} 条（${parts.join('、')}）。详情：linli patrol findings --open` };
    });
  }

  /** Platform ids of everyone holding a role over the group's node (building heads included): they answer for it. */
  private async staffOf(group: Group): Promise<Set<string>> {
    if (group.gridNodeId === null) return new Set();
    const cached = this.staffCache.get(group.id);
    const now = Date.now();
    if (cached && now - cached.at < (this.o.staffCacheMs ?? 5 * 60_000)) return cached.ids;
    const chain = await this.d.router.chain(group.gridNodeId);
    const holders = await this.d.router.holders(chain.map((n) => n.id), STAFF_ROLES);
    const ids = new Set<string>();
    for (const personId of new Set(holders.map((h) => h.person.id))) {
      for (const i of await this.d.router.identities(personId)) if (i.platform === group.platform) ids.add(i.externalId);
    }
    this.staffCache.set(group.id, { at: now, ids });
    return ids;
  }
}
