// Rule-based extraction of where an appeal is (building / unit / room / named spot) from a resident's message.
import type { Place } from '../tickets/ticket.types.ts';

const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN = '零〇一二两三四五六七八九十';

/** Converts 1–99 written as Arabic digits or Chinese numerals (三, 十二, 二十, 九十九); null when it is not one. */
export function cnToNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number.parseInt(s, 10);
  const parts = s.split('十');
  if (parts.length === 1) return s.length === 1 ? (CN_DIGIT[s] ?? null) : null;
  if (parts.length !== 2) return null;
  const [a = '', b = ''] = parts;
  if (a.length > 1 || b.length > 1) return null;
  const tens = a === '' ? 1 : CN_DIGIT[a];
  const ones = b === '' ? 0 : CN_DIGIT[b];
  if (tens === undefined || ones === undefined || tens === 0) return null;
  return tens * 10 + ones;
}

/**
 * Named spots of a residential compound, canonical name first, then aliases. Exported so deployments can extend it;
 * the canonical name lets two messages about "地下车库" and "地库" be recognised as the same spot.
 */
export const NAMED_SPOTS: readonly (readonly string[])[] = [
  ['东门', '东门口', '东大门'],
  ['西门', '西门口', '西大门'],
  ['南门', '南门口', '南大门'],
  ['北门', '北门口', '北大门'],
  ['正门', '小区正门'],
  ['后门', '小区后门'],
  ['侧门', '小区侧门'],
  ['小区门口', '小区大门', '大门口'],
  ['地库', '地下车库', '地下停车场', '地下室', '负一楼', '负二楼', '负一层', '负二层', 'B1', 'B2', 'B3'],
  ['车棚', '电动车棚', '自行车棚', '非机动车棚', '单车棚'],
  ['垃圾站', '垃圾房', '垃圾中转站', '垃圾分类点', '垃圾投放点'],
  ['楼道', '楼梯间', '过道'],
  ['天台', '楼顶', '屋顶'],
  ['广场', '中心广场', '小区广场'],
  ['健身区', '健身器材', '健身角'],
  ['快递柜', '丰巢', '快递驿站', '菜鸟驿站'],
  ['消防通道', '消防车道', '安全出口'],
  ['绿化带', '草坪', '花坛'],
  ['幼儿园门口'],
  ['学校门口'],
  ['停车场', '地面停车场', '停车位'],
  ['充电桩', '充电棚'],
  ['游乐场', '儿童游乐区', '滑梯'],
  ['凉亭', '中心花园', '花园'],
  ['配电房', '配电箱', '变电箱'],
  ['水泵房', '泵房'],
  ['门卫室', '门岗', '岗亭'],
  ['物业中心', '物业办公室', '物业服务中心'],
  ['活动中心', '老年活动中心', '活动室'],
];

/** Words that, right after a building/room, sharpen the description ("20号楼107室门口"). */
export const LOCATIVE_SUFFIXES: readonly string[] = ['门口', '门前', '楼下', '楼上', '旁边', '附近', '对面', '后面', '前面', '下面', '里面', '东侧', '西侧', '南侧', '北侧'];

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const byLengthDesc = (a: string, b: string): number => b.length - a.length;

const SPOT_CANONICAL = new Map<string, string>();
for (const [canonical, ...aliases] of NAMED_SPOTS) {
  if (canonical === undefined) continue;
  for (const name of [canonical, ...aliases]) SPOT_CANONICAL.set(name.toUpperCase(), canonical);
}
// B1/B2 must stand alone (not "B2栋", "AB23"), the rest are plain words; longest first so 幼儿园门口 beats 门口.
const SPOT_RE = new RegExp(
  `(?<![A-Za-z0-9])(?:${[...SPOT_CANONICAL.keys()].sort(byLengthDesc).map(escape).join('|')})(?![0-9栋座幢号])`,
  'gi',
);
const SUFFIX_RE = new RegExp(
  `^\\s*的?\\s*(?:${[...LOCATIVE_SUFFIXES, ...SPOT_CANONICAL.keys()].sort(byLengthDesc).map(escape).join('|')})`,
  'i',
);

