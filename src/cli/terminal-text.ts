// The one sanitiser for stored text the CLI prints: rows stored before intake dropped control characters (or written
// by other tools) must not colour, retitle or reorder the operator's terminal.
import { stripControlChars } from '../core/util/control-chars.ts';

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
