// The 实事清单 as staff type it: a day no calendar has (2月30日) is refused with one short line, not read as 3月2日;
// the same item twice on one topic is refused, naming the item there is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, LIN, type Harness } from '../support/harness.ts';
import { scriptedTriage } from '../support/scripted-triage.ts';
import { DELIBERATION_GRID, G1_GROUPS } from '../support/deliberation-fixture.ts';

const [, G1A] = G1_GROUPS;

describe('议事: 实事 input', () => {
  let h: Harness;
  let no = 0;
  beforeAll(async () => {
    h = await harness(scriptedTriage([]), { now: new Date('2026-12-07T01:00:00Z') });
    await h.store.grid.importSpec(DELIBERATION_GRID);
    no = ((await h.say(G1A, LIN, '议题 网格 是否在东门安装充电桩')) as { topicNo: number }).topicNo;
    await h.deliberation.close(no);
    await h.say(G1A, LIN, `拟办 #${no} 在东门安装充电桩`);
    h.newIn(G1A);
  });
  afterAll(() => h.dispose());

  it('refuses 2月30日 with a short line, and keeps nothing', async () => {
    expect(await h.say(G1A, LIN, `实事 #${no} 安装充电桩 / 林秀珍 / 2月30日`)).toEqual({ kind: 'refused', code: 'MALFORMED_COMMAND' });
    expect(h.newIn(G1A).at(-1)).toBe('@林网格员 没有2月30日这一天，请核对截止日期。');
    expect(await h.store.deliberation.tasks(no)).toEqual([]);
  });

  it('refuses the same item added twice to one topic', async () => {
    expect(await h.say(G1A, LIN, `实事 #${no} 安装充电桩 / 林秀珍 / 2月28日`)).toMatchObject({ kind: 'topic', action: 'task' });
    const [task] = await h.store.deliberation.tasks(no);
    expect(task!.dueAt!.toISOString()).toBe('2027-02-28T10:00:00.000Z');
    expect(await h.say(G1A, LIN, `实事 #${no} 安装充电桩 / 物业公司 / 3月10日`)).toEqual({ kind: 'refused', code: 'MALFORMED_COMMAND' });
    expect(h.newIn(G1A).at(-1)).toContain(`议题#${no}的实事清单已有这一项（实事#${task!.id}），无需重复添加。`);
    expect(await h.store.deliberation.tasks(no)).toHaveLength(1);
    // another item is added
    expect(await h.say(G1A, LIN, `实事 #${no} 划定充电桩停车位 / 物业公司 / 3月10日`)).toMatchObject({ kind: 'topic', action: 'task' });
    expect(await h.store.deliberation.tasks(no)).toHaveLength(2);
  });
});
