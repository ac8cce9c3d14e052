// The one intake of incoming messages: each is cleaned of control characters, stored once and given its group's row
// id, the group found or created here and nowhere else. The pipeline stores through it before queueing; the ingest
// worker hands what it stored to the assistant, which takes stored messages only.
import type { IngestItem } from '../assistant/assistant.types.ts';
import { withoutControlChars, type IncomingMessage, type Platform } from '../messages/incoming-message.ts';
import type { Logger } from '../ports/logger.port.ts';
import type { StoredMessage } from '../ports/message.repository.ts';
import type { Store } from '../ports/store.port.ts';
import { RefusedDataError } from '../errors.ts';

/** A group's key in this process's maps: platform and platform id. */
const groupKey = (platform: Platform, externalId: string) => `${platform}\u0000${externalId}`;

export interface MessageInboxDeps {
  store: Store;
  logger: Logger;
  /**
   * How long save keeps trying to store messages while the database is away (default 10 minutes, backoff from
   * 200 ms to 10 s): the messages wait in memory, in order, instead of being dropped; later ones wait behind them.
   */
  storeRetryMs?: number;
  /** Waits between store attempts (tests); default setTimeout. */
  sleep?: (ms: number) => Promise<void>;
}

/** A message as stored: the item the assistant takes, and whether it was handled before (a redelivery). */
export interface SavedMessage {
  item: IngestItem;
  handled: boolean;
}

export class MessageInbox {
  /** Group ids by platform and platform id: a group's row id never changes, so this needs no expiry. */
  private readonly groupIds = new Map<string, number>();
  /** The id of the message this process stored last, by group row id (see chain). */
  private readonly lastStored = new Map<number, number>();

  constructor(private readonly d: MessageInboxDeps) {}

  /** Stores the messages in one statement (a message stored before is found, not doubled), in the order given. */
  async save(given: readonly IncomingMessage[]): Promise<SavedMessage[]> {
    const msgs = given.map(withoutControlChars);
    const saved = await this.store(msgs);
    const seen = new Set<number>();
    return saved.map((s, i) => {
      const item: IngestItem = { msg: msgs[i]!, messageId: s.message.id, groupId: s.message.groupId! };
      // the same message twice in one batch joins the chain once
      const prevId = seen.has(s.message.id) ? undefined : this.chain(s);
      seen.add(s.message.id);
      if (prevId !== undefined) item.prevId = prevId;
      return { item, handled: s.duplicate && s.message.handledAt !== null };
    });
  }

  /** Job items from older versions or made by hand carry no ids: they are stored here first. */
  async complete(items: readonly (Omit<IngestItem, 'messageId' | 'groupId'> & Partial<IngestItem>)[]): Promise<IngestItem[]> {
    const missing = items.flatMap((i, index) => (i.messageId === undefined || i.groupId === undefined ? [index] : []));
    if (missing.length === 0) return items as IngestItem[];
    const saved = await this.save(missing.map((index) => items[index]!.msg));
    const out = [...items] as IngestItem[];
    missing.forEach((index, k) => (out[index] = saved[k]!.item));
    return out;
  }

  /** Stores the messages, trying again with backoff while the database is away (see storeRetryMs). */
  private async store(msgs: readonly IncomingMessage[]) {
    const { store, logger } = this.d;
    const giveUpAt = Date.now() + (this.d.storeRetryMs ?? 10 * 60_000);
    const sleep = this.d.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    for (let wait = 200; ; wait = Math.min(wait * 2, 10_000)) {
      try {
        const groupIds = await this.groupIdsOf(msgs);
        return await store.messages.saveIncomingMany(msgs.map((msg, i) => ({ msg, groupId: groupIds[i]! })));
      } catch (e) {
        if (e instanceof RefusedDataError && msgs.length === 1) {
          const m = msgs[0]!;
          logger.error(
            { err: e, platform: m.platform, externalId: m.externalId, group: m.groupExternalId },
            'the database refuses this incoming message; it is not stored (the rest of its batch is)',
          );
        }
        // refused data is not retried: the batch is halved by the group commit until the refused message stands alone
        if (e instanceof RefusedDataError || Date.now() + wait > giveUpAt) throw e;
        logger.warn({ err: e, messages: msgs.length, retryInMs: wait }, 'cannot store incoming messages (database away?); they wait in memory and are tried again');
        await sleep(wait);
      }
    }
  }

  /**
   * The id of the message this process stored last in the same group, for a message stored just now; undefined for
   * a redelivery (stored earlier, out of the chain) and for the first message of a group this process stores. Saves
   * run one after another and ids rise within one, so the chain is the order the group's messages were stored in.
   */
  private chain(s: { message: StoredMessage; duplicate: boolean }): number | undefined {
    const groupId = s.message.groupId;
    if (s.duplicate || groupId === null) return undefined;
    const prev = this.lastStored.get(groupId);
    if (this.lastStored.size >= 100_000 && prev === undefined) this.lastStored.clear();
    this.lastStored.set(groupId, s.message.id);
    return prev;
  }

  /** Forget a group's remembered row id (it moved to a new platform id, or a row was folded into another). */
  forgetGroup(platform: Platform, externalId: string): void {
    this.groupIds.delete(groupKey(platform, externalId));
    // rows are folded into one another: every chain starts again (the patrol reads each group once more), as
    // the messages of a folded row join its target's history without passing through the chain
    this.lastStored.clear();
  }

  /**
   * Each message's group row id: remembered ones at once, the others read in one statement for the batch; a group the
   * store has never seen is created (unmapped), one by one, which happens once per group.
   */
  private async groupIdsOf(msgs: readonly IncomingMessage[]): Promise<number[]> {
    const { store } = this.d;
    const unknown = new Map<string, { platform: Platform; externalId: string }>();
    for (const msg of msgs) {
      const key = groupKey(msg.platform, msg.groupExternalId);
      if (!this.groupIds.has(key)) unknown.set(key, { platform: msg.platform, externalId: msg.groupExternalId });
    }
    if (unknown.size > 0) {
      if (this.groupIds.size + unknown.size > 100_000) this.groupIds.clear();
      for (const g of await store.groups.findManyByExternal([...unknown.values()])) {
        const key = groupKey(g.platform, g.externalId);
        this.groupIds.set(key, g.id);
        unknown.delete(key);
      }
      for (const [key, ref] of unknown) this.groupIds.set(key, (await store.groups.upsertSeen(ref.platform, ref.externalId, ref.externalId)).id);
    }
    return msgs.map((msg) => this.groupIds.get(groupKey(msg.platform, msg.groupExternalId))!);
  }
}
