// The proposal's document model from a HotReport: the overview with each flag's figures in words, a section per chosen
// problem with grid names, China-time dates, and the 一方案三清单 with owners and deadlines left blank (the lead
// department pre-filled where the engine suggests one).
import { describe, expect, it } from 'vitest';
import { buildMonthlyProposal, flagInWords } from '../../../../src/core/insights/monthly-proposal.ts';
import { problem, report } from '../../../support/insights-fixtures.ts';

describe('buildMonthlyProposal', () => {
  const rising = problem(1, {
    flags: ['rising', 'seasonal'],
    flagReasons: [{ flag: 'rising', reason: '本期 6 条，此前 6 期平均每期 1.25 条', figures: { count: 6, previousMean: 1.25, lambda: 1.25, windows: 6, p: 0.00123, threshold: 0.01 } }],
    leadDepartment: '拱辰街道城管中队',
  });
  const p = buildMonthlyProposal(report([rising, problem(2), problem(3), problem(4)]), {
    month: '2026-11', scope: '拱辰街道', nodeName: (id) => (id === 7 ? '东园社区第一网格' : undefined),
  });

  it('titles the month and gives the period in China time', () => {
    expect(p.title).toBe('2026年11月 每月一题 建议');
    expect(p.period).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(p.appealsInPeriod).toBe(40);
  });

  it('lists every problem in the overview with its flags and their figures in words, and a section for the top 3', () => {
    expect(p.overview.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
    expect(p.overview[0]!.flags).toEqual(['上升（本期 6 条，此前 6 期平均每期 1.25 条）', '季节性']);
    expect(p.sections.map((s) => s.rank)).toEqual([1, 2, 3]);
    expect(buildMonthlyProposal(report([rising, problem(2)]), { month: '2026-11', scope: 'x', chosen: 1 }).sections).toHaveLength(1);
  });

  it('gives a section its places, categories in Chinese, grid names, dates and evidence', () => {
    const s = p.sections[0]!;
    expect(s.categories).toEqual(['设施维修']);
    expect(s.grids).toEqual([{ name: '东园社区第一网格', count: 5 }, { name: '网格 99', count: 1 }]);
    expect(s.first).toBe('2026-11-03');
    expect(s.evidence).toEqual([{ id: '#12', date: '2026-12-01', text: '电梯又停了' }]);
  });

  it('drafts the 一方案三清单 with blanks for owners and deadlines, the lead department pre-filled', () => {
    const s = p.sections[0]!;
    expect(s.plan.deadline).toBe('2026-12-31 前完成整改：（待填写）');
    expect(s.tasks.length).toBeGreaterThanOrEqual(3);
    expect(s.tasks.every((t) => t.owner === '' && t.deadline === '')).toBe(true);
    expect(s.duties[0]).toMatchObject({ item: '牵头单位', owner: '拱辰街道城管中队', deadline: '' });
    expect(s.duties.some((d) => d.item === '属地网格：东园社区第一网格（5 件）')).toBe(true);
    expect(s.policies.some((x) => x.item.includes('物业管理条例'))).toBe(true);
    expect(p.sections[1]!.duties[0]!.owner).toBe(''); // no suggestion: left for people
  });

  it("says each flag with the engine's reason, its raw figures when there is none", () => {
    expect(flagInWords({ flag: 'seasonal', reason: '1 年前同期 5 条，其他月份平均每期 0.0 条', figures: { thenCount: 5 } })).toBe('季节性（1 年前同期 5 条，其他月份平均每期 0.0 条）');
    expect(flagInWords({ flag: 'persistent', reason: ' ', figures: { openTickets: 2, p: 0.000123, mean: 1.256 } })).toBe('持续（openTickets 2；p 0.00012；mean 1.26）');
    expect(flagInWords({ flag: 'new', reason: '', figures: {} })).toBe('新出现');
  });
});
