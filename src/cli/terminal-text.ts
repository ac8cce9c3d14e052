// The one sanitiser for stored text the CLI prints: rows stored before intake dropped control characters (or written
// by other tools) must not colour, retitle or reorder the operator's terminal.
import { stripControlChars } from '../core/util/control-chars.ts';
import { UsageError } from './runtime.ts';

/** One field on one line: control characters and escape sequences dropped, tabs and line breaks made spaces. */
export function forTerminal(s: string): string {
  return stripControlChars(s).replace(/[\t\n]/g, ' ');
}

/** Text of several lines (a timeline): each line cleaned, the line breaks kept. */
export function linesForTerminal(s: string): string {
  return s.split('\n').map(forTerminal).join('\n');
}

/** JSON whose strings are cleaned first (JSON escapes C0 controls, but prints C1 and bidi controls as they are). */
export function jsonForTerminal(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'string' ? stripControlChars(v) : v), 2);
}

/** A time as the operator reads it: China time, to the second, with its offset ("2026-12-07T01:43:39+08:00"). */
export function chinaIso(d: Date): string {
  return `${new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}

// a date and time, with seconds optional; no offset = China time
const TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?$/;

/** `--at`: an ISO-like time; without an offset it is read as China time (UTC+8). */
export function parseReportTime(raw: string): Date {
  const m = TIME.exec(raw.trim());
  const [, y, mo, d, h, mi, s = '00', zone] = m ?? [];
  const date = `${y}-${mo}-${d}`;
  const day = new Date(`${date}T00:00:00Z`);
  const valid = m && !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === date && Number(h) <= 23 && Number(mi) <= 59 && Number(s) <= 59;
  if (!valid) throw new UsageError(`--at: not a time: ${raw} (use e.g. 2026-12-31T17:00+08:00, or 2026-12-31 17:00 for China time)`);
  const offset = !zone ? '+08:00' : zone === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
  return new Date(`${date}T${h}:${mi}:${s}${offset}`);
}
