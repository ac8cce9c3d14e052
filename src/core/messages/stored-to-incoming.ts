// A stored incoming message as the assistant reads it again (retry from the inbox, re-queue after an outage).
import type { StoredMessage } from '../ports/message.repository.ts';
import type { IncomingMessage } from './incoming-message.ts';

export function storedToIncoming(m: StoredMessage, groupExternalId: string, senderExternalId: string): IncomingMessage {
  const msg: IncomingMessage = {
    platform: m.platform,
    externalId: m.externalId,
    groupExternalId,
    sender: { externalId: senderExternalId, name: m.senderName ?? senderExternalId },
    text: m.text,
    kind: m.kind as IncomingMessage['kind'],
    sentAt: m.sentAt,
  };
  if (m.quotedExternalId) msg.quotedExternalId = m.quotedExternalId;
  if (m.quotedText) msg.quoted = { text: m.quotedText, fromBot: m.quotedFromBot };
  return msg;
}
