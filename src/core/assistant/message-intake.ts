// The intake of a batch: each message stored once (or its stored row found), its group and sender found or created.
// Mapped, active groups and senders are remembered a few seconds so a steady stream reads the store little.
import type { IncomingMessage, Platform } from '../messages/incoming-message.ts';
import { incomingToStored } from '../messages/stored-to-incoming.ts';
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
}

const senderKey = (msg: IncomingMessage) => `${msg.platform}\u0000${msg.sender.externalId}\u0000${msg.sender.name}`;

export class MessageIntake {
  private readonly groups: TtlCache<number, Group>;
  private readonly people: TtlCache<string, Person>;

  constructor(private readonly store: Store, cacheMs: number) {
    this.groups = new TtlCache(cacheMs, 10_000);
    // a sender's person never changes (a new display name is a new key): kept longer than the rest
    this.people = new TtlCache(cacheMs > 0 ? Math.max(cacheMs, 10 * 60_000) : 0, 50_000);
  }

  /** A group changed here (joined, left, renamed, moved): read it afresh next time. */
  forgetGroup(groupId: number) {
    this.groups.delete(groupId);
  }

  /** The batch's stored rows and groups: by id when the pipeline stored them, else stored here. Handled ones drop out. */
  async load(items: readonly IngestItem[]): Promise<Loaded[]> {
    const { store } = this;
    // a message the pipeline stored travels in the job: only where its handling stands is read
    const byId = new Map((await store.messages.handlingOf(items.flatMap((i) => (i.messageId === undefined ? [] : [i.messageId])))).map((h) => [h.id, h]));
    const groups = await this.groupsOf(items);
    const toSave = items.flatMap((item, index) => (item.messageId !== undefined && byId.has(item.messageId) ? [] : [{ index, item }]));
    const saved = await store.messages.saveIncomingMany(toSave.map(({ index, item }) => ({ msg: item.msg, groupId: groups[index]!.id })));
    const rows = items.map((item, index) => {
      const handling = item.messageId === undefined ? undefined : byId.get(item.messageId);
      return handling && incomingToStored(item.msg, groups[index]!.id, handling);
    });
    toSave.forEach(({ index }, k) => (rows[index] = saved[k]!.message));
    const seen = new Set<number>();
    const loaded: Loaded[] = [];
    items.forEach((item, index) => {
      const stored = rows[index]!;
      if (stored.handledAt || seen.has(stored.id)) return;
      seen.add(stored.id);
      loaded.push({ index, msg: item.msg, stored, group: groups[index]!, prevId: item.prevId });
    });
    return loaded;
  }

  /** Each item's group: from the cache (mapped, active groups only), by id, or by platform id (created when new). */
  private async groupsOf(items: readonly IngestItem[]): Promise<Group[]> {
    const { store } = this;
    // read once per batch: the groups by id the cache does not hold, and each other group by its platform id
    const byId = new Map<number, Group>();
    const wanted = [...new Set(items.flatMap((i) => (i.groupId === undefined ? [] : [i.groupId])))].filter((id) => {
      const cached = this.groups.get(id);
      if (cached) byId.set(id, cached);
      return !cached;
    });
    for (const g of await store.groups.findManyById(wanted)) {
      byId.set(g.id, g);
      this.rememberGroup(g);
    }
    const byExternal = new Map<string, Group>();
    const out: Group[] = [];
    for (const { msg, groupId } of items) {
      let g = groupId === undefined ? undefined : byId.get(groupId);
      if (!g || g.platform !== msg.platform || g.externalId !== msg.groupExternalId) {
        const key = `${msg.platform}\u0000${msg.groupExternalId}`;
        g = byExternal.get(key);
        if (!g) {
          g = (await store.groups.findByExternal(msg.platform, msg.groupExternalId)) ?? (await store.groups.upsertSeen(msg.platform, msg.groupExternalId, msg.groupExternalId));
          byExternal.set(key, g);
          this.rememberGroup(g);
        }
      }
      out.push(g);
    }
    return out;
  }

  private rememberGroup(g: Group) {
    // only groups the bot works in are kept: one mapped or re-activated elsewhere must be seen at once
    if (g.gridNodeId !== null && g.active) this.groups.set(g.id, g);
    else this.groups.delete(g.id);
  }

  /** The senders of a batch not remembered yet, found or created in one statement per platform. */
  async preloadSenders(loaded: readonly Loaded[]) {
    const wanted = new Map<Platform, Map<string, IncomingMessage['sender']>>();
    for (const { msg, group } of loaded) {
      if (group.gridNodeId === null || !group.active || this.people.get(senderKey(msg))) continue;
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
