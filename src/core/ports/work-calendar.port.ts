/** The official calendar: which China-local dates (YYYY-MM-DD) are working days, holidays and 调休 make-up days included. */
export interface WorkCalendar {
  isWorkday(localDate: string): boolean;
  /**
   * The years met by the `days` days from a China-local date that have no official arrangement loaded (their
   * deadlines count the statutory holidays only, without 调休). Absent = the calendar knows every year.
   */
  coverage?(fromLocalDate: string, days: number): number[];
}
