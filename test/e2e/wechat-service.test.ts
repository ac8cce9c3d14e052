// 三单式 service end to end in real Wechaty on the mock puppet, run by the bot host as `linli start` runs it: a
// resident's 求助 in a building's group, the community staff told directly, 派单 to the volunteers' group, a
// volunteer's 接单 by quote-reply (a second one too late; the requester and the volunteer @-mentioned together in the
// requester's group), 完成, the resident's 确认 by quote-reply, points recorded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GridSpec } from '../../src/core/ports/grid.repository.ts';
import { SMALL_GRID } from '../support/small-grid.ts';
import { BOT_NAME, QUOTE_LINE, wechatHarness, type WechatHarness } from '../support/wechat-harness.ts';

const HOME = 'r20@chatroom';
const VOL = 'vol@chatroom';
const GRID: GridSpec = {
  ...SMALL_GRID,
  groups: [
    { platform: 'WECHAT', externalId: HOME, title: '东园20号楼睦邻群', nodeCode: 'U1', tags: [] },
    { platform: 'WECHAT', externalId: VOL, title: '东园社区志愿者群', nodeCode: 'C1', tags: ['志愿者群'] },
  ],
  people: [
    ...SMALL_GRID.people,
    { key: 'liu', name: '刘志愿', identities: [{ platform: 'WECHAT', externalId: 'wx-liu' }], roles: [{ role: 'VOLUNTEER', nodeCode: 'C1' }] },
    { key: 'sun', name: '孙志愿', identities: [{ platform: 'WECHAT', externalId: 'wx-sun' }], roles: [{ role: 'VOLUNTEER', nodeCode: 'G1' }] },
  ],
};

describe('三单式 service in WeChat groups', () => {
  let h: WechatHarness;
  const log = (room: string) => h.roomLog.get(room) ?? [];
  const quote = async (room: string, who: string, marker: string, text: string) => {
    const post = log(room).filter((t) => t.includes(marker)).at(-1);
    if (!post) throw new Error(`no post ${marker} in ${room}`);
    h.contacts.get(who)!.say(`「${BOT_NAME}：${post}」\n${QUOTE_LINE}\n${text}`).to(h.rooms.get(room));
    await h.settle();
  };

  beforeAll(async () => {
    h = await wechatHarness(GRID, { extraContacts: [{ id: 'wx-zhang', name: '张阿姨' }] });
  }, 60_000);
  afterAll(() => h?.dispose());

  it('runs 点单 → 派单 → 接单 → 完成 → 确认 and records the points once', async () => {
    await h.say(HOME, 'wx-zhang', '求助 家里老人行动不便，帮我代办老年证');
    const receipt = log(HOME).find((t) => t.includes('已收到您的求助'))!;
    const no = Number(/求助#(\d+)/.exec(receipt)![1]);
    expect(receipt).toContain('帮办代办');
    expect(h.dmLog.get('wx-huang')?.at(-1)).toContain(`【求助#${no}·待派单】`);

    await h.say(HOME, 'wx-lin', `派单 求助#${no} 志愿者群`);
    expect(log(HOME).at(-1)).toContain(`求助#${no}已发到1个志愿者群`);
    expect(log(VOL).at(-1)).toMatch(new RegExp(`^【求助#${no}·待接单】帮办代办`));

    await quote(VOL, 'wx-liu', `【求助#${no}·待接单】`, '接单');
    expect(log(VOL).at(-1)).toContain(`您已接下求助#${no}`);
    await quote(VOL, 'wx-sun', `【求助#${no}·待接单】`, '接单');
    expect(log(VOL).at(-1)).toContain(`求助#${no}已有其他志愿者接单`);
    // the requester's group: the requester and the volunteer @-mentioned together, to talk there
    expect(log(HOME).filter((t) => t.includes(`求助#${no}已由志愿者刘志愿接单`))).toEqual([expect.stringMatching(new RegExp(`^@张阿姨.@刘志愿 求助#${no}已由志愿者刘志愿接单，请二位在本群联系。$`, 'u'))]);

    await h.say(VOL, 'wx-liu', `完成 #${no} 已帮忙办好老年证`);
    expect(log(HOME).at(-1)).toContain(`【求助#${no}·请确认】`);
    await quote(HOME, 'wx-zhang', `【求助#${no}·请确认】`, '确认');
    expect(log(HOME).at(-1)).toContain(`求助#${no}已完成，感谢志愿者刘志愿！已为其记10积分。`);
    expect(h.dmLog.get('wx-liu')?.at(-1)).toContain('您获得10积分');

    const liu = (await h.linli.store.people.ensureByIdentity('WECHAT', 'wx-liu', '')).id;
    expect((await h.linli.store.service.totals({})).find((t) => t.personId === liu)).toMatchObject({ points: 10, entries: 1 });
    expect((await h.linli.store.service.findById(no))!.status).toBe('CONFIRMED');
    await quote(HOME, 'wx-zhang', `【求助#${no}·请确认】`, '确认'); // again: refused, no second credit
    expect(log(HOME).at(-1)).toContain(`求助#${no}目前已完成，不能进行此操作`);
    expect(await h.linli.store.service.ledger({ personId: liu })).toHaveLength(1);
  });
});
