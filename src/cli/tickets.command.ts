// `linli tickets`: list tickets and show one ticket's timeline.
import type { Command } from 'commander';
import { describeTimeline } from '../bots/timeline.ts';
import { STATUS_ZH, TICKET_STATUSES, type TicketStatus } from '../core/tickets/ticket.types.ts';
import { categoryName } from '../core/triage/categories.ts';
import { action, UsageError, withCheckedStore } from './runtime.ts';
import { forTerminal, linesForTerminal } from './terminal-text.ts';
import { maskPii } from '../core/triage/mask.ts';

/** The statuses --status takes: the English code (any case) or its Chinese name (已登记). */
const STATUS_CHOICES = TICKET_STATUSES.map((s) => `${s} (${STATUS_ZH[s]})`).join(', ');
function statusOf(text: string): TicketStatus {
  const t = text.trim();
  const found = TICKET_STATUSES.find((s) => s === t.toUpperCase() || STATUS_ZH[s] === t);
  if (!found) throw new UsageError(`unknown status ${forTerminal(text)}; use one of ${STATUS_CHOICES}`);
  return found;
}

export function registerTicketCommands(program: Command) {
  const tickets = program.command('tickets').description('tickets (工单) and their timelines');

  tickets
    .command('list')
    .option('--status <status>', `one of ${STATUS_CHOICES}`)
    .option('--limit <n>', 'how many, newest first', '50')
    .description('list tickets, newest first')
    .action(
      action(async (opts: { status?: string; limit: string }) =>
        withCheckedStore(
          () => {
            const status = opts.status === undefined ? undefined : statusOf(opts.status);
            const limit = Number(opts.limit);
            if (!/^\d+$/.test(opts.limit) || limit <= 0 || limit > 10_000) throw new UsageError('--limit must be a whole number from 1 to 10000');
            return { status, limit };
          },
          async ({ status, limit }, store) => {
            const list = await store.tickets.list({ statuses: status ? [status] : undefined, limit });
            if (list.length === 0) console.error('no tickets match');
            for (const t of list) console.log(`#${t.number}\t${STATUS_ZH[t.status]}\t${categoryName(t.category)}\t${forTerminal(maskPii(t.summary))}`);
          },
        ),
      ),
    );

  tickets
    .command('show')
    .argument('<number>', 'ticket number, e.g. 1024 or #1024')
    .description("print a ticket's timeline")
    .action(
      action(async (no: string) =>
        withCheckedStore(
          () => {
            const n = Number(no.replace(/^#/, ''));
            if (!/^#?\d+$/.test(no.trim()) || !Number.isSafeInteger(n) || n <= 0) throw new UsageError(`not a ticket number: ${no} (expected e.g. 1024 or #1024)`);
            return n;
          },
          async (n, store) => {
            const t = await store.tickets.findByNumber(n);
            if (!t) throw new UsageError(`ticket ${no} not found`);
            console.log(linesForTerminal(await describeTimeline(store, t)));
          },
        ),
      ),
    );
}
