// The month's proposal (每月一题 建议) as a document model built from a HotReport: the overview table, a section per
// chosen problem, and the 一方案三清单 skeleton (plan, task, responsibility and policy lists) whose owners and deadlines
// are left for people to fill. Pure: the Markdown and HTML renderers (adapters) only lay it out.
import { chinaDate } from '../sla/deadlines.ts';
import { categoryName } from '../triage/categories.ts';
import { addMonths, monthPeriod } from './insights-period.ts';
import type { FlagReason, HotReport, Problem, ProblemFlag } from './insights.types.ts';

export const FLAG_ZH: Record<ProblemFlag, string> = { rising: '上升', new: '新出现', seasonal: '季节性', persistent: '持续' };

/** How the problems were found and scored, in one paragraph (README states the same method with its thresholds). */
export const METHOD_ZH =
  '本建议由邻里助手根据本辖区工单（群众诉求）自动生成：先按诉求文字与地点把同一件事归并为具体问题（同一楼栋的同一设施、同一处噪声源），' +
  '再按“热度”排序——不同反映人数权重最高（同一人 30 天内相近的诉求只算一次），附议、同问与并入的重复工单次之。' +
  '标记的含义：“上升”指本月件数相对此前各月显著突增（突发检验），“新出现”指此前各月没有同类诉求，' +
  '“季节性”指往年同月也出现过，“持续”指连续 3 个月以上反复出现或仍有工单未办结。每个标记所依据的数字列在表中，供研判时核对。';

/** One row of a list of 一方案三清单: what to do, by whom, by when (blank = for people to fill). */
export interface ChecklistRow {
  item: string;
  owner: string;
  deadline: string;
  note: string;
}

export interface ProposalOverviewRow {
  rank: number;
  title: string;
  places: string;
  count: number;
  reporters: number;
  heat: number;
  /** Each flag in Chinese with the figures that made it ("上升（本月 6 件，此前月均 1.2 件）"). */
  flags: string[];
}

export interface ProposalSection {
  rank: number;
  title: string;
  keywords: string[];
  places: string[];
  /** Category names in Chinese. */
  categories: string[];
  leadDepartment?: string;
  count: number;
  reporters: number;
  heat: number;
  flags: string[];
  first: string;
  last: string;
  grids: { name: string; count: number }[];
  /** Appeals per month, oldest first (the trend chart). */
  monthly: { month: string; count: number }[];
  evidence: { id: string; date: string; text: string }[];
  plan: { goal: string; scope: string; deadline: string };
  tasks: ChecklistRow[];
  duties: ChecklistRow[];
  policies: ChecklistRow[];
}

export interface MonthlyProposal {
  month: string;
  /** 「2026年11月 每月一题 建议」 */
  title: string;
  /** The part of the grid it covers (a street's name, or the whole grid's). */
  scope: string;
  period: { from: string; to: string };
  method: string;
  appealsInPeriod: number;
  overview: ProposalOverviewRow[];
  sections: ProposalSection[];
}

export interface ProposalOptions {
  month: string;
  scope: string;
  /** Problems given a section (default 3); the overview lists every problem of the report. */
  chosen?: number;
  /** A grid node's name by id (the grids most affected). */
  nodeName?: (id: number) => string | undefined;
}

