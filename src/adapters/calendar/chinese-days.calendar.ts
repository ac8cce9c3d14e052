// The official working-day calendar from the `chinese-days` package (State Council holidays and 调休 make-up days).
// the package is CommonJS: Node's ESM loader sees only its default export
import chineseDays from 'chinese-days';
import type { WorkCalendar } from '../../core/ports/work-calendar.port.ts';

/** Answers by date, remembered: the package parses and formats the date on every call (every deadline asks ~7 days). */
const known = new Map<string, boolean>();

export const chineseDaysCalendar: WorkCalendar = {
  isWorkday: (localDate: string) => {
    let workday = known.get(localDate);
    if (workday === undefined) {
      workday = chineseDays.isWorkday(localDate);
      if (known.size >= 20_000) known.clear();
      known.set(localDate, workday);
    }
    return workday;
  },
};
