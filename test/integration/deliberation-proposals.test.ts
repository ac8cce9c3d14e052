// The same proposal sent again (or nearly again) is not opened twice: the resident is pointed at the one there is,
// to second it. Another building's, or another matter's, proposal is its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, LIN, ZHANG, LI, type Harness } from '../support/harness.ts';
import { scriptedTriage } from '../support/scripted-triage.ts';
import { DELIBERATION_GRID, G1_GROUPS, OUTSIDE_GROUP } from '../support/deliberation-fixture.ts';

const [B20, G1A] = G1_GROUPS;
const WANG = { id: 'wx-wang', name: '王大爷' };

describe('议事: identical proposals', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(scriptedTriage([]), { now: new Date('2026-12-07T01:00:00Z') });
    await h.store.grid.importSpec(DELIBERATION_GRID);
  });
  afterAll(() => h.dispose());

  it('a second, and a near copy, point at the first proposal; a different one is opened', async () => {
    const first = await h.say(B20, ZHANG, '提议 21号楼单元门安装门禁系统');
    const no = (first as { topicNo: number }).topicNo;
    h.newIn(B20);
    expect(await h.say(B20, LI, '提议 21号楼单元门安装门禁系统')).toEqual({ kind: 'refused', code: 'TOPIC_EXISTS' });
    expect(h.newIn(B20).at(-1)).toBe(`@李先生 已有相同提议：议题#${no}，回复“附议 #${no}”即可支持。`);
    expect(await h.say(B20, WANG, '提议 21号楼单元门加装门禁系统')).toEqual({ kind: 'refused', code: 'TOPIC_EXISTS' });
    expect(h.newIn(B20).at(-1)).toContain(`已有相同提议：议题#${no}`);
    // from the grid's group too: the proposal in the building's group is on a node below, so not the same scope
    expect(await h.say(G1A, WANG, '提议 21号楼单元门安装门禁系统')).toMatchObject({ kind: 'topic', action: 'propose' });
    // another matter in the same building, and the same words in another grid, are proposals of their own
    expect(await h.say(B20, LI, '提议 21号楼单元门安装监控')).toMatchObject({ kind: 'topic', action: 'propose' });
    expect(await h.say(OUTSIDE_GROUP, LI, '提议 21号楼单元门安装门禁系统')).toMatchObject({ kind: 'topic', action: 'propose' });
    const proposals = await h.store.deliberation.list({ statuses: ['PROPOSED'] });
    expect(proposals.filter((t) => t.title.includes('门禁'))).toHaveLength(3);
    // the line names the proposal: 附议 #N seconds it
    expect(await h.say(B20, LI, `附议 #${no}`)).toMatchObject({ kind: 'topic', topicNo: no, action: 'second' });
  });

  it("staff told they do not second can quote that line with 受理提议: it names the proposal", async () => {
    const no = ((await h.say(B20, ZHANG, '提议 20号楼楼顶加装防水层')) as { topicNo: number }).topicNo;
    const post = h.chat.inGroup(B20).filter((m) => m.text.includes(`【议题#${no}·提议】`)).at(-1)!.externalId;
    await h.say(B20, LIN, '附议', { quotedExternalId: post });
    const line = h.chat.inGroup(B20).at(-1)!;
    expect(line.text).toContain('工作人员不参与附议');
    expect(await h.say(B20, LIN, '受理提议', { quotedExternalId: line.externalId })).toMatchObject({ kind: 'topic', topicNo: no, action: 'accept' });
    expect((await h.store.deliberation.findById(no))!.status).toBe('OPEN');
  });
});