// Chinese numerals + 栋楼 is a count ("一栋楼都停电了"), not building 1, so they only pair with a 号/栋/幢 suffix.
const BUILDING_RE = new RegExp(
  [
    `(?<![\\d.#A-Za-z])第?([A-Za-z]?\\d{1,3})\\s*(?:号楼|号栋|号幢|栋|幢|座(?![位椅谈机])|#楼?(?!\\d))`,
    `(?<![${CN}])第?([${CN}]{1,3})\\s*(?:号楼|号栋|号幢|(?:栋|幢)(?!楼))`,
    `(?<![A-Za-z0-9])([A-Za-z])\\s*(?:号楼|栋|幢|座(?![位椅]))`,
  ].join('|'),
  'g',
);
const UNIT_RE = new RegExp(`(?<![\\d])(\\d{1,2}|[${CN}]{1,3})\\s*单元`, 'g');
const ROOM_RE = /(?<![\d.#])(\d{3,4})\s*(?:室|号室|号房|房间|房(?![东子租价贷]))/g;
// "20-107" or "3-2-502": building-(unit-)room, as property staff write it; dates/phones fail the digit bounds.
const DASH_RE = /(?<![\d\-.:/+])(\d{1,2})\s*[-－—]\s*(?:(\d{1,2})\s*[-－—]\s*)?(\d{3,4})(?![\d\-.:/%元块点号年月日])/g;
const FLOOR_RE = new RegExp(`(?<![\\d号])(\\d{1,2}|[${CN}]{1,3})\\s*(?:楼|层)(?![盘主])`, 'g');
// A bare 3–4 digit number right after a building/unit is the room ("3栋2单元502"), unless it is money, time or a date.
const TRAILING_ROOM_RE = /^\s*的?\s*(\d{3,4})(?![\d.%元块点号年月日分秒])/;

interface Hit {
  start: number;
  end: number;
}

function firstHit(re: RegExp, text: string, accept: (m: RegExpExecArray) => boolean): RegExpExecArray | null {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) if (accept(m)) return m;
  return null;
}

const span = (m: RegExpExecArray): Hit => ({ start: m.index, end: m.index + m[0].length });

/** The canonical named spot mentioned in the text (first one), e.g. "地下车库入口" → "地库". */
export function findSpot(text: string): { canonical: string; start: number; end: number; raw: string } | undefined {
  SPOT_RE.lastIndex = 0;
  const m = SPOT_RE.exec(text);
  if (!m) return undefined;
  return { canonical: SPOT_CANONICAL.get(m[0].toUpperCase()) ?? m[0], raw: m[0], ...span(m) };
}

/** Replaces every spot alias by its canonical name ("地下车库" → "地库"), so two wordings compare equal. */
export function canonicalizeSpots(text: string): string {
  return text.replace(SPOT_RE, (m) => SPOT_CANONICAL.get(m.toUpperCase()) ?? m);
}

/** Replaces every named spot by a space, so what is left names no place ("游乐场秋千" → " 秋千"). */
export function stripSpots(text: string): string {
  return text.replace(SPOT_RE, ' ');
}

/** Removes building/unit/room/floor mentions, so similarity compares what is wrong rather than where. */
export function stripPlaceMentions(text: string): string {
  return [BUILDING_RE, UNIT_RE, ROOM_RE, DASH_RE, FLOOR_RE].reduce((t, re) => t.replace(re, ' '), text);
}

export function extractPlace(text: string): Place {
  const hits: Hit[] = [];
  let building: string | undefined;
  let unit: string | undefined;
  let room: string | undefined;

  const b = firstHit(BUILDING_RE, text, (m) => buildingName(m[1] ?? m[2] ?? m[3] ?? '') !== undefined);
  if (b) {
    building = buildingName(b[1] ?? b[2] ?? b[3] ?? '');
    hits.push(span(b));
  }
  const u = firstHit(UNIT_RE, text, (m) => (cnToNumber(m[1] ?? '') ?? 0) > 0);
  if (u) {
    unit = String(cnToNumber(u[1] ?? ''));
    hits.push(span(u));
  }
  const r = firstHit(ROOM_RE, text, () => true);
  if (r) {
    room = String(Number.parseInt(r[1] ?? '', 10));
    hits.push(span(r));
  }
  if (!building && !room) {
    const d = firstHit(DASH_RE, text, (m) => Number.parseInt(m[1] ?? '0', 10) > 0);
    if (d) {
      building = String(Number.parseInt(d[1] ?? '', 10));
      if (d[2] !== undefined && !unit) unit = String(Number.parseInt(d[2], 10));
      room = d[3];
      hits.push(span(d));
    }
  }
  if (!room && hits.length > 0) {
    const end = Math.max(...hits.map((h) => h.end));
    const t = TRAILING_ROOM_RE.exec(text.slice(end));
    if (t) {
      room = String(Number.parseInt(t[1] ?? '', 10));
      hits.push({ start: end, end: end + t[0].length });
    }
  }

  const place: Place = {};
  if (building) place.building = building;
  if (unit) place.unit = unit;
  if (room) place.room = room;
  const description = describe(text, hits);
  if (description) place.text = description;
  return place;
}

/** "03" → "3", "三" → "3", "b" → "B", "b2" → "B2"; undefined for 0 or a non-number. */
function buildingName(raw: string): string | undefined {
  const m = /^([A-Za-z]?)(.*)$/.exec(raw);
  const letter = (m?.[1] ?? '').toUpperCase();
  const rest = m?.[2] ?? '';
  if (rest === '') return letter || undefined;
  const n = cnToNumber(rest);
  return n !== null && n > 0 ? letter + String(n) : undefined;
}

/** The shortest faithful description: the contiguous run of place parts plus a following spot/locative word. */
function describe(text: string, hits: Hit[]): string | undefined {
  if (hits.length === 0) return findSpot(text)?.raw;
  // floors next to a building belong in the description ("3栋5楼楼道"), though Place has no field for them
  FLOOR_RE.lastIndex = 0;
  for (let m = FLOOR_RE.exec(text); m !== null; m = FLOOR_RE.exec(text)) hits.push(span(m));
  const sorted = [...hits].sort((x, y) => x.start - y.start);
  const anchor = sorted.find((h) => !isFloorOnly(text, h)) ?? sorted[0];
  if (!anchor) return undefined;
  let { start, end } = anchor;
  for (const h of sorted) {
    if (h.start >= start && h.start <= end + 1 && h.end > end) end = h.end;
  }
  const suffix = SUFFIX_RE.exec(text.slice(end));
  if (suffix) end += suffix[0].length;
  return text.slice(start, end).replace(/\s+/g, '').replace(/的$/, '') || undefined;
}

function isFloorOnly(text: string, h: Hit): boolean {
  return /^(?:\d{1,2}|[零〇一二两三四五六七八九十]{1,3})\s*(?:楼|层)$/.test(text.slice(h.start, h.end));
}

/**
 * The place a correction ("不对，是21号楼", "应该是2单元") makes of a ticket's place: the largest part it names and
 * everything it names below that replace the old ones; the parts above it are kept ("应该是2单元" of 20号楼3单元 → 20号楼2单元).
 * A new building drops the old unit and room (another building's 3单元 is a guess). Null when it names no building,
 * unit or room (a spot alone, "东门那边", is a detail, not a move).
 */
export function correctedPlace(old: Place, fix: Place): Place | null {
  if (fix.building) return { ...fix };
  if (!fix.unit && !fix.room) return null;
  const keep: Place = { ...(old.building ? { building: old.building } : {}), ...(fix.unit || !old.unit ? {} : { unit: old.unit }) };
  // the old words naming the parts kept: up to the end of the building's mention for a new unit, of the unit's for a
  // new room ("20号楼3单元楼道" → "20号楼" / "20号楼3单元"), so spot words after them go with the replaced part
  const head = keptWords(old.text ?? '', fix.unit ? [BUILDING_RE] : [UNIT_RE, BUILDING_RE]);
  const next: Place = { ...keep, ...(fix.unit ? { unit: fix.unit } : {}), ...(fix.room ? { room: fix.room } : {}) };
  const text = `${head}${fix.text ?? ''}`;
  return text ? { ...next, text } : next;
}

/** The text up to the end of the first of these mentions found in it ('' when none is). */
function keptWords(text: string, mentions: readonly RegExp[]): string {
  for (const re of mentions) {
    const m = firstHit(re, text, () => true);
    if (m) return text.slice(0, m.index + m[0].length);
  }
  return '';
}
