// The duplicate finder: before a new ticket is opened, an open ticket for the same problem nearby (same grid, a
// compatible place, reported lately, worded alike) is looked for, so a second resident joins it instead.
import type { GridRouter } from '../grid/routing.ts';
import type { Clock } from '../ports/clock.port.ts';
import type { OpenInNodesRequest, TicketRepository } from '../ports/ticket.repository.ts';
import { DEFAULT_WINDOW_HOURS, DUPLICATE_THRESHOLD, findDuplicate } from '../triage/similarity.ts';
import { GroupCommit } from '../util/group-commit.ts';
import type { Place, Ticket } from './ticket.types.ts';

export interface DedupOptions {
  /** A new appeal joins a similar open ticket reported within this many hours. */
  windowHours: number;
  /** Similarity (0–1) from which two appeals are the same problem. */
  threshold: number;
}

export interface DuplicateFinderDeps {
  tickets: TicketRepository;
  router: GridRouter;
  clock: Clock;
  dedup?: Partial<DedupOptions>;
}

export class DuplicateFinder {
  private readonly dedup: DedupOptions;

  /**
   * Appeals handled at the same time (the groups of one batch side by side) share their statements: their duplicate
   * checks are one read.
   */
  private readonly nearby: GroupCommit<OpenInNodesRequest, Ticket[]>;

  constructor(private readonly d: DuplicateFinderDeps) {
    this.dedup = { windowHours: DEFAULT_WINDOW_HOURS, threshold: DUPLICATE_THRESHOLD, ...d.dedup };
    this.nearby = new GroupCommit((requests) => d.tickets.listOpenInNodes(requests));
  }

  /**
   * An open ticket for the same problem: reported within the window, in the same grid, at a compatible place (same
   * node, or one node above the other — sibling buildings never merge), and similar enough in wording.
   */
  async find(gridNodeId: number, groupId: number | null, text: string, place: Place, category?: string): Promise<Ticket | null> {
    const now = this.d.clock.now();
    const chain = await this.d.router.chain(gridNodeId);
    const node = chain.at(-1)!;
    const grid = [...chain].reverse().find((n) => n.level === 'GRID') ?? node;
    // the node, what lies below it, and the nodes between it and its grid
    const between = chain.slice(chain.indexOf(grid));
    const related = [...between, ...(await this.d.router.subtree(node.code)).filter((n) => n.id !== node.id)];
    const open = await this.nearby.submit({
      gridNodeIds: related.map((n) => n.id),
      since: new Date(now.getTime() - this.dedup.windowHours * 3600_000),
      limit: 500,
    });
    const id = findDuplicate(
      { text, place, groupId, ...(category === undefined ? {} : { category }) },
      open.map((t) => ({ id: t.id, text: t.summary, place: t.place, createdAt: t.createdAt, gridNodeId: t.gridNodeId, groupId: t.groupId, category: t.category })),
      { now, windowHours: this.dedup.windowHours, threshold: this.dedup.threshold },
    );
    return open.find((t) => t.id === id) ?? null;
  }
}
