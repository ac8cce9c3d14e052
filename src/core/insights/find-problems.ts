// 每月一题: the period's problems, hottest first. Appeals before `to` are read: those in [from, to) are clustered into
// problems (features.ts, cluster.ts), those before `from` are assigned to the period's problems by the same
// similarity (never starting one) and make their history; heat (heat.ts), flags (flags.ts), the lead department
// (lead-department.ts) and the description (describe.ts) follow.
import type { Appeal, HotOptions, HotReport, Problem, Segmenter } from './insights.types.ts';
import { analyse, bigramSegmenter } from './features.ts';
import { Clusterer } from './cluster.ts';
import { heatOf } from './heat.ts';
import { flagsOf, periodWindows } from './flags.ts';
import { monthCalendar } from './months.ts';
import { describe } from './describe.ts';
import { leadDepartment } from './lead-department.ts';
import { fnv1a } from '../util/fnv1a.ts';

/**
 * Finds the problems of the period [opts.from, opts.to) in `appeals` (any order; appeals from `to` on are ignored).
 * Without a segmenter, Han text is cut into character pairs (the adapter's jieba segmenter is much better).
 */
export function findProblems(appeals: readonly Appeal[], opts: HotOptions, segmenter?: Segmenter): HotReport {
  const from = opts.from.getTime();
  const to = opts.to.getTime();
  const read = appeals.filter((a) => a.time.getTime() < to).sort((a, b) => a.time.getTime() - b.time.getTime());
  const known = [...(opts.places ?? []), ...new Set(read.map((a) => a.place).filter((p): p is string => !!p))];
  const total = read.length;
  const { docs, vocab } = analyse(read, segmenter ?? bigramSegmenter(), known, (done) => opts.progress?.('segment', done, total));

  const clusterer = new Clusterer(docs, vocab.isPlace);
  const clusterOf = new Int32Array(read.length).fill(-1);
  const periodIdx: number[] = [];
  for (let i = 0; i < read.length; i++) if (read[i]!.time.getTime() >= from) periodIdx.push(i);
  let done = 0;
  const tick = () => {
    done++;
    if (done % 1000 === 0) opts.progress?.('cluster', done, total);
  };
  for (const i of periodIdx) {
    clusterOf[i] = clusterer.add(i);
    tick();
  }
  clusterer.refine(periodIdx, clusterOf);
  clusterer.merge(clusterOf);
  const historyOf = new Map<number, number[]>();
  for (let i = 0; i < read.length && read[i]!.time.getTime() < from; i++) {
    const best = clusterer.best(docs[i]!);
    if (best) {
      clusterOf[i] = best.id;
      (historyOf.get(best.id) ?? historyOf.set(best.id, []).get(best.id)!).push(i);
    }
    tick();
  }
  opts.progress?.('cluster', total, total);

  // monthly totals of everything read: which months the data covers (flags.ts)
  const totals = new Map<string, number>();
  const cal = monthCalendar(opts.utcOffsetMinutes);
  for (const a of read) totals.set(cal.key(a.time), (totals.get(cal.key(a.time)) ?? 0) + 1);
  const windows = periodWindows(opts.from, opts.to, totals, cal);
  const firstCovered = [...totals.keys()].sort().find((m) => windows.covered(cal.range(m)));

  const scored = clusterer.clusters.filter((c) => c.members.length > 0).map((c) => ({ c, h: heatOf(c.members, read, docs) }));
  scored.sort((a, b) => b.h.heat - a.h.heat || b.c.members.length - a.c.members.length || a.c.id - b.c.id);
  const top = scored.slice(0, opts.top ?? 10);
  const problems: Problem[] = top.map(({ c, h }, rank) => {
    const members = c.members.map((i) => read[i]!);
    const history = (historyOf.get(c.id) ?? []).map((i) => read[i]!);
    const d = describe(c, read, docs, vocab, opts.evidence ?? 10);
    const all = [...history, ...members];
    const firstMonth = [cal.key(all[0]!.time), firstCovered ?? cal.key(all[0]!.time)].sort()[0]!;
    const monthly = new Map(cal.between(cal.range(firstMonth)[0], opts.to).map((m) => [m, 0]));
    for (const a of all) monthly.set(cal.key(a.time), (monthly.get(cal.key(a.time)) ?? 0) + 1);
    const reasons = flagsOf({
      from: opts.from,
      to: opts.to,
      periodCount: members.length,
      history: history.map((a) => a.time),
      monthly,
      openTickets: all.filter((a) => a.open).length,
      calendar: cal,
      windows,
    });
    const grids = new Map<number, number>();
    for (const a of members) if (a.gridNodeId !== undefined) grids.set(a.gridNodeId, (grids.get(a.gridNodeId) ?? 0) + 1);
    let first = Infinity;
    let last = -Infinity;
    for (const a of members) {
      first = Math.min(first, a.time.getTime());
      last = Math.max(last, a.time.getTime());
    }
    const categories = d.categories;
    return {
      key: `p${fnv1a(`${d.places[0] ?? ''}|${d.keywords.slice(0, 3).join(',')}|${members[0]!.id}`).toString(36)}`,
      rank: rank + 1,
      title: d.title,
      keywords: d.keywords,
      places: d.places,
      categories,
      count: members.length,
      reporters: h.reporters,
      heat: h.heat,
      flags: reasons.map((r) => r.flag),
      flagReasons: reasons,
      first: new Date(first),
      last: new Date(last),
      evidence: d.evidence,
      monthly: [...monthly.entries()].map(([month, count]) => ({ month, count })),
      grids: [...grids.entries()].sort((a, b) => b[1] - a[1]).map(([gridNodeId, count]) => ({ gridNodeId, count })),
      leadDepartment: leadDepartment(opts.departments, categories, [...d.keywords, ...d.evidence.slice(0, 5).map((e) => e.text)].join(' ')),
      counted: h.counted,
      support: h.support,
      history: history.length,
    };
  });
  return {
    period: { from: opts.from, to: opts.to },
    appealsInPeriod: periodIdx.length,
    appealsRead: read.length,
    problems,
    problemsFound: scored.length,
  };
}
