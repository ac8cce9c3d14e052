// 三单式 service on Telegram: the real grammY bot against the fake Bot API. A resident's untriggered line asking for
// 陪诊 becomes a request (not a ticket), the grid worker dispatches it to a named volunteer (told directly), who takes
// it and reports it done; the resident confirms by replying to the bot's post; the points are recorded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GridSpec } from '../../src/core/ports/grid.repository.ts';
import { FakeTelegram } from '../support/fake-telegram.ts';
import { SMALL_GRID } from '../support/small-grid.ts';
import { telegramHarness, type TelegramHarness } from '../support/telegram-harness.ts';

const HOME = '-1021';
const GRID: GridSpec = {
  nodes: SMALL_GRID.nodes,
  groups: [{ platform: 'TELEGRAM', externalId: HOME, title: '东园20号楼睦邻群', nodeCode: 'U1', tags: [] }],
  people: [
    ...SMALL_GRID.people.map((p, i) => ({ ...p, identities: [{ platform: 'TELEGRAM' as const, externalId: String(2001 + i) }] })),
    { key: 'liu', name: '刘志愿', identities: [{ platform: 'TELEGRAM', externalId: '4001' }], roles: [{ role: 'VOLUNTEER', nodeCode: 'C1' }] },
  ],
};
const LIN = { id: 2001, name: '林网格员' };
const HUANG = 2005;
const LIU = { id: 4001, name: '刘志愿' };
const ZHANG = { id: 3001, name: '张阿姨' };

describe('三单式 service on Telegram', () => {
  let h: TelegramHarness;
  const texts = (chat: string | number) => h.fake.sentTo(chat).map((s) => FakeTelegram.plain(s.text));
  const say = async (chat: string, who: { id: number; name: string }, text: string) => {
    h.fake.say(chat, who, text);
    await h.settle();
  };

  beforeAll(async () => {
    h = await telegramHarness(GRID);
  }, 60_000);
  afterAll(() => h?.dispose());

  it('takes a 陪诊 request from an untriggered line, dispatches, takes, confirms by reply and records the points', async () => {
    await say(HOME, ZHANG, '谁能帮我妈去医院陪个诊？她腿脚不方便');
    const receipt = texts(HOME).find((t) => t.includes('已收到您的求助'))!;
    const no = Number(/求助#(\d+)/.exec(receipt)![1]);
    expect(receipt).toContain('陪诊');
    expect(await h.linli.store.tickets.list({ limit: 5 })).toEqual([]);
    expect(texts(HUANG).at(-1)).toContain(`【求助#${no}·待派单】陪诊`);

    await say(HOME, LIN, `派单 #${no} 刘志愿`);
    expect(texts(HOME).at(-1)).toContain(`求助#${no}已派给志愿者刘志愿`);
    expect(texts(LIU.id).at(-1)).toContain(`【求助#${no}·派单】陪诊`);
    await say(HOME, LIU, `接单 #${no}`);
    expect(texts(HOME).some((t) => t.includes(`求助#${no}已由志愿者刘志愿接单`))).toBe(true);
    await say(HOME, LIU, `完成 #${no} 已陪同去医院复查，已送回家`);
    const ask = h.fake.sentTo(HOME).filter((s) => FakeTelegram.plain(s.text).includes(`【求助#${no}·请确认】`)).at(-1)!;
    h.fake.reply(HOME, ZHANG, '满意', { messageId: ask.messageId });
    await h.settle();
    expect(texts(HOME).at(-1)).toContain(`求助#${no}已完成，感谢志愿者刘志愿！已为其记10积分。`);
    expect((await h.linli.store.service.findById(no))!).toMatchObject({ status: 'CONFIRMED', rating: 'SATISFIED' });
    const liu = (await h.linli.store.people.ensureByIdentity('TELEGRAM', String(LIU.id), '')).id;
    expect((await h.linli.store.service.ledger({ personId: liu })).map((e) => e.points)).toEqual([10]);
  });
});
