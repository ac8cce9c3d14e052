// 每月一题 over the store: the tickets of a part of the grid as appeals, with the grid's place names kept whole in
// segmentation and its departments as candidate leads, analysed by findProblems. Evidence is masked: a proposal is
// circulated as a document and shown on screens, and a resident's phone number has no place in it.
import type { GridNode } from '../grid/grid.types.ts';
import type { GridScope } from '../grid/grid-scope.ts';
import type { AppealRepository } from '../ports/appeal.repository.ts';
import type { PersonRepository } from '../ports/person.repository.ts';
import { maskPii } from '../triage/mask.ts';
import { findProblems } from './find-problems.ts';
import { addMonths, CHINA_UTC_OFFSET_MINUTES, monthOf, type Period } from './insights-period.ts';
import type { HotReport, Segmenter } from './insights.types.ts';

/** History read before the period for the flags: two years back covers "the same month of the previous years". */
export const HISTORY_MONTHS = 25;

export interface InsightsDeps {
  appeals: AppealRepository;
  scope: GridScope;
  people: Pick<PersonRepository, 'holders'>;
  /** The segmenter, loaded on first use (jieba's dictionary is only paid for by those who ask). */
  segmenter: () => Promise<Segmenter>;
}

export interface HotQuery extends Period {
  /** The subtrees analysed (an Authority's scopes, or one node). */
  roots: readonly GridNode[];
  top?: number;
  evidence?: number;
}

export class InsightsService {
  constructor(private readonly d: InsightsDeps) {}

  async hot(q: HotQuery): Promise<HotReport> {
    const nodes = await this.d.scope.nodesWithin(q.roots);
    const since = new Date(Date.parse(`${addMonths(monthOf(q.from), -HISTORY_MONTHS)}-01T00:00:00+08:00`));
    const chains = await Promise.all(q.roots.map((r) => this.d.scope.chain(r.id)));
    const around = [...new Set([...nodes, ...chains.flat()].map((n) => n.id))];
    const [appeals, departments] = await Promise.all([
      this.d.appeals.list({ until: q.to, since, gridNodeIds: nodes.map((n) => n.id) }),
      this.d.people.holders(around, ['DEPARTMENT']),
    ]);
    // nothing to segment (a new store's first monthly run, a quiet scope): the report is empty whichever segmenter,
    // and jieba's dictionary (~1 s of CPU at a process's first use) is not loaded for it
    const segmenter = appeals.length > 0 ? await this.d.segmenter() : undefined;
    const report = findProblems(
      appeals,
      {
        from: q.from,
        to: q.to,
        top: q.top,
        evidence: q.evidence,
        utcOffsetMinutes: CHINA_UTC_OFFSET_MINUTES,
        places: placeNames(nodes),
        departments: [...new Set(departments.map((h) => h.person.name))],
      },
      segmenter,
    );
    for (const p of report.problems) {
      p.title = maskPii(p.title);
      for (const e of p.evidence) e.text = maskPii(e.text);
    }
    return report;
  }
}

/** The names of the places below the street (estates, grids, buildings, units) that segmentation keeps whole. */
export function placeNames(nodes: readonly GridNode[]): string[] {
  const names = new Set<string>();
  for (const n of nodes) {
    if (n.level === 'DISTRICT' || n.level === 'STREET') continue;
    const name = n.name.trim();
    if (name.length >= 2) names.add(name);
    // "丽发新城社区" is also said "丽发新城" (a grid's name, "东园社区第一网格", is not a place anyone writes: kept whole)
    const bare = name.replace(/(社区|居委会|村委会|小区)$/, '');
    if (bare.length >= 2 && bare !== name) names.add(bare);
  }
  return [...names];
}
