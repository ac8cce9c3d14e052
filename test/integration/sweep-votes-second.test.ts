// 附议 said while a topic is open for votes (sweep 5b): the resident meant support; the bot told them to 附议 a
// topic number, which seconds nothing there. Now it points at the vote.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, LIN, ZHANG, type Harness } from '../support/harness.ts';
import { scriptedTriage } from '../support/scripted-triage.ts';
import { DELIBERATION_GRID, G1_GROUPS } from '../support/deliberation-fixture.ts';

const [B20] = G1_GROUPS;

describe('议事: 附议 with no proposal but a topic open', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(scriptedTriage([]), { now: new Date('2026-12-07T01:00:00Z') });
    await h.store.grid.importSpec(DELIBERATION_GRID);
  });
  afterAll(() => h.dispose());

  it('points at the vote of the topic open over the group', async () => {
    expect(await h.say(B20, ZHANG, '附议')).toMatchObject({ kind: 'refused' });
    expect(h.newIn(B20).at(-1)).toBe('@张阿姨 目前没有正在征集附议的提议，如需附议请发送“附议 #议题号”。');
    const no = ((await h.say(B20, LIN, '议题 楼栋 是否在20号楼东侧加装一盏路灯')) as { topicNo: number }).topicNo;
    h.newIn(B20);
    expect(await h.say(B20, ZHANG, '附议')).toMatchObject({ kind: 'refused' });
    expect(h.newIn(B20)).toEqual([`@张阿姨 目前没有征集附议的提议。议题#${no}正在投票，支持请回复“同意”，也可引用议题消息回复。`]);
    expect((await h.deliberation.liveTally(no)).counted).toBe(0);
  });
});
