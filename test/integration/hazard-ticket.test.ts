// A hazard reported in a group, end to end through the assistant on a real (PGlite) store with the real local triage
// as the bot builds it (createTriage: shipped model + the one hazard rule set + the shipped hazard model): the ticket is
// at least urgent with the urgent deadlines, the receipt says so, and the grid workers and the community staff get the
// patrol alert by direct message although a ticket opened.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import { createTriage } from '../../src/adapters/triage/create-triage.ts';
import { detectUrgency } from '../../src/core/triage/urgency.ts';
import { harness, LI, ZHANG, type Harness } from '../support/harness.ts';

const ROOM = 'room-20';
/** The harness's clock starts at Friday 2026-11-20 12:16 China time and moves one minute per message. */
const ticketNo = (reply: string) => Number(/#(\d+)/.exec(reply)![1]);
const dmTexts = (h: Harness, user: string, from: number) => h.chat.toUser(user).slice(from).map((m) => m.text);

describe('a hazard reported in a group', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(await createTriage({}, createMemoryLogger().logger));
  });
  afterAll(() => h.dispose());
  beforeEach(() => void h.newIn(ROOM));

  it('飞线充电: an urgent ticket (accept within 2 hours, resolve within 1 working day) and an alert to grid and community', async () => {
    const before = { lin: h.chat.toUser('wx-lin').length, chen: h.chat.toUser('wx-chen').length, huang: h.chat.toUser('wx-huang').length };
    const out = await h.say(ROOM, ZHANG, '楼道里有人飞线给电动车充电，电线都拖到一楼了，太危险了');
    expect(out.kind).toBe('ticket');
    const [receipt] = h.newIn(ROOM);
    expect(receipt).toMatch(/^@张阿姨 已收到，工单 #\d+ 已登记（.+，加急），网格员将于 2 小时内受理，11月23日18:00 前办结。$/);
    const t = await h.tickets.get(ticketNo(receipt!));
    expect(t.urgency).toBe('URGENT');
    // reported Friday 12:17 China time: accepted by 14:17 the same day, resolved by the next working day (Monday) 18:00
    expect(t.acceptDueAt?.toISOString()).toBe('2026-11-20T06:17:00.000Z');
    expect(t.resolveDueAt?.toISOString()).toBe('2026-11-23T10:00:00.000Z');
    for (const [user, from] of [['wx-lin', before.lin], ['wx-chen', before.chen], ['wx-huang', before.huang]] as const) {
      expect(dmTexts(h, user, from).some((text) => text.includes('疑似飞线充电')), user).toBe(true);
    }
  });

  it('a loosely worded gas smell: an emergency ticket and an alert', async () => {
    const before = h.chat.toUser('wx-huang').length;
    const out = await h.say(ROOM, ZHANG, '3单元燃气灶那边好像一直有股怪味道');
    expect(out.kind).toBe('ticket');
    const [receipt] = h.newIn(ROOM);
    expect(receipt).toContain('紧急');
    expect((await h.tickets.get(ticketNo(receipt!))).urgency).toBe('EMERGENCY');
    expect(dmTexts(h, 'wx-huang', before).some((text) => text.includes('疑似燃气泄漏'))).toBe(true);
  });

  it('a missing manhole cover in a voice slip (镜盖) that the rules miss but the hazard model catches: an urgent ticket with the urgent deadlines', async () => {
    const text = '2号楼一楼那个镜盖不见了 黑乎乎一个洞';
    expect(detectUrgency(text).urgency).toBe('normal'); // the rules alone would file it as normal
    const before = { lin: h.chat.toUser('wx-lin').length, huang: h.chat.toUser('wx-huang').length };
    const out = await h.say(ROOM, ZHANG, text);
    expect(out.kind).toBe('ticket');
    const [receipt] = h.newIn(ROOM);
    expect(receipt).toMatch(/^@张阿姨 已收到，工单 #\d+ 已登记（.+，加急），网格员将于 2 小时内受理，/);
    const t = await h.tickets.get(ticketNo(receipt!));
    expect(t.urgency).toBe('URGENT');
    expect(t.acceptDueAt!.getTime() - t.createdAt.getTime()).toBe(2 * 3600_000);
    // the patrol's rules saw nothing either, yet the grid and the community hear of it as they do of any hazard
    for (const [user, from] of [['wx-lin', before.lin], ['wx-huang', before.huang]] as const) {
      expect(dmTexts(h, user, from).some((m) => m.includes('加急诉求') && m.includes('镜盖')), user).toBe(true);
    }
  });

  it('two different dangers only triage saw, in one group within the hour: a finding and an alert each, each with its ticket', async () => {
    const texts = ['3号楼后面那个镜盖没了 黑乎乎一个洞', '6号楼东边水表井的盖子碎了，晚上很容易踩空'];
    const before = h.chat.toUser('wx-lin').length;
    const tickets: number[] = [];
    for (const [i, text] of texts.entries()) {
      const out = await h.say(ROOM, i === 0 ? ZHANG : LI, text);
      expect(out.kind, text).toBe('ticket');
      tickets.push((await h.tickets.get(ticketNo(h.newIn(ROOM)[0]!))).id);
    }
    const findings = (await h.store.patrol.list({ rule: 'hazard' })).filter((f) => f.ticketId !== null && tickets.includes(f.ticketId));
    // before: the second folded into the first's finding (same group, hour and "kind"), with no ticket and no alert
    expect(findings.map((f) => f.ticketId).sort()).toEqual([...tickets].sort());
    for (const f of findings) expect(f.summary).toContain(texts[tickets.indexOf(f.ticketId!)]!.slice(0, 6));
    const alerts = dmTexts(h, 'wx-lin', before);
    for (const text of texts) expect(alerts.some((m) => m.includes(text.slice(0, 6))), text).toBe(true);
  });

  it('a gas smell told in voice-input slips (然器, 楼到): an emergency ticket', async () => {
    const text = '2栋楼到里一股很重的然器味 熏得头晕';
    expect(detectUrgency(text).urgency).toBe('normal');
    const out = await h.say(ROOM, ZHANG, text);
    expect(out.kind).toBe('ticket');
    const [receipt] = h.newIn(ROOM);
    expect(receipt).toContain('紧急');
    expect((await h.tickets.get(ticketNo(receipt!))).urgency).toBe('EMERGENCY');
  });

  it('news from elsewhere is no emergency and alerts nobody (the model alone decides whether it is an appeal)', async () => {
    const before = h.chat.toUser('wx-huang').length;
    await h.say(ROOM, ZHANG, '听说隔壁街道昨晚有户人家着火了');
    const receipt = h.newIn(ROOM)[0];
    if (receipt) expect((await h.tickets.get(ticketNo(receipt))).urgency).toBe('NORMAL');
    expect(h.chat.toUser('wx-huang').length).toBe(before);
  });
});
