// The 每月一题 engine on appeals written here, segmented by the real jieba segmenter: problems (not categories), heat,
// each flag firing and not firing with its figures, the lead department, and a seeded partition property.
import { beforeAll, describe, expect, it } from 'vitest';
import { createJiebaSegmenter } from '../../../../src/adapters/insights/jieba.segmenter.ts';
import { findProblems } from '../../../../src/core/insights/find-problems.ts';
import { leadDepartment } from '../../../../src/core/insights/lead-department.ts';
import { chanceInWords, poissonTail } from '../../../../src/core/insights/flags.ts';
import type { Appeal, HotOptions, Problem, Segmenter } from '../../../../src/core/insights/insights.types.ts';
import { generateAppeals } from '../../../support/appeals.ts';

let seg: Segmenter;
beforeAll(async () => {
  seg = await createJiebaSegmenter();
});

const at = (y: number, m: number, d = 10, h = 12) => new Date(y, m - 1, d, h);
const month = (y: number, m: number): Pick<HotOptions, 'from' | 'to'> => ({ from: new Date(y, m - 1, 1), to: new Date(y, m, 1) });
let n = 0;
const ap = (text: string, time: Date, more: Partial<Appeal> = {}): Appeal => ({ id: `a${++n}`, text, time, user: `r${n}`, ...more });

/** Unrelated appeals in every month from..to (so that the data covers those months), none about 广场舞 or 电动车. */
function background(fromY: number, fromM: number, months: number, perMonth = 12): Appeal[] {
  const out: Appeal[] = [];
  for (let k = 0; k < months; k++) {
    const from = new Date(fromY, fromM - 1 + k, 1);
    out.push(...generateAppeals(perMonth, from, new Date(fromY, fromM + k, 1), 100 + k, 60).map((a) => ({ ...a, id: `bg${k}-${a.id}` })));
  }
  return out;
}

const withKeyword = (ps: Problem[], word: string) => ps.filter((p) => p.title.includes(word) || p.keywords.includes(word));

describe('problems, not categories', () => {
  it('puts the same problem worded differently at one place into one problem, and the same words at two estates into two', () => {
    const period = month(2024, 6);
    const appeals = [
      ...background(2024, 6, 1, 40),
      ap('翠微苑小区旁边的搅拌站晚上轰鸣，根本睡不着', at(2024, 6, 3)),
      ap('投诉翠微苑附近搅拌站噪音扰民，运渣车半夜还在跑', at(2024, 6, 5)),
      ap('翠微苑边上新建搅拌站，粉尘大噪音大，孩子都咳嗽', at(2024, 6, 9)),
      ap('反映翠微苑搅拌站夜间施工噪音问题', at(2024, 6, 12)),
      ap('桂花园小区楼下烧烤店油烟直排，窗户都不敢开', at(2024, 6, 4)),
      ap('桂花园一楼烧烤店油烟太大，气味呛人', at(2024, 6, 8)),
      ap('桂花园烧烤油烟扰民严重', at(2024, 6, 15)),
      ap('金桔苑小区楼下烧烤店油烟直排，窗户都不敢开', at(2024, 6, 6)),
      ap('金桔苑一楼烧烤店油烟太大，气味呛人', at(2024, 6, 9)),
      ap('金桔苑烧烤油烟扰民严重', at(2024, 6, 18)),
    ];
    const r = findProblems(appeals, { ...period, top: 100 }, seg);
    const mixer = r.problems.filter((p) => p.places.includes('翠微苑'));
    expect(mixer).toHaveLength(1);
    expect(mixer[0]!.count).toBe(4);
    expect(mixer[0]!.keywords).toContain('搅拌站');
    expect(mixer[0]!.title).toMatch(/^翠微苑搅拌站问题/);
    // the same words at two estates: two problems, each of its own estate only
    const smoke = r.problems.filter((p) => p.evidence.some((e) => /^(桂花园|金桔苑)/.test(e.text)));
    expect(smoke.map((p) => [p.places[0], p.count]).sort()).toEqual([['桂花园', 3], ['金桔苑', 3]]);
    expect(withKeyword(smoke, '油烟')).toHaveLength(2);
  });

  it('does not glue unrelated appeals that share only 小区, 问题 and 希望', () => {
    const period = month(2024, 6);
    const appeals = [
      ...background(2024, 6, 1, 30),
      ap('希望领导重视小区的问题：电梯经常坏，老人被困', at(2024, 6, 2)),
      ap('希望领导重视小区的问题：垃圾没人清运，臭气熏天', at(2024, 6, 3)),
      ap('反映小区的问题：消防通道被私家车堵死', at(2024, 6, 4)),
      ap('反映小区问题，希望解决：路灯一个月不亮', at(2024, 6, 5)),
    ];
    const r = findProblems(appeals, { ...period, top: 1000 }, seg);
    const ids = appeals.slice(-4).map((a) => a.id);
    const holding = ids.map((id) => r.problems.findIndex((p) => p.evidence.some((e) => e.id === id)));
    expect(holding.every((k) => k >= 0)).toBe(true);
    expect(new Set(holding).size).toBe(4);
  });

  it("groups a small grid's appeals that are all about one lift: a word in every appeal of a short history still counts", () => {
    // one grid's history: eight appeals, every one names 电梯 and the building (ln(N/df) would weigh both 0)
    const texts = ['5号楼电梯又坏了，老人上不去', '5号楼电梯停运三天了，老人下不来', '5号楼电梯故障困人，太危险了', '5号楼电梯经常坏，希望彻底维修',
      '5号楼电梯还是没修好，每天爬楼', '5号楼电梯又坏了，有事打我电话', '5号楼电梯坏了，老人上下楼不方便', '5号楼电梯又停了，请物业修一下'];
    const appeals = texts.map((t, i) => ap(t, at(2024, i < 6 ? 6 : 4 + i - 6, 3 + i), { place: '东园小区5号楼' }));
    const r = findProblems(appeals, { ...month(2024, 6), places: ['东园小区5号楼'] }, seg);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ count: 6 });
    expect(r.problems[0]!.keywords).toContain('电梯');
  });
});

