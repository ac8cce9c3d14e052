// Who may see a ticket through 查询: its reporter, anyone asking in its group, staff over its grid node, those who
// joined it, and the reporters and groups of the tickets merged into it. Anyone else is answered as if it did not exist.
import { isStaff } from '../people/roles.ts';
import type { GridRouter } from '../grid/routing.ts';
import type { TicketRepository } from '../ports/ticket.repository.ts';
import { mergedInto } from './merged-tickets.ts';
import type { Ticket } from './ticket.types.ts';

export async function ticketVisibleTo(
  d: { router: Pick<GridRouter, 'rolesOver'>; tickets: Pick<TicketRepository, 'events' | 'list'> },
  t: Ticket,
  personId: number,
  groupId: number | null,
): Promise<boolean> {
  if (t.reporterId === personId || (groupId !== null && t.groupId === groupId)) return true;
  if (isStaff(await d.router.rolesOver(personId, t.gridNodeId))) return true;
  if ((await d.tickets.events(t.id)).some((e) => e.type === 'joined' && e.actorId === personId)) return true;
  // a ticket merged into this one brings its group and its reporter along
  return (await mergedInto(d.tickets, t)).some((m) => m.reporterId === personId || (groupId !== null && m.groupId === groupId));
}
