// 合并重复: tickets merged into another (closed as duplicates, `duplicateOfId` pointing at it) came from groups of their
// own. Their residents hear the result of the ticket they were merged into, once per group, and may ask after it there.
import type { Platform } from '../messages/incoming-message.ts';
import type { SendOptions } from '../ports/chat-gateway.port.ts';
import type { PersonRepository } from '../ports/person.repository.ts';
import type { TicketRepository } from '../ports/ticket.repository.ts';
import { reporterMention } from './reporter-mention.ts';
import type { Ticket } from './ticket.types.ts';

/** The tickets merged into `t`, oldest first. */
export async function mergedInto(tickets: Pick<TicketRepository, 'list'>, t: Pick<Ticket, 'id'>): Promise<Ticket[]> {
  return (await tickets.list({ duplicateOfId: t.id, limit: 1000 })).reverse();
}

/** The groups other than `t`'s own whose tickets were merged into `t`, each with those tickets. */
export async function mergedGroups(tickets: Pick<TicketRepository, 'list'>, t: Ticket): Promise<Map<number, Ticket[]>> {
  const byGroup = new Map<number, Ticket[]>();
  for (const m of await mergedInto(tickets, t)) {
    if (m.groupId === null || m.groupId === t.groupId) continue;
    (byGroup.get(m.groupId) ?? byGroup.set(m.groupId, []).get(m.groupId)!).push(m);
  }
  return byGroup;
}

/** The reporters of these tickets as @mentions on one platform, each once. */
export async function reportersMention(people: Pick<PersonRepository, 'identities'>, platform: Platform, merged: readonly Ticket[]): Promise<NonNullable<SendOptions['mentions']>> {
  const out: NonNullable<SendOptions['mentions']> = [];
  for (const m of merged) for (const id of await reporterMention(people, platform, m)) if (!out.some((o) => o.externalId === id.externalId)) out.push(id);
  return out;
}
