// The official working-day calendar from the `chinese-days` package (State Council holidays and 调休 make-up days).
// the package is CommonJS: Node's ESM loader sees only its default export
import chineseDays from 'chinese-days';
import type { WorkCalendar } from '../../core/ports/work-calendar.port.ts';
import { boundedMemo } from '../../core/util/memo.ts';

export const chineseDaysCalendar: WorkCalendar = {
  // remembered by date: the package parses and formats the date on every call (every deadline asks ~7 days)
  isWorkday: boundedMemo((localDate: string) => chineseDays.isWorkday(localDate)),
};
