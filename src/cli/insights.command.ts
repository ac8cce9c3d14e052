// `linli insights hot`: the 每月一题 candidates of a period — the appeals grouped into concrete problems, hottest first,
// with their flags and evidence (src/core/insights). On a file of appeals exported from elsewhere (--data); the store
// mode (all tickets, a grid subtree) builds its Appeal[] and calls printHot the same way.
// Results go to stdout (a Chinese table, or one JSON object with --json), progress and bad lines to stderr.
import { InvalidArgumentError, type Command } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import { action, UsageError } from './runtime.ts';
import { forTerminal, jsonForTerminal } from './terminal-text.ts';
import { parseAppealTime, readAppealsFile } from '../adapters/insights/appeals-file.ts';
import { findProblems } from '../core/insights/find-problems.ts';
import { addMonths, monthStart } from '../core/insights/flags.ts';
import type { Appeal, HotReport, Problem, ProblemFlag } from '../core/insights/insights.types.ts';

export interface HotCommandOptions {
  from: Date;
  to: Date;
  top: number;
  json: boolean;
  departments?: string[];
  places?: string[];
}

const FLAG_NAMES: Record<ProblemFlag, string> = { rising: '上升', new: '新出现', seasonal: '季节性', persistent: '持续' };

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
}

function monthArg(v: string): Date {
  const m = /^(\d{4})-(\d{2})$/.exec(v);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new InvalidArgumentError('expected a month as YYYY-MM');
  return new Date(Number(m[1]), Number(m[2]) - 1, 1);
}

function dateArg(v: string): Date {
  const t = parseAppealTime(v);
  if (!t) throw new InvalidArgumentError('expected a date (YYYY-MM-DD, local time) or an ISO 8601 time');
  return t;
}

const list = (v: string): string[] => v.split(/[,，、]/).map((s) => s.trim()).filter(Boolean);

/** The default period: the last full month of the data — the month before the newest appeal's (or that month if it is the only one). */
export function defaultPeriod(appeals: readonly Appeal[]): { from: Date; to: Date } {
  let newest = appeals[0]!.time;
  let oldest = appeals[0]!.time;
  for (const a of appeals) {
    if (a.time > newest) newest = a.time;
    if (a.time < oldest) oldest = a.time;
  }
  const last = monthStart(newest);
  return monthStart(oldest) < last ? { from: addMonths(last, -1), to: last } : { from: last, to: addMonths(last, 1) };
}

function progressBar(): { update(stage: string, done: number, total: number): void; stop(): void } {
  const bar = new SingleBar({ format: '{stage} [{bar}] {percentage}% | {value}/{total}', stream: process.stderr, hideCursor: true }, Presets.shades_classic);
  let started = false;
  return {
    update(stage, done, total) {
      if (!started) {
        bar.start(total, done, { stage });
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(done, { stage });
      }
    },
    stop: () => started && bar.stop(),
  };
}

