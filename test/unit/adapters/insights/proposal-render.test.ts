// The Markdown and HTML renderers of the proposal: residents' words shown as typed (escaped, never markup), the trend
// and grid charts as inline SVG from echarts (labels escaped too), the 一方案三清单 tables with blank owner columns.
import { describe, expect, it } from 'vitest';
import { renderProposalHtml } from '../../../../src/adapters/insights/proposal-html.ts';
import { mdText, renderProposalMarkdown } from '../../../../src/adapters/insights/proposal-markdown.ts';
import { buildMonthlyProposal } from '../../../../src/core/insights/monthly-proposal.ts';
import { problem, report } from '../../../support/insights-fixtures.ts';

const hostile = '<img src=x onerror=alert(1)> | **粗** [链接](http://x)';
const proposal = buildMonthlyProposal(
  report([problem(1, { title: `电梯<script>alert(1)</script>`, evidence: [{ id: '#3', time: new Date('2026-11-05T02:00:00Z'), text: hostile }] }), problem(2)]),
  { month: '2026-11', scope: '拱辰街道', nodeName: () => '东园社区第一网格' },
);

describe('renderProposalHtml', () => {
  const page = renderProposalHtml(proposal);

  it('escapes every value: no tag made of a title or an appeal', () => {
    expect(page).not.toMatch(/<script|<img/i);
    expect(page).toContain('电梯&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt; | **粗** [链接](http://x)');
  });

  it('draws the overview, each trend and each grid bar chart as inline SVG', () => {
    // overview bars + (trend + grids) for each of the two sections
    expect(page.match(/<svg[\s>]/g)).toHaveLength(5);
    expect(page).toContain('2026-10'); // a month on the trend's axis
    expect(page).toContain('&lt;script&gt;'); // the chart label of the hostile title is escaped by echarts
  });

  it('puts each problem on its own printed page with the four lists', () => {
    expect(page.match(/<section class="problem">/g)).toHaveLength(2);
    for (const h of ['<h4>方案</h4>', '<h4>任务清单</h4>', '<h4>责任清单</h4>', '<h4>政策清单</h4>']) expect(page).toContain(h);
    expect(page).toContain('<td class="blank"></td>');
  });
});

describe('renderProposalMarkdown', () => {
  const md = renderProposalMarkdown(proposal);

  it('escapes Markdown and HTML in residents’ words, so a table row stays one row', () => {
    expect(mdText('a|b<c>\n*d*')).toBe('a\\|b\\<c\\> \\*d\\*');
    const row = md.split('\n').find((l) => l.startsWith('| #3 |'))!;
    expect(row).toBe('| #3 | 2026-11-05 | \\<img src=x onerror=alert(1)\\> \\| \\*\\*粗\\*\\* \\[链接\\](http://x) |');
    expect(md).not.toMatch(/(?<!\\)<(script|img)/);
  });

  it('has the overview, the sections and the 一方案三清单 tables', () => {
    expect(md.startsWith('# 2026年11月 每月一题 建议\n')).toBe(true);
    expect(md).toContain('## 1. 电梯\\<script\\>alert(1)\\</script\\>');
    expect(md).toContain('按月件数：2026-10 1，2026-11 6');
    expect(md.match(/\| 序号 \| 任务 \| 责任人 \| 完成时限 \| 备注 \|/g)).toHaveLength(2);
    expect(md).toContain('| 2 | 对本月 9 件诉求（8 位反映人）逐一答复、回访 |   |   |   |');
  });
});
