// Sandbox sweep, session 17: right after their appeal a resident wrote "我家电话13812345678，网格员看到了给我回个电话".
// The bot said nothing, added nothing to the ticket, and the worker never heard of it. A follow-up that leaves a way to
// reach the resident or asks for a call back is now added to their recent ticket: the group hears it was passed on,
// the worker holding it reads it (the number masked, as everything the bot sends; staff read it in the ticket).
// Through the shipped local triage.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import { createTriage } from '../../src/adapters/triage/create-triage.ts';
import { harness, LI, LIN, ZHANG, type Harness } from '../support/harness.ts';

const ROOM = 'room-20';

describe('a follow-up leaving a phone number or asking for a call back', () => {
  let h: Harness;
  let n = 0;
  beforeAll(async () => {
    h = await harness(await createTriage({ triageModel: undefined, llm: undefined }, createMemoryLogger().logger));
  });
  afterAll(() => h.dispose());
  beforeEach(() => void h.newIn(ROOM));

  const problems = ['楼上装修从早上八点一直敲到现在，周末也不让人休息，能不能管管', '20号楼门口的路灯坏了好几天了，晚上黑乎乎的',
    '楼道里的垃圾三天没人清了，臭得不行', '地下车库入口积水很深，车都开不进去', '单元门禁坏了好几天了，谁都能随便进来', '小区东门的健身器材断了一根，螺丝都露出来了'];
  async function appeal(who = ZHANG): Promise<number> {
    const t = (await h.say(ROOM, who, problems[n++]!)) as { kind: string; ticketNo: number };
    expect(t.kind).toBe('ticket');
    h.newIn(ROOM);
    return t.ticketNo;
  }

  const lines = [
    '我家电话13812345678，网格员看到了给我回个电话',
    '网格员看到了给我回个电话',
    '有事打我电话 139 1234 5678',
    '我手机号15912345678，随时联系',
    '麻烦联系我一下，我白天都在家',
  ];
  for (const text of lines) {
    it(`"${text}" is added to the ticket, acknowledged, and told to its worker`, async () => {
      const no = await appeal();
      const t = await h.tickets.get(no);
      const dms = h.chat.sent.length;
      expect(await h.say(ROOM, ZHANG, text)).toMatchObject({ kind: 'supplemented', ticketNo: no });
      expect(h.newIn(ROOM)).toEqual([`@张阿姨 已补充到工单 #${no}，网格员会一并查看。`]);
      const told = h.chat.sent.slice(dms).filter((m) => 'user' in m.to).map((m) => m.rendered);
      expect(told).toHaveLength(1);
      expect(told[0]).toMatch(new RegExp(`^工单 #${no} 反映人补充：`));
      // no whole phone number leaves the bot (masked as 138****5678)
      expect(told[0]).not.toMatch(/1[3-9]\d[\s.-]?\d{4}[\s.-]?\d{4}/);
      // the ticket keeps the words whole, for staff
      expect((await h.tickets.timeline(t.id)).at(-1)).toMatchObject({ type: 'supplemented', note: text });
      expect(t.assigneeId).not.toBeNull();
      expect((await h.store.people.findById(t.assigneeId!))?.name).toBeDefined();
    });
  }

  it('not from someone else, not long after, not small talk', async () => {
    const no = await appeal();
    // a neighbour's number is not the reporter's follow-up
    expect(await h.say(ROOM, LI, '我电话13912345678，有需要可以找我')).not.toMatchObject({ kind: 'supplemented' });
    // small talk after one's appeal stays small talk
    expect(await h.say(ROOM, ZHANG, '今天天气不错')).toEqual({ kind: 'chatter' });
    expect((await h.tickets.timeline((await h.tickets.get(no)).id)).map((e) => e.type)).toEqual(['reported']);
    // the worker is not told of small talk
    expect(h.chat.toUser(LIN.id).map((m) => m.text).join('\n')).not.toContain('今天天气不错');
  });
});
