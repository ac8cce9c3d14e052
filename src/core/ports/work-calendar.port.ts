/** The official calendar: which China-local dates (YYYY-MM-DD) are working days, holidays and 调休 make-up days included. */
export interface WorkCalendar {
  isWorkday(localDate: string): boolean;
}
