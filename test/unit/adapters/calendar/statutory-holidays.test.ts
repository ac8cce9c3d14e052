import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { statutoryHolidays } from '../../../../src/adapters/calendar/statutory-holidays.ts';

const dayOf = (names: ReadonlyMap<string, string>, name: string) => [...names].filter(([, n]) => n === name).map(([d]) => d);

describe('the statutory holidays (全国年节及纪念日放假办法, 2025 text) for any year', () => {
  it('gives 2027 its eleven statutory days, lunar festivals included', () => {
    const h = statutoryHolidays(2027);
    expect(h.size).toBe(13);
    expect(dayOf(h, '元旦')).toEqual(['2027-01-01']);
    expect(dayOf(h, '春节')).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']); // 除夕 .. 正月初三
    expect(dayOf(h, '清明')).toEqual(['2027-04-05']);
    expect(dayOf(h, '劳动节')).toEqual(['2027-05-01', '2027-05-02']);
    expect(dayOf(h, '端午')).toEqual(['2027-06-09']);
    expect(dayOf(h, '中秋')).toEqual(['2027-09-15']);
    expect(dayOf(h, '国庆')).toEqual(['2027-10-01', '2027-10-02', '2027-10-03']);
  });

  it("puts 春节 on the package's own 除夕 and 初一..初三 in the years beyond its holiday data", () => {
    for (let y = 2027; y <= 2040; y++) {
      const spring = dayOf(statutoryHolidays(y), '春节');
      expect(spring).toHaveLength(4);
      const [eve, first, second, third] = spring.map((d) => chineseDays.getLunarDate(d));
      expect([eve!.lunarMon, first!.lunarMon, second!.lunarMon, third!.lunarMon]).toEqual([12, 1, 1, 1]);
      expect([first!.lunarDay, second!.lunarDay, third!.lunarDay]).toEqual([1, 2, 3]);
      expect(eve!.lunarYear).toBe(y - 1);
      const duanwu = chineseDays.getLunarDate(dayOf(statutoryHolidays(y), '端午')[0]!);
      expect([duanwu.lunarMon, duanwu.lunarDay, duanwu.isLeap]).toEqual([5, 5, false]);
      const midAutumn = chineseDays.getLunarDate(dayOf(statutoryHolidays(y), '中秋')[0]!);
      expect([midAutumn.lunarMon, midAutumn.lunarDay, midAutumn.isLeap]).toEqual([8, 15, false]);
      // 清明 falls on April 4 or 5 in this century (the sun at 15° ecliptic longitude)
      expect(dayOf(statutoryHolidays(y), '清明')[0]).toMatch(new RegExp(`^${y}-04-0[45]$`));
    }
  });

  it('is an official day off in every year the package has the State Council arrangement for', () => {
    // the 2025 text applies from 2025; 2008-2024 had 春节 初一..初三 (2014 on) and one day of 劳动节
    for (let y = 2008; y <= 2026; y++) {
      if (chineseDays.getHolidaysInRange(`${y}-01-01`, `${y}-12-31`, false).length === 0) continue;
      for (const [date, name] of statutoryHolidays(y)) {
        const newIn2025 = (name === '春节' && chineseDays.getLunarDate(date).lunarMon === 12) || date === `${y}-05-02`;
        if (y < 2025 && newIn2025) continue;
        expect({ date, name, off: !chineseDays.isWorkday(date) }).toEqual({ date, name, off: true });
      }
    }
  });
});
