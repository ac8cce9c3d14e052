// The staff's chat commands done from the console: the same TicketService call a command makes, and the same
// sentences posted in the ticket's own group (and sent directly to whoever now holds it), as if typed in the chat.
// Each send is keyed "<cause>:<n>" like a command's, so the outbox delivers it once.
import { botPosts } from '../groups/bot-standing.ts';
import type { Platform } from '../messages/incoming-message.ts';
import type { SendOptions } from '../ports/chat-gateway.port.ts';
import type { Logger } from '../ports/logger.port.ts';
import type { Outbox } from '../ports/outbox.port.ts';
import type { Store } from '../ports/store.port.ts';
import type { RejectReason } from './commands.ts';
import { appealThread } from './appeal-thread.ts';
import { mergedGroups, reportersMention } from './merged-tickets.ts';
import { replies } from './replies.ts';
import type { StaffTicketService } from './staff-ticket.service.ts';
import type { Actor } from './ticket.service.types.ts';
import type { Ticket } from './ticket.types.ts';

export type StaffAction =
  | { kind: 'claim' }
  | { kind: 'progress'; note: string }
  | { kind: 'resolve'; note: string }
  | { kind: 'assign'; personId: number; note: string }
  | { kind: 'transfer'; target: string; note: string }
  | { kind: 'escalate'; note: string }
  | { kind: 'supervise'; note: string }
  | { kind: 'reject'; reason: RejectReason; note: string }
  | { kind: 'recategorize'; category: string }
  | { kind: 'complex'; note: string }
  | { kind: 'merge'; into: number; note: string };

export type StaffActionKind = StaffAction['kind'];

export interface StaffActionDeps {
  tickets: StaffTicketService;
  store: Pick<Store, 'groups' | 'people' | 'tickets' | 'messages'>;
  outbox: Outbox;
  logger: Logger;
}

/** What one action said and to whom: the texts posted in the ticket's group, and how many direct messages. */
export interface StaffActionResult {
  ticket: Ticket;
  posted: string[];
  direct: number;
}

export class StaffTicketActions {
  constructor(private readonly d: StaffActionDeps) {}

  /** Runs `action` on ticket `ticketNo` for `actor`; `cause` keys the sends (unique per request). */
  async run(ticketNo: number, actor: Actor, action: StaffAction, cause: string): Promise<StaffActionResult> {
    const { tickets } = this.d;
    const out = new Announcer(this.d, cause);
    let t: Ticket;
    switch (action.kind) {
      case 'claim':
        t = await tickets.claim(ticketNo, actor, null);
        await out.group(t, replies.claimed(t, actor.name), true);
        break;
      case 'progress': {
        const r = await tickets.progress(ticketNo, actor, action.note, null);
        t = r.ticket;
        if (r.claimed) await out.group(t, replies.claimed(t, actor.name), true);
        await out.group(t, replies.progress(t, action.note));
        if (r.holderId !== undefined) await out.direct(t, r.holderId, replies.progressToHolder(t, actor.name, action.note));
        await out.merged(t, (merged) => replies.mergedProgress(merged, t, action.note));
        break;
      }
      case 'resolve': {
        const r = await tickets.resolve(ticketNo, actor, action.note, null);
        t = r.ticket;
        if (r.claimed) await out.group(t, replies.claimed(t, actor.name));
        await out.group(t, replies.resolved(t, action.note), true);
        if (r.holderId !== undefined) await out.direct(t, r.holderId, replies.resolvedToHolder(t, actor.name, action.note));
        await out.merged(t, (merged) => replies.mergedResult(merged, t, replies.outcomeResolved(action.note)));
        break;
      }
      case 'assign': {
        const r = await tickets.assign(ticketNo, actor, action.personId, action.note, null);
        t = r.ticket;
        await out.group(t, replies.assigned(t, r.assignee.name));
        await out.direct(t, r.assignee.id, replies.handedDirect(t, await out.groupTitle(t), actor.name, '指派', action.note));
        if (handedOver(r.from, t.assigneeId, actor)) await out.direct(t, r.from, replies.handedOver(t, r.assignee.name, action.note));
        break;
      }
      case 'transfer': {
        const from = (await tickets.get(ticketNo)).assigneeId;
        t = await tickets.transfer(ticketNo, actor, action.target, action.note, null);
        const to = t.transferredTo ?? action.target;
        await out.group(t, replies.transferred(t, to));
        if (t.assigneeId) await out.direct(t, t.assigneeId, replies.handedDirect(t, await out.groupTitle(t), actor.name, '转派', action.note));
        if (handedOver(from, t.assigneeId, actor)) await out.direct(t, from, replies.handedOver(t, to, action.note));
        break;
      }
      case 'escalate': {
        const from = (await tickets.get(ticketNo)).assigneeId;
        const r = await tickets.escalate(ticketNo, actor, action.note, null);
        t = r.ticket;
        await out.group(t, replies.escalated(t, r.step));
        for (const p of r.step?.people ?? []) await out.direct(t, p.id, replies.escalatedDirect(t, action.note));
        if (handedUp(from, t.assigneeId, actor, r.step?.people ?? [])) await out.direct(t, from, replies.handedOver(t, r.step?.people[0]?.name ?? '上级', action.note));
        break;
      }
      case 'supervise':
        t = await tickets.supervise(ticketNo, actor, action.note, null);
        await out.group(t, replies.supervised(t, action.note));
        if (t.assigneeId) await out.direct(t, t.assigneeId, replies.supervised(t, action.note));
        break;
      case 'reject':
        t = await tickets.reject(ticketNo, actor, action.reason, action.note, null);
        // the reporter hears why, as of a result
        await out.group(t, replies.rejected(t, action.note || tickets.rejectReasonZh(action.reason)), true);
        await out.merged(t, (merged) => replies.mergedResult(merged, t, replies.outcomeRejected(action.note || tickets.rejectReasonZh(action.reason))));
        if (handedOver(t.assigneeId, null, actor)) await out.direct(t, t.assigneeId, replies.rejectedToHolder(t, actor.name, action.note || tickets.rejectReasonZh(action.reason)));
        break;
      case 'recategorize':
        t = await tickets.recategorize(ticketNo, actor, action.category, null);
        await out.group(t, replies.recategorized(t));
        break;
      case 'complex':
        t = await tickets.markComplex(ticketNo, actor, action.note, null);
        await out.group(t, replies.complex(t));
        break;
      case 'merge': {
        const r = await tickets.merge(ticketNo, action.into, actor, action.note, null);
        t = r.ticket;
        await out.group(t, replies.merged(t, r.into));
        break;
      }
    }
    this.d.logger.info({ ticketNo, action: action.kind, personId: actor.personId, cause }, 'console ticket action');
    return { ticket: t, posted: out.posted, direct: out.directs };
  }
}

