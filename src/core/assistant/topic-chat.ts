// 议事 in the group: the commands (议题, 提议, 附议, 受理提议, 拟办, 实事, 完成 实事#N, 转议题 #工单) and replies to a topic's post
// (a vote, or a comment kept as the discussion). Counted votes get no reply — in a group of hundreds, one line per
// vote would drown the discussion; the reminder and the tally show the turnout. A vote that does not count, or
// cannot be read, gets one short line, so its writer knows. Refusals are one polite sentence and change nothing.
import { DomainError, isDomainError } from '../errors.ts';
import { BAD_OPTIONS, type DeliberationService } from '../deliberation/deliberation.service.ts';
import { DUE_IMPOSSIBLE, DUE_PASSED, TASK_EXISTS, type TopicTasks } from '../deliberation/topic-tasks.ts';
import type { TopicRevisit } from '../deliberation/topic-revisit.ts';
import type { TicketToTopic } from '../deliberation/ticket-to-topic.ts';
import { parseTopicCommand, type TopicCommand } from '../deliberation/topic-commands.ts';
import { TOPIC_REF, topicTexts } from '../deliberation/topic-texts.ts';
import { DEFAULT_OPTIONS, DEFAULT_WINDOW_HOURS, type Topic } from '../deliberation/topic.types.ts';
import { parseReply, type OptionsProblem } from '../deliberation/vote-parser.ts';
import type { Logger } from '../ports/logger.port.ts';
import { repliedTo, type HandleOutcome, type MessageContext } from './assistant.types.ts';
import type { Responder } from './responder.ts';

/** "议题#3 同意", "议题 #3：反对": a topic's number, then the vote. */
const NAMED_VOTE = /^议题\s*#\s*(\d{1,9})\s*[,，:：]?\s*(\S[\s\S]*)$/u;
/** An unquoted message longer than this is not read as a vote (a vote with a short reason fits). */
const UNQUOTED_VOTE_MAX = 24;

export interface TopicChatDeps {
  deliberation: DeliberationService;
  tasks: TopicTasks;
  revisit: TopicRevisit;
  /** 转议题 (absent: the words are refused as not available). */
  fromTicket?: TicketToTopic;
  responder: Responder;
  logger: Logger;
}

/** The words of the bot message a reply quotes (Telegram gives the stored message, WeChat its text); '' for none. */
export function quotedBotText(ctx: MessageContext): string {
  const quoted = repliedTo(ctx);
  return (quoted?.direction === 'OUT' ? quoted.text : ctx.msg.quoted?.fromBot ? ctx.msg.quoted.text : undefined) ?? '';
}

export class TopicChat {
  constructor(private readonly d: TopicChatDeps) {}

  /** Handles the message when it is about 议事; null when it is not (a ticket command, an appeal, chatter). */
  async handle(ctx: MessageContext): Promise<HandleOutcome | null> {
    const cmd = parseTopicCommand(ctx.msg.text);
    const quotedNo = this.quotedTopicNo(ctx);
    try {
      if (cmd) return await this.command(ctx, cmd, quotedNo);
      const named = await this.namedVote(ctx);
      if (named) return named;
      // a quote of the line that asked which topic (it names several): still not told which
      const several = this.quotedTopicNos(ctx);
      if (several.length > 1) return parseReply(ctx.msg.text, DEFAULT_OPTIONS).kind === 'comment' ? null : await this.askWhich(ctx, several);
      if (quotedNo !== undefined) return this.quotesRevisit(ctx) ? await this.rate(ctx, quotedNo) : await this.reply(ctx, quotedNo);
      return await this.unquotedVote(ctx);
    } catch (e) {
      if (!isDomainError(e)) throw e;
      this.d.logger.info({ messageId: ctx.stored.id, code: e.code, command: cmd?.kind ?? 'reply' }, 'topic step refused');
      await this.d.responder.reply(ctx, refusal(e, cmd?.kind), null);
      return { kind: 'refused', code: e.code };
    }
  }

