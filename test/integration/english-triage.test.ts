// English in international estates (古北, 望京, 蛇口): the shipped local triage as the bot builds it (createTriage) reads
// an English appeal as an appeal without an @mention, an English hazard as an emergency (and the patrol's hazard reading
// alerts on it), and English chatter and look-alikes as chatter. Also the end-to-end path through the assistant: an
// English appeal with no @mention opens a ticket with a Chinese receipt.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import { createTriage } from '../../src/adapters/triage/create-triage.ts';
import { detectHazard } from '../../src/core/hazard/detect-hazard.ts';
import type { Triage } from '../../src/core/ports/triage.port.ts';
import { harness, ZHANG, type Harness } from '../support/harness.ts';

const CTX = { groupId: 1, gridNodeId: 1 };

/** [text, category, urgency, place] of English appeals that must open a ticket without an @mention. */
const APPEALS: readonly [string, string, 'normal' | 'urgent', Record<string, string>][] = [
  ['The elevator in building 3 has been broken since yesterday', 'facility_repair', 'normal', { building: '3' }],
  ['No hot water in 2-1-1102 again', 'utilities', 'normal', { building: '2', unit: '1', room: '1102' }],
  ['Someone keeps parking in the fire lane by gate 2', 'fire_safety', 'urgent', {}],
  ['The street light outside bldg 5 unit 2 is not working', 'facility_repair', 'normal', { building: '5', unit: '2' }],
  ['Water leaking from the ceiling in my bathroom, room 1203, building 7. Can someone come and check?', 'facility_repair', 'normal', { building: '7', room: '1203' }],
  ['The trash bins at gate 1 are overflowing and it stinks', 'sanitation', 'normal', {}],
  ['Dog poop everywhere on the lawn near block 9, please clean it up', 'sanitation', 'normal', { building: '9' }],
  ['Loud music from upstairs every night after midnight, 3-2-802, please do something', 'noise', 'normal', { building: '3', unit: '2', room: '802' }],
  ['Renovation drilling starts at 7am every day in building 12, way too early', 'noise', 'normal', { building: '12' }],
  ['A car has been blocking the entrance of the underground garage all morning', 'parking_traffic', 'normal', {}],
  ['The whole building 6 has no water since this morning', 'utilities', 'urgent', { building: '6' }],
  ['Power outage in our unit again, flat 1502 tower 2', 'utilities', 'normal', { building: '2', room: '1502' }],
  ['The lift in building 4 is out of order and my 80 year old mother cannot climb the stairs', 'facility_repair', 'urgent', { building: '4' }],
  ['The front gate access card reader is broken, nobody can get in', 'facility_repair', 'normal', {}],
  ['My bike was stolen from the bike shed last night', 'public_security', 'normal', {}],
  ['The tree branch near building 8 is about to fall on the path, please cut it', 'greening', 'normal', { building: '8' }],
  ['Please fix the broken door of the bike shed', 'facility_repair', 'normal', {}],
];

/** [text, kind, level] of English hazards: an emergency (or urgent) ticket and an alert, with or without @mention. */
const HAZARDS: readonly [string, string, 'emergency' | 'urgent'][] = [
  ['I smell gas in the stairwell on the 5th floor', 'gas_leak', 'emergency'],
  ["There's smoke coming out of the electrical box", 'electrical', 'emergency'],
  ['someone is stuck in the lift', 'trapped', 'emergency'],
  ['An old man collapsed near gate 1 and he is not breathing', 'medical', 'emergency'],
  ['Sparks coming from the socket in the corridor of bldg 5', 'electrical', 'emergency'],
  ['The e-bike battery is smoking in the hallway', 'battery_fire', 'emergency'],
  ['A power bank just exploded on the 3rd floor, there is smoke', 'battery_fire', 'emergency'],
  ['Building 3 is on fire, flames on the 8th floor!', 'fire', 'emergency'],
  ['A worker got electrocuted by the meter box in the basement', 'electric_shock', 'emergency'],
  ['Water is flooding the basement and reaching the electrical panel', 'water_electric', 'urgent'],
  ['Someone is charging an e-bike in the corridor on the 6th floor again', 'ebike_indoors', 'urgent'],
  ['The fire exit on the 2nd floor is blocked with boxes', 'blocked_exit', 'urgent'],
  ['Someone threw a bottle from a high floor and it nearly hit a kid', 'falling_object', 'emergency'],
  ['The manhole cover by gate 3 is missing, there is an open hole', 'manhole', 'urgent'],
  ['A man is waving a knife at people near the playground', 'violence', 'emergency'],
  ['My neighbour is standing on the roof edge threatening to jump', 'suicide', 'emergency'],
  ['Strong gas smell in building 2 unit 1, please come now', 'gas_leak', 'emergency'],
  ['A kid is trapped in the elevator of block 6, it stopped between floors', 'trapped', 'emergency'],
];

