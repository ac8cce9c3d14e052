// The insights over the store: a part of the grid reads its own tickets only, a month is a China-time month, the
// grid's departments reach the engine as candidate leads, and evidence never carries a phone number.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInsights } from '../../src/adapters/insights/create-insights.ts';
import { createJiebaSegmenter } from '../../src/adapters/insights/jieba.segmenter.ts';
import { findProblems } from '../../src/core/insights/find-problems.ts';
import { GridScope } from '../../src/core/grid/grid-scope.ts';
import { GridRouter } from '../../src/core/grid/routing.ts';
import { monthPeriod } from '../../src/core/insights/insights-period.ts';
import { InsightsService } from '../../src/core/insights/insights.service.ts';
import type { Store } from '../../src/core/ports/store.port.ts';
import { freshStore } from '../support/databases.ts';
import { SMALL_GRID } from '../support/small-grid.ts';

describe('InsightsService over the store', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let insights: InsightsService;

  beforeAll(async () => {
    ({ store, dispose } = await freshStore('pglite'));
    await store.grid.importSpec(SMALL_GRID);
    insights = createInsights(store, new GridScope(new GridRouter(store.grid, store.people, store.tickets), store.groups));
    const [u1, g2] = [(await store.grid.findByCode('U1'))!, (await store.grid.findByCode('G2'))!];
    const reporters = await Promise.all(['a', 'b', 'c', 'd'].map((k) => store.people.ensureByIdentity('WECHAT', `wx-${k}`, k)));
    const t = (summary: string, gridNodeId: number, iso: string, reporter: number) => ({
      ticket: { category: 'noise', summary, place: { text: gridNodeId === u1.id ? '20号楼' : '二网格' }, urgency: 'NORMAL' as const, groupId: null, gridNodeId, reporterId: reporters[reporter]!.id, createdAt: new Date(iso) },
      event: { type: 'reported' as const, actorId: null, messageId: null, fromStatus: null, toStatus: 'REPORTED' as const, note: null, data: null, at: new Date(iso) },
    });
    await store.tickets.createMany([
      // 2026-10-31T17:00Z is 2026-11-01 01:00 in Beijing: November's, though still October in UTC
      t('20号楼楼上半夜装修噪音，电话13812345678', u1.id, '2026-10-31T17:00:00Z', 0),
      t('20号楼晚上装修太吵', u1.id, '2026-11-10T12:00:00Z', 1),
      t('20号楼装修噪音扰民', u1.id, '2026-11-12T12:00:00Z', 2),
      t('二网格广场舞音响太吵', g2.id, '2026-11-15T12:00:00Z', 3),
      // October in Beijing (2026-10-31 23:00)
      t('20号楼装修吵', u1.id, '2026-10-31T15:00:00Z', 3),
    ]);
  });
  afterAll(() => dispose?.());

  it("reads a China-time month of a subtree's tickets and masks phone numbers in the evidence", async () => {
    const g1 = (await store.grid.findByCode('G1'))!;
    const report = await insights.hot({ roots: [g1], ...monthPeriod('2026-11') });
    expect(report.appealsInPeriod).toBe(3);
    const evidence = report.problems.flatMap((p) => p.evidence);
    expect(evidence.map((e) => e.text).sort()).toEqual(['20号楼晚上装修太吵', '20号楼装修噪音扰民', '20号楼楼上半夜装修噪音，电话138****5678'].sort());
    expect(JSON.stringify(report)).not.toContain('13812345678');
    expect(JSON.stringify(report)).not.toContain('广场舞');
  });

  it('reads the whole street from its root, and the history before the month for the flags', async () => {
    const s1 = (await store.grid.findByCode('S1'))!;
    const report = await insights.hot({ roots: [s1], ...monthPeriod('2026-11') });
    expect(report.appealsInPeriod).toBe(4);
    expect(report.appealsRead).toBe(5);
    expect(report.problems.flatMap((p) => p.evidence).some((e) => e.text.includes('广场舞'))).toBe(true);
  });

  it('a scope with nothing to read reports nothing and never loads the segmenter (every new store\'s first monthly run)', async () => {
    const s1 = (await store.grid.findByCode('S1'))!;
    let loads = 0;
    const counted = new InsightsService({
      appeals: store.appeals,
      scope: new GridScope(new GridRouter(store.grid, store.people, store.tickets), store.groups),
      people: store.people,
      segmenter: () => {
        loads++;
        throw new Error('the segmenter is not needed without appeals');
      },
    });
    // 2020: before every ticket of the store, and no history before it either
    const empty = await counted.hot({ roots: [s1], ...monthPeriod('2020-01') });
    expect(loads).toBe(0);
    expect(empty).toMatchObject({ appealsInPeriod: 0, appealsRead: 0, problems: [] });
    expect(empty).toEqual(await insights.hot({ roots: [s1], ...monthPeriod('2020-01') }));
    // with nothing to read the engine reports the same with jieba as without a segmenter (the character pairs)
    const opts = { ...monthPeriod('2020-01'), places: ['东园', '20号楼'], departments: ['物业'], utcOffsetMinutes: 480 };
    expect(findProblems([], opts)).toEqual(findProblems([], opts, await createJiebaSegmenter()));
    // the service still loads it once there is something to read
    await expect(counted.hot({ roots: [s1], ...monthPeriod('2026-11') })).rejects.toThrow('the segmenter is not needed');
    expect(loads).toBe(1);
  });
});
