// Edited messages on Telegram, through the real grammY bot against the fake Bot API and a real PostgreSQL store: a
// worker's command edited to name another ticket replaces the first (a claim made by that very message is taken back
// while nothing else happened on its ticket), and a reply to the bot edited into a verdict or a thanks reads as the same
// reply sent new, once.
import type { Message } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GridSpec } from '../../src/core/ports/grid.repository.ts';
import { FakeTelegram } from '../support/fake-telegram.ts';
import { SMALL_GRID } from '../support/small-grid.ts';
import { telegramHarness, type TelegramHarness } from '../support/telegram-harness.ts';

const G = '-1031';
const GRID: GridSpec = {
  nodes: SMALL_GRID.nodes,
  groups: [{ platform: 'TELEGRAM', externalId: G, title: '东园20号楼睦邻群', nodeCode: 'U1', tags: [] }],
  people: [
    ...SMALL_GRID.people.map((p, i) => ({ ...p, identities: [{ platform: 'TELEGRAM' as const, externalId: String(2001 + i) }] })),
    { key: 'liu', name: '刘志愿', identities: [{ platform: 'TELEGRAM', externalId: '4001' }], roles: [{ role: 'VOLUNTEER', nodeCode: 'C1' }] },
  ],
};
const LIN = { id: 2001, name: '林网格员' };
const LIU = { id: 4001, name: '刘志愿' };
const ZHANG = { id: 3001, name: '张阿姨' };
const LI = { id: 3002, name: '李先生' };
const MA = { id: 3003, name: '马阿姨' };
const ZHAO = { id: 3004, name: '赵大爷' };

