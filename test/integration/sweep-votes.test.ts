// 议事 votes in a resident's own words (sweep 5b): "我反对", "我投反对票", a change of mind said as one. They were kept
// as discussion and the earlier vote still counted, with no word to the voter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, LIN, ZHANG, LI, type Harness } from '../support/harness.ts';
import { scriptedTriage } from '../support/scripted-triage.ts';
import { DELIBERATION_GRID, G1_GROUPS } from '../support/deliberation-fixture.ts';

const [B20] = G1_GROUPS;
const WANG = { id: 'wx-wang', name: '王大爷' };
const ZHOU = { id: 'wx-zhou', name: '周阿姨' };

describe('议事: votes in free words', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(scriptedTriage([]), { now: new Date('2026-12-07T01:00:00Z') });
    await h.store.grid.importSpec(DELIBERATION_GRID);
  });
  afterAll(() => h.dispose());

  it('我反对 / 我投反对票 / 改投同意 / 我改主意了，反对，… count, and a change of mind replaces the earlier vote', async () => {
    const no = ((await h.say(B20, LIN, '议题 楼栋 是否在20号楼东侧加装一盏路灯')) as { topicNo: number }).topicNo;
    const vote = { kind: 'topic', topicNo: no, action: 'vote' };
    expect(await h.say(B20, ZHOU, '我同意，早该装了')).toEqual(vote);
    expect(await h.say(B20, ZHANG, '我反对')).toEqual(vote);
    expect(await h.say(B20, LI, '我投反对票')).toEqual(vote);
    expect((await h.deliberation.liveTally(no)).counts).toEqual([1, 2, 0]);
    expect(await h.say(B20, ZHOU, '我改主意了，反对，太亮影响睡觉')).toEqual(vote);
    expect(await h.say(B20, LI, '改投同意')).toEqual(vote);
    expect((await h.deliberation.liveTally(no)).counts).toEqual([1, 2, 0]);
    expect(await h.deliberation.recountFromMessages(no)).toEqual(await h.deliberation.liveTally(no));
  });
});
