// Flags of a problem, each with the figures that made it. "History" is the appeals before the period that the
// clustering assigned to the problem. Windows: the period shifted back by its own length (whole months when the
// period is whole months, else its length in days). A window is *covered* when every month it touches holds at
// least a fifth of the median month's appeals (all problems): a file that starts in 2019-01 says nothing about
// 2018-12, even if three stray appeals are from 2018.
//
// - rising: k = the period's appeals, λ = max(0.5, mean count in the previous covered windows, at most 6, at least 2);
//   Poisson tail p = P(X ≥ k | λ); rising when k ≥ 3 and p < 0.01.
// - new: no history appeal, with at least 2 covered windows before the period.
// - seasonal: the same window one, two or three years back (covered) had ≥ 2 appeals, and at least twice the
//   problem's mean per window over the covered history outside those windows.
// - persistent: an open ticket among the problem's appeals (unless the problem is new: first seen in the period), or
//   appeals in each of 3+ consecutive months up to the period's last month.
import type { FlagReason } from './insights.types.ts';
import type { MonthCalendar } from './months.ts';

export const RISING_P = 0.01;
export const RISING_MIN_COUNT = 3;
export const LAMBDA_FLOOR = 0.5;
export const RISING_WINDOWS = 6;
export const MIN_HISTORY_WINDOWS = 2;
export const SEASONAL_MIN = 2;
export const SEASONAL_RATIO = 2;
export const PERSISTENT_MONTHS = 3;

/** P(X ≥ k) for X ~ Poisson(λ); above the mean summed upward from k in log space (no 1 − cdf rounding to 0). */
export function poissonTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (k <= lambda) {
    let term = Math.exp(-lambda);
    let cdf = term;
    for (let i = 1; i < k; i++) {
      term *= lambda / i;
      cdf += term;
    }
    return Math.max(0, 1 - cdf);
  }
  let logFact = 0;
  for (let i = 2; i <= k; i++) logFact += Math.log(i);
  let term = Math.exp(-lambda + k * Math.log(lambda) - logFact);
  let sum = 0;
  for (let i = k; term > sum * 1e-17 && i < k + 10_000; i++) {
    sum += term;
    term *= lambda / (i + 1);
  }
  return sum;
}

export interface Windows {
  /** The period shifted back by i lengths, i = 1, 2, …; and by y years. */
  back(i: number): [Date, Date];
  yearsBack(y: number): [Date, Date];
  covered(w: [Date, Date]): boolean;
}

/** The windows of a period over history whose monthly totals (all appeals) are `totals`. */
export function periodWindows(from: Date, to: Date, totals: ReadonlyMap<string, number>, cal: MonthCalendar): Windows {
  const wholeMonths = from.getTime() === cal.start(from).getTime() && to.getTime() === cal.start(to).getTime();
  const months = wholeMonths ? cal.between(from, to).length : 0;
  const ms = to.getTime() - from.getTime();
  const nonzero = [...totals.values()].filter((n) => n > 0).sort((a, b) => a - b);
  const median = nonzero.length ? nonzero[Math.floor(nonzero.length / 2)]! : 0;
  return {
    back: (i) => (wholeMonths ? [cal.add(from, -i * months), cal.add(to, -i * months)] : [new Date(from.getTime() - i * ms), new Date(to.getTime() - i * ms)]),
    yearsBack: (y) => [cal.add(from, -12 * y), cal.add(to, -12 * y)],
    covered: ([a, b]) => median > 0 && cal.between(a, b).every((m) => (totals.get(m) ?? 0) * 5 >= median),
  };
}

export interface FlagInput {
  from: Date;
  to: Date;
  /** Times of the problem's appeals in the period and before it. */
  periodCount: number;
  history: readonly Date[];
  /** The problem's appeals per month, history and period. */
  monthly: ReadonlyMap<string, number>;
  openTickets: number;
  windows: Windows;
  /** The months the period, the history and `monthly` are counted in. */
  calendar: MonthCalendar;
}

