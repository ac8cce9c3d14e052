// A resident answers the 办结 message in their own words (sandbox sweep, session 17): "还行吧，就是晚上还是会有人推进来"
// quoting it opened a new 消防安全 ticket whose summary began 还行吧, and the resolved ticket waited on for a rating.
// Plain verdicts at the start of a reply quoting the 办结 of one's own ticket are a rating now (还行 / 还可以 / 一般 /
// 凑合 → 基本满意; 挺好 / 不错 / 很好 → 满意, 基本满意 when the rest says the problem is still there), and "还是会…" tells the
// problem is still there (不满意, reopened) as "还是没…" did. Through the shipped local triage.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import { createTriage } from '../../src/adapters/triage/create-triage.ts';
import { harness, LI, LIN, ZHANG, type Harness } from '../support/harness.ts';

const ROOM = 'room-20';

describe("a resident's plain words on the 办结 message", () => {
  let h: Harness;
  let n = 0;
  beforeAll(async () => {
    h = await harness(await createTriage({ triageModel: undefined, llm: undefined }, createMemoryLogger().logger));
  });
  afterAll(() => h.dispose());

  /** LI reports a problem, LIN resolves it; the 办结 message's text. */
  async function resolved(): Promise<{ no: number; closing: string }> {
    n++;
    const t = (await h.say(ROOM, LI, `20号楼${n}单元楼道的灯坏了，晚上看不见台阶`)) as { kind: string; ticketNo: number };
    expect(t.kind).toBe('ticket');
    await h.say(ROOM, LIN, `办结 #${t.ticketNo} 已更换灯泡`);
    const closing = h.newIn(ROOM).at(-1)!;
    expect(closing).toContain('已办结');
    return { no: t.ticketNo, closing };
  }

  const cases: [string, 'SATISFIED' | 'BASIC', string][] = [
    ['还行吧，就是晚上还是会有人推进来', 'BASIC', '就是晚上还是会有人推进来'],
    ['还可以', 'BASIC', ''],
    ['还可以吧，就是来得有点晚', 'BASIC', '就是来得有点晚'],
    ['一般般吧', 'BASIC', ''],
    ['凑合吧，修得太慢了', 'BASIC', '修得太慢了'],
    ['马马虎虎', 'BASIC', ''],
    ['挺好的，谢谢网格员', 'SATISFIED', '谢谢网格员'],
    ['不错不错，速度很快', 'SATISFIED', '速度很快'],
    ['很好，辛苦了', 'SATISFIED', '辛苦了'],
    ['好多了', 'SATISFIED', ''],
    ['挺好的，就是还是有点暗', 'BASIC', '就是还是有点暗'],
  ];
  for (const [text, satisfaction, note] of cases) {
    it(`"${text}" rates ${satisfaction} and closes the ticket, opening none`, async () => {
      const { no, closing } = await resolved();
      const before = (await h.store.tickets.list({})).length;
      expect(await h.say(ROOM, LI, text, { quoted: { text: closing, fromBot: true } })).toEqual({ kind: 'command', command: 'rate', ticketNo: no });
      const t = await h.tickets.get(no);
      expect(t.status).toBe('CLOSED');
      expect(t.satisfaction).toBe(satisfaction);
      const rated = (await h.tickets.timeline(t.id)).find((e) => e.type === 'closed')!;
      expect(rated.data).toMatchObject({ satisfaction });
      expect(rated.note ?? '').toBe(note);
      expect((await h.store.tickets.list({})).length).toBe(before);
      h.newIn(ROOM);
    });
  }

  it('"晚上还是会有人推进来" alone says the problem is still there: 不满意, reopened', async () => {
    const { no, closing } = await resolved();
    expect(await h.say(ROOM, LI, '晚上还是会有人推进来', { quoted: { text: closing, fromBot: true } })).toEqual({ kind: 'command', command: 'rate', ticketNo: no });
    expect((await h.tickets.get(no)).status).toBe('REOPENED');
    h.newIn(ROOM);
  });

  // sandbox sweep, session 18: "还是偶尔会卡一下" quoting the 办结 message was silence (an adverb between 还是 and the verb)
  for (const text of ['还是偶尔会卡一下', '偶尔还会卡一下', '有时候还是不亮', '还会漏水，没修好彻底', '时不时还停一下']) {
    it(`"${text}" says the problem is still there: 不满意, reopened`, async () => {
      const { no, closing } = await resolved();
      expect(await h.say(ROOM, LI, text, { quoted: { text: closing, fromBot: true } })).toEqual({ kind: 'command', command: 'rate', ticketNo: no });
      expect((await h.tickets.get(no)).status).toBe('REOPENED');
      h.newIn(ROOM);
    });
  }

  it('not a rating: the same words unquoted, from a neighbour, or quoting a receipt', async () => {
    const { no, closing } = await resolved();
    // unquoted: everyday words
    expect(await h.say(ROOM, LI, '还行吧')).not.toMatchObject({ command: 'rate' });
    // a neighbour quoting someone else's 办结 message
    expect(await h.say(ROOM, ZHANG, '挺好的', { quoted: { text: closing, fromBot: true } })).not.toMatchObject({ command: 'rate' });
    expect((await h.tickets.get(no)).status).toBe('RESOLVED');
    // quoting a receipt (the ticket not resolved): no refusal, no rating
    const t = (await h.say(ROOM, ZHANG, '21号楼门口的垃圾桶满了两天了')) as { kind: string; ticketNo: number };
    const receipt = h.newIn(ROOM).at(-1)!;
    expect(receipt).toContain(`#${t.ticketNo}`);
    const out = await h.say(ROOM, ZHANG, '不错，效率挺高', { quoted: { text: receipt, fromBot: true } });
    expect(out).not.toMatchObject({ command: 'rate' });
    expect(out).not.toMatchObject({ kind: 'refused' });
    expect(h.newIn(ROOM).join('\n')).not.toContain('无法评价');
  });
});
