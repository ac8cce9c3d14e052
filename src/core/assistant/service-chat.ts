// 三单式 service in the group: the commands (求助, 派单, 接单, 完成, 确认 / 未完成, 取消求助), replies to a request's
// posts (they name "求助#N"), and untriggered lines that clearly ask for a service (see detectServiceRequest).
// Refusals are one polite sentence and change nothing.
import { DomainError, isDomainError } from '../errors.ts';
import { personIsStaff } from '../people/roles.ts';
import type { Logger } from '../ports/logger.port.ts';
import type { Store } from '../ports/store.port.ts';
import type { ServiceDesk } from '../service/service-desk.ts';
import { SERVICE_REF, serviceTexts } from '../service/service-texts.ts';
import { ackOnly, detectServiceRequest, guessServiceKind, looksLikeFault, parseServiceCommand, type ServiceCommand } from '../service/service-words.ts';
import { SERVICE_STATUS_ZH, type ServiceKind, type ServiceStatus } from '../service/service.types.ts';
import { repliedTo, type HandleOutcome, type MessageContext } from './assistant.types.ts';
import type { Responder } from './responder.ts';
import type { TicketService } from '../tickets/ticket.service.ts';
import { quotedBotText } from './topic-chat.ts';

export interface ServiceChatDeps {
  desk: ServiceDesk;
  /** Whether a person may claim a ticket: a staff member's bare "接单 #N" is the ticket's word when they may. */
  tickets: Pick<TicketService, 'mayClaim'>;
  store: Store;
  responder: Responder;
  logger: Logger;
}

