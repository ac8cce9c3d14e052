// The one-screen overview (社情民情一屏可览) of a set of subtrees: today's and this month's counts and rates, a 30-day
// trend, categories, a ranking of the nodes one level down, open tickets, open patrol findings and group health.
// Everything comes from the daily roll-ups of the roots and their children and from what is open now, so its cost
// does not grow with the ticket history.
import type { GridNode } from '../grid/grid.types.ts';
import type { GridScope } from '../grid/grid-scope.ts';
import type { ProblemsOfMonth } from '../insights/monthly-topic.service.ts';
import type { Clock } from '../ports/clock.port.ts';
import type { OpenTicketCounts, StatsRepository } from '../ports/stats.repository.ts';
import { chinaDate } from '../sla/deadlines.ts';
import { categoryName } from '../triage/categories.ts';
import { addCounts, RATE_DEFINITIONS, ratesOf, zeroCounts, type Counts, type Rates } from './stats.types.ts';

const DAY_MS = 86_400_000;
export const TREND_DAYS = 30;
/** A group is active when someone wrote in it within this many days. */
export const ACTIVE_DAYS = 7;
export const PATROL_SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'] as const;

export type NodeRef = Pick<GridNode, 'code' | 'name' | 'level'>;

export interface PeriodStats {
  /** First and last China date of the period (YYYY-MM-DD). */
  from: string;
  to: string;
  counts: Counts;
  /** Deadlines that ran out in the period (acceptOverdue + resolveOverdue). */
  overdue: number;
  rates: Rates;
}

export interface RankingRow extends NodeRef {
  /** This month. */
  reported: number;
  resolved: number;
  rates: Rates;
  /** Now. */
  open: number;
  overdue: number;
}

export interface Overview {
  generatedAt: string;
  timeZone: 'Asia/Shanghai';
  scope: NodeRef[];
  today: PeriodStats;
  month: PeriodStats;
  /** Open tickets now, and those past a deadline. */
  open: { total: number; overdue: number };
  rateDefinitions: typeof RATE_DEFINITIONS;
  /** The last 30 days, oldest first, every day present. */
  trend: { day: string; reported: number; accepted: number; resolved: number; closed: number; escalated: number; overdue: number }[];
  /** This month, by tickets reported, most first. */
  categories: { category: string; name: string; reported: number; resolved: number; rates: Rates }[];
  /** The nodes one level below a single root (the roots themselves when there are several), by tickets reported. */
  ranking: { level: GridNode['level'] | null; rows: RankingRow[] };
  /** Patrol findings not closed (open or acknowledged), per severity. */
  patrol: { open: Record<(typeof PATROL_SEVERITIES)[number], number>; total: number };
  /** Mapped groups: the bot is in them and someone wrote within ACTIVE_DAYS, nobody did, or the bot was removed. */
  groups: { total: number; active: number; silent: number; botRemoved: number; activeDays: number };
  /**
   * 每月一题: the topics marked for the last full month (and the running one), and the top problems of an analysis
   * made lately (none is run for the overview); null where the insights are not wired.
   */
  problemsOfMonth: ProblemsOfMonth | null;
}

export interface OverviewDeps {
  stats: StatsRepository;
  scope: GridScope;
  clock: Clock;
  categories?: Record<string, string>;
  /** The 每月一题 panel of these roots (their nodes' ids given); must stay cheap: no analysis runs here. */
  problemsOfMonth?: (roots: readonly GridNode[], nodes: readonly Pick<GridNode, 'id' | 'path'>[], now: Date) => Promise<ProblemsOfMonth>;
}

const ref = (n: NodeRef): NodeRef => ({ code: n.code, name: n.name, level: n.level });
const shiftDay = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

function period(from: string, to: string, counts: Counts): PeriodStats {
  return { from, to, counts, overdue: counts.acceptOverdue + counts.resolveOverdue, rates: ratesOf(counts) };
}

export class OverviewService {
  constructor(private readonly d: OverviewDeps) {}

