// Keeps the daily roll-ups as tickets change: subscribed to the ticket change bus, it adds each change's counts to
// its day, for the ticket's node and every ancestor, once per change (a change told twice counts once). And the
// rebuild, which recomputes the roll-ups from the stored event log with the same tally.
import type { TicketChange } from '../events/ticket-events.ts';
import type { GridNode } from '../grid/grid.types.ts';
import type { Logger } from '../ports/logger.port.ts';
import type { ChangeKey, StatIncrement, StatsRepository, TicketHistory } from '../ports/stats.repository.ts';
import { addCounts, zeroCounts, type Counts, type DailyStatRow } from './stats.types.ts';
import { tally, talliedDay } from './tally.ts';

export interface StatsRecorderDeps {
  stats: StatsRepository;
  /** A node and its ancestors (the grid router's chain, from its snapshot). */
  chain(gridNodeId: number): Promise<Pick<GridNode, 'id'>[]>;
  logger: Logger;
}

interface Waiting {
  change: { key: ChangeKey; inc: StatIncrement };
  done(counted: boolean): void;
  failed(err: unknown): void;
}

/** At most this many changes in one statement. */
const BATCH = 500;

export class StatsRecorder {
  /** Changes waiting for the next statement: while one is being written, those told meanwhile wait and go together. */
  private waiting: Waiting[] = [];
  private writing = false;

  constructor(private readonly d: StatsRecorderDeps) {}

  /**
   * The bus subscriber: `onChange`, tried again after a failure (a statement may have committed before its connection
   * broke: the retry then adds nothing, the change being marked applied). Never throws; a change it gives up on is
   * logged, and `linli stats rebuild` recovers it.
   */
  async record(change: TicketChange, retryDelaysMs: readonly number[] = [200, 1000]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.onChange(change);
        return;
      } catch (err) {
        const delay = retryDelaysMs[attempt];
        if (delay === undefined) {
          this.d.logger.error({ err, ticketNo: change.ticket.number, event: change.event.type }, 'ticket change not counted in the statistics');
          return;
        }
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  }

  /** Counts a committed change once. Returns whether it added anything (false: nothing to count, or counted before). */
  async onChange({ ticket, event }: TicketChange): Promise<boolean> {
    const at = event.at ?? ticket.updatedAt;
    const tallied = { type: event.type, data: event.data, at };
    const counts = tally(tallied, ticket);
    if (!counts) return false;
    const chain = await this.d.chain(ticket.gridNodeId);
    return this.commit({
      key: { ticketId: ticket.id, version: ticket.version },
      inc: { day: talliedDay(tallied), category: ticket.category, gridNodeIds: chain.map((n) => n.id), counts },
    });
  }

  /**
   * Group commit: a change is written with the others told while the statement before was on its way (the ingest
   * lanes publish side by side), one statement for them all; each caller hears when its own is committed.
   */
  private commit(change: Waiting['change']): Promise<boolean> {
    return new Promise<boolean>((done, failed) => {
      this.waiting.push({ change, done, failed });
      if (!this.writing) {
        this.writing = true;
        setTimeout(() => void this.writeWaiting(), 0);
      }
    });
  }

  private async writeWaiting(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, BATCH);
      try {
        const counted = await this.d.stats.applyMany(batch.map((w) => w.change));
        batch.forEach((w, i) => w.done(counted[i]!));
      } catch (err) {
        for (const w of batch) w.failed(err);
      }
    }
    this.writing = false;
  }

  /** At start: an empty roll-up over a store with tickets (a new deployment of this feature) is rebuilt. */
  async ensureBuilt(): Promise<{ rebuilt: boolean; tickets: number }> {
    const { rows, tickets } = await this.d.stats.state();
    if (rows > 0 || tickets === 0) return { rebuilt: false, tickets: 0 };
    return { rebuilt: true, tickets: (await this.rebuild()).tickets };
  }

  /**
   * Recomputes every roll-up row from the tickets' event logs, a page of tickets at a time (memory stays bounded).
   * Not one transaction: run it with the bot stopped (`linli stats rebuild`), or changes made meanwhile may be
   * counted twice or missed.
   */
  async rebuild(pageSize = 2000): Promise<{ tickets: number; events: number }> {
    await this.d.stats.clear();
    let after = 0;
    let tickets = 0;
    let events = 0;
    for (;;) {
      const page = await this.d.stats.histories(after, pageSize);
      if (page.length === 0) break;
      const rows = new Map<string, DailyStatRow & { counts: Counts }>();
      for (const h of page) {
        events += h.events.length;
        const chain = (await this.d.chain(h.gridNodeId)).map((n) => n.id);
        for (const [e, category] of withCategory(h)) {
          const counts = tally(e, h);
          if (!counts) continue;
          const day = talliedDay(e);
          for (const gridNodeId of chain) {
            const key = `${day}|${gridNodeId}|${category}`;
            let row = rows.get(key);
            if (!row) rows.set(key, (row = { day, gridNodeId, category, counts: zeroCounts() }));
            addCounts(row.counts, counts);
          }
        }
      }
      await this.d.stats.addRows([...rows.values()], page.map((h) => ({ ticketId: h.id, upTo: h.version })));
      tickets += page.length;
      after = page[page.length - 1]!.id;
      this.d.logger.debug({ tickets, events }, 'stats rebuild progress');
    }
    this.d.logger.info({ tickets, events }, 'ticket statistics rebuilt from the event log');
    return { tickets, events };
  }
}

/**
 * Each event with the category the ticket had just after it (as the live counter sees the ticket after the change):
 * the original category until the first 改类, then each one's new category.
 */
function withCategory(h: TicketHistory): [TicketHistory['events'][number], string][] {
  const firstRecat = h.events.find((e) => e.type === 'recategorized');
  let category = typeof firstRecat?.data?.from === 'string' ? firstRecat.data.from : h.category;
  return h.events.map((e) => {
    if (e.type === 'recategorized' && typeof e.data?.to === 'string') category = e.data.to;
    return [e, category];
  });
}