const TAKE_WORD = /^(?:@\S+\s+)*接单\s*[#＃]/u;
/** "接单", "接单！" alone: no number, no request named. */
const BARE_TAKE = /^(?:@\S+\s+)*接单[\s\p{P}]*$/u;
/** The number of a bare "接单 #12" (full-width digits too). */
const TAKE_NO = /^(?:@\S+\s+)*接单\s*[#＃]\s*([0-9０-９]{1,9})[\s\p{P}]*$/u;

/**
 * A batch's requests awaiting confirmation, of the senders of its OK/thanks lines, read once before the batch is
 * handled (a thanks is common chatter and most senders have nothing waiting: one read a batch instead of one a line).
 * The read comes after every message of the batch was stored, as each line's own read did. Once this process's desk
 * moved any request since (a 完成 earlier in the batch), or for a pair not read, `of` answers undefined and the line
 * reads for itself: a stale answer only costs a read.
 */
export class AwaitingConfirm {
  constructor(
    private readonly desk: Pick<ServiceDesk, 'movesSeen'>,
    private readonly asOf: number,
    private readonly byPair: ReadonlyMap<string, readonly number[]>,
  ) {}

  static key(groupId: number, requesterId: number): string {
    return `${groupId}:${requesterId}`;
  }

  /** The requester's requests waiting in the group (newest first, at most 2), or undefined when not known. */
  of(groupId: number, requesterId: number): readonly number[] | undefined {
    if (this.desk.movesSeen !== this.asOf) return undefined;
    return this.byPair.get(AwaitingConfirm.key(groupId, requesterId));
  }
}

export class ServiceChat {
  constructor(private readonly d: ServiceChatDeps) {}

  /**
   * What a batch's OK/thanks lines may confirm, in one read: `lines` are the batch's (group, sender, text) in mapped,
   * active groups. Null when none is an OK or a thanks.
   */
  async awaitingConfirm(lines: readonly { groupId: number; senderId: number; text: string }[]): Promise<AwaitingConfirm | null> {
    const pairs = new Map<string, { groupId: number; requesterId: number }>();
    for (const l of lines) if (ackOnly(l.text)) pairs.set(AwaitingConfirm.key(l.groupId, l.senderId), { groupId: l.groupId, requesterId: l.senderId });
    if (!pairs.size) return null;
    const asOf = this.d.desk.movesSeen;
    const byPair = new Map<string, number[]>([...pairs.keys()].map((k) => [k, []]));
    for (const r of await this.d.store.service.awaitingConfirm([...pairs.values()])) {
      const ids = byPair.get(AwaitingConfirm.key(r.groupId, r.requesterId));
      if (ids && ids.length < 2) ids.push(r.id);
    }
    return new AwaitingConfirm(this.d.desk, asOf, byPair);
  }

  /**
   * Handles the message when it is a service command or a reply to a request's post; null otherwise. `awaiting`: the
   * batch's read of requests awaiting confirmation (see awaitingConfirm), when there was one.
   */
  async handle(ctx: MessageContext, awaiting?: AwaitingConfirm | null): Promise<HandleOutcome | null> {
    const quotedNo = this.quotedRequestNo(ctx);
    // "接单 #12" is a ticket's word for staff; from anyone else (a volunteer) it takes request #12, and so it does from
    // staff who are volunteers too (a 楼栋长) when the request is theirs to take (see bareTakeIsService)
    const bareNoIsService = TAKE_WORD.test(ctx.msg.text) && (!(await personIsStaff(this.d.store.people, ctx.sender.id)) || (await this.bareTakeIsService(ctx, quotedNo)));
    const bare = quotedNo === undefined && BARE_TAKE.test(ctx.msg.text) ? await this.waitingHere(ctx) : [];
    if (bare.length > 1) {
      await this.d.responder.reply(ctx, serviceTexts.whichToTake(bare), null);
      return { kind: 'refused', code: 'AMBIGUOUS_REQUEST' };
    }
    const cmd = bare.length === 1
      ? { kind: 'take' as const, requestNo: bare[0]! }
      : (parseServiceCommand(ctx.msg.text, { quotesRequest: quotedNo !== undefined, bareNoIsService }) ?? (await this.thanksConfirm(ctx, quotedNo, awaiting)));
    if (!cmd) return null;
    if (cmd.kind === 'request' && guessServiceKind(cmd.text) === '其他' && looksLikeFault(cmd.text)) return null; // "求助 电梯坏了": a ticket
    try {
      return await this.command(ctx, cmd, quotedNo);
    } catch (e) {
      if (!isDomainError(e)) throw e;
      this.d.logger.info({ messageId: ctx.stored.id, code: e.code, command: cmd.kind }, 'service step refused');
      await this.d.responder.reply(ctx, refusal(e), null);
      return { kind: 'refused', code: e.code };
    }
  }

  /** An untriggered line that clearly asks for a service becomes a request instead of a ticket; null otherwise. */
  async fromTriage(ctx: MessageContext): Promise<HandleOutcome | null> {
    if (ctx.stored.ticketId !== null) return null;
    const text = ctx.msg.text.replace(/^(?:@\S+\s+)+/u, '').trim();
    const kind = detectServiceRequest(text);
    return kind ? this.request(ctx, text, kind) : null;
  }

  /**
   * A staff member's bare "接单 #N": the service request #N rather than ticket #N when the message quotes the
   * request's post; else not when it quotes another bot message (a ticket's); else when the request was dispatched to
   * them; else when it is open to volunteers (they may take it) and they may not claim ticket #N.
   */
  private async bareTakeIsService(ctx: MessageContext, quotedNo: number | undefined): Promise<boolean> {
    const m = TAKE_NO.exec(ctx.msg.text.trim());
    if (!m) return false;
    const no = Number(m[1]!.replace(/[０-９]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
    if (quotedNo !== undefined) return quotedNo === no;
    if (repliedTo(ctx)?.direction === 'OUT' || ctx.msg.quoted?.fromBot) return false;
    const takeable = await this.d.desk.takeableBy(no, ctx.sender.id);
    if (takeable === 'dispatched') return true;
    return takeable === 'pool' && !(await this.d.tickets.mayClaim(no, ctx.sender.id));
  }

  /**
   * The requester's plain thanks or OK ("收到了，谢谢志愿者！") confirms their request waiting for it: the one whose
   * 请确认 post the message quotes, or, quoting no bot post, their only one waiting in this group. Null otherwise
   * (a complaint, someone else's thanks, none or several waiting): conversation.
   */
  private async thanksConfirm(ctx: MessageContext, quotedNo: number | undefined, awaiting?: AwaitingConfirm | null): Promise<ServiceCommand | null> {
    if (!ackOnly(ctx.msg.text)) return null;
    if (quotedNo !== undefined) {
      if (!quotedBotText(ctx).includes('请确认】')) return null;
      const r = await this.d.store.service.findById(quotedNo);
      return r && r.status === 'DONE' && r.requesterId === ctx.sender.id ? { kind: 'confirm', requestNo: r.id } : null;
    }
    if (repliedTo(ctx)?.direction === 'OUT' || ctx.msg.quoted?.fromBot) return null;
    // (asked narrowly: an OK or a thanks is common chatter, and most senders have nothing waiting; read once a batch)
    const waiting = awaiting?.of(ctx.group.id, ctx.sender.id) ?? (await this.d.store.service.list({ requesterId: ctx.sender.id, groupId: ctx.group.id, statuses: ['DONE'], limit: 2 })).map((r) => r.id);
    return waiting.length === 1 ? { kind: 'confirm', requestNo: waiting[0]! } : null;
  }

  /**
   * The requests a bare "接单" (no number, no quote) can be about: waiting for a taker, that the sender may take, and
   * posted in this group (a pool post) or dispatched to the sender; oldest first.
   */
  private async waitingHere(ctx: MessageContext): Promise<number[]> {
    const { store } = this.d;
    const nos: number[] = [];
    for (const r of await store.service.list({ statuses: ['DISPATCHED'], limit: 50 })) {
      const may = await this.d.desk.takeableBy(r.id, ctx.sender.id);
      if (may === 'dispatched' || (may === 'pool' && (await store.service.posts(r.id)).some((p) => p.kind === 'pool' && p.groupId === ctx.group.id))) nos.push(r.id);
    }
    return nos.sort((a, b) => a - b);
  }

  private quotedRequestNo(ctx: MessageContext): number | undefined {
    const no = SERVICE_REF.exec(quotedBotText(ctx))?.[1];
    return no ? Number(no) : undefined;
  }

  private cause(ctx: MessageContext) {
    return { messageId: ctx.stored.id, groupId: ctx.group.id, at: ctx.stored.sentAt };
  }

  private async request(ctx: MessageContext, text: string, kind: ServiceKind): Promise<HandleOutcome> {
    const { request, volunteers } = await this.d.desk.request({ requesterId: ctx.sender.id, group: ctx.group, text, kind }, this.cause(ctx));
    await this.d.responder.reply(ctx, volunteers > 0 ? serviceTexts.received(request) : serviceTexts.receivedNoVolunteer(request), null);
    return { kind: 'service', requestNo: request.id, action: 'request' };
  }

  private async command(ctx: MessageContext, cmd: ServiceCommand, quotedNo: number | undefined): Promise<HandleOutcome> {
    const { desk, responder } = this.d;
    if (cmd.kind === 'bad') {
      await responder.reply(ctx, serviceTexts.usage(cmd.usage), null);
      return { kind: 'refused', code: 'MALFORMED_COMMAND' };
    }
    if (cmd.kind === 'request') return this.request(ctx, cmd.text, guessServiceKind(cmd.text));
    const no = cmd.requestNo ?? quotedNo;
    if (no === undefined) throw new DomainError('MALFORMED_COMMAND', 'no request number', { usage: '求助#编号' });
    const me = ctx.sender.id;
    const cause = this.cause(ctx);
    const say = async (again: boolean | undefined, text: () => string) => {
      if (!again) await responder.reply(ctx, text(), null);
    };
    switch (cmd.kind) {
      case 'dispatch': {
        const r = await desk.dispatch(no, me, cmd.target, cause);
        await say(r.again, () => (r.volunteer ? serviceTexts.dispatched(r.request, r.volunteer.name) : serviceTexts.pooled(r.request, r.groups)));
        break;
      }
      case 'take': {
        const r = await desk.take(no, me, cause);
        await say(r.again, () => (r.lost ? serviceTexts.takenByOther(r.request) : serviceTexts.takenSelf(r.request, r.meet ?? null)));
        return { kind: 'service', requestNo: no, action: r.lost ? 'lost' : 'take' };
      }
      case 'done': {
        const r = await desk.done(no, me, cmd.note, cause);
        await say(r.again, () => serviceTexts.doneSelf(r.request));
        break;
      }
      case 'confirm': {
        const r = await desk.confirm(no, me, cmd.rating, cause);
        await say(r.again, () => serviceTexts.confirmed(r.request, r.volunteer, r.points));
        break;
      }
      case 'reopen': {
        const r = await desk.reopen(no, me, cmd.note, cause);
        await say(r.again, () => serviceTexts.reopened(r.request));
        break;
      }
      case 'cancel': {
        const r = await desk.cancel(no, me, cause);
        await say(r.again, () => serviceTexts.cancelled(r.request));
        break;
      }
    }
    return { kind: 'service', requestNo: no, action: cmd.kind };
  }
}

function refusal(e: DomainError): string {
  const no = Number(e.details.requestNo ?? 0);
  switch (e.code) {
    case 'SERVICE_NOT_FOUND':
      return serviceTexts.notFound(no);
    case 'NOT_AUTHORIZED':
      return e.details.notYours ? serviceTexts.notYours(no) : e.details.volunteer ? serviceTexts.notVolunteer() : serviceTexts.notStaff();
    case 'NOT_REPORTER':
      return serviceTexts.notRequester(no);
    case 'ILLEGAL_TRANSITION':
      return serviceTexts.wrongStatus(no, SERVICE_STATUS_ZH[e.details.status as ServiceStatus] ?? '');
    case 'NO_VOLUNTEER':
      return e.details.pool ? serviceTexts.noPool() : serviceTexts.noVolunteer(String(e.details.name ?? ''));
    case 'MALFORMED_COMMAND':
      return serviceTexts.usage(String(e.details.usage ?? '求助#编号'));
    default:
      return '抱歉，操作未能完成。';
  }
}
