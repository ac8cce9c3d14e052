// Patrol through real message streams in mock WeChat groups: a fire reaches the grid worker and the community at once,
// and an ad posted in three groups is one finding with one alert per person.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GridSpec } from '../../src/core/ports/grid.repository.ts';
import { SMALL_GRID } from '../support/small-grid.ts';
import { wechatHarness, type WechatHarness } from '../support/wechat-harness.ts';

const ROOMS = ['p1@chatroom', 'p2@chatroom', 'p3@chatroom'];
const GRID: GridSpec = {
  ...SMALL_GRID,
  groups: ROOMS.map((id, i) => ({ platform: 'WECHAT' as const, externalId: id, title: `东园${i + 1}号楼睦邻群`, nodeCode: 'G1', tags: [] })),
};

describe('patrol in WeChat groups', () => {
  let h: WechatHarness;
  beforeAll(async () => {
    h = await wechatHarness(GRID, { extraContacts: [{ id: 'wx-zhang', name: '张阿姨' }] });
  });
  afterAll(() => h?.dispose());

  it('turns a fire into an emergency ticket and alerts the grid worker and the community at once', async () => {
    await h.say(ROOMS[0]!, 'wx-zhang', '着火了！3栋2单元楼道冒烟了，快来人');
    const receipt = (h.roomLog.get(ROOMS[0]!) ?? []).at(-1)!;
    expect(receipt).toMatch(/已登记（消防安全，紧急），已通知网格员立即处置/);
    const no = Number(/#(\d+)/.exec(receipt)![1]);
    expect((await h.linli.tickets.get(no)).urgency).toBe('EMERGENCY');
    expect(h.dmLog.get('wx-lin')?.some((t) => t.includes('【紧急】'))).toBe(true);
    expect(h.dmLog.get('wx-huang')?.some((t) => t.includes('【紧急】'))).toBe(true);
    const findings = await h.linli.store.patrol.list({ openOnly: true, limit: 50 });
    expect(findings.filter((f) => f.rule === 'hazard')).toHaveLength(1);
  });

  it('flags the same ad across three groups once, with one alert per person', async () => {
    const before = h.dmLog.get('wx-lin')?.length ?? 0;
    // the advertiser joins the three groups (WeChat reports each join), then posts the same ad in each
    const ad = h.mocker.createContact({ id: 'wx-ad', name: '兼职小妹' });
    h.contacts.set(ad.id, ad);
    for (const room of ROOMS) h.rooms.get(room)!.add(ad).by(h.contacts.get('wx-zhang')!);
    await h.settle();
    for (const room of ROOMS) await h.say(room, 'wx-ad', '兼职刷单日结300元，宝妈学生都可以，加V：abc12345');
    const spam = (await h.linli.store.patrol.list({ openOnly: true, limit: 50 })).filter((f) => f.rule === 'spam');
    expect(spam).toHaveLength(1);
    const alerts = (h.dmLog.get('wx-lin') ?? []).slice(before).filter((t) => t.includes('巡查提醒'));
    // one alert, from the first group: a newcomer's ad there, or (when the copies were handled in one batch, as on a
    // loaded machine) the same ad seen in several groups already
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatch(/^巡查提醒：疑似广告（东园1号楼睦邻群(?:等 [23] 个群)?）：兼职刷单日结300元，宝妈学生都可以，加V：abc12345$/);
    // residents see nothing from the bot about it
    for (const room of ROOMS) expect((h.roomLog.get(room) ?? []).some((t) => t.includes('刷单'))).toBe(false);
  });
});
