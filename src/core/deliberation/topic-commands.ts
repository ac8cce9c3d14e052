// The in-chat words of 议事, read from the start of a message (after any @mention): 议题, 提议, 附议, 受理提议, 拟办,
// 实事 and 完成 实事#N. Pure parsing; who may do what is decided by the service from the store.
import { atChinaTime, chinaDate } from '../sla/deadlines.ts';
import type { GridLevel } from '../grid/grid.types.ts';
import type { TopicCounting } from './topic.types.ts';
import { optionsProblem, type OptionsProblem } from './vote-parser.ts';

export type TopicCommand =
  | { kind: 'open'; title: string; options: string[]; windowHours?: number; level?: GridLevel; counting?: TopicCounting; quorumPct?: number }
  | { kind: 'propose'; title: string }
  | { kind: 'second'; topicNo?: number }
  | { kind: 'accept'; topicNo?: number }
  | { kind: 'decide'; topicNo?: number; text: string }
  | { kind: 'task'; topicNo?: number; text: string; owner: string; due?: string }
  | { kind: 'finish'; taskNo: number }
  /** 转议题 #工单号 [社区] [标题] [/ 选项…]: a ticket that needs a decision becomes a topic (title: its summary). */
  | { kind: 'fromTicket'; ticketNo: number; title?: string; options: string[]; community: boolean }
  /** `problem`: the options are the fault (two alike, or a number), not the format. */
  | { kind: 'bad'; usage: string; problem?: OptionsProblem };

const SEP = /\s*[/／]\s*/;
const LEVELS: Record<string, GridLevel> = { 楼栋: 'UNIT', 单元: 'UNIT', 网格: 'GRID', 社区: 'COMMUNITY' };
const NO = /^(?:议题)?\s*#\s*(\d{1,9})\s*/;

const strip = (text: string) => text.replace(/^(?:@\S+\s+)+/u, '').trim();