const day = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const stamp = (d: Date) => `${day(d)} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;

/** The report as one JSON-ready object (the shape `--json` prints). */
export function hotJson(r: HotReport) {
  return {
    period: { from: r.period.from.toISOString(), to: r.period.to.toISOString() },
    appealsInPeriod: r.appealsInPeriod,
    appealsRead: r.appealsRead,
    problemsFound: r.problemsFound,
    problems: r.problems.map((p) => ({
      rank: p.rank,
      title: p.title,
      keywords: p.keywords,
      places: p.places,
      categories: p.categories,
      count: p.count,
      reporters: p.reporters,
      counted: p.counted,
      support: p.support,
      heat: p.heat,
      flags: p.flags,
      flagReasons: p.flagReasons,
      first: p.first.toISOString(),
      last: p.last.toISOString(),
      history: p.history,
      leadDepartment: p.leadDepartment,
      monthly: p.monthly,
      grids: p.grids,
      evidence: p.evidence.map((e) => ({ id: e.id, time: e.time.toISOString(), text: e.text, ...(e.ticketId !== undefined ? { ticketId: e.ticketId } : {}) })),
    })),
  };
}

function flagLine(p: Problem): string {
  return p.flagReasons
    .map((f) => {
      const x = f.figures;
      if (f.flag === 'rising') return `上升（本期 ${x.count} 条，前 ${x.windows} 期平均 ${x.previousMean}，泊松 p=${x.p}）`;
      if (f.flag === 'new') return `新出现（此前 ${x.windowsRead} 期无同类诉求）`;
      if (f.flag === 'seasonal') return `季节性（${x.yearsBack} 年前同期 ${x.thenCount} 条，其他月份平均 ${x.otherMean}）`;
      return Number(x.openTickets) > 0 ? `持续（${x.openTickets} 件工单未办结）` : `持续（连续 ${x.consecutiveMonths} 个月有诉求）`;
    })
    .join('；');
}

/** The readable Chinese table; every stored text through the terminal sanitiser. */
export function hotTable(r: HotReport): string {
  const to = new Date(r.period.to.getTime() - 1);
  const out = [`每月一题候选问题：${day(r.period.from)} 至 ${day(to)}（本期诉求 ${r.appealsInPeriod} 条，连同此前共读取 ${r.appealsRead} 条，归为 ${r.problemsFound ?? r.problems.length} 个问题）`];
  if (!r.problems.length) out.push('本期没有诉求。');
  for (const p of r.problems) {
    const flags = p.flags.length ? `  [${p.flags.map((f) => FLAG_NAMES[f]).join('、')}]` : '';
    out.push('');
    out.push(`${String(p.rank).padStart(2)}. ${forTerminal(p.title)}  热度 ${p.heat}  诉求 ${p.count} 条 / ${p.reporters} 人  ${day(p.first)} 至 ${day(p.last)}${flags}`);
    if (p.places.length) out.push(`    地点：${forTerminal(p.places.join('、'))}`);
    out.push(`    关键词：${forTerminal(p.keywords.join('、'))}${p.categories.length ? `   类别：${forTerminal(p.categories.join('、'))}` : ''}${p.leadDepartment ? `   建议牵头：${forTerminal(p.leadDepartment)}` : ''}`);
    if (p.flagReasons.length) out.push(`    标记依据：${flagLine(p)}`);
    for (const e of p.evidence.slice(0, 3)) {
      const text = forTerminal(e.text).replace(/\s+/g, ' ').trim();
      out.push(`    · ${forTerminal(e.id)} ${stamp(e.time)} ${text.length > 60 ? `${text.slice(0, 60)}…` : text}`);
    }
  }
  return out.join('\n');
}

/** Finds and prints the period's problems among `appeals` (the file mode's and the store mode's common end). */
export async function printHot(appeals: readonly Appeal[], o: HotCommandOptions): Promise<HotReport> {
  const { createJiebaSegmenter } = await import('../adapters/insights/jieba.segmenter.ts');
  const segmenter = await createJiebaSegmenter();
  const bar = progressBar();
  const stages = { segment: '分词', cluster: '聚类' };
  let report: HotReport;
  try {
    report = findProblems(appeals, { from: o.from, to: o.to, top: o.top, departments: o.departments, places: o.places, progress: (s, d, t) => bar.update(stages[s], d, t) }, segmenter);
  } finally {
    bar.stop();
  }
  console.log(o.json ? jsonForTerminal(hotJson(report)) : hotTable(report));
  return report;
}

export function registerInsightsCommands(program: Command) {
  const insights = program.command('insights').description('每月一题: the problems residents raise most, with heat, flags and evidence');
  insights
    .command('hot')
    .description(
      'the period\'s problems, hottest first. Default period: the last full month of the data (the month before the ' +
        'newest appeal\'s month). Heat, flags and their thresholds: README, "每月一题 insights"',
    )
    .option('--data <file>', 'JSONL of appeals: id, text, time (ISO 8601 or YYYY-MM-DD HH:MM:SS, local), optional user, likes, dislikes, category, place')
    .option('--month <YYYY-MM>', 'the period: one calendar month', monthArg)
    .option('--from <date>', 'the period\'s start (YYYY-MM-DD, local; inclusive); with --to', dateArg)
    .option('--to <date>', 'the period\'s end (exclusive): --from 2019-01-01 --to 2020-01-01 is the year 2019', dateArg)
    .option('--top <n>', 'how many problems to show', positiveInt, 10)
    .option('--departments <list>', 'departments that can lead (comma-separated, e.g. 城管,供水,市场监管): suggests a lead per problem', list)
    .option('--places <list>', 'place names to keep whole (estates, buildings), comma-separated', list)
    .option('--json', 'print one JSON object instead of the table')
    .action(
      action(async (o: { data?: string; month?: Date; from?: Date; to?: Date; top: number; json?: boolean; departments?: string[]; places?: string[] }) => {
        if (!o.data) throw new UsageError('--data FILE.jsonl is required for now (insights over the store\'s tickets are not available yet)');
        if (o.month && (o.from || o.to)) throw new UsageError('give either --month or --from/--to, not both');
        if (!o.from !== !o.to) throw new UsageError('--from and --to go together');
        if (o.from && o.to && o.from >= o.to) throw new UsageError('--from must be before --to');
        let file: Awaited<ReturnType<typeof readAppealsFile>>;
        try {
          file = await readAppealsFile(o.data);
        } catch (e) {
          throw new UsageError(`cannot read ${o.data}: ${(e as Error).message}`);
        }
        for (const b of file.bad.slice(0, 20)) console.error(`${o.data}:${b.line}: skipped: ${b.error}`);
        if (file.bad.length > 20) console.error(`… and ${file.bad.length - 20} more bad lines`);
        if (!file.appeals.length) throw new UsageError(`${o.data} has no usable appeal${file.bad.length ? ` (${file.bad.length} bad lines)` : ''}`);
        const period = o.month ? { from: o.month, to: addMonths(o.month, 1) } : o.from && o.to ? { from: o.from, to: o.to } : defaultPeriod(file.appeals);
        await printHot(file.appeals, { ...period, top: o.top, json: !!o.json, departments: o.departments, places: o.places });
      }),
    );
}
