// `linli sla due`: the accept and resolve deadlines a ticket reported at a given time would get, computed as the
// ticket service does (configured policy, the layered holiday calendar) — an operator's check of the calendar.
import type { Command } from 'commander';
import { createLayeredCalendar } from '../adapters/calendar/layered.calendar.ts';
import { yearsWithoutArrangement, missingArrangementWarning } from '../core/sla/calendar-coverage.ts';
import { chinaDate, DEFAULT_SLA_POLICY, dueDates, policyFor, type SlaPolicies } from '../core/sla/deadlines.ts';
import type { Urgency } from '../core/tickets/ticket.types.ts';
import { DEFAULT_CATEGORIES } from '../core/triage/categories.ts';
import { action, config, UsageError } from './runtime.ts';
import { chinaIso, parseReportTime } from './terminal-text.ts';

const URGENCIES: readonly Urgency[] = ['NORMAL', 'URGENT', 'EMERGENCY'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** China time to the minute with the weekday: 2027-01-04 18:00 (周一). */
const chinaShort = (d: Date) => {
  const local = new Date(d.getTime() + 8 * 3600_000);
  return `${local.toISOString().slice(0, 16).replace('T', ' ')} (${WEEKDAYS[local.getUTCDay()]})`;
};

export function registerSlaCommands(program: Command) {
  const sla = program.command('sla').description('deadlines (时限) on the working-day calendar');

  sla
    .command('due')
    .description('print the accept and resolve deadlines a ticket reported at --at would get (China time)')
    .requiredOption('--at <time>', 'when the ticket is reported, e.g. 2026-12-31T17:00+08:00 (no offset = China time)')
    .option('--urgency <urgency>', `one of ${URGENCIES.join(', ')}`, 'NORMAL')
    .option('--complex', 'a complex ticket (复杂件: the longer resolve deadline)')
    .option('--category <category>', "use this category's policy overrides (sla.byCategory)")
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { at: string; urgency: string; complex?: boolean; category?: string; json?: boolean }) => {
        const at = parseReportTime(opts.at);
        const urgency = opts.urgency.toUpperCase() as Urgency;
        if (!URGENCIES.includes(urgency)) throw new UsageError(`--urgency: ${opts.urgency} is not one of ${URGENCIES.join(', ')}`);
        const cfg = config();
        const calendar = createLayeredCalendar(cfg.holidays);
        const policies: SlaPolicies = { ...DEFAULT_SLA_POLICY, ...cfg.sla };
        const complex = opts.complex === true;
        // a category by its code or its Chinese name; one with no override is said, not silently taken
        const category = opts.category === undefined ? '' : (Object.entries(DEFAULT_CATEGORIES).find(([, zh]) => zh === opts.category)?.[0] ?? opts.category);
        if (category && !cfg.sla.byCategory?.[category]) {
          const known = Object.entries(DEFAULT_CATEGORIES).map(([code, zh]) => `${code} ${zh}`).join(', ');
          console.error(
            category in DEFAULT_CATEGORIES
              ? `note: no sla.byCategory entry for ${category} (${DEFAULT_CATEGORIES[category]}): the general policy applies`
              : `note: "${category}" is no category of the shipped model (${known}) and has no sla.byCategory entry: the general policy applies`,
          );
        }
        const due = dueDates(calendar, policyFor(policies, category), at, urgency, complex);
        // the years from the report to the last deadline that count statutory holidays only
        const span = Math.round((Date.parse(chinaDate(due.resolveDueAt)) - Date.parse(chinaDate(at))) / 86_400_000) + 1;
        const missing = yearsWithoutArrangement(calendar, at, span);
        const warning = missingArrangementWarning(calendar, at, span);
        if (warning) console.error(`warning: ${warning}`);
        if (opts.json) {
          const out = { reportedAt: chinaIso(at), urgency, complex, acceptDueAt: chinaIso(due.acceptDueAt), resolveDueAt: chinaIso(due.resolveDueAt), yearsWithoutArrangement: missing };
          console.log(JSON.stringify(out, null, 2));
          return;
        }
        console.log(`reported    ${chinaShort(at)}  ${urgency}${complex ? ', complex' : ''}${category ? `, ${category}` : ''}`);
        console.log(`accept by   ${chinaShort(due.acceptDueAt)}`);
        console.log(`resolve by  ${chinaShort(due.resolveDueAt)}`);
        console.log('(China time)');
      }),
    );
}
