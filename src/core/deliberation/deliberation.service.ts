// 议事 from proposal to decision: opening a topic in every group of its scope, proposals and their seconds, votes
// and comments by reply, the reminder and the close (job-queue timers, so they survive restarts), the decision's
// announcement. Every step is keyed by the message or timer that caused it: doing it twice changes nothing.
import { DomainError } from '../errors.ts';
import { sendDirect } from '../messages/direct.ts';
import type { Group } from '../ports/group.repository.ts';
import { TtlCache } from '../util/ttl-cache.ts';
import { tally } from './tally.ts';
import { TopicScopes, type Scope } from './topic-scope.ts';
import { topicTexts } from './topic-texts.ts';
import { DEFAULT_OPTIONS, DEFAULT_WINDOW_HOURS, type NewTopic, type Tally, type Topic } from './topic.types.ts';
import { optionsProblem, parseReply } from './vote-parser.ts';
import { BAD_OPTIONS, DEFAULT_DELIBERATION_OPTIONS, type Cause, type DeliberationDeps, type DeliberationOptions, type ReplyOutcome, type TopicTimerJob } from './deliberation.service.types.ts';
import { sameProposal, sameTitle } from './same-proposal.ts';

// the service's types live beside it; re-exported so its callers keep importing them from here
export { BAD_OPTIONS, DEFAULT_DELIBERATION_OPTIONS, TOPIC_QUEUE } from './deliberation.service.types.ts';
export type { Cause, DeliberationDeps, DeliberationOptions, ReplyOutcome, TopicTimerJob } from './deliberation.service.types.ts';

export class DeliberationService {
  readonly scopes: TopicScopes;
  readonly options: DeliberationOptions;
  private readonly electorates: TtlCache<number, Awaited<ReturnType<TopicScopes['electorate']>>>;
  /** Whether any topic is open for voting anywhere, remembered for `cacheMs`: most short chat lines in most groups then
   * cost no read when there is none (an unquoted "1" or "同意" is looked at as a vote only when one is open). */
  private readonly anyOpen: TtlCache<'any', Promise<boolean>>;

  constructor(private readonly d: DeliberationDeps) {
    this.scopes = new TopicScopes(d.store);
    this.options = { ...DEFAULT_DELIBERATION_OPTIONS, ...d.options };
    this.electorates = new TtlCache(d.cacheMs ?? 5000, 1000);
    this.anyOpen = new TtlCache(d.cacheMs ?? 5000, 1);
  }

  async get(topicNo: number): Promise<Topic> {
    const t = await this.d.store.deliberation.findById(topicNo);
    if (!t) throw new DomainError('TOPIC_NOT_FOUND', `topic ${topicNo} not found`, { topicNo });
    return t;
  }

  /** Topics open for voting at `at` whose scope covers a group on `gridNodeId` (topics on its node or above), oldest first. */
  async openCovering(gridNodeId: number, at: Date): Promise<Topic[]> {
    // one read shared by the messages that ask at once (they go on together, as they came)
    let any = this.anyOpen.get('any');
    if (any === undefined) {
      any = this.d.store.deliberation.list({ statuses: ['OPEN'], limit: 1 }).then((l) => l.length > 0);
      this.anyOpen.set('any', any);
      // a failed read is not remembered: the next message asks again
      any.catch(() => this.anyOpen.delete('any'));
    }
    if (!(await any)) return [];
    const ids = await this.coverOf(gridNodeId);
    if (!ids.length) return [];
    const open = await this.d.store.deliberation.list({ gridNodeIds: ids, statuses: ['OPEN'] });
    return open.filter((t) => !t.closesAt || t.closesAt > at).sort((a, b) => a.id - b.id);
  }

  /** Proposals over a group on `gridNodeId` (on its node or above) still gathering seconds at `at`, oldest first. */
  async proposalsCovering(gridNodeId: number, at: Date): Promise<Topic[]> {
    const ids = await this.coverOf(gridNodeId);
    if (!ids.length) return [];
    const proposed = await this.d.store.deliberation.list({ gridNodeIds: ids, statuses: ['PROPOSED'] });
    const window = this.options.secondWindowDays * 86_400_000;
    return proposed.filter((t) => at.getTime() < t.createdAt.getTime() + window).sort((a, b) => a.id - b.id);
  }

