// Appeals exported from elsewhere (12345 hotline, 市长信箱, another Linli): one JSON object a line with `id`, `text`,
// `time` (ISO 8601, or `YYYY-MM-DD HH:MM:SS` in local time) and optionally `user`, `likes`, `dislikes`, `category`,
// `place`. Bad lines are collected with their line numbers, not thrown: the caller says what it skipped.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Appeal } from '../../core/insights/insights.types.ts';

export interface BadLine {
  line: number;
  error: string;
}

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** A time as the file writes it: `YYYY-MM-DD[ HH:MM[:SS]]` is local time; anything else must be ISO 8601 with a zone or a date. */
export function parseAppealTime(s: string): Date | undefined {
  const m = LOCAL_TIME.exec(s.trim());
  if (m) {
    const [y, mo, d, h, mi, sec] = m.slice(1).map((x) => Number(x ?? 0)) as number[];
    const t = new Date(y!, mo! - 1, d!, h, mi, sec);
    return t.getMonth() === mo! - 1 && t.getDate() === d && h! < 24 && mi! < 60 && sec! < 60 ? t : undefined;
  }
  if (!/^\d{4}-\d{2}-\d{2}T/.test(s)) return undefined;
  const t = new Date(s);
  return Number.isNaN(t.getTime()) ? undefined : t;
}

const optionalString = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined);
const count = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined);

/** One line into an appeal, or the reason it is not one. */
export function parseAppealLine(line: string): Appeal | string {
  let o: unknown;
  try {
    o = JSON.parse(line);
  } catch {
    return 'not JSON';
  }
  if (!o || typeof o !== 'object' || Array.isArray(o)) return 'not a JSON object';
  const r = o as Record<string, unknown>;
  const id = optionalString(r.id);
  if (!id) return 'no "id"';
  if (typeof r.text !== 'string' || !r.text.trim()) return 'no "text"';
  if (typeof r.time !== 'string') return 'no "time"';
  const time = parseAppealTime(r.time);
  if (!time) return `"time" is not a date and time (ISO 8601 or YYYY-MM-DD HH:MM:SS): ${JSON.stringify(r.time).slice(0, 40)}`;
  for (const k of ['likes', 'dislikes'] as const) if (r[k] != null && count(r[k]) === undefined) return `"${k}" is not a count`;
  return {
    id,
    text: r.text,
    time,
    user: optionalString(r.user),
    likes: count(r.likes),
    dislikes: count(r.dislikes),
    category: optionalString(r.category),
    place: optionalString(r.place),
  };
}

/** Reads a JSONL file of appeals; blank lines are skipped, bad ones listed. */
export async function readAppealsFile(file: string): Promise<{ appeals: Appeal[]; bad: BadLine[] }> {
  const appeals: Appeal[] = [];
  const bad: BadLine[] = [];
  const rl = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const raw of rl) {
    n++;
    const line = n === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (!line.trim()) continue;
    const r = parseAppealLine(line);
    if (typeof r === 'string') bad.push({ line: n, error: r });
    else appeals.push(r);
  }
  return { appeals, bad };
}
