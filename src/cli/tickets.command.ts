// `linli tickets`: list tickets and show one ticket's timeline.
import type { Command } from 'commander';
import { describeTimeline } from '../bots/timeline.ts';
import { STATUS_ZH, TICKET_STATUSES, type TicketStatus } from '../core/tickets/ticket.types.ts';
import { categoryName } from '../core/triage/categories.ts';
import { action, UsageError, withStore } from './runtime.ts';
import { forTerminal, linesForTerminal } from './terminal-text.ts';
import { maskPii } from '../core/triage/mask.ts';

export function registerTicketCommands(program: Command) {
  const tickets = program.command('tickets').description('tickets (工单) and their timelines');

  tickets
    .command('list')
    .option('--status <status>', `one of ${TICKET_STATUSES.join(', ')}`)
    .option('--limit <n>', 'how many, newest first', '50')
    .description('list tickets, newest first')
    .action(
      action(async (opts: { status?: string; limit: string }) =>
        withStore(async (store) => {
          const status = opts.status?.toUpperCase();
          if (status && !TICKET_STATUSES.includes(status as TicketStatus)) throw new UsageError(`unknown status ${opts.status}`);
          const limit = Number(opts.limit);
          if (!/^\d+$/.test(opts.limit) || limit <= 0 || limit > 10_000) throw new UsageError('--limit must be a whole number from 1 to 10000');
          const list = await store.tickets.list({ statuses: status ? [status as TicketStatus] : undefined, limit });
          for (const t of list) console.log(`#${t.number}\t${STATUS_ZH[t.status]}\t${categoryName(t.category)}\t${forTerminal(maskPii(t.summary))}`);
        }),
      ),
    );

  tickets
    .command('show')
    .argument('<number>', 'ticket number, e.g. 1024 or #1024')
    .description("print a ticket's timeline")
    .action(
      action(async (no: string) =>
        withStore(async (store) => {
          const n = Number(no.replace(/^#/, ''));
          if (!/^#?\d+$/.test(no.trim()) || !Number.isSafeInteger(n) || n <= 0) throw new UsageError(`not a ticket number: ${no} (expected e.g. 1024 or #1024)`);
          const t = await store.tickets.findByNumber(n);
          if (!t) throw new UsageError(`ticket ${no} not found`);
          console.log(linesForTerminal(await describeTimeline(store, t)));
        }),
      ),
    );
}