  /** The node and the nodes above it (topics on them cover its groups); none when there is no such node. */
  private async coverOf(gridNodeId: number): Promise<number[]> {
    const node = await this.d.store.grid.findById(gridNodeId);
    if (!node) return [];
    const cover = await this.d.store.grid.findByCodes(node.path.split('/').filter(Boolean));
    return [...new Set([node.id, ...cover.map((n) => n.id)])];
  }

  /** Staff open a topic over `gridNodeId` (their group's node, or a level above it): posted at once. */
  async open(input: Omit<NewTopic, 'status' | 'openedAt' | 'closesAt' | 'proposerId'> & { createdById: number }, cause: Cause | null): Promise<{ topic: Topic; groups: number; fresh: boolean }> {
    const scope = await this.scopes.of(input.gridNodeId);
    if (!(await this.scopes.isStaffOver(input.createdById, scope))) throw new DomainError('NOT_AUTHORIZED', 'not staff over the scope');
    // two options alike, or one that reads as a number: a reply could not tell them apart
    const problem = optionsProblem(input.options);
    if (problem) throw new DomainError('MALFORMED_COMMAND', problem.kind === 'count' ? `${problem.option} options: give 2 to 9, or none` : `option "${problem.option}" is ${problem.kind === 'numeric' ? 'a number' : 'given twice'}`, { reason: BAD_OPTIONS, problem });
    // the same question already open over these groups (a second press, the back button, a colleague): the groups
    // would get two posts and the residents' unquoted votes could not tell which; a redelivered message or a ticket
    // turned into a topic again finds its own topic below
    const cover = await this.coverOf(input.gridNodeId);
    const alive = cover.length ? await this.d.store.deliberation.list({ gridNodeIds: cover, statuses: ['PROPOSED', 'OPEN'] }) : [];
    const same = alive.find((t) => sameTitle(t.title, input.title)
      && !(cause && t.sourceMessageId === cause.messageId) && !(input.sourceTicketId && t.sourceTicketId === input.sourceTicketId));
    if (same) throw new DomainError('TOPIC_EXISTS', `topic ${same.id} has the same title`, { topicNo: same.id, duplicateOf: same.id, status: same.status });
    const now = this.d.clock.now();
    const topic = await this.d.store.deliberation.create({
      ...input,
      options: input.options.length ? input.options : [...DEFAULT_OPTIONS],
      status: 'OPEN',
      proposerId: null,
      openedAt: now,
      closesAt: new Date(now.getTime() + input.windowHours * 3_600_000),
      sourceMessageId: cause?.messageId ?? null,
    });
    this.anyOpen.set('any', Promise.resolve(true));
    // a redelivered message: the topic it made is announced (again: the outbox keys make it once)
    const t = topic ?? (await this.bySource(cause, input.sourceTicketId));
    await this.announceOpen(t, scope);
    return { topic: t, groups: scope.groups.length, fresh: topic !== null };
  }

  /**
   * A resident's 提议 over their group's node: posted in their group for seconds. Refused (TOPIC_EXISTS, naming it)
   * when a proposal or open topic on that node or above has the same or nearly the same title: one proposal gathers
   * the seconds, not three copies of it.
   */
  async propose(title: string, proposerId: number, gridNodeId: number, cause: Cause): Promise<Topic> {
    const same = await this.sameOpen(title, gridNodeId, cause.messageId);
    if (same) throw new DomainError('TOPIC_EXISTS', `topic ${same.id} has the same title`, { topicNo: same.id, duplicateOf: same.id, status: same.status });
    const topic = await this.d.store.deliberation.create({
      gridNodeId, title, options: [...DEFAULT_OPTIONS], status: 'PROPOSED', rule: 'MAJORITY', quorumPct: null, counting: 'PERSON',
      windowHours: DEFAULT_WINDOW_HOURS, openedAt: null, closesAt: null, proposerId, createdById: null, sourceMessageId: cause.messageId, createdAt: cause.at,
    });
    return topic ?? (await this.bySource(cause));
  }

  /** A proposal or open topic covering `gridNodeId` whose title is (nearly) `title`; the one `messageId` made is not. */
  private async sameOpen(title: string, gridNodeId: number, messageId: number): Promise<Topic | null> {
    const cover = await this.coverOf(gridNodeId);
    if (!cover.length) return null;
    const open = await this.d.store.deliberation.list({ gridNodeIds: cover, statuses: ['PROPOSED', 'OPEN'] });
    return open.find((t) => t.sourceMessageId !== messageId && sameProposal(title, t.title)) ?? null;
  }

