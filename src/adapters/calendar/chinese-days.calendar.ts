// The official working-day calendar from the `chinese-days` package (State Council holidays and 调休 make-up days).
import { isWorkday } from 'chinese-days';
import type { WorkCalendar } from '../../core/ports/work-calendar.port.ts';

export const chineseDaysCalendar: WorkCalendar = {
  isWorkday: (localDate: string) => isWorkday(localDate),
};