/** The command a message starts with, or null for anything else. */
export function parseTopicCommand(raw: string): TopicCommand | null {
  const text = strip(raw);
  let m: RegExpExecArray | null;
  if ((m = /^议题(?:\s+|$)([\s\S]*)$/u.exec(text)) && !/^#/.test(m[1]!)) return parseOpen(m[1]!);
  if ((m = /^提议(?:\s+|$)([\s\S]*)$/u.exec(text))) {
    const title = m[1]!.trim();
    return title ? { kind: 'propose', title } : { kind: 'bad', usage: '提议 内容' };
  }
  if ((m = /^附议[\s。!！]*(?:(?:议题)?\s*#\s*(\d{1,9}))?[\s。!！]*$/u.exec(text))) return { kind: 'second', topicNo: num(m[1]) };
  if ((m = /^受理提议\s*(?:(?:议题)?\s*#\s*(\d{1,9}))?\s*$/u.exec(text))) return { kind: 'accept', topicNo: num(m[1]) };
  if ((m = /^拟办(?:\s+|$)([\s\S]*)$/u.exec(text))) {
    const { no, rest } = topicNo(m[1]!);
    return rest ? { kind: 'decide', topicNo: no, text: rest } : { kind: 'bad', usage: '拟办 #议题号 拟办意见' };
  }
  if ((m = /^实事(?:\s+|$)([\s\S]*)$/u.exec(text))) {
    const { no, rest } = topicNo(m[1]!);
    const [task, owner, due] = rest.split(SEP).map((s) => s.trim());
    return task && owner ? { kind: 'task', topicNo: no, text: task, owner, ...(due ? { due } : {}) } : { kind: 'bad', usage: '实事 #议题号 任务 / 责任人 / 截止日期或N个工作日' };
  }
  if ((m = /^转议题(?:\s+|$)([\s\S]*)$/u.exec(text))) return parseFromTicket(m[1]!);
  if ((m = /^完成\s*实事\s*#\s*(\d{1,9})\s*$/u.exec(text))) return { kind: 'finish', taskNo: Number(m[1]) };
  return null;
}

const num = (s: string | undefined) => (s ? Number(s) : undefined);

function topicNo(s: string): { no?: number; rest: string } {
  const m = NO.exec(s.trim());
  return m ? { no: Number(m[1]), rest: s.trim().slice(m[0].length).trim() } : { rest: s.trim() };
}

function parseOpen(body: string): TopicCommand {
  const usage = '议题 标题 / 选项1 / 选项2';
  const out: Extract<TopicCommand, { kind: 'open' }> = { kind: 'open', title: '', options: [] };
  let rest = body.trim();
  for (;;) {
    const m = /^(\S+)\s+/u.exec(rest + ' ');
    const word = m?.[1];
    if (!word) break;
    const w = /^(\d{1,3})\s*(天|小时)$/u.exec(word);
    const q = /^参与率(\d{1,3})%$/u.exec(word);
    if (w) out.windowHours = Number(w[1]) * (w[2] === '天' ? 24 : 1);
    else if (q) out.quorumPct = Number(q[1]);
    else if (LEVELS[word]) out.level = LEVELS[word];
    else if (word === '一户一票') out.counting = 'HOUSEHOLD';
    else if (word === '一人一票') out.counting = 'PERSON';
    else break;
    rest = rest.slice(word.length).trim();
  }
  const [title, ...options] = rest.split(SEP).map((s) => s.trim());
  if (!title) return { kind: 'bad', usage };
  if (options.some((o) => !o)) return { kind: 'bad', usage };
  const problem = optionsProblem(options);
  if (problem) return { kind: 'bad', usage, problem };
  if (out.windowHours !== undefined && (out.windowHours < 1 || out.windowHours > 30 * 24)) return { kind: 'bad', usage: '议题 3天 标题（1小时到30天）' };
  if (out.quorumPct !== undefined && (out.quorumPct < 1 || out.quorumPct > 100)) return { kind: 'bad', usage: '议题 参与率50% 标题' };
  return { ...out, title, options };
}

function parseFromTicket(body: string): TopicCommand {
  const usage = '转议题 #工单号 标题 / 选项1 / 选项2';
  const m = /^(?:工单)?\s*#\s*(\d{1,9})\s*(社区\s+|社区$)?([\s\S]*)$/u.exec(body.trim());
  if (!m) return { kind: 'bad', usage };
  const [title, ...options] = m[3]!.split(SEP).map((s) => s.trim());
  if (options.some((o) => !o)) return { kind: 'bad', usage };
  const problem = optionsProblem(options);
  if (problem) return { kind: 'bad', usage, problem };
  return { kind: 'fromTicket', ticketNo: Number(m[1]), ...(title ? { title } : {}), options, community: m[2] !== undefined };
}

/**
 * A due date as staff write it: "12月20日", "2026-12-20", "12-20" or "7天" (18:00 China time), or "5个工作日" (counted by
 * `workdays` on the work calendar, as tickets' deadlines are). Null when unreadable, or a day no calendar has (2月30日:
 * see impossibleDue).
 */
export function parseDue(s: string, now: Date, workdays?: (n: number) => Date): Date | null {
  const today = chinaDate(now);
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,3})\s*天$/u.exec(s))) return atChinaTime(addDays(today, Number(m[1])), '18:00');
  if ((m = /^(\d{1,3})\s*个?\s*工作日内?$/u.exec(s))) return workdays && Number(m[1]) > 0 ? workdays(Number(m[1])) : null;
  const day = calendarDay(s, now);
  return day && day.real ? atChinaTime(day.date, '18:00') : null;
}

/** "2月30日" when `s` is a month and day as staff write them that no calendar has (that year); else null. */
export function impossibleDue(s: string, now: Date): string | null {
  const day = calendarDay(s, now);
  return day && !day.real ? `${day.month}月${day.day}日` : null;
}

/** The day a date as staff write it names (YYYY-MM-DD, the year added when left out), and whether that day exists. */
function calendarDay(s: string, now: Date): { date: string; month: number; day: number; real: boolean } | null {
  const today = chinaDate(now);
  const year = Number(today.slice(0, 4));
  const m = /^(?:(\d{4})\s*年)?\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/u.exec(s) ?? /^(?:(\d{4})-)?(\d{1,2})-(\d{1,2})$/.exec(s);
  if (!m) return null;
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  let y = m[1] ? Number(m[1]) : year;
  let date = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  // a date without its year that has passed is next year's, unless it passed within the last month (12月1日 written on
  // 12月7日 is a slip, refused as passed, not a deadline a year away)
  if (!m[1] && date < today && date < addDays(today, -31)) {
    y += 1;
    date = `${y}${date.slice(4)}`;
  }
  // 2月30日 is not 3月2日: the day must exist in its month
  const real = new Date(Date.UTC(y, mo - 1, d)).getUTCDate() === d;
  return { date, month: mo, day: d, real };
}

function addDays(day: string, n: number): string {
  const t = new Date(`${day}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}