/** English talk and look-alikes: chatter, or at most a normal line, never an alarm. */
const CHATTER: readonly string[] = [
  'good morning',
  'Good morning everyone!',
  'anyone want to share a taxi to the airport tomorrow?',
  'thanks for fixing the lift!',
  'Thank you so much to the property team for the quick repair',
  'this song is fire',
  "I'm dying of laughing",
  'the fire drill is at 3pm',
  'Reminder: fire drill on Saturday morning, the alarm will ring for 10 minutes',
  'Saw on the news there was a gas explosion in another city, so scary',
  'What should I do if I smell gas?',
  'There is no gas smell anymore, all good',
  'Does anyone know a good English-speaking dentist nearby?',
  'Happy new year neighbours!',
  'lol my phone blew up with messages today',
  'The lift is working again, thanks!',
  'He was on fire in the basketball game last night',
  'That movie where people get stuck in an elevator was so scary',
  'Anyone selling a second hand bike?',
  'Please remember not to charge e-bikes indoors, it is dangerous',
];

describe('English in the group (the shipped local triage)', () => {
  let triage: Triage;
  beforeAll(async () => {
    triage = await createTriage({}, createMemoryLogger().logger);
  });

  it.each(APPEALS)('an appeal: %s', async (text, category, urgency, place) => {
    const r = await triage.classify(text, CTX);
    expect(r, text).toMatchObject({ isAppeal: true, category, urgency });
    expect(r.place, text).toMatchObject(place);
  });

  it.each(HAZARDS)('a hazard: %s', async (text, kind, level) => {
    const r = await triage.classify(text, CTX);
    expect(r, text).toMatchObject({ isAppeal: true, urgency: level });
    // the patrol's reading: the alert
    expect(detectHazard(text), text).toMatchObject({ kind, level });
  });

  it.each(CHATTER)('talk, not an appeal nor an alarm: %s', async (text) => {
    const r = await triage.classify(text, CTX);
    expect(r, text).toMatchObject({ isAppeal: false, urgency: 'normal' });
    expect(detectHazard(text), text).toBeNull();
  });

  it('gives staff a place in Chinese and a summary that starts in Chinese', async () => {
    const r = await triage.classify('The elevator in building 3 has been broken since yesterday', CTX);
    expect(r.place.text).toBe('3号楼');
    expect(r.summary).toMatch(/^\[英\]3号楼电梯故障：The elevator/);
    expect(r.summary.length).toBeLessThanOrEqual(40);
    const gate = await triage.classify('Someone keeps parking in the fire lane by gate 2', CTX);
    expect(gate.place.text).toBe('2号门');
  });

  it('still reads mixed Chinese and English as before (3号楼 elevator 又坏了)', async () => {
    expect(await triage.classify('3号楼 elevator 又坏了', CTX)).toMatchObject({ isAppeal: true, category: 'facility_repair', place: { building: '3' } });
  });
});

describe('an English appeal through the assistant', () => {
  let h: Harness;
  const ROOM = 'room-20';
  beforeAll(async () => {
    h = await harness(await createTriage({}, createMemoryLogger().logger));
  });
  afterAll(() => h.dispose());
  beforeEach(() => void h.newIn(ROOM));

  it('opens a ticket without an @mention, with the Chinese receipt and one English line', async () => {
    const out = await h.say(ROOM, ZHANG, 'The elevator in building 3 has been broken since yesterday');
    expect(out.kind).toBe('ticket');
    const [receipt] = h.newIn(ROOM);
    expect(receipt).toMatch(/^@张阿姨 已收到，工单 #\d+ 已登记（设施维修），网格员将于 1 个工作日内受理，.+前办结。\nReceived: ticket #\d+ is registered and passed to staff\.$/);
    const t = await h.tickets.get(Number(/#(\d+)/.exec(receipt!)![1]));
    expect(t.category).toBe('facility_repair');
    expect(t.summary).toMatch(/^\[英\]3号楼电梯故障/);
  });

  it('makes an English gas smell an emergency ticket with the 119 line in both languages, and alerts staff', async () => {
    const before = h.chat.toUser('wx-huang').length;
    const out = await h.say(ROOM, ZHANG, 'I smell gas in the stairwell on the 5th floor');
    expect(out).toMatchObject({ kind: 'ticket', urgency: 'EMERGENCY' });
    const [receipt] = h.newIn(ROOM);
    expect(receipt).toContain('紧急');
    expect(receipt).toMatch(/call 119/);
    expect(h.chat.toUser('wx-huang').slice(before).some((m) => m.text.includes('疑似燃气泄漏'))).toBe(true);
  });

  it('makes an English hazard with an @mention an emergency ticket too', async () => {
    const before = h.chat.toUser('wx-huang').length;
    const out = await h.say(ROOM, ZHANG, '@邻里助手 someone is stuck in the lift of building 5', { mentionsBot: true });
    expect(out).toMatchObject({ kind: 'ticket', urgency: 'EMERGENCY' });
    const [receipt] = h.newIn(ROOM);
    expect(receipt).toContain('紧急');
    expect(receipt).toMatch(/call 119/);
    expect(h.chat.toUser('wx-huang').slice(before).some((m) => m.text.includes('有人被困'))).toBe(true);
  });

  it('leaves English chatter alone', async () => {
    expect((await h.say(ROOM, ZHANG, 'thanks for fixing the lift!')).kind).toBe('chatter');
    expect(h.newIn(ROOM)).toEqual([]);
  });
});
