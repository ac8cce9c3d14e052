// Duplicates, follow-ups and corrections through the assistant on a real store.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { extractPlace } from '../../src/core/triage/place.ts';
import type { Triage } from '../../src/core/ports/triage.port.ts';
import { harness, LI, LIN, ZHANG, type Harness } from '../support/harness.ts';

const ROOM = 'room-20';
const WANG = { id: 'wx-wang', name: '王大爷' };

/** Appeal when a problem word is present; place from the real rules, so place matching is exercised. */
const triage: Triage = {
  async classify(text) {
    const isAppeal = /坏|漏|堵|臭|塌/.test(text);
    return { isAppeal, confidence: 0.9, category: isAppeal ? 'facility_repair' : 'chatter', place: extractPlace(text), urgency: 'normal', summary: text.slice(0, 40), source: 'local' };
  },
};

describe('duplicates, follow-ups and corrections', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(triage);
  });
  afterAll(() => h.dispose());
  beforeEach(() => void h.newIn(ROOM));

  it('a second resident reporting the same problem joins the open ticket', async () => {
    const first = await h.say(ROOM, ZHANG, '3栋电梯又坏了，卡住了');
    expect(first.kind).toBe('ticket');
    const no = (first as { ticketNo: number }).ticketNo;
    h.newIn(ROOM);
    const second = await h.say(ROOM, LI, '3号楼的电梯坏了 卡在5楼');
    expect(second).toEqual({ kind: 'joined', ticketNo: no, ticketId: expect.any(Number) });
    expect(h.newIn(ROOM)).toEqual([`@李先生 该问题已登记为工单 #${no}，已为您加入关注，办理结果会在群里告知。`]);
    const t = await h.tickets.get(no);
    expect(t.reporterCount).toBe(2);
    expect((await h.tickets.timeline(t.id)).map((e) => e.type)).toEqual(['reported', 'joined']);
  });

  it('a look-alike in another building is a new ticket', async () => {
    const out = await h.say(ROOM, WANG, '5栋电梯坏了');
    expect(out.kind).toBe('ticket');
  });

  it('an unrelated problem in the same building is a new ticket', async () => {
    const out = await h.say(ROOM, WANG, '3栋地下室水管漏水');
    expect(out.kind).toBe('ticket');
  });

  it('a follow-up line from the reporter within minutes is kept with their ticket, quietly', async () => {
    const first = (await h.say(ROOM, ZHANG, '楼下垃圾站好臭')) as { ticketNo: number };
    h.newIn(ROOM);
    expect(await h.say(ROOM, ZHANG, '就在东门那边')).toEqual({ kind: 'supplemented', ticketNo: first.ticketNo, ticketId: expect.any(Number) });
    expect(h.newIn(ROOM)).toEqual([]);
    const events = await h.tickets.timeline((await h.tickets.get(first.ticketNo)).id);
    expect(events.at(-1)).toMatchObject({ type: 'supplemented', note: '就在东门那边' });
    // small talk is not a follow-up, and another resident's line is not either
    expect(await h.say(ROOM, ZHANG, '谢谢大家')).toEqual({ kind: 'chatter' });
    expect(await h.say(ROOM, LI, '就在东门那边')).toEqual({ kind: 'chatter' });
    // nor is a long forwarded article that names a place (it was kept as the ticket's 补充信息)
    const article = '【转】关于做好冬季住宅小区消防安全工作的提示：近期天气寒冷，用火用电增多，请各位业主注意，20号楼、21号楼楼道内请勿堆放杂物，东门附近的消防通道请勿停车。' + '冬季取暖要注意安全，电暖器不要靠近窗帘等易燃物，出门前请关闭电源。'.repeat(3);
    expect(article.length).toBeGreaterThan(80);
    expect(await h.say(ROOM, ZHANG, article)).not.toMatchObject({ kind: 'supplemented' });
  });

  it('stores corrections: a rejection as not an appeal, and a change of category', async () => {
    const a = (await h.say(ROOM, LI, '谁家的车漏油了哈哈')) as { ticketNo: number };
    await h.say(ROOM, LIN, `驳回 #${a.ticketNo} 非诉求`);
    const b = (await h.say(ROOM, WANG, '楼上天天晚上塌地板一样响')) as { ticketNo: number };
    h.newIn(ROOM);
    await h.say(ROOM, LIN, `改类 #${b.ticketNo} 噪音扰民`);
    expect(h.newIn(ROOM)).toEqual([`@林网格员 工单 #${b.ticketNo} 已更正为「噪音扰民」，谢谢，系统会据此改进识别。`]);
    expect((await h.tickets.get(b.ticketNo)).category).toBe('noise');
    await h.say(ROOM, LIN, `改类 #${b.ticketNo} 外星人`);
    expect(h.newIn(ROOM)[0]).toMatch(/^@林网格员 没有“外星人”这个类别，可选：设施维修、环境卫生/);
    const corrections = await h.store.corrections.list();
    expect(corrections.map((c) => [c.text, c.label])).toEqual([
      ['谁家的车漏油了哈哈', 'chatter'],
      ['楼上天天晚上塌地板一样响', 'noise'],
    ]);
  });
});

describe('a reworded report of an open problem, read by the shipped triage', () => {
  let h: Harness;
  beforeAll(async () => {
    const { createTriage } = await import('../../src/adapters/triage/create-triage.ts');
    const { createMemoryLogger } = await import('../../src/adapters/logging/pino.logger.ts');
    h = await harness(await createTriage({}, createMemoryLogger().logger));
  });
  afterAll(() => h.dispose());

  it('joins 自来水发黄 to the open ticket about the 水箱 water turning yellow; 停水了 is a new ticket', async () => {
    const first = await h.say(ROOM, ZHANG, '水箱里出来的水都变黄了，烧开还有沉淀');
    expect(first.kind).toBe('ticket');
    const no = (first as { ticketNo: number }).ticketNo;
    expect(await h.say(ROOM, LI, '自来水发黄')).toEqual({ kind: 'joined', ticketNo: no, ticketId: expect.any(Number) });
    expect((await h.say(ROOM, WANG, '停水了，一滴都没有')).kind).toBe('ticket');
  });

  it('joins 暖气片冰凉 to the open 暖气不热 of the unit; 暖气太热 and another unit’s cold radiators are new tickets', async () => {
    const ZHAO = { id: 'wx-zhao', name: '赵阿姨' };
    const first = await h.say(ROOM, ZHANG, '3单元家里暖气不热');
    expect(first.kind).toBe('ticket');
    const no = (first as { ticketNo: number }).ticketNo;
    expect(await h.say(ROOM, LI, '3单元暖气片摸着冰凉的，屋里太冷了')).toEqual({ kind: 'joined', ticketNo: no, ticketId: expect.any(Number) });
    const hot = await h.say(ROOM, WANG, '3单元暖气太热了，烫手，能不能调一下');
    expect(hot.kind).toBe('ticket');
    expect((hot as { ticketNo: number }).ticketNo).not.toBe(no);
    const other = await h.say(ROOM, ZHAO, '2单元暖气不热');
    expect(other.kind).toBe('ticket');
    expect((await h.tickets.get(no)).reporterCount).toBe(2);
  });
});
