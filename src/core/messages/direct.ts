// A direct message to a person on each platform they have an account on (only on `prefer` when they have one there),
// keyed "<key>:<platform>" so a retry sends it once. Returns false when the person has no account at all.
import type { Platform } from './incoming-message.ts';
import type { Outbox } from '../ports/outbox.port.ts';
import type { PersonRepository } from '../ports/person.repository.ts';

export async function sendDirect(d: { people: Pick<PersonRepository, 'identities'>; outbox: Outbox }, personId: number, key: string, text: string, prefer?: Platform): Promise<boolean> {
  const all = await d.people.identities(personId);
  const there = all.filter((i) => i.platform === prefer);
  const ids = there.length ? there : all;
  for (const id of ids) await d.outbox.send({ key: `${key}:${id.platform}`, platform: id.platform, to: { user: id.externalId }, text, ticketId: null });
  return ids.length > 0;
}
