// The monthly points 公示: on a configured day and China time, last month's ranking is posted in every volunteers'
// group (a group tagged 志愿者群), ranking the volunteers over that group's node and below. Once a month per group:
// one delayed job per month on the 'points' queue (core/util/monthly-timer.ts) and an outbox key per month and group,
// stored when sent, so a restart, a retry or a second process never posts it twice. A group whose volunteers earned
// nothing last month gets no post.
import { addMonths } from '../insights/insights-period.ts';
import { isInSubtree, type GridNode } from '../grid/grid.types.ts';
import type { Clock } from '../ports/clock.port.ts';
import type { Job, JobQueues } from '../ports/job-queue.port.ts';
import type { Logger } from '../ports/logger.port.ts';
import type { Outbox } from '../ports/outbox.port.ts';
import type { Store } from '../ports/store.port.ts';
import type { Group } from '../ports/group.repository.ts';
import { createMonthlyTimer, type MonthlyJob, type MonthlySchedule } from '../util/monthly-timer.ts';
import { monthRanking, topWithTies, type RankedVolunteer } from './points-ranking.ts';
import { VOLUNTEER_GROUP_TAG } from './service.types.ts';

export const POINTS_QUEUE = 'points';
export const pointsNoticeKey = (runMonth: string, groupId: number) => `points:monthly:${runMonth}:${groupId}`;

/** 「11月志愿服务积分公示（东园社区）：1. 王芳 30分（服务3次）；2. 李明 20分（服务2次）。感谢各位志愿者的热心服务！」 */
export function pointsNoticeText(month: string, scope: string, top: readonly RankedVolunteer[]): string {
  const m = Number(month.slice(5));
  const items = top.map((r) => `${r.rank}. ${r.name} ${r.points}分（服务${r.services}次）`);
  return `${m}月志愿服务积分公示（${scope}）：${items.join('；')}。感谢各位志愿者的热心服务！积分明细可向社区工作人员查询。`;
}

/** Active volunteers' groups mapped to a node. */
export function volunteerGroups(groups: readonly Group[]): (Group & { gridNodeId: number })[] {
  return groups.filter((g): g is Group & { gridNodeId: number } => g.active && g.gridNodeId !== null && g.tags.includes(VOLUNTEER_GROUP_TAG));
}

/** Ids of a node and every node below it. */
export const subtreeIds = (nodes: readonly GridNode[], root: GridNode) => nodes.filter((n) => isInSubtree(n, root)).map((n) => n.id);

export interface PointsNoticeDeps {
  store: Pick<Store, 'grid' | 'groups' | 'service' | 'messages'>;
  queues: JobQueues;
  outbox: Outbox;
  clock: Clock;
  logger: Logger;
  schedule: MonthlySchedule;
  /** Places in the post (default 10; those tied with the last place are shown too). */
  top?: number;
}

export interface PointsNotice {
  /** Consumes the 'points' queue and sets this month's run (at once if its time has passed). */
  start(startAfter?: Promise<unknown>): Promise<void>;
  stop(): Promise<void>;
  handle(job: Job<MonthlyJob>): Promise<void>;
  /** Posts a run's 公示 now (what the job does); returns the posts made. */
  run(runMonth: string): Promise<number>;
}

export function createPointsNotice(d: PointsNoticeDeps): PointsNotice {
  const log = d.logger.child({ component: 'points-notice' });

  async function run(runMonth: string): Promise<number> {
    const month = addMonths(runMonth, -1);
    const groups = volunteerGroups(await d.store.groups.list());
    if (groups.length === 0) return 0;
    const nodes = await d.store.grid.all();
    const byId = new Map(nodes.map((n) => [n.id, n]));
    let posted = 0;
    for (const g of groups) {
      const key = pointsNoticeKey(runMonth, g.id);
      if (await d.store.messages.outgoingSent(key)) continue;
      const root = byId.get(g.gridNodeId);
      if (!root) continue;
      const { ranking } = await monthRanking(d.store, { month, gridNodeIds: subtreeIds(nodes, root) });
      if (ranking.length === 0) {
        log.info({ runMonth, groupId: g.id }, 'no points last month: no 公示');
        continue;
      }
      const text = pointsNoticeText(month, root.name, topWithTies(ranking, d.top ?? 10));
      await d.outbox.send({ key, platform: g.platform, to: { group: g.externalId, groupId: g.id }, text, ticketId: null });
      posted++;
    }
    log.info({ runMonth, month, posted }, 'points 公示 posted');
    return posted;
  }

  const timer = createMonthlyTimer({ queues: d.queues, queueName: POINTS_QUEUE, jobPrefix: 'points:monthly', schedule: d.schedule, clock: d.clock, log, run });
  return { run, handle: timer.handle, start: timer.start, stop: timer.stop };
}
