// Calendar months for the insights: the months of the local time zone (a file's times are local), or of a fixed UTC
// offset (the store's tickets are counted in China time, +08:00, whatever the server's zone).
export interface MonthCalendar {
  /** YYYY-MM of an instant. */
  key(d: Date): string;
  /** The first instant of the instant's month. */
  start(d: Date): Date;
  /** The instant n months later (n may be negative), same day and time of day. */
  add(d: Date, n: number): Date;
  /** The months from `from` (inclusive) to `to` (exclusive), as YYYY-MM. */
  between(from: Date, to: Date): string[];
  /** A month's [first instant, next month's first instant). */
  range(month: string): [Date, Date];
}

const pad = (n: number) => String(n).padStart(2, '0');

function calendar(key: (d: Date) => string, start: (d: Date) => Date, add: (d: Date, n: number) => Date, first: (y: number, m0: number) => Date): MonthCalendar {
  return {
    key,
    start,
    add,
    between(from, to) {
      const out: string[] = [];
      for (let m = start(from); m < to; m = add(m, 1)) out.push(key(m));
      return out;
    },
    range(month) {
      const [y, mo] = month.split('-').map(Number) as [number, number];
      return [first(y, mo - 1), first(y, mo)];
    },
  };
}

/** The process's local time zone. */
export const LOCAL_MONTHS: MonthCalendar = calendar(
  (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}`,
  (d) => new Date(d.getFullYear(), d.getMonth(), 1),
  (d, n) => new Date(d.getFullYear(), d.getMonth() + n, d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds()),
  (y, m0) => new Date(y, m0, 1),
);

/** A fixed offset from UTC, in minutes (China: 480); local time when undefined. */
export function monthCalendar(utcOffsetMinutes?: number): MonthCalendar {
  if (utcOffsetMinutes === undefined) return LOCAL_MONTHS;
  const off = utcOffsetMinutes * 60_000;
  const shifted = (d: Date) => new Date(d.getTime() + off);
  return calendar(
    (d) => shifted(d).toISOString().slice(0, 7),
    (d) => {
      const s = shifted(d);
      return new Date(Date.UTC(s.getUTCFullYear(), s.getUTCMonth(), 1) - off);
    },
    (d, n) => {
      const s = shifted(d);
      return new Date(Date.UTC(s.getUTCFullYear(), s.getUTCMonth() + n, s.getUTCDate(), s.getUTCHours(), s.getUTCMinutes(), s.getUTCSeconds(), s.getUTCMilliseconds()) - off);
    },
    (y, m0) => new Date(Date.UTC(y, m0, 1) - off),
  );
}
