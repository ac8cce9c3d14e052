// The official working-day calendar from the `chinese-days` package (State Council holidays and 调休 make-up days).
// the package is CommonJS: Node's ESM loader sees only its default export
import chineseDays from 'chinese-days';
import type { WorkCalendar } from '../../core/ports/work-calendar.port.ts';

export const chineseDaysCalendar: WorkCalendar = {
  isWorkday: (localDate: string) => chineseDays.isWorkday(localDate),
};
