// A poor rating of a ticket already closed: when it tells of the problem again ("不满意，电梯今天又停了"), the new
// problem is registered as a new ticket through the normal appeal path; a bare "不满意" is told how to report again.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { harness, LI, LIN, ZHANG, type Harness } from '../support/harness.ts';
import { scriptedTriage } from '../support/scripted-triage.ts';

const ROOM = 'room-20';
const triage = scriptedTriage([
  ['电梯', { category: 'facility_repair', summary: '电梯故障' }],
  ['路灯', { category: 'facility_repair', summary: '路灯不亮' }],
]);

describe('rating a closed ticket', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(triage);
  });
  afterAll(() => h.dispose());
  beforeEach(() => void h.newIn(ROOM));

  const lastId = () => h.chat.inGroup(ROOM).at(-1)!.externalId;
  const no = (reply: string) => Number(/#(\d+)/.exec(reply)![1]);

  /** A ticket reported by 张阿姨, done by 林网格员 and closed by her 满意; the id of the closing reply. */
  async function closedTicket(text: string) {
    await h.say(ROOM, ZHANG, text);
    const n = no(h.newIn(ROOM)[0]!);
    await h.say(ROOM, LIN, `办结 #${n} 已修好`);
    await h.say(ROOM, ZHANG, '满意', { quotedExternalId: lastId() });
    expect(h.newIn(ROOM).at(-1)).toBe(`@张阿姨 感谢您的评价（满意），工单 #${n} 已关闭。`);
    return { n, closing: lastId() };
  }

  it('不满意 with a new problem, quoting the closed ticket: a new ticket, said in one line', async () => {
    const { n, closing } = await closedTicket('3号楼电梯停了');
    const count = (await h.store.tickets.list({})).length;
    const out = await h.say(ROOM, ZHANG, '不满意，电梯今天又停了', { quotedExternalId: closing });
    expect(out.kind).toBe('ticket');
    const lines = h.newIn(ROOM);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^@张阿姨 工单 #${n} 已关闭；您反映的新问题已登记为工单 #(\\d+)。$`));
    const t = await h.tickets.get(no(lines[0]!.split('；')[1]!));
    expect(t).toMatchObject({ status: 'REPORTED', category: 'facility_repair' });
    expect(t.number).not.toBe(n);
    expect((await h.store.tickets.list({})).length).toBe(count + 1);
    expect((await h.tickets.get(n)).status).toBe('CLOSED');
  });

  it('评价 #N 不满意 with a new problem: the same', async () => {
    const { n } = await closedTicket('路灯坏了，晚上很黑');
    const out = await h.say(ROOM, ZHANG, `评价 #${n} 不满意 路灯又坏了`);
    expect(out.kind).toBe('ticket');
    expect(h.newIn(ROOM)).toEqual([expect.stringMatching(new RegExp(`^@张阿姨 工单 #${n} 已关闭；您反映的新问题已登记为工单 #\\d+。$`))]);
  });

  it('a bare 不满意 on a closed ticket: refused, with how to report again', async () => {
    const { n, closing } = await closedTicket('5号楼电梯按钮失灵');
    const count = (await h.store.tickets.list({})).length;
    expect(await h.say(ROOM, ZHANG, '不满意', { quotedExternalId: closing })).toEqual({ kind: 'refused', code: 'ILLEGAL_TRANSITION' });
    expect(h.newIn(ROOM)).toEqual([`@张阿姨 工单 #${n} 当前已关闭，无法评价。如问题仍在，请直接描述，我会重新登记。`]);
    expect((await h.store.tickets.list({})).length).toBe(count);
  });

  it('a neighbour’s 不满意 with a new problem, quoting the closed ticket: registered too; without one, who may rate', async () => {
    const { n, closing } = await closedTicket('8号楼电梯门关不上');
    const out = await h.say(ROOM, LI, '不满意，电梯门还是关不上，夹到人了', { quotedExternalId: closing });
    expect(out.kind).toBe('ticket');
    expect(h.newIn(ROOM)).toEqual([expect.stringMatching(new RegExp(`^@李先生 工单 #${n} 已关闭；您反映的新问题已登记为工单 #\\d+。$`))]);
    expect(await h.say(ROOM, LI, '不满意', { quotedExternalId: closing })).toEqual({ kind: 'refused', code: 'NOT_REPORTER' });
    expect(h.newIn(ROOM)).toEqual([`@李先生 抱歉，工单 #${n} 只能由反映人评价。如问题仍在，请直接描述，我会重新登记。`]);
  });
});