  /** "议题#3 同意": a vote naming its topic (what residents are asked to write when several topics are open). */
  private async namedVote(ctx: MessageContext): Promise<HandleOutcome | null> {
    const m = NAMED_VOTE.exec(ctx.msg.text.replace(/^(?:@\S+\s+)+/u, '').trim());
    if (!m) return null;
    const no = Number(m[1]);
    const t = await this.d.deliberation.get(no).catch((e: unknown) => (isDomainError(e) ? null : Promise.reject(e)));
    if (parseReply(m[2]!, t?.options ?? DEFAULT_OPTIONS).kind === 'comment') return null;
    return this.reply(ctx, no);
  }

  /**
   * A vote typed without quoting the topic's post ("同意", "1", "反对，太占地方"; most older residents do not quote):
   * when exactly one topic open over the group reads it as a vote, it counts there; when several do, one line asks
   * to quote the post. Only a short message that is a vote and nothing else, and that quotes nothing: anything else
   * stays ordinary chat.
   */
  private async unquotedVote(ctx: MessageContext): Promise<HandleOutcome | null> {
    if (ctx.quoted || ctx.msg.quoted || ctx.msg.quotedExternalId) return null;
    const text = ctx.msg.text.replace(/^(?:@\S+\s+)+/u, '').trim();
    if (!text || text.length > UNQUOTED_VOTE_MAX || /[?？]/u.test(text)) return null;
    const open = await this.d.deliberation.openCovering(ctx.group.gridNodeId, ctx.stored.sentAt);
    const matching = open.filter((t) => parseReply(text, t.options).kind === 'vote');
    if (matching.length === 0) return null;
    if (matching.length === 1) return this.reply(ctx, matching[0]!.id);
    return this.askWhich(ctx, matching.map((t) => t.id));
  }

  /**
   * The proposal a 附议 or 受理提议 is for: the number written, else the one topic the quoted bot line names, else the
   * one proposal over the group still gathering seconds. When several could be meant (a quoted line naming several, or
   * several proposals) one line asks which; when there is none, one line says so: the outcome is then returned.
   */
  private async proposalNo(ctx: MessageContext, written: number | undefined, word: '附议' | '受理提议'): Promise<number | HandleOutcome> {
    if (written !== undefined) return written;
    let nos = this.quotedTopicNos(ctx);
    if (!nos.length) nos = (await this.d.deliberation.proposalsCovering(ctx.group.gridNodeId, ctx.stored.sentAt)).map((t) => t.id);
    if (nos.length === 1) return nos[0]!;
    // no proposal, but a topic open for votes over the group: a resident's 附议 meant support, which is a vote there
    const voting = !nos.length && word === '附议' ? await this.d.deliberation.openCovering(ctx.group.gridNodeId, ctx.stored.sentAt) : [];
    const text = nos.length ? topicTexts.whichProposal(nos, word) : voting.length ? topicTexts.noProposalButVote(voting.map((t) => t.id)) : topicTexts.noProposal(word);
    await this.d.responder.reply(ctx, text, null);
    return { kind: 'refused', code: nos.length ? 'AMBIGUOUS_TOPIC' : 'NO_PROPOSAL' };
  }

  /** The topic a reply quotes: a bot message naming "议题#N". */
  private quotedTopicNo(ctx: MessageContext): number | undefined {
    const no = TOPIC_REF.exec(quotedBotText(ctx))?.[1];
    return no ? Number(no) : undefined;
  }

  /** Every topic the quoted bot message names, in order. */
  private quotedTopicNos(ctx: MessageContext): number[] {
    return [...new Set([...quotedBotText(ctx).matchAll(new RegExp(TOPIC_REF.source, 'g'))].map((m) => Number(m[1])))];
  }

  /** A vote that could be for any of `nos`: one line asking to quote the topic's post or name it. */
  private async askWhich(ctx: MessageContext, nos: number[]): Promise<HandleOutcome> {
    await this.d.responder.reply(ctx, topicTexts.whichTopic(nos), null);
    return { kind: 'refused', code: 'AMBIGUOUS_TOPIC' };
  }

  private quotesRevisit(ctx: MessageContext): boolean {
    return quotedBotText(ctx).includes('·回访】');
  }

