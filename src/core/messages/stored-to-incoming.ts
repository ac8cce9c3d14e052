// A stored incoming message read again: from the inbox (the pipeline queues it again) and from a job (the assistant).
import type { Group } from '../ports/group.repository.ts';
import type { MessageHandling, StoredMessage } from '../ports/message.repository.ts';
import type { Store } from '../ports/store.port.ts';
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

/** The stored row of an incoming message rebuilt from what was stored (a job carries it) and where its handling stands. */
export function incomingToStored(msg: IncomingMessage, groupId: number | null, handling: MessageHandling): StoredMessage {
  return {
    id: handling.id,
    ticketId: handling.ticketId,
    handledAt: handling.handledAt,
    platform: msg.platform,
    externalId: msg.externalId,
    direction: 'IN',
    groupId,
    senderExternalId: msg.sender.externalId,
    senderName: msg.sender.name,
    kind: msg.kind ?? 'text',
    text: msg.text,
    quotedExternalId: msg.quotedExternalId ?? null,
    quotedText: msg.quoted?.text ?? null,
    quotedFromBot: msg.quoted?.fromBot ?? false,
    sentAt: msg.sentAt,
  };
}

/**
 * Stored incoming messages never handled, received more than `olderThanMs` ago, oldest first, each as the assistant
 * reads it again with its group. Ones that cannot be handled any more (no group, no sender) are marked handled here.
 */
export async function staleInbox(store: Store, olderThanMs: number, limit: number): Promise<{ stored: StoredMessage; group: Group; msg: IncomingMessage }[]> {
  const stale = await store.messages.listUnhandled(new Date(Date.now() - olderThanMs), limit);
  const groups = new Map((await store.groups.findManyById([...new Set(stale.flatMap((m) => (m.groupId === null ? [] : [m.groupId])))])).map((g) => [g.id, g]));
  const out: { stored: StoredMessage; group: Group; msg: IncomingMessage }[] = [];
  const orphans: number[] = [];
  for (const m of stale) {
    const group = m.groupId === null ? undefined : groups.get(m.groupId);
    if (!group || !m.senderExternalId) orphans.push(m.id);
    else out.push({ stored: m, group, msg: storedToIncoming(m, group.externalId, m.senderExternalId) });
  }
  await store.messages.markHandledMany(orphans);
  return out;
}
