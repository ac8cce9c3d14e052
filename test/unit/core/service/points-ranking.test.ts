// The points ranking's places (ties share one, the next skips), the top N with everyone tied at the cut, services net
// of corrections, the 公示's words, China-time months, and the CSV: cells with commas, quotes and line breaks quoted,
// formulas defused, UTF-8 with a BOM and CRLF lines.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../src/config.ts';
import { monthOf, monthPeriod } from '../../../../src/core/insights/insights-period.ts';
import { ledgerCsv, pointsCsv } from '../../../../src/core/service/points-export.ts';
import { pointsNoticeText, volunteerGroups } from '../../../../src/core/service/points-notice.ts';
import { rankPoints, servicesPerPerson, topWithTies, type VolunteerRow } from '../../../../src/core/service/points-ranking.ts';
import { csvCell, csvDocument } from '../../../../src/core/util/csv.ts';

const v = (personId: number, name: string, points: number, services = 1) => ({ personId, name, points, services });

describe('rankPoints', () => {
  it('gives equal points one place and skips the next (1, 2, 2, 4), more services first among equals', () => {
    const r = rankPoints([v(1, '甲', 10, 1), v(2, '乙', 30, 3), v(3, '丙', 20, 1), v(4, '丁', 20, 2), v(5, '戊', 0, 0), v(6, '己', -5, 0)]);
    expect(r.map((x) => [x.name, x.rank])).toEqual([['乙', 1], ['丁', 2], ['丙', 2], ['甲', 4]]);
  });

  it('orders equals with equal services by name, then id, the same whatever the input order', () => {
    const rows = [v(9, '王芳', 10), v(3, '李明', 10), v(4, '李明', 10)];
    const a = rankPoints(rows).map((x) => x.personId);
    const b = rankPoints([...rows].reverse()).map((x) => x.personId);
    expect(a).toEqual(b);
    expect(a).toEqual([3, 4, 9]); // 李 before 王 in pinyin
    expect(rankPoints(rows).every((x) => x.rank === 1)).toBe(true);
  });

  it('top N keeps everyone tied with the Nth place', () => {
    const r = rankPoints([v(1, 'a', 50), v(2, 'b', 40), v(3, 'c', 30), v(4, 'd', 30), v(5, 'e', 30), v(6, 'f', 10)]);
    expect(topWithTies(r, 3).map((x) => x.personId)).toEqual([1, 2, 3, 4, 5]);
    expect(topWithTies(r, 2).map((x) => x.personId)).toEqual([1, 2]);
    expect(topWithTies(r, 10)).toHaveLength(6);
    expect(topWithTies([], 3)).toEqual([]);
  });
});

describe('servicesPerPerson', () => {
  it('counts requests whose entries sum above zero: a reversed credit is no service, two credits of one request one', () => {
    const s = servicesPerPerson([
      { personId: 1, points: 10, requestId: 1 },
      { personId: 1, points: 10, requestId: 2 },
      { personId: 1, points: -10, requestId: 2 },
      { personId: 1, points: 5, requestId: 3 },
      { personId: 1, points: 2, requestId: 3 },
      { personId: 1, points: 8, requestId: null },
      { personId: 2, points: 10, requestId: 4 },
    ]);
    expect(s.get(1)).toBe(2);
    expect(s.get(2)).toBe(1);
  });
});

