// The assistant's side of a batch: the stored rows and groups of messages the pipeline stored (see MessageInbox), and
// each sender found or created. Senders are remembered a while so a steady stream reads the store little.
import type { IncomingMessage, Platform } from '../messages/incoming-message.ts';
import { incomingToStored } from '../messages/stored-to-incoming.ts';
import { botReads } from '../groups/bot-standing.ts';
import type { Group } from '../ports/group.repository.ts';
import type { StoredMessage } from '../ports/message.repository.ts';
import type { Person } from '../ports/person.repository.ts';
import type { Store } from '../ports/store.port.ts';
import { TtlCache } from '../util/ttl-cache.ts';
import type { IngestItem } from './assistant.types.ts';

/** A message of the batch not handled yet, with its stored row and group; `index` is its place in the batch. */
export interface Loaded {
  index: number;
  msg: IncomingMessage;
  stored: StoredMessage;
  group: Group;
  prevId?: number;
  /** Set by handling: the sender's own words around a pasted copy of the bot's (the rest is not theirs to judge). */
  ownText?: string;
}

const senderKey = (msg: IncomingMessage) => `${msg.platform}\u0000${msg.sender.externalId}\u0000${msg.sender.name}`;

export class MessageIntake {
  private readonly people: TtlCache<string, Person>;

  constructor(private readonly store: Store, cacheMs: number) {
    // a sender's person never changes (a new display name is a new key): kept longer than the rest
    this.people = new TtlCache(cacheMs > 0 ? Math.max(cacheMs, 10 * 60_000) : 0, 50_000);
  }

  /**
   * The batch's stored rows and groups, read by the ids the pipeline stored them under; handled ones drop out. The
   * group is read afresh for every batch: one mapped, moved or deactivated by any process is seen at once.
   */
  async load(items: readonly IngestItem[]): Promise<Loaded[]> {
    const { store } = this;
    const byId = new Map((await store.messages.handlingOf(items.map((i) => i.messageId))).map((h) => [h.id, h]));
    const groups = new Map((await store.groups.findManyById([...new Set(items.map((i) => i.groupId))])).map((g) => [g.id, g]));
    const seen = new Set<number>();
    const loaded: Loaded[] = [];
    const gone: number[] = [];
    for (const [index, item] of items.entries()) {
      const handling = byId.get(item.messageId);
      if (!handling || handling.handledAt || seen.has(item.messageId)) continue;
      seen.add(item.messageId);
      // a group folded into another since the message was stored: found by its platform id
      const group = groups.get(item.groupId) ?? (await store.groups.findByExternal(item.msg.platform, item.msg.groupExternalId));
      if (!group) {
        gone.push(item.messageId);
        continue;
      }
      loaded.push({ index, msg: item.msg, stored: incomingToStored(item.msg, group.id, handling), group, prevId: item.prevId });
    }
    // nothing can be done with a message whose group is gone: it leaves the inbox, as the inbox retry would do
    await store.messages.markHandledMany(gone);
    return loaded;
  }

  /** The senders of a batch not remembered yet, found or created in one statement per platform. */
  async preloadSenders(loaded: readonly Loaded[]) {
    const wanted = new Map<Platform, Map<string, IncomingMessage['sender']>>();
    for (const { msg, group } of loaded) {
      if (group.gridNodeId === null || !botReads(group) || this.people.get(senderKey(msg))) continue;
      const forPlatform = wanted.get(msg.platform) ?? new Map<string, IncomingMessage['sender']>();
      forPlatform.set(senderKey(msg), msg.sender);
      wanted.set(msg.platform, forPlatform);
    }
    for (const [platform, senders] of wanted) {
      const keys = [...senders.keys()];
      const people = await this.store.people.ensureManyByIdentity(platform, [...senders.values()].map((s) => ({ externalId: s.externalId, name: s.name })));
      keys.forEach((k, i) => this.people.set(k, people[i]!));
    }
  }

  /** The sender as a person, created on first sight; remembered for a few seconds (names are refreshed when they change). */
  async senderOf(msg: IncomingMessage): Promise<Person> {
    const key = senderKey(msg);
    const known = this.people.get(key);
    if (known) return known;
    const person = await this.store.people.ensureByIdentity(msg.platform, msg.sender.externalId, msg.sender.name);
    this.people.set(key, person);
    return person;
  }
}
