// Problems and hot reports written by hand, for the proposal's model and renderers.
import { monthPeriod } from '../../src/core/insights/insights-period.ts';
import type { HotReport, Problem } from '../../src/core/insights/insights.types.ts';

/** A November problem of rank `rank` in 20号楼, with a trend and two grids. */
export function problem(rank: number, over: Partial<Problem> = {}): Problem {
  return {
    key: `k${rank}`,
    rank,
    title: `问题${rank}`,
    keywords: ['电梯', '停运'],
    places: ['20号楼'],
    categories: ['facility_repair'],
    count: 10 - rank,
    reporters: 9 - rank,
    heat: 20 - rank,
    flags: [],
    flagReasons: [],
    first: new Date('2026-11-02T16:30:00Z'), // 2026-11-03 in China
    last: new Date('2026-11-29T02:00:00Z'),
    evidence: [{ id: '#12', time: new Date('2026-11-30T17:00:00Z'), text: '电梯又停了', ticketId: 12 }],
    monthly: [{ month: '2026-10', count: 1 }, { month: '2026-11', count: 6 }],
    grids: [{ gridNodeId: 7, count: 5 }, { gridNodeId: 99, count: 1 }],
    ...over,
  };
}

export function report(problems: Problem[]): HotReport {
  return { period: monthPeriod('2026-11'), appealsInPeriod: 40, appealsRead: 300, problems };
}
