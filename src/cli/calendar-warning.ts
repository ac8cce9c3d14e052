// At start: say in the log and on stderr when deadlines soon reach a year without an official holiday arrangement.
import { createLayeredCalendar } from '../adapters/calendar/layered.calendar.ts';
import { missingArrangementWarning, yearsWithoutArrangement } from '../core/sla/calendar-coverage.ts';
import type { Logger } from '../core/ports/logger.port.ts';
import type { Config } from '../config.ts';

export function warnAboutCalendar(cfg: Pick<Config, 'holidays'>, logger: Logger, now = new Date()): void {
  const calendar = createLayeredCalendar(cfg.holidays);
  const warning = missingArrangementWarning(calendar, now);
  if (!warning) return;
  logger.warn({ yearsWithoutArrangement: yearsWithoutArrangement(calendar, now) }, warning);
  console.error(`warning: ${warning}`);
}
