// What a resident asks of their ticket: 查询 (query) and 满意/不满意 (rate). A poor rating reopens the ticket and
// tells its worker.
import { replies } from '../../tickets/replies.ts';
import type { CommandHandlers } from './command-handler.ts';

export const residentCommands: CommandHandlers<'query' | 'rate'> = {
  async query(ctx, _cmd, ticketNo, { tickets, responder }) {
    const { ticket: t, assignee, mergedInto } = await tickets.query(ticketNo, ctx.actor, ctx.stored.id, ctx.group.id);
    await responder.reply(ctx, mergedInto ? replies.queryMerged(t, mergedInto.ticket, mergedInto.assignee?.name ?? null) : replies.query(t, assignee?.name ?? null), t);
  },

  async rate(ctx, cmd, ticketNo, { tickets, responder }) {
    const t = await tickets.rate(ticketNo, ctx.actor, cmd.satisfaction, cmd.note, ctx.stored.id);
    await responder.reply(ctx, t.status === 'REOPENED' ? replies.reopened(t) : replies.closed(t, cmd.satisfaction), t);
    if (t.status === 'REOPENED' && t.assigneeId) await responder.directToPerson(ctx, t.assigneeId, replies.reopenedDirect(t, cmd.note), t);
  },
};
