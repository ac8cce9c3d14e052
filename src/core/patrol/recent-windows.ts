// What the patrol remembers of each group between batches: its recent incoming text and the id of the last message
// it covered. A group's next messages say which message was stored before each of them (IngestItem.prevId); the
// memory is used only when they chain on to the remembered id, so nothing stored in between can be missing from it.
// Anything else (another worker handled the group meanwhile, a redelivery, a restart) reads the group from the store.
import { byTime, type PatrolMessage } from './patrol.types.ts';

interface GroupWindow {
  lastId: number;
  /** Time order (sentAt, then id). */
  messages: PatrolMessage[];
}

export interface ChainLink {
  id: number;
  prevId?: number;
}

export class RecentWindows {
  /** Least recently used first (a Map keeps insertion order; a use moves the group to the end). */
  private readonly windows = new Map<number, GroupWindow>();

  constructor(
    private readonly maxGroups = 5000,
    private readonly maxMessages = 200,
  ) {}

  /**
   * The remembered messages of the group when `links` (the batch's messages of the group, in order) continue its
   * chain, each naming the one before it; otherwise null (and the group is forgotten).
   */
  continuing(groupId: number, links: readonly ChainLink[]): readonly PatrolMessage[] | null {
    const w = this.windows.get(groupId);
    if (!w) return null;
    let last = w.lastId;
    for (const l of links) {
      if (l.prevId === undefined || l.prevId !== last) {
        this.windows.delete(groupId);
        return null;
      }
      last = l.id;
    }
    return w.messages;
  }

  /**
   * Remembers the group as covered up to `lastId`: `messages` (any order; the same id once) within `keepMs` of the
   * newest, at most maxMessages of the latest.
   */
  remember(groupId: number, lastId: number, messages: Iterable<PatrolMessage>, keepMs: number): void {
    const unique = new Map<number, PatrolMessage>();
    for (const m of messages) unique.set(m.id, m);
    let kept = [...unique.values()].sort(byTime);
    const newest = kept.at(-1)?.sentAt.getTime();
    if (newest !== undefined) kept = kept.filter((m) => m.sentAt.getTime() >= newest - keepMs);
    if (kept.length > this.maxMessages) kept = kept.slice(-this.maxMessages);
    this.windows.delete(groupId);
    this.windows.set(groupId, { lastId, messages: kept });
    if (this.windows.size > this.maxGroups) this.windows.delete(this.windows.keys().next().value!);
  }

  forget(groupId: number): void {
    this.windows.delete(groupId);
  }

  get size(): number {
    return this.windows.size;
  }
}
