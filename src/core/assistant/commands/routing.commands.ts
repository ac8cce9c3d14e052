// Commands that move a ticket along or across the grid: 转派 (transfer), 吹哨 (escalate), 驳回 (reject),
// 复杂 (complex), 督办 (supervise), 改类 (recategorize). Whoever the ticket now waits on hears of it directly.
import { replies } from '../../tickets/replies.ts';
import { handedOver, handedUp } from '../../tickets/staff-actions.ts';
import type { CommandHandlers } from './command-handler.ts';

export const routingCommands: CommandHandlers<'transfer' | 'escalate' | 'reject' | 'complex' | 'supervise' | 'recategorize'> = {
  async transfer(ctx, cmd, ticketNo, { tickets, responder }) {
    const from = (await tickets.get(ticketNo)).assigneeId;
    const t = await tickets.transfer(ticketNo, ctx.actor, cmd.target, cmd.note, ctx.stored.id);
    const to = t.transferredTo ?? cmd.target;
    await responder.postToTicketGroup(ctx, t, replies.transferred(t, to), false);
    if (t.assigneeId) await responder.directToPerson(ctx, t.assigneeId, replies.handedDirect(t, ctx.group.title, ctx.actor.name, '转派', cmd.note), t);
    // whoever held it before hears it moved on (not the one who moved it)
    if (handedOver(from, t.assigneeId, ctx.actor)) await responder.directToPerson(ctx, from, replies.handedOver(t, to, cmd.note), t);
  },

  async escalate(ctx, cmd, ticketNo, { tickets, responder }) {
    const from = (await tickets.get(ticketNo)).assigneeId;
    const { ticket: t, step } = await tickets.escalate(ticketNo, ctx.actor, cmd.note, ctx.stored.id);
    await responder.reply(ctx, replies.escalated(t, step), t);
    for (const p of step?.people ?? []) await responder.direct(ctx, p, replies.escalatedDirect(t, cmd.note), t);
    // whoever held it before hears it went up (not the one who blew the whistle, nor one it went to)
    if (handedUp(from, t.assigneeId, ctx.actor, step?.people ?? [])) await responder.directToPerson(ctx, from, replies.handedOver(t, step?.people[0]?.name ?? '上级', cmd.note), t);
  },

  async reject(ctx, cmd, ticketNo, { tickets, responder }) {
    const t = await tickets.reject(ticketNo, ctx.actor, cmd.reason, cmd.note, ctx.stored.id);
    // the ticket it repeats, named as such when it exists (looked up once the rejection is allowed); else the worker's words
    const of = cmd.duplicateOf !== undefined && cmd.duplicateOf !== ticketNo ? await tickets.get(cmd.duplicateOf).catch(() => null) : null;
    const reason = of ? replies.duplicateOf(of) : cmd.note || tickets.rejectReasonZh(cmd.reason);
    await responder.postToTicketGroup(ctx, t, replies.rejected(t, reason), true);
    await responder.postToMergedGroups(ctx, t, (merged) => replies.mergedResult(merged, t, replies.outcomeRejected(reason)));
    // whoever holds it (the level it was escalated to, say) hears it needs no more work (not the one who rejected it)
    if (handedOver(t.assigneeId, null, ctx.actor)) await responder.directToPerson(ctx, t.assigneeId, replies.rejectedToHolder(t, ctx.actor.name, reason), t);
  },

  async complex(ctx, cmd, ticketNo, { tickets, responder }) {
    const t = await tickets.markComplex(ticketNo, ctx.actor, cmd.note, ctx.stored.id);
    await responder.reply(ctx, replies.complex(t), t);
  },

  async recategorize(ctx, cmd, ticketNo, { tickets, responder }) {
    const t = await tickets.recategorize(ticketNo, ctx.actor, cmd.category, ctx.stored.id);
    await responder.reply(ctx, replies.recategorized(t), t);
  },

  async supervise(ctx, cmd, ticketNo, { tickets, responder }) {
    const t = await tickets.supervise(ticketNo, ctx.actor, cmd.note, ctx.stored.id);
    await responder.reply(ctx, replies.supervised(t, cmd.note), t);
    if (t.assigneeId) await responder.directToPerson(ctx, t.assigneeId, replies.supervised(t, cmd.note), t);
  },
};