describe('China-time months', () => {
  it('puts 23:59 on the last day in that month and 00:00 on the first in the next, whatever UTC says', () => {
    expect(monthOf(new Date('2026-11-30T23:59:59+08:00'))).toBe('2026-11');
    expect(monthOf(new Date('2026-12-01T00:00:00+08:00'))).toBe('2026-12'); // still 30 November in UTC
    const p = monthPeriod('2026-12');
    expect(p.from.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(p.to.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });
});

describe('the 公示', () => {
  it('lists places with points and services, short and polite', () => {
    const top = rankPoints([v(1, '王芳', 30, 3), v(2, '李明', 20, 2), v(3, '张丽', 20, 1)]);
    expect(pointsNoticeText('2026-11', '东园社区', top)).toBe(
      '11月志愿服务积分公示（东园社区）：1. 王芳 30分（服务3次）；2. 李明 20分（服务2次）；2. 张丽 20分（服务1次）。感谢各位志愿者的热心服务！积分明细可向社区工作人员查询。',
    );
  });

  it('goes to active groups tagged 志愿者群 that have a node', () => {
    const g = (id: number, tags: string[], gridNodeId: number | null = 1, active = true) => ({ id, platform: 'WECHAT' as const, externalId: `g${id}`, title: `g${id}`, gridNodeId, tags, active, muted: false });
    expect(volunteerGroups([g(1, ['志愿者群']), g(2, ['睦邻群']), g(3, ['志愿者群'], null), g(4, ['志愿者群'], 1, false), g(5, ['睦邻群', '志愿者群'])]).map((x) => x.id)).toEqual([1, 5]);
  });
});

describe('CSV', () => {
  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('他说"好"')).toBe('"他说""好"""');
    expect(csvCell('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('-5')).toBe("'-5");
    expect(csvCell(-5)).toBe('-5'); // a number stays a number
    expect(csvCell('王芳')).toBe('王芳');
    expect(csvDocument([['a', 'b'], [1, 'x,y']])).toBe('\uFEFFa,b\r\n1,"x,y"\r\n');
  });

  it("the month's sheet: header, a row per volunteer, stored control characters dropped", () => {
    const row = (over: Partial<VolunteerRow>): VolunteerRow => ({ personId: 1, name: '王芳', skills: [], gridNodeId: 7, rank: 1, monthPoints: 30, monthServices: 3, totalPoints: 50, inHand: 1, ...over });
    const csv = pointsCsv('2026-11', [row({ skills: ['陪诊', '送餐'] }), row({ personId: 2, name: '李"明", 老\n李\u001b[31m', rank: null, monthPoints: 0, monthServices: 0 })], () => '东园, 第一网格');
    expect(csv.startsWith('\uFEFF月份,名次,志愿者,所在网格,技能,本月积分,本月服务次数,累计积分,在办服务\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe('2026-11,1,王芳,"东园, 第一网格",陪诊、送餐,30,3,50,1');
    expect(lines[2]).toBe('2026-11,,"李""明"", 老\n李","东园, 第一网格",,0,0,50,1');
    expect(lines[3]).toBe('');
    expect(csv).not.toContain('\u001b');
  });
});

describe('the ledger sheet', () => {
  it('lists entries oldest first in China time, causes with commas, quotes and line breaks quoted', () => {
    const e = (id: number, at: string, points: number, cause: string, requestId: number | null) => ({ id, personId: 1, points, cause, requestId, sourceKey: `k${id}`, at: new Date(at) });
    const csv = ledgerCsv([e(2, '2026-11-30T16:00:00Z', -10, '更正："重复",登记\n第二行', 7), e(1, '2026-11-30T15:59:00Z', 10, '服务完成', null)], () => '王芳');
    expect(csv).toBe(
      '\uFEFF时间,志愿者,积分,事由,服务单号,登记键\r\n' +
        '2026-11-30 23:59,王芳,10,服务完成,,k1\r\n' +
        '2026-12-01 00:00,王芳,-10,"更正：""重复"",登记\n第二行",7,k2\r\n',
    );
  });
});

describe('points configuration', () => {
  it('defaults to the 1st at 10:00, top 10 (config service.pointsNotice*); reads and checks the file', () => {
    expect(loadConfig({}).service).toEqual({ pointsPerRequest: 10, pointsNoticeDay: 1, pointsNoticeAt: '10:00', pointsNoticeTop: 10 });
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'linli-cfg-')), 'linli.yaml');
    writeFileSync(file, 'service:\n  pointsNoticeDay: 3\n  pointsNoticeAt: "08:30"\n  pointsNoticeTop: 5\n');
    expect(loadConfig({ LINLI_CONFIG: file }).service).toEqual({ pointsPerRequest: 10, pointsNoticeDay: 3, pointsNoticeAt: '08:30', pointsNoticeTop: 5 });
    writeFileSync(file, 'service:\n  pointsNoticeDay: 31\n');
    expect(() => loadConfig({ LINLI_CONFIG: file })).toThrow(/service\.pointsNoticeDay/);
  });
});