  /** The overview of these subtrees (none inside another: an Authority's scopes, or one node). */
  async overview(roots: readonly GridNode[]): Promise<Overview> {
    const now = this.d.clock.now();
    const today = chinaDate(now);
    const monthStart = `${today.slice(0, 8)}01`;
    const trendStart = shiftDay(today, -(TREND_DAYS - 1));
    const from = monthStart < trendStart ? monthStart : trendStart;
    // what lies inside comes from the grid snapshot; then every read at once
    const [ranked, nodes, groups] = await Promise.all([
      roots.length === 1 ? this.d.scope.children(roots[0]!) : [...roots],
      this.d.scope.nodesWithin(roots),
      this.d.scope.groupsWithin(roots),
    ]);
    const groupIds = groups.map((g) => g.id);
    const [rows, byNode, open, findings, active, problemsOfMonth] = await Promise.all([
      this.d.stats.byDayAndCategory(roots.map((r) => r.id), from, today),
      this.d.stats.byNode(ranked.map((n) => n.id), monthStart, today),
      this.d.stats.openByNode(nodes.map((n) => n.id), now),
      this.d.stats.openFindingsBySeverity(groupIds),
      this.d.stats.groupsActiveSince(groupIds, new Date(now.getTime() - ACTIVE_DAYS * DAY_MS)),
      this.d.problemsOfMonth ? this.d.problemsOfMonth(roots, nodes, now) : null,
    ]);

    const todayCounts = zeroCounts();
    const monthCounts = zeroCounts();
    const perDay = new Map<string, Counts>();
    const perCategory = new Map<string, Counts>();
    for (const r of rows) {
      if (r.day === today) addCounts(todayCounts, r.counts);
      if (r.day >= monthStart) {
        addCounts(monthCounts, r.counts);
        addCounts(perCategory.get(r.category) ?? perCategory.set(r.category, zeroCounts()).get(r.category)!, r.counts);
      }
      if (r.day >= trendStart) addCounts(perDay.get(r.day) ?? perDay.set(r.day, zeroCounts()).get(r.day)!, r.counts);
    }

    const trend: Overview['trend'] = [];
    for (let i = 0; i < TREND_DAYS; i++) {
      const day = shiftDay(trendStart, i);
      const c = perDay.get(day) ?? zeroCounts();
      trend.push({ day, reported: c.reported, accepted: c.accepted, resolved: c.resolved, closed: c.closed, escalated: c.escalated, overdue: c.acceptOverdue + c.resolveOverdue });
    }
    const categories = [...perCategory]
      .map(([category, c]) => ({ category, name: categoryName(category, this.d.categories), reported: c.reported, resolved: c.resolved, rates: ratesOf(c) }))
      .sort((a, b) => b.reported - a.reported || a.category.localeCompare(b.category));

    const openTotal = sumOpen(open);
    const activeSet = new Set(active);
    const mapped = groups.filter((g) => g.active);
    const severity = Object.fromEntries(PATROL_SEVERITIES.map((s) => [s, findings[s] ?? 0])) as Overview['patrol']['open'];
    return {
      generatedAt: now.toISOString(),
      timeZone: 'Asia/Shanghai',
      scope: roots.map(ref),
      today: period(today, today, todayCounts),
      month: period(monthStart, today, monthCounts),
      open: openTotal,
      rateDefinitions: RATE_DEFINITIONS,
      trend,
      categories,
      ranking: { level: ranked[0]?.level ?? null, rows: this.ranking(ranked, byNode, open, nodes) },
      patrol: { open: severity, total: PATROL_SEVERITIES.reduce((s, k) => s + severity[k], 0) },
      groups: {
        total: groups.length,
        active: mapped.filter((g) => activeSet.has(g.id)).length,
        silent: mapped.filter((g) => !activeSet.has(g.id)).length,
        botRemoved: groups.length - mapped.length,
        activeDays: ACTIVE_DAYS,
      },
      problemsOfMonth,
    };
  }

  private ranking(
    ranked: readonly GridNode[],
    byNode: readonly { gridNodeId: number; counts: Counts }[],
    open: readonly OpenTicketCounts[],
    nodes: readonly GridNode[],
  ): RankingRow[] {
    const month = new Map(byNode.map((r) => [r.gridNodeId, r.counts]));
    // open tickets sit on any node below: each is added to the ranked node whose subtree holds it
    const pathOf = new Map(nodes.map((n) => [n.id, n.path]));
    const rows = ranked.map((n) => {
      const c = month.get(n.id) ?? zeroCounts();
      const mine = sumOpen(open.filter((o) => pathOf.get(o.gridNodeId)?.startsWith(n.path)));
      return { ...ref(n), reported: c.reported, resolved: c.resolved, rates: ratesOf(c), open: mine.total, overdue: mine.overdue };
    });
    return rows.sort((a, b) => b.reported - a.reported || b.open - a.open || a.code.localeCompare(b.code));
  }
}

function sumOpen(rows: readonly OpenTicketCounts[]): { total: number; overdue: number } {
  return rows.reduce((s, r) => ({ total: s.total + r.open, overdue: s.overdue + r.overdue }), { total: 0, overdue: 0 });
}
