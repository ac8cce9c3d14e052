import type { IncomingMessage, Platform } from '../../core/messages/incoming-message.ts';
import type { MessageRepository, StoredMessage } from '../../core/ports/message.repository.ts';
import type { Db } from './prisma-store.ts';

type Row = Omit<StoredMessage, never> & Record<string, unknown>;
const toStored = (m: Row): StoredMessage => ({
  id: m.id,
  platform: m.platform,
  externalId: m.externalId,
  direction: m.direction,
  groupId: m.groupId,
  senderExternalId: m.senderExternalId,
  senderName: m.senderName,
  kind: m.kind,
  text: m.text,
  quotedExternalId: m.quotedExternalId,
  quotedText: m.quotedText,
  quotedFromBot: m.quotedFromBot,
  sentAt: m.sentAt,
  ticketId: m.ticketId,
  handledAt: m.handledAt,
});

export class PrismaMessageRepository implements MessageRepository {
  constructor(private readonly db: Db) {}

  async saveIncoming(msg: IncomingMessage, groupId: number | null) {
    // ON CONFLICT DO NOTHING semantics: a redelivered message returns the stored row
    const where = { platform_externalId: { platform: msg.platform, externalId: msg.externalId } };
    const existing = await this.db.message.findUnique({ where });
    if (existing) return { message: toStored(existing), duplicate: true };
    try {
      const created = await this.db.message.create({
        data: {
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
        },
      });
      return { message: toStored(created), duplicate: false };
    } catch (e) {
      const raced = await this.db.message.findUnique({ where });
      if (raced) return { message: toStored(raced), duplicate: true };
      throw e;
    }
  }

  async saveOutgoing(platform: Platform, externalId: string, groupId: number | null, text: string, ticketId: number | null, sourceKey?: string) {
    const row = await this.db.message.upsert({
      where: { platform_externalId: { platform, externalId } },
      create: { platform, externalId, direction: 'OUT', groupId, text, ticketId, sentAt: new Date(), sourceKey: sourceKey ?? null },
      update: {},
    });
    return toStored(row);
  }

  async outgoingSent(sourceKey: string) {
    return (await this.db.message.count({ where: { sourceKey } })) > 0;
  }

  async findByExternal(platform: Platform, externalId: string) {
    const m = await this.db.message.findUnique({ where: { platform_externalId: { platform, externalId } } });
    return m && toStored(m);
  }

  async linkTicket(messageId: number, ticketId: number) {
    await this.db.message.update({ where: { id: messageId }, data: { ticketId } });
  }

  async firstIncomingOfTicket(ticketId: number) {
    const m = await this.db.message.findFirst({ where: { ticketId, direction: 'IN' }, orderBy: { id: 'asc' } });
    return m && toStored(m);
  }

  async listUnhandled(before: Date, limit: number) {
    const rows = await this.db.message.findMany({
      where: { direction: 'IN', handledAt: null, receivedAt: { lt: before } },
      orderBy: { id: 'asc' },
      take: limit,
    });
    return rows.map(toStored);
  }

  async markHandled(messageId: number) {
    await this.db.message.update({ where: { id: messageId }, data: { handledAt: new Date() } });
  }
}
