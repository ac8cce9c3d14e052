// The worker's own steps on a ticket: 认领 (claim), 进度 (progress), 办结 (resolve). Progress and resolution are told
// in the resident's group, with the claim first when the step claimed the ticket on the way, and in the groups of the
// tickets merged into it (合并重复).
import { replies } from '../../tickets/replies.ts';
import type { CommandHandlers } from './command-handler.ts';

export const workCommands: CommandHandlers<'claim' | 'progress' | 'resolve'> = {
  async claim(ctx, _cmd, ticketNo, { tickets, responder }) {
    const t = await tickets.claim(ticketNo, ctx.actor, ctx.stored.id);
    // the resident is the one to alert: the line @-mentions the reporter, quoting the worker's own message
    await responder.postToTicketGroup(ctx, t, replies.claimed(t, ctx.actor.name), true, true);
  },

  async progress(ctx, cmd, ticketNo, { tickets, responder }) {
    const { ticket: t, claimed, holderId } = await tickets.progress(ticketNo, ctx.actor, cmd.note, ctx.stored.id);
    // a claim made on the way alerts the resident as an explicit one does
    if (claimed) await responder.postToTicketGroup(ctx, t, replies.claimed(t, ctx.actor.name), true);
    await responder.postToTicketGroup(ctx, t, replies.progress(t, cmd.note), false);
    if (holderId !== undefined) await responder.directToPerson(ctx, holderId, replies.progressToHolder(t, ctx.actor.name, cmd.note), t);
    await responder.postToMergedGroups(ctx, t, (merged) => replies.mergedProgress(merged, t, cmd.note));
  },

  async resolve(ctx, cmd, ticketNo, { tickets, responder }) {
    const { ticket: t, claimed, holderId } = await tickets.resolve(ticketNo, ctx.actor, cmd.note, ctx.stored.id);
    if (claimed) await responder.postToTicketGroup(ctx, t, replies.claimed(t, ctx.actor.name), false);
    await responder.postToTicketGroup(ctx, t, replies.resolved(t, cmd.note), true);
    if (holderId !== undefined) await responder.directToPerson(ctx, holderId, replies.resolvedToHolder(t, ctx.actor.name, cmd.note), t);
    await responder.postToMergedGroups(ctx, t, (merged) => replies.mergedResult(merged, t, replies.outcomeResolved(cmd.note)));
  },
};