describe('edited messages on Telegram', () => {
  let h: TelegramHarness;
  const texts = (chat: string | number) => h.fake.sentTo(chat).map((s) => FakeTelegram.plain(s.text));
  const edit = (m: Message, text: string, after: number) => h.fake.push({ edited_message: { ...m, text, edit_date: m.date + after } } as never);
  const appeal = async (who: { id: number; name: string }, text: string) => {
    h.fake.say(G, who, text);
    await h.settle();
    return Number(/工单 #(\d+)/.exec(texts(G).at(-1)!)![1]);
  };
  const types = async (no: number) => (await h.linli.tickets.timeline((await h.linli.tickets.get(no)).id)).map((e) => e.type);

  beforeAll(async () => {
    h = await telegramHarness(GRID, { kind: 'postgres', limits: { groupPerMinute: 1000 } });
  }, 60_000);
  afterAll(() => h?.dispose());

  it('a claim edited to name another ticket takes back its first claim and claims the other, once; back again works too', async () => {
    const a = await appeal(ZHANG, '20号楼1单元的楼道灯坏了，晚上一片漆黑');
    const b = await appeal(LI, '20号楼地下车库的排水沟堵了，积水很深');
    const before = (await h.linli.tickets.get(a)).assigneeId;
    const claim = h.fake.say(G, LIN, `认领 #${a}`);
    await h.settle();
    expect(texts(G).at(-1)).toContain(`工单 #${a} 已由林网格员受理`);

    const sends = h.fake.sent.length;
    edit(claim, `认领 #${b}`, 10);
    await h.settle();
    // #a waits to be claimed again, with one event saying so; #b is claimed; only #b's reporter hears of it
    expect(await h.linli.tickets.get(a)).toMatchObject({ status: 'REPORTED', assigneeId: before, acceptedAt: null });
    expect(await types(a)).toEqual(['reported', 'claimed', 'unclaimed']);
    expect(await h.linli.tickets.get(b)).toMatchObject({ status: 'ACCEPTED' });
    expect(await types(b)).toEqual(['reported', 'claimed']);
    const told = h.fake.sent.slice(sends).filter((s) => s.chatId === G).map((s) => FakeTelegram.plain(s.text));
    expect(told).toEqual([expect.stringMatching(new RegExp(`^@李先生 工单 #${b} 已由林网格员受理`))]);
    expect(h.logs().some((l) => l.msg === 'edited command names another ticket: the claim its earlier version made is taken back' && l.ticketNo === a)).toBe(true);

    // edited back: #b is taken back and #a claimed again
    edit(claim, `认领 #${a}`, 20);
    await h.settle();
    expect((await h.linli.tickets.get(a)).status).toBe('ACCEPTED');
    expect(await types(a)).toEqual(['reported', 'claimed', 'unclaimed', 'claimed']);
    expect((await h.linli.tickets.get(b)).status).toBe('REPORTED');
    expect(await types(b)).toEqual(['reported', 'claimed', 'unclaimed']);
  });

  it('leaves the first ticket as it is when something happened on it since, and carries out the edited command quietly', async () => {
    const c = await appeal(MA, '20号楼3单元门口的井盖松了，踩上去会晃');
    const d = await appeal(ZHAO, '20号楼北侧的路灯一直闪，晚上晃眼睛');
    const claim = h.fake.say(G, LIN, `认领 #${c}`);
    await h.settle();
    h.fake.say(G, LIN, `进展 #${c} 已联系物业，下午来换`);
    await h.settle();
    const sends = h.fake.sentTo(G).length;
    edit(claim, `认领 #${d}`, 10);
    await h.settle();
    expect((await h.linli.tickets.get(c)).status).toBe('ACCEPTED');
    expect(await types(c)).toEqual(['reported', 'claimed', 'progress']);
    expect((await h.linli.tickets.get(d)).status).toBe('ACCEPTED');
    expect(texts(G).slice(sends)).toEqual([expect.stringMatching(new RegExp(`^@赵大爷 工单 #${d} 已由林网格员受理`))]);
  });

  it('reads a reply to the 办结 message edited into a verdict as that reply sent new, once', async () => {
    const no = await appeal(ZHANG, '20号楼2单元的电梯按钮失灵了，按了没反应');
    h.fake.say(G, LIN, `办结 #${no} 按钮已更换`);
    await h.settle();
    const closing = h.fake.lastSentTo(G)!;
    expect(FakeTelegram.plain(closing.text)).toContain(`工单 #${no} 已办结`);
    const answer = h.fake.reply(G, ZHANG, '我下去看看', { messageId: closing.messageId, text: FakeTelegram.plain(closing.text) });
    await h.settle();
    expect((await h.linli.tickets.get(no)).status).toBe('RESOLVED');
    edit(answer, '挺好的，谢谢', 30);
    await h.settle();
    expect(texts(G).at(-1)).toBe(`@张阿姨 感谢您的评价（满意），工单 #${no} 已关闭。`);
    expect(await h.linli.tickets.get(no)).toMatchObject({ status: 'CLOSED', satisfaction: 'SATISFIED' });
    // edited again: rated already by this very message, nothing to do nor to say
    const sends = h.fake.sentTo(G).length;
    edit(answer, '挺好的，谢谢师傅', 40);
    await h.settle();
    expect(texts(G).slice(sends)).toEqual([]);
    expect(await types(no)).toEqual(['reported', 'claimed', 'resolved', 'closed']);
  });

  it('reads a reply to a 请确认 post edited into a thanks as that reply sent new: the request it quotes is confirmed, once', async () => {
    // two requests of hers wait for her: only the post her reply quotes tells which
    const requests: number[] = [];
    for (const line of ['求助 帮我去医院陪诊，周三上午复查', '求助 帮忙代缴一下这个月的水费']) {
      h.fake.say(G, LI, line);
      await h.settle();
      requests.push(Number(/求助#(\d+)/.exec(texts(G).at(-1)!)![1]));
    }
    for (const no of requests) {
      h.fake.say(G, LIN, `派单 #${no} 刘志愿`);
      h.fake.say(G, LIU, `接单 #${no}`);
      h.fake.say(G, LIU, `完成 #${no} 已办好`);
      await h.settle();
    }
    const ask = h.fake.sentTo(G).filter((s) => FakeTelegram.plain(s.text).includes(`【求助#${requests[1]}·请确认】`)).at(-1)!;
    const answer = h.fake.reply(G, LI, '稍等，我问问家里人', { messageId: ask.messageId, text: FakeTelegram.plain(ask.text) });
    await h.settle();
    expect((await h.linli.store.service.findById(requests[1]!))!.status).toBe('DONE');
    edit(answer, '收到了，谢谢', 30);
    await h.settle();
    expect(texts(G).at(-1)).toContain(`求助#${requests[1]}已完成，感谢志愿者刘志愿！`);
    expect((await h.linli.store.service.findById(requests[1]!))!.status).toBe('CONFIRMED');
    expect((await h.linli.store.service.findById(requests[0]!))!.status).toBe('DONE');
    const sends = h.fake.sentTo(G).length;
    edit(answer, '收到了，谢谢志愿者', 40);
    await h.settle();
    expect(texts(G).slice(sends)).toEqual([]);
    const liu = (await h.linli.store.people.ensureByIdentity('TELEGRAM', String(LIU.id), '')).id;
    expect((await h.linli.store.service.ledger({ personId: liu })).map((e) => e.points)).toEqual([10]);
  });
});
