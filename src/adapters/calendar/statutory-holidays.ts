// The statutory public holidays of one year (国务院《全国年节及纪念日放假办法》, as amended 2024-11, in force 2025):
// the days off that do not depend on the State Council's yearly arrangement. Lunar dates come from `chinese-days`.
import chineseDays from 'chinese-days';
import { boundedMemo } from '../../core/util/memo.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The Gregorian date of a lunar month/day in the lunar year that starts in `year` (the month itself, not its leap twin). */
const lunarDay = (year: number, month: number, day: number) => chineseDays.getSolarDateFromLunar(`${year}-${pad(month)}-${pad(day)}`).date;

/**
 * Date (YYYY-MM-DD) → holiday name for the statutory days of a Gregorian year: 元旦 Jan 1; 春节 4 days, 农历除夕 to
 * 正月初三; 清明 on the 清明 solar term; 劳动节 May 1–2; 端午 五月初五; 中秋 八月十五; 国庆 Oct 1–3. No 调休: make-up
 * working days exist only in the yearly arrangement.
 */
export const statutoryHolidays = boundedMemo((year: number): ReadonlyMap<string, string> => {
  const days = new Map<string, string>();
  const add = (date: string, name: string) => {
    if (!days.has(date)) days.set(date, name);
  };
  add(`${year}-01-01`, '元旦');
  const newYear = lunarDay(year, 1, 1); // 正月初一 is always in late January or February: its eve is in the same year
  for (let i = -1; i <= 2; i++) add(shift(newYear, i), '春节');
  add(chineseDays.getSolarTermDate(year, 4, 'pure_brightness'), '清明');
  add(`${year}-05-01`, '劳动节');
  add(`${year}-05-02`, '劳动节');
  add(lunarDay(year, 5, 5), '端午');
  add(lunarDay(year, 8, 15), '中秋');
  for (const d of ['10-01', '10-02', '10-03']) add(`${year}-${d}`, '国庆');
  return new Map([...days].sort(([a], [b]) => a.localeCompare(b)));
}, 200);