/** Whether whoever held the ticket before is told it moved on: someone else held it, and not the one who moved it. */
export function handedOver(from: number | null, to: number | null, actor: Actor): from is number {
  return from !== null && from !== to && from !== actor.personId;
}

/** … and for 吹哨, not one of the people of the level it went up to (they are told as that level). */
export function handedUp(from: number | null, to: number | null, actor: Actor, told: readonly { id: number }[]): from is number {
  return handedOver(from, to, actor) && !told.some((p) => p.id === from);
}

/** The sends of one action, numbered in order under its cause. */
class Announcer {
  readonly posted: string[] = [];
  directs = 0;
  private n = 0;
  private platform: Platform | null = null;

  constructor(
    private readonly d: StaffActionDeps,
    private readonly cause: string,
  ) {}

  async groupTitle(t: Ticket): Promise<string> {
    return (t.groupId ? (await this.d.store.groups.findById(t.groupId))?.title : undefined) ?? '';
  }

  /** Posts in the ticket's group (a ticket opened in no group has nowhere to post: logged). */
  async group(t: Ticket, text: string, mentionReporter = false) {
    const g = t.groupId ? await this.d.store.groups.findById(t.groupId) : null;
    if (!g) {
      this.d.logger.warn({ ticketNo: t.number }, 'ticket has no group to post the console action in');
      return;
    }
    this.platform = g.platform;
    // in the thread of its appeal (a Telegram forum's topic)
    const options: SendOptions = { mentions: mentionReporter ? await this.reporterMention(g.platform, t) : [], ...(await appealThread(this.d.store.messages, t, g.id)) };
    await this.d.outbox.send({ key: `${this.cause}:${this.n++}`, platform: g.platform, to: { group: g.externalId, groupId: g.id }, text, ticketId: t.id, options });
    // where the bot may not send (muted, or removed: inactive) the outbox skipped it: not shown as posted
    if (botPosts(g)) this.posted.push(text);
  }

  /**
   * A progress note or the result told in the groups of the tickets merged into `t` (合并重复), once per group, their
   * reporters mentioned.
   */
  async merged(t: Ticket, text: (merged: readonly Ticket[]) => string) {
    for (const [groupId, merged] of await mergedGroups(this.d.store.tickets, t)) {
      const g = await this.d.store.groups.findById(groupId);
      if (!g) continue;
      const body = text(merged);
      const options: SendOptions = { mentions: await reportersMention(this.d.store.people, g.platform, merged) };
      await this.d.outbox.send({ key: `${this.cause}:${this.n++}`, platform: g.platform, to: { group: g.externalId, groupId: g.id }, text: body, ticketId: t.id, options });
      if (botPosts(g)) this.posted.push(body);
    }
  }

  /** A direct message on the platform of the ticket's group, if the person has an account there. */
  async direct(t: Ticket, personId: number, text: string) {
    const ids = await this.d.store.people.identities(personId);
    const id = ids.find((i) => i.platform === this.platform) ?? (this.platform ? undefined : ids[0]);
    if (!id) {
      this.d.logger.warn({ personId, ticketNo: t.number }, 'no account to send a direct message to');
      return;
    }
    await this.d.outbox.send({ key: `${this.cause}:${this.n++}`, platform: id.platform, to: { user: id.externalId }, text, ticketId: t.id });
    this.directs++;
  }

  private async reporterMention(platform: Platform, t: Ticket): Promise<NonNullable<SendOptions['mentions']>> {
    if (!t.reporterId) return [];
    const id = (await this.d.store.people.identities(t.reporterId)).find((i) => i.platform === platform);
    return id ? [{ externalId: id.externalId, name: id.displayName }] : [];
  }
}
