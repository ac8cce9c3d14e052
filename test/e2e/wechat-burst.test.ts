// Many rooms at once: every appeal gets exactly one ticket and one receipt, redeliveries change nothing, and the
// account's sends stay at least the configured interval apart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GridSpec } from '../../src/core/ports/grid.repository.ts';
import { wechatHarness, type WechatHarness } from '../support/wechat-harness.ts';
import { scriptedTriage } from '../support/scripted-triage.ts';

const ROOMS = 50;
const PER_ROOM = 20;
const INTERVAL = 5;

const CHATTER = ['早上好', '收到', '谢谢大家', '好的好的', '今天天气不错', '晚上几点开会', '哈哈哈', '辛苦了', '明天见', '[玫瑰][玫瑰]',
  '群里有人知道快递几点到吗', '楼下的桂花开了真香', '周末去哪里玩', '孩子放学了', '买菜回来了', '吃了吗', '大家注意保暖', '晚安'];

function grid(): GridSpec {
  const nodes: GridSpec['nodes'] = [
    { code: 'S1', name: '拱辰街道', level: 'STREET', parentCode: null },
    { code: 'C1', name: '东园社区', level: 'COMMUNITY', parentCode: 'S1' },
  ];
  const people: GridSpec['people'] = [];
  for (let g = 1; g <= 5; g++) {
    nodes.push({ code: `G${g}`, name: `第${g}网格`, level: 'GRID', parentCode: 'C1' });
    people.push({ key: `w${g}`, name: `网格员${g}`, identities: [{ platform: 'WECHAT', externalId: `wx-w${g}` }], roles: [{ role: 'GRID_WORKER', nodeCode: `G${g}` }] });
  }
  const groups: GridSpec['groups'] = [];
  for (let r = 1; r <= ROOMS; r++) {
    nodes.push({ code: `U${r}`, name: `${r}号楼`, level: 'UNIT', parentCode: `G${1 + (r % 5)}` });
    groups.push({ platform: 'WECHAT', externalId: `b${r}@chatroom`, title: `${r}号楼睦邻群`, nodeCode: `U${r}`, tags: [] });
  }
  return { nodes, groups, people };
}

describe('a burst across 50 WeChat rooms', () => {
  let h: WechatHarness;
  beforeAll(async () => {
    h = await wechatHarness(grid(), {
      kind: 'postgres',
      // this test is about the platform path, not the model: triage is fixed so that the count is exact
      triage: scriptedTriage([['电梯坏了', { category: 'facility_repair' }], ['排水沟堵了', { category: 'sanitation' }]]),
      sendIntervalMs: INTERVAL,
      sendJitterMs: 3,
      extraContacts: Array.from({ length: 10 }, (_, i) => ({ id: `wx-r${i}`, name: `居民${i}` })),
    });
  }, 120_000);
  afterAll(() => h?.dispose());

  it('gives every appeal one ticket and one receipt, and paces the sends', async () => {
    const appeals = new Map<string, string[]>();
    for (let r = 1; r <= ROOMS; r++) {
      const room = h.rooms.get(`b${r}@chatroom`)!;
      const mine = [`${r}号楼电梯坏了，卡在三楼不动`, `${r}号楼地下车库的排水沟堵了，一直反味`];
      appeals.set(room.id, mine);
      const lines = [...CHATTER.slice(0, PER_ROOM - mine.length)];
      lines.splice(3, 0, mine[0]!);
      lines.splice(12, 0, mine[1]!);
      lines.forEach((text, i) => h.contacts.get(`wx-r${i % 10}`)!.say(text).to(room));
    }
    // a redelivery of some messages (puppets resend after a reconnect)
    const someIds = [...h.mocker.cacheMessagePayload.keys()].slice(0, 30);
    for (const id of someIds) h.wechat.bot.puppet.emit('message', { messageId: id });
    await h.settle();

    const tickets = await h.linli.store.tickets.list({ limit: 1000 });
    expect(tickets).toHaveLength(ROOMS * 2);
    for (let r = 1; r <= ROOMS; r++) {
      const receipts = (h.roomLog.get(`b${r}@chatroom`) ?? []).filter((t) => t.includes('已收到，工单 #'));
      expect(receipts, `room ${r}`).toHaveLength(2);
      expect(h.roomLog.get(`b${r}@chatroom`)).toHaveLength(2); // chatter gets nothing
    }
    const starts = h.wechat.sender.startedAt;
    expect(starts.length).toBe(ROOMS * 2 * 2); // receipts + direct messages to the workers
    const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(INTERVAL - 1);
  }, 180_000);
});
