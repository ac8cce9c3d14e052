// 三单式 service through the assistant, on PGlite and PostgreSQL: a resident's 求助 (the community staff hear of it),
// 派单 to a named volunteer, 接单 (the requester and the volunteer @-mentioned together; no number handed over), 完成,
// 未完成 back to the volunteer, 确认 with the points credited once (a redelivered message does nothing); 派单 to the
// volunteers' group and two volunteers taking at once; refusals (a resident dispatching, a non-volunteer taking,
// someone else confirming or cancelling); triage's service requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreKind } from '../support/databases.ts';
import { harness, HUANG, LI, LIN, WU, ZHANG, type Harness } from '../support/harness.ts';
import { scriptedTriage } from '../support/scripted-triage.ts';
import { LIU, SERVICE_GRID, SUN, VOLUNTEER_ROOM } from '../support/service-fixture.ts';

const ROOM = 'room-20';
const G2 = 'room-g2';

describe.each<StoreKind>(['pglite', 'postgres'])('三单式 service in the chat on %s', (kind) => {
  let h: Harness;
  let no = 0;
  /** Replies quoting the bot's last post in a group that names `marker`. */
  const quote = (group: string, who: { id: string; name: string }, marker: string, text: string) => {
    const post = h.chat.inGroup(group).filter((m) => m.text.includes(marker)).at(-1);
    if (!post) throw new Error(`no post ${marker} in ${group}`);
    return h.say(group, who, text, { quotedExternalId: post.externalId });
  };
  const dms = (who: { id: string }) => h.chat.toUser(who.id).map((m) => m.text);
  const personOf = async (who: { id: string }) => (await h.store.people.ensureByIdentity('WECHAT', who.id, ''))!.id;

  beforeAll(async () => {
    h = await harness(scriptedTriage([['电梯', { category: 'facility' }]]), { kind, now: new Date('2026-12-07T01:00:00Z') });
    await h.store.grid.importSpec(SERVICE_GRID);
  });
  afterAll(() => h.dispose());

  it('takes a resident\'s 求助 with a number, guesses its kind, and tells the community staff directly', async () => {
    const out = await h.say(ROOM, ZHANG, '求助 家里老人腿脚不便，帮我代办老年证');
    expect(out).toMatchObject({ kind: 'service', action: 'request' });
    no = (out as { requestNo: number }).requestNo;
    expect(h.newIn(ROOM)).toEqual([`@张阿姨 已收到您的求助（求助#${no}，帮办代办），社区将尽快安排志愿者，有人接单后会在本群告诉您。`]);
    const r = (await h.store.service.findById(no))!;
    expect(r).toMatchObject({ status: 'REQUESTED', kind: '帮办代办', requesterId: await personOf(ZHANG) });
    expect(dms(HUANG).at(-1)).toContain(`【求助#${no}·待派单】帮办代办`);
    expect(dms(HUANG).at(-1)).toContain(`派单 求助#${no} @志愿者姓名`);
    expect(dms(HUANG).at(-1)).toContain('可派志愿者：刘志愿、孙志愿');
    // the community has a volunteers' group: the request may be posted there too
    expect(dms(HUANG).at(-1)).toContain(`或“派单 求助#${no} 志愿者群”由志愿者抢单`);
    expect(await h.store.service.events(no)).toHaveLength(1);
  });

  it('refuses a resident who tries to dispatch, and a name that is no volunteer', async () => {
    expect(await h.say(ROOM, ZHANG, `派单 #${no} 刘志愿`)).toEqual({ kind: 'refused', code: 'NOT_AUTHORIZED' });
    expect(h.newIn(ROOM).at(-1)).toContain('派单需由负责该社区的工作人员办理');
    expect(await h.say(ROOM, LIN, `派单 #${no} 李先生`)).toEqual({ kind: 'refused', code: 'NO_VOLUNTEER' });
    expect(h.newIn(ROOM).at(-1)).toContain('未找到本社区名为“李先生”的志愿者');
    expect(await h.say(ROOM, LIN, '派单 #9999 刘志愿')).toEqual({ kind: 'refused', code: 'SERVICE_NOT_FOUND' });
    expect((await h.store.service.findById(no))!.status).toBe('REQUESTED');
  });

  it('dispatches to a named volunteer, who alone may take it; the resident and the volunteer are @-mentioned together to talk', async () => {
    expect(await h.say(ROOM, LIN, `派单 求助#${no} @刘志愿`)).toEqual({ kind: 'service', requestNo: no, action: 'dispatch' });
    expect(h.newIn(ROOM).at(-1)).toContain(`求助#${no}已派给志愿者刘志愿，等待接单。`);
    expect(dms(LIU).at(-1)).toContain(`【求助#${no}·派单】帮办代办`);
    // the direct message says how the volunteer will reach the requester: through the group, by @
    expect(dms(LIU).at(-1)).toContain('接单后会在“东园20号楼睦邻群”@您和求助人，请在该群联系。');
    expect(await h.say(VOLUNTEER_ROOM, SUN, `接单 求助#${no}`)).toEqual({ kind: 'refused', code: 'NOT_AUTHORIZED' });
    expect(h.newIn(VOLUNTEER_ROOM).at(-1)).toContain(`求助#${no}不是派给您的`);
    expect(await h.say(VOLUNTEER_ROOM, LIU, `接单 #${no}`)).toEqual({ kind: 'service', requestNo: no, action: 'take' });
    expect(h.newIn(VOLUNTEER_ROOM).at(-1)).toBe(
      `@刘志愿 您已接下求助#${no}，谢谢！已在“东园20号楼睦邻群”@您和求助人张阿姨，请在该群联系（不在该群的，请社区工作人员拉您入群）。办好后请发“完成 求助#${no} 办理情况”。`,
    );
    // the requester's group: both @-mentioned, so they can talk there
    const taken = h.chat.inGroup(ROOM).at(-1)!;
    expect(h.newIn(ROOM)).toEqual([`@张阿姨 @刘志愿 求助#${no}已由志愿者刘志愿接单，请二位在本群联系。`]);
    expect(taken.options.mentions?.map((m) => m.externalId)).toEqual([ZHANG.id, LIU.id]);
    expect((await h.store.service.findById(no))!).toMatchObject({ status: 'TAKEN', volunteerId: await personOf(LIU) });
  });

  it('a volunteer taking in the requester\'s own group is told to talk there; the requester\'s phone never reaches the volunteer', async () => {
    const out = await h.say(ROOM, ZHANG, '求助 我妈腿脚不便，想请人帮忙代办一下老年证，电话13812345678');
    const k = (out as { requestNo: number }).requestNo;
    await h.say(ROOM, LIN, `派单 求助#${k} @孙志愿`);
    await h.say(ROOM, SUN, `接单 求助#${k}`);
    const said = h.newIn(ROOM);
    expect(said).toContain(`@孙志愿 您已接下求助#${k}，谢谢！请在本群与求助人张阿姨联系。办好后请发“完成 求助#${k} 办理情况”。`);
    expect(said).toContain(`@张阿姨 @孙志愿 求助#${k}已由志愿者孙志愿接单，请二位在本群联系。`);
    // what the volunteer was sent (the 派单 by direct message) shows the number masked, as everything the bot sends
    expect(dms(SUN).at(-1)).toContain('电话138****5678');
    const toVolunteer = [...dms(SUN), ...h.chat.inGroup(ROOM).map((m) => m.text), ...h.chat.inGroup(VOLUNTEER_ROOM).map((m) => m.text)];
    expect(toVolunteer.filter((t) => t.includes('13812345678'))).toEqual([]);
    await h.say(ROOM, ZHANG, `取消求助 #${k}`);
  });

  it('asks the resident to confirm when done; someone else cannot; 未完成 sends it back to the volunteer', async () => {
    await h.say(VOLUNTEER_ROOM, LIU, `完成 #${no} 已帮忙办好老年证`);
    expect(h.newIn(ROOM).at(-1)).toContain(`【求助#${no}·请确认】志愿者刘志愿已办好：已帮忙办好老年证`);
    expect(await quote(ROOM, LI, `【求助#${no}·请确认】`, '确认')).toEqual({ kind: 'refused', code: 'NOT_REPORTER' });
    expect(h.newIn(ROOM).at(-1)).toContain(`求助#${no}需由求助人本人或工作人员操作`);
    expect(await quote(ROOM, ZHANG, `【求助#${no}·请确认】`, '未完成，证还没拿到')).toMatchObject({ kind: 'service', action: 'reopen' });
    expect((await h.store.service.findById(no))!.status).toBe('TAKEN');
    expect(dms(LIU).at(-1)).toContain(`求助#${no}求助人反映尚未办好：证还没拿到`);
    expect(await h.say(ROOM, ZHANG, `确认 #${no}`)).toEqual({ kind: 'refused', code: 'ILLEGAL_TRANSITION' });
    expect(h.newIn(ROOM).at(-1)).toContain(`求助#${no}目前已接单，不能进行此操作`);
  });

  it('confirms by the requester and credits the volunteer once; a redelivered message does nothing', async () => {
    await h.say(VOLUNTEER_ROOM, LIU, `完成 #${no} 老年证已送到家`);
    h.newIn(ROOM);
    const confirm = h.chat.inGroup(ROOM).filter((m) => m.text.includes(`【求助#${no}·请确认】`)).at(-1)!;
    const msg = { quotedExternalId: confirm.externalId, externalId: 'in-confirm' };
    expect(await h.say(ROOM, ZHANG, '确认，谢谢', msg)).toMatchObject({ kind: 'service', action: 'confirm' });
    expect(h.newIn(ROOM)).toEqual([`@张阿姨 求助#${no}已完成，感谢志愿者刘志愿！已为其记10积分。`]);
    expect(dms(LIU).at(-1)).toContain(`求助#${no}已经求助人确认完成，您获得10积分`);
    const liu = await personOf(LIU);
    expect(await h.say(ROOM, ZHANG, '确认，谢谢', msg)).toEqual({ kind: 'duplicate' });
    // the same message handled again (a retry after a crash): no second step, no second credit, nothing sent
    const stored = (await h.store.service.events(no)).find((e) => e.kind === 'confirmed')!;
    const again = await h.service.confirm(no, await personOf(ZHANG), undefined, { messageId: stored.messageId!, groupId: 0, at: new Date() });
    expect(again.again).toBe(true);
    expect(h.newIn(ROOM)).toEqual([]);
    const ledger = await h.store.service.ledger({ personId: liu });
    expect(ledger.map((e) => [e.points, e.sourceKey])).toEqual([[10, `service:${no}:confirmed`]]);
    expect((await h.store.service.findById(no))!).toMatchObject({ status: 'CONFIRMED' });
    expect((await h.store.service.events(no)).map((e) => e.kind)).toEqual(['requested', 'dispatched', 'taken', 'done', 'reopened', 'done', 'confirmed']);
    expect(await quote(ROOM, ZHANG, `【求助#${no}·请确认】`, '确认')).toEqual({ kind: 'refused', code: 'ILLEGAL_TRANSITION' });
    expect(await h.store.service.ledger({ personId: liu })).toHaveLength(1);
  });

  it('a plain thanks or OK from the requester confirms, quoting the 请确认 post or as their only one waiting; a complaint does not', async () => {
    const doneRequest = async (text: string) => {
      const k = ((await h.say(ROOM, ZHANG, `求助 ${text}`)) as { requestNo: number }).requestNo;
      await h.say(ROOM, LIN, `派单 求助#${k} @刘志愿`);
      await h.say(VOLUNTEER_ROOM, LIU, `接单 求助#${k}`);
      await h.say(VOLUNTEER_ROOM, LIU, `完成 #${k} 已办好`);
      h.newIn(ROOM);
      return k;
    };
    const status = async (k: number) => (await h.store.service.findById(k))!.status;
    const a = await doneRequest('老人想请人帮忙代办高龄补贴');
    // a complaint or a negation, quoted or not, confirms nothing (a quoted 不满意 sends it back, see above)
    for (const words of ['没收到，谢谢', '还没来', '不对', '谢谢，不满意']) {
      expect(await quote(ROOM, ZHANG, `【求助#${a}·请确认】`, words)).not.toMatchObject({ action: 'confirm' });
      expect(await h.say(ROOM, ZHANG, words)).not.toMatchObject({ action: 'confirm' });
    }
    expect(await h.say(ROOM, ZHANG, '不满意')).not.toMatchObject({ kind: 'service' });
    // someone else's thanks is not the requester's
    expect(await h.say(ROOM, LI, '收到，谢谢')).not.toMatchObject({ kind: 'service' });
    expect(await status(a)).toBe('DONE');
    expect(await quote(ROOM, ZHANG, `【求助#${a}·请确认】`, '收到了，谢谢志愿者！')).toEqual({ kind: 'service', requestNo: a, action: 'confirm' });
    expect(h.newIn(ROOM)).toEqual([`@张阿姨 求助#${a}已完成，感谢志愿者刘志愿！已为其记10积分。`]);
    expect(dms(LIU).at(-1)).toContain(`求助#${a}已经求助人确认完成，您获得10积分`);
    expect(await status(a)).toBe('CONFIRMED');

    // unquoted: the requester's only request waiting in this group
    const b = await doneRequest('想请人帮忙代办老年证');
    // a bare 好 says too little
    expect(await h.say(ROOM, ZHANG, '好')).not.toMatchObject({ kind: 'service' });
    expect(await h.say(ROOM, ZHANG, '已收到，谢谢')).toEqual({ kind: 'service', requestNo: b, action: 'confirm' });
    expect(h.newIn(ROOM)).toEqual([`@张阿姨 求助#${b}已完成，感谢志愿者刘志愿！已为其记10积分。`]);

    // two waiting: an unquoted thanks names neither; quoting one confirms that one, then the other is the only one
    const c = await doneRequest('帮我代领一下社保卡');
    const d = await doneRequest('帮我代办一下残疾证');
    expect(await h.say(ROOM, ZHANG, '好的谢谢')).not.toMatchObject({ kind: 'service' });
    expect([await status(c), await status(d)]).toEqual(['DONE', 'DONE']);
    expect(await quote(ROOM, ZHANG, `【求助#${d}·请确认】`, '好的谢谢')).toEqual({ kind: 'service', requestNo: d, action: 'confirm' });
    expect(await h.say(ROOM, ZHANG, '收到👍')).toEqual({ kind: 'service', requestNo: c, action: 'confirm' });
    expect([await status(c), await status(d)]).toEqual(['CONFIRMED', 'CONFIRMED']);
    // nothing waiting: a thanks is chatter
    h.newIn(ROOM);
    expect(await h.say(ROOM, ZHANG, '谢谢')).not.toMatchObject({ kind: 'service' });
    expect(h.newIn(ROOM)).toEqual([]);
  });

  it('posts to the volunteers\' group for the first taker: a non-volunteer is refused, of two at once one gets it', async () => {
    const out = await h.say(G2, LI, '求助 下周二想请人陪我去医院复查');
    const pool = (out as { requestNo: number }).requestNo;
    expect((await h.store.service.findById(pool))!.kind).toBe('陪诊');
    expect(await h.say(G2, WU, `派单 #${pool} 志愿者群`)).toMatchObject({ kind: 'service', action: 'dispatch' });
    expect(h.newIn(G2).at(-1)).toContain(`求助#${pool}已发到1个志愿者群`);
    const post = h.newIn(VOLUNTEER_ROOM).find((t) => t.includes(`【求助#${pool}·待接单】陪诊`));
    expect(post).toContain('请回复本消息“接单”，先到先得');
    expect(await quote(VOLUNTEER_ROOM, ZHANG, `【求助#${pool}·待接单】`, '接单')).toEqual({ kind: 'refused', code: 'NOT_AUTHORIZED' });
    expect(h.newIn(VOLUNTEER_ROOM).at(-1)).toContain('接单需由登记的志愿者办理');
    const [a, b] = await Promise.all([quote(VOLUNTEER_ROOM, LIU, `【求助#${pool}·待接单】`, '接单'), quote(VOLUNTEER_ROOM, SUN, `【求助#${pool}·待接单】`, '接单')]);
    expect([a, b].map((o) => (o as { action: string }).action).sort()).toEqual(['lost', 'take']);
    const said = h.newIn(VOLUNTEER_ROOM);
    expect(said.filter((t) => t.includes(`您已接下求助#${pool}`))).toHaveLength(1);
    expect(said.filter((t) => t.includes(`求助#${pool}已有其他志愿者接单`))).toHaveLength(1);
    expect(said.filter((t) => t.includes(`求助#${pool}已由志愿者`) && t.includes('谢谢大家'))).toHaveLength(1);
    expect(h.newIn(G2).filter((t) => t.includes(`求助#${pool}已由志愿者`))).toHaveLength(1);
    const r = (await h.store.service.findById(pool))!;
    const winner = (a as { action: string }).action === 'take' ? LIU : SUN;
    expect(r).toMatchObject({ status: 'TAKEN', pooled: true, volunteerId: await personOf(winner) });
    // staff may confirm on the resident's behalf
    await h.say(VOLUNTEER_ROOM, winner, `完成 求助#${pool} 已陪同复查`);
    expect(await h.say(G2, WU, `确认 #${pool}`)).toMatchObject({ kind: 'service', action: 'confirm' });
    expect(await h.store.service.totals({})).toEqual(expect.arrayContaining([expect.objectContaining({ personId: await personOf(winner) })]));
  });

  it('lets one of two volunteers taking at the same moment have it, in the desk itself', async () => {
    const out = await h.say(ROOM, ZHANG, '求助 想请人帮忙换个灯泡');
    const k = (out as { requestNo: number }).requestNo;
    expect((await h.store.service.findById(k))!.kind).toBe('小修');
    await h.say(ROOM, HUANG, `派单 #${k} 志愿者群`);
    const [liu, sun] = [await personOf(LIU), await personOf(SUN)];
    const at = new Date();
    const results = await Promise.all([
      h.service.take(k, liu, { messageId: 900_001, groupId: 0, at }),
      h.service.take(k, sun, { messageId: 900_002, groupId: 0, at }),
    ]);
    expect(results.map((r) => r.lost).sort()).toEqual([false, true]);
    const winner = results.find((r) => !r.lost)!.request.volunteerId;
    expect((await h.store.service.findById(k))!).toMatchObject({ status: 'TAKEN', volunteerId: winner });
    expect((await h.store.service.events(k)).filter((e) => e.kind === 'taken')).toHaveLength(1);
    // the request's own message handled again makes no second request
    const src = (await h.store.service.findById(k))!.sourceMessageId!;
    const again = await h.service.request({ requesterId: await personOf(ZHANG), group: (await h.store.groups.findByExternal('WECHAT', ROOM)) as never, text: 'x', kind: '其他' }, { messageId: src, groupId: 0, at });
    expect(again).toMatchObject({ fresh: false, request: { id: k, status: 'TAKEN' } });
  });

  it('cancels only for the requester or staff', async () => {
    const out = await h.say(ROOM, ZHANG, '求助 这两天想请人帮忙送饭');
    const k = (out as { requestNo: number }).requestNo;
    expect(await h.say(ROOM, LI, `取消求助 #${k}`)).toEqual({ kind: 'refused', code: 'NOT_REPORTER' });
    expect(await h.say(ROOM, ZHANG, `取消求助 #${k}`)).toMatchObject({ kind: 'service', action: 'cancel' });
    expect(h.newIn(ROOM).at(-1)).toContain(`求助#${k}已取消`);
    expect((await h.store.service.findById(k))!.status).toBe('CANCELLED');
  });

  it('turns a line that clearly asks for a service into a request; a fault stays a ticket', async () => {
    const out = await h.say(ROOM, LI, '谁能帮我妈去医院陪个诊，她一个人去不了');
    expect(out).toMatchObject({ kind: 'service', action: 'request' });
    expect((await h.store.service.findById((out as { requestNo: number }).requestNo))!.kind).toBe('陪诊');
    expect(await h.say(ROOM, LI, '电梯坏了，谁能帮忙看看')).toMatchObject({ kind: 'ticket' });
    // another fault (电梯又坏了 would be the open ticket told again, kept with it)
    expect(await h.say(ROOM, LI, '求助 电梯按钮坏了')).toMatchObject({ kind: 'ticket' });
  });
});

describe('三单式 in a community with no volunteer on record', () => {
  it('says so to the resident (the staff are told) instead of promising a volunteer', async () => {
    const h = await harness(scriptedTriage([]), { now: new Date('2026-12-07T01:00:00Z') });
    try {
      const out = await h.say('room-20', ZHANG, '求助 家里老人腿脚不便，帮我代办老年证');
      const no = (out as { requestNo: number }).requestNo;
      expect(h.newIn('room-20')).toEqual([`@张阿姨 已收到您的求助（求助#${no}，帮办代办），本社区暂无登记的志愿者，已转社区工作人员联系您。`]);
      const told = h.chat.toUser(HUANG.id).map((m) => m.text).at(-1)!;
      expect(told).toContain(`【求助#${no}·待派单】`);
      // no volunteers' group here: the staff are not told to post it to one
      expect(told).toContain(`派单 求助#${no} @志愿者姓名`);
      expect(told).not.toContain('志愿者群');
    } finally {
      await h.dispose();
    }
  });
});
