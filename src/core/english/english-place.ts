// Where an English appeal is: "building 3", "bldg 5 unit 2", "room 1203", "flat 1502 tower 2", "5th floor", "gate 2",
// "the bike shed". Read into the same Place as a Chinese one, its description in Chinese for the staff who read it
// ("3号楼2单元", "2号门", "车棚"). Dashed forms ("2-1-1102") are the Chinese reader's (place.ts).
import type { Place } from '../tickets/ticket.types.ts';
import { englishForm } from './english-text.ts';

const BUILDING = /\b(?:building|bldg|bld|block|blk|tower)\s*\.?\s*(?:no\.?\s*|#\s*)?([a-z]?\d{1,3})(?![\d:])\b/;
const UNIT = /\bunit\s*(?:no\.?\s*|#\s*)?(\d{1,4})(?![\d:])\b/;
const ROOM = /\b(?:room|rm|flat|apt|apartment|suite|no\.|#)\s*\.?\s*(\d{3,4})(?![\d:])\b/;
const FLOOR = /\b(\d{1,2})(?:st|nd|rd|th)?\s*(?:floor|fl)\b|\bfloor\s*(\d{1,2})\b|\b(\d{1,2})f\b/;
const GATE = /\b(?:gate|entrance)\s*(?:no\.?\s*|#\s*)?(\d{1,2})\b/;
const SIDE_GATE = /\b(north|south|east|west|main|back|side|front)\s+(?:gate|entrance)\b/;
const SIDE_ZH: Readonly<Record<string, string>> = { north: '北门', south: '南门', east: '东门', west: '西门', main: '正门', front: '正门', back: '后门', side: '侧门' };
/** English names of the named spots (place.ts NAMED_SPOTS), to their Chinese canonical name. */
const SPOTS: readonly (readonly [RegExp, string])[] = [
  [/\b(?:underground (?:garage|car ?park|parking)|parking garage|basement)\b/, '地库'],
  [/\b(?:bike|bicycle|e-?bike) (?:shed|rack|park)s?\b/, '车棚'],
  [/\b(?:fire (?:lane|exit|escape|access)|emergency exit)s?\b/, '消防通道'],
  [/\b(?:stairwell|staircase|stairs|corridor|hallway)s?\b/, '楼道'],
  [/\b(?:rooftop|roof)\b/, '天台'],
  [/\bplayground\b/, '游乐场'],
  [/\b(?:parcel|package|delivery) lockers?\b/, '快递柜'],
  [/\b(?:property|management) (?:office|centre|center)\b/, '物业中心'],
  [/\b(?:garbage|trash|rubbish|recycling) (?:station|room|area|point)\b|\bbin area\b/, '垃圾站'],
  [/\b(?:gym|fitness (?:area|equipment))\b/, '健身区'],
  [/\b(?:lawn|flower ?beds?)\b/, '绿化带'],
  [/\bgarden\b/, '花园'],
  [/\b(?:parking lot|car ?park)\b/, '停车场'],
  [/\b(?:guard ?house|security (?:booth|room))\b/, '门卫室'],
  [/\blobby\b/, '大堂'],
];

const num = (s: string | undefined): string | undefined => (s === undefined ? undefined : String(Number.parseInt(s, 10)));

/** The English place words of a message, building/unit/room as the Chinese reader gives them. */
export function extractEnglishPlace(message: string): Place & { floor?: string; spot?: string } {
  const text = englishForm(message);
  const out: Place & { floor?: string; spot?: string } = {};
  const b = BUILDING.exec(text)?.[1];
  if (b) out.building = /^[a-z]/.test(b) ? b[0]!.toUpperCase() + (num(b.slice(1)) ?? '') : num(b);
  const u = UNIT.exec(text)?.[1];
  // a flat is "unit 1502" in English: three or four digits are a room
  if (u && u.length >= 3) out.room = num(u);
  else if (u && Number(u) > 0) out.unit = num(u);
  const r = ROOM.exec(text)?.[1];
  if (r && !out.room) out.room = num(r);
  const f = FLOOR.exec(text);
  const floor = f ? (f[1] ?? f[2] ?? f[3]) : undefined;
  if (floor && Number(floor) > 0) out.floor = num(floor);
  const g = GATE.exec(text)?.[1];
  const side = SIDE_GATE.exec(text)?.[1];
  const spot = g ? `${num(g)}号门` : side ? SIDE_ZH[side] : SPOTS.find(([re]) => re.test(text))?.[1];
  if (spot) out.spot = spot;
  return out;
}

/**
 * The place of an English message: the Chinese reader's fields (dashed "2-1-1102") first, the English words fill the
 * gaps, and the description is written in Chinese ("3号楼2单元1102室", "5楼楼道", "2号门").
 */
export function englishPlace(message: string, rules: Place): Place {
  const en = extractEnglishPlace(message);
  const place: Place = {};
  const building = rules.building ?? en.building;
  const unit = rules.unit ?? en.unit;
  const room = rules.room ?? en.room;
  if (building) place.building = building;
  if (unit) place.unit = unit;
  if (room) place.room = room;
  const text = `${building ? `${building}号楼` : ''}${unit ? `${unit}单元` : ''}${room ? `${room}室` : en.floor ? `${en.floor}楼` : ''}${en.spot ?? ''}`;
  if (text) place.text = text;
  return place;
}