  /** 附议 by a resident of the scope; enough seconds within the window open the topic. */
  async second(topicNo: number, personId: number, cause: Cause): Promise<{ topic: Topic; count: number; added: boolean; opened: boolean; staff?: true; elsewhere?: string }> {
    const t = await this.get(topicNo);
    if (t.status !== 'PROPOSED') throw new DomainError('ILLEGAL_TRANSITION', 'not a proposal', { topicNo, status: t.status, want: 'PROPOSED' });
    const scope = await this.scopes.of(t.gridNodeId);
    if (!scope.groups.some((g) => g.id === cause.groupId)) throw new DomainError('NOT_AUTHORIZED', 'outside the scope', { topicNo });
    // staff who do not live in the scope do not vote, so they do not second either: a proposal is the residents'
    const electorate = await this.electorateOf(t);
    const staff = electorate.staffNotResident.has(personId);
    // nor do residents registered in another building (grid): they would not vote on it either (see reply)
    const elsewhere = !staff && !electorate.households.has(personId) && (await this.d.store.deliberation.hasResidence(personId));
    const added = !staff && !elsewhere && personId !== t.proposerId && (await this.d.store.deliberation.addSecond({ topicId: t.id, personId, messageId: cause.messageId, at: cause.at }));
    const since = t.createdAt.getTime();
    const until = since + this.options.secondWindowDays * 86_400_000;
    const count = (await this.d.store.deliberation.seconds(t.id)).filter((s) => s.at.getTime() >= since && s.at.getTime() < until).length;
    const opened = !staff && count >= this.options.secondsNeeded ? await this.openProposal(t, null, scope) : null;
    return {
      topic: opened ?? t, count, added, opened: opened !== null, ...(staff ? { staff: true as const } : {}),
      ...(elsewhere ? { elsewhere: (await this.d.store.grid.findById(t.gridNodeId))?.name ?? '' } : {}),
    };
  }

  /** Staff accept a proposal (受理提议): it opens as a topic. */
  async accept(topicNo: number, staffId: number): Promise<Topic> {
    const t = await this.get(topicNo);
    const scope = await this.scopes.of(t.gridNodeId);
    if (!(await this.scopes.isStaffOver(staffId, scope))) throw new DomainError('NOT_AUTHORIZED', 'not staff over the scope');
    if (t.status !== 'PROPOSED') throw new DomainError('ILLEGAL_TRANSITION', 'not a proposal', { topicNo, status: t.status, want: 'PROPOSED', action: 'accept' });
    return (await this.openProposal(t, staffId, scope)) ?? (await this.get(topicNo));
  }

  private async openProposal(t: Topic, staffId: number | null, scope: Scope): Promise<Topic | null> {
    const now = this.d.clock.now();
    const opened = await this.d.store.deliberation.transition(t.id, 'PROPOSED', 'OPEN', {
      openedAt: now, closesAt: new Date(now.getTime() + t.windowHours * 3_600_000), ...(staffId ? { createdById: staffId } : {}),
    });
    if (opened) {
      this.anyOpen.set('any', Promise.resolve(true));
      await this.announceOpen(opened, scope);
    }
    return opened;
  }

  private async announceOpen(t: Topic, scope: Scope) {
    await this.post(t, scope.groups, 'topic', topicTexts.posted(t, scope.node.name, scope.groups.length));
    const closesAt = t.closesAt!.getTime();
    const remindAt = closesAt - this.options.remindHoursBefore * 3_600_000;
    if (remindAt > this.d.clock.now().getTime()) await this.schedule({ topicId: t.id, name: 'remind' }, new Date(remindAt));
    await this.schedule({ topicId: t.id, name: 'close' }, t.closesAt!);
  }

  /** Puts a timer on the queue, once per (topic, name, task, time): scheduling again does nothing. */
  async schedule(job: TopicTimerJob, at: Date): Promise<void> {
    if (!this.d.timers) return;
    const ms = at.getTime();
    await this.d.timers.add(job.name, job, { jobId: `topic:${job.topicId}:${job.name}:${job.taskId ?? 0}:${ms}`, delayMs: Math.max(0, ms - this.d.clock.now().getTime()) });
  }

