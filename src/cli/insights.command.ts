// `linli insights hot`: the 每月一题 candidates of a period — the appeals grouped into concrete problems, hottest first,
// with their flags and evidence (src/core/insights). On a file of appeals exported from elsewhere (--data), or on the
// store's tickets (the whole grid, or a subtree with --node) through the same InsightsService the console uses: China-time
// months, the grid's place names and departments, masked evidence.
// Results go to stdout (a Chinese table, or one JSON object with --json), progress and bad lines to stderr.
import { InvalidArgumentError, type Command } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import { action, UsageError, withStore } from './runtime.ts';
import { forTerminal, jsonForTerminal } from './terminal-text.ts';
import { parseAppealTime, readAppealsFile } from '../adapters/insights/appeals-file.ts';
import { findProblems } from '../core/insights/find-problems.ts';
import { LOCAL_MONTHS } from '../core/insights/months.ts';
import { FLAG_ZH, flagInWords } from '../core/insights/monthly-proposal.ts';
import { FIRST_YEAR, isMonth, lastFullMonth, monthPeriod } from '../core/insights/insights-period.ts';
import { categoryName } from '../core/triage/categories.ts';
import type { Appeal, HotReport, Problem } from '../core/insights/insights.types.ts';

export interface HotCommandOptions {
  from: Date;
  to: Date;
  top: number;
  json: boolean;
  departments?: string[];
  places?: string[];
}


function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
}

function monthArg(v: string): string {
  if (!isMonth(v)) throw new InvalidArgumentError(`expected a month as YYYY-MM (01-12), from ${FIRST_YEAR}-01`);
  return v;
}

/** A month of a file: local time, as the file's times are read. */
const localMonth = (v: string) => LOCAL_MONTHS.range(v)[0];

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
  const last = LOCAL_MONTHS.start(newest);
  return LOCAL_MONTHS.start(oldest) < last ? { from: LOCAL_MONTHS.add(last, -1), to: last } : { from: last, to: LOCAL_MONTHS.add(last, 1) };
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

const CN_OFFSET_MS = 8 * 3600_000;
const pad2 = (n: number) => String(n).padStart(2, '0');

/** Days and times as shown: a file's times are local, the store's in China time (the tickets' own days). */
function dates(chinaTime: boolean) {
  const day = (x: Date) => {
    if (chinaTime) return new Date(x.getTime() + CN_OFFSET_MS).toISOString().slice(0, 10);
    return `${x.getFullYear()}-${pad2(x.getMonth() + 1)}-${pad2(x.getDate())}`;
  };
  const time = (x: Date) => (chinaTime ? new Date(x.getTime() + CN_OFFSET_MS).toISOString().slice(11, 16) : `${pad2(x.getHours())}:${pad2(x.getMinutes())}`);
  return { day, stamp: (x: Date) => `${day(x)} ${time(x)}` };
}

/** The report as one JSON-ready object (the shape `--json` prints). */
export function hotJson(r: HotReport) {
  return {
    period: { from: r.period.from.toISOString(), to: r.period.to.toISOString() },
    appealsInPeriod: r.appealsInPeriod,
    appealsRead: r.appealsRead,
    problemsFound: r.problemsFound,
    problems: r.problems.map(({ key: _key, first, last, evidence, ...figures }) => ({
      ...figures,
      first: first.toISOString(),
      last: last.toISOString(),
      evidence: evidence.map((e) => ({ id: e.id, time: e.time.toISOString(), text: e.text, ...(e.ticketId !== undefined ? { ticketId: e.ticketId } : {}) })),
    })),
  };
}

function flagLine(p: Problem): string {
  return p.flagReasons.map(flagInWords).join('；');
}

