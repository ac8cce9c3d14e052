import { describe, expect, it } from 'vitest';
import { spamFinding, spamNeeds, type SpamContext } from '../../../../src/core/patrol/spam.rule.ts';
import { G20, G21, G22, msg, minutes, T0 } from './fixtures.ts';

const OLD_MEMBER = new Date('2025-03-01T00:00:00Z');
const JUST_JOINED = new Date(T0.getTime() - 2 * 3600_000);
const ctx = (over: Partial<SpamContext> = {}): SpamContext => ({ joinedAt: OLD_MEMBER, senderIsStaff: false, senderRecent: [], ...over });
const TITLES = new Map([[G20.id, G20.title], [G21.id, G21.title], [G22.id, G22.title]]);

describe('spam rule', () => {
  it.each([
    '招兼职刷单，日结300，有意者私聊',
    '低息贷款，无抵押，当天放款',
    '正品代购，需要的加V：lk88990',
    '点击领取小区专属福利 https://t.cn/abc123',
  ])('a newcomer posting an ad is MEDIUM: %s', (text) => {
    expect(spamFinding(msg(text), G20, ctx({ joinedAt: JUST_JOINED }))).toMatchObject({ rule: 'spam', severity: 'MEDIUM', data: { reason: 'newcomer' } });
  });

  it('a join time unknown is no newcomer on the bot\'s first days in the group (everyone is unknown then)', () => {
    const link = '点击领取小区专属福利 https://t.cn/abc123';
    expect(spamFinding(msg(link), G20, ctx({ joinedAt: null }))).toBeNull();
    // the bot first saw the group this morning; the sender first wrote an hour ago
    expect(spamFinding(msg(link), G20, ctx({ joinedAt: null, groupSeenSince: minutes(-120), firstSpokeAt: minutes(-60) }))).toBeNull();
  });

  it('a join time unknown is a newcomer when the bot has been there longer than the window and they first wrote within it', () => {
    const link = '点击领取小区专属福利 https://t.cn/abc123';
    const seenLong = minutes(-3 * 24 * 60);
    expect(spamFinding(msg(link), G20, ctx({ joinedAt: null, groupSeenSince: seenLong, firstSpokeAt: T0 }))).toMatchObject({ severity: 'MEDIUM', data: { reason: 'newcomer', newcomer: true } });
    expect(spamFinding(msg(link), G20, ctx({ joinedAt: null, groupSeenSince: seenLong, firstSpokeAt: null }))?.severity).toBe('MEDIUM'); // this is their first line
    // one who has written there for days is a neighbour
    expect(spamFinding(msg(link), G20, ctx({ joinedAt: null, groupSeenSince: seenLong, firstSpokeAt: minutes(-2 * 24 * 60) }))).toBeNull();
  });

  it('a known recent join is a newcomer whatever the bot has seen: a real spammer on the bot\'s first day is flagged', () => {
    expect(spamFinding(msg('兼职日结，在家就能做'), G20, ctx({ joinedAt: JUST_JOINED, groupSeenSince: minutes(-30), firstSpokeAt: T0 }))?.severity).toBe('MEDIUM');
    // and a known old join is no newcomer, even if they never wrote before
    expect(spamFinding(msg('兼职日结，在家就能做'), G20, ctx({ joinedAt: OLD_MEMBER, groupSeenSince: minutes(-3 * 24 * 60), firstSpokeAt: T0 }))).toBeNull();
  });

  it('a member of long standing mentioning the same words once is not flagged', () => {
    expect(spamFinding(msg('谁家有代购的奶粉渠道吗？孩子等着喝'), G20, ctx())).toBeNull();
    expect(spamFinding(msg('物业的缴费链接在这 https://pay.example.cn/wy'), G20, ctx())).toBeNull();
  });

  it('a neighbour asking to add WeChat is not spam, even from a newcomer (no ad, no account handed out)', () => {
    expect(spamFinding(msg('加个微信吧我把钥匙给你'), G20, ctx())).toBeNull();
    expect(spamFinding(msg('加个微信吧我把钥匙给你'), G20, ctx({ joinedAt: JUST_JOINED }))).toBeNull();
  });

  it('staff are never flagged: a notice to every group is a broadcast', () => {
    const copies = [G20, G21, G22].map((g, i) => msg('请扫码填写人口普查登记表 https://gov.example.cn/form', { groupId: g.id, sentAt: minutes(i) }));
    expect(spamFinding(copies[2]!, G22, ctx({ senderIsStaff: true, joinedAt: null, senderRecent: copies }))).toBeNull();
  });

  it('the same ad in three groups within an hour is ONE finding, with one key for every copy', () => {
    const text = '🔥兼职刷单🔥 日结！加V：abc8899';
    const copies = [
      msg(text, { groupId: G20.id, sentAt: minutes(0) }),
      msg('兼职刷单 日结 加v abc8899', { groupId: G21.id, sentAt: minutes(10) }),
      msg(text + '！！', { groupId: G22.id, sentAt: minutes(20) }),
    ];
    const groups = [G20, G21, G22];
    const found = copies.map((c, i) => spamFinding(c, groups[i]!, ctx({ senderRecent: copies.slice(0, i + 1), groupTitles: TITLES })));
    // a member of long standing: the first two copies are not flagged, the third is, as a cross-group ad
    expect(found[0]).toBeNull();
    expect(found[1]).toBeNull();
    expect(found[2]).toMatchObject({ severity: 'HIGH', groupId: G20.id, messageId: copies[0]!.id, data: { reason: 'cross_group', groupIds: [1, 2, 3] } });
    expect(found[2]?.summary).toBe('疑似广告（东园小区20号楼睦邻群等 3 个群）：🔥兼职刷单🔥 日结！加V：abc8899！！');
  });

  it('a newcomer ad flagged in the first group keeps its key when it reaches the third group', () => {
    const text = '正品代购，需要的加V：lk88990';
    const copies = [G20, G21, G22].map((g, i) => msg(text, { groupId: g.id, sentAt: minutes(50 + i * 5) }));
    const first = spamFinding(copies[0]!, G20, ctx({ joinedAt: JUST_JOINED, senderRecent: copies.slice(0, 1) }));
    const third = spamFinding(copies[2]!, G22, ctx({ joinedAt: JUST_JOINED, senderRecent: copies, groupTitles: TITLES }));
    expect(first?.severity).toBe('MEDIUM');
    expect(third?.severity).toBe('HIGH');
    // the third copy is in the next clock hour (11:00), but the key is the hour the ad started in
    expect(third?.dedupKey).toBe(first?.dedupKey);
  });

  it('copies more than an hour apart do not add up', () => {
    const copies = [G20, G21, G22].map((g, i) => msg('兼职刷单日结加微信', { groupId: g.id, sentAt: minutes(i * 40) }));
    expect(spamFinding(copies[2]!, G22, ctx({ senderRecent: copies }))).toBeNull();
  });

  it('an innocent message repeated in three groups is only LOW (not alerted): lost keys are worth cross-posting', () => {
    const copies = [G20, G21, G22].map((g, i) => msg('谁捡到一串钥匙，上面有个小熊挂件', { groupId: g.id, sentAt: minutes(i) }));
    expect(spamFinding(copies[2]!, G22, ctx({ senderRecent: copies }))).toMatchObject({ severity: 'LOW', summary: expect.stringMatching(/^疑似刷屏/) });
  });

  it('short replies like 收到 are never compared across groups', () => {
    const copies = [G20, G21, G22].map((g, i) => msg('收到，谢谢', { groupId: g.id, sentAt: minutes(i) }));
    expect(spamFinding(copies[2]!, G22, ctx({ senderRecent: copies }))).toBeNull();
  });

  it('judges the same without the context spamNeeds says it does not need', () => {
    const texts = ['好的', '收到', '早上好', '谢谢大家', '今天天气真不错', '兼职日结', '兼职', '代购', '加V：abc8899', '🔥兼职刷单🔥 日结！加V：abc8899', '加个微信吧我把钥匙给你', '12号楼电梯坏了', 'https://t.cn/x', '低息贷款，无抵押'];
    let checked = 0;
    for (const text of texts) {
      for (const joinedAt of [OLD_MEMBER, JUST_JOINED, null]) {
        const copies = [G21, G22].map((g, i) => msg(text, { groupId: g.id, sentAt: minutes(i) }));
        const m = msg(text, { groupId: G20.id, sentAt: minutes(5) });
        const full = ctx({ joinedAt, senderRecent: [...copies, m], groupTitles: TITLES });
        const needs = spamNeeds(m);
        const reduced = ctx({ joinedAt: needs.joinedAt ? joinedAt : null, senderRecent: needs.senderRecent ? full.senderRecent : [], groupTitles: TITLES });
        expect(spamFinding(m, G20, reduced), `${text} / ${String(joinedAt)}`).toEqual(spamFinding(m, G20, full));
        checked++;
      }
    }
    expect(checked).toBe(texts.length * 3);
    // and it does leave things out: a short line needs nothing, an ad needs its join time
    expect(spamNeeds(msg('好的'))).toEqual({ senderRecent: false, joinedAt: false });
    expect(spamNeeds(msg('兼职'))).toEqual({ senderRecent: false, joinedAt: true });
    expect(spamNeeds(msg('今天天气真不错'))).toEqual({ senderRecent: true, joinedAt: true });
  });
});
