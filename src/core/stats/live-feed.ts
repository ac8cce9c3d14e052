// The console's live view: every committed ticket change inside a viewer's subtrees, as it happens (the HTTP layer
// sends them as server-sent events). Delivery never holds up the write that published the change.
import type { TicketChange, TicketEvents } from '../events/ticket-events.ts';
import type { GridNode } from '../grid/grid.types.ts';
import { GridScope } from '../grid/grid-scope.ts';
import type { Logger } from '../ports/logger.port.ts';
import { categoryName } from '../triage/categories.ts';
import { STATUS_ZH, type TicketEventType, type TicketStatus } from '../tickets/ticket.types.ts';

/** One change as the live view shows it. */
export interface LiveTicketChange {
  type: TicketEventType;
  at: string;
  fromStatus: TicketStatus | null;
  toStatus: TicketStatus | null;
  note: string | null;
  ticket: {
    number: number;
    status: TicketStatus;
    statusName: string;
    category: string;
    categoryName: string;
    summary: string;
    urgency: string;
    node: { code: string; name: string; level: GridNode['level'] };
    groupId: number | null;
    assigneeId: number | null;
    acceptDueAt: string | null;
    resolveDueAt: string | null;
    escalationLevel: number;
    version: number;
  };
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export class LiveFeed {
  private open = 0;

  constructor(
    private readonly events: TicketEvents,
    private readonly scope: GridScope,
    private readonly logger: Logger,
    private readonly categories?: Record<string, string>,
  ) {}

  /** Viewers listening now. */
  get listeners(): number {
    return this.open;
  }

  /** Calls `push` with every change inside the subtrees until the function returned is called. */
  subscribe(roots: readonly Pick<GridNode, 'path'>[], push: (change: LiveTicketChange) => void): () => void {
    this.open++;
    // every change, also those other processes committed (TicketEvents.bridge)
    const stop = this.events.watch((change) => {
      // not awaited: a slow viewer must not slow the ticket write that published the change
      void this.deliver(change, roots, push);
    });
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      this.open--;
      stop();
    };
  }

  private async deliver(change: TicketChange, roots: readonly Pick<GridNode, 'path'>[], push: (c: LiveTicketChange) => void) {
    try {
      const chain = await this.scope.chain(change.ticket.gridNodeId);
      const node = chain[chain.length - 1]!;
      if (GridScope.within(node, roots)) push(this.shape(change, node));
    } catch (err) {
      this.logger.warn({ err, ticketNo: change.ticket.number }, 'live feed: change not delivered');
    }
  }

  private shape({ ticket: t, event: e }: TicketChange, node: GridNode): LiveTicketChange {
    return {
      type: e.type,
      at: (e.at ?? t.updatedAt).toISOString(),
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      note: e.note,
      ticket: {
        number: t.number,
        status: t.status,
        statusName: STATUS_ZH[t.status],
        category: t.category,
        categoryName: categoryName(t.category, this.categories),
        summary: t.summary,
        urgency: t.urgency,
        node: { code: node.code, name: node.name, level: node.level },
        groupId: t.groupId,
        assigneeId: t.assigneeId,
        acceptDueAt: iso(t.acceptDueAt),
        resolveDueAt: iso(t.resolveDueAt),
        escalationLevel: t.escalationLevel,
        version: t.version,
      },
    };
  }
}