function countIn(times: readonly Date[], [a, b]: [Date, Date]): number {
  let n = 0;
  for (const t of times) if (t >= a && t < b) n++;
  return n;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;
/** A mean count per period as the reasons say it, one format for all of them: 平均每期 1.0 条. */
const perPeriod = (x: number) => x.toFixed(1);

/** A small probability as a street office reads it: 不到百分之一 / 千分之一 / 万分之一 / 十万分之一 / 百万分之一. */
export function chanceInWords(p: number): string {
  const steps: [number, string][] = [[1e-6, '百万'], [1e-5, '十万'], [1e-4, '万'], [1e-3, '千'], [1e-2, '百']];
  for (const [limit, name] of steps) if (p < limit) return `不到${name}分之一`;
  return `约 ${(p * 100).toFixed(0)}%`;
}

export function flagsOf(f: FlagInput): FlagReason[] {
  const out: FlagReason[] = [];
  const k = f.periodCount;
  const previous: number[] = [];
  for (let i = 1; i <= RISING_WINDOWS; i++) {
    const w = f.windows.back(i);
    if (!f.windows.covered(w)) break;
    previous.push(countIn(f.history, w));
  }
  if (previous.length >= MIN_HISTORY_WINDOWS) {
    const mean = previous.reduce((s, n) => s + n, 0) / previous.length;
    const lambda = Math.max(LAMBDA_FLOOR, mean);
    const p = poissonTail(k, lambda);
    if (k >= RISING_MIN_COUNT && p < RISING_P) {
      out.push({
        flag: 'rising',
        // in words a street office reads; the test itself (Poisson tail, λ, p) stays in the figures
        reason: `本期 ${k} 条，此前 ${previous.length} 期平均每期 ${perPeriod(mean)} 条，明显增多（按往期水平，偶然多到 ${k} 条的可能${chanceInWords(p)}）`,
        figures: { count: k, previousMean: r3(mean), lambda: r3(lambda), windows: previous.length, p: Number(p.toPrecision(3)), threshold: RISING_P },
      });
    }
    if (f.history.length === 0) {
      out.push({
        flag: 'new',
        reason: `此前 ${previous.length} 期都没有同类诉求`,
        figures: { historyAppeals: 0, windowsRead: previous.length },
      });
    }
  }
  const cal = f.calendar;
  const historyMonths = [...f.monthly.entries()].filter(([m]) => m < cal.key(f.from));
  for (let y = 1; y <= 3; y++) {
    const w = f.windows.yearsBack(y);
    if (!f.windows.covered(w)) continue;
    const then = countIn(f.history, w);
    const inWindow = new Set(cal.between(w[0], w[1]));
    const windowMonths = Math.max(1, inWindow.size);
    const others = historyMonths.filter(([m]) => !inWindow.has(m) && f.windows.covered(cal.range(m)));
    const otherMean = others.length ? (others.reduce((s, [, n]) => s + n, 0) / others.length) * windowMonths : 0;
    if (then >= SEASONAL_MIN && then >= SEASONAL_RATIO * otherMean) {
      out.push({
        flag: 'seasonal',
        reason: `${y} 年前同期 ${then} 条，其他月份平均每期 ${perPeriod(otherMean)} 条`,
        figures: { yearsBack: y, thenCount: then, otherMean: r3(otherMean), from: cal.key(w[0]) },
      });
      break;
    }
  }
  let run = 0;
  for (let m = cal.start(new Date(f.to.getTime() - 1)); (f.monthly.get(cal.key(m)) ?? 0) > 0; m = cal.add(m, -1)) run++;
  // a problem first seen in this period is new, not persistent, however many of its tickets are still open
  const isNew = out.some((r) => r.flag === 'new');
  if ((f.openTickets > 0 && !isNew) || run >= PERSISTENT_MONTHS) {
    out.push({
      flag: 'persistent',
      // both said when both hold: the months show how long, the open tickets that it is not yet dealt with
      reason: [run >= PERSISTENT_MONTHS ? `连续 ${run} 个月都有诉求` : '', f.openTickets > 0 ? `${f.openTickets} 件工单尚未办结` : ''].filter(Boolean).join('，'),
      figures: { openTickets: f.openTickets, consecutiveMonths: run },
    });
  }
  return out;
}
