// `linli insights hot`'s table: the category by its Chinese name (not facility_repair), the flags in the same words
// as the console and the proposal (新出现).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hotTable } from '../../../src/cli/insights.command.ts';
import { FLAG_ZH } from '../../../src/core/insights/monthly-proposal.ts';
import type { HotReport } from '../../../src/core/insights/insights.types.ts';

const t = new Date('2026-11-10T04:00:00Z');
const report: HotReport = {
  period: { from: new Date('2026-10-31T16:00:00Z'), to: new Date('2026-11-30T16:00:00Z') },
  appealsInPeriod: 3,
  appealsRead: 3,
  problems: [{
    key: 'k', rank: 1, title: '5号楼电梯问题（设施维修）', keywords: ['电梯'], places: ['5号楼'], categories: ['facility_repair', 'other'],
    count: 3, reporters: 3, heat: 3, flags: ['new'], flagReasons: [{ flag: 'new', reason: '此前各月没有同类诉求', figures: {} }],
    first: t, last: t, evidence: [], monthly: [], grids: [],
  }],
};

describe('insights hot table', () => {
  it('names categories in Chinese and the new flag as 新出现', () => {
    const table = hotTable(report, true);
    expect(table).toContain('类别：设施维修、其他');
    expect(table).not.toContain('facility_repair');
    expect(table).toContain('[新出现]');
  });

  it('the console calls the flags what the CLI and the proposal call them', () => {
    const js = readFileSync(new URL('../../../web/console/insights.js', import.meta.url), 'utf8');
    const flags = /const FLAGS = (\{.*\});/.exec(js)![1]!;
    for (const [flag, zh] of Object.entries(FLAG_ZH)) expect(flags).toContain(`${flag}: ['${zh}'`);
  });
});
