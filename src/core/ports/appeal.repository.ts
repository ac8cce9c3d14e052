import type { Appeal } from '../insights/insights.types.ts';

export interface AppealQuery {
  /** Tickets created before this instant. */
  until: Date;
  /** …and at or after this one (all history when absent). */
  since?: Date;
  /** Only tickets on these grid nodes (a subtree's ids); all when absent. */
  gridNodeIds?: readonly number[];
}

/** The store's tickets as appeals for the insights (每月一题): each ticket with the words of the message that opened it. */
export interface AppealRepository {
  /** Oldest first. The text is the opening message's (stored raw, as the audit needs), else the ticket's summary. */
  list(query: AppealQuery): Promise<Appeal[]>;
}
