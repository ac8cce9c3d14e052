// The monthly timer of 每月一题: on a configured day and time (China time) last month's proposal goes by direct message
// to every STREET_STAFF and LEADER — a street's holders get their street's, those above the streets the whole grid's.
// One delayed job per month ("insights:monthly:YYYY-MM") on the 'insights' queue (core/util/monthly-timer.ts); each
// message has an outbox key per month and person, stored when sent, so a restart or a retry never sends it twice.
import type { GridNode } from '../grid/grid.types.ts';
import { isInSubtree } from '../grid/grid.types.ts';
import type { Clock } from '../ports/clock.port.ts';
import type { Job, JobQueues } from '../ports/job-queue.port.ts';
import type { Logger } from '../ports/logger.port.ts';
import type { Outbox } from '../ports/outbox.port.ts';
import type { Store } from '../ports/store.port.ts';
import type { Role } from '../people/roles.ts';
import { createMonthlyTimer, type MonthlyJob, type MonthlySchedule } from '../util/monthly-timer.ts';
import { addMonths, monthPeriod } from './insights-period.ts';
import type { HotQuery } from './insights.service.ts';
import type { HotReport } from './insights.types.ts';
import { buildMonthlyProposal, type MonthlyProposal } from './monthly-proposal.ts';

export const INSIGHTS_QUEUE = 'insights';
export const MONTHLY_ROLES: readonly Role[] = ['STREET_STAFF', 'LEADER'];

export { monthlyRunAt, type MonthlyJob, type MonthlySchedule } from '../util/monthly-timer.ts';

export const monthlyJobId = (runMonth: string) => `insights:monthly:${runMonth}`;
export const monthlyMessageKey = (runMonth: string, personId: number) => `insights:monthly:${runMonth}:${personId}`;

/** The short DM: 「11月每月一题建议：1. 20号楼电梯反复停运（6件，5人反映，上升）；…详见控制台“每月一题”。」 */
export function monthlyMessage(p: Pick<MonthlyProposal, 'month' | 'overview'>, top = 3): string {
  const m = Number(p.month.slice(5));
  const items = p.overview.slice(0, top).map((r, i) => {
    const flags = r.flags.map((f) => f.replace(/（.*$/, '')).join('、');
    return `${i + 1}. ${r.title}（${r.count}件，${r.reporters}人反映${flags ? `，${flags}` : ''}）`;
  });
  return `${m}月每月一题建议：${items.join('；')}。详见控制台“每月一题”。`;
}

/** The month's proposal over some subtrees: the report, laid out as the document model. */
export async function proposalFor(
  d: { hot(q: HotQuery): Promise<HotReport>; nodes: readonly GridNode[] },
  q: { month: string; roots: readonly GridNode[]; top?: number; chosen?: number },
): Promise<MonthlyProposal> {
  const report = await d.hot({ roots: q.roots, ...monthPeriod(q.month), top: q.top ?? 10 });
  const names = new Map(d.nodes.map((n) => [n.id, n.name]));
  return buildMonthlyProposal(report, { month: q.month, scope: q.roots.map((r) => r.name).join('、'), chosen: q.chosen, nodeName: (id) => names.get(id) });
}

export interface MonthlyDeps {
  store: Pick<Store, 'grid' | 'people' | 'messages'>;
  insights: { hot(q: HotQuery): Promise<HotReport> };
  queues: JobQueues;
  outbox: Outbox;
  clock: Clock;
  logger: Logger;
  schedule: MonthlySchedule;
}

export interface MonthlyProposals {
  /** Consumes the 'insights' queue and sets this month's run (at once if its time has passed and it is unsent). */
  start(startAfter?: Promise<unknown>): Promise<void>;
  stop(): Promise<void>;
  /** The job handler: sends the run's proposals, then sets next month's run. */
  handle(job: Job<MonthlyJob>): Promise<void>;
  /** Sends a run's proposals now (what the job does); returns the messages sent. */
  run(runMonth: string): Promise<number>;
}

export function createMonthlyProposals(d: MonthlyDeps): MonthlyProposals {
  const log = d.logger.child({ component: 'insights-monthly' });
  async function run(runMonth: string): Promise<number> {
    const month = addMonths(runMonth, -1);
    const nodes = await d.store.grid.all();
    const holders = await d.store.people.holders(nodes.map((n) => n.id), MONTHLY_ROLES);
    const streets = nodes.filter((n) => n.level === 'STREET');
    const roots = nodes.filter((n) => n.parentId === null);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const proposals = new Map<string, Promise<MonthlyProposal>>();
    const proposalOf = (scope: readonly GridNode[]) => {
      const key = scope.map((n) => n.code).join(',');
      if (!proposals.has(key)) proposals.set(key, proposalFor({ hot: (q) => d.insights.hot(q), nodes }, { month, roots: scope }));
      return proposals.get(key)!;
    };
    let sent = 0;
    const done = new Set<number>();
    for (const h of holders) {
      if (done.has(h.person.id)) continue; // one message a person, whatever roles they hold
      done.add(h.person.id);
      const key = monthlyMessageKey(runMonth, h.person.id);
      if (await d.store.messages.outgoingSent(key)) continue;
      const at = byId.get(h.gridNodeId);
      const street = at && streets.find((s) => isInSubtree(at, s));
      const proposal = await proposalOf(street ? [street] : roots);
      if (proposal.overview.length === 0) continue;
      const id = (await d.store.people.identities(h.person.id))[0];
      if (!id) {
        log.warn({ personId: h.person.id }, 'no account to send the monthly proposal to');
        continue;
      }
      await d.outbox.send({ key, platform: id.platform, to: { user: id.externalId }, text: monthlyMessage(proposal), ticketId: null });
      sent++;
    }
    log.info({ runMonth, month, sent }, 'monthly proposal sent');
    return sent;
  }

  const timer = createMonthlyTimer({ queues: d.queues, queueName: INSIGHTS_QUEUE, jobPrefix: 'insights:monthly', schedule: d.schedule, clock: d.clock, log, run });
  return { handle: timer.handle, run, start: timer.start, stop: timer.stop };
}
