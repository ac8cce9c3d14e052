// A direct message to a person on each platform they have an account on, keyed "<key>:<platform>" so a retry sends
// it once. Returns false when the person has no account at all (nothing was sent).
import type { Outbox } from '../ports/outbox.port.ts';
import type { PersonRepository } from '../ports/person.repository.ts';

export async function sendDirect(d: { people: Pick<PersonRepository, 'identities'>; outbox: Outbox }, personId: number, key: string, text: string): Promise<boolean> {
  const ids = await d.people.identities(personId);
  for (const id of ids) await d.outbox.send({ key: `${key}:${id.platform}`, platform: id.platform, to: { user: id.externalId }, text, ticketId: null });
  return ids.length > 0;
}
