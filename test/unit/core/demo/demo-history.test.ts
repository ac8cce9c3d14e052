// The generated demo history: the same tickets for the same month, fourteen months of it, the three problems a
// 每月一题 analysis should find (rising last month, seasonal a year apart, persistent), and nothing in the last days.
import { describe, expect, it } from 'vitest';
import { demoHistory } from '../../../../src/core/demo/demo-history.ts';
import { monthOf } from '../../../../src/core/insights/insights-period.ts';

const NOW = new Date('2026-12-02T03:00:00Z'); // 2 December in China: November is the last full month
const history = demoHistory(NOW);
const inMonth = (m: string) => history.filter((t) => monthOf(t.at) === m);
const about = (word: string) => history.filter((t) => t.text.includes(word));

describe('demoHistory', () => {
  it('is deterministic and spans fourteen months ending last month, oldest first', () => {
    expect(demoHistory(NOW)).toEqual(history);
    const months = [...new Set(history.map((t) => monthOf(t.at)))];
    expect(months[0]).toBe('2025-10');
    expect(months.at(-1)).toBe('2026-11');
    expect(months).toHaveLength(14);
    expect(history.map((t) => t.at.getTime())).toEqual([...history.map((t) => t.at.getTime())].sort((a, b) => a - b));
  });

  it('ends four days before now, so that a new appeal is never taken for a duplicate of a seeded one', () => {
    expect(Math.max(...history.map((t) => t.at.getTime()))).toBeLessThanOrEqual(NOW.getTime() - 4 * 86_400_000);
  });

  it('has the lift of 20号楼 rising last month, from eight residents', () => {
    const lift = about('电梯');
    const last = lift.filter((t) => monthOf(t.at) === '2026-11');
    expect(last).toHaveLength(9);
    expect(new Set(last.map((t) => t.reporter)).size).toBe(8);
    for (const m of ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']) expect(lift.filter((t) => monthOf(t.at) === m).length).toBeLessThanOrEqual(2);
  });

  it('has the mosquitoes of 12号楼 last month and the same month a year before, not in between', () => {
    const months = about('蚊').map((t) => monthOf(t.at));
    expect(months.filter((m) => m === '2026-11')).toHaveLength(5);
    expect(months.filter((m) => m === '2025-11')).toHaveLength(5);
    expect(months).toHaveLength(10);
  });

  it('has the electric bikes of 5号楼 every month of the last six, some still open', () => {
    const bikes = about('电动车');
    for (const m of ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']) expect(bikes.filter((t) => monthOf(t.at) === m).length).toBeGreaterThanOrEqual(2);
    expect(bikes.some((t) => t.closedAfterDays === undefined)).toBe(true);
  });

  it('mixes closed and open tickets (old ones closed), residents joining, and everyday appeals every month', () => {
    expect(history.filter((t) => monthOf(t.at) < '2026-10').every((t) => t.closedAfterDays !== undefined)).toBe(true);
    expect(inMonth('2026-11').some((t) => t.closedAfterDays === undefined)).toBe(true);
    expect(history.some((t) => t.joined > 0)).toBe(true);
    expect(new Set(history.map((t) => t.category)).size).toBeGreaterThanOrEqual(8);
    expect(history.length).toBeGreaterThan(100);
  });

  it('follows the month it is made in', () => {
    const months = [...new Set(demoHistory(new Date('2027-03-15T00:00:00Z'), 6).map((t) => monthOf(t.at)))];
    expect(months).toEqual(['2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02']);
  });
});