  /** A reply to a topic's post: a vote (stored even when it does not count), or a comment for the discussion. */
  async reply(topicNo: number, voterId: number, text: string, cause: Cause): Promise<ReplyOutcome> {
    const t = await this.get(topicNo);
    const parsed = parseReply(text, t.options);
    const store = this.d.store.deliberation;
    if (parsed.kind === 'comment') {
      await store.addComment({ topicId: t.id, personId: voterId, groupId: cause.groupId, messageId: cause.messageId, at: cause.at });
      return { kind: 'comment' };
    }
    if (t.status !== 'OPEN' || (t.closesAt && cause.at > t.closesAt)) return { kind: 'not-open' };
    if (parsed.kind === 'no-such-option') return parsed;
    const electorate = await this.electorateOf(t);
    const householdKey = electorate.households.get(voterId) ?? null;
    const earlier = await store.hasVoted(t.id, voterId);
    const added = await store.addVote({ topicId: t.id, voterId, householdKey, groupId: cause.groupId, choice: parsed.choice, messageId: cause.messageId, at: cause.at });
    if (!added) return { kind: 'duplicate' };
    // the reason given with the vote is part of the discussion
    if (parsed.reason) await store.addComment({ topicId: t.id, personId: voterId, groupId: cause.groupId, messageId: cause.messageId, at: cause.at });
    if (!electorate.scopeGroupIds.has(cause.groupId)) return { kind: 'not-counted', reason: 'outside' };
    if (electorate.staffNotResident.has(voterId)) return { kind: 'not-counted', reason: 'staff' };
    if (!householdKey) {
      // registered in another building (grid): the topic is for its scope's residents, under either rule (the tally
      // agrees: see residentsElsewhere). Registered nowhere: counted 一人一票 (most residents are not registered).
      if (await store.hasResidence(voterId)) return { kind: 'not-counted', reason: 'householdOutside', scope: (await this.d.store.grid.findById(t.gridNodeId))?.name ?? '' };
      if (t.counting === 'HOUSEHOLD') return { kind: 'not-counted', reason: 'noHousehold' };
    }
    if (t.counting !== 'HOUSEHOLD') return { kind: 'counted', changed: earlier };
    return { kind: 'counted', changed: earlier, householdReplaced: await store.householdVotedByOther(t.id, householdKey!, voterId) };
  }

  /**
   * Who may vote, remembered for a short while per topic: a busy vote does not read the grid and the groups for every
   * reply. A group mapped or a role given meanwhile is seen within `cacheMs`; the tally at close reads afresh.
   */
  private async electorateOf(t: Topic) {
    const known = this.electorates.get(t.id);
    if (known) return known;
    const e = await this.scopes.electorate(t, await this.scopes.of(t.gridNodeId));
    this.electorates.set(t.id, e);
    return e;
  }

  /** Who may vote, read afresh, with which of these votes' writers are registered as living outside the scope. */
  private electorateFor(t: Topic, scope: Scope, votes: readonly { voterId: number }[]) {
    return this.scopes.electorate(t, scope, votes.map((v) => v.voterId));
  }

  /** The tally now, from the stored votes. */
  async liveTally(topicNo: number): Promise<Tally> {
    const t = await this.get(topicNo);
    const votes = await this.d.store.deliberation.votes(t.id);
    return tally(t, votes, await this.electorateFor(t, await this.scopes.of(t.gridNodeId), votes));
  }

  async remind(topicNo: number): Promise<void> {
    const t = await this.get(topicNo);
    if (t.status !== 'OPEN') return;
    const scope = await this.scopes.of(t.gridNodeId);
    const votes = await this.d.store.deliberation.votes(t.id);
    await this.post(t, scope.groups, 'remind', topicTexts.remind(t, tally(t, votes, await this.electorateFor(t, scope, votes))));
  }

  /** Closes the window (at its time, or early from the CLI), freezes the tally and posts it. */
  async close(topicNo: number): Promise<Topic> {
    const t = await this.get(topicNo);
    const scope = await this.scopes.of(t.gridNodeId);
    if (t.status === 'OPEN') {
      const now = this.d.clock.now();
      const closesAt = t.closesAt && t.closesAt < now ? t.closesAt : now;
      const votes = await this.d.store.deliberation.votes(t.id);
      const result = tally({ ...t, closesAt }, votes, await this.electorateFor(t, scope, votes));
      await this.d.store.deliberation.transition(t.id, 'OPEN', 'CLOSED', { closedAt: now, closesAt, result });
    } else if (t.status !== 'CLOSED') return t;
    const closed = await this.get(topicNo);
    await this.post(closed, scope.groups, 'tally', topicTexts.closed(closed, closed.result!));
    return closed;
  }