  /** A reply to the 回访: a rating is thanked; someone who did not vote is told so; anything else stays unanswered. */
  private async rate(ctx: MessageContext, topicNo: number): Promise<HandleOutcome> {
    const r = await this.d.revisit.rate(topicNo, ctx.sender.id, ctx.msg.text, this.cause(ctx));
    if (r.kind === 'rated') await this.d.responder.reply(ctx, topicTexts.rated(), null);
    else if (r.kind === 'not-voter') await this.d.responder.reply(ctx, topicTexts.notVoter(), null);
    return { kind: 'topic', topicNo, action: 'rate' };
  }

  private cause(ctx: MessageContext) {
    return { messageId: ctx.stored.id, groupId: ctx.group.id, at: ctx.stored.sentAt };
  }

  private async reply(ctx: MessageContext, topicNo: number): Promise<HandleOutcome> {
    const { deliberation, responder } = this.d;
    const outcome = await deliberation.reply(topicNo, ctx.sender.id, ctx.msg.text, this.cause(ctx));
    const t = (): Promise<Topic> => deliberation.get(topicNo);
    if (outcome.kind === 'not-counted') await responder.reply(ctx, topicTexts.voteNotCounted(topicNo, outcome.reason, 'scope' in outcome ? outcome.scope : ''), null);
    else if (outcome.kind === 'counted' && outcome.householdReplaced) await responder.reply(ctx, topicTexts.householdVoteReplaced(topicNo), null);
    else if (outcome.kind === 'no-such-option') await responder.reply(ctx, topicTexts.noSuchOption(await t(), outcome.choice), null);
    else if (outcome.kind === 'not-open') await responder.reply(ctx, topicTexts.notOpen(await t()), null);
    return { kind: 'topic', topicNo, action: outcome.kind === 'comment' ? 'comment' : 'vote' };
  }

  private async command(ctx: MessageContext, cmd: TopicCommand, quotedNo: number | undefined): Promise<HandleOutcome> {
    const { deliberation, tasks, responder } = this.d;
    const topicNo = ('topicNo' in cmd ? cmd.topicNo : undefined) ?? quotedNo;
    const need = () => {
      if (topicNo === undefined) throw new DomainError('MALFORMED_COMMAND', 'no topic number', { usage: '#议题号' });
      return topicNo;
    };
    const done = (no: number, action: string): HandleOutcome => ({ kind: 'topic', topicNo: no, action });
    switch (cmd.kind) {
      case 'bad':
        await responder.reply(ctx, cmd.problem ? topicTexts.optionsProblem(cmd.problem) : topicTexts.usage(cmd.usage), null);
        return { kind: 'refused', code: 'MALFORMED_COMMAND' };
      case 'open': {
        const here = await deliberation.scopes.of(ctx.group.gridNodeId);
        const node = cmd.level ? await deliberation.scopes.widen(here.node, cmd.level) : here.node;
        if (!node) throw new DomainError('MALFORMED_COMMAND', 'no such level above the group', { usage: '议题 网格 标题' });
        const { topic, groups } = await deliberation.open(
          { gridNodeId: node.id, title: cmd.title, options: cmd.options, windowHours: cmd.windowHours ?? DEFAULT_WINDOW_HOURS, rule: cmd.quorumPct ? 'QUORUM' : 'MAJORITY', quorumPct: cmd.quorumPct ?? null, counting: cmd.counting ?? 'PERSON', createdById: ctx.sender.id, sourceMessageId: null },
          this.cause(ctx),
        );
        await responder.reply(ctx, topicTexts.opened(topic, groups), null);
        return done(topic.id, 'open');
      }
      case 'propose': {
        const t = await deliberation.propose(cmd.title, ctx.sender.id, ctx.group.gridNodeId, this.cause(ctx));
        await deliberation.post(t, [ctx.group], 'proposal', topicTexts.proposed(t, deliberation.options.secondsNeeded, deliberation.options.secondWindowDays));
        return done(t.id, 'propose');
      }
      case 'second': {
        const no = await this.proposalNo(ctx, cmd.topicNo, '附议');
        if (typeof no !== 'number') return no;
        const r = await deliberation.second(no, ctx.sender.id, this.cause(ctx));
        if (!r.opened) await responder.reply(ctx, r.added ? topicTexts.seconded(r.topic, r.count, deliberation.options.secondsNeeded) : r.staff ? topicTexts.staffNoSecond(r.topic) : r.elsewhere !== undefined ? topicTexts.elsewhereNoSecond(r.topic, r.elsewhere) : r.topic.proposerId === ctx.sender.id ? topicTexts.ownProposal(r.topic) : topicTexts.alreadySeconded(r.topic), null);
        return done(r.topic.id, 'second');
      }
      case 'accept': {
        const no = await this.proposalNo(ctx, cmd.topicNo, '受理提议');
        return typeof no === 'number' ? done((await deliberation.accept(no, ctx.sender.id)).id, 'accept') : no;
      }
      case 'decide':
        return done((await deliberation.decide(need(), ctx.sender.id, cmd.text)).id, 'decide');
      case 'task': {
        const { topic, task, owner } = await tasks.add(need(), ctx.sender.id, { text: cmd.text, owner: cmd.owner, due: cmd.due }, ctx.stored.id);
        await responder.reply(ctx, topicTexts.taskAdded(topic, task, owner), null);
        return done(topic.id, 'task');
      }
      case 'finish': {
        const { topic } = await tasks.finish(cmd.taskNo, ctx.sender.id);
        return done(topic.id, 'finish');
      }
      case 'fromTicket': {
        if (!this.d.fromTicket) throw new DomainError('NOT_AUTHORIZED', '转议题 is not wired');
        const r = await this.d.fromTicket.run(cmd.ticketNo, ctx.actor, { title: cmd.title, options: cmd.options, community: cmd.community }, this.cause(ctx));
        await responder.reply(ctx, topicTexts.fromTicket(cmd.ticketNo, r.topic, r.groups), null);
        return done(r.topic.id, 'from-ticket');
      }
    }
  }
}