/** 「2026年11月」 */
export function monthZh(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${y}年${m}月`;
}

const BLANK = '';

/** A figure as people read it: two decimals, or two significant digits for a small probability. */
const fmt = (v: number | string | undefined) =>
  typeof v !== 'number' || Number.isInteger(v) ? String(v) : Math.abs(v) < 0.01 ? Number(v.toPrecision(2)).toString() : Number(v.toFixed(2)).toString();

/**
 * A flag in words: its name and the engine's reason, which states the figures that made it in Chinese (the console,
 * `linli insights hot` and this report say the same thing); the raw figures when the engine gives no reason.
 */
export function flagInWords(r: FlagReason): string {
  const why = r.reason.trim() || Object.entries(r.figures).map(([k, v]) => `${k} ${fmt(v)}`).join('；');
  return why ? `${FLAG_ZH[r.flag]}（${why}）` : FLAG_ZH[r.flag];
}

function flagsOf(p: Problem): string[] {
  const reasons = new Map(p.flagReasons.map((r) => [r.flag, r]));
  return p.flags.map((f) => (reasons.has(f) ? flagInWords(reasons.get(f)!) : FLAG_ZH[f]));
}

/** Policies a street office usually looks up for a category (a starting point: the office checks and completes them). */
const POLICY_HINTS: Record<string, string[]> = {
  facility_repair: ['《物业管理条例》关于共用部位、共用设施设备维修养护的规定', '住宅专项维修资金使用办法'],
  property_service: ['《物业管理条例》及本省物业管理条例', '物业服务合同约定的服务标准'],
  noise: ['《中华人民共和国噪声污染防治法》', '本市关于社会生活噪声、装修作业时段的规定'],
  sanitation: ['本市生活垃圾分类管理条例', '本市市容和环境卫生管理规定'],
  parking_traffic: ['《中华人民共和国道路交通安全法》及本市停车管理办法', '小区停车位规划、配建与收费的规定'],
  fire_safety: ['《中华人民共和国消防法》', '电动自行车停放充电、消防通道管理的规定'],
  utilities: ['供水、供电、燃气的服务规范与抢修时限', '二次供水设施管理的规定'],
  greening: ['本市城市绿化管理条例'],
  public_security: ['《中华人民共和国治安管理处罚法》'],
  neighbour_dispute: ['《人民调解法》及本地矛盾纠纷多元化解的规定'],
};

function section(p: Problem, month: string, nodeName: (id: number) => string | undefined): ProposalSection {
  const grids = p.grids.map((g) => ({ name: nodeName(g.gridNodeId) ?? `网格 ${g.gridNodeId}`, count: g.count }));
  const places = p.places.length ? p.places : grids.map((g) => g.name);
  const where = places.join('、') || '相关区域';
  const endOfNext = chinaDate(new Date(monthPeriod(addMonths(month, 1)).to.getTime() - 1));
  const tasks: ChecklistRow[] = [
    { item: `现场核查${where}，查清问题原因与涉及范围`, owner: BLANK, deadline: BLANK, note: `本月诉求 ${p.count} 件` },
    { item: `对本月 ${p.count} 件诉求（${p.reporters} 位反映人）逐一答复、回访`, owner: BLANK, deadline: BLANK, note: BLANK },
    { item: '制定整改措施并组织实施（明确经费与施工/处置单位）', owner: BLANK, deadline: BLANK, note: BLANK },
    { item: '建立长效机制，防止同类问题反复发生', owner: BLANK, deadline: BLANK, note: BLANK },
  ];
  const duties: ChecklistRow[] = [
    { item: '牵头单位', owner: p.leadDepartment ?? BLANK, deadline: BLANK, note: p.leadDepartment ? '按诉求分类建议，请确认' : BLANK },
    { item: '配合单位', owner: BLANK, deadline: BLANK, note: BLANK },
    ...grids.slice(0, 3).map((g) => ({ item: `属地网格：${g.name}（${g.count} 件）`, owner: BLANK, deadline: BLANK, note: '现场核查与回访' })),
    { item: '分管领导', owner: BLANK, deadline: BLANK, note: '督办' },
  ];
  const policies: ChecklistRow[] = [
    ...[...new Set(p.categories.flatMap((c) => POLICY_HINTS[c] ?? []))].map((item) => ({ item, owner: BLANK, deadline: BLANK, note: '请核对适用条款' })),
    { item: '（其他政策依据）', owner: BLANK, deadline: BLANK, note: BLANK },
  ];
  return {
    rank: p.rank,
    title: p.title,
    keywords: p.keywords,
    places,
    categories: p.categories.map((c) => categoryName(c)),
    leadDepartment: p.leadDepartment,
    count: p.count,
    reporters: p.reporters,
    heat: p.heat,
    flags: flagsOf(p),
    first: chinaDate(p.first),
    last: chinaDate(p.last),
    grids,
    monthly: p.monthly,
    evidence: p.evidence.map((e) => ({ id: e.id, date: chinaDate(e.time), text: e.text })),
    plan: {
      goal: `“${p.title}”得到解决、不再反复，同类诉求明显减少：（待填写）`,
      scope: `${where}${grids.length ? `（${grids.map((g) => g.name).join('、')}）` : ''}：（待填写）`,
      deadline: `${endOfNext} 前完成整改：（待填写）`,
    },
    tasks,
    duties,
    policies,
  };
}

/** The month's proposal from the month's HotReport (problems ranked by heat). */
export function buildMonthlyProposal(report: HotReport, o: ProposalOptions): MonthlyProposal {
  const nodeName = o.nodeName ?? (() => undefined);
  const chosen = o.chosen ?? 3;
  return {
    month: o.month,
    title: `${monthZh(o.month)} 每月一题 建议`,
    scope: o.scope,
    period: { from: chinaDate(report.period.from), to: chinaDate(new Date(report.period.to.getTime() - 1)) },
    method: METHOD_ZH,
    appealsInPeriod: report.appealsInPeriod,
    overview: report.problems.map((p) => ({
      rank: p.rank,
      title: p.title,
      places: p.places.join('、'),
      count: p.count,
      reporters: p.reporters,
      heat: p.heat,
      flags: flagsOf(p),
    })),
    sections: report.problems.slice(0, chosen).map((p) => section(p, o.month, nodeName)),
  };
}