  /** Staff over the scope close an open topic before its time (the console's 提前截止). */
  async closeEarly(topicNo: number, staffId: number): Promise<Topic> {
    const t = await this.get(topicNo);
    if (!(await this.scopes.isStaffOver(staffId, await this.scopes.of(t.gridNodeId)))) throw new DomainError('NOT_AUTHORIZED', 'not staff over the scope');
    if (t.status !== 'OPEN') throw new DomainError('ILLEGAL_TRANSITION', 'not open', { topicNo, status: t.status, want: 'OPEN' });
    return this.close(topicNo);
  }

  /** Staff record the 拟办意见 of a closed topic; it is announced in the scope's groups. */
  async decide(topicNo: number, staffId: number, text: string): Promise<Topic> {
    const t = await this.get(topicNo);
    const scope = await this.scopes.of(t.gridNodeId);
    if (!(await this.scopes.isStaffOver(staffId, scope))) throw new DomainError('NOT_AUTHORIZED', 'not staff over the scope');
    if (t.status !== 'CLOSED' && t.status !== 'DECIDED') throw new DomainError('ILLEGAL_TRANSITION', 'not closed', { topicNo, status: t.status, want: 'CLOSED' });
    const decided = (await this.d.store.deliberation.transition(t.id, 'CLOSED', 'DECIDED', { decision: text, decidedById: staffId, decidedAt: this.d.clock.now() })) ?? (await this.get(topicNo));
    await this.post(decided, scope.groups, 'decision', topicTexts.decision(decided, decided.decision ?? text));
    return decided;
  }

  /** Who voted and counted (or would have, had they not changed their mind): the people asked in the 回访. */
  async voters(t: Topic): Promise<Set<number>> {
    const votes = await this.d.store.deliberation.votes(t.id);
    const e = await this.electorateFor(t, await this.scopes.of(t.gridNodeId), votes);
    return new Set(
      votes.filter((v) => v.groupId !== null && e.scopeGroupIds.has(v.groupId) && !e.staffNotResident.has(v.voterId) && !e.residentsElsewhere.has(v.voterId) && (!t.closesAt || v.at <= t.closesAt)).map((v) => v.voterId),
    );
  }

  /** A direct message to a person on each platform they have an account on. */
  direct(personId: number, key: string, text: string): Promise<boolean> {
    return sendDirect({ people: this.d.store.people, outbox: this.d.outbox }, personId, key, text);
  }

  /** Posts one text about a topic in each group, once per (topic, kind, group): a retry or a second close sends nothing more. */
  async post(t: Topic, groups: readonly Group[], kind: string, text: string): Promise<void> {
    for (const g of groups) {
      const sourceKey = `topic:${t.id}:${kind}:${g.id}`;
      await this.d.store.deliberation.addPost({ topicId: t.id, groupId: g.id, kind, sourceKey });
      await this.d.outbox.send({ key: sourceKey, platform: g.platform, to: { group: g.externalId, groupId: g.id }, text, ticketId: null });
    }
  }

  private async bySource(cause: Cause | null, ticketId?: number | null): Promise<Topic> {
    const found = ticketId ? await this.d.store.deliberation.findBySourceTicket(ticketId) : cause ? await this.d.store.deliberation.findBySource(cause.messageId) : null;
    if (!found) throw new Error(`the topic of message ${cause?.messageId} is gone`);
    return found;
  }

  /**
   * The tally rebuilt from the stored messages: each vote's message is read again (its text parsed against the
   * options, its group and time as stored), so a tally can be checked against what residents actually wrote.
   */
  async recountFromMessages(topicNo: number): Promise<Tally> {
    const t = await this.get(topicNo);
    const votes = await this.d.store.deliberation.votes(t.id);
    const messages = new Map((await this.d.store.messages.findManyById(votes.map((v) => v.messageId))).map((m) => [m.id, m]));
    const electorate = await this.electorateFor(t, await this.scopes.of(t.gridNodeId), votes);
    const reread = votes.flatMap((v) => {
      const m = messages.get(v.messageId);
      const parsed = m ? parseReply(m.text, t.options) : null;
      if (!m || !parsed || parsed.kind !== 'vote') return [];
      return [{ voterId: v.voterId, householdKey: v.householdKey, groupId: m.groupId, choice: parsed.choice, messageId: m.id, at: m.sentAt }];
    });
    return tally(t, reread, electorate);
  }
}
