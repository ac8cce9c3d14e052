// Unanswered rule (接诉即办): a resident asked or appealed in a group and, after N minutes of office time, no staff
// member has replied there and no ticket was opened. Evaluated on a timer by the caller.
import type { WorkCalendar } from '../ports/work-calendar.port.ts';
import { DEFAULT_OFFICE_HOURS, isOfficeTime, officeMinutesBetween, type OfficeHours } from './office-hours.ts';
import { findingSummary, normalizeForCompare } from './patrol-text.ts';
import type { NewPatrolFinding, PatrolGroupRef, PatrolMessage } from './patrol.types.ts';

/** A resident's message still waiting for an answer, with what the caller knows about it. */
export interface PendingQuestion {
  message: PatrolMessage;
  group: PatrolGroupRef;
  /** Triage saw an appeal in it (the caller knows; the store does not keep it). */
  isAppeal: boolean;
  /** The first message a staff member posted in the group after it, if any. */
  staffReplyAt: Date | null;
}

/** Reactions that end like questions but ask nothing of staff. */
export const NOT_QUESTIONS: readonly string[] = ['在吗', '是吗', '真的吗', '对吗', '好吗', '行吗', '可以吗', '你呢', '然后呢', '为什么呢', '是不是', '谁呢', '干嘛呢', '怎么了吗', '有吗', '没有吗', '哈哈哈哈'];

export interface UnansweredOptions {
  /** Office minutes a question may wait (default 30). */
  minutes: number;
  hours: OfficeHours;
  /** Report only while office hours run, so nobody is paged at night for a question (default true). */
  onlyDuringOfficeHours: boolean;
  /** Shorter questions (in letters and digits) are reactions, not questions (default 5). */
  minLength: number;
}

export const DEFAULT_UNANSWERED_OPTIONS: UnansweredOptions = {
  minutes: 30,
  hours: DEFAULT_OFFICE_HOURS,
  onlyDuringOfficeHours: true,
  minLength: 5,
};

/** Ends with ？ / ? / 吗 / 呢 (trailing punctuation, emoji and spaces ignored), and is not a bare reaction. */
export function isQuestionText(text: string, minLength = DEFAULT_UNANSWERED_OPTIONS.minLength): boolean {
  const t = text.normalize('NFKC').trim();
  const core = normalizeForCompare(t);
  if ([...core].length < minLength || NOT_QUESTIONS.includes(core)) return false;
  if (/[?？]\s*[^\p{L}\p{N}]*$/u.test(t)) return true;
  return /[吗呢嘛][^\p{L}\p{N}]*$/u.test(t);
}

/** Findings for the questions that waited too long; the caller passes those without a ticket or staff reply, or all of them. */
export function findUnanswered(pending: readonly PendingQuestion[], now: Date, calendar: WorkCalendar, options: Partial<UnansweredOptions> = {}): NewPatrolFinding[] {
  const o = { ...DEFAULT_UNANSWERED_OPTIONS, ...options };
  if (o.onlyDuringOfficeHours && !isOfficeTime(calendar, now, o.hours)) return [];
  const out: NewPatrolFinding[] = [];
  for (const q of pending) {
    const m = q.message;
    if (m.ticketId !== null) continue;
    if (q.staffReplyAt && q.staffReplyAt >= m.sentAt && q.staffReplyAt <= now) continue;
    if (!q.isAppeal && !isQuestionText(m.text, o.minLength)) continue;
    const waited = officeMinutesBetween(calendar, m.sentAt, now, o.hours);
    if (waited < o.minutes) continue;
    out.push({
      rule: 'unanswered',
      severity: 'MEDIUM',
      groupId: q.group.id,
      messageId: m.id,
      ticketId: null,
      summary: findingSummary(q.isAppeal ? '诉求无人回应' : '提问无人回复', q.group.title, `${m.senderName}：${m.text}`),
      data: { isAppeal: q.isAppeal, officeMinutes: waited, sentAt: m.sentAt.toISOString(), senderName: m.senderName },
      dedupKey: `unanswered:${m.id}`,
    });
  }
  return out;
}