describe('heat', () => {
  it('counts one reporter\'s five near-identical posts within 30 days once, and five residents above one post with likes', () => {
    const period = month(2024, 6);
    const same = [1, 3, 5, 8, 11].map((d) => ap('青松园楼下广场舞音响太吵，晚上十点还在跳', at(2024, 6, d), { user: 'old-wang' }));
    const five = ['李', '张', '赵', '孙', '周'].map((u, k) => ap(`白鹭湾小区电动车在楼道充电，飞线很危险 ${k ? '' : '太吓人'}`, at(2024, 6, 3 + k), { user: u }));
    const liked = ap('红枫苑门口共享单车乱停，人行道走不了', at(2024, 6, 9), { user: 'solo', likes: 40, dislikes: 4 });
    const r = findProblems([...background(2024, 6, 1, 30), ...same, ...five, liked], { ...period, top: 1000 }, seg);
    const dance = r.problems.find((p) => p.places.includes('青松园'))!;
    expect(dance).toMatchObject({ count: 5, reporters: 1, counted: 1, heat: 1 });
    const ev = r.problems.find((p) => p.places.includes('白鹭湾'))!;
    expect(ev).toMatchObject({ count: 5, reporters: 5, counted: 5, heat: 5 });
    const bikes = r.problems.find((p) => p.places.includes('红枫苑'))!;
    expect(bikes.support).toBe(38);
    expect(bikes.heat).toBeCloseTo(1 + 0.5 * Math.log1p(38), 2);
    expect(ev.heat).toBeGreaterThan(bikes.heat);
    expect(bikes.heat).toBeGreaterThan(dance.heat);
    expect(r.problems.indexOf(ev)).toBeLessThan(r.problems.indexOf(bikes));
  });

  it('counts the same reporter again after 30 days', () => {
    const appeals = [...background(2024, 5, 2, 30), ap('青松园广场舞音响太吵', at(2024, 5, 2), { user: 'w' }), ap('青松园广场舞音响太吵', at(2024, 6, 20), { user: 'w' })];
    const r = findProblems(appeals, { from: new Date(2024, 4, 1), to: new Date(2024, 6, 1), top: 100 }, seg);
    expect(r.problems.find((p) => p.places.includes('青松园'))).toMatchObject({ count: 2, reporters: 1, counted: 2, heat: 1.25 });
  });
});

const DANCE = ['青松园广场舞音响太吵，晚上十点还在跳', '青松园小区广场舞噪音扰民', '投诉青松园广场舞音响声音太大', '青松园跳广场舞的音响吵得孩子没法写作业'];
const dance = (y: number, m: number, k: number, more: Partial<Appeal> = {}) =>
  Array.from({ length: k }, (_, i) => ap(DANCE[i % DANCE.length]!, at(y, m, 2 + i), more));
