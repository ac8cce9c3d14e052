// The month's proposal as one self-contained, printable HTML page (A4, print CSS, a page per problem) with its charts
// as inline SVG. Every value is escaped by hono's html template (residents' words are shown as typed, never run).
import { html, raw } from 'hono/html';
import type { ChecklistRow, MonthlyProposal, ProposalSection } from '../../core/insights/monthly-proposal.ts';
import { barsSvg, trendSvg } from './proposal-charts.ts';

type Html = ReturnType<typeof raw>;

const CSS = `
@page { size: A4; margin: 16mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, "Noto Sans CJK SC", "Microsoft YaHei", "WenQuanYi Micro Hei", serif;
  font-size: 10.5pt; line-height: 1.6; color: #111; margin: 0 auto; max-width: 182mm; }
h1 { font-size: 20pt; text-align: center; margin: 0 0 4mm; }
h2 { font-size: 14pt; border-bottom: 1.5pt solid #333; padding-bottom: 1mm; margin-top: 6mm; }
h3 { font-size: 12pt; margin: 4mm 0 2mm; } h4 { font-size: 11pt; margin: 3mm 0 1mm; }
.meta { text-align: center; color: #444; } .method { background: #f5f5f5; padding: 2mm 3mm; border-left: 3pt solid #999; }
table { width: 100%; border-collapse: collapse; margin: 1mm 0 3mm; page-break-inside: auto; }
th, td { border: 0.6pt solid #555; padding: 1mm 1.5mm; vertical-align: top; text-align: left; }
th { background: #eee; } tr { page-break-inside: avoid; } td.blank { min-width: 22mm; }
.chart svg { max-width: 100%; height: auto; } dl { display: grid; grid-template-columns: 28mm 1fr; margin: 0; } dt { color: #444; }
section.problem { page-break-before: always; break-before: page; }
table.overview th { white-space: nowrap; } table.overview td:nth-child(2) { min-width: 30mm; } table.overview td:nth-child(3) { min-width: 20mm; } table.overview td:nth-child(7) { width: 38%; }
@media screen { body { padding: 10mm; } }
`;

const svgOf = (s: string): Html => raw(s); // echarts' own output, made of numbers and our escaped labels

function checklist(rows: ChecklistRow[], first: string) {
  return html`<table><thead><tr><th>序号</th><th>${first}</th><th>责任人</th><th>完成时限</th><th>备注</th></tr></thead><tbody>${rows.map(
    (r, i) => html`<tr><td>${i + 1}</td><td>${r.item}</td><td class="blank">${r.owner}</td><td class="blank">${r.deadline}</td><td>${r.note}</td></tr>`,
  )}</tbody></table>`;
}

function sectionHtml(s: ProposalSection) {
  return html`<section class="problem">
<h2>${s.rank}. ${s.title}</h2>
<dl>
<dt>关键词</dt><dd>${s.keywords.join('、') || '—'}</dd>
<dt>地点</dt><dd>${s.places.join('、') || '—'}</dd>
<dt>类别</dt><dd>${s.categories.join('、') || '—'}</dd>
<dt>建议牵头部门</dt><dd>${s.leadDepartment ?? '（待定）'}</dd>
<dt>本月</dt><dd>${s.count} 件，${s.reporters} 人反映，热度 ${s.heat}；首次 ${s.first}，最近 ${s.last}</dd>
<dt>标记</dt><dd>${s.flags.join('；') || '无'}</dd>
</dl>
${s.monthly.length ? html`<h3>按月件数</h3><div class="chart">${svgOf(trendSvg(s.monthly))}</div>` : ''}
${s.grids.length ? html`<h3>受影响最多的网格</h3><div class="chart">${svgOf(barsSvg(s.grids.slice(0, 8)))}</div>` : ''}
<h3>诉求依据</h3>
<table><thead><tr><th>工单/编号</th><th>日期</th><th>诉求内容（已脱敏）</th></tr></thead><tbody>${s.evidence.map(
    (e) => html`<tr><td>${e.id}</td><td>${e.date}</td><td>${e.text}</td></tr>`,
  )}</tbody></table>
<h3>一方案三清单（草稿）</h3>
<h4>方案</h4>
<table><tbody><tr><th>目标</th><td>${s.plan.goal}</td></tr><tr><th>范围</th><td>${s.plan.scope}</td></tr><tr><th>时限</th><td>${s.plan.deadline}</td></tr></tbody></table>
<h4>任务清单</h4>${checklist(s.tasks, '任务')}
<h4>责任清单</h4>${checklist(s.duties, '责任')}
<h4>政策清单</h4>${checklist(s.policies, '政策依据')}
</section>`;
}

export function renderProposalHtml(p: MonthlyProposal): string {
  const counts = p.overview.slice(0, 10).map((r) => ({ name: r.title, count: r.count }));
  const page = html`<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${p.title}</title><style>${raw(CSS)}</style></head>
<body>
<h1>${p.title}</h1>
<p class="meta">范围：${p.scope}　时段：${p.period.from} 至 ${p.period.to}　本月诉求 ${p.appealsInPeriod} 件</p>
<p class="method"><strong>方法</strong>　${p.method}</p>
<h2>本月问题排行</h2>
${p.overview.length
    ? html`<table class="overview"><thead><tr><th>排名</th><th>问题</th><th>地点</th><th>件数</th><th>反映人数</th><th>热度</th><th>标记及依据</th></tr></thead><tbody>${p.overview.map(
        (r) => html`<tr><td>${r.rank}</td><td>${r.title}</td><td>${r.places}</td><td>${r.count}</td><td>${r.reporters}</td><td>${r.heat}</td><td>${r.flags.join('；')}</td></tr>`,
      )}</tbody></table>
<div class="chart">${svgOf(barsSvg(counts))}</div>`
    : html`<p>本月没有诉求。</p>`}
${p.sections.map(sectionHtml)}
</body></html>
`;
  return String(page);
}
