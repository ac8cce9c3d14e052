// The holidays file: the State Council's yearly arrangement (放假安排) as the operator loads it the day it is
// published — days off and make-up working days (调休) per year. Every problem is reported with its line.
import { existsSync, readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isSeq, type Node as YamlNode } from 'yaml';
import { z } from 'zod';

/** One year's official arrangement. */
export interface HolidayArrangement {
  year: number;
  /** The notice it comes from, e.g. 国办发明电〔2026〕X号. */
  source: string;
  off: ReadonlySet<string>;
  work: ReadonlySet<string>;
}

export class HolidaysFileError extends Error {
  override readonly name = 'HolidaysFileError';
}

const Entry = z
  .object({
    year: z.number().int().min(2000).max(2200),
    source: z.string({ error: 'required: the title of the State Council notice it comes from, e.g. "国务院办公厅关于2027年部分节假日安排的通知"' }).trim().min(1),
    /** Dates (YYYY-MM-DD) or ranges (YYYY-MM-DD..YYYY-MM-DD). */
    off: z.array(z.string()).default([]),
    work: z.array(z.string()).default([]),
  })
  .strict();

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A real calendar day: month 13 or day 99 is no date (and would make toISOString throw), 2027-02-30 is none either. */
const isDate = (s: string) => {
  if (!DATE.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
};
const weekday = (s: string) => new Date(`${s}T00:00:00Z`).getUTCDay();

/** Reads and validates a holidays file; throws HolidaysFileError naming the file and each problem's line. */
export function readHolidaysFile(file: string): HolidayArrangement[] {
  if (!existsSync(file)) throw new HolidaysFileError(`holidays file ${file}: not found`);
  return parseHolidaysText(readFileSync(file, 'utf8'), file);
}

/** One year's mapping, or a list of them. */
export function parseHolidaysText(text: string, fileName: string): HolidayArrangement[] {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  const problems: { line: number; message: string }[] = [];
  const fail = () =>
    new HolidaysFileError(
      problems
        .sort((a, b) => a.line - b.line)
        .map((p) => `${fileName}:${p.line}: ${p.message}`)
        .join('\n'),
    );
  if (doc.errors.length > 0) {
    for (const e of doc.errors) problems.push({ line: Math.max(1, lc.linePos(e.pos[0]).line), message: `YAML syntax: ${e.message.split('\n')[0]}` });
    throw fail();
  }
  const list = isSeq(doc.contents);
  const lineAt = (path: (string | number)[]): number => {
    for (let p = list ? path : path.slice(1); ; p = p.slice(0, -1)) {
      const node = (p.length ? doc.getIn(p, true) : doc.contents) as YamlNode | null | undefined;
      if (node?.range) return Math.max(1, lc.linePos(node.range[0]).line);
      if (p.length === 0) return 1;
    }
  };
  const raw: unknown = doc.toJS() ?? [];
  const entries: unknown[] = Array.isArray(raw) ? raw : [raw];
  const out: HolidayArrangement[] = [];
  const seen = new Map<number, number>();
  // every listed date across the file, to catch one listed both as off and as work
  const listed = new Map<string, { field: 'off' | 'work'; line: number }>();
  entries.forEach((entry, i) => {
    const parsed = Entry.safeParse(entry);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const keys: (string | undefined)[] = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
        for (const key of keys) {
          const path = [...issue.path.map(String), ...(key ? [key] : [])];
          const message = key ? 'unknown field (expected year, source, off, work)' : issue.message;
          problems.push({ line: lineAt([i, ...path]), message: path.length ? `${path.join('.')}: ${message}` : message });
        }
      }
    }
    // the dates are still checked when another field is wrong (a missing source), so every problem is said at once
    const data = parsed.success ? parsed.data : lenientEntry(entry);
    if (!data) return;
    const { year, source } = data;
    const yearLine = lineAt([i, 'year']);
    if (seen.has(year)) problems.push({ line: yearLine, message: `year ${year} appears twice (first on line ${seen.get(year)})` });
    else seen.set(year, yearLine);
    // an arrangement may reach a few weeks into the previous or next year (元旦 around a weekend)
    const from = `${year - 1}-12-01`;
    const to = `${year + 1}-01-31`;
    const days = { off: new Set<string>(), work: new Set<string>() };
    for (const field of ['off', 'work'] as const) {
      data[field].forEach((item, j) => {
        const line = lineAt([i, field, j]);
        const dates = datesOf(item);
        if (typeof dates === 'string') return problems.push({ line, message: `${field}: ${dates}` });
        if (dates[0]! < from || dates.at(-1)! > to) return problems.push({ line, message: `${field}: "${item}" is outside the arrangement for ${year}` });
        for (const day of dates) {
          const other = listed.get(day);
          if (other && other.field !== field) {
            problems.push({ line, message: `${field}: ${day} is listed both as a day off and as a working day (line ${other.line})` });
          } else if (field === 'work' && weekday(day) !== 0 && weekday(day) !== 6) {
            problems.push({ line, message: `work: ${day} is a weekday; a make-up working day (调休) is a Saturday or Sunday` });
          }
          listed.set(day, other ?? { field, line });
          days[field].add(day);
        }
      });
    }
    if (parsed.success) out.push({ year, source, ...days });
  });
  if (problems.length > 0) throw fail();
  return out;
}

/** An entry whose year and date lists can be read although another field is wrong; null when they cannot. */
function lenientEntry(entry: unknown): { year: number; source: string; off: string[]; work: string[] } | null {
  if (!entry || typeof entry !== 'object') return null;
  const e = entry as Record<string, unknown>;
  const list = (v: unknown) => (v === undefined ? [] : Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : null);
  const off = list(e.off);
  const work = list(e.work);
  if (typeof e.year !== 'number' || !Number.isInteger(e.year) || e.year < 2000 || e.year > 2200 || !off || !work) return null;
  return { year: e.year, source: '', off, work };
}

/** The dates of a date or range item, in order, or what is wrong with it. */
function datesOf(item: string): string[] | string {
  const [a, b = a, extra] = item.trim().split('..');
  if (extra !== undefined || !isDate(a!) || !isDate(b!)) return `"${item}" is not a date (YYYY-MM-DD) or a range (YYYY-MM-DD..YYYY-MM-DD)`;
  const end = Date.parse(`${b}T00:00:00Z`);
  if (end < Date.parse(`${a}T00:00:00Z`)) return `range "${item}" ends before it starts`;
  const days: string[] = [];
  for (let t = Date.parse(`${a}T00:00:00Z`); t <= end && days.length <= 500; t += DAY_MS) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}
