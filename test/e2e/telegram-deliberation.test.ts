// 议事 on Telegram: the real grammY bot against the fake Bot API. Telegram replies carry the replied message's id (not
// its text): a vote is recognised by the bot's stored post it replies to. (A Telegram reply stays in its chat, so the
// outsider case is WeChat's forwarded quote: see wechat-deliberation.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GridSpec } from '../../src/core/ports/grid.repository.ts';
import { FakeTelegram } from '../support/fake-telegram.ts';
import { SMALL_GRID } from '../support/small-grid.ts';
import { telegramHarness, type TelegramHarness } from '../support/telegram-harness.ts';

const ROOMS = ['-1011', '-1012', '-1013'];
const OTHER = '-1020';
const GRID: GridSpec = {
  nodes: SMALL_GRID.nodes,
  groups: [
    ...ROOMS.map((id, i) => ({ platform: 'TELEGRAM' as const, externalId: id, title: `东园一网格${i + 1}群`, nodeCode: i === 0 ? 'U1' : 'G1', tags: [] })),
    { platform: 'TELEGRAM', externalId: OTHER, title: '东园二网格业主群', nodeCode: 'G2', tags: [] },
  ],
  people: SMALL_GRID.people.map((p, i) => ({ ...p, identities: [{ platform: 'TELEGRAM' as const, externalId: String(2001 + i) }] })),
};
const LIN = { id: 2001, name: '林网格员' };
const A = { id: 3001, name: '居民甲' };
const B = { id: 3002, name: '居民乙' };
const C = { id: 3003, name: '居民丙' };

describe('议事 on Telegram', () => {
  let h: TelegramHarness;
  let topicNo = 0;
  const texts = (chat: string) => h.fake.sentTo(chat).map((s) => FakeTelegram.plain(s.text));
  const post = (chat: string, marker: string) => h.fake.sentTo(chat).filter((s) => FakeTelegram.plain(s.text).includes(marker)).at(-1)!;
  const vote = async (chat: string, who: { id: number; name: string }, text: string, postChat = chat) => {
    h.fake.reply(chat, who, text, { messageId: post(postChat, `【议题#${topicNo}】`).messageId });
    await h.settle();
  };

  beforeAll(async () => {
    h = await telegramHarness(GRID);
  }, 60_000);
  afterAll(() => h?.dispose());

  it('posts a topic in the grid\'s three groups and counts votes by reply, the latest of each resident', async () => {
    h.fake.say(ROOMS[0]!, LIN, '议题 网格 楼道是否统一安装声控灯 / 安装 / 不安装');
    await h.settle();
    const first = texts(ROOMS[1]!).find((t) => t.includes('【议题#'))!;
    topicNo = Number(/议题#(\d+)/.exec(first)![1]);
    for (const r of ROOMS) expect(texts(r).some((t) => t.startsWith(`【议题#${topicNo}】楼道是否统一安装声控灯`) && t.includes('选项：1.安装 2.不安装'))).toBe(true);
    expect(texts(OTHER)).toEqual([]);
    await vote(ROOMS[0]!, A, '1');
    await vote(ROOMS[1]!, B, '不安装');
    await vote(ROOMS[2]!, C, '2');
    await vote(ROOMS[2]!, C, '安装');
    await vote(ROOMS[1]!, B, '3');
    expect(texts(ROOMS[1]!).at(-1)).toContain(`议题#${topicNo}没有第3项，请回复 1-2`);
    const live = await h.linli.deliberation.liveTally(topicNo);
    expect(live.counts).toEqual([2, 1]);
    expect(await h.linli.deliberation.recountFromMessages(topicNo)).toEqual(live);
    await h.linli.deliberation.close(topicNo);
    await h.settle();
    for (const r of ROOMS) expect(texts(r).some((t) => t.includes(`【议题#${topicNo}·计票结果】`) && t.includes('安装2，不安装1') && t.includes('“安装”过半数，通过'))).toBe(true);
  });
});