/** The sentence for a refused step; `command`: what was sent (staff opening a topic are not told how to vote). */
function refusal(e: DomainError, command?: string): string {
  const no = Number(e.details.topicNo ?? 0);
  switch (e.code) {
    case 'TICKET_NOT_FOUND':
      return `未找到工单 #${Number(e.details.ticketNo ?? 0)}，请核对编号。`;
    case 'TOPIC_NOT_FOUND':
      return e.details.taskNo ? topicTexts.taskNotFound(Number(e.details.taskNo)) : topicTexts.notFound(no);
    case 'NOT_AUTHORIZED':
      return e.details.topicNo ? `抱歉，您不在议题#${no}的范围内。` : topicTexts.notStaff();
    case 'ILLEGAL_TRANSITION':
      if (e.details.action === 'accept') return topicTexts.cannotAccept(no, String(e.details.status ?? ''));
      return e.details.ticketNo ? `工单 #${Number(e.details.ticketNo)} 当前状态不能转为议题。` : topicTexts.notNow(no, String(e.details.status ?? ''), String(e.details.want ?? ''));
    case 'TOPIC_EXISTS':
      if (command === 'open' || command === 'fromTicket') return topicTexts.sameTopicExists(no, String(e.details.status ?? ''));
      return e.details.status === 'OPEN' ? topicTexts.sameTopicOpen(no) : topicTexts.sameProposal(no);
    case 'MALFORMED_COMMAND':
      if (e.details.reason === BAD_OPTIONS) return topicTexts.optionsProblem(e.details.problem as OptionsProblem);
      if (e.details.reason === DUE_PASSED) return topicTexts.duePassed();
      if (e.details.reason === DUE_IMPOSSIBLE) return topicTexts.dueImpossible(String(e.details.date ?? ''));
      if (e.details.reason === TASK_EXISTS) return topicTexts.taskExists(no, Number(e.details.taskNo ?? 0));
      return topicTexts.usage(String(e.details.usage ?? '#议题号'));
    default:
      return '抱歉，操作未能完成。';
  }
}
