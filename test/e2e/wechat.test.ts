// The whole loop in WeChat groups: real Wechaty with the mock puppet, real store, the shipped triage model.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatSendError } from '../../src/core/ports/chat-gateway.port.ts';
import type { GridSpec } from '../../src/core/ports/grid.repository.ts';
import { SMALL_GRID } from '../support/small-grid.ts';
import { wechatHarness, type WechatHarness } from '../support/wechat-harness.ts';

const ROOM = 'g20@chatroom';
const GRID: GridSpec = {
  ...SMALL_GRID,
  groups: [
    { platform: 'WECHAT', externalId: ROOM, title: '东园20号楼睦邻群', nodeCode: 'U1', tags: [] },
    { platform: 'WECHAT', externalId: 'g2@chatroom', title: '东园二网格业主群', nodeCode: 'G2', tags: [] },
  ],
};
const ZHANG = 'wx-zhang';
const LI = 'wx-li';
const plain = (s: string) => s.replace(/\u2005/g, ' ');

describe('WeChat bot on the mock puppet', () => {
  let h: WechatHarness;
  const said = (room = ROOM) => (h.roomLog.get(room) ?? []).map(plain);

  beforeAll(async () => {
    h = await wechatHarness(GRID, { extraContacts: [{ id: ZHANG, name: '张阿姨' }, { id: LI, name: '李先生' }] });
  });
  afterAll(() => h?.dispose());

  it('runs the loop: receipt, claim by quoting, progress, resolve, 不满意 reopens, 满意 closes', async () => {
    await h.say(ROOM, ZHANG, '20号楼107室门口的污水井盖破损严重，快塌下去了，物业能否帮忙更换一下？');
    const receipt = said().at(-1)!;
    expect(receipt).toMatch(/^@张阿姨 已收到，工单 #(\d+) 已登记（设施维修，加急），网格员将于 2 小时内受理/);
    const no = Number(/#(\d+)/.exec(receipt)![1]);
    // the on-duty worker hears about it directly
    expect(h.dmLog.get('wx-lin')?.some((t) => t.includes(`新工单 #${no}`))).toBe(true);
    // a hazard (井盖快塌) is also a patrol alert to the grid and the community, ticket or not
    expect(h.dmLog.get('wx-lin')?.some((t) => t.includes('巡查提醒：井盖缺损'))).toBe(true);

    await h.quoteBot(ROOM, 'wx-lin', '收到');
    expect(said().at(-1)).toMatch(new RegExp(`^@张阿姨 工单 #${no} 已由林网格员受理`));

    await h.say(ROOM, 'wx-lin', `进度 #${no} 已联系物业，师傅十分钟后到`);
    expect(said().at(-1)).toBe(`工单 #${no} 进展：已联系物业，师傅十分钟后到`);

    await h.say(ROOM, 'wx-lin', `办结 #${no} 井盖已更换`);
    expect(said().at(-1)).toBe(`@张阿姨 工单 #${no} 已办结：井盖已更换。请回复本消息“满意”“基本满意”或“不满意”，您的评价是我们改进的依据。`);

    await h.quoteBot(ROOM, ZHANG, '不满意');
    expect(said().at(-1)).toBe(`@张阿姨 抱歉没有让您满意，工单 #${no} 已重新打开，网格员会尽快再次处理。`);
    await h.say(ROOM, 'wx-lin', `办结 #${no} 井盖已加固`);
    await h.quoteBot(ROOM, ZHANG, '满意');
    expect(said().at(-1)).toBe(`@张阿姨 感谢您的评价（满意），工单 #${no} 已关闭。`);

    const t = (await h.linli.tickets.get(no))!;
    expect(t.status).toBe('CLOSED');
    const events = await h.linli.tickets.timeline(t.id);
    expect(events.map((e) => e.type)).toEqual(['reported', 'claimed', 'progress', 'resolved', 'reopened', 'claimed', 'resolved', 'closed']);
  });

  it('refuses a stranger who tries to resolve, and says nothing to chatter', async () => {
    await h.say(ROOM, ZHANG, '3号楼电梯又坏了，卡在5楼不动');
    const no = Number(/#(\d+)/.exec(said().at(-1)!)![1]);
    const before = said().length;
    await h.say(ROOM, LI, `办结 #${no} 已修好`);
    expect(said().slice(before)).toEqual(['@李先生 抱歉，此操作需由负责该网格的工作人员办理。']);
    expect((await h.linli.tickets.get(no)).status).toBe('REPORTED');

    const quiet = said().length;
    await h.say(ROOM, LI, '大家早上好，今天天气真不错');
    await h.say(ROOM, ZHANG, '收到');
    expect(said().length).toBe(quiet);
  });

  it('stays silent in a room that is not mapped, and lists it as pending', async () => {
    const extra = h.mocker.createRoom({ id: 'new@chatroom', topic: '新建的楼栋群', memberIdList: [...h.contacts.keys()] });
    h.contacts.get(ZHANG)!.say('电梯坏了，困了人').to(extra);
    await h.settle();
    expect(h.roomLog.get('new@chatroom')).toBeUndefined();
    const pending = await h.linli.store.groups.listUnmapped();
    expect(pending.map((g) => g.externalId)).toContain('new@chatroom');
  });

  it('refuses with a typed error a room the bot is no longer in and a person it does not know', async () => {
    const room = 'left@chatroom';
    const mockRoom = h.mocker.createRoom({ id: room, topic: '老业主群', memberIdList: [...h.contacts.keys()] });
    await h.wechat.gateway.sendToGroup(room, '通知');
    await h.settle();
    expect(h.roomLog.get(room)).toEqual(['通知']);
    mockRoom.remove(h.contacts.get('wxid_linli_bot')!).by(h.contacts.get(ZHANG)!); // the puppet still knows the room
    await h.settle();
    const left = await h.wechat.gateway.sendToGroup(room, '通知').catch((e: unknown) => e);
    expect(left).toBeInstanceOf(ChatSendError);
    expect(left).toMatchObject({ code: 'NOT_IN_GROUP', permanent: true });
    await expect(h.wechat.gateway.sendToGroup('never@chatroom', '通知')).rejects.toMatchObject({ code: 'NOT_IN_GROUP', permanent: true });
    await expect(h.wechat.gateway.sendDirect('wx-stranger', '您好')).rejects.toMatchObject({ code: 'BLOCKED', permanent: true });
    expect(h.roomLog.get(room)).toEqual(['通知']);
  });

  it('keeps a photo that follows an appeal as the ticket attachment, and ignores other photos', async () => {
    await h.say(ROOM, LI, '21号楼楼道的灯坏了好几天了');
    const no = Number(/#(\d+)/.exec(said().at(-1)!)![1]);
    const { FileBox } = await import('file-box');
    h.contacts.get(LI)!.say(FileBox.fromBase64('aGVsbG8=', 'light.jpg')).to(h.rooms.get(ROOM));
    await h.settle();
    const t = await h.linli.tickets.get(no);
    const events = await h.linli.tickets.timeline(t.id);
    expect(events.at(-1)).toMatchObject({ type: 'supplemented' });
    // a photo from someone without a fresh ticket changes nothing
    const count = said().length;
    h.contacts.get('wx-chen')!.say(FileBox.fromBase64('aGVsbG8=', 'cat.jpg')).to(h.rooms.get(ROOM));
    await h.settle();
    expect(said().length).toBe(count);
  });

  it('keeps room members and the title up to date', async () => {
    const room = h.rooms.get(ROOM)!;
    const wang = h.mocker.createContact({ id: 'wx-wang', name: '王大爷' });
    h.contacts.set(wang.id, wang);
    room.add(wang).by(h.contacts.get(ZHANG)!);
    await h.settle();
    const group = (await h.linli.store.groups.findByExternal('WECHAT', ROOM))!;
    const before = await h.linli.store.groups.memberCount(group.id);
    expect(before).toBeGreaterThanOrEqual(1);
    expect(await h.linli.store.people.ensureByIdentity('WECHAT', 'wx-wang', '王大爷')).toMatchObject({ name: '王大爷' });
    room.remove(wang).by(h.contacts.get(ZHANG)!);
    await h.settle();
    expect(await h.linli.store.groups.memberCount(group.id)).toBe(before - 1);
    room.topic('东园20号楼邻里群').by(h.contacts.get(ZHANG)!);
    await h.settle();
    expect((await h.linli.store.groups.findByExternal('WECHAT', ROOM))!.title).toBe('东园20号楼邻里群');
  });
});
