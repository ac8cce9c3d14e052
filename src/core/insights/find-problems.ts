// PLACEHOLDER engine, replaced by the real one (segmentation, clustering over text and place, heat, flags): groups
// appeals by category and place only, so that the CLI, report, API and console can be built against the shape.
import type { Appeal, HotOptions, HotReport, Problem, Segmenter } from './insights.types.ts';

export function findProblems(appeals: readonly Appeal[], opts: HotOptions, _segmenter?: Segmenter): HotReport {
  const inPeriod = appeals.filter((a) => a.time >= opts.from && a.time < opts.to);
  const groups = new Map<string, Appeal[]>();
  for (const a of inPeriod) {
    const key = `${a.category ?? ''}|${a.place ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  const problems: Problem[] = [...groups.entries()].map(([key, list]) => {
    const times = list.map((a) => a.time.getTime());
    return {
      key,
      rank: 0,
      title: `${list[0]!.place ?? ''}${list[0]!.category ?? ''}`,
      keywords: [],
      places: list[0]!.place ? [list[0]!.place] : [],
      categories: list[0]!.category ? [list[0]!.category] : [],
      count: list.length,
      reporters: new Set(list.map((a) => a.user ?? a.id)).size,
      heat: list.length,
      flags: [],
      flagReasons: [],
      first: new Date(Math.min(...times)),
      last: new Date(Math.max(...times)),
      evidence: list.slice(0, opts.evidence ?? 10).map((a) => ({ id: a.id, time: a.time, text: a.text, ticketId: a.ticketId, user: a.user })),
      monthly: [],
      grids: [],
    };
  });
  problems.sort((a, b) => b.heat - a.heat);
  problems.forEach((p, i) => (p.rank = i + 1));
  return { period: { from: opts.from, to: opts.to }, appealsInPeriod: inPeriod.length, appealsRead: appeals.length, problems: problems.slice(0, opts.top ?? 10) };
}
