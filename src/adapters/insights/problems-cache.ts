// The month's analysis per (part of the grid, month), kept a few minutes: the analysis reads two years of tickets and
// clusters them, so the console's list, a problem's page and marking a topic share one run, and the overview shows the
// last run's top problems without waiting for one (peek; a miss starts a run in the background).
import { LRUCache } from 'lru-cache';
import type { GridNode } from '../../core/grid/grid.types.ts';
import { lastFullMonth, monthOf, monthPeriod } from '../../core/insights/insights-period.ts';
import type { MonthlyTopicService, ProblemsOfMonth } from '../../core/insights/monthly-topic.service.ts';
import type { InsightsService } from '../../core/insights/insights.service.ts';
import type { HotReport } from '../../core/insights/insights.types.ts';

/** Problems analysed per run: the list's `top` and a problem's page read from these. */
export const ANALYSED_TOP = 50;
export const EVIDENCE_PER_PROBLEM = 20;

export interface ProblemsCache {
  report(roots: readonly GridNode[], month: string): Promise<HotReport>;
  /** The report if one was made lately, without running the analysis. */
  peek(roots: readonly Pick<GridNode, 'code'>[], month: string): HotReport | undefined;
  /** Forgets every run (after the store's tickets changed in bulk). */
  clear(): void;
}

export function problemsCache(insights: InsightsService, o: { ttlMs?: number; max?: number } = {}): ProblemsCache {
  const runs = new LRUCache<string, Promise<HotReport>>({ max: o.max ?? 64, ttl: o.ttlMs ?? 5 * 60_000 });
  const done = new LRUCache<string, HotReport>({ max: o.max ?? 64, ttl: o.ttlMs ?? 5 * 60_000 });
  const keyOf = (roots: readonly Pick<GridNode, 'code'>[], month: string) => `${roots.map((r) => r.code).sort().join(',')}|${month}`;
  return {
    report(roots, month) {
      const key = keyOf(roots, month);
      let run = runs.get(key);
      if (!run) {
        run = insights.hot({ roots, ...monthPeriod(month), top: ANALYSED_TOP, evidence: EVIDENCE_PER_PROBLEM });
        runs.set(key, run);
        // a failed run is not kept: the next request tries again
        run.then((r) => void done.set(key, r), () => void runs.delete(key));
      }
      return run;
    },
    peek: (roots, month) => done.get(keyOf(roots, month)),
    clear() {
      runs.clear();
      done.clear();
    },
  };
}

/**
 * The overview's 每月一题 panel: the marked topics and the last full month's top problems if analysed lately. The
 * overview never waits for an analysis (a wall screen refreshes every few seconds); when there is none, one starts in
 * the background and a later refresh shows its top (a wall left on all day would otherwise never show one).
 */
export function problemsOfMonth(topics: MonthlyTopicService, cache: ProblemsCache) {
  return (roots: readonly GridNode[], nodes: readonly Pick<GridNode, 'id' | 'path'>[], now: Date): Promise<ProblemsOfMonth> => {
    const month = lastFullMonth(now);
    const seen = cache.peek(roots, month);
    // a failed run is not kept (the cache forgets it): the next refresh tries again
    if (!seen) cache.report(roots, month).catch(() => undefined);
    return topics.summary(nodes, month, monthOf(now), seen);
  };
}