/** The readable Chinese table; every stored text through the terminal sanitiser. */
export function hotTable(r: HotReport, chinaTime = false): string {
  const { day, stamp } = dates(chinaTime);
  const to = new Date(r.period.to.getTime() - 1);
  const out = [`每月一题候选问题：${day(r.period.from)} 至 ${day(to)}（本期诉求 ${r.appealsInPeriod} 条，连同此前共读取 ${r.appealsRead} 条，归为 ${r.problemsFound ?? r.problems.length} 个问题）`];
  if (!r.problems.length) out.push('本期没有诉求。');
  for (const p of r.problems) {
    const flags = p.flags.length ? `  [${p.flags.map((f) => FLAG_ZH[f]).join('、')}]` : '';
    out.push('');
    out.push(`${String(p.rank).padStart(2)}. ${forTerminal(p.title)}  热度 ${p.heat}  诉求 ${p.count} 条 / ${p.reporters} 人  ${day(p.first)} 至 ${day(p.last)}${flags}`);
    if (p.places.length) out.push(`    地点：${forTerminal(p.places.join('、'))}`);
    out.push(`    关键词：${forTerminal(p.keywords.join('、'))}${p.categories.length ? `   类别：${forTerminal(p.categories.map((c) => categoryName(c)).join('、'))}` : ''}${p.leadDepartment ? `   建议牵头：${forTerminal(p.leadDepartment)}` : ''}`);
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
  printReport(report, o.json, false);
  return report;
}

function printReport(report: HotReport, json: boolean, chinaTime: boolean) {
  console.log(json ? jsonForTerminal(hotJson(report)) : hotTable(report, chinaTime));
}

/** The store's tickets: the whole grid (its roots) or the subtree of `node`; by default the last full month in China time. */
async function hotOnStore(o: { node?: string; month?: string; from?: Date; to?: Date; top: number; json: boolean }) {
  await withStore(async (store) => {
    const [{ GridRouter }, { GridScope }, { createInsights }] = await Promise.all([
      import('../core/grid/routing.ts'),
      import('../core/grid/grid-scope.ts'),
      import('../adapters/insights/create-insights.ts'),
    ]);
    const scope = new GridScope(new GridRouter(store.grid, store.people, store.tickets), store.groups);
    let roots;
    if (o.node) {
      const node = await scope.node(o.node);
      if (!node) throw new UsageError(`no grid node with code ${o.node}`);
      roots = [node];
    } else {
      roots = (await store.grid.all()).filter((n) => n.parentId === null);
      if (!roots.length) throw new UsageError('the grid is empty: import a grid file first (linli grid import FILE)');
    }
    const period = o.from && o.to ? { from: o.from, to: o.to } : monthPeriod(o.month ?? lastFullMonth(new Date()));
    printReport(await createInsights(store, scope).hot({ roots, ...period, top: o.top }), o.json, true);
  });
}

export function registerInsightsCommands(program: Command) {
  const insights = program.command('insights').description('每月一题: the problems residents raise most, with heat, flags and evidence');
  insights
    .command('hot')
    .description(
      'the period\'s problems, hottest first, among the store\'s tickets or a file\'s appeals (--data). Default period: ' +
        'the last full month (China time) for the store; for a file, the month before its newest appeal\'s month. ' +
        'Heat, flags and their thresholds: README, "每月一题 insights"',
    )
    .option('--node <code>', 'on the store: only the tickets of this grid node\'s subtree (default: the whole grid)')
    .option('--data <file>', 'instead of the store\'s tickets, a JSONL of appeals: id, text, time (ISO 8601 or YYYY-MM-DD HH:MM:SS, local), optional user, likes, dislikes, category, place')
    .option('--month <YYYY-MM>', 'the period: one calendar month', monthArg)
    .option('--from <date>', 'the period\'s start (YYYY-MM-DD, local; inclusive); with --to', dateArg)
    .option('--to <date>', 'the period\'s end (exclusive): --from 2019-01-01 --to 2020-01-01 is the year 2019', dateArg)
    .option('--top <n>', 'how many problems to show', positiveInt, 10)
    .option('--departments <list>', 'with --data: departments that can lead (comma-separated, e.g. 城管,供水,市场监管; the store uses its grid\'s)', list)
    .option('--places <list>', 'with --data: place names to keep whole (estates, buildings), comma-separated (the store uses its grid\'s)', list)
    .option('--json', 'print one JSON object instead of the table')
    .action(
      action(async (o: { node?: string; data?: string; month?: string; from?: Date; to?: Date; top: number; json?: boolean; departments?: string[]; places?: string[] }) => {
        if (o.month && (o.from || o.to)) throw new UsageError('give either --month or --from/--to, not both');
        if (!o.from !== !o.to) throw new UsageError('--from and --to go together');
        if (o.from && o.to && o.from >= o.to) throw new UsageError('--from must be before --to');
        if (o.data && o.node) throw new UsageError('--node reads the store; a file (--data) has no grid nodes');
        if (!o.data) return hotOnStore({ ...o, json: !!o.json });
        let file: Awaited<ReturnType<typeof readAppealsFile>>;
        try {
          file = await readAppealsFile(o.data);
        } catch (e) {
          throw new UsageError(`cannot read ${o.data}: ${(e as Error).message}`);
        }
        for (const b of file.bad.slice(0, 20)) console.error(`${o.data}:${b.line}: skipped: ${b.error}`);
        if (file.bad.length > 20) console.error(`… and ${file.bad.length - 20} more bad lines`);
        if (!file.appeals.length) throw new UsageError(`${o.data} has no usable appeal${file.bad.length ? ` (${file.bad.length} bad lines)` : ''}`);
        const period = o.month ? { from: localMonth(o.month), to: LOCAL_MONTHS.add(localMonth(o.month), 1) } : o.from && o.to ? { from: o.from, to: o.to } : defaultPeriod(file.appeals);
        await printHot(file.appeals, { ...period, top: o.top, json: !!o.json, departments: o.departments, places: o.places });
      }),
    );
}
