// What the deadline clock says, in short Chinese: reminders, overdue escalations, the morning digest.
import { ESCALATION_LEVEL_ZH, type EscalationStep } from '../grid/routing.ts';
import type { Ticket } from '../tickets/ticket.types.ts';
import { categoryName } from '../triage/categories.ts';
import { formatDue } from './deadlines.ts';
import type { DigestCounts, SlaClock } from './sla-timers.ts';

const head = (t: Pick<Ticket, 'number' | 'category'>) => `工单 #${t.number}（${categoryName(t.category)}）`;
const OVERDUE_ZH: Record<SlaClock, string> = { accept: '超时未受理', resolve: '超时未办结' };
/** Numbers listed in a digest line at most; the rest are counted. */
const LIST_AT_MOST = 10;

function numbers(ts: readonly Pick<Ticket, 'number'>[]): string {
  const shown = ts.slice(0, LIST_AT_MOST).map((t) => `#${t.number}`).join('、');
  return ts.length > LIST_AT_MOST ? `${shown} 等` : shown;
}

function monthDay(date: string): string {
  const [, m, d] = date.split('-');
  return `${Number(m)}月${Number(d)}日`;
}

export const slaMessages = {
  /** "工单 #12（设施维修）将于 11月25日18:00 到期，请尽快办理。" */
  reminder: (t: Pick<Ticket, 'number' | 'category'>, clock: SlaClock, dueAt: Date) =>
    `${head(t)}将于 ${formatDue(dueAt)} 到期，请尽快${clock === 'accept' ? '认领' : '办理'}。`,

  /** The note of the escalation event. */
  overdueReason: (clock: SlaClock, dueAt: Date) => `${OVERDUE_ZH[clock]}（时限 ${formatDue(dueAt)}），自动上报`,

  /** To the staff of the level the ticket was raised to, with their new deadline. */
  escalatedToYou: (t: Ticket, clock: SlaClock, step: EscalationStep | undefined) =>
    `${head(t)}${OVERDUE_ZH[clock]}，已上报${step ? ESCALATION_LEVEL_ZH[step.level] : '上级'}：${t.summary}。` +
    (t.acceptDueAt ? `请于 ${formatDue(t.acceptDueAt)} 前认领。` : '请尽快认领。'),

  /** To the one who held it before (a worker who may be on it already): it is no longer theirs, and whose it is now. */
  escalatedAway: (t: Ticket, clock: SlaClock, step: EscalationStep | undefined, holder: string | null) =>
    `${head(t)}${OVERDUE_ZH[clock]}，已上报${step ? ESCALATION_LEVEL_ZH[step.level] : '上级'}` + (holder ? `，改由${holder}办理。` : '。') + '如已在处理，请与其联系。',

  /** At the top of the chain there is no one above: the top level is told it is overdue. */
  overdueAtTop: (t: Ticket, clock: SlaClock, dueAt: Date) =>
    `${head(t)}${OVERDUE_ZH[clock]}（时限 ${formatDue(dueAt)}），已无更高层级可上报，请督促办理。`,

  /** "今日工单（11月20日）：在办 3 件；今日到期 1 件：#12；已超时 1 件：#9。" */
  digest: (date: string, c: DigestCounts) =>
    `今日工单（${monthDay(date)}）：在办 ${c.open.length} 件` +
    (c.dueToday.length ? `；今日到期 ${c.dueToday.length} 件：${numbers(c.dueToday)}` : '；今日无到期') +
    (c.overdue.length ? `；已超时 ${c.overdue.length} 件：${numbers(c.overdue)}` : '') +
    '。',
};
