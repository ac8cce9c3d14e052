// The reporter of a ticket as an @mention on one platform: what the bot says in the group about their ticket names them.
import type { Platform } from '../messages/incoming-message.ts';
import type { SendOptions } from '../ports/chat-gateway.port.ts';
import type { PersonRepository } from '../ports/person.repository.ts';
import type { Ticket } from './ticket.types.ts';

/** The reporter's account on the platform as a mention; none when the ticket has no reporter or they have no account there. */
export async function reporterMention(people: Pick<PersonRepository, 'identities'>, platform: Platform, ticket: Ticket): Promise<NonNullable<SendOptions['mentions']>> {
  if (!ticket.reporterId) return [];
  const id = (await people.identities(ticket.reporterId)).find((i) => i.platform === platform);
  return id ? [{ externalId: id.externalId, name: id.displayName }] : [];
}
