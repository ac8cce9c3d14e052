import { describe, expect, it } from 'vitest';
import { digestAlerts, type AlertInput } from '../../../../src/core/patrol/alert-digest.ts';
import type { PatrolFinding } from '../../../../src/core/patrol/patrol.types.ts';
import { G20, G21, G22, T0 } from './fixtures.ts';

let id = 0;
function input(over: Partial<PatrolFinding>, groupTitle: string, recipientPersonIds: number[]): AlertInput {
  const finding: PatrolFinding = {
    id: ++id, rule: 'spam', severity: 'HIGH', status: 'OPEN', groupId: G20.id, messageId: null, ticketId: null,
    summary: `疑似广告（${groupTitle}）：兼职刷单日结`, data: {}, dedupKey: `k${id}`, createdAt: T0, updatedAt: T0, ...over,
  };
  return { finding, groupTitle, recipientPersonIds };
}

const LIN = 1, CHEN = 2, WU = 3, HUANG = 10;

describe('alert digest', () => {
  it('one finding is one short message', () => {
    const alerts = digestAlerts([input({ rule: 'hazard', summary: '疑似飞线充电（东园小区20号楼睦邻群）：楼下有人拉电线' }, G20.title, [LIN, HUANG])]);
    expect(alerts).toEqual([{ recipientPersonIds: [LIN, HUANG], rule: 'hazard', findingIds: [expect.any(Number)], text: '巡查提醒：疑似飞线充电（东园小区20号楼睦邻群）：楼下有人拉电线' }]);
  });

  it('groups findings per recipient per rule; recipients with the same findings share one item', () => {
    const spam = [input({ groupId: G20.id }, G20.title, [LIN, CHEN, HUANG]), input({ groupId: G21.id }, G21.title, [LIN, CHEN, HUANG]), input({ groupId: G22.id }, G22.title, [WU, HUANG])];
    const hazard = input({ rule: 'hazard', severity: 'CRITICAL', summary: '疑似火情（东园小区20号楼睦邻群）：3栋着火了' }, G20.title, [LIN, CHEN, HUANG]);
    const alerts = digestAlerts([...spam, hazard]);
    expect(alerts.map((a) => [a.rule, a.recipientPersonIds, a.findingIds.length])).toEqual([
      ['hazard', [LIN, CHEN, HUANG], 1],
      ['spam', [HUANG], 3],
      ['spam', [LIN, CHEN], 2],
      ['spam', [WU], 1],
    ]);
    expect(alerts[0]!.text).toBe('【紧急】巡查提醒：疑似火情（东园小区20号楼睦邻群）：3栋着火了');
    expect(alerts[1]!.text).toBe(
      '巡查提醒：3 条疑似广告（东园小区20号楼睦邻群等 3 个群）\n' +
        '1. 疑似广告（东园小区20号楼睦邻群）：兼职刷单日结\n2. 疑似广告（东园小区21号楼睦邻群）：兼职刷单日结\n3. 疑似广告（西园小区3号楼业主群）：兼职刷单日结',
    );
  });

  it('lists at most a few and counts the rest', () => {
    const many = Array.from({ length: 8 }, () => input({ rule: 'unanswered', severity: 'MEDIUM', summary: '提问无人回复（东园小区20号楼睦邻群）：电梯什么时候修？' }, G20.title, [LIN]));
    const [alert] = digestAlerts(many);
    expect(alert!.text.split('\n')).toHaveLength(1 + 5 + 1);
    expect(alert!.text).toMatch(/^巡查提醒：8 条未回复的居民提问（东园小区20号楼睦邻群）\n/);
    expect(alert!.text).toMatch(/…另有 3 条，请用 linli patrol findings 查看$/);
  });

  it('a finding reaching a person twice is listed once; nobody to receive means no alert', () => {
    const one = input({}, G20.title, [LIN, LIN]);
    expect(digestAlerts([one, one]).map((a) => a.findingIds)).toEqual([[one.finding.id]]);
    expect(digestAlerts([input({}, G20.title, [])])).toEqual([]);
  });
});
