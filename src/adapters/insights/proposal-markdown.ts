// The month's proposal as Markdown: the document a street office pastes, edits and circulates. Residents' words are
// escaped so that a viewer shows them as typed (no HTML, links or emphasis made of them).
import type { ChecklistRow, MonthlyProposal, ProposalSection } from '../../core/insights/monthly-proposal.ts';

/** Inline text: Markdown's active characters backslash-escaped (CommonMark shows them as typed), one line. */
export function mdText(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').replace(/([\\`*_[\]<>|~])/g, '\\$1');
}

function table(head: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.map((c) => (typeof c === 'number' ? String(c) : mdText(c)) || ' ').join(' | ')} |`;
  return [line(head), `|${head.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n');
}

const checklist = (rows: ChecklistRow[], first: string) =>
  table(['序号', first, '责任人', '完成时限', '备注'], rows.map((r, i) => [i + 1, r.item, r.owner, r.deadline, r.note]));

function sectionMd(s: ProposalSection): string {
  const parts = [
    `## ${s.rank}. ${mdText(s.title)}`,
    [
      `- 关键词：${mdText(s.keywords.join('、') || '—')}`,
      `- 地点：${mdText(s.places.join('、') || '—')}`,
      `- 类别：${mdText(s.categories.join('、') || '—')}`,
      `- 建议牵头部门：${mdText(s.leadDepartment ?? '（待定）')}`,
      `- 本月 ${s.count} 件，${s.reporters} 人反映，热度 ${s.heat}；首次 ${s.first}，最近 ${s.last}`,
      `- 标记：${mdText(s.flags.join('；') || '无')}`,
      `- 受影响最多的网格：${mdText(s.grids.map((g) => `${g.name}（${g.count} 件）`).join('、') || '—')}`,
    ].join('\n'),
    s.monthly.length ? `按月件数：${s.monthly.map((m) => `${m.month} ${m.count}`).join('，')}` : '',
    '### 诉求依据',
    table(['工单/编号', '日期', '诉求内容（已脱敏）'], s.evidence.map((e) => [e.id, e.date, e.text])),
    '### 一方案三清单（草稿）',
    '#### 方案',
    table(['项目', '内容（请填写）'], [['目标', s.plan.goal], ['范围', s.plan.scope], ['时限', s.plan.deadline]]),
    '#### 任务清单',
    checklist(s.tasks, '任务'),
    '#### 责任清单',
    checklist(s.duties, '责任'),
    '#### 政策清单',
    checklist(s.policies, '政策依据'),
  ];
  return parts.filter(Boolean).join('\n\n');
}

export function renderProposalMarkdown(p: MonthlyProposal): string {
  const overview = p.overview.length
    ? table(
        ['排名', '问题', '地点', '件数', '反映人数', '热度', '标记及依据'],
        p.overview.map((r) => [r.rank, r.title, r.places, r.count, r.reporters, r.heat, r.flags.join('；')]),
      )
    : '本月没有诉求。';
  return [
    `# ${p.title}`,
    `范围：${mdText(p.scope)}　　时段：${p.period.from} 至 ${p.period.to}　　本月诉求 ${p.appealsInPeriod} 件`,
    `**方法**　${p.method}`,
    '## 本月问题排行',
    overview,
    ...p.sections.map(sectionMd),
  ].join('\n\n') + '\n';
}