const hot = (appeals: Appeal[], y: number, m: number) => findProblems(appeals, { ...month(y, m), top: 1000 }, seg).problems.find((p) => p.places.includes('青松园'))!;

describe('flags', () => {
  it('computes the Poisson tail, also far out where 1 − cdf would round to 0', () => {
    expect(poissonTail(3, 0.5)).toBeCloseTo(1 - Math.exp(-0.5) * (1 + 0.5 + 0.125), 12);
    expect(poissonTail(8, 6)).toBeCloseTo(0.2560202, 6);
    expect(poissonTail(0, 2)).toBe(1);
    const far = poissonTail(48, 1.167);
    expect(far).toBeGreaterThan(0);
    expect(far).toBeLessThan(1e-50);
    expect(poissonTail(31, 3.167)).toBeLessThan(poissonTail(30, 3.167));
  });

  it('rising: a burst against the previous months (Poisson tail below 0.01), with its figures', () => {
    const history = [1, 2, 3, 4, 5, 6].flatMap((m) => dance(2024, m, 1));
    const p = hot([...background(2024, 1, 7), ...history, ...dance(2024, 7, 8)], 2024, 7);
    const r = p.flagReasons.find((f) => f.flag === 'rising')!;
    expect(r.figures).toMatchObject({ count: 8, previousMean: 1, lambda: 1, windows: 6, threshold: 0.01 });
    expect(Math.abs(Number(r.figures.p) / poissonTail(8, 1) - 1)).toBeLessThan(0.01);
    expect(r.figures.p).toBeLessThan(0.01);
    expect(p.flags).not.toContain('new');
    // the reason is read by street staff: no test statistics in it (they stay in the figures)
    expect(r.reason).toBe('本期 8 条，此前 6 期平均每期 1.0 条，明显增多（按往期水平，偶然多到 8 条的可能不到万分之一）');
  });

  it('a small chance in words', () => {
    expect([0.2, 0.009, 0.0009, 0.00009, 0.000009, 1e-9].map(chanceInWords)).toEqual(['约 20%', '不到百分之一', '不到千分之一', '不到万分之一', '不到十万分之一', '不到百万分之一']);
  });

  it('not rising: the same count against a history that had as much', () => {
    const history = [1, 2, 3, 4, 5, 6].flatMap((m) => dance(2024, m, 6));
    const p = hot([...background(2024, 1, 7), ...history, ...dance(2024, 7, 8)], 2024, 7);
    expect(p.flags).not.toContain('rising');
    expect(p.history).toBe(36);
    expect(poissonTail(8, 6)).toBeGreaterThan(0.01);
  });

  it('new when the months read before had none of it; not new without two covered months before', () => {
    const p = hot([...background(2024, 1, 7), ...dance(2024, 7, 3)], 2024, 7);
    expect(p.flagReasons.find((f) => f.flag === 'new')?.figures).toEqual({ historyAppeals: 0, windowsRead: 6 });
    // three appeals at λ = 0.5 floor: P(X ≥ 3) = 0.014 — not a burst
    expect(p.flags).not.toContain('rising');
    const early = hot([...background(2024, 6, 2), ...dance(2024, 7, 3)], 2024, 7);
    expect(early.flags).not.toContain('new');
  });

  it('seasonal when the same month a year before had it and the other months did not; not when every month has it', () => {
    const lastYear = dance(2023, 7, 3);
    const p = hot([...background(2023, 1, 19), ...lastYear, ...dance(2024, 7, 2)], 2024, 7);
    expect(p.flagReasons.find((f) => f.flag === 'seasonal')?.figures).toMatchObject({ yearsBack: 1, thenCount: 3, otherMean: 0, from: '2023-07' });
    // a mean per period in the rising reason's format (平均每期 1.0 条), not a second one (0.00 条)
    expect(p.flagReasons.find((f) => f.flag === 'seasonal')?.reason).toBe('1 年前同期 3 条，其他月份平均每期 0.0 条');
    const always = Array.from({ length: 18 }, (_, k) => dance(2023, 1 + k, 2)).flat();
    const q = hot([...background(2023, 1, 19), ...always, ...dance(2024, 7, 2)], 2024, 7);
    expect(q.flags).not.toContain('seasonal');
  });

  it('persistent when it recurs in 3+ consecutive months or a ticket is open; not after a gap', () => {
    const p = hot([...background(2024, 1, 7), ...dance(2024, 5, 1), ...dance(2024, 6, 1), ...dance(2024, 7, 1)], 2024, 7);
    expect(p.flagReasons.find((f) => f.flag === 'persistent')?.figures).toEqual({ openTickets: 0, consecutiveMonths: 3 });
    const gap = hot([...background(2024, 1, 7), ...dance(2024, 4, 1), ...dance(2024, 6, 1), ...dance(2024, 7, 1)], 2024, 7);
    expect(gap.flags).not.toContain('persistent');
    const open = hot([...background(2024, 1, 7), ...dance(2024, 4, 1), ...dance(2024, 7, 1, { open: true, ticketId: 12 })], 2024, 7);
    expect(open.flagReasons.find((f) => f.flag === 'persistent')?.figures).toEqual({ openTickets: 1, consecutiveMonths: 1 });
    expect(open.evidence.at(-1)!.ticketId).toBe(12);
    // a problem first seen this month is new, not persistent, though its ticket is still open
    const fresh = hot([...background(2024, 1, 7), ...dance(2024, 7, 1, { open: true, ticketId: 14 })], 2024, 7);
    expect(fresh.flags).toContain('new');
    expect(fresh.flags).not.toContain('persistent');
    // both hold: the reason says both, not only the open tickets
    const both = hot([...background(2024, 1, 7), ...dance(2024, 5, 1), ...dance(2024, 6, 1), ...dance(2024, 7, 1, { open: true, ticketId: 13 })], 2024, 7);
    expect(both.flagReasons.find((f) => f.flag === 'persistent')?.reason).toBe('连续 3 个月都有诉求，1 件工单尚未办结');
  });

  it('gives the evidence in date order', () => {
    const p = hot([...background(2024, 1, 7), ...dance(2024, 7, 5)], 2024, 7);
    const times = p.evidence.map((e) => e.time.getTime());
    expect(times.length).toBeGreaterThan(2);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});

describe('lead department', () => {
  it('suggests a department of the grid file whose words the problem uses, and none that is not in the file', () => {
    expect(leadDepartment(['城管执法中队', '供水公司', '消防'], [], '搅拌站 噪音 渣土 扬尘')).toBe('城管执法中队');
    expect(leadDepartment(['城管', '供水公司'], ['停水'], '三天两头停水 水压低')).toBe('供水公司');
    expect(leadDepartment(['供水'], [], '楼道 电动车 充电 飞线')).toBeUndefined();
    expect(leadDepartment(undefined, [], '停水')).toBeUndefined();
    const appeals = [...background(2024, 6, 1, 30), ...['白鹭湾楼道电动车充电飞线', '白鹭湾电动车在楼道充电很危险', '白鹭湾楼道里电动车飞线充电'].map((t, k) => ap(t, at(2024, 6, 3 + k)))];
    const p = findProblems(appeals, { ...month(2024, 6), top: 100, departments: ['城管', '消防', '公安'] }, seg).problems.find((x) => x.places.includes('白鹭湾'))!;
    expect(p.leadDepartment).toBe('消防');
  });
});

describe('partition', () => {
  it('puts every appeal of the period in exactly one problem: counts add up (seeded)', () => {
    for (const seed of [1, 2, 3]) {
      const from = new Date(2024, 2, 1);
      const to = new Date(2024, 3, 1);
      const appeals = generateAppeals(1500, new Date(2024, 0, 1), new Date(2024, 4, 1), seed, 30);
      const r = findProblems(appeals, { from, to, top: 100_000, evidence: 100_000 }, seg);
      const inPeriod = appeals.filter((a) => a.time >= from && a.time < to);
      expect(r.appealsInPeriod).toBe(inPeriod.length);
      expect(r.problems.reduce((s, p) => s + p.count, 0)).toBe(inPeriod.length);
      const ids = r.problems.flatMap((p) => p.evidence.map((e) => e.id));
      expect(new Set(ids).size).toBe(ids.length);
      expect(new Set(ids)).toEqual(new Set(inPeriod.map((a) => a.id)));
      expect(r.problems.length).toBe(r.problemsFound);
      expect(r.problems.length).toBeLessThan(inPeriod.length * 0.8);
    }
  });
});
