// Where in its group a ticket is spoken of: on a platform whose groups have threads (a Telegram forum's topics), the
// thread its appeal was made in.
import type { SendOptions } from '../ports/chat-gateway.port.ts';
import type { MessageRepository } from '../ports/message.repository.ts';
import type { Ticket } from './ticket.types.ts';

/** SendOptions.threadOf for a post about `ticket` in group `groupId`: its appeal, when the appeal was made there. */
export async function appealThread(messages: Pick<MessageRepository, 'firstIncomingOfTicket'>, ticket: Ticket, groupId: number): Promise<Pick<SendOptions, 'threadOf'>> {
  const appeal = await messages.firstIncomingOfTicket(ticket.id);
  return appeal && appeal.groupId === groupId ? { threadOf: appeal.externalId } : {};
}
