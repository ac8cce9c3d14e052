// The overview's store: daily roll-ups of ticket events per grid node (written once per change), and the few reads
// of the present the overview needs (open tickets, patrol findings, group activity), each bounded by what is open or
// recent, never by history.
import type { Counts, DailyStatRow } from '../stats/stats.types.ts';
import type { TalliedEvent } from '../stats/tally.ts';

/** One committed ticket change: the ticket's version after it. */
export interface ChangeKey {
  ticketId: number;
  version: number;
}

/** What one change adds: its counts on its day and category, to the ticket's node and each ancestor. */
export interface StatIncrement {
  day: string;
  category: string;
  gridNodeIds: readonly number[];
  counts: Partial<Counts>;
}

export interface OpenTicketCounts {
  gridNodeId: number;
  open: number;
  /** 超时 (core/tickets/overdue.ts): past a deadline now, or escalated for missing one. */
  overdue: number;
}

/** A ticket and its event log, as the rebuild reads them (one read: the version matches the events). */
export interface TicketHistory {
  id: number;
  version: number;
  gridNodeId: number;
  category: string;
  acceptDueAt: Date | null;
  resolveDueAt: Date | null;
  events: (TalliedEvent & { data: Record<string, unknown> | null })[];
}

export interface StatsRepository {
  /**
   * Adds the increment once per change: a change applied before (a retry) adds nothing and returns false. Atomic:
   * the change is marked applied together with its counts.
   */
  apply(key: ChangeKey, inc: StatIncrement): Promise<boolean>;
  /**
   * `apply` for several changes in one statement (the recorder's group commit): one answer per change, in order. A
   * change given twice in one call counts once (the later copy answers false).
   */
  applyMany(changes: readonly { key: ChangeKey; inc: StatIncrement }[]): Promise<boolean[]>;
  /** Counts summed over these nodes, per day and category, for days in [from, to] (YYYY-MM-DD, China dates). */
  byDayAndCategory(gridNodeIds: readonly number[], from: string, to: string): Promise<{ day: string; category: string; counts: Counts }[]>;
  /** Counts summed over days in [from, to], per node (nodes without rows are left out). */
  byNode(gridNodeIds: readonly number[], from: string, to: string): Promise<{ gridNodeId: number; counts: Counts }[]>;
  /** Open tickets on exactly these nodes (not below them), per node that has any. */
  openByNode(gridNodeIds: readonly number[], now: Date): Promise<OpenTicketCounts[]>;
  /** The groups among these with an incoming message sent at or after `since`. */
  groupsActiveSince(groupIds: readonly number[], since: Date): Promise<number[]>;
  /** Patrol findings not closed (open or acknowledged) in these groups, per severity. */
  openFindingsBySeverity(groupIds: readonly number[]): Promise<Record<string, number>>;
  /** Whether no roll-up row exists; and whether any ticket does (a store to rebuild). */
  state(): Promise<{ rows: number; tickets: number }>;

  /** Rebuild: removes every roll-up row and every applied mark. */
  clear(): Promise<void>;
  /** Rebuild: tickets with an id above `afterId`, by id, at most `limit`, each with its events in order. */
  histories(afterId: number, limit: number): Promise<TicketHistory[]>;
  /** Rebuild: adds rows (summed into existing ones) and marks versions 0..upTo of each ticket applied. */
  addRows(rows: readonly DailyStatRow[], applied: readonly { ticketId: number; upTo: number }[]): Promise<void>;
}
